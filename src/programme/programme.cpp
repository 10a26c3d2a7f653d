// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Stage 3, compile, and the read-only face of the model: texts with their
// language fallback, parameter values by date, routes and windows of a
// version, and the Programme's accessors and version_in_force.
#include <cstdio>

#include "programme/programme_impl.hpp"
#include "regularis/programme/programme.hpp"

namespace regularis {

namespace {
const std::string kEmpty;
}  // namespace

const std::string& Text::text(std::string_view language) const noexcept {
  const std::string* fallback = nullptr;
  for (const auto& [lang, text] : texts_) {
    if (lang == language) return text;
    if (lang == default_language_) fallback = &text;
  }
  return fallback != nullptr ? *fallback : kEmpty;
}

bool Text::has(std::string_view language) const noexcept {
  for (const auto& entry : texts_) {
    if (entry.first == language) return true;
  }
  return false;
}

std::string TimeOfDay::to_string() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", hour % 100, minute % 100);
  return buf;
}

const Constant& Parameter::value_on(Date date) const {
  const Step* chosen = &steps.front();
  for (const Step& s : steps) {
    if (!s.from || *s.from <= date) chosen = &s;
  }
  return chosen->value;
}

const LifecycleState* LifecycleDefinition::state(std::string_view id) const noexcept {
  for (const LifecycleState& s : states) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const Route* ProgrammeVersion::route(std::string_view id) const noexcept {
  for (const Route& r : routes) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

const Window& ProgrammeVersion::window_for(std::string_view route_id) const noexcept {
  const Route* r = route(route_id);
  return r != nullptr ? r->window : window;
}

const Parameter* ProgrammeVersion::parameter(std::string_view name) const noexcept {
  for (const Parameter& p : parameters) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const std::string& Programme::id() const noexcept { return impl_->id; }
const Text& Programme::title() const noexcept { return impl_->title; }
const std::string& Programme::default_language() const noexcept { return impl_->default_language; }
Country Programme::jurisdiction() const noexcept { return *impl_->jurisdiction; }
const TimeZone& Programme::time_zone() const noexcept { return *impl_->time_zone; }
bool Programme::windows_in_office_zone() const noexcept { return impl_->windows_in_office_zone; }
LeapDayBirthday Programme::leap_day_anniversary() const noexcept {
  return impl_->leap_day.value_or(LeapDayBirthday::march_1);
}

const HolidayCalendar* Programme::calendar() const noexcept {
  return impl_->calendar ? &*impl_->calendar : nullptr;
}
const std::string& Programme::legal_basis() const noexcept { return impl_->legal_basis; }
const Text& Programme::authority() const noexcept { return impl_->authority; }
const std::vector<std::string>& Programme::sources() const noexcept { return impl_->sources; }
const std::vector<std::string>& Programme::notes() const noexcept { return impl_->notes; }
const std::vector<std::string>& Programme::unconfirmed() const noexcept {
  return impl_->unconfirmed;
}
const std::vector<FactDeclaration>& Programme::facts() const noexcept { return impl_->facts; }
const std::map<std::string, Text, std::less<>>& Programme::questions() const noexcept {
  return impl_->questions;
}
const Text* Programme::question(std::string_view fact_path) const noexcept {
  auto it = impl_->questions.find(fact_path);
  return it == impl_->questions.end() ? nullptr : &it->second;
}
const std::vector<ProgrammeVersion>& Programme::versions() const noexcept {
  return impl_->versions;
}
const LifecycleDefinition* Programme::lifecycle() const noexcept {
  return impl_->lifecycle ? &*impl_->lifecycle : nullptr;
}
const std::vector<std::string>& Programme::fact_paths() const noexcept { return impl_->fact_paths; }
const std::string& Programme::file_name() const noexcept { return impl_->file_name; }
const std::string& Programme::source_text() const noexcept { return impl_->source_text; }
const std::string& Programme::sha256() const noexcept { return impl_->sha256; }

const ProgrammeVersion* Programme::version_in_force(Date filing_date) const noexcept {
  const ProgrammeVersion* found = nullptr;
  for (const ProgrammeVersion& v : impl_->versions) {
    if (v.effective_from > filing_date) break;
    found = &v;
  }
  if (found != nullptr && found->effective_until && *found->effective_until < filing_date) {
    return nullptr;
  }
  return found;
}

Programme compile(const CheckedProgramme& checked) {
  // The checker compiled every expression (type-checking is compiling), so
  // the model is complete: freeze it.
  return Programme(checked.impl_->programme);
}

}  // namespace regularis
