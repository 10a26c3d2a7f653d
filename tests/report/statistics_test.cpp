// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Tests of the report's statistics: reading result lines (with the optional
// filing_date and nationalities), reducing an Evaluation, counting the
// fixture tests/report/data/results.jsonl by every dimension, the cap on
// distinct keys, and reading a results file with bad lines.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "regularis/core/error.hpp"
#include "regularis/report/statistics.hpp"

using namespace regularis;

namespace {

const std::string kFixture = "tests/report/data/results.jsonl";

Statistics fixture_statistics() {
  std::ifstream in(kFixture);
  REQUIRE(in);
  Statistics stats;
  const ResultsRead read = read_results(in, kFixture, stats);
  REQUIRE(read.problems.empty());
  REQUIRE(read.added == 12);
  return stats;
}

std::vector<ReportEntry> rows(std::initializer_list<ReportEntry> list) { return list; }

}  // namespace

TEST_CASE("parse_result_line reads the spec's result line and the optional extra keys") {
  const auto r = parse_result_line(
      R"({"id": "BR-2009-000123", "programme": "br-2009", "version": "2009-07-02",)"
      R"( "outcome": "incomplete",)"
      R"( "criteria": [{"id": "entered_before_cutoff", "status": "met"}],)"
      R"( "missing": [{"fact": "declarations.no_criminal_record", "question": "..."}],)"
      R"( "documents": [{"id": "proof_of_entry", "status": "missing"},)"
      R"(   {"id": "identity_document", "status": "provided"}],)"
      R"( "fees": [{"id": "registration", "status": "due", "amount": "64.58", "currency": "BRL"}],)"
      R"( "deadline": "2009-12-30",)"
      R"( "reasons": ["proof_of_entry.missing", "registration.due"],)"
      R"( "filing_date": "2009-08-14", "nationalities": ["BO", "PE"]})");
  REQUIRE(r.ok());
  CHECK(r->programme == "br-2009");
  CHECK(r->outcome == Outcome::incomplete);
  CHECK(r->reasons == std::vector<std::string>{"proof_of_entry.missing", "registration.due"});
  CHECK(r->nationalities == std::vector<std::string>{"BO", "PE"});
  REQUIRE(r->filing_date.has_value());
  CHECK(r->filing_date->to_string() == "2009-08-14");
  CHECK(r->missing_items == std::vector<std::string>{"declarations.no_criminal_record",
                                                     "proof_of_entry.missing", "registration.due"});
}

TEST_CASE("parse_result_line: missing items only for incomplete results, extras optional") {
  const auto r = parse_result_line(
      R"({"id": "A", "programme": null, "outcome": "ineligible",)"
      R"( "documents": [{"id": "proof_of_entry", "status": "missing"}], "reasons": ["x.not_met"]})");
  REQUIRE(r.ok());
  CHECK(r->programme.empty());
  CHECK(r->missing_items.empty());
  CHECK(r->nationalities.empty());
  CHECK_FALSE(r->filing_date.has_value());
}

TEST_CASE("parse_result_line says why a line is not a result line") {
  CHECK(parse_result_line("{").error() == "not JSON: a syntax error at column 2");  // the end
  // A number no double holds is an error for the line, not an exception.
  CHECK(parse_result_line(R"({"id": "X", "outcome": "eligible", "n": 1e400})").error() ==
        "not JSON that can be read: a number out of range");
  // The message never quotes the line: it may hold a name.
  CHECK(parse_result_line(R"({"id": "Ana Quispe", "outcome": eligible})").error().find("Ana") ==
        std::string::npos);
  CHECK(parse_result_line("[1]").error() == "not a JSON object");
  CHECK(parse_result_line(R"({"id": "A"})").error() == "outcome is missing");
  CHECK(parse_result_line(R"({"outcome": "maybe"})").error() ==
        R"(outcome: "maybe" is not eligible, ineligible, incomplete or invalid)");
  CHECK(parse_result_line(R"({"outcome": 3})").error() ==
        "outcome: 3 is not eligible, ineligible, incomplete or invalid");
  CHECK(parse_result_line(R"({"outcome": "eligible", "programme": 7})").error() ==
        "programme: 7 is not a string");
  CHECK(parse_result_line(R"({"outcome": "eligible", "reasons": "x"})").error() ==
        R"(reasons: "x" is not a list of strings)");
  CHECK(parse_result_line(R"({"outcome": "eligible", "nationalities": ["BO", 1]})").error() ==
        "nationalities[1]: 1 is not a string");
  CHECK(parse_result_line(R"({"outcome": "eligible", "filing_date": "2009-02-30"})").error() ==
        "filing_date: 2009-02-30 is not a date");
  CHECK(parse_result_line(R"({"outcome": "eligible", "filing_date": 20090801})").error() ==
        "filing_date: 20090801 is not a date");
  CHECK(parse_result_line(R"({"outcome": "incomplete", "documents": [{"id": "d"}]})").error() ==
        "documents[0].status is not a string");
  CHECK(parse_result_line(R"({"outcome": "incomplete", "missing": [{"question": "?"}]})").error() ==
        "missing[0].fact is not a string");
  CHECK(parse_result_line(R"({"outcome": "incomplete", "fees": {}})").error() ==
        "fees: {} is not a list");
}

