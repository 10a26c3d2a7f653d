// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The standard lifecycle table: every row allowed from its state with each
// of its roles and refused for every other role, every event a state has no
// row for refused, four eyes, guards that refuse, the standard guards that
// need no engine, checking a table (diagnostics) and the Graphviz rendering.
// Cases are put straight into the state under test; guards are stubs here
// (the engine's guards are tested in service_test.cpp).
#include <catch2/catch.hpp>

#include <set>

#include "cases/support.hpp"
#include "regularis/cases/lifecycle.hpp"

using namespace regularis;
using namespace regularis::test;

namespace {

const std::vector<std::string> kRoles = {"applicant", "clerk", "supervisor", "representative"};

/// Every standard guard name, passing unless told otherwise.
Guards passing_guards(std::string refusing = "", std::string reason = "") {
  Guards g;
  for (const char* name : {"filed_in_window", "eligible", "first_appeal", "due_after_event"}) {
    std::string n = name;
    g.add(n, [n, refusing, reason](const GuardContext&) {
      return n == refusing ? GuardResult::refuse(reason) : GuardResult::pass();
    });
  }
  return g;
}

/// A well-formed event of a kind (payload filled in).
Event well_formed(EventKind kind, const std::string& role,
                  const std::string& outcome = "approved") {
  Event e = make_event(kind, "actor-2", role, at("2009-08-10T10:00:00-03:00"));
  switch (kind) {
    case EventKind::opened:
      e.programme = "br-2009";
      e.data = "{}";
      break;
    case EventKind::facts_amended:
    case EventKind::document_added:
    case EventKind::fee_paid:
    case EventKind::fee_waived:
      e.data = "{}";
      break;
    default:
      break;
  }
  if (kind == EventKind::document_added || kind == EventKind::document_verified ||
      kind == EventKind::document_rejected)
    e.document_id = "doc-1";
  if (kind == EventKind::evidence_requested) e.due = date("2009-09-10");
  if (kind == EventKind::decided) e.outcome = outcome;
  return e;
}

Case in_state(const std::string& state) {
  Case c(case_id("C-1"));
  c.state = state;
  c.version = 3;
  c.submitted_by = "actor-1";
  return c;
}

TransitionCheck try_event(const Lifecycle& l, const Case* current, const Event& e,
                          const Guards& guards) {
  Case after = current != nullptr ? *current : Case(case_id("C-1"));
  GuardContext context(current, after, e, nullptr, nullptr);
  return l.check(current, e, context, guards);
}

}  // namespace

TEST_CASE("every row of the standard table is allowed from its state, for its roles only",
          "[cases][lifecycle]") {
  const Lifecycle& l = Lifecycle::standard();
  const Guards guards = passing_guards();
  std::size_t allowed = 0, refused = 0;
  for (const Transition& row : l.rows()) {
    std::vector<std::string> froms;
    if (row.from == "*")
      froms = l.states();
    else
      froms.push_back(row.from);
    for (const std::string& from : froms) {
      const Case c = in_state(from);
      const Case* current = from.empty() ? nullptr : &c;
      const EventKind kind = parse_event_kind(row.event).value();
      for (const std::string& role : kRoles) {
        const Event e = well_formed(kind, role, row.outcome.empty() ? "approved" : row.outcome);
        TransitionCheck t = try_event(l, current, e, guards);
        INFO(row.to_string() << " from " << from << " as " << role);
        const bool may = std::find(row.roles.begin(), row.roles.end(), role) != row.roles.end();
        if (may) {
          REQUIRE(t.accepted());
          CHECK(t.rule->to_string() == row.to_string());
          CHECK(t.to == (row.to == "*" ? from : row.to));
          ++allowed;
        } else {
          REQUIRE_FALSE(t.accepted());
          CHECK(t.rejection->code == "cases.role");
          CHECK(t.rejection->rule == row.to_string());
          ++refused;
        }
      }
    }
  }
  CHECK(allowed == 84);  // the roles of 33 rows and of the "*" row in 9 states
  CHECK(refused == 84);  // 4 roles x 42 row instances - 84
}

