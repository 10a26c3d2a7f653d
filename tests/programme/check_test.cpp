// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The checker's diagnostics: one test per diagnostic code (exact message,
// line and column), a file with ten mistakes that yields exactly ten
// diagnostics, expression errors placed inside the YAML file (plain, quoted,
// folded and block scalars), and the stage guarantees (a wrong file never
// reaches compile; load_programme_* throw with every diagnostic).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "regularis/core/error.hpp"
#include "regularis/programme/check.hpp"
#include "regularis/programme/load.hpp"

using namespace regularis;

namespace {

// A small programme that passes every check; tests change one line of it.
//   line  1 programme
//   line  7 window
//   line  9 entry_cutoff
//   line 11 criterion "entered"
//   line 13 its require
//   line 15 fee "registration"
const std::string kBase =
    "programme: test\n"                                        // 1
    "title: {en: Test, pt: Teste}\n"                           // 2
    "jurisdiction: BR\n"                                       // 3
    "time_zone: America/Sao_Paulo\n"                           // 4
    "versions:\n"                                              // 5
    "  - effective_from: 2009-07-02\n"                         // 6
    "    window: {opens: 2009-07-03, closes: 2009-12-30}\n"    // 7
    "    parameters:\n"                                        // 8
    "      entry_cutoff: 2009-02-01\n"                         // 9
    "    criteria:\n"                                          // 10
    "      - id: entered\n"                                    // 11
    "        text: {en: Entered}\n"                            // 12
    "        require: applicant.entry_date <= entry_cutoff\n"  // 13
    "    fees:\n"                                              // 14
    "      - id: registration\n"                               // 15
    "        amount: 64.58 BRL\n"                              // 16
    "        text: {en: Registration}\n";                      // 17

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

/// "line:col code: message" for each diagnostic.
std::vector<std::string> problems(const std::string& text) {
  std::vector<std::string> out;
  for (const Diagnostic& d : check_programme_text(text, "t.yaml")) {
    out.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " +
                  d.code + ": " + d.message);
  }
  return out;
}

using Lines = std::vector<std::string>;

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("the base programme passes its checks") {
  CHECK(problems(kBase).empty());
  CheckResult r = check(load(kBase, "t.yaml"));
  REQUIRE(r.ok());
  CHECK(r.programme().id() == "test");
  Programme p = compile(r.programme());
  CHECK(p.versions().size() == 1);
  CHECK(p.fact_paths() == std::vector<std::string>{"applicant.entry_date"});
}

TEST_CASE("programme.yaml_syntax: a YAML error becomes one diagnostic at its place") {
  auto text = replaced(kBase, "title: {en: Test, pt: Teste}", "title: {en: Test, pt: Teste");
  auto src = load(text, "t.yaml");
  REQUIRE(src.diagnostics().size() == 1);
  CHECK(src.diagnostics()[0].code == "programme.yaml_syntax");
  CHECK(problems(text) ==
        Lines{"3:13 programme.yaml_syntax: YAML syntax error: end of map flow not found"});
  CHECK_FALSE(check(src).ok());
}

TEST_CASE("programme.yaml_syntax: a quoted string never closed is named where it opens") {
  // yaml-cpp would let it run to the end of the file, swallowing the rest.
  CHECK(problems(replaced(kBase, "require: applicant.entry_date <= entry_cutoff",
                          "require: \"applicant.entry_date <= entry_cutoff")) ==
        Lines{"13:18 programme.yaml_syntax: YAML syntax error: the quoted string that starts "
              "here is never closed"});
  CHECK(problems(replaced(kBase, "require: applicant.entry_date <= entry_cutoff",
                          "require: 'applicant.entry_date <= entry_cutoff")) ==
        Lines{"13:18 programme.yaml_syntax: YAML syntax error: the quoted string that starts "
              "here is never closed"});
  // Escaped and doubled quotes do not close a string; closed strings are fine.
  CHECK(problems(replaced(kBase, "title: {en: Test, pt: Teste}",
                          "title: {en: \"Test \\\" q\", pt: 'it''s'}"))
            .empty());
}

