// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The transition table: the standard rows (data), the checks a table passes
// before it is used (diagnostics, all at once), deciding whether a case
// accepts an event (table, outcome, role, four eyes, guard; a rejection names
// the rule) and the Graphviz rendering.
#include "regularis/cases/lifecycle.hpp"

#include <algorithm>
#include <set>
#include <sstream>

namespace regularis {
namespace {

const std::vector<std::string> kApplicantOrClerk = {"applicant", "clerk"};
const std::vector<std::string> kStaff = {"clerk", "supervisor"};
const std::vector<std::string> kSupervisor = {"supervisor"};
const std::vector<std::string> kApplicant = {"applicant"};
const std::vector<std::string> kAnyone = {"applicant", "clerk", "supervisor"};

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string event_label(const std::string& event, const std::string& outcome) {
  return outcome.empty() ? event : event + "(" + outcome + ")";
}

std::string state_label(const std::string& state) {
  return state.empty() ? std::string("(no case)") : "\"" + state + "\"";
}

std::string dot_quote(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '\\';  // labels keep their "\\n" line breaks
    out += ch;
  }
  return out + "\"";
}

}  // namespace

std::string Transition::to_string() const {
  std::string out =
      (from.empty() ? std::string("(none)") : from) + " + " + event_label(event, outcome);
  if (!guard.empty()) out += " [" + guard + "]";
  return out + " -> " + to;
}

std::vector<Transition> Lifecycle::standard_rows() {
  // from, event, outcome, guard, to, roles, four eyes
  return {
      {"", "opened", "", "", "draft", kApplicantOrClerk, false, {}},
      {"draft", "facts_amended", "", "", "*", kApplicantOrClerk, false, {}},
      {"draft", "document_added", "", "", "*", kApplicantOrClerk, false, {}},
      {"draft", "fee_paid", "", "", "*", kApplicantOrClerk, false, {}},
      {"draft", "fee_waived", "", "", "*", kStaff, false, {}},
      {"draft", "submitted", "", "filed_in_window", "submitted", kApplicantOrClerk, false, {}},
      {"submitted", "review_started", "", "", "under_review", kStaff, false, {}},
      {"under_review", "facts_amended", "", "", "*", kStaff, false, {}},
      {"under_review", "document_verified", "", "", "*", kStaff, false, {}},
      {"under_review", "document_rejected", "", "", "*", kStaff, false, {}},
      {"under_review", "fee_waived", "", "", "*", kStaff, false, {}},
      {"under_review",
       "evidence_requested",
       "",
       "due_after_event",
       "awaiting_evidence",
       kStaff,
       false,
       {}},
      {"awaiting_evidence", "facts_amended", "", "", "*", kApplicantOrClerk, false, {}},
      {"awaiting_evidence", "document_added", "", "", "*", kApplicantOrClerk, false, {}},
      {"awaiting_evidence", "fee_paid", "", "", "*", kApplicantOrClerk, false, {}},
      {"awaiting_evidence", "evidence_received", "", "", "under_review", kStaff, false, {}},
      {"under_review", "decided", "approved", "eligible", "approved", kSupervisor, true, {}},
      {"under_review", "decided", "refused", "", "refused", kSupervisor, true, {}},
      {"refused", "appealed", "", "first_appeal", "appealed", kApplicantOrClerk, false, {}},
      {"appealed", "facts_amended", "", "", "*", kApplicantOrClerk, false, {}},
      {"appealed", "document_added", "", "", "*", kApplicantOrClerk, false, {}},
      {"appealed", "document_verified", "", "", "*", kStaff, false, {}},
      {"appealed", "document_rejected", "", "", "*", kStaff, false, {}},
      {"appealed", "decided", "approved", "eligible", "approved", kSupervisor, true, {}},
      {"appealed", "decided", "refused", "", "refused", kSupervisor, true, {}},
      {"draft", "withdrawn", "", "", "withdrawn", kApplicant, false, {}},
      {"submitted", "withdrawn", "", "", "withdrawn", kApplicant, false, {}},
      {"under_review", "withdrawn", "", "", "withdrawn", kApplicant, false, {}},
      {"awaiting_evidence", "withdrawn", "", "", "withdrawn", kApplicant, false, {}},
      {"appealed", "withdrawn", "", "", "withdrawn", kApplicant, false, {}},
      {"approved", "closed", "", "", "closed", kStaff, false, {}},
      {"refused", "closed", "", "", "closed", kStaff, false, {}},
      {"withdrawn", "closed", "", "", "closed", kStaff, false, {}},
      {"*", "note_added", "", "", "*", kAnyone, false, {}},
  };
}

