// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// End-to-end tests of `regularis report` (examples/checker/report.cpp): runs
// the built checker (its path comes in as REGULARIS_CHECKER) from the
// repository root on tests/report/data/results.jsonl and checks the text
// (against the library's golden text), JSON, CSV files, the HTML file, the
// exit statuses and the messages for bad lines and missing files; and that
// `check --format jsonl` adds filing_date and nationalities for the report.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include "support/run_checker.hpp"

namespace {

namespace fs = std::filesystem;

using regularis::test::read_file;
using regularis::test::Run;

fs::path scratch(const std::string& name) {
  return fs::temp_directory_path() /
         ("regularis-report-test-" + std::to_string(getpid()) + "-" + name);
}

/// The checker run from the repository root, standard input from `input`.
Run run(const std::string& arguments, const std::string& input = "") {
  return regularis::test::run_checker(arguments, input);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const std::string kResults = "tests/report/data/results.jsonl";

}  // namespace

TEST_CASE("report prints the text report by default") {
  Run r = run("report --title 'Fixture report' " + kResults);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  std::string expected = read_file("tests/report/golden/results.txt");
  // The golden text names the source "results.jsonl"; the command names it as given.
  expected.replace(expected.find("results.jsonl"), 13, kResults);
  CHECK(r.out == expected);
}

TEST_CASE("report reads standard input when given no file or '-'") {
  Run none = run("report --json", kResults);
  Run dash = run("report --json -", kResults);
  CHECK(none.status == 0);
  CHECK(none.out == dash.out);
  CHECK(contains(none.out, "\"records\": 12"));
}

TEST_CASE("report --csv DIR writes one table per dimension, --csv FILE one table") {
  const fs::path dir = scratch("csv");
  fs::remove_all(dir);
  Run r = run("report --csv '" + dir.string() + "/' " + kResults);
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(read_file(dir / "outcome.csv") ==
        "dimension,key,count\noutcome,eligible,5\noutcome,ineligible,2\n"
        "outcome,incomplete,3\noutcome,invalid,2\n");
  for (const char* name : {"filing_month", "reason", "missing_item", "nationality", "programme"}) {
    CHECK(fs::exists(dir / (std::string(name) + ".csv")));
  }
  const fs::path file = dir / "all.csv";
  CHECK(run("report --csv '" + file.string() + "' " + kResults).status == 0);
  CHECK(read_file(file) == read_file("tests/report/golden/results.csv"));
  fs::remove_all(dir);
}

TEST_CASE("report --html writes the page") {
  const fs::path page = scratch("report.html");
  Run r = run("report --html '" + page.string() + "' " + kResults);
  CHECK(r.status == 0);
  const std::string html = read_file(page);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(contains(html, "<svg"));
  CHECK(contains(html, "12 applications from <code>tests/report/data/results.jsonl</code>"));
  fs::remove(page);
}

TEST_CASE("report skips and reports lines that are not result lines, exit 1") {
  const fs::path bad = scratch("bad.jsonl");
  std::ofstream(bad) << "{\"outcome\": \"eligible\"}\n{\"id\": \"x\"}\n";
  Run r = run("report --json '" + bad.string() + "'");
  CHECK(r.status == 1);
  CHECK(r.err == bad.string() +
                     ":2: error: outcome is missing [report.bad_line]\n"
                     "regularis: skipped 1 line that is not a result line\n");
  CHECK(contains(r.out, "\"records\": 1"));
  fs::remove(bad);
}

TEST_CASE("report: usage errors exit 2 and write nothing") {
  const fs::path page = scratch("never.html");
  Run r = run("report --html '" + page.string() + "' " + kResults + " tests/report/data/nothing");
  CHECK(r.status == 2);
  CHECK(r.err == "regularis: cannot open tests/report/data/nothing: No such file or directory\n");
  CHECK_FALSE(fs::exists(page));
  CHECK(run("report --json --csv - " + kResults).status == 2);
}

TEST_CASE("check --format jsonl adds filing_date and nationalities after the format's keys") {
  Run r = run("check -p examples/programmes/br-2009.yaml --format jsonl --no-summary",
              "examples/data/br-2009.jsonl");
  const std::string first = r.out.substr(0, r.out.find('\n'));
  CHECK(contains(first, R"("reasons":["filed_in_window.not_met"],"filing_date":"20)"));
  CHECK(contains(first, R"(,"nationalities":[")"));
  CHECK(first.back() == '}');
}
