// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Follow-on cases: an approval under br-2009 records when the provisional
// residence expires and when the br-2009-permanent conversion window opens
// and closes (the engine's deadlines on the filing date); the case lists
// them and its summary's next deadline is the last day to convert; opening
// the conversion case links it to the approved one, and a link to a case
// that was not approved, or that another programme follows, is refused.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cases/support.hpp"
#include "regularis/cases/case_service.hpp"
#include "regularis/programme/load.hpp"

using namespace regularis;
using namespace regularis::test;
using nlohmann::json;

namespace {

const Programme& load(const char* file) {
  static std::map<std::string, Programme> cache;
  auto it = cache.find(file);
  if (it == cache.end())
    it = cache.emplace(file, load_programme_file(std::string("examples/programmes/") + file)).first;
  return it->second;
}

const char* const kApplication = R"({
  "format": "regularis.application/1", "programme": "br-2009",
  "applicant": {
    "given_names": "Test", "family_name": "Person", "date_of_birth": "1980-05-05",
    "nationalities": ["BO"], "entry_date": "2008-11-03", "entry_mode": "irregular",
    "present_at_filing": true,
    "criminal": {"pending_proceedings": false, "convictions": []},
    "prior_procedure": {"pending": false, "withdrawn": false}
  },
  "documents": [
    {"type": "application_form"},
    {"type": "passport", "number_last4": "4821"},
    {"type": "no_criminal_record_declaration", "self_declared": true},
    {"type": "identity_card_fee_receipt"},
    {"type": "registration_fee_receipt"},
    {"type": "passport_entry_stamp", "shows_date": "2008-11-03"}
  ],
  "payments": [{"fee": "identity_card", "amount": "31.05", "currency": "BRL"},
               {"fee": "registration", "amount": "64.58", "currency": "BRL"}],
  "waivers": [],
  "declarations": {"no_criminal_record": true}
})";

struct Fixture {
  MemoryLog log;
  CaseService service{log, {&load("br-2009.yaml"), &load("br-2009-permanent.yaml")}};

  void require(const CaseId& id, const Event& e) {
    ApplyResult r = service.apply(id, e);
    INFO(to_string(e.kind) << ": " << (r.rejection ? r.rejection->message : std::string()));
    REQUIRE(r.accepted());
  }
  /// A br-2009 case filed on 2009-08-10, decided on 2009-09-01.
  void decided(const CaseId& id, const char* outcome) {
    Event o = event(EventKind::opened, "clerk-1", "clerk", "2009-08-01T10:00:00-03:00");
    o.programme = "br-2009";
    o.data = kApplication;
    require(id, o);
    require(id, event(EventKind::submitted, "clerk-1", "clerk", "2009-08-10T10:00:00-03:00"));
    require(id, event(EventKind::review_started, "clerk-2", "clerk", "2009-08-11T10:00:00-03:00"));
    Event d = event(EventKind::decided, "sup-1", "supervisor", "2009-09-01T10:00:00-03:00");
    d.outcome = outcome;
    require(id, d);
  }
  Event conversion(const char* linked) {
    Event o = event(EventKind::opened, "clerk-1", "clerk", "2011-06-01T10:00:00-03:00");
    o.programme = "br-2009-permanent";
    o.data = R"({"applicant": {"nationalities": ["BO"]}})";
    o.linked_case = linked;
    return o;
  }
};

std::vector<std::string> listed(const std::vector<Deadline>& ds) {
  std::vector<std::string> out;
  for (const Deadline& d : ds)
    out.push_back(d.id + " " + d.date.to_string() + (d.programme.empty() ? "" : " " + d.programme));
  return out;
}

}  // namespace

