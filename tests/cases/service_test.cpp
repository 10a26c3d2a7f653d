// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// CaseService over an in-memory EventLog with the bundled br-2009 programme
// and the real engine: a case from opening to approval, the application the
// fold builds, submission outside the window, approval refused unless the
// evaluation on the filing date is eligible, evidence requests, four eyes,
// rejections that write nothing, conflicts, and a lifecycle of one's own.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cases/support.hpp"
#include "regularis/cases/case_service.hpp"
#include "regularis/programme/load.hpp"

using namespace regularis;
using namespace regularis::test;
using nlohmann::json;

namespace {

const Programme& br_2009() {
  static const Programme p = load_programme_file("examples/programmes/br-2009.yaml");
  return p;
}

/// An application that meets every br-2009 criterion except that it has no
/// proof of entry yet; filed_at comes from the submission.
json application() {
  return json::parse(R"({
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
      {"type": "registration_fee_receipt"}
    ],
    "payments": [{"fee": "identity_card", "amount": "31.05", "currency": "BRL"}],
    "waivers": [],
    "declarations": {"no_criminal_record": true}
  })");
}

Event opened(const json& app = application(), const char* programme = "br-2009") {
  Event e = event(EventKind::opened, "clerk-1", "clerk", "2009-08-01T10:00:00-03:00");
  e.programme = programme;
  e.data = app.dump();
  return e;
}

Event by(EventKind kind, const char* actor, const char* role, const char* when) {
  return event(kind, actor, role, when);
}

struct Fixture {
  MemoryLog log;
  CaseService service{log, {&br_2009()}};
  CaseId id = case_id("BR-2009-000123");

  ApplyResult apply(const Event& e) { return service.apply(id, e); }
  void require(const Event& e) {
    ApplyResult r = apply(e);
    INFO(to_string(e.kind) << ": " << (r.rejection ? r.rejection->message : std::string()));
    REQUIRE(r.accepted());
  }
  /// Opens, pays, adds the proof of entry, submits on 2009-08-10, starts the review.
  void to_review(bool with_proof = true) {
    require(opened());
    Event paid = by(EventKind::fee_paid, "clerk-1", "clerk", "2009-08-02T10:00:00-03:00");
    paid.data = R"({"fee": "registration", "amount": "64.58", "currency": "BRL"})";
    require(paid);
    if (with_proof) {
      Event doc = by(EventKind::document_added, "clerk-1", "clerk", "2009-08-02T11:00:00-03:00");
      doc.document_id = "entry-stamp";
      doc.data = R"({"type": "passport_entry_stamp", "shows_date": "2008-11-03"})";
      require(doc);
    }
    require(by(EventKind::submitted, "clerk-1", "clerk", "2009-08-10T10:00:00-03:00"));
    require(by(EventKind::review_started, "clerk-2", "clerk", "2009-08-11T10:00:00-03:00"));
  }
};

Event decision(const char* outcome, const char* actor = "sup-1") {
  Event d = by(EventKind::decided, actor, "supervisor", "2009-09-01T10:00:00-03:00");
  d.outcome = outcome;
  return d;
}

}  // namespace

TEST_CASE("a case from opening to approval", "[cases][service]") {
  Fixture f;
  f.to_review();
  Event verified =
      by(EventKind::document_verified, "clerk-2", "clerk", "2009-08-12T10:00:00-03:00");
  verified.document_id = "entry-stamp";
  f.require(verified);

  ApplyResult r = f.apply(decision("approved"));
  REQUIRE(r.accepted());
  CHECK(r.recorded->sequence == 7);
  CHECK(r.recorded->event.state == "approved");
  CHECK(r.recorded->event.programme_version == "2009-07-02");
  CHECK(r.recorded->event.evaluation_summary == "eligible");
  CHECK(r.after->state == "approved");
  CHECK(r.after->outcome == "approved");
  CHECK(r.after->decided_by == "sup-1");

  std::optional<Case> c = f.service.load(f.id);
  REQUIRE(c);
  CHECK(c->version == 7);
  CHECK(c->programme == "br-2009");
  CHECK(c->submitted_by == "clerk-1");
  CHECK(c->submitted_at == at("2009-08-10T13:00:00Z"));
  json app = json::parse(c->application);
  CHECK(app["id"] == "BR-2009-000123");
  CHECK(app["filed_at"] == "2009-08-10T13:00:00Z");
  CHECK(app["documents"].size() == 6);
  CHECK(app["documents"][5] ==
        json::parse(
            R"({"type": "passport_entry_stamp", "shows_date": "2008-11-03", "verified": true})"));
  CHECK(app["payments"].size() == 2);
  CHECK(summarise(*c).head_hash == r.recorded->hash);

  std::vector<RecordedEvent> history = f.service.history(f.id);
  REQUIRE(history.size() == 7);
  std::vector<std::string> states;
  for (const auto& e : history) states.push_back(e.event.state);
  CHECK(states == std::vector<std::string>{"draft", "draft", "draft", "submitted", "under_review",
                                           "under_review", "approved"});
  CHECK(f.service.verify(f.id).ok);
  CaseSummary advanced;
  for (const auto& e : history) advance(advanced, e);
  CHECK(advanced == summarise(*c));

  f.require(by(EventKind::closed, "clerk-2", "clerk", "2009-09-02T10:00:00-03:00"));
  CHECK(f.service.load(f.id)->state == "closed");
}

