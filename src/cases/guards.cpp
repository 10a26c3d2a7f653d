// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Guards: the registry of named guard functions, the lazily evaluated
// GuardContext, and the standard guards. The two that need the engine
// (`filed_in_window`, `eligible`) evaluate the case's tentative application
// under the version in force on its filing date; their refusals name the
// version, the outcome and the reason codes, never personal data.
#include <algorithm>

#include "regularis/cases/lifecycle.hpp"
#include "regularis/facts/read.hpp"

namespace regularis {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

/// The local date of the event in the programme's zone (UTC without one).
Date local_date(const GuardContext& c) {
  return c.programme() != nullptr ? c.programme()->time_zone().local_date(c.event().at)
                                  : c.event().at.utc_date();
}

std::string invalid_reason(const Evaluation& e) {
  std::vector<std::string> problems;
  for (const auto& d : e.diagnostics) {
    if (d.severity != Severity::error) continue;
    problems.push_back(d.json_path.empty() ? d.code : d.code + " at " + d.json_path);
  }
  return "the application is invalid (" + join(problems) + ")";
}

GuardResult filed_in_window(const GuardContext& c) {
  const Evaluation* e = c.evaluation();
  if (e == nullptr) return GuardResult::refuse("no programme to check the filing window against");
  if (e->outcome == Outcome::invalid) return GuardResult::refuse(invalid_reason(*e));
  const Date filed = e->filing_date ? *e->filing_date : local_date(c);
  const ProgrammeVersion* v = c.programme()->version_in_force(filed);
  if (v == nullptr)
    return GuardResult::refuse("no version of " + c.programme()->id() + " is in force on " +
                               filed.to_string());
  for (const auto& criterion : e->criteria) {
    if (criterion.id != "filed_in_window" || criterion.status != CriterionStatus::not_met) continue;
    std::string window;
    if (v->window.opens || v->window.closes)
      window = " (" + (v->window.opens ? v->window.opens->to_string() : std::string("...")) +
               " to " + (v->window.closes ? v->window.closes->to_string() : std::string("...")) +
               ")";
    return GuardResult::refuse("filed on " + filed.to_string() + " (" +
                               c.programme()->time_zone().name() +
                               "), outside the filing window of " + c.programme()->id() +
                               " version " + v->label() + window);
  }
  return GuardResult::pass();
}

GuardResult eligible(const GuardContext& c) {
  const Evaluation* e = c.evaluation();
  if (e == nullptr) return GuardResult::refuse("no programme to evaluate the case against");
  if (!c.after().submitted_at)
    return GuardResult::refuse("the case was never submitted, so it has no filing date");
  if (e->outcome == Outcome::eligible) return GuardResult::pass();
  if (e->outcome == Outcome::invalid) return GuardResult::refuse(invalid_reason(*e));
  std::string why = "under " + c.programme()->id() + " version " +
                    (e->version.empty() ? std::string("(none)") : e->version);
  if (e->filing_date) why += " (filing date " + e->filing_date->to_string() + ")";
  why += " the application is " + std::string(to_string(e->outcome));
  if (!e->reasons.empty()) why += ": " + join(e->reasons);
  return GuardResult::refuse(why);
}

GuardResult first_appeal(const GuardContext& c) {
  if (c.before() != nullptr && c.before()->appeals > 0)
    return GuardResult::refuse("the case was appealed before");
  return GuardResult::pass();
}

GuardResult due_after_event(const GuardContext& c) {
  const Date today = local_date(c);
  if (!c.event().due || *c.event().due <= today)
    return GuardResult::refuse(
        "the due date " + (c.event().due ? c.event().due->to_string() : std::string("(none)")) +
        " is not after the day of the request, " + today.to_string());
  return GuardResult::pass();
}

}  // namespace

GuardContext::GuardContext(const Case* before, const Case& after, const Event& event,
                           const Programme* programme, const Engine* engine)
    : before_(before), after_(after), event_(event), programme_(programme), engine_(engine) {}

const Evaluation* GuardContext::evaluation() const {
  if (programme_ == nullptr || engine_ == nullptr) return nullptr;
  if (!evaluation_) {
    EvaluationOptions options;
    options.as_of = programme_->time_zone().local_date(event_.at);
    evaluation_ = engine_->evaluate(*programme_, read_application(after_.application), options);
  }
  return &*evaluation_;
}

Guards Guards::standard() {
  Guards g;
  g.add("filed_in_window", filed_in_window);
  g.add("eligible", eligible);
  g.add("first_appeal", first_appeal);
  g.add("due_after_event", due_after_event);
  return g;
}

Guards& Guards::add(std::string name, GuardFunction guard) {
  guards_[std::move(name)] = std::move(guard);
  return *this;
}

bool Guards::has(std::string_view name) const { return guards_.find(name) != guards_.end(); }

std::vector<std::string> Guards::names() const {
  std::vector<std::string> out;
  for (const auto& entry : guards_) out.push_back(entry.first);
  return out;
}

GuardResult Guards::run(std::string_view name, const GuardContext& context) const {
  auto it = guards_.find(name);
  if (it == guards_.end())
    return GuardResult::refuse("no guard named \"" + std::string(name) + "\" is registered");
  return it->second(context);
}

}  // namespace regularis
