// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Tests of programme test files (regularis/authoring/programme_tests.hpp):
// YAML values typed as JSON, `set` and `remove` paths, every diagnostic of a
// wrong test file with its line:col, and running cases against br-2009 with
// the difference a failing case shows.
#include <catch2/catch.hpp>

#include "regularis/authoring/programme_tests.hpp"
#include "regularis/core/error.hpp"
#include "regularis/programme/load.hpp"

using namespace regularis;

namespace {

const std::string kBr2009 = "examples/programmes/br-2009.yaml";

std::vector<std::string> rendered(const Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics) lines.push_back(d.to_string());
  return lines;
}

const Programme& br2009() {
  static const Programme programme = load_programme_file(kBr2009);
  return programme;
}

}  // namespace

TEST_CASE("the bundled br-2009 test file loads without a diagnostic", "[authoring]") {
  const ProgrammeTestFile f = load_programme_tests("examples/programmes/br-2009.test.yaml");
  CHECK(rendered(f.diagnostics).empty());
  CHECK(f.ok());
  CHECK(f.programme == "br-2009.yaml");
  CHECK(f.programme_path == kBr2009);
  REQUIRE(f.cases.size() >= 20);
  CHECK(f.cases[0].name == "a complete application is eligible");
  CHECK(f.cases[0].location.to_string() == "examples/programmes/br-2009.test.yaml:40:11");
  CHECK(f.cases[0].expect.deadline == Date::parse("2009-12-30").value());
}

TEST_CASE("the bundled br-2009 test file passes", "[authoring]") {
  const TestReport r =
      run_programme_tests(load_programme_tests("examples/programmes/br-2009.test.yaml"));
  CHECK(r.programme_id == "br-2009");
  for (const CaseResult& c : r.cases) {
    INFO(c.name << ": " << c.actual);
    CHECK(c.differences.empty());
  }
  CHECK(r.failed() == 0);
  CHECK(r.passed() == r.cases.size());
}

TEST_CASE("YAML values become JSON as JSON would type them", "[authoring]") {
  const std::string text =
      "programme: p.yaml\n"
      "base:\n"
      "  format: regularis.application/1\n"
      "  a: true\n"
      "  b: 'true'\n"
      "  c: 64.58\n"
      "  d: \"64.58\"\n"
      "  e: 2009-02-01\n"
      "  f: ~\n"
      "  g: 12\n"
      "  h: [1, x, null]\n"
      "  i: |\n"
      "    block\n"
      "  j: -0.5e3\n"
      "  k: 0012\n"
      "cases:\n"
      "  - name: c\n"
      "    expect: {outcome: eligible}\n";
  const ProgrammeTestFile f = load_programme_tests_text(text, "dir/t.test.yaml");
  REQUIRE(rendered(f.diagnostics).empty());
  CHECK(f.programme_path == "dir/p.yaml");
  REQUIRE(f.cases.size() == 1);
  CHECK(f.cases[0].application_json ==
        R"({"format":"regularis.application/1","a":true,"b":"true","c":64.58,"d":"64.58",)"
        R"("e":"2009-02-01","f":null,"g":12,"h":[1,"x",null],"i":"block\n","j":-500.0,)"
        R"("k":"0012"})");
}

TEST_CASE("set and remove edit a copy of base", "[authoring]") {
  const std::string text =
      "programme: p.yaml\n"
      "base:\n"
      "  id: B\n"
      "  applicant: {entry_date: 2008-11-03, criminal: {pending_proceedings: false}}\n"
      "  documents:\n"
      "    - {type: passport}\n"
      "    - {type: lease, shows_date: 2008-01-01}\n"
      "cases:\n"
      "  - name: edited\n"
      "    set:\n"
      "      applicant.entry_date: 2009-02-02\n"
      "      applicant.last_permit.to: 2009-01-01\n"
      "      documents[1].shows_date: 2009-02-02\n"
      "      documents[+]: {type: procedure_withdrawal}\n"
      "      payments[+].fee: registration\n"
      "    remove: [applicant.criminal.pending_proceedings, 'documents[0]']\n"
      "    as_of: 2009-08-01\n"
      "    language: pt\n"
      "    expect: {outcome: eligible}\n"
      "  - name: untouched base\n"
      "    expect: {outcome: eligible}\n"
      "  - name: a whole application\n"
      "    application: {id: W}\n"
      "    set: {filed_at: 2010-01-05}\n"
      "    expect: {outcome: ineligible}\n";
  const ProgrammeTestFile f = load_programme_tests_text(text, "t.test.yaml");
  REQUIRE(rendered(f.diagnostics).empty());
  REQUIRE(f.cases.size() == 3);
  CHECK(f.cases[0].application_json ==
        R"({"id":"B","applicant":{"entry_date":"2009-02-02","criminal":{},)"
        R"("last_permit":{"to":"2009-01-01"}},"documents":[{"type":"lease",)"
        R"("shows_date":"2009-02-02"},{"type":"procedure_withdrawal"}],)"
        R"("payments":[{"fee":"registration"}]})");
  CHECK(f.cases[0].as_of == Date::parse("2009-08-01").value());
  CHECK(f.cases[0].language == "pt");
  CHECK(f.cases[1].application_json ==
        R"({"id":"B","applicant":{"entry_date":"2008-11-03","criminal":)"
        R"({"pending_proceedings":false}},"documents":[{"type":"passport"},)"
        R"({"type":"lease","shows_date":"2008-01-01"}]})");
  CHECK(f.cases[2].application_json == R"({"id":"W","filed_at":"2010-01-05"})");
}