TEST_CASE("approval needs an eligible evaluation on the filing date", "[cases][service][guards]") {
  Fixture f;
  f.to_review(false);  // no proof of entry: incomplete
  const std::size_t appends = f.log.appends;
  ApplyResult r = f.apply(decision("approved"));
  REQUIRE_FALSE(r.accepted());
  CHECK(r.rejection->code == "cases.guard");
  CHECK(r.rejection->message ==
        "rule \"under_review + decided(approved) [eligible] -> approved\" refused by guard "
        "eligible: under br-2009 version 2009-07-02 (filing date 2009-08-10) the application is "
        "incomplete: proof_of_entry.missing");
  CHECK(f.log.appends == appends);  // nothing written
  CHECK(f.service.load(f.id)->state == "under_review");

  // Ask for the evidence, receive it, then approve.
  Event ask = by(EventKind::evidence_requested, "clerk-2", "clerk", "2009-08-20T10:00:00-03:00");
  ask.due = date("2009-09-20");
  ask.reasons = {"proof_of_entry"};
  f.require(ask);
  CHECK(f.service.load(f.id)->evidence_due == date("2009-09-20"));
  Event doc = by(EventKind::document_added, "app-1", "applicant", "2009-08-25T10:00:00-03:00");
  doc.document_id = "ticket";
  doc.data = R"({"type": "travel_ticket", "shows_date": "2008-11-03", "verified": true})";
  f.require(doc);
  f.require(by(EventKind::evidence_received, "clerk-2", "clerk", "2009-08-26T10:00:00-03:00"));
  CHECK_FALSE(f.service.load(f.id)->evidence_due.has_value());
  r = f.apply(decision("approved"));
  INFO((r.rejection ? r.rejection->message : ""));
  CHECK(r.accepted());
}

TEST_CASE("an ineligible case can be refused but not approved", "[cases][service][guards]") {
  Fixture f;
  json app = application();
  app["applicant"]["entry_date"] = "2009-03-05";
  f.require(opened(app));
  f.require(by(EventKind::submitted, "app-1", "applicant", "2009-08-10T10:00:00-03:00"));
  f.require(by(EventKind::review_started, "clerk-2", "clerk", "2009-08-11T10:00:00-03:00"));
  ApplyResult r = f.apply(decision("approved"));
  REQUIRE_FALSE(r.accepted());
  CHECK(r.rejection->message.find("the application is ineligible: entered_by_cutoff.not_met") !=
        std::string::npos);
  Event refuse = decision("refused");
  refuse.reasons = {"entered_by_cutoff.not_met"};
  r = f.apply(refuse);
  REQUIRE(r.accepted());
  CHECK(r.recorded->event.evaluation_summary.rfind("ineligible: ", 0) == 0);
  CHECK(r.after->outcome == "refused");
  f.require(by(EventKind::appealed, "app-1", "applicant", "2009-09-05T10:00:00-03:00"));
  CHECK(f.service.load(f.id)->appeals == 1);
  Event dismiss = decision("refused", "sup-2");
  f.require(dismiss);
  r = f.apply(by(EventKind::appealed, "app-1", "applicant", "2009-09-10T10:00:00-03:00"));
  CHECK(r.rejection->code == "cases.guard");
}

TEST_CASE("a submission outside the window is refused with the reason",
          "[cases][service][guards]") {
  Fixture f;
  f.require(opened());
  ApplyResult r =
      f.apply(by(EventKind::submitted, "clerk-1", "clerk", "2010-01-05T10:00:00-03:00"));
  REQUIRE_FALSE(r.accepted());
  CHECK(r.rejection->code == "cases.guard");
  CHECK(r.rejection->message ==
        "rule \"draft + submitted [filed_in_window] -> submitted\" refused by guard "
        "filed_in_window: filed on 2010-01-05 (America/Sao_Paulo), outside the filing window of "
        "br-2009 version 2009-07-02 (2009-07-03 to 2009-12-30)");
  // 23:30 on the last day in Sao Paulo is 01:30 UTC the next day: still on time.
  CHECK(f.apply(by(EventKind::submitted, "clerk-1", "clerk", "2009-12-30T23:30:00-02:00"))
            .accepted());
  CHECK(f.service.load(f.id)->state == "submitted");
}