TEST_CASE("programme.bad_calendar: a calendar that cannot be read, said once, its path tidied") {
  CHECK(problems(replaced(kBase, "jurisdiction: BR\n",
                          "jurisdiction: BR\ncalendar: cal/../nowhere/x.yaml\n")) ==
        Lines{"4:11 programme.bad_calendar: \"calendar\": cannot open nowhere/x.yaml: No such "
              "file or directory"});
  // A directory opens on Linux, then every read fails: it is named as one.
  CHECK(problems(replaced(kBase, "jurisdiction: BR\n", "jurisdiction: BR\ncalendar: tests\n")) ==
        Lines{"4:11 programme.bad_calendar: \"calendar\": cannot read tests: it is a directory"});
}

TEST_CASE("programme.unknown_key: with a suggestion when close") {
  CHECK(problems(replaced(kBase, "    fees:", "    fess:")) ==
        Lines{"14:5 programme.unknown_key: unknown key \"fess\" in version 1; did you mean "
              "\"fees\"?"});
  CHECK(problems(replaced(kBase, "jurisdiction: BR\n", "jurisdiction: BR\ncolour: blue\n")) ==
        Lines{"4:1 programme.unknown_key: unknown key \"colour\" in the programme"});
}

TEST_CASE("programme.wrong_type") {
  CHECK(problems(replaced(kBase, "title: {en: Test, pt: Teste}", "title: [Test]")) ==
        Lines{"2:8 programme.wrong_type: \"title\" must be a mapping of language codes to "
              "texts, not a list"});
  CHECK(problems(replaced(kBase, "    criteria:\n", "    criteria: none\n    old:\n")) ==
        Lines{"10:15 programme.wrong_type: \"criteria\" must be a list of criteria, not "
              "\"none\"",
              "11:5 programme.unknown_key: unknown key \"old\" in version 1"});
}

TEST_CASE("programme.missing_key: at the mapping that lacks it") {
  CHECK(problems(replaced(kBase, "        require: applicant.entry_date <= entry_cutoff\n", "")) ==
        Lines{"11:9 programme.missing_key: missing key \"require\" in criterion \"entered\""});
  CHECK(problems(replaced(kBase, "jurisdiction: BR\n", "")) ==
        Lines{"1:1 programme.missing_key: missing key \"jurisdiction\" in the programme"});
}

TEST_CASE("programme.duplicate_key") {
  CHECK(problems(replaced(kBase, "jurisdiction: BR\n", "jurisdiction: BR\njurisdiction: PT\n")) ==
        Lines{"4:1 programme.duplicate_key: duplicate key \"jurisdiction\" in the programme "
              "(first at line 3)"});
}

TEST_CASE("programme.duplicate_id") {
  auto text =
      kBase + "      - id: registration\n        amount: 1 BRL\n        text: {en: Again}\n";
  CHECK(problems(text) == Lines{"18:13 programme.duplicate_id: duplicate fee id \"registration\" "
                                "(first defined at line 15)"});
}

TEST_CASE("a part left out for a bad or duplicate id still has its expressions checked") {
  // Criteria: a duplicate id, a bad id, a reserved id.
  const std::string criteria =
      "      - id: entered\n"                                // 14
      "        text: {en: Again}\n"                          // 15
      "        require: facts.undeclared_thing == true\n"    // 16
      "      - id: Entered_Too\n"                            // 17
      "        text: {en: Bad id}\n"                         // 18
      "        require: 1 +\n"                               // 19
      "      - id: filed_in_window\n"                        // 20
      "        text: {en: Reserved}\n"                       // 21
      "        require: applicant.entry_date <= \"2009\"\n"  // 22
      "    fees:\n";                                         // 23
  CHECK(problems(replaced(kBase, "    fees:\n", criteria)) ==
        Lines{"14:13 programme.duplicate_id: duplicate criterion id \"entered\" (first "
              "defined at line 11)",
              "16:18 rules.unknown_name: unknown name \"facts.undeclared_thing\"",
              "17:13 programme.bad_id: \"id\": \"Entered_Too\" is not a snake_case id "
              "([a-z][a-z0-9_]*)",
              "19:21 rules.syntax: expected an expression, found the end of the expression",
              "20:13 programme.reserved_id: \"filed_in_window\" is the window's criterion; "
              "state the window under \"window:\"",
              "22:39 rules.type_mismatch: \"<=\" needs two numbers, two amounts of money or "
              "two dates; found date and string"});
  // Documents: a condition and a when.
  const std::string documents =
      "    documents:\n"                       // 14
      "      - id: passport\n"                 // 15
      "        text: {en: Passport}\n"         // 16
      "      - id: passport\n"                 // 17
      "        text: {en: Again}\n"            // 18
      "        condition: document.verifed\n"  // 19
      "        when: facts.nothing\n"          // 20
      "    fees:\n";                           // 21
  CHECK(problems(replaced(kBase, "    fees:\n", documents)) ==
        Lines{"17:13 programme.duplicate_id: duplicate document id \"passport\" (first defined "
              "at line 15)",
              "19:29 rules.unknown_field: record document has no field \"verifed\"",
              "20:15 rules.unknown_name: unknown name \"facts.nothing\""});
  // A fee whose amount is wrong is still a duplicate, and its waived_when is checked.
  const std::string fees =
      "      - id: registration\n"                                   // 18
      "        amount: 1.005 BRL\n"                                  // 19
      "        text: {en: Again}\n"                                  // 20
      "        waived_when: applicant.entry_dat <= entry_cutoff\n";  // 21
  CHECK(problems(kBase + fees) ==
        Lines{"18:13 programme.duplicate_id: duplicate fee id \"registration\" (first defined "
              "at line 15)",
              "19:17 programme.bad_money: \"amount\": \"1.005\" has more decimals than BRL "
              "allows (2)",
              "21:32 rules.unknown_field: record applicant has no field \"entry_dat\""});
}

