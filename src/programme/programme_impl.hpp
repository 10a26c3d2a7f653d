// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The private insides of Programme and CheckedProgramme. The checker fills a
// Programme::Impl (every expression already compiled by the rules module,
// since type-checking is compiling); `compile` hands it, frozen, to the
// Programme. Nothing changes it afterwards.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "regularis/programme/check.hpp"
#include "regularis/programme/programme.hpp"

namespace regularis {

class Programme::Impl {
 public:
  std::string id;
  Text title;
  std::string default_language = "en";
  std::optional<Country> jurisdiction;
  std::optional<TimeZone> time_zone;
  std::optional<HolidayCalendar> calendar;
  std::optional<LeapDayBirthday> leap_day;  ///< `leap_day_anniversary:`, when stated
  bool windows_in_office_zone = false;      ///< `window_time_zone: office`
  std::string legal_basis;
  Text authority;
  std::vector<std::string> sources;
  std::vector<std::string> notes;
  std::vector<std::string> unconfirmed;
  std::vector<FactDeclaration> facts;
  std::map<std::string, Text, std::less<>> questions;
  std::vector<ProgrammeVersion> versions;
  std::optional<LifecycleDefinition> lifecycle;
  std::vector<std::string> fact_paths;
  std::string file_name;
  std::string source_text;
  std::string sha256;  ///< of source_text, computed once
};

class CheckedProgramme::Impl {
 public:
  ProgrammeSource source;
  std::shared_ptr<const Programme::Impl> programme;
};

}  // namespace regularis
