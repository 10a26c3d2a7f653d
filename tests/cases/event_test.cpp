// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Case ids, event kinds, the well-formedness of events, the canonical
// serialisation and its SHA-256 (a golden value), parsing a stored text back,
// and verify() on chains edited, truncated, reordered and moved in memory.
#include <catch2/catch.hpp>

#include "cases/support.hpp"

using namespace regularis;
using namespace regularis::test;

TEST_CASE("a case id is 1 to 128 bytes without control characters", "[cases][case_id]") {
  CHECK(CaseId::parse("BR-2009-000123")->str() == "BR-2009-000123");
  CHECK(CaseId::parse("'); DROP TABLE cases; --")->str() == "'); DROP TABLE cases; --");
  CHECK(CaseId::parse("").error() == "a case id cannot be empty");
  CHECK(CaseId::parse(std::string(129, 'x')).error() == "a case id has at most 128 bytes");
  CHECK(CaseId::parse(std::string(128, 'x')).ok());
  CHECK(CaseId::parse("a\nb").error() == "a case id cannot contain control characters");
  CHECK(case_id("A") < case_id("B"));
  CHECK(std::hash<CaseId>{}(case_id("A")) == std::hash<std::string>{}("A"));
}

TEST_CASE("event kinds have stable names", "[cases][event]") {
  CHECK(all_event_kinds().size() == 17);
  for (EventKind k : all_event_kinds()) CHECK(parse_event_kind(to_string(k)).value() == k);
  CHECK(to_string(EventKind::evidence_requested) == "evidence_requested");
  CHECK(parse_event_kind("decide").error() == "\"decide\" is not an event kind");
}

TEST_CASE("check_event says what an event of each kind lacks", "[cases][event]") {
  Event e = event(EventKind::opened);
  CHECK(check_event(e) == "opened needs data (a JSON object)");
  e.data = "[1]";
  CHECK(check_event(e) == "the data of opened is not a JSON object");
  e.data = "{";
  CHECK(check_event(e) == "the data of opened is not JSON");
  e.data = "{}";
  CHECK(check_event(e) == "opened needs a programme");
  e.programme = "br-2009";
  CHECK(check_event(e).empty());
  e.actor.clear();
  CHECK(check_event(e) == "an event needs an actor");

  Event r = event(EventKind::evidence_requested);
  CHECK(check_event(r) == "evidence_requested needs a due date");
  r.due = date("2009-09-10");
  CHECK(check_event(r).empty());

  Event d = event(EventKind::decided, "sup-1", "supervisor");
  CHECK(check_event(d) == "decided needs an outcome, \"approved\" or \"refused\"");
  d.outcome = "maybe";
  CHECK(check_event(d) == "decided needs an outcome, \"approved\" or \"refused\"");
  d.outcome = "approved";
  CHECK(check_event(d).empty());

  Event v = event(EventKind::document_verified);
  CHECK(check_event(v) == "document_verified needs a document id");
  Event n = event(EventKind::note_added);
  n.data = "{}";
  CHECK(check_event(n) == "note_added carries no data");
  n.data.clear();
  n.outcome = "approved";
  CHECK(check_event(n) == "note_added carries no outcome");
  n.outcome.clear();
  n.note = "bad \xff byte";
  CHECK(check_event(n) == "an event's text must be UTF-8");
}

TEST_CASE("check_event refuses numbers the case fold could not keep exactly", "[cases][event]") {
  Event e = event(EventKind::facts_amended);
  // Up to 15 significant digits, any number survives the fold's doubles, as
  // do integers of 64 bits; trailing and leading zeros are not significant.
  e.data = R"({"a": 64.58, "b": 123456789012345.0, "c": 9007199254740993, "d": -0.000123,)"
           R"( "e": 18446744073709551615, "f": 1.50000000000000000e3, "g": 0.0, "h": 1e-300})";
  CHECK(check_event(e).empty());

  e.data = R"({"applicant": {"income": 12345678901234567.5}})";
  CHECK(check_event(e) ==
        "the data of facts_amended: the number at applicant.income cannot be kept exactly (more "
        "than 15 significant digits, or too small for a double); write "
        "it as a string");
  // Integers beyond 64 bits are doubles too; the path names array elements.
  e.data = R"({"payments": [{"amount": "1"}, {"n": [1, 2, 123456789012345678901]}]})";
  CHECK_THAT(check_event(e), Catch::Matchers::Contains("the number at payments[1].n[2] cannot"));
  e.data = R"({"x": 1e-400})";  // not zero, but a double would make it zero
  CHECK_THAT(check_event(e), Catch::Matchers::Contains("the number at x cannot"));
  // As a string the same value is kept untouched.
  e.data = R"({"applicant": {"income": "12345678901234567.5"}})";
  CHECK(check_event(e).empty());
  // Text that is not JSON, or not an object, is said so first.
  e.data = R"({"x": 1e-400)";
  CHECK(check_event(e) == "the data of facts_amended is not JSON");
  e.data = R"({"x": 1} {})";
  CHECK(check_event(e) == "the data of facts_amended is not JSON");
  e.data = R"([{"x": 1e-400}])";
  CHECK(check_event(e) == "the data of facts_amended is not a JSON object");
}