TEST_CASE("summarize reduces an Evaluation") {
  Evaluation e;
  e.programme_id = "br-2009";
  e.outcome = Outcome::incomplete;
  e.filing_date = Date::parse("2009-11-30").value();
  e.reasons = {"entered_by_cutoff.unknown", "proof_of_entry.not_verified", "registration.due"};
  e.missing.push_back({"applicant.entry_date", "When?", true});
  DocumentResult provided;
  provided.id = "identity_document";
  provided.status = DocumentStatus::provided;
  DocumentResult unverified;
  unverified.id = "proof_of_entry";
  unverified.status = DocumentStatus::not_verified;
  e.documents = {provided, unverified};
  const Money brl = Money::parse("64.58 BRL").value();
  FeeResult due{"registration", FeeStatus::due, brl, brl, ""};
  FeeResult waived{"identity_card", FeeStatus::waived, brl, brl, ""};
  e.fees = {due, waived};

  const ResultSummary r = summarize(e, {Country::parse("BO").value()});
  CHECK(r.programme == "br-2009");
  CHECK(r.outcome == Outcome::incomplete);
  CHECK(r.reasons == e.reasons);
  CHECK(r.nationalities == std::vector<std::string>{"BO"});
  CHECK(r.filing_date == e.filing_date);
  CHECK(r.missing_items == std::vector<std::string>{"applicant.entry_date",
                                                    "proof_of_entry.not_verified",
                                                    "registration.due"});

  SECTION("an invalid evaluation without reasons counts its error codes") {
    Evaluation bad;
    bad.outcome = Outcome::invalid;
    bad.diagnostics.error_at_path("facts.bad_date", "1984-02-30 is not a date",
                                  "applicant.date_of_birth");
    bad.diagnostics.add({Severity::warning, "facts.unknown_field", "unknown field", {}, "x"});
    const ResultSummary s = summarize(bad);
    CHECK(s.reasons == std::vector<std::string>{"facts.bad_date"});
    CHECK(s.missing_items.empty());
    Statistics stats;
    stats.add(bad);
    CHECK(stats.count(Dimension::programme, "unknown") == 1);
    CHECK(stats.count(Dimension::nationality, "unknown") == 1);
    CHECK(stats.count(Dimension::filing_month, "unknown") == 1);
    CHECK(stats.count(Dimension::reason, "facts.bad_date") == 1);
  }
}