TEST_CASE("every event a state has no row for is refused, naming what the state allows",
          "[cases][lifecycle]") {
  const Lifecycle& l = Lifecycle::standard();
  const Guards guards = passing_guards();
  std::vector<std::string> states = l.states();
  states.insert(states.begin(), "");
  std::size_t refused = 0;
  for (const std::string& state : states) {
    const Case c = in_state(state);
    const Case* current = state.empty() ? nullptr : &c;
    for (EventKind kind : all_event_kinds()) {
      for (const char* outcome : {"approved", "refused"}) {
        if (kind != EventKind::decided && std::string(outcome) == "refused") continue;
        bool has_row = false;
        for (const auto& row : l.rows())
          has_row = has_row ||
                    ((row.from == state || (row.from == "*" && !state.empty())) &&
                     row.event == to_string(kind) &&
                     (row.outcome.empty() || kind != EventKind::decided || row.outcome == outcome));
        if (has_row) continue;
        TransitionCheck t = try_event(l, current, well_formed(kind, "supervisor", outcome), guards);
        INFO(state << " + " << to_string(kind));
        REQUIRE_FALSE(t.accepted());
        CHECK(t.rejection->code == "cases.not_allowed");
        CHECK(t.rejection->rule.empty());
        ++refused;
      }
    }
  }
  CHECK(refused == 138);  // 10 states x 18 events - 42 row instances

  const Case draft = in_state("draft");
  TransitionCheck t = try_event(l, &draft, well_formed(EventKind::decided, "supervisor"), guards);
  CHECK(t.rejection->message ==
        "no rule allows decided(approved) in state \"draft\" (it allows document_added, "
        "facts_amended, fee_paid, fee_waived, note_added, submitted, withdrawn)");
  t = try_event(l, nullptr, well_formed(EventKind::submitted, "clerk"), guards);
  CHECK(t.rejection->message == "no rule allows submitted in state (no case) (it allows opened)");
  const Case closed = in_state("closed");
  t = try_event(l, &closed, well_formed(EventKind::appealed, "applicant"), guards);
  CHECK(t.rejection->message ==
        "no rule allows appealed in state \"closed\" (it allows note_added)");
}

TEST_CASE("only a supervisor decides", "[cases][lifecycle]") {
  const Case c = in_state("under_review");
  TransitionCheck t =
      try_event(Lifecycle::standard(), &c, well_formed(EventKind::decided, "clerk", "refused"),
                passing_guards());
  REQUIRE_FALSE(t.accepted());
  CHECK(t.rejection->code == "cases.role");
  CHECK(t.rejection->message ==
        "rule \"under_review + decided(refused) -> refused\" allows roles supervisor, not clerk");
}

TEST_CASE("four eyes: who submitted a case cannot decide it", "[cases][lifecycle]") {
  Case c = in_state("under_review");
  c.submitted_by = "actor-2";  // well_formed() events are by actor-2
  for (const char* outcome : {"approved", "refused"}) {
    TransitionCheck t =
        try_event(Lifecycle::standard(), &c, well_formed(EventKind::decided, "supervisor", outcome),
                  passing_guards());
    REQUIRE_FALSE(t.accepted());
    CHECK(t.rejection->code == "cases.four_eyes");
  }
  TransitionCheck t = try_event(Lifecycle::standard(), &c,
                                well_formed(EventKind::decided, "supervisor"), passing_guards());
  CHECK(t.rejection->message ==
        "rule \"under_review + decided(approved) [eligible] -> approved\" needs four eyes: the "
        "actor who submitted the case cannot also do this");
  c.submitted_by = "actor-1";
  CHECK(try_event(Lifecycle::standard(), &c, well_formed(EventKind::decided, "supervisor"),
                  passing_guards())
            .accepted());
  // Rows without four eyes let the submitter act.
  c.submitted_by = "actor-2";
  CHECK(try_event(Lifecycle::standard(), &c, well_formed(EventKind::document_verified, "clerk"),
                  passing_guards())
            .accepted());
}

TEST_CASE("a guard that refuses names the rule and its reason", "[cases][lifecycle]") {
  const Case c = in_state("under_review");
  TransitionCheck t =
      try_event(Lifecycle::standard(), &c, well_formed(EventKind::decided, "supervisor"),
                passing_guards("eligible", "the application is incomplete"));
  REQUIRE_FALSE(t.accepted());
  CHECK(t.rejection->code == "cases.guard");
  CHECK(t.rejection->rule == "under_review + decided(approved) [eligible] -> approved");
  CHECK(t.rejection->message ==
        "rule \"under_review + decided(approved) [eligible] -> approved\" refused by guard "
        "eligible: the application is incomplete");
  // The refusal row has no guard.
  CHECK(try_event(Lifecycle::standard(), &c,
                  well_formed(EventKind::decided, "supervisor", "refused"),
                  passing_guards("eligible", "x"))
            .accepted());
}

TEST_CASE("a malformed event is refused before the table is read", "[cases][lifecycle]") {
  const Case c = in_state("under_review");
  Event e = well_formed(EventKind::evidence_requested, "clerk");
  e.due.reset();
  TransitionCheck t = try_event(Lifecycle::standard(), &c, e, passing_guards());
  CHECK(t.rejection->code == "cases.bad_event");
  CHECK(t.rejection->message == "evidence_requested needs a due date");
}