TEST_CASE("programme.undefined_name: questions, route facts and routes") {
  auto text = replaced(kBase, "versions:\n",
                       "questions:\n  applicant.entry_dat: {en: When did you enter}\nversions:\n");
  CHECK(problems(text) ==
        Lines{"6:3 programme.undefined_name: question for an unknown fact \"applicant.entry_dat\" "
              "(not a standard field, a family member's field (dependants[].x) nor declared "
              "under facts:)"});
  auto routed = replaced(kBase, "        text: {en: Registration}\n",
                         "        text: {en: Registration}\n        routes: [employer]\n");
  routed = replaced(routed, "    parameters:\n",
                    "    route_fact: facts.route\n    routes:\n      - id: employe\n"
                    "    parameters:\n");
  CHECK(problems(routed) ==
        Lines{"8:17 programme.undefined_name: \"route_fact\": unknown fact \"facts.route\" "
              "(declare it under facts:)",
              "21:18 programme.undefined_name: unknown route \"employer\"; did you mean "
              "\"employe\"?"});
}

TEST_CASE("questions name a field of every family member under dependants[]") {
  const std::string facts = "facts:\n  undocumented_since: date\n";
  auto with_questions = [&](const std::string& keys) {
    return replaced(kBase, "versions:\n", facts + "questions:\n" + keys + "versions:\n");
  };
  CHECK(problems(with_questions("  dependants[].cohabiting_since: {en: \"Since when, {n}?\"}\n"
                                "  dependants[].facts.undocumented_since: {en: Since when}\n"))
            .empty());
  const std::string unknown = "programme.undefined_name: question for an unknown fact ";
  const std::string why =
      " (not a standard field, a family member's field (dependants[].x) nor declared under "
      "facts:)";
  CHECK(problems(with_questions("  dependants[].cohabiting: {en: Since when}\n"
                                "  dependants[].facts: {en: Facts}\n"
                                "  dependants[].facts.income: {en: Income}\n"
                                "  payments[].amount: {en: Amount}\n")) ==
        Lines{"8:3 " + unknown + "\"dependants[].cohabiting\"" + why,
              "9:3 " + unknown + "\"dependants[].facts\"" + why,
              "10:3 " + unknown + "\"dependants[].facts.income\"" + why,
              "11:3 " + unknown + "\"payments[].amount\"" + why});
}

