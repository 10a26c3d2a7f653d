// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Grants that run from the decision (`validity_from: decision`: es-2005,
// ie-2022, us-daca-2012): CaseService dates an approval from the decision's
// local date in the programme's zone (23:30Z is already the next day in
// Auckland and Dublin's summer, 01:30Z still the day before in Chicago),
// under the version in force on the filing date, with the engine's ids and
// order, sealed into the decided event so that a replay needs no programme.
// A refusal has no dates, an approval on appeal runs from the appeal's
// decision, and a grant running from the filing date keeps the engine's.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cases/support.hpp"
#include "regularis/cases/case_service.hpp"
#include "regularis/programme/load.hpp"

using namespace regularis;
using namespace regularis::test;

namespace {

/// Two versions: 2020's grant lasts 1 year and leads to t-next (its window
/// opens 60 days before expiry), 2021's lasts 3 years.
Programme programme(const std::string& zone, const std::string& validity_from = "decision") {
  const std::string text =
      "programme: t-grant\n"
      "title: {en: T}\n"
      "jurisdiction: NZ\n"
      "time_zone: " +
      zone +
      "\n"
      "versions:\n"
      "  - effective_from: 2020-01-01\n"
      "    window: {opens: 2020-01-01, closes: 2020-12-31}\n"
      "    criteria: []\n"
      "    grant: {status: residence, validity: 1 year, validity_from: " +
      validity_from +
      ",\n"
      "            then: t-next, then_opens_before_expiry: 60 days}\n"
      "  - effective_from: 2021-01-01\n"
      "    window: {opens: 2021-01-01, closes: 2021-12-31}\n"
      "    criteria: []\n"
      "    grant: {status: residence, validity: 3 years, validity_from: " +
      validity_from + "}\n";
  return load_programme_text(text, "t-grant.yaml");
}

const Programme& ie_2022() {
  static const Programme p = load_programme_file("examples/programmes/ie-2022.yaml");
  return p;
}

constexpr const char* kIeApplication = R"({
  "format": "regularis.application/1", "programme": "ie-2022", "channel": "online",
  "applicant": {
    "date_of_birth": "1985-05-05", "nationalities": ["BR"], "immigration_status": "irregular",
    "present_at_filing": true, "criminal": {"convictions": []}
  },
  "dependants": [],
  "facts": {"undocumented_since": "2016-09-01"},
  "documents": [{"type": "passport", "number_last4": "4821"},
                {"type": "proof_of_residence", "shows_date": "2016-09-01"}],
  "payments": [{"fee": "application", "amount": "550", "currency": "EUR",
                "paid_on": "2022-03-01"}]
})";

std::vector<std::string> listed(const std::vector<Deadline>& ds) {
  std::vector<std::string> out;
  out.reserve(ds.size());
  for (const Deadline& d : ds)
    out.push_back(d.id + " " + d.date.to_string() + (d.programme.empty() ? "" : " " + d.programme));
  return out;
}

struct Fixture {
  explicit Fixture(const Programme& p) : programme_id(p.id()), service(log, {&p}) {}

  std::string programme_id;
  MemoryLog log;
  CaseService service;

  void require(const CaseId& id, const Event& e) {
    ApplyResult r = service.apply(id, e);
    INFO(to_string(e.kind) << ": " << (r.rejection ? r.rejection->message : std::string()));
    REQUIRE(r.accepted());
  }
  /// Opens a case, submits it at `filed`, starts the review the next hour.
  void to_review(const CaseId& id, const char* filed, const char* data = "{}") {
    Event o = event(EventKind::opened, "clerk-1", "clerk", filed);
    o.programme = programme_id;
    o.data = data;
    require(id, o);
    require(id, event(EventKind::submitted, "clerk-1", "clerk", filed));
    require(id, event(EventKind::review_started, "clerk-2", "clerk", filed));
  }
  /// Decides the case at `when`; returns the event as recorded.
  RecordedEvent decide(const CaseId& id, const char* outcome, const char* when) {
    Event d = event(EventKind::decided, "sup-1", "supervisor", when);
    d.outcome = outcome;
    require(id, d);
    return service.history(id).back();
  }
};

}  // namespace

TEST_CASE("an approval under a grant running from the decision expires a validity after its day",
          "[cases][grant_from_decision]") {
  const Programme p = programme("Pacific/Auckland");
  Fixture f(p);
  const CaseId id = case_id("T-1");
  f.to_review(id, "2020-06-10T10:00:00+12:00");
  // 23:30Z on 15 July is 11:30 on 16 July in Auckland (NZST, UTC+12).
  const RecordedEvent decision = f.decide(id, "approved", "2020-07-15T23:30:00Z");
  CHECK(decision.event.programme_version == "2020-01-01");
  CHECK(decision.event.evaluation_summary == "eligible");
  CHECK(listed(decision.event.deadlines) ==
        std::vector<std::string>{"follow_on_opens 2021-05-17 t-next", "grant_expires 2021-07-16",
                                 "follow_on_closes 2021-07-16 t-next"});
  CHECK(decision.canonical.find(
            R"("deadlines":[{"date":"2021-05-17","id":"follow_on_opens","programme":"t-next"})") !=
        std::string::npos);

  const std::vector<RecordedEvent> history = f.service.history(id);
  CHECK(verify(history).ok);
  Case c = *f.service.load(id);
  CHECK(c.state == "approved");
  CHECK(listed(c.grant_deadlines) == listed(decision.event.deadlines));
  CHECK(listed(deadlines_of(c)) == listed(decision.event.deadlines));
  CaseSummary s = summarise(c);
  CHECK(s.next_deadline == date("2021-07-16"));
  CaseSummary advanced;
  for (const auto& e : history) advance(advanced, e);
  CHECK(advanced == s);

  // The store keeps the canonical text: reading it back gives the same dates.
  auto parsed = parse_recorded(decision.canonical, decision.hash);
  REQUIRE(parsed);
  CHECK(parsed->event == decision.event);
}

