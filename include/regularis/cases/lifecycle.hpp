// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The case lifecycle as a transition table written as data: rows
// `from + event [guard] -> to` with the roles allowed and whether a second
// person must act (four eyes). Guards are named in the table and registered
// in code (Guards), so a table can come from a programme file while the
// checks that need the engine stay in C++. Lifecycle::check decides whether
// a case accepts an event and, if not, says why, naming the rule; the table
// renders as Graphviz dot for authors. A Lifecycle is immutable and
// shareable across threads.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regularis/cases/case.hpp"
#include "regularis/cases/event.hpp"
#include "regularis/core/diagnostic.hpp"
#include "regularis/engine/engine.hpp"
#include "regularis/engine/evaluation.hpp"
#include "regularis/export.hpp"
#include "regularis/programme/programme.hpp"

namespace regularis {

/// One row of a lifecycle table.
///
///     {"under_review", "decided", "approved", "eligible", "approved", {"supervisor"}, true}
///     // under_review + decided(approved) [eligible] -> approved
struct Transition {
  /// The state the case is in; "" = no case yet (only `opened`), "*" = any state.
  std::string from;
  /// An event kind name ("decided").
  std::string event;
  /// For `decided`: the outcome the row is for ("approved", "refused"); "" = any.
  std::string outcome;
  /// A registered guard's name; "" = none.
  std::string guard;
  /// The state after the event; "*" = unchanged.
  std::string to;
  /// Roles allowed to cause it (at least one).
  std::vector<std::string> roles;
  /// The actor must not be the one who submitted the case.
  bool four_eyes = false;
  /// Where the row was written (a programme file), when known.
  SourceLocation location;

  /// "under_review + decided(approved) [eligible] -> approved".
  REGULARIS_API std::string to_string() const;
};

/// Why a case did not accept an event. Nothing was written.
struct Rejection {
  /// cases.bad_event, cases.unknown_programme, cases.not_allowed, cases.role,
  /// cases.four_eyes, cases.guard.
  std::string code;
  /// `rule "under_review + decided(approved) [eligible] -> approved" allows
  /// roles supervisor, not clerk`.
  std::string message;
  /// The rule concerned, as Transition::to_string() ("" when none matched).
  std::string rule;
};

/// What a guard sees: the case before and after the event (the "after" case
/// is tentative), the event, and the programme and engine when the host gave
/// them. evaluation() evaluates the tentative application once, under the
/// version in force on its filing date, as of the event's local date.
class REGULARIS_API GuardContext {
 public:
  GuardContext(const Case* before, const Case& after, const Event& event,
               const Programme* programme, const Engine* engine);

  const Case* before() const noexcept { return before_; }
  const Case& after() const noexcept { return after_; }
  const Event& event() const noexcept { return event_; }
  const Programme* programme() const noexcept { return programme_; }
  const Engine* engine() const noexcept { return engine_; }
  /// nullptr without a programme or an engine.
  const Evaluation* evaluation() const;

 private:
  const Case* before_;
  const Case& after_;
  const Event& event_;
  const Programme* programme_;
  const Engine* engine_;
  mutable std::optional<Evaluation> evaluation_;
};

/// A guard's answer: pass, or refuse with a reason a person can read.
struct GuardResult {
  bool passed = true;
  std::string reason;
  static GuardResult pass() { return {}; }
  static GuardResult refuse(std::string why) { return {false, std::move(why)}; }
};

using GuardFunction = std::function<GuardResult(const GuardContext&)>;

/// Named guard functions.
///
///     Guards g = Guards::standard();
///     g.add("office_open", [](const GuardContext& c) {
///       return c.event().at.utc_date().weekday() == Weekday::sunday
///                  ? GuardResult::refuse("the office is closed on Sundays")
///                  : GuardResult::pass();
///     });
class REGULARIS_API Guards {
 public:
  /// The guards of the standard lifecycle:
  /// - `filed_in_window`: the engine's `filed_in_window` criterion is not
  ///   `not_met` for a filing at the event's instant, and a version is in force;
  /// - `eligible`: the evaluation under the version in force on the filing
  ///   date is `eligible`;
  /// - `first_appeal`: the case was not appealed before;
  /// - `due_after_event`: the evidence due date is after the event's date.
  static Guards standard();

