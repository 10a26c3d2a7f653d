// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// A programme's own lifecycle (`lifecycle:` in its file): the checker's
// diagnostics for the section's shape, states and roles; lifecycle_of's
// diagnostics for events and guards at the file's line and column; and
// mu-ca-labour's six steps walked through CaseService, refusing a step out
// of order.
#include <catch2/catch.hpp>

#include "cases/support.hpp"
#include "regularis/cases/case_service.hpp"
#include "regularis/programme/check.hpp"
#include "regularis/programme/load.hpp"

using namespace regularis;
using namespace regularis::test;

namespace {

const char* const kHeader =
    "programme: t\n"
    "title: {en: T}\n"
    "jurisdiction: MU\n"
    "time_zone: Indian/Mauritius\n"
    "versions:\n"
    "  - effective_from: 2008-01-01\n"
    "    window: {opens: 2008-01-01, closes: 2008-12-31}\n"
    "    criteria: []\n";

std::vector<std::string> messages(const Diagnostics& ds) {
  std::vector<std::string> out;
  for (const Diagnostic& d : ds) out.push_back(d.to_string());
  return out;
}

const Programme& mu_ca_labour() {
  static const Programme p = load_programme_file("examples/programmes/mu-ca-labour.yaml");
  return p;
}

Event step(EventKind kind, const char* when, const char* actor = "iom-1",
           const char* role = "iom_officer") {
  return event(kind, actor, role, when);
}

}  // namespace

TEST_CASE("a programme file may carry its own lifecycle, kept as plain data",
          "[cases][programme_lifecycle]") {
  const std::string text = std::string(kHeader) +
                           "lifecycle:\n"
                           "  roles: [officer]\n"
                           "  states: {listed: {en: Listed}, done: Done}\n"
                           "  transitions:\n"
                           "    - {event: opened, to: listed, roles: [officer]}\n"
                           "    - {from: listed, event: step_completed, to: done, roles: [officer],"
                           " four_eyes: true}\n"
                           "    - {from: \"*\", event: note_added, to: \"*\", roles: [officer]}\n";
  Programme p = load_programme_text(text, "t.yaml");
  const LifecycleDefinition* l = p.lifecycle();
  REQUIRE(l != nullptr);
  CHECK(l->roles == std::vector<std::string>{"officer"});
  REQUIRE(l->states.size() == 2);
  CHECK(l->states[0].id == "listed");
  CHECK(l->state("done")->text.text("en") == "Done");
  REQUIRE(l->transitions.size() == 3);
  CHECK(l->transitions[0].from.empty());
  CHECK(l->transitions[1].from == "listed");
  CHECK(l->transitions[1].event == "step_completed");
  CHECK(l->transitions[1].four_eyes);
  CHECK(l->transitions[1].location.to_string() == "t.yaml:14:7");
  CHECK(l->transitions[2].from == "*");
  CHECK(l->transitions[2].to == "*");

  LifecycleBuild b = lifecycle_of(p, Guards::standard());
  REQUIRE(b.lifecycle);
  CHECK(b.diagnostics.empty());
  CHECK(b.lifecycle->rows()[1].to_string() == "listed + step_completed -> done");
  CHECK(b.lifecycle->states() == std::vector<std::string>{"listed", "done"});

  // Without the section, the standard lifecycle.
  Programme plain = load_programme_text(kHeader, "plain.yaml");
  CHECK(plain.lifecycle() == nullptr);
  LifecycleBuild s = lifecycle_of(plain, Guards::standard());
  REQUIRE(s.lifecycle);
  CHECK(s.lifecycle->rows().size() == Lifecycle::standard().rows().size());
}

