// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// due_date and CaseService::due_date: a period an office sets ("5 business
// days", "60 days") counted from the local day of an instant in the
// programme's zone, on the programme's holiday calendar. Across a weekend and
// a bundled calendar's holiday (Nossa Senhora Aparecida, Finados; Ireland's
// June Holiday), from an evening that is already the next day in UTC (Sao
// Paulo) or already the next day locally (Dublin's summer), calendar days
// with and without a calendar, the cases.no_calendar error, and the date put
// into an evidence_requested event. Every instant is written out: nothing
// reads the clock.
#include <catch2/catch.hpp>

#include <string>

#include "cases/support.hpp"
#include "regularis/cases/case_service.hpp"
#include "regularis/programme/load.hpp"

using namespace regularis;
using namespace regularis::test;

namespace {

/// America/Sao_Paulo with examples/calendars/br.yaml.
const Programme& t_due_br() {
  static const Programme p = load_programme_file("tests/cases/data/t-due-br.yaml");
  return p;
}

/// The bundled br-2009: America/Sao_Paulo, no holiday calendar.
const Programme& br_2009() {
  static const Programme p = load_programme_file("examples/programmes/br-2009.yaml");
  return p;
}

/// Europe/Dublin with examples/calendars/ie.yaml (the path is relative to
/// the file name given, as for a file).
const Programme& t_due_ie() {
  static const Programme p = load_programme_text(
      "programme: t-due-ie\n"
      "title: {en: Due dates on the Irish calendar}\n"
      "jurisdiction: IE\n"
      "time_zone: Europe/Dublin\n"
      "calendar: ../../../examples/calendars/ie.yaml\n"
      "versions:\n"
      "  - effective_from: 2022-01-01\n"
      "    window: {opens: 2022-01-01, closes: 2022-12-31}\n"
      "    criteria: []\n",
      "tests/cases/data/t-due-ie.yaml");
  return p;
}

DeadlineRule rule(const char* text) { return DeadlineRule::parse(text).value(); }

std::string due(const Programme& p, const char* instant, const char* period) {
  return due_date(p, at(instant), rule(period)).to_string();
}

}  // namespace

TEST_CASE("due_date: business days skip the weekend and the calendar's holidays", "[cases]") {
  REQUIRE(t_due_br().calendar() != nullptr);
  // Friday 9 October 2009; Monday the 12th is Nossa Senhora Aparecida.
  CHECK(due(t_due_br(), "2009-10-09T10:00:00-03:00", "1 business day") == "2009-10-13");
  CHECK(due(t_due_br(), "2009-10-09T10:00:00-03:00", "5 business days") == "2009-10-19");
  // Friday 30 October: Monday 2 November is Finados.
  CHECK(due(t_due_br(), "2009-10-30T10:00:00-03:00", "10 business days") == "2009-11-16");
  // The rule's own counting of the first day.
  CHECK(due(t_due_br(), "2009-10-09T10:00:00-03:00", "5 business days, including the first day") ==
        "2009-10-16");
}

TEST_CASE("due_date: the header's examples", "[cases]") {
  // Friday 21:30 in Sao Paulo, already Saturday 10 October in UTC.
  CHECK(due(t_due_br(), "2009-10-10T00:30:00Z", "5 business days") == "2009-10-19");
  CHECK(due(t_due_br(), "2009-10-10T00:30:00Z", "30 days") == "2009-11-08");  // a Sunday
  CHECK(due(t_due_br(), "2009-10-10T00:30:00Z", "30 days, next business day") == "2009-11-09");
}

TEST_CASE("due_date counts from the local day in the programme's zone", "[cases]") {
  SECTION("late evening in Sao Paulo is already the next day in UTC") {
    // 01:30Z on Friday 9 October is Thursday 8 October, 22:30 in Sao Paulo:
    // one business day is Friday (from the UTC day it would be Tuesday 13th).
    CHECK(due(t_due_br(), "2009-10-09T01:30:00Z", "1 business day") == "2009-10-09");
    CHECK(due(t_due_br(), "2009-10-09T01:30:00Z", "2 business days") == "2009-10-13");
    CHECK(due(t_due_br(), "2009-10-09T02:59:59Z", "1 business day") == "2009-10-09");
    CHECK(due(t_due_br(), "2009-10-09T03:00:00Z", "1 business day") == "2009-10-13");
  }
  SECTION("late evening in UTC is already the next day in Dublin's summer") {
    // 23:30Z on Thursday 2 June 2022 is Friday 3 June, 00:30 in Dublin;
    // Monday 6 June is the June Holiday.
    CHECK(due(t_due_ie(), "2022-06-02T23:30:00Z", "1 business day") == "2022-06-07");
    CHECK(due(t_due_ie(), "2022-06-02T22:59:59Z", "1 business day") == "2022-06-03");
    CHECK(due(t_due_ie(), "2022-06-02T23:30:00Z", "10 days") == "2022-06-13");
  }
}