TEST_CASE("the canonical serialisation has sorted keys and no whitespace", "[cases][event]") {
  Event e = make_event(EventKind::opened, "clerk-1", "clerk", at("2009-08-10T10:00:00-03:00"));
  e.programme = "br-2009";
  e.data = R"({"a":1})";
  RecordedEvent r = seal(case_id("BR-1"), 1, genesis_hash(), e);
  CHECK(
      r.canonical ==
      R"({"actor":"clerk-1","at":"2009-08-10T13:00:00Z","case":"BR-1","data":"{\"a\":1}",)"
      R"("kind":"opened","prev":"0000000000000000000000000000000000000000000000000000000000000000",)"
      R"("programme":"br-2009","role":"clerk","seq":1})");
  // sha256sum of the text above.
  CHECK(r.hash == "bf48ba13267b0492c3b1dab6c37927b0a20789b60c0a5ea582235c7202ce69c6");
  CHECK(r.sequence == 1);
  CHECK(r.previous_hash == genesis_hash());

  auto back = parse_recorded(r.canonical, r.hash);
  REQUIRE(back.ok());
  CHECK(back->event == e);
  CHECK(back->case_id == "BR-1");
  CHECK(back->canonical == r.canonical);
}

TEST_CASE("every field survives sealing and parsing", "[cases][event]") {
  Event e = event(EventKind::decided, "sup-\"1\"", "supervisor");
  e.state = "refused";
  e.outcome = "refused";
  e.reasons = {"entered_by_cutoff.not_met", "a;b"};
  e.programme_version = "2009-07-02";
  e.evaluation_summary = "ineligible: entered_by_cutoff.not_met";
  e.note = "line 1\nline 2 '); DROP TABLE cases; -- ação";
  Event due = event(EventKind::evidence_requested);
  due.due = date("2009-09-30");
  for (const Event& x : {e, due}) {
    RecordedEvent r = seal(case_id("X"), 7, std::string(64, 'a'), x);
    auto back = parse_recorded(r.canonical, r.hash);
    REQUIRE(back.ok());
    CHECK(back->event == x);
    CHECK(back->sequence == 7);
    CHECK(back->previous_hash == std::string(64, 'a'));
  }
  CHECK(parse_recorded("{", "").error() == "not JSON");
  CHECK(parse_recorded("[]", "").error() == "not a JSON object");
  CHECK(parse_recorded(R"({"case":"X"})", "").error() == "\"prev\" is missing");
}

namespace {

std::vector<RecordedEvent> chain(std::size_t n) {
  std::vector<RecordedEvent> out;
  for (std::size_t i = 0; i < n; ++i) {
    Event e = event(EventKind::note_added);
    e.note = "note " + std::to_string(i + 1);
    out.push_back(seal(case_id("C-1"), i + 1, out.empty() ? genesis_hash() : out.back().hash, e));
  }
  return out;
}

}  // namespace

TEST_CASE("verify accepts an intact chain and names the first broken event", "[cases][chain]") {
  auto events = chain(4);
  CHECK(verify(events).ok);
  CHECK(verify({}).ok);

  SECTION("an edited text") {
    auto& text = events[1].canonical;
    text.replace(text.find("note 2"), 6, "note X");
    ChainCheck c = verify(events);
    CHECK_FALSE(c.ok);
    CHECK(c.first_broken == 2);
    CHECK(c.reason == "event 2: its content does not match its hash (edited)");
  }
  SECTION("an edited field with the text left alone") {
    events[2].event.note = "changed";
    ChainCheck c = verify(events);
    CHECK(c.first_broken == 3);
    CHECK(c.reason == "event 3: its fields differ from its hashed text (edited)");
  }
  SECTION("an edited event re-hashed: the next one no longer follows") {
    Event e = events[1].event;
    e.note = "forged";
    events[1] = seal(case_id("C-1"), 2, events[0].hash, e);
    ChainCheck c = verify(events);
    CHECK(c.first_broken == 3);
    CHECK(c.reason == "event 3: does not follow event 2 (previous hash differs)");
  }
  SECTION("a deleted event") {
    events.erase(events.begin() + 1);
    ChainCheck c = verify(events);
    CHECK(c.first_broken == 2);
    CHECK(c.reason == "event 2: carries sequence 3 (an event is missing or out of order)");
  }
  SECTION("two events swapped") {
    std::swap(events[1], events[2]);
    ChainCheck c = verify(events);
    CHECK(c.first_broken == 2);
    CHECK(c.reason == "event 2: carries sequence 3 (an event is missing or out of order)");
  }
  SECTION("the first event deleted") {
    events.erase(events.begin());
    CHECK(verify(events).reason ==
          "event 1: carries sequence 2 (an event is missing or out of order)");
  }
  SECTION("an event of another case") {
    auto other = seal(case_id("C-2"), 3, events[1].hash, events[2].event);
    events[2] = other;
    CHECK(verify(events).reason == "event 3: belongs to another case");
  }
}