TEST_CASE("four eyes through the service", "[cases][service]") {
  Fixture f;
  f.to_review();
  ApplyResult r = f.apply(decision("refused", "clerk-1"));  // clerk-1 submitted it
  REQUIRE_FALSE(r.accepted());
  CHECK(r.rejection->code == "cases.four_eyes");
}

TEST_CASE("rejections write nothing, stale versions conflict", "[cases][service]") {
  Fixture f;
  ApplyResult r =
      f.apply(by(EventKind::submitted, "clerk-1", "clerk", "2009-08-10T10:00:00-03:00"));
  CHECK(r.rejection->code == "cases.not_allowed");
  CHECK_FALSE(f.service.load(f.id).has_value());

  r = f.service.open(f.id, opened(application(), "xx-1999"));
  CHECK(r.rejection->code == "cases.unknown_programme");
  CHECK(r.rejection->message == "no programme \"xx-1999\" is known");
  CHECK(f.log.appends == 0);

  f.require(opened());
  CHECK_THROWS_MATCHES(
      f.service.open(f.id, opened()), ConflictError,
      Catch::Message("[store.conflict] case \"BR-2009-000123\" is at version 1, not 0"));
  Event note = by(EventKind::note_added, "clerk-1", "clerk", "2009-08-02T10:00:00-03:00");
  note.note = "called the applicant";
  CHECK(f.service.apply(f.id, note, 1).accepted());
  CHECK_THROWS_AS(f.service.apply(f.id, note, 1), ConflictError);
  CHECK(f.service.load(f.id)->version == 2);

  Event bad = by(EventKind::facts_amended, "clerk-1", "clerk", "2009-08-02T10:00:00-03:00");
  bad.data = "not json";
  r = f.apply(bad);
  CHECK(r.rejection->code == "cases.bad_event");
  CHECK(r.rejection->message == "the data of facts_amended is not JSON");
  CHECK(f.log.appends == 2);
}

TEST_CASE("facts are amended by merge patch, rejected documents leave the application",
          "[cases][service]") {
  Fixture f;
  f.to_review();
  Event amend = by(EventKind::facts_amended, "clerk-2", "clerk", "2009-08-12T10:00:00-03:00");
  amend.data = R"({"applicant": {"given_names": null, "family_name": "Quispe"}})";
  f.require(amend);
  Event reject = by(EventKind::document_rejected, "clerk-2", "clerk", "2009-08-12T11:00:00-03:00");
  reject.document_id = "entry-stamp";
  reject.reasons = {"illegible"};
  f.require(reject);
  Case c = *f.service.load(f.id);
  json app = json::parse(c.application);
  CHECK_FALSE(app["applicant"].contains("given_names"));
  CHECK(app["applicant"]["family_name"] == "Quispe");
  CHECK(app["documents"].size() == 5);
  REQUIRE(c.documents.size() == 1);
  CHECK(c.documents[0].status == CaseDocument::Status::rejected);
  CHECK(c.documents[0].reasons == std::vector<std::string>{"illegible"});
}

TEST_CASE("a lifecycle of one's own, with a guard of one's own", "[cases][service]") {
  std::vector<Transition> rows = {
      {"", "opened", "", "", "intake", {"clerk"}, false, {}},
      {"intake", "closed", "", "weekday", "done", {"clerk"}, false, {}},
  };
  Guards guards;
  guards.add("weekday", [](const GuardContext& c) {
    return c.programme()->time_zone().local_date(c.event().at).weekday() == Weekday::sunday
               ? GuardResult::refuse("the office is closed on Sundays")
               : GuardResult::pass();
  });
  LifecycleBuild b = Lifecycle::from_rows(rows, guards);
  REQUIRE(b.lifecycle);
  MemoryLog log;
  CaseService service(log, {&br_2009()}, *b.lifecycle, guards);
  const CaseId id = case_id("X-1");
  REQUIRE(service.open(id, opened()).accepted());
  CHECK(service.load(id)->state == "intake");
  ApplyResult r =
      service.apply(id, by(EventKind::closed, "clerk-1", "clerk", "2009-08-09T10:00:00-03:00"));
  CHECK(r.rejection->message ==
        "rule \"intake + closed [weekday] -> done\" refused by guard weekday: the office is closed "
        "on Sundays");
  CHECK(service.apply(id, by(EventKind::closed, "clerk-1", "clerk", "2009-08-10T10:00:00-03:00"))
            .accepted());

  CHECK_THROWS_MATCHES(CaseService(log, {}, *b.lifecycle, Guards{}), UsageError,
                       Catch::Message("[cases.unknown_guard] the lifecycle names unregistered "
                                      "guards: weekday"));
}