TEST_CASE("an approval under br-2009 knows when the residence expires and the conversion window",
          "[cases][follow_on]") {
  Fixture f;
  const CaseId id = case_id("BR-1");
  f.decided(id, "approved");
  std::vector<RecordedEvent> history = f.service.history(id);
  const Event& decision = history.back().event;
  CHECK(decision.evaluation_summary == "eligible");
  // Filed 2009-08-10: two years of provisional residence, conversion in the 90 days before.
  CHECK(listed(decision.deadlines) ==
        std::vector<std::string>{"follow_on_opens 2011-05-12 br-2009-permanent",
                                 "grant_expires 2011-08-10",
                                 "follow_on_closes 2011-08-10 br-2009-permanent"});
  CHECK(
      history.back().canonical.find(
          R"("deadlines":[{"date":"2011-05-12","id":"follow_on_opens","programme":"br-2009-permanent"})") !=
      std::string::npos);
  CHECK(verify(history).ok);

  Case c = *f.service.load(id);
  CHECK(listed(deadlines_of(c)) == listed(decision.deadlines));
  CaseSummary s = summarise(c);
  CHECK(s.next_deadline == date("2011-08-10"));
  CaseSummary advanced;
  for (const auto& e : history) advance(advanced, e);
  CHECK(advanced == s);

  // Closing the file keeps the deadline: the residence still expires.
  f.require(id, event(EventKind::closed, "clerk-2", "clerk", "2009-09-02T10:00:00-03:00"));
  history = f.service.history(id);
  advance(advanced, history.back());
  CHECK(advanced.next_deadline == date("2011-08-10"));
  CHECK(advanced == summarise(*f.service.load(id)));

  // The recorded deadlines survive the store's round trip through the canonical text.
  auto parsed = parse_recorded(history[3].canonical, history[3].hash);
  REQUIRE(parsed);
  CHECK(parsed->event == history[3].event);
}

TEST_CASE("a refusal carries no grant dates, an approval event cannot be given others",
          "[cases][follow_on]") {
  Fixture f;
  f.decided(case_id("BR-2"), "refused");
  Case c = *f.service.load(case_id("BR-2"));
  CHECK(c.grant_deadlines.empty());
  CHECK_FALSE(summarise(c).next_deadline);

  Event e = event(EventKind::decided, "sup-1", "supervisor", "2009-09-01T10:00:00-03:00");
  e.outcome = "refused";
  e.deadlines = {{"grant_expires", date("2011-08-10"), ""}};
  CHECK(check_event(e) == "only decided(approved) carries deadlines");
  Event n = event(EventKind::note_added);
  n.linked_case = "BR-1";
  CHECK(check_event(n) == "only opened links a case");
}

TEST_CASE("opening the conversion case links it to the approved case", "[cases][follow_on]") {
  Fixture f;
  f.decided(case_id("BR-1"), "approved");
  f.decided(case_id("BR-2"), "refused");

  ApplyResult r = f.service.open(case_id("BR-P-1"), f.conversion("BR-1"));
  REQUIRE(r.accepted());
  CHECK(r.after->linked_case == "BR-1");
  CHECK(r.after->state == "draft");
  CHECK(r.recorded->canonical.find(R"("linked":"BR-1")") != std::string::npos);
  CaseSummary s = summarise(*r.after);
  CHECK(s.linked_case == "BR-1");
  CaseSummary advanced;
  advance(advanced, *r.recorded);
  CHECK(advanced == s);

  r = f.service.open(case_id("BR-P-2"), f.conversion("BR-2"));
  REQUIRE_FALSE(r.accepted());
  CHECK(r.rejection->code == "cases.bad_link");
  CHECK(r.rejection->message == "case \"BR-2\" was not approved, so no case can follow it");

  r = f.service.open(case_id("BR-P-3"), f.conversion("BR-9"));
  REQUIRE_FALSE(r.accepted());
  CHECK(r.rejection->message == "no case \"BR-9\" to follow");

  Event wrong = f.conversion("BR-1");
  wrong.programme = "br-2009";
  wrong.data = kApplication;
  r = f.service.open(case_id("BR-X"), wrong);
  REQUIRE_FALSE(r.accepted());
  CHECK(r.rejection->message ==
        "case \"BR-1\" (br-2009) is followed by br-2009-permanent, not br-2009");
  CHECK(f.log.load(case_id("BR-X")).empty());
}