  /// Adds (or replaces) a guard.
  Guards& add(std::string name, GuardFunction guard);
  bool has(std::string_view name) const;
  std::vector<std::string> names() const;
  /// Runs a guard; an unknown name refuses (`no guard named "x" is registered`).
  GuardResult run(std::string_view name, const GuardContext& context) const;

 private:
  std::map<std::string, GuardFunction, std::less<>> guards_;
};

/// The verdict of Lifecycle::check.
struct TransitionCheck {
  /// The row that allows the event (nullptr when rejected).
  const Transition* rule = nullptr;
  /// The state after the event (when accepted).
  std::string to;
  std::optional<Rejection> rejection;
  bool accepted() const noexcept { return !rejection.has_value(); }
};

struct LifecycleBuild;

/// A transition table. Immutable and shareable across threads.
///
///     const Lifecycle& l = Lifecycle::standard();
///     std::cout << l.to_dot();                       // for Graphviz
///     TransitionCheck t = l.check(&c, e, ctx, Guards::standard());
///     if (!t.accepted()) std::cout << t.rejection->message;
class REGULARIS_API Lifecycle {
 public:
  /// Checks and builds a table. Diagnostic codes: lifecycle.unknown_event,
  /// lifecycle.no_roles, lifecycle.unknown_guard, lifecycle.bad_outcome,
  /// lifecycle.bad_state, lifecycle.no_opening.
  ///
  ///     LifecycleBuild b = Lifecycle::from_rows(rows, Guards::standard());
  ///     if (!b.lifecycle) for (auto& d : b.diagnostics) std::cerr << d.to_string() << '\n';
  static LifecycleBuild from_rows(std::vector<Transition> rows, const Guards& guards);

  /// The default lifecycle: draft -> submitted -> under_review <->
  /// awaiting_evidence -> approved | refused -> appealed -> approved | refused;
  /// withdrawn; closed. Only a supervisor decides, four eyes on decisions.
  static const Lifecycle& standard();
  /// The rows of standard(), to copy and change.
  static std::vector<Transition> standard_rows();

  const std::vector<Transition>& rows() const noexcept { return rows_; }
  /// Every state named in the table, in order of first appearance.
  std::vector<std::string> states() const;

  /// Whether the case `current` (nullptr: no case yet) accepts `e`: a row
  /// for its state, the event and the outcome; the actor's role; four eyes;
  /// the guard. Rows are tried in table order and the first that passes
  /// wins; when none passes, the first row's refusal is reported.
  TransitionCheck check(const Case* current, const Event& e, const GuardContext& context,
                        const Guards& guards) const;

  /// Graphviz dot: one node per state, one edge per row labelled
  /// `event(outcome) [guard]\nroles`.
  std::string to_dot() const;

 private:
  explicit Lifecycle(std::vector<Transition> rows) : rows_(std::move(rows)) {}
  std::vector<Transition> rows_;
};

/// A lifecycle built from rows, or the author's mistakes.
struct LifecycleBuild {
  std::optional<Lifecycle> lifecycle;
  Diagnostics diagnostics;
};

/// The lifecycle a programme's cases follow: its own (`lifecycle:` in the
/// file, built with Lifecycle::from_rows) or, without one, the standard
/// lifecycle. The diagnostics point at the file (file:line:col of the
/// event, outcome or guard at fault, else of the row).
///
///     LifecycleBuild b = lifecycle_of(mu_ca_labour, Guards::standard());
///     // mu-ca-labour.yaml:41:14: error: row 3: unknown event "step_done"
///     [lifecycle.unknown_event]
REGULARIS_API LifecycleBuild lifecycle_of(const Programme& programme, const Guards& guards);

}  // namespace regularis
