// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The calendar-file loader: a YAML holiday calendar (examples/calendars/*.yaml,
// whose format each file documents at its top) → a HolidayCalendar, with every
// mistake in the file reported at once as a diagnostic at file:line:col. It
// lives in the programme module because yaml-cpp does; it speaks only our
// vocabulary.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "regularis/calendar/holiday_calendar.hpp"
#include "regularis/core/country.hpp"
#include "regularis/core/diagnostic.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// A calendar file read: the calendar (when the file has no errors), its
/// descriptive fields, and every diagnostic found (errors and warnings).
///
///     CalendarFile f = load_calendar_text(text, "br.yaml");
///     if (f.diagnostics.has_errors()) { for (auto& d : f.diagnostics) ... }
///     else f.calendar->is_business_day(*Date::parse("2009-02-24"));   // false: Carnival
struct CalendarFile {
  std::optional<HolidayCalendar> calendar;  ///< set when there are no errors
  std::string title;
  std::optional<Country> jurisdiction;
  std::vector<std::string> sources;
  Diagnostics diagnostics;
};

/// Reads calendar-file text. Never throws for bad input. Diagnostic codes:
/// `calendar.yaml_syntax`, `calendar.not_a_mapping`, `calendar.not_a_list`,
/// `calendar.unknown_key`, `calendar.duplicate_key`, `calendar.missing_key`,
/// `calendar.bad_holiday_date`, `calendar.bad_value`, `calendar.bad_year`,
/// `calendar.no_business_days`, and the warning `calendar.duplicate_holiday`.
///
///     auto f = load_calendar_text("calendar: x\nholidays:\n  - {name: Natal, date: 12-25}\n",
///                                 "x.yaml");
///     f.calendar->is_holiday(*Date::parse("2009-12-25"));   // true
REGULARIS_API CalendarFile load_calendar_text(const std::string& text,
                                              const std::string& file_name);

/// Reads a calendar file from disk, then load_calendar_text with the path as
/// the file name. Throws IoError ("io.open") when the file cannot be read.
///
///     CalendarFile br = load_calendar_file("examples/calendars/br.yaml");
REGULARIS_API CalendarFile load_calendar_file(const std::string& path);

}  // namespace regularis