TEST_CASE("the standard guards that need no engine", "[cases][lifecycle][guards]") {
  const Guards guards = Guards::standard();
  CHECK(guards.names() ==
        std::vector<std::string>{"due_after_event", "eligible", "filed_in_window", "first_appeal"});

  Case refused = in_state("refused");
  CHECK(try_event(Lifecycle::standard(), &refused, well_formed(EventKind::appealed, "applicant"),
                  guards)
            .accepted());
  refused.appeals = 1;
  TransitionCheck t = try_event(Lifecycle::standard(), &refused,
                                well_formed(EventKind::appealed, "applicant"), guards);
  CHECK(t.rejection->message ==
        "rule \"refused + appealed [first_appeal] -> appealed\" refused by guard first_appeal: the "
        "case was appealed before");

  const Case review = in_state("under_review");
  Event e = well_formed(EventKind::evidence_requested, "clerk");
  e.due = date("2009-08-10");  // the day of the request (UTC without a programme)
  t = try_event(Lifecycle::standard(), &review, e, guards);
  CHECK(t.rejection->message ==
        "rule \"under_review + evidence_requested [due_after_event] -> awaiting_evidence\" refused "
        "by guard due_after_event: the due date 2009-08-10 is not after the day of the request, "
        "2009-08-10");
  e.due = date("2009-08-11");
  CHECK(try_event(Lifecycle::standard(), &review, e, guards).accepted());

  // The engine's guards refuse without a programme.
  Case draft = in_state("draft");
  t = try_event(Lifecycle::standard(), &draft, well_formed(EventKind::submitted, "clerk"), guards);
  CHECK(t.rejection->message ==
        "rule \"draft + submitted [filed_in_window] -> submitted\" refused by guard "
        "filed_in_window: no programme to check the filing window against");
  GuardContext context(nullptr, draft, e, nullptr, nullptr);
  CHECK(guards.run("nope", context).reason == "no guard named \"nope\" is registered");
}

TEST_CASE("a table is checked before use, every mistake at once", "[cases][lifecycle]") {
  std::vector<Transition> rows = {
      {"draft", "decide", "", "", "done", {"clerk"}, false, {}},
      {"draft", "closed", "", "", "done", {}, false, {}},
      {"draft", "closed", "", "lucky", "done", {"clerk"}, false, {}},
      {"draft", "closed", "approved", "", "done", {"clerk"}, false, {}},
      {"", "closed", "", "", "done", {"clerk"}, false, {"lc.yaml", 7, 5}},
      {"draft", "opened", "", "", "*", {"clerk"}, false, {}},
      {"draft", "decided", "maybe", "", "done", {"clerk"}, false, {}},
  };
  LifecycleBuild b = Lifecycle::from_rows(rows, Guards::standard());
  CHECK_FALSE(b.lifecycle.has_value());
  std::vector<std::string> seen;
  for (const auto& d : b.diagnostics) seen.push_back(d.to_string());
  CHECK(seen ==
        std::vector<std::string>{
            "error: row 1: unknown event \"decide\" [lifecycle.unknown_event]",
            "error: row 2: every row names the roles allowed [lifecycle.no_roles]",
            "error: row 3: no guard named \"lucky\" is registered [lifecycle.unknown_guard]",
            "error: row 4: an outcome (\"approved\" or \"refused\") belongs only to "
            "\"decided\" [lifecycle.bad_outcome]",
            "lc.yaml:7:5: error: row 5: only \"opened\" starts from no case (\"\") "
            "[lifecycle.bad_state]",
            "error: row 6: \"opened\" goes from no case (\"\") to a named state "
            "[lifecycle.bad_state]",
            "error: row 7: outcome \"maybe\" is neither \"approved\" nor \"refused\" "
            "[lifecycle.bad_outcome]",
        });
  b = Lifecycle::from_rows({{"a", "closed", "", "", "b", {"clerk"}, false, {}}},
                           Guards::standard());
  REQUIRE(b.diagnostics.size() == 1);
  CHECK(b.diagnostics[0].code == "lifecycle.no_opening");

  b = Lifecycle::from_rows(Lifecycle::standard_rows(), Guards::standard());
  REQUIRE(b.lifecycle.has_value());
  CHECK(b.lifecycle->rows().size() == Lifecycle::standard().rows().size());
  CHECK(b.lifecycle->states() ==
        std::vector<std::string>{"draft", "submitted", "under_review", "awaiting_evidence",
                                 "approved", "refused", "appealed", "withdrawn", "closed"});
}

TEST_CASE("the table renders as Graphviz dot", "[cases][lifecycle]") {
  const std::string dot = Lifecycle::standard().to_dot();
  CHECK(dot.rfind("digraph lifecycle {\n  rankdir=LR;\n", 0) == 0);
  CHECK(dot.find("  \"(no case)\" -> \"draft\" [label=\"opened\\napplicant, clerk\"];\n") !=
        std::string::npos);
  CHECK(dot.find("  \"under_review\" -> \"approved\" [label=\"decided(approved) [eligible] (four "
                 "eyes)\\nsupervisor\"];\n") != std::string::npos);
  CHECK(dot.find("  \"closed\" -> \"closed\" [label=\"note_added\\napplicant, clerk, "
                 "supervisor\"];\n") != std::string::npos);
  CHECK(dot.substr(dot.size() - 2) == "}\n");
}