TEST_CASE("programme.undefined_name: accept_expired names types the document accepts") {
  const std::string documents =
      "    documents:\n"                                                // 14
      "      - id: identity\n"                                          // 15
      "        text: {en: Identity}\n"                                  // 16
      "        any_of: [passport, identity_card]\n"                     // 17
      "        accept_expired: [pasport, driving_licence, passport]\n"  // 18
      "    fees:\n";
  CHECK(problems(replaced(kBase, "    fees:\n", documents)) ==
        Lines{"18:26 programme.undefined_name: \"accept_expired\" of document \"identity\": "
              "\"pasport\" is not an accepted type (any_of); did you mean \"passport\"?",
              "18:35 programme.undefined_name: \"accept_expired\" of document \"identity\": "
              "\"driving_licence\" is not an accepted type (any_of)"});
  const auto all = replaced(kBase, "    fees:\n",
                            replaced(documents, "[pasport, driving_licence, passport]", "true"));
  CHECK(problems(all).empty());
  const auto listed = regularis::load_programme_text(
      replaced(kBase, "    fees:\n",
               replaced(documents, "[pasport, driving_licence, passport]", "[passport]")),
      "test.yaml");
  CHECK(listed.versions().front().documents.front().accept_expired ==
        std::vector<std::string>{"passport"});
  const auto every = regularis::load_programme_text(all, "test.yaml");
  CHECK(every.versions().front().documents.front().accept_expired ==
        std::vector<std::string>{"passport", "identity_card"});
}

TEST_CASE("leap_day_anniversary: stated, misspelt, or missing where the rules count years") {
  const std::string aged =
      replaced(kBase, "        require: applicant.entry_date <= entry_cutoff\n",
               "        require: age_on(applicant.date_of_birth, filing_date) >= 18\n");
  CHECK(problems(aged) ==
        Lines{"1:1 programme.leap_day_unstated: the rules count years (age_on, years_between or "
              "a date plus a period) but the programme does not say where a 29 February "
              "anniversary falls in a common year: add leap_day_anniversary: march_1 or "
              "february_28 (march_1 is used)"});
  CHECK(problems(replaced(aged, "time_zone: America/Sao_Paulo\n",
                          "time_zone: America/Sao_Paulo\nleap_day_anniversary: february_28\n"))
            .empty());
  CHECK(problems(replaced(aged, "time_zone: America/Sao_Paulo\n",
                          "time_zone: America/Sao_Paulo\nleap_day_anniversary: february_29\n")) ==
        Lines{"5:23 programme.bad_value: \"leap_day_anniversary\": \"february_29\" is not one "
              "of march_1, february_28; did you mean \"february_28\"?"});
  CHECK(problems(kBase).empty());  // no rule counts years: nothing to say
  const Programme stated = load_programme_text(
      replaced(aged, "time_zone: America/Sao_Paulo\n",
               "time_zone: America/Sao_Paulo\nleap_day_anniversary: february_28\n"),
      "t.yaml");
  CHECK(stated.leap_day_anniversary() == LeapDayBirthday::february_28);
  CHECK(load_programme_text(aged, "t.yaml").leap_day_anniversary() == LeapDayBirthday::march_1);
}

TEST_CASE("a window's deadline: is a date expression") {
  const auto window = [](const std::string& deadline) {
    return replaced(kBase, "    window: {opens: 2009-07-03, closes: 2009-12-30}\n",
                    "    window: {require: filing_date <= applicant.entry_date + 90 days, "
                    "deadline: " +
                        deadline + "}\n");
  };
  CHECK(problems(window("applicant.entry_date + 90 days")).empty());
  const Lines wrong = problems(window("applicant.entry_date <= filing_date"));
  REQUIRE(wrong.size() == 1);
  CHECK(wrong[0].rfind("7:", 0) == 0);
  CHECK(wrong[0].find("rules.type_mismatch") != std::string::npos);
  const Programme p = load_programme_text(window("applicant.entry_date + 90 days"), "t.yaml");
  REQUIRE(p.versions().front().window.deadline);
  CHECK(p.versions().front().window.deadline->compiled);
}

TEST_CASE("rules diagnostics: unknown names and type errors inside the expression") {
  CHECK(problems(replaced(kBase, "applicant.entry_date <= entry_cutoff",
                          "applicant.entry_date <= entry_cutof")) ==
        Lines{"13:42 rules.unknown_name: unknown name \"entry_cutof\""});
  CHECK(problems(replaced(kBase, "applicant.entry_date <= entry_cutoff",
                          "applicant.entry_dat <= entry_cutoff")) ==
        Lines{"13:28 rules.unknown_field: record applicant has no field \"entry_dat\""});
  auto mismatch = problems(
      replaced(kBase, "applicant.entry_date <= entry_cutoff", "applicant.entry_date <= 5"));
  REQUIRE(mismatch.size() == 1);
  CHECK(mismatch[0].rfind("13:", 0) == 0);
  CHECK(mismatch[0].find("rules.type_mismatch") != std::string::npos);
}