TEST_CASE("mistakes in the lifecycle section are diagnostics at file:line:col",
          "[cases][programme_lifecycle]") {
  const std::string text = std::string(kHeader) +
                           "lifecycle:\n"                                          // 9
                           "  roles: [officer]\n"                                  // 10
                           "  states: {listed: {en: Listed}, done: Done}\n"        // 11
                           "  transitions:\n"                                      // 12
                           "    - {event: opened, to: listd, roles: [officer]}\n"  // 13
                           "    - {from: listed, event: step_completed, to: done, roles: [clerk]}\n"
                           "    - {from: listed, evnt: closed, to: done, roles: [officer]}\n"
                           "    - {from: listed, event: closed, to: done, roles: officer}\n"
                           "  colour: blue\n";
  Diagnostics ds = check_programme_text(text, "t.yaml");
  CHECK(messages(ds) ==
        std::vector<std::string>{
            "t.yaml:13:27: error: \"to\" of transition 1: unknown state \"listd\" (not under "
            "lifecycle: states:); did you mean \"listed\"? [programme.undefined_name]",
            "t.yaml:14:63: error: \"roles\" of transition 2: unknown role \"clerk\" (not under "
            "lifecycle: roles:) [programme.undefined_name]",
            "t.yaml:15:7: error: missing key \"event\" in transition 3 [programme.missing_key]",
            "t.yaml:15:22: error: unknown key \"evnt\" in transition 3; did you mean \"event\"? "
            "[programme.unknown_key]",
            "t.yaml:16:54: error: \"roles\" must be a non-empty list of role ids, not \"officer\" "
            "[programme.wrong_type]",
            "t.yaml:17:3: error: unknown key \"colour\" in lifecycle [programme.unknown_key]",
        });
}

TEST_CASE("events and guards a lifecycle names are checked by the cases module, at their place",
          "[cases][programme_lifecycle]") {
  const std::string text = std::string(kHeader) +
                           "lifecycle:\n"
                           "  transitions:\n"
                           "    - {event: opened, to: listed, roles: [officer]}\n"
                           "    - {from: listed, event: step_done, to: done, roles: [officer]}\n"
                           "    - {from: listed, event: closed, guard: office_open, to: done,"
                           " roles: [officer]}\n"
                           "    - {from: listed, event: closed, outcome: approved, to: done,"
                           " roles: [officer]}\n";
  Programme p = load_programme_text(text, "t.yaml");
  LifecycleBuild b = lifecycle_of(p, Guards::standard());
  CHECK_FALSE(b.lifecycle);
  CHECK(messages(b.diagnostics) ==
        std::vector<std::string>{
            "t.yaml:12:29: error: row 2: unknown event \"step_done\" [lifecycle.unknown_event]",
            "t.yaml:13:44: error: row 3: no guard named \"office_open\" is registered "
            "[lifecycle.unknown_guard]",
            "t.yaml:14:46: error: row 4: an outcome (\"approved\" or \"refused\") belongs only to "
            "\"decided\" [lifecycle.bad_outcome]",
        });

  // With the guard registered, only the other two remain.
  Guards guards = Guards::standard();
  guards.add("office_open", [](const GuardContext&) { return GuardResult::pass(); });
  CHECK(lifecycle_of(p, guards).diagnostics.size() == 2);

  // A service cannot be made with a programme whose lifecycle is wrong.
  MemoryLog log;
  try {
    CaseService service(log, {&p});
    FAIL("no error");
  } catch (const UsageError& e) {
    CHECK(e.code() == "cases.bad_lifecycle");
    CHECK(e.diagnostics().size() == 3);
  }
}