const Lifecycle& Lifecycle::standard() {
  static const Lifecycle standard(standard_rows());
  return standard;
}

LifecycleBuild Lifecycle::from_rows(std::vector<Transition> rows, const Guards& guards) {
  LifecycleBuild out;
  bool has_opening = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Transition& t = rows[i];
    const std::string row = "row " + std::to_string(i + 1) + ": ";
    auto error = [&](const char* code, const std::string& message) {
      out.diagnostics.error(code, row + message, t.location);
    };
    auto kind = parse_event_kind(t.event);
    if (!kind) error("lifecycle.unknown_event", "unknown event \"" + t.event + "\"");
    if (t.roles.empty() ||
        std::any_of(t.roles.begin(), t.roles.end(), [](const auto& r) { return r.empty(); }))
      error("lifecycle.no_roles", "every row names the roles allowed");
    if (!t.guard.empty() && !guards.has(t.guard))
      error("lifecycle.unknown_guard", "no guard named \"" + t.guard + "\" is registered");
    if (!t.outcome.empty() && t.event != "decided")
      error("lifecycle.bad_outcome",
            "an outcome (\"approved\" or \"refused\") belongs only to \"decided\"");
    else if (!t.outcome.empty() && t.outcome != "approved" && t.outcome != "refused")
      error("lifecycle.bad_outcome",
            "outcome \"" + t.outcome + "\" is neither \"approved\" nor \"refused\"");
    if (t.to.empty()) error("lifecycle.bad_state", "the state after the event is missing");
    if (kind && *kind == EventKind::opened) {
      has_opening = true;
      if (!t.from.empty() || t.to == "*")
        error("lifecycle.bad_state", "\"opened\" goes from no case (\"\") to a named state");
    } else if (kind && t.from.empty()) {
      error("lifecycle.bad_state", "only \"opened\" starts from no case (\"\")");
    }
  }
  if (!has_opening)
    out.diagnostics.error("lifecycle.no_opening", "no row opens a case (\"\" + opened -> state)",
                          {});
  if (!out.diagnostics.has_errors()) out.lifecycle = Lifecycle(std::move(rows));
  return out;
}

std::vector<std::string> Lifecycle::states() const {
  std::vector<std::string> states;
  auto add = [&](const std::string& s) {
    if (s.empty() || s == "*") return;
    if (std::find(states.begin(), states.end(), s) == states.end()) states.push_back(s);
  };
  for (const auto& t : rows_) {
    add(t.from);
    add(t.to);
  }
  return states;
}