TEST_CASE("expression locations in quoted, folded and block scalars") {
  // Single-quoted: the expression starts after the quote.
  CHECK(problems(replaced(kBase, "require: applicant.entry_date <= entry_cutoff",
                          "require: 'applicant.entry_date <= entry_cutof'")) ==
        Lines{"13:43 rules.unknown_name: unknown name \"entry_cutof\""});
  // A plain scalar folded over two lines.
  CHECK(problems(replaced(kBase, "require: applicant.entry_date <= entry_cutoff",
                          "require: applicant.entry_date\n          <= entry_cutof")) ==
        Lines{"14:14 rules.unknown_name: unknown name \"entry_cutof\""});
  // A literal block: the text starts on the next line, after the indentation.
  CHECK(problems(replaced(kBase, "require: applicant.entry_date <= entry_cutoff",
                          "require: |\n          applicant.entry_date\n"
                          "            <= entry_cutof")) ==
        Lines{"15:16 rules.unknown_name: unknown name \"entry_cutof\""});
}

TEST_CASE("a wrong parameter is reported once, not again where it is used") {
  CHECK(problems(replaced(kBase, "entry_cutoff: 2009-02-01", "entry_cutoff: 2009-02-30")) ==
        Lines{"9:21 programme.bad_date: \"entry_cutoff\": 2009-02-30 is not a date"});
}

TEST_CASE("programme.bad_date") {
  CHECK(problems(replaced(kBase, "opens: 2009-07-03", "opens: 2009-7-3")) ==
        Lines{"7:21 programme.bad_date: \"opens\": \"2009-7-3\" is not a date in the form "
              "YYYY-MM-DD"});
}

TEST_CASE("programme.version_order: unordered and overlapping versions") {
  auto second = std::string(
      "  - effective_from: 2009-01-01\n"
      "    window: {opens: 2009-07-03, closes: 2009-12-30}\n"
      "    criteria: []\n");
  CHECK(problems(kBase + second) ==
        Lines{"18:21 programme.version_order: version 2 starts on 2009-01-01, not after the "
              "version before it (2009-07-02): list versions in increasing effective_from "
              "order"});
  auto overlapping = replaced(kBase, "  - effective_from: 2009-07-02\n",
                              "  - effective_from: 2009-07-02\n    effective_until: 2010-01-31\n");
  overlapping += replaced(second, "2009-01-01", "2010-01-01");
  CHECK(problems(overlapping) ==
        Lines{"19:21 programme.version_order: version 2 starts on 2010-01-01, while the version "
              "before it is in force until 2010-01-31"});
}

TEST_CASE("programme.window_order: closes before it opens, or not where the law says") {
  CHECK(problems(replaced(kBase, "closes: 2009-12-30", "closes: 2009-06-30")) ==
        Lines{"7:13 programme.window_order: the window closes (2009-06-30) before it opens "
              "(2009-07-03)"});
  CHECK(problems(replaced(kBase, "{opens: 2009-07-03, closes: 2009-12-30}",
                          "{published: 2009-07-03, within: 180 days, closes: 2009-12-31}")) ==
        Lines{"7:63 programme.window_order: the window closes on 2009-12-31 but 180 days from "
              "2009-07-03 (first day excluded) ends on 2009-12-30"});
}

TEST_CASE("programme.missing_text: a text without the default language") {
  CHECK(problems(replaced(kBase, "text: {en: Entered}", "text: {pt: Entrou}")) ==
        Lines{"12:15 programme.missing_text: \"text\" of criterion \"entered\" has no text in "
              "\"en\", the programme's default language"});
  // With default_language: pt, the Portuguese text is the one required.
  auto pt = replaced(kBase, "jurisdiction: BR\n", "jurisdiction: BR\ndefault_language: pt\n");
  CHECK(problems(pt) ==
        Lines{"13:15 programme.missing_text: \"text\" of criterion \"entered\" has no text in "
              "\"pt\", the programme's default language",
              "18:15 programme.missing_text: \"text\" of fee \"registration\" has no text in "
              "\"pt\", the programme's default language"});
}

TEST_CASE("programme.bad_time_zone") {
  CHECK(problems(replaced(kBase, "America/Sao_Paulo", "America/Sao_Paolo")) ==
        Lines{"4:12 programme.bad_time_zone: \"time_zone\": unknown time zone "
              "\"America/Sao_Paolo\""});
}