TEST_CASE("mu-ca-labour: a candidate walks the six steps of the programme's lifecycle",
          "[cases][programme_lifecycle][mu-ca-labour]") {
  const Programme& p = mu_ca_labour();
  REQUIRE(p.lifecycle() != nullptr);
  MemoryLog log;
  CaseService service(log, {&p});
  const CaseId id = case_id("MU-CA-0001");
  CHECK(service.lifecycle_for("mu-ca-labour").states() ==
        std::vector<std::string>{"candidate_list", "selection", "health_assessment", "not_selected",
                                 "contract_and_travel", "pre_departure", "post_arrival",
                                 "completed"});
  CHECK(&service.lifecycle_for("br-2009") == &service.lifecycle());

  Event opened = step(EventKind::opened, "2008-03-03T09:00:00+04:00");
  opened.programme = "mu-ca-labour";
  opened.data = R"({"applicant": {"nationalities": ["MU"]}})";
  ApplyResult r = service.open(id, opened);
  REQUIRE(r.accepted());
  CHECK(r.after->state == "candidate_list");  // step 1

  // Out of order: the health examination cannot be done before selection.
  r = service.apply(id, step(EventKind::decided, "2008-03-04T09:00:00+04:00"));
  REQUIRE_FALSE(r.accepted());
  CHECK(r.rejection->code == "cases.bad_event");
  Event selected = step(EventKind::decided, "2008-03-04T09:00:00+04:00", "emp-1", "employer");
  selected.outcome = "approved";
  r = service.apply(id, selected);
  REQUIRE_FALSE(r.accepted());
  CHECK(r.rejection->code == "cases.not_allowed");
  CHECK(r.rejection->message ==
        "no rule allows decided(approved) in state \"candidate_list\" (it allows note_added, "
        "step_completed)");
  CHECK(log.load(id).size() == 1);  // nothing written

  r = service.apply(id, step(EventKind::step_completed, "2008-03-10T09:00:00+04:00"));
  REQUIRE(r.accepted());
  CHECK(r.after->state == "selection");  // step 2

  // The employer may select, but not move the case through later steps.
  r = service.apply(id, selected);
  REQUIRE(r.accepted());
  CHECK(r.after->state == "health_assessment");  // step 3
  CHECK(r.after->outcome == "approved");
  r = service.apply(
      id, step(EventKind::step_completed, "2008-04-01T09:00:00+04:00", "emp-1", "employer"));
  REQUIRE_FALSE(r.accepted());
  CHECK(r.rejection->code == "cases.role");
  CHECK(r.rejection->message ==
        "rule \"health_assessment + step_completed -> contract_and_travel\" allows roles "
        "iom_officer, not employer");

  const char* const later[] = {"contract_and_travel", "pre_departure", "post_arrival", "completed"};
  const char* const when[] = {"2008-04-01T09:00:00+04:00", "2008-05-01T09:00:00+04:00",
                              "2008-06-01T09:00:00+04:00", "2008-07-01T09:00:00+04:00"};
  for (int i = 0; i < 4; ++i) {
    r = service.apply(id, step(EventKind::step_completed, when[i]));
    INFO(later[i]);
    REQUIRE(r.accepted());
    CHECK(r.after->state == later[i]);  // steps 4, 5, 6, then done
  }
  // After the last step no step follows.
  r = service.apply(id, step(EventKind::step_completed, "2008-08-01T09:00:00+04:00"));
  REQUIRE_FALSE(r.accepted());
  CHECK(r.rejection->message ==
        "no rule allows step_completed in state \"completed\" (it allows note_added)");

  std::vector<RecordedEvent> history = service.history(id);
  REQUIRE(history.size() == 7);
  CHECK(verify(history).ok);
  std::vector<std::string> states;
  for (const auto& e : history) states.push_back(e.event.state);
  CHECK(states == std::vector<std::string>{"candidate_list", "selection", "health_assessment",
                                           "contract_and_travel", "pre_departure", "post_arrival",
                                           "completed"});
}

TEST_CASE("mu-ca-labour: a candidate not selected leaves the steps",
          "[cases][programme_lifecycle][mu-ca-labour]") {
  MemoryLog log;
  CaseService service(log, {&mu_ca_labour()});
  const CaseId id = case_id("MU-CA-0002");
  Event opened = step(EventKind::opened, "2008-03-03T09:00:00+04:00");
  opened.programme = "mu-ca-labour";
  opened.data = "{}";
  REQUIRE(service.open(id, opened).accepted());
  REQUIRE(
      service.apply(id, step(EventKind::step_completed, "2008-03-10T09:00:00+04:00")).accepted());
  Event refused = step(EventKind::decided, "2008-03-20T09:00:00+04:00");
  refused.outcome = "refused";
  ApplyResult r = service.apply(id, refused);
  REQUIRE(r.accepted());
  CHECK(r.after->state == "not_selected");
  CHECK(r.after->grant_deadlines.empty());
  r = service.apply(id, step(EventKind::step_completed, "2008-03-21T09:00:00+04:00"));
  REQUIRE_FALSE(r.accepted());
  CHECK(r.rejection->code == "cases.not_allowed");
}

TEST_CASE("the programme's lifecycle renders as Graphviz dot", "[cases][programme_lifecycle]") {
  LifecycleBuild b = lifecycle_of(mu_ca_labour(), Guards::standard());
  REQUIRE(b.lifecycle);
  const std::string dot = b.lifecycle->to_dot();
  CHECK(dot.find("\"(no case)\" -> \"candidate_list\" [label=\"opened\\niom_officer\"];") !=
        std::string::npos);
  CHECK(dot.find("\"selection\" -> \"health_assessment\" [label=\"decided(approved)\\niom_officer, "
                 "employer\"];") != std::string::npos);
  CHECK(dot.find("\"post_arrival\" -> \"completed\"") != std::string::npos);
}