TEST_CASE("every mistake in a test file is a diagnostic at line:col", "[authoring]") {
  const std::string text =
      "programme: p.yaml\n"                                    // 1
      "bsae: {}\n"                                             // 2
      "base:\n"                                                // 3
      "  applicant: {entry_date: 2008-11-03}\n"                // 4
      "  documents: [{type: passport}]\n"                      // 5
      "cases:\n"                                               // 6
      "  - name: one\n"                                        // 7
      "    expect: {outcome: elegible}\n"                      // 8
      "  - name: one\n"                                        // 9
      "    expect: {outcome: eligible, reason: [x]}\n"         // 10
      "  - name: paths\n"                                      // 11
      "    set:\n"                                             // 12
      "      documents[3].type: lease\n"                       // 13
      "      applicant.entry_date.day: 3\n"                    // 14
      "      applicant..x: 1\n"                                // 15
      "    remove: [applicant.nothing, 'documents[+]']\n"      // 16
      "    expect: {outcome: invalid}\n"                       // 17
      "  - name: statuses\n"                                   // 18
      "    as_of: 2009-02-30\n"                                // 19
      "    expect:\n"                                          // 20
      "      outcome: incomplete\n"                            // 21
      "      criteria: {entered_by_cutoff: unkown}\n"          // 22
      "      documents: {proof_of_entry: present}\n"           // 23
      "      fees: {registration: paid, registration: due}\n"  // 24
      "      deadline: 30/12/2009\n"                           // 25
      "      missing: applicant.entry_date\n"                  // 26
      "  - name: no expectation\n"                             // 27
      "  - expect: {outcome: eligible}\n";                     // 28
  const ProgrammeTestFile f = load_programme_tests_text(text, "t.test.yaml");
  CHECK_FALSE(f.ok());
  const std::vector<std::string> expected{
      "t.test.yaml:2:1: error: unknown key \"bsae\" in the test file; did you mean \"base\"? "
      "[tests.unknown_key]",
      "t.test.yaml:8:23: error: unknown outcome \"elegible\"; expected eligible, ineligible, "
      "incomplete or invalid; did you mean \"eligible\"? [tests.bad_value]",
      "t.test.yaml:9:11: error: duplicate case name \"one\"; the first is at line 7 "
      "[tests.duplicate_name]",
      "t.test.yaml:10:33: error: unknown key \"reason\" in expect; did you mean \"reasons\"? "
      "[tests.unknown_key]",
      "t.test.yaml:13:7: error: cannot set \"documents[3].type\": documents has 1 element, so "
      "[3] is out of range (write [+] to append) [tests.bad_path]",
      "t.test.yaml:14:7: error: cannot set \"applicant.entry_date.day\": applicant.entry_date is "
      "a string, not an object, so it has no field \"day\" [tests.bad_path]",
      "t.test.yaml:15:7: error: set \"applicant..x\": a key is missing at character 11 "
      "[tests.bad_path]",
      "t.test.yaml:16:14: error: cannot remove \"applicant.nothing\": there is no "
      "applicant.nothing to remove [tests.bad_path]",
      "t.test.yaml:16:33: error: cannot remove \"documents[+]\": [+] appends; it cannot name "
      "something to remove [tests.bad_path]",
      "t.test.yaml:19:12: error: as_of: 2009-02-30 is not a date [tests.bad_date]",
      "t.test.yaml:22:37: error: unknown criterion status \"unkown\"; expected met, not_met or "
      "unknown; did you mean \"unknown\"? [tests.bad_value]",
      "t.test.yaml:23:35: error: unknown document status \"present\"; expected provided, "
      "missing, rejected, expired, not_verified or not_required [tests.bad_value]",
      "t.test.yaml:24:34: error: duplicate key \"registration\" in fees [tests.duplicate_key]",
      "t.test.yaml:25:17: error: deadline: \"30/12/2009\" is not a date in the form YYYY-MM-DD "
      "[tests.bad_date]",
      "t.test.yaml:26:16: error: missing must be a list (write [] for none) [tests.wrong_type]",
      "t.test.yaml:27:11: error: missing key \"expect\" in case \"no expectation\" "
      "[tests.missing_key]",
      "t.test.yaml:28:5: error: missing key \"name\" in a case [tests.missing_key]",
  };
  CHECK(rendered(f.diagnostics) == expected);
  CHECK(f.cases.empty());
  CHECK_THROWS_AS(run_programme_tests(f), UsageError);
}