TEST_CASE("programme.bad_money") {
  CHECK(problems(replaced(kBase, "64.58 BRL", "64.58 BRX")) ==
        Lines{"16:17 programme.bad_money: \"amount\": \"BRX\" is not an ISO 4217 currency code"});
  CHECK(problems(replaced(kBase, "64.58 BRL", "64.587 BRL")) ==
        Lines{"16:17 programme.bad_money: \"amount\": \"64.587\" has more decimals than BRL "
              "allows (2)"});
}

TEST_CASE("programme.bad_money: a parameter, and rules.bad_literal inside an expression") {
  // The currency's decimals bind a parameter and a literal as they bind a fee.
  CHECK(problems(replaced(kBase, "      entry_cutoff: 2009-02-01\n",
                          "      entry_cutoff: 2009-02-01\n      fee: 64.587 BRL\n")) ==
        Lines{"10:12 programme.bad_money: \"fee\": \"64.587\" has more decimals than BRL "
              "allows (2)"});
  CHECK(problems(replaced(kBase, "      entry_cutoff: 2009-02-01\n",
                          "      entry_cutoff: 2009-02-01\n      fees: [1 JPY, 1.5 JPY]\n")) ==
        Lines{"10:21 programme.bad_money: \"fees[]\": \"1.5\" has more decimals than JPY "
              "allows (0)"});
  const auto income = [](const std::string& require) {
    return replaced(replaced(kBase, "versions:\n", "facts: {income: money}\nversions:\n"),
                    "applicant.entry_date <= entry_cutoff", require);
  };
  CHECK(problems(income("facts.income > 64.587 BRL")) ==
        Lines{"14:33 rules.bad_literal: \"64.587\" has more decimals than BRL allows (2)"});
  CHECK(problems(income("facts.income > 64.580 BRL")).empty());
}

TEST_CASE("rules.currency_mismatch: money in two currencies known when checking") {
  CHECK(problems(replaced(kBase, "applicant.entry_date <= entry_cutoff", "1.5 BRL < 2 EUR")) ==
        Lines{"13:26 rules.currency_mismatch: \"<\" cannot compare money in BRL with money in "
              "EUR"});
  const auto with_fee = [](const std::string& fee, const std::string& require) {
    std::string text = replaced(kBase, "versions:\n", "facts: {income: money}\nversions:\n");
    text = replaced(text, "      entry_cutoff: 2009-02-01\n",
                    "      entry_cutoff: 2009-02-01\n      fee:" + fee + "\n");
    return replaced(text, "applicant.entry_date <= entry_cutoff", require);
  };
  CHECK(problems(with_fee(" 10 BRL", "facts.income >= fee + 5 EUR")) ==
        Lines{"15:38 rules.currency_mismatch: \"+\" cannot add money in BRL and money in EUR"});
  // A fact's currency is the application's: not known when checking.
  CHECK(problems(with_fee(" 10 BRL", "facts.income >= fee and facts.income < 1 EUR")).empty());
  // A parameter whose currency changes: the stretch where it clashes is named.
  const std::string changing =
      "\n        values:\n"
      "          - value: 10 BRL\n"
      "          - from: 2009-10-01\n"
      "            value: 10 EUR";
  CHECK(problems(with_fee(changing, "facts.income >= fee and fee > 5 BRL")) ==
        Lines{"19:46 rules.currency_mismatch: \">\" cannot compare money in EUR with money in "
              "BRL (with the parameters' values from 2009-10-01)"});
}

TEST_CASE("programme.bad_period") {
  auto text = replaced(kBase, "{opens: 2009-07-03, closes: 2009-12-30}",
                       "{published: 2009-07-03, within: 180 dias}");
  CHECK(problems(text) == Lines{"7:45 programme.bad_period: \"within\": \"180 dias\" is not a "
                                "period: unknown unit \"dias\" (use years, months, weeks or "
                                "days)"});
}