TEST_CASE("due_date: calendar days, with or without a holiday calendar", "[cases]") {
  // Thursday 8 October, 22:30 in Sao Paulo.
  CHECK(due(t_due_br(), "2009-10-09T01:30:00Z", "60 days") == "2009-12-07");
  CHECK(due(br_2009(), "2009-10-09T01:30:00Z", "60 days") == "2009-12-07");
  CHECK(due(br_2009(), "2009-10-09T01:30:00Z", "60 calendar days") == "2009-12-07");
  CHECK(due(br_2009(), "2009-10-09T01:30:00Z", "60 days, including the first day") == "2009-12-06");
  CHECK(due(br_2009(), "2009-10-09T01:30:00Z", "2 months") == "2009-12-08");
  CHECK(due(br_2009(), "2009-10-09T01:30:00Z", "end of month") == "2009-10-31");
  // 60 days from 2009-11-10 is 2010-01-09, a Saturday: kept without a roll.
  CHECK(due(br_2009(), "2009-11-10T10:00:00-02:00", "60 days") == "2010-01-09");
}

TEST_CASE("due_date: business days without a holiday calendar are an error", "[cases]") {
  REQUIRE(br_2009().calendar() == nullptr);
  const Instant when = at("2009-10-09T10:00:00-03:00");
  CHECK_THROWS_MATCHES(due_date(br_2009(), when, rule("30 business days")), UsageError,
                       Catch::Message("[cases.no_calendar] programme br-2009 names no holiday "
                                      "calendar (`calendar:` in its file), so \"30 business days "
                                      "after\" cannot be counted"));
  // A roll off a non-business day needs the calendar as much.
  try {
    (void)due_date(br_2009(), when, rule("30 days, next business day"));
    FAIL("no exception");
  } catch (const UsageError& e) {
    CHECK(e.code() == "cases.no_calendar");
  }
}

TEST_CASE("CaseService::due_date: the case's programme, into evidence_requested", "[cases]") {
  MemoryLog log;
  CaseService service(log, {&t_due_br(), &br_2009()});
  const CaseId id = case_id("T-1");
  Event opened = event(EventKind::opened, "clerk-1", "clerk", "2009-10-01T10:00:00-03:00");
  opened.programme = "t-due-br";
  opened.data = R"({"format": "regularis.application/1", "programme": "t-due-br",
                    "applicant": {"present_at_filing": true}})";
  REQUIRE(service.open(id, opened).accepted());
  REQUIRE(
      service
          .apply(id, event(EventKind::submitted, "clerk-1", "clerk", "2009-10-01T11:00:00-03:00"))
          .accepted());
  REQUIRE(service
              .apply(id, event(EventKind::review_started, "clerk-2", "clerk",
                               "2009-10-02T10:00:00-03:00"))
              .accepted());

  // Friday 9 October, 21:30 in Sao Paulo.
  const Instant when = at("2009-10-10T00:30:00Z");
  Event request = make_event(EventKind::evidence_requested, "clerk-2", "clerk", when);
  request.due = service.due_date(id, when, rule("5 business days"));
  request.reasons = {"proof_of_entry"};
  CHECK(request.due->to_string() == "2009-10-19");
  ApplyResult r = service.apply(id, request);
  REQUIRE(r.accepted());
  CHECK(r.after->state == "awaiting_evidence");
  CHECK(r.recorded->event.due->to_string() == "2009-10-19");

  CHECK_THROWS_MATCHES(service.due_date(case_id("T-404"), when, rule("5 business days")),
                       UsageError, Catch::Message("[cases.unknown_case] no case \"T-404\""));

  // A service without the case's programme cannot date it.
  CaseService other(log, {&br_2009()});
  CHECK_THROWS_MATCHES(other.due_date(id, when, rule("60 days")), UsageError,
                       Catch::Message("[cases.unknown_programme] case \"T-1\" follows programme "
                                      "t-due-br, which this service lacks"));
}