TEST_CASE("Statistics counts the fixture by every dimension") {
  const Statistics stats = fixture_statistics();
  CHECK(stats.records() == 12);
  CHECK(stats.entries(Dimension::outcome) ==
        rows({{"eligible", 5}, {"ineligible", 2}, {"incomplete", 3}, {"invalid", 2}}));
  CHECK(stats.entries(Dimension::filing_month) ==
        rows({{"2009-07", 2}, {"2009-09", 3}, {"2009-12", 3}, {"2010-01", 1}, {"unknown", 3}}));
  CHECK(stats.entries(Dimension::reason) == rows({{"proof_of_entry.missing", 2},
                                                  {"entered_by_cutoff.not_met", 1},
                                                  {"entered_by_cutoff.unknown", 1},
                                                  {"facts.bad_currency", 1},
                                                  {"facts.bad_date", 1},
                                                  {"facts.negative_amount", 1},
                                                  {"filed_in_window.not_met", 1},
                                                  {"identity_card.due", 1},
                                                  {"proof_of_entry.rejected", 1},
                                                  {"registration.partly_paid", 1}}));
  CHECK(stats.entries(Dimension::missing_item) == rows({{"proof_of_entry.missing", 2},
                                                        {"applicant.entry_date", 1},
                                                        {"identity_card.due", 1},
                                                        {"registration.partly_paid", 1}}));
  CHECK(stats.entries(Dimension::nationality) ==
        rows({{"BO", 5}, {"unknown", 3}, {"CN", 2}, {"HT", 1}, {"PE", 1}, {"PY", 1}}));
  CHECK(stats.entries(Dimension::programme) ==
        rows({{"br-2009", 10}, {"br-2009-permanent", 1}, {"unknown", 1}}));
  CHECK(stats.count(Dimension::reason, "facts.bad_date") == 1);
  CHECK(stats.count(Dimension::reason, "nothing.like.this") == 0);

  const std::vector<MonthCounts> months = stats.months();
  REQUIRE(months.size() == 5);
  CHECK(months[1].month == "2009-09");
  CHECK(months[1].by_outcome == std::array<std::uint64_t, 4>{1, 1, 1, 0});
  CHECK(months[4].month == "unknown");
  CHECK(months[4].by_outcome == std::array<std::uint64_t, 4>{0, 0, 1, 2});
  CHECK(months[4].total() == 3);
}

TEST_CASE("a result counts once per key even when a key repeats in it") {
  ResultSummary r;
  r.outcome = Outcome::incomplete;
  r.reasons = {"a.missing", "a.missing"};
  r.nationalities = {"BO", "BO"};
  r.missing_items = {"a.missing", "a.missing"};
  Statistics stats;
  stats.add(r);
  CHECK(stats.count(Dimension::reason, "a.missing") == 1);
  CHECK(stats.count(Dimension::nationality, "BO") == 1);
  CHECK(stats.count(Dimension::missing_item, "a.missing") == 1);
}

TEST_CASE("each dimension keeps at most max_keys keys, the rest under (other)") {
  Statistics stats(StatisticsOptions{2});
  for (const char* reason : {"a", "b", "c", "d", "a"}) {
    ResultSummary r;
    r.outcome = Outcome::ineligible;
    r.reasons = {reason};
    r.filing_date =
        Date::parse(std::string("2009-0") + (reason[0] == 'a' ? "1" : "2") + "-01").value();
    stats.add(r);
  }
  CHECK(stats.entries(Dimension::reason) == rows({{"a", 2}, {"b", 1}, {"(other)", 2}}));
  // The outcome dimension never needs the cap: four keys, always all listed.
  CHECK(stats.entries(Dimension::outcome).size() == 4);
}

TEST_CASE("read_results skips and reports lines that are not result lines") {
  std::istringstream in(
      "{\"outcome\": \"eligible\", \"programme\": \"p\"}\r\n"
      "\n"
      "   \n"
      "{\"outcome\": \"maybe\"}\n"
      "not json\n"
      "{\"outcome\": \"invalid\", \"reasons\": [\"facts.syntax\"]}\n"
      "[]\n");
  Statistics stats;
  const ResultsRead read = read_results(in, "r.jsonl", stats, 2);
  CHECK(read.lines == 7);
  CHECK(read.added == 2);
  CHECK(read.skipped == 3);
  REQUIRE(read.problems.size() == 2);  // the third is counted, not kept
  CHECK(read.problems[0].to_string() ==
        "r.jsonl:4: error: outcome: \"maybe\" is not eligible, ineligible, incomplete or "
        "invalid [report.bad_line]");
  CHECK(read.problems[1].location.line == 5);
  CHECK(stats.records() == 2);
  CHECK(stats.count(Dimension::programme, "p") == 1);
  CHECK(stats.count(Dimension::reason, "facts.syntax") == 1);
}

TEST_CASE("to_string names every dimension") {
  std::vector<std::string> names;
  for (Dimension d : kDimensions) names.emplace_back(to_string(d));
  CHECK(names == std::vector<std::string>{"outcome", "filing_month", "reason", "missing_item",
                                          "nationality", "programme"});
}