TEST_CASE("a test file that is not a test file", "[authoring]") {
  CHECK(rendered(load_programme_tests_text("cases: [\n", "t.test.yaml").diagnostics) ==
        std::vector<std::string>{
            "t.test.yaml:2:1: error: YAML syntax error: end of sequence flow not found "
            "[tests.yaml_syntax]"});
  CHECK(rendered(load_programme_tests_text("- a\n", "t.test.yaml").diagnostics) ==
        std::vector<std::string>{"t.test.yaml:1:1: error: a test file is a mapping with "
                                 "programme, base and cases [tests.wrong_type]"});
  CHECK(rendered(load_programme_tests_text("base: {}\n", "t.test.yaml").diagnostics) ==
        std::vector<std::string>{
            "t.test.yaml:1:1: error: missing key \"programme\" (the programme file to test) "
            "[tests.missing_key]",
            "t.test.yaml:1:1: error: missing key \"cases\" (the list of test cases) "
            "[tests.missing_key]"});
  CHECK(rendered(load_programme_tests_text(
                     "programme: p.yaml\nbase: {amount: 12345678901234567.5}\ncases: []\n",
                     "t.test.yaml")
                     .diagnostics) ==
        std::vector<std::string>{
            "t.test.yaml:2:16: error: 12345678901234567.5 has more digits than a JSON number "
            "keeps exactly; quote it (\"12345678901234567.5\") [tests.bad_number]"});
  CHECK_THROWS_AS(load_programme_tests("tests/authoring/data/no-such.test.yaml"), IoError);
}

TEST_CASE("a failing case shows its difference", "[authoring]") {
  const std::string text =
      "programme: br-2009.yaml\n"
      "base:\n"
      "  format: regularis.application/1\n"
      "  id: T\n"
      "  filed_at: 2009-08-10\n"
      "  applicant: {entry_date: 2009-02-02, entry_mode: irregular, present_at_filing: true,\n"
      "              criminal: {pending_proceedings: false, convictions: []},\n"
      "              prior_procedure: {pending: false}}\n"
      "cases:\n"
      "  - name: wrongly expected eligible\n"
      "    expect:\n"
      "      outcome: eligible\n"
      "      reasons_include: [proof_of_entry.missing]\n"
      "      missing: [applicant.entry_date]\n"
      "      criteria: {entered_by_cutoff: met, no_such_criterion: met}\n"
      "      documents: {proof_of_entry: provided}\n"
      "      fees: {registration: paid}\n"
      "      deadline: 2009-12-31\n"
      "      version: 2010-01-01\n"
      "  - name: rightly expected ineligible\n"
      "    expect: {outcome: ineligible, criteria: {entered_by_cutoff: not_met}}\n"
      "  - name: an invalid record\n"
      "    set: {filed_at: 2009-13-01}\n"
      "    expect: {outcome: invalid, errors: [applicant.entry_date]}\n";
  const ProgrammeTestFile f =
      load_programme_tests_text(text, "examples/programmes/inline.test.yaml");
  REQUIRE(rendered(f.diagnostics).empty());
  const TestReport r = run_programme_tests(f, br2009());
  REQUIRE(r.cases.size() == 3);
  CHECK(r.passed() == 1);
  CHECK(r.failed() == 2);
  CHECK_FALSE(r.ok());

  const CaseResult& wrong = r.cases[0];
  CHECK_FALSE(wrong.passed);
  CHECK(wrong.location.to_string() == "examples/programmes/inline.test.yaml:10:11");
  const std::vector<std::string> differences{
      "outcome: expected eligible, got ineligible",
      "missing: expected [applicant.entry_date], got []",
      "criterion entered_by_cutoff: expected met, got not_met",
      "criterion no_such_criterion: expected met, but the evaluation has no criterion "
      "no_such_criterion",
      "document proof_of_entry: expected provided, got missing",
      "fee registration: expected paid, got due",
      "deadline: expected 2009-12-31, got 2009-12-30",
      "version: expected 2010-01-01, got 2009-07-02",
  };
  CHECK(wrong.differences == differences);
  CHECK(wrong.actual ==
        "outcome ineligible; reasons [entered_by_cutoff.not_met, application_form.missing, "
        "identity_card_fee_receipt.missing, registration_fee_receipt.missing, "
        "no_criminal_record_declaration.missing, proof_of_entry.missing, "
        "identity_document.missing, identity_card.due, registration.due]");

  CHECK(r.cases[1].passed);
  CHECK(r.cases[1].differences.empty());

  const CaseResult& invalid = r.cases[2];
  CHECK(invalid.differences ==
        std::vector<std::string>{"errors: expected [applicant.entry_date], got [filed_at]"});
  CHECK(invalid.actual == "outcome invalid; errors [filed_at: 2009-13-01 is not a date]");
}