TEST_CASE("programme.bad_country, bad_time, bad_id, bad_language, bad_value, bad_type") {
  CHECK(problems(replaced(kBase, "jurisdiction: BR", "jurisdiction: BRA")) ==
        Lines{"3:15 programme.bad_country: \"jurisdiction\": \"BRA\" is not an ISO 3166-1 "
              "alpha-2 code (two letters)"});
  CHECK(problems(
            replaced(kBase, "closes: 2009-12-30}", "closes: 2009-12-30, closes_at: \"24:00\"}")) ==
        Lines{"7:64 programme.bad_time: \"closes_at\": \"24:00\" is not a local time in the "
              "form HH:MM (00:00 to 23:59)"});
  CHECK(problems(replaced(kBase, "id: entered", "id: Entered")) ==
        Lines{"11:13 programme.bad_id: \"id\": \"Entered\" is not a snake_case id "
              "([a-z][a-z0-9_]*)"});
  CHECK(problems(replaced(kBase, "{en: Test, pt: Teste}", "{en: Test, PT: Teste}")) ==
        Lines{"2:19 programme.bad_language: \"PT\" is not a language code (ISO 639-1 such as "
              "en, pt, es, fr)"});
  CHECK(problems(replaced(kBase, "        amount: 64.58 BRL\n",
                          "        amount: 64.58 BRL\n        due: later\n")) ==
        Lines{"17:14 programme.bad_value: \"due\": \"later\" is not one of at_filing, "
              "after_approval"});
  CHECK(problems(replaced(kBase, "versions:\n", "facts:\n  route: strin\nversions:\n")) ==
        Lines{"6:10 programme.bad_type: unknown type \"strin\" for fact \"facts.route\" (bool, "
              "integer, decimal, money, date, period, string, country, list<T>); did you mean "
              "\"string\"?"});
}

TEST_CASE("programme.reserved_id: the window is its own criterion") {
  CHECK(problems(replaced(kBase, "id: entered", "id: filed_in_window")) ==
        Lines{"11:13 programme.reserved_id: \"filed_in_window\" is the window's criterion; "
              "state the window under \"window:\""});
}

TEST_CASE("programme.parameter_order: dated values in increasing order") {
  auto text = replaced(kBase, "      entry_cutoff: 2009-02-01\n",
                       "      entry_cutoff:\n"
                       "        values:\n"
                       "          - value: 2009-02-01\n"
                       "          - from: 2009-09-01\n"
                       "            value: 2009-03-01\n"
                       "          - from: 2009-08-01\n"
                       "            value: 2009-04-01\n");
  CHECK(problems(text) ==
        Lines{"14:19 programme.parameter_order: the values of parameter \"entry_cutoff\" must "
              "be in increasing \"from\" order: 2009-08-01 comes after 2009-09-01"});
}

TEST_CASE("a file with ten mistakes gives exactly ten diagnostics, each at its place") {
  const std::string path = "tests/programme/data/ten_mistakes.yaml";
  std::string text = read_file(path);
  REQUIRE(!text.empty());
  Diagnostics d = check_programme_text(text, path);
  std::vector<std::string> got;
  for (const Diagnostic& x : d) got.push_back(x.to_string());
  const std::string f = path + ":";
  CHECK(got ==
        Lines{
            f + "2:8: error: \"title\" of the programme has no text in \"en\", the programme's "
                "default language [programme.missing_text]",
            f + "4:12: error: \"time_zone\": unknown time zone \"America/Sao_Paolo\" "
                "[programme.bad_time_zone]",
            f + "5:1: error: unknown key \"legal_basiss\" in the programme; did you mean "
                "\"legal_basis\"? [programme.unknown_key]",
            f + "6:10: error: \"sources\" must be a list of strings, not \"just one source\" "
                "[programme.wrong_type]",
            f + "9:13: error: the window closes (2009-06-30) before it opens (2009-07-03) "
                "[programme.window_order]",
            f + "16:13: error: duplicate criterion id \"entered\" (first defined at line 13) "
                "[programme.duplicate_id]",
            f + "19:9: error: missing key \"require\" in criterion \"present\" "
                "[programme.missing_key]",
            f + "23:63: error: " + d[7].message + " [rules.type_mismatch]",
            f + "26:17: error: \"amount\": \"BRX\" is not an ISO 4217 currency code "
                "[programme.bad_money]",
            f + "28:21: error: \"effective_from\": 2009-02-30 is not a date "
                "[programme.bad_date]",
        });
  REQUIRE(d.size() == 10);
  // The type error is inside the expression on line 23 (which starts at
  // column 18), at its operator `>=`; the message is the rules module's.
  CHECK(d[7].message.find("found integer and string") != std::string::npos);
}