TEST_CASE("the grant runs from the decision's local date, not its UTC date",
          "[cases][grant_from_decision]") {
  SECTION("23:30Z is already the next day in Dublin's summer time (ie-2022, 2 years)") {
    Fixture f(ie_2022());
    const CaseId id = case_id("IE-1");
    f.to_review(id, "2022-03-01T10:00:00Z", kIeApplication);
    const RecordedEvent decision = f.decide(id, "approved", "2022-06-30T23:30:00Z");
    CHECK(decision.event.evaluation_summary == "eligible");
    CHECK(listed(decision.event.deadlines) == std::vector<std::string>{"grant_expires 2024-07-01"});
    CHECK(summarise(*f.service.load(id)).next_deadline == date("2024-07-01"));
  }
  SECTION("01:30Z is still the day before in Chicago (CDT, UTC-5)") {
    const Programme p = programme("America/Chicago");
    Fixture f(p);
    const CaseId id = case_id("T-2");
    f.to_review(id, "2020-06-10T10:00:00-05:00");
    const RecordedEvent decision = f.decide(id, "approved", "2020-07-16T01:30:00Z");
    CHECK(listed(decision.event.deadlines) ==
          std::vector<std::string>{"follow_on_opens 2021-05-16 t-next", "grant_expires 2021-07-15",
                                   "follow_on_closes 2021-07-15 t-next"});
  }
}

TEST_CASE("the version in force on the filing date gives the validity, decided under a later one",
          "[cases][grant_from_decision]") {
  const Programme p = programme("Pacific/Auckland");
  Fixture f(p);
  const CaseId id = case_id("T-3");
  f.to_review(id, "2020-12-20T10:00:00+13:00");
  // Decided on 11 February 2021 (NZDT), when the 2021 version (3 years) is in force.
  const RecordedEvent decision = f.decide(id, "approved", "2021-02-10T23:30:00Z");
  CHECK(decision.event.programme_version == "2020-01-01");
  CHECK(listed(decision.event.deadlines) ==
        std::vector<std::string>{"follow_on_opens 2021-12-13 t-next", "grant_expires 2022-02-11",
                                 "follow_on_closes 2022-02-11 t-next"});
}

TEST_CASE("a refusal has no grant dates, an approval on appeal runs from its own decision",
          "[cases][grant_from_decision]") {
  const Programme p = programme("Pacific/Auckland");
  Fixture f(p);
  const CaseId id = case_id("T-4");
  f.to_review(id, "2020-06-10T10:00:00+12:00");
  const RecordedEvent refusal = f.decide(id, "refused", "2020-07-15T23:30:00Z");
  CHECK(refusal.event.deadlines.empty());
  Case c = *f.service.load(id);
  CHECK(c.grant_deadlines.empty());
  CHECK(deadlines_of(c).empty());
  CHECK_FALSE(summarise(c).next_deadline);

  f.require(id, event(EventKind::appealed, "clerk-1", "clerk", "2020-07-20T10:00:00+12:00"));
  const RecordedEvent approval = f.decide(id, "approved", "2020-09-01T10:00:00+12:00");
  CHECK(listed(approval.event.deadlines) ==
        std::vector<std::string>{"follow_on_opens 2021-07-03 t-next", "grant_expires 2021-09-01",
                                 "follow_on_closes 2021-09-01 t-next"});
  c = *f.service.load(id);
  CHECK(summarise(c).next_deadline == date("2021-09-01"));
}

TEST_CASE("a replay gives the sealed dates back without the programme that computed them",
          "[cases][grant_from_decision]") {
  const Programme p = programme("Pacific/Auckland");
  Fixture f(p);
  const CaseId id = case_id("T-5");
  f.to_review(id, "2020-06-10T10:00:00+12:00");
  f.decide(id, "approved", "2020-07-15T23:30:00Z");

  // The same log read by a service that knows another zone and no such grant.
  const Programme elsewhere = programme("America/Chicago", "filing_date");
  CaseService other(f.log, {&elsewhere});
  Case replayed = *other.load(id);
  CHECK(listed(replayed.grant_deadlines) ==
        std::vector<std::string>{"follow_on_opens 2021-05-17 t-next", "grant_expires 2021-07-16",
                                 "follow_on_closes 2021-07-16 t-next"});
  CHECK(summarise(replayed) == summarise(fold(id, f.log.load(id))));
}

TEST_CASE("a grant running from the filing date keeps the engine's dates, whenever decided",
          "[cases][grant_from_decision]") {
  const Programme p = programme("Pacific/Auckland", "filing_date");
  Fixture f(p);
  const CaseId id = case_id("T-6");
  f.to_review(id, "2020-06-10T10:00:00+12:00");
  const RecordedEvent decision = f.decide(id, "approved", "2020-07-15T23:30:00Z");
  CHECK(listed(decision.event.deadlines) ==
        std::vector<std::string>{"follow_on_opens 2021-04-11 t-next", "grant_expires 2021-06-10",
                                 "follow_on_closes 2021-06-10 t-next"});
  CHECK(summarise(*f.service.load(id)).next_deadline == date("2021-06-10"));
}