TransitionCheck Lifecycle::check(const Case* current, const Event& e, const GuardContext& context,
                                 const Guards& guards) const {
  TransitionCheck out;
  auto reject = [&](std::string code, std::string message, std::string rule) {
    out.rejection = Rejection{std::move(code), std::move(message), std::move(rule)};
    return out;
  };
  if (std::string why = check_event(e); !why.empty()) return reject("cases.bad_event", why, "");

  const std::string state = current != nullptr ? current->state : std::string();
  const std::string event(to_string(e.kind));
  std::vector<const Transition*> candidates;
  std::set<std::string> allowed;
  for (const auto& t : rows_) {
    const bool from_matches = t.from == state || (t.from == "*" && !state.empty());
    if (!from_matches) continue;
    allowed.insert(event_label(t.event, t.outcome));
    if (t.event == event && (t.outcome.empty() || t.outcome == e.outcome)) candidates.push_back(&t);
  }
  if (candidates.empty()) {
    std::string message =
        "no rule allows " + event_label(event, e.outcome) + " in state " + state_label(state);
    message += allowed.empty()
                   ? std::string(" (it allows no event)")
                   : " (it allows " +
                         join(std::vector<std::string>(allowed.begin(), allowed.end()), ", ") + ")";
    return reject("cases.not_allowed", message, "");
  }

  std::optional<Rejection> first;
  auto note = [&](std::string code, std::string message, const Transition& t) {
    if (!first) first = Rejection{std::move(code), std::move(message), t.to_string()};
  };
  // Role refusals are reported only when no row accepts the role.
  std::optional<Rejection> role_refusal;
  for (const Transition* t : candidates) {
    const std::string rule = "rule \"" + t->to_string() + "\"";
    if (std::find(t->roles.begin(), t->roles.end(), e.role) == t->roles.end()) {
      if (!role_refusal)
        role_refusal = Rejection{"cases.role",
                                 rule + " allows roles " + join(t->roles, ", ") + ", not " + e.role,
                                 t->to_string()};
      continue;
    }
    if (t->four_eyes && current != nullptr && !current->submitted_by.empty() &&
        current->submitted_by == e.actor) {
      note("cases.four_eyes",
           rule + " needs four eyes: the actor who submitted the case cannot also do this", *t);
      continue;
    }
    if (!t->guard.empty()) {
      GuardResult g = guards.run(t->guard, context);
      if (!g.passed) {
        note("cases.guard", rule + " refused by guard " + t->guard + ": " + g.reason, *t);
        continue;
      }
    }
    out.rule = t;
    out.to = t->to == "*" ? state : t->to;
    return out;
  }
  out.rejection = first ? first : role_refusal;
  return out;
}

LifecycleBuild lifecycle_of(const Programme& programme, const Guards& guards) {
  const LifecycleDefinition* own = programme.lifecycle();
  if (own == nullptr) return {Lifecycle::standard(), {}};
  std::vector<Transition> rows;
  rows.reserve(own->transitions.size());
  for (const LifecycleRow& r : own->transitions)
    rows.push_back({r.from, r.event, r.outcome, r.guard, r.to, r.roles, r.four_eyes, r.location});
  LifecycleBuild built = Lifecycle::from_rows(std::move(rows), guards);
  // Point each row's mistake at the value at fault.
  LifecycleBuild out;
  out.lifecycle = std::move(built.lifecycle);
  for (Diagnostic d : built.diagnostics) {
    for (const LifecycleRow& r : own->transitions) {
      if (!(d.location == r.location)) continue;
      if (d.code == "lifecycle.unknown_event") d.location = r.event_location;
      if (d.code == "lifecycle.unknown_guard") d.location = r.guard_location;
      if (d.code == "lifecycle.bad_outcome") d.location = r.outcome_location;
      break;
    }
    if (d.code == "lifecycle.no_opening") d.location = own->location;
    out.diagnostics.add(std::move(d));
  }
  return out;
}

std::string Lifecycle::to_dot() const {
  std::ostringstream out;
  const std::vector<std::string> all = states();
  out << "digraph lifecycle {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n";
  out << "  \"(no case)\" [shape=point];\n";
  for (const auto& s : all) out << "  " << dot_quote(s) << ";\n";
  for (const auto& t : rows_) {
    std::string label = event_label(t.event, t.outcome);
    if (!t.guard.empty()) label += " [" + t.guard + "]";
    if (t.four_eyes) label += " (four eyes)";
    label += "\\n" + join(t.roles, ", ");
    std::vector<std::string> sources;
    if (t.from == "*")
      sources = all;
    else
      sources.push_back(t.from.empty() ? std::string("(no case)") : t.from);
    for (const auto& from : sources) {
      const std::string& to = t.to == "*" ? from : t.to;
      out << "  " << dot_quote(from) << " -> " << dot_quote(to) << " [label=" << dot_quote(label)
          << "];\n";
    }
  }
  out << "}\n";
  return out.str();
}

}  // namespace regularis