TEST_CASE("a wrong file never reaches compile, the one-call loaders throw every diagnostic") {
  auto text = replaced(kBase, "64.58 BRL", "64.58 BRX");
  text = replaced(text, "America/Sao_Paulo", "Mars/Olympus");
  CheckResult r = check(load(text, "t.yaml"));
  CHECK_FALSE(r.ok());
  CHECK_THROWS_AS(r.programme(), UsageError);
  try {
    load_programme_text(text, "t.yaml");
    FAIL("no exception");
  } catch (const ProgrammeError& e) {
    CHECK(e.code() == "programme.invalid");
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(e.diagnostics()[0].code == "programme.bad_time_zone");
    CHECK(e.diagnostics()[1].code == "programme.bad_money");
  }
  CHECK_THROWS_AS(load_programme_file("tests/programme/data/no_such_file.yaml"), IoError);
  // Not "a programme file must be a mapping, not empty".
  CHECK_THROWS_WITH(load_programme_file("tests/programme/data"),
                    "[io.open] cannot read tests/programme/data: it is a directory");
}

TEST_CASE("a programme file must be a mapping") {
  CHECK(problems("- a\n- b\n") ==
        Lines{"1:1 programme.wrong_type: a programme file must be a mapping (programme, title, "
              "versions, ...), not a list"});
  CHECK(problems("") == Lines{"1:1 programme.wrong_type: a programme file must be a mapping "
                              "(programme, title, versions, ...), not empty"});
}

TEST_CASE("an empty list is called empty") {
  CHECK(problems(replaced(kBase, "versions:\n",
                          "lifecycle:\n  roles: []\n  transitions: []\n"
                          "versions:\n")) ==
        Lines{"6:10 programme.wrong_type: \"roles\" must be a non-empty list of role ids, not "
              "an empty list",
              "7:16 programme.wrong_type: \"transitions\" must be a non-empty list of "
              "transitions, not an empty list"});
}

TEST_CASE("programme.bad_utf8: the text must be UTF-8, checked before parsing") {
  // Latin-1 "é" on line 2, a UTF-16 byte order mark inside line 12: one
  // error per line, at its first bad byte.
  auto text = replaced(kBase, "pt: Teste}", "pt: Test\xe9}");
  text = replaced(text, "text: {en: Entered}", "text: {en: \xff\xfe Entered \xff}");
  CHECK(problems(text) ==
        Lines{"2:27 programme.bad_utf8: the text is not UTF-8 here (byte 0xe9); save the file as "
              "UTF-8",
              "12:20 programme.bad_utf8: the text is not UTF-8 here (byte 0xff); save the file "
              "as UTF-8"});
  // An overlong "/", a UTF-16 surrogate, a character cut short at the end.
  CHECK(problems("notes: [\xc0\xaf]\n").front().rfind("1:9 programme.bad_utf8", 0) == 0);
  CHECK(problems("notes: [\xed\xa0\x80]\n").front().rfind("1:9 programme.bad_utf8", 0) == 0);
  CHECK(problems("notes: [\xe2\x82").front().rfind("1:9 programme.bad_utf8", 0) == 0);
  // The first ten such lines, for a file that is not text at all.
  std::string binary;
  for (int i = 0; i < 30; ++i) binary += "\x80\n";
  CHECK(problems(binary).size() == 10);
  // UTF-8 in every language is welcome.
  CHECK(problems(replaced(kBase, "pt: Teste}",
                          "pt: Anistia migrat\xc3\xb3ria \xe2\x82\xac "
                          "\xf0\x9f\x98\x80}"))
            .empty());
}

TEST_CASE("programme.too_deep: past yaml-cpp's own guard, at the first node past the limit") {
  CHECK(problems("notes: " + std::string(100000, '[') + std::string(100000, ']') + "\n") ==
        Lines{"1:72 programme.too_deep: the YAML is nested more than 64 deep (the limit)"});
  std::string maps;
  for (int i = 0; i < 100000; ++i) maps += "{a: ";
  CHECK(problems("notes: " + maps + "\n") ==
        Lines{"1:261 programme.too_deep: the YAML is nested more than 64 deep (the limit)"});
}

TEST_CASE("programme.yaml_syntax: one YAML document per file") {
  CHECK(problems(kBase + "---\nprogramme: other\n") ==
        Lines{"19:1 programme.yaml_syntax: a programme file holds one YAML document, found 2"});
}
