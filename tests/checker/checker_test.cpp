// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// End-to-end tests of the `regularis` checker: runs the built program (its
// path comes in as REGULARIS_CHECKER) on the fixtures in tests/checker/data
// and checks exit statuses, messages, and the JSON Lines, CSV, JSON and text
// outputs byte for byte against tests/checker/golden/ (REGULARIS_BLESS=1
// rewrites the golden files), for JSON Lines, JSON array and CSV inputs; and
// `--strict`, whose warnings (a misspelt field) reach the user in every
// format without changing outcomes or exit statuses.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include "support/run_checker.hpp"

namespace {

namespace fs = std::filesystem;

using regularis::test::read_file;
using regularis::test::Run;

/// The checker run from the repository root, standard input from `input`.
Run run(const std::string& arguments, const std::string& input = "") {
  return regularis::test::run_checker(arguments, input);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// Compares `actual` with tests/checker/golden/<name>, or rewrites it when
/// REGULARIS_BLESS=1.
void check_golden(const std::string& name, const std::string& actual) {
  const fs::path path = fs::path(REGULARIS_SOURCE_DIR) / "tests/checker/golden" / name;
  const char* bless = std::getenv("REGULARIS_BLESS");
  if (bless != nullptr && std::string(bless) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("blessed " << path.string());
    return;
  }
  INFO("golden file " << path.string() << " (REGULARIS_BLESS=1 rewrites it)");
  REQUIRE(fs::exists(path));
  CHECK(actual == read_file(path));
}

const std::string kMini = "-p tests/checker/data/mini.yaml ";
const std::string kBatch = "tests/checker/data/batch.jsonl";
const std::string kCsv = "tests/checker/data/batch.csv";
// S-1 has "entry_dat" for "entry_date" (valid, incomplete); S-2 has
// "documnets" and a bad date (invalid). misspelt.json is S-1 alone.
const std::string kMisspelt = "tests/checker/data/misspelt.jsonl";
const std::string kMisspeltOne = "tests/checker/data/misspelt.json";
const std::string kEntryDatWarning = R"(applicant.entry_dat: unknown field "entry_dat")";

/// A result line without its optional "warnings" array (the line unchanged
/// when it has none).
std::string without_warnings(const std::string& line) {
  const std::string key = R"(,"warnings":[)";
  const std::size_t start = line.find(key);
  if (start == std::string::npos) return line;
  bool in_string = false;
  for (std::size_t k = start + key.size(); k < line.size(); ++k) {
    const char c = line[k];
    if (in_string) {
      if (c == '\\') {
        ++k;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == ']') {
      return line.substr(0, start) + line.substr(k + 1);
    }
  }
  return line;
}

/// The first record of the workload sample with its `"id":"B0000001",`
/// replaced by `id_field` ("" leaves the record without an id).
std::string workload_record(const std::string& id_field) {
  std::string record =
      lines_of(read_file(fs::path(REGULARIS_SOURCE_DIR) / "tests/checker/data/workload.jsonl"))
          .at(0);
  const std::string original = R"("id":"B0000001",)";
  const std::size_t at = record.find(original);
  REQUIRE(at != std::string::npos);
  return record.replace(at, original.size(), id_field);
}

/// Records written as JSON Lines (the batch path) and as a JSON array with
/// each element on the same line (the ordinary path), to compare the two;
/// removed with this object.
class BothPaths {
 public:
  BothPaths(const std::string& name, const std::vector<std::string>& records)
      : stem_((fs::temp_directory_path() / (name + "-" + std::to_string(getpid()))).string()) {
    std::string lines, array = "[";
    for (std::size_t k = 0; k < records.size(); ++k) {
      lines += records[k] + "\n";
      array += (k == 0 ? "" : ",\n") + records[k];
    }
    std::ofstream(jsonl(), std::ios::binary) << lines;
    std::ofstream(json(), std::ios::binary) << array << "]";
  }
  ~BothPaths() {
    fs::remove(jsonl());
    fs::remove(json());
  }
  BothPaths(const BothPaths&) = delete;
  BothPaths& operator=(const BothPaths&) = delete;
  std::string jsonl() const { return stem_ + ".jsonl"; }
  std::string json() const { return stem_ + ".json"; }

 private:
  std::string stem_;
};

}  // namespace

TEST_CASE("version flag prints the library version and exits 0") {
  Run r = run("--version");
  CHECK(r.status == 0);
  CHECK(r.out.rfind("regularis 0.", 0) == 0);
}

TEST_CASE("usage errors exit 2") {
  SECTION("no command") { CHECK(run("").status == 2); }
  SECTION("check without a programme") {
    Run r = run("check " + kBatch);
    CHECK(r.status == 2);
    CHECK(contains(r.err, "--programme is required"));
  }
  SECTION("an unknown format") {
    CHECK(run("check " + kMini + "--format xml " + kBatch).status == 2);
  }
  SECTION("an unknown language") {
    CHECK(run("check " + kMini + "--lang DEU " + kBatch).status == 2);
  }
  SECTION("an --as-of that is not a date") {
    Run r = run("check " + kMini + "--as-of 2009-02-30 " + kBatch);
    CHECK(r.status == 2);
    CHECK(r.err == "regularis: --as-of: 2009-02-30 is not a date\n");
    CHECK(r.out.empty());
  }
  SECTION("an input that does not exist writes nothing") {
    Run r = run("check " + kMini + "--format csv " + kBatch + " tests/checker/data/nothing.jsonl");
    CHECK(r.status == 2);
    CHECK(r.err ==
          "regularis: cannot open tests/checker/data/nothing.jsonl: No such file or directory\n");
    CHECK(r.out.empty());
  }
  SECTION("a programme that does not exist") {
    Run r = run("check -p tests/checker/data/nothing.yaml " + kBatch);
    CHECK(r.status == 2);
    CHECK(r.err ==
          "regularis: cannot open tests/checker/data/nothing.yaml: No such file or directory\n");
  }
  SECTION("a directory, as an input or as a programme, is said to be one") {
    for (const std::string& command : std::vector<std::string>{
             "check " + kMini + "tests/checker/data", "check -p tests/checker/data " + kBatch,
             "explain " + kMini + "tests/checker/data", "lint tests/checker/data",
             "report tests/checker/data", "test tests/checker/data"}) {
      INFO(command);
      Run r = run(command);
      CHECK(r.status == 2);
      CHECK(contains(r.err, "regularis: cannot read tests/checker/data: it is a directory\n"));
      CHECK(r.out.find("Outcome") == std::string::npos);
    }
  }
}

TEST_CASE("check with a broken programme prints every diagnostic with a caret and exits 2") {
  Run r = run("check -p tests/checker/data/broken.yaml " + kBatch);
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(
      contains(r.err,
               "tests/checker/data/broken.yaml:12:5: error: unknown key \"critera\" in version 1; "
               "did you mean \"criteria\"? [programme.unknown_key]\n"
               "   12 |     critera:\n"
               "      |     ^\n"));
  CHECK(contains(r.err, "tests/checker/data/broken.yaml:10:5: error: missing key \"criteria\""));
  CHECK(contains(r.err, "regularis: tests/checker/data/broken.yaml: 2 errors, not loaded\n"));
}

TEST_CASE("check exits 0 when every record is valid") {
  Run r = run("check " + kMini + "--format jsonl tests/checker/data/valid.jsonl");
  CHECK(r.status == 0);
  CHECK(lines_of(r.out).size() == 2);
}

TEST_CASE("check --format jsonl prints the result line of each record") {
  Run r = run("check " + kMini + "--format jsonl " + kBatch);
  CHECK(r.status == 1);
  check_golden("batch.jsonl", r.out);
  // The summary goes to stderr, and no progress line when stderr is not a terminal.
  CHECK(r.err.rfind("Summary: 6 records\n", 0) == 0);
  CHECK(!contains(r.err, "\r"));
}

TEST_CASE("a broken line in the middle is reported as invalid and reading carries on") {
  Run r = run("check " + kMini + "--format jsonl --no-summary " + kBatch);
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  const std::vector<std::string> lines = lines_of(r.out);
  REQUIRE(lines.size() == 6);
  CHECK(contains(lines[3], R"("outcome":"invalid")"));
  CHECK(contains(lines[3], R"("reasons":["facts.syntax"])"));
  CHECK(contains(lines[4], R"("errors":["applicant.date_of_birth: 2009-02-30 is not a date",)"));
  CHECK(contains(lines[5], R"("outcome":"ineligible")"));
}

TEST_CASE("check --format csv prints id,programme,outcome,reasons") {
  Run r = run("check " + kMini + "--format csv " + kBatch);
  CHECK(r.status == 1);
  check_golden("batch.csv", r.out);
  const std::vector<std::string> lines = lines_of(r.out);
  REQUIRE(lines.size() == 7);
  CHECK(lines[0] == "id,programme,outcome,reasons");
  CHECK(lines[5] == "M-5,mini-2009,invalid,facts.bad_date;facts.bad_country");
  CHECK(lines[6] == R"("M-6, ""quoted""",mini-2009,ineligible,filed_in_window.not_met)");
}

TEST_CASE("check --format text prints a block per record and the summary on stdout") {
  Run r = run("check " + kMini + kBatch);
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  check_golden("batch.txt", r.out);
}

TEST_CASE("check --format json prints one array") {
  Run r = run("check " + kMini + "--format json --no-summary " + kBatch);
  CHECK(r.status == 1);
  check_golden("batch.json", r.out);
  CHECK(r.out.rfind("[\n{\"id\":\"M-1\"", 0) == 0);
  CHECK(r.out.size() > 3);
  CHECK(r.out.substr(r.out.size() - 4) == "}\n]\n");
}

TEST_CASE("check --explain shows each criterion's basis and the values it used") {
  Run jsonl = run("check " + kMini + "--explain --format jsonl --no-summary " +
                  "tests/checker/data/valid.jsonl");
  CHECK(jsonl.status == 0);
  const std::vector<std::string> lines = lines_of(jsonl.out);
  REQUIRE(lines.size() == 2);
  CHECK(contains(lines[1], R"("values":["applicant.entry_date = )"));
  Run text = run("check " + kMini + "--explain --no-summary tests/checker/data/valid.jsonl");
  CHECK(contains(text.out, "used: applicant.entry_date = "));
  // Without --explain the result lines keep the format's keys only.
  Run plain = run("check " + kMini + "--format jsonl --no-summary tests/checker/data/valid.jsonl");
  CHECK_FALSE(contains(plain.out, "\"values\""));
  // The same from a JSON array (the record-by-record way).
  Run array = run("check " + kMini + "--explain --format jsonl tests/checker/data/array.json");
  CHECK(contains(array.out, R"("values":[)"));
}

TEST_CASE("check reads standard input, '-' and JSON arrays") {
  Run piped = run("check " + kMini + "--format csv --no-summary", "tests/checker/data/valid.jsonl");
  Run dash =
      run("check " + kMini + "--format csv --no-summary -", "tests/checker/data/valid.jsonl");
  CHECK(piped.status == 0);
  CHECK(piped.out ==
        "id,programme,outcome,reasons\n"
        "M-1,mini-2009,eligible,\n"
        "M-2,mini-2009,ineligible,"
        "entered_by_cutoff.not_met;proof_of_entry.rejected;identity_card.due;registration.due\n");
  CHECK(dash.out == piped.out);
  Run array = run("check " + kMini + "--format csv --no-summary tests/checker/data/array.json");
  const std::vector<std::string> lines = lines_of(array.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].rfind("A-1,mini-2009,", 0) == 0);
  CHECK(lines[2].rfind("A-2,mini-2009,ineligible,", 0) == 0);
}

TEST_CASE("JSON Lines (the batch path) and a JSON array (record by record) give the same results") {
  // workload.jsonl: 40 records of shared/bench/gen.py (seed 11), whose
  // programmes take the fast path; the same records as a JSON array take
  // the ordinary one (BatchReader + Engine::evaluate).
  const std::vector<std::string> records =
      lines_of(read_file(fs::path(REGULARIS_SOURCE_DIR) / "tests/checker/data/workload.jsonl"));
  REQUIRE(records.size() == 40);
  std::string array = "[";
  for (std::size_t k = 0; k < records.size(); ++k) array += (k == 0 ? "" : ",\n") + records[k];
  array += "]\n";
  const fs::path array_file =
      fs::temp_directory_path() / ("regularis-workload-" + std::to_string(getpid()) + ".json");
  std::ofstream(array_file, std::ios::binary) << array;
  for (const char* programme : {"bench/core.yaml", "bench/ext50.yaml"}) {
    for (const char* format : {"jsonl", "csv", "text", "json"}) {
      const std::string options =
          std::string("check -p ") + programme + " --format " + format + " --no-summary ";
      const Run lines = run(options + "tests/checker/data/workload.jsonl");
      const Run whole = run(options + "'" + array_file.string() + "'");
      INFO(programme << " --format " << format);
      CHECK(lines.status == 0);
      CHECK(lines.out.size() > 1000);
      CHECK(lines.out == whole.out);
    }
  }
  fs::remove(array_file);
}

TEST_CASE("check --format jsonl writes a fast record's id and nationalities as JSON does") {
  // The batch path writes its result lines without nlohmann; ids that need
  // escaping, absent and null ids, and no nationalities must come out as
  // the ordinary way (a JSON array) writes them.
  std::vector<std::string> records = {
      workload_record(R"("id":"quo\"te\\back/slash \u00e9",)"),
      workload_record(R"("id":"tab\there\u0001",)"),
      workload_record(""),
      workload_record(R"("id":null,)"),
      workload_record(R"("id":"B0000001",)"),
  };
  const std::string nationalities = R"("nationalities":[)";
  const std::size_t n = records[4].find(nationalities);
  REQUIRE(n != std::string::npos);
  records[4].replace(n, records[4].find(']', n) - n + 1, R"("nationalities":[])");
  const BothPaths inputs("regularis-ids", records);
  const std::string options = "check -p bench/core.yaml --format jsonl --no-summary ";
  const Run fast = run(options + "'" + inputs.jsonl() + "'");
  const Run ordinary = run(options + "'" + inputs.json() + "'");
  const std::vector<std::string> out = lines_of(fast.out);
  REQUIRE(out.size() == 5);
  CHECK(out[0].rfind(R"({"id":"quo\"te\\back/slash é","programme":"bench-core",)", 0) == 0);
  CHECK(out[1].rfind(R"({"id":"tab\there\u0001",)", 0) == 0);
  CHECK(out[2].rfind(R"({"id":null,)", 0) == 0);
  CHECK(out[3].rfind(R"({"id":null,)", 0) == 0);
  // A record without an id is found by its line; one with an id is not given one.
  CHECK(contains(out[2], R"("reasons":["r01.not_met"],"line":3,"filing_date":)"));
  CHECK(contains(out[3], R"(,"line":4,)"));
  CHECK_FALSE(contains(out[4], R"("line":)"));
  CHECK_FALSE(contains(out[4], "nationalities"));
  CHECK(contains(out[0], R"(,"nationalities":[")"));
  CHECK(fast.out == ordinary.out);
}

TEST_CASE("check reads CSV: --format jsonl prints the result line of each row") {
  Run r = run("check " + kMini + "--format jsonl " + kCsv);
  CHECK(r.status == 1);
  check_golden("batch-csv.jsonl", r.out);
  CHECK(r.err.rfind("Summary: 6 records\n", 0) == 0);
}

TEST_CASE("a broken CSV row in the middle is reported as invalid and reading carries on") {
  Run r = run("check " + kMini + "--format jsonl --no-summary " + kCsv);
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  const std::vector<std::string> lines = lines_of(r.out);
  REQUIRE(lines.size() == 6);
  CHECK(contains(lines[3], R"("id":"M-4")"));
  CHECK(contains(lines[3], R"("reasons":["facts.csv_extra_cell"])"));
  // Each error names the cell (file:line:col) and its column.
  CHECK(contains(lines[4], R"("errors":["tests/checker/data/batch.csv:6:38: )"
                           R"(applicant.date_of_birth: 2009-02-30 is not a date",)"));
  CHECK(contains(lines[5], R"("id":"M-6, \"quoted\"")"));
  CHECK(contains(lines[5], R"("outcome":"ineligible")"));
  // Text output gives the line each row starts on (M-6 spans lines 7 and 8).
  Run text = run("check " + kMini + "--no-summary " + kCsv);
  CHECK(contains(text.out, "M-5  invalid  (line 6)\n"));
  CHECK(contains(text.out, "M-6, \"quoted\"  ineligible  (line 7)\n"));
}

TEST_CASE("a bad CSV header exits 2 with every problem at file:line:col and writes nothing") {
  Run r = run("check " + kMini + "--format csv tests/checker/data/bad-header.csv");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "tests/checker/data/bad-header.csv:1:13: error: \"applicant.entry_dat\" is not a fact of "
        "the application format; did you mean \"applicant.entry_date\"? "
        "[facts.csv_unknown_column]\n"
        "    1 | id,filed_at,applicant.entry_dat,documents,documents[0].type\n"
        "      |             ^\n"
        "tests/checker/data/bad-header.csv:1:43: error: \"documents[0].type\" is part of column "
        "\"documents\" (1:33); keep one of them [facts.csv_overlapping_column]\n"
        "    1 | id,filed_at,applicant.entry_dat,documents,documents[0].type\n"
        "      |                                           ^\n"
        "regularis: tests/checker/data/bad-header.csv: 2 errors in the CSV header, nothing read\n");
  // From standard input, named <stdin>.
  Run piped = run("check " + kMini + "--input csv", "tests/checker/data/bad-header.csv");
  CHECK(piped.status == 2);
  CHECK(contains(piped.err, "<stdin>:1:13: error: \"applicant.entry_dat\""));
}

TEST_CASE("check tells CSV from JSON Lines on standard input by the first line") {
  Run piped = run("check " + kMini + "--format csv --no-summary", kCsv);
  Run file = run("check " + kMini + "--format csv --no-summary " + kCsv);
  CHECK(piped.status == 1);
  CHECK(piped.out == file.out);
  REQUIRE(lines_of(piped.out).size() == 7);
  CHECK(lines_of(piped.out)[1] == "M-1,mini-2009,eligible,");
  // A first line that is not a header of known facts is a broken JSON Lines record.
  Run broken =
      run("check " + kMini + "--format csv --no-summary", "tests/checker/data/broken-first.jsonl");
  CHECK(broken.status == 1);
  const std::vector<std::string> lines = lines_of(broken.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[1] == ",mini-2009,invalid,facts.wrong_type");
  CHECK(lines[2].rfind("X-2,mini-2009,incomplete,", 0) == 0);
  // --input says what the input holds, whatever it looks like.
  Run forced = run("check " + kMini + "--format csv --no-summary --input jsonl", kCsv);
  CHECK(forced.status == 1);
  REQUIRE(lines_of(forced.out).size() == 9);  // each of the 8 lines is a broken record
  CHECK(lines_of(forced.out)[1] == ",mini-2009,invalid,facts.syntax");
}

TEST_CASE("check reads a pretty-printed application as one record") {
  // Its first line holds only "{": one JSON object over several lines, not
  // JSON Lines (which would make each line a broken record).
  for (const char* input : {"", "--input json "}) {
    INFO(input);
    Run r = run("check " + kMini + "--format csv --no-summary " + input +
                "tests/checker/data/application.json");
    CHECK(r.status == 0);
    CHECK(r.out ==
          "id,programme,outcome,reasons\n"
          "M-3,mini-2009,incomplete,entered_by_cutoff.unknown;proof_of_entry.missing;"
          "registration.due\n");
  }
  // Not one JSON document (a first record cut short to "{", then good ones):
  // read as JSON Lines after all, so that no record is lost.
  Run cut =
      run("check " + kMini + "--format csv --no-summary tests/checker/data/cut-then-records.jsonl");
  CHECK(cut.status == 1);
  CHECK(cut.out ==
        "id,programme,outcome,reasons\n"
        ",mini-2009,invalid,facts.syntax\n"
        "M-1,mini-2009,eligible,\n"
        "M-2,mini-2009,ineligible,entered_by_cutoff.not_met;proof_of_entry.rejected;"
        "identity_card.due;registration.due\n");
}

TEST_CASE("the summary counts records that name another programme than the one given") {
  // The workload's records name bench-core; ext50 judges them all the same.
  const std::vector<std::string> records = {workload_record(R"("id":"A",)"),
                                            workload_record(R"("id":"B",)")};
  const BothPaths inputs("regularis-other-programme", records);
  for (const std::string& input : {inputs.jsonl(), inputs.json()}) {  // fast, ordinary
    for (const char* jobs : {"-j 1 ", "-j 2 "}) {
      INFO(input << ' ' << jobs);
      Run other =
          run("check -p bench/ext50.yaml --format csv " + std::string(jobs) + "'" + input + "'");
      CHECK(contains(other.err,
                     "  naming another programme (judged by the one given all the same):\n"
                     "    bench-core       2\n"));
      Run same =
          run("check -p bench/core.yaml --format csv " + std::string(jobs) + "'" + input + "'");
      CHECK(contains(same.err, "Summary: 2 records\n"));
      CHECK_FALSE(contains(same.err, "naming another programme"));
    }
  }
}

TEST_CASE("check cuts a large input into chunks without losing or renumbering a record") {
  // About 3 MiB of the batch's six records over and over (the fourth is not
  // JSON, the fifth is invalid), and after the first MiB three lines longer
  // than the 16 MiB limit: one just over it (the worker finds it), one and a
  // blank one 2 MiB over it (the reader drops them before their ends). Chunks'
  // edges fall inside records; every record keeps its result and its number.
  const std::string batch = read_file(fs::path(REGULARIS_SOURCE_DIR) / kBatch);
  std::vector<std::string> expected;  // the six results, without their line numbers
  for (const std::string& result :
       lines_of(run("check " + kMini + "--format jsonl --no-summary " + kBatch).out)) {
    expected.push_back(result.substr(0, result.find(R"(,"line":)")));
  }
  REQUIRE(expected.size() == 6);
  const std::size_t limit = std::size_t{16} * 1024 * 1024;
  const std::size_t way_over = limit + 2 * 1024 * 1024;
  const fs::path path =
      fs::temp_directory_path() / ("regularis-chunks-" + std::to_string(getpid()) + ".jsonl");
  std::size_t copies = 0, line = 0;
  std::vector<std::size_t> too_large_lines;
  std::vector<std::size_t> invalid_lines;  // the fourth and fifth record of each copy
  {
    std::ofstream out(path, std::ios::binary);
    for (std::size_t bytes = 0; bytes < 3 * 1024 * 1024; bytes += batch.size()) {
      out << batch;
      invalid_lines.push_back(line + 4);
      invalid_lines.push_back(line + 5);
      line += 6;
      ++copies;
      if (too_large_lines.empty() && bytes > 1024 * 1024) {
        out << R"({"id":"BIG-1","padding":")" << std::string(limit, 'x') << "\"}\n"
            << R"({"id":"BIG-2","padding":")" << std::string(way_over, 'x') << "\"}\n"
            << std::string(way_over, ' ') << '\n';
        too_large_lines = {line + 1, line + 2};
        line += 3;
      }
    }
  }
  std::string first;
  for (const char* jobs : {"-j 1 ", "-j 3 "}) {
    INFO(jobs);
    Run r =
        run("check " + kMini + "--format jsonl --no-summary " + jobs + "'" + path.string() + "'");
    CHECK(r.status == 1);
    const auto results = lines_of(r.out);
    REQUIRE(results.size() == 6 * copies + 2);
    std::vector<std::size_t> found_too_large, found_invalid;
    std::size_t record = 0;  // of the batch's records
    for (const std::string& result : results) {
      const std::size_t at = result.find(R"(,"line":)");
      const std::size_t number = at == std::string::npos ? 0 : std::stoul(result.substr(at + 8));
      if (contains(result, R"("reasons":["facts.record_too_large"])")) {
        found_too_large.push_back(number);
        continue;
      }
      if (at != std::string::npos) found_invalid.push_back(number);
      CHECK(result.substr(0, at) == expected[record++ % 6]);
    }
    CHECK(found_too_large == too_large_lines);
    CHECK(found_invalid == invalid_lines);
    if (first.empty()) {
      first = r.out;
    } else {
      CHECK(r.out == first);
    }
  }
  fs::remove(path);
}

TEST_CASE("check --duplicates lists the ids given to more than one record, over every input") {
  // The batch's six records as JSON Lines (mini has documents and fees, so
  // the batch path reads them the ordinary way), as CSV (record by record),
  // then as JSON Lines again: each id three times, listed in input order.
  for (const char* jobs : {"-j 1 ", "-j 2 "}) {
    INFO(jobs);
    Run r = run("check " + kMini + "--format csv --duplicates " + jobs + kBatch + " " + kCsv + " " +
                kBatch);
    CHECK(r.status == 1);  // invalid records, as without the flag
    CHECK(lines_of(r.out).size() == 1 + 3 * 6);
    CHECK(contains(r.err, "Summary: 18 records\n"));
    CHECK(contains(r.err,
                   "ids given to more than one record: 6\n"
                   "    M-1: " +
                       kBatch + ":1 " + kCsv + ":2 " + kBatch +
                       ":1\n"
                       "    M-2: " +
                       kBatch + ":2 " + kCsv + ":3 " + kBatch + ":2\n"));
    CHECK(
        contains(r.err, "    M-6, \"quoted\": " + kBatch + ":6 " + kCsv + ":7 " + kBatch + ":6\n"));
  }
  // The fast path keeps ids too: the workload's records, each given twice.
  const std::vector<std::string> records = {workload_record(R"("id":"A",)"),
                                            workload_record(R"("id":"B",)"),
                                            workload_record(R"("id":"A",)")};
  const BothPaths inputs("regularis-duplicates", records);
  Run fast = run("check -p bench/core.yaml --format csv --no-summary --duplicates '" +
                 inputs.jsonl() + "'");
  CHECK(fast.status == 0);
  CHECK(fast.err == "ids given to more than one record: 1\n    A: " + inputs.jsonl() + ":1 " +
                        inputs.jsonl() + ":3\n");
  // Without the flag nothing is kept or said.
  Run plain = run("check " + kMini + "--format csv " + kBatch + " " + kBatch);
  CHECK_FALSE(contains(plain.err, "more than one record"));
}

TEST_CASE("check --lang picks the programme's questions in that language") {
  Run r = run("check " + kMini + "--format jsonl --lang pt --no-summary " + kBatch);
  CHECK(contains(
      lines_of(r.out)[2],
      R"("missing":[{"fact":"applicant.entry_date","question":"Quando você entrou no país?"}])"));
}

TEST_CASE("the summary counts outcomes and reasons, largest first") {
  Run r = run("check " + kMini + "--format csv " + kBatch);
  CHECK(r.err ==
        // CSV has no room for an invalid record's errors: they come first.
        "regularis: M-4 (line 4): error: the record is not valid JSON (JSON document ended "
        "early in the middle of an object or array.)\n"
        "regularis: M-5 (line 5): error: applicant.date_of_birth: 2009-02-30 is not a date\n"
        "regularis: M-5 (line 5): error: applicant.nationalities[0]: \"bo\" is not an ISO "
        "3166-1 alpha-2 code (upper case)\n"
        "Summary: 6 records\n"
        "  by outcome:\n"
        "    ineligible                     2    33%\n"
        "    invalid                        2    33%\n"
        "    eligible                       1    17%\n"
        "    incomplete                     1    17%\n"
        "  by reason:\n"
        "    registration.due               2\n"
        "    entered_by_cutoff.not_met      1\n"
        "    entered_by_cutoff.unknown      1\n"
        "    facts.bad_country              1\n"
        "    facts.bad_date                 1\n"
        "    facts.syntax                   1\n"
        "    filed_in_window.not_met        1\n"
        "    identity_card.due              1\n"
        "    proof_of_entry.missing         1\n"
        "    proof_of_entry.rejected        1\n");
}

TEST_CASE("lint prints file:line:col with carets and exits 2 on errors") {
  Run r = run("lint tests/checker/data/broken.yaml");
  CHECK(r.status == 2);
  check_golden("lint-broken.txt", r.out);
  CHECK(contains(r.out, "tests/checker/data/broken.yaml:12:5: error: unknown key \"critera\""));
  CHECK(contains(r.out, "tests/checker/data/broken.yaml: 2 errors\n"));
}

TEST_CASE("lint of a good programme prints its versions and windows and exits 0") {
  Run r = run("lint tests/checker/data/mini.yaml");
  CHECK(r.status == 0);
  CHECK(r.out ==
        "tests/checker/data/mini.yaml: ok, programme mini-2009, 1 version\n"
        "  version 2009-07-02: window 2009-07-03..2009-12-30 (published 2009-07-03, within 180 "
        "days, day 1 = the day after publication)\n");
  // Several files: one bad file makes the status 2 and the good one is still reported.
  Run both = run("lint tests/checker/data/mini.yaml tests/checker/data/broken.yaml");
  CHECK(both.status == 2);
  CHECK(contains(both.out, "mini.yaml: ok"));
}

TEST_CASE("lint checks a programme's lifecycle as the case commands build it") {
  Run r = run("lint tests/checker/data/bad-lifecycle.yaml");
  CHECK(r.status == 2);
  CHECK(contains(r.out, "bad-lifecycle.yaml:16:28: error: row 2: unknown event \"step_done\""));
  CHECK(contains(r.out,
                 "bad-lifecycle.yaml:17:46: error: row 3: outcome \"maybe\" is neither "
                 "\"approved\" nor \"refused\""));
  // A guard may be the host's own: a warning, not an error.
  CHECK(contains(r.out,
                 "bad-lifecycle.yaml:18:46: warning: row 4: no guard named \"office_open\" "
                 "is registered among the standard guards"));
  CHECK(contains(r.out, "tests/checker/data/bad-lifecycle.yaml: 2 errors, 1 warning\n"));
}

TEST_CASE("lint checks a test file as `test` reads it, without running it") {
  Run good = run("lint tests/checker/data/mini.test.yaml tests/checker/data/mini.yaml");
  CHECK(good.status == 0);
  CHECK(contains(good.out,
                 "tests/checker/data/mini.test.yaml: ok, test file for mini.yaml, 1 case\n"));
  CHECK(contains(good.out, "tests/checker/data/mini.yaml: ok, programme mini-2009"));
  Run bad = run("lint tests/checker/data/broken.test.yaml");
  CHECK(bad.status == 2);
  CHECK(contains(bad.out, "broken.test.yaml:10:23: error: unknown outcome \"elegible\""));
  CHECK(contains(bad.out, "broken.test.yaml: error: its programme "));
  CHECK(contains(bad.out, "no-such-programme.yaml cannot be read\n"));
  CHECK(contains(bad.out, "tests/checker/data/broken.test.yaml: 2 errors\n"));
  // A directory opens on Linux: it is not a programme that can be read.
  Run dir = run("lint tests/checker/data/dir-programme.test.yaml");
  CHECK(dir.status == 2);
  CHECK(contains(dir.out,
                 "dir-programme.test.yaml: error: its programme tests/checker/data "
                 "cannot be read\n"));
}

TEST_CASE("explain shows criteria, missing facts and the receipt") {
  Run r = run("explain " + kMini + "--lang pt tests/checker/data/application.json");
  CHECK(r.status == 0);
  CHECK(contains(r.out, "Outcome     incomplete\n"));
  CHECK(contains(r.out,
                 "  [unknown]      entered_by_cutoff (art. 1)\n"
                 "                   Entrou até 1º de fevereiro de 2009\n"));
  CHECK(contains(r.out,
                 "  1. applicant.entry_date (decisive)\n"
                 "     Quando você entrou no país?\n"));
  CHECK(contains(r.out,
                 "Reasons     entered_by_cutoff.unknown, proof_of_entry.missing, "
                 "registration.due\n"));
  const std::string receipt = "Receipt     programme mini-2009, version 2009-07-02, sha256 ";
  const auto at = r.out.find(receipt);
  REQUIRE(at != std::string::npos);
  CHECK(r.out.substr(at + receipt.size()).size() == 65);  // 64 hex digits and '\n'
}

// The engine's notes on documents and fees, in English (DocumentResult::notes).
const std::vector<std::string> kEnglishNotes = {
    "required if",      "applies",     "cannot be checked yet", "not verified", "expired before",
    "does not satisfy", "cannot show", "the amount if",         "if not",       "not due"};

/// family.json under ie-2022 gives every note but the conditions' (a child
/// without an id whose `applying` is unknown, a passport not verified, an
/// identity card expired, the single amount paid); leases.json under
/// mini.yaml gives those (a lease dated after the cutoff, one without a date).
const std::string kFamily = "-p examples/programmes/ie-2022.yaml tests/checker/data/family.json";
const std::string kLeases = kMini + "tests/checker/data/leases.json";

TEST_CASE("explain --lang pt and es show the notes on documents and fees in that language") {
  Run pt = run("explain --lang pt " + kFamily);
  Run pt_leases = run("explain --lang pt " + kLeases);
  REQUIRE(pt.status == 0);
  REQUIRE(pt_leases.status == 0);
  for (const std::string& english : kEnglishNotes) {
    INFO(english);
    CHECK_FALSE(contains(pt.out, english));
    CHECK_FALSE(contains(pt_leases.out, english));
  }
  CHECK(
      contains(pt.out,
               "  [expired]      identity_document\n"
               "                   Prova de identidade: passaporte (válido ou vencido), documento "
               "de viagem, carteira de identidade nacional, carteira de motorista irlandesa, "
               "Public Services Card ou cartão IRP (vencido aceito)\n"
               "                   note: documents[0] (passport): não verificado\n"
               "                   note: documents[1] (national_identity_card): vencido antes "
               "da data do pedido\n"));
  CHECK(contains(pt.out,
                 "                   note: exigido se dependants[0] fizer o pedido\n"
                 "                   note: ainda não pode ser verificado: dependants[0] não tem "
                 "identificador para os documentos indicarem como titular\n"));
  CHECK(contains(pt.out, "                   note: exigido se any(d in dependants: d.applying)\n"));
  CHECK(contains(pt.out,
                 "  [partly_paid]  application: 700 EUR (paid 550 EUR)\n"
                 "                   Taxa do pedido (550 EUR; 700 EUR para pedido familiar), paga "
                 "online, sem isenção\n"
                 "                   note: valor caso dependants[0] faça o pedido; se não fizer, "
                 "550 EUR\n"));
  CHECK(contains(pt_leases.out,
                 "                   note: documents[0] (lease): não cumpre document.shows_date "
                 "<= entry_cutoff\n"
                 "                   note: documents[1] (lease): não permite verificar "
                 "document.shows_date <= entry_cutoff\n"));

  Run es = run("explain --lang es " + kFamily);
  Run es_leases = run("explain --lang es " + kLeases);
  for (const std::string& english : kEnglishNotes) {
    INFO(english);
    CHECK_FALSE(contains(es.out, english));
    CHECK_FALSE(contains(es_leases.out, english));
  }
  CHECK(contains(es.out, "note: documents[0] (passport): no verificado\n"));
  CHECK(contains(es.out, "note: todavía no se puede comprobar: dependants[0] no tiene"));
  CHECK(contains(es.out, "note: importe si dependants[0] solicita; si no, 550 EUR\n"));
  CHECK(contains(es_leases.out, "note: documents[0] (lease): no cumple document.shows_date"));

  // English as before, and the fee's note now shown too.
  Run en = run("explain " + kFamily);
  CHECK(contains(en.out, "note: documents[0] (passport): not verified\n"));
  CHECK(contains(en.out, "note: required if dependants[0] applies\n"));
  CHECK(contains(en.out, "note: the amount if dependants[0] applies; 550 EUR if not\n"));
  CHECK(contains(run("explain " + kLeases).out,
                 "note: documents[1] (lease): cannot show document.shows_date <= entry_cutoff\n"));
}

TEST_CASE("screen --interactive --lang pt shows the notes under the documents and fees") {
  // No answers: the interview ends at once with the checklist of what is known.
  Run r =
      run("screen -i tests/checker/data/family.json --lang pt "
          "-p examples/programmes/ie-2022.yaml");
  CHECK(r.status == 0);
  for (const std::string& english : kEnglishNotes) {
    INFO(english);
    CHECK_FALSE(contains(r.out, english));
  }
  CHECK(contains(r.out, "      documents[0] (passport): não verificado\n"));
  CHECK(contains(r.out,
                 "  - 700 EUR  Taxa do pedido (550 EUR; 700 EUR para pedido familiar), paga "
                 "online, sem isenção (pago até agora: 550 EUR)\n"
                 "      valor caso dependants[0] faça o pedido; se não fizer, 550 EUR\n"));
}

TEST_CASE("screen --interactive asks for a field of one family member and sets it") {
  // The first facts missing are dependants[0].applying, then dependants[0].id:
  // each is asked under the family question, named, checked and set.
  Run r =
      run("screen -i tests/checker/data/family.json --as-of 2022-03-01 "
          "-p examples/programmes/ie-2022.yaml",
          "tests/checker/data/family-answers.txt");
  CHECK(r.status == 0);
  CHECK(contains(r.out, "(dependants[0].applying)\n> maybe\nPlease answer yes or no.\n"));
  CHECK(contains(r.out, "(dependants[0].id)\n> D1\n"));
  CHECK_FALSE(contains(r.out, "cannot"));
  // The documents of that family member now name them as holder.
  CHECK(contains(r.out,
                 "birth certificate (child born in the State), IRP card or other identity "
                 "document (D1)\n"));
}

TEST_CASE("explain of an invalid record exits 1 and names the field") {
  Run r = run("explain " + kMini + "-", "tests/checker/data/invalid.json");
  CHECK(r.status == 1);
  CHECK(contains(r.out, "Outcome     invalid\n"));
  CHECK(contains(r.out,
                 "  applicant.date_of_birth: error: 2009-02-30 is not a date [facts.bad_date]\n"));
}

TEST_CASE("checklist lists the window, documents and fees in the language asked") {
  Run r = run("checklist " + kMini + "--lang pt");
  CHECK(r.status == 0);
  CHECK(contains(r.out, "Regularização mínima 2009 (mini-2009)\n"));
  CHECK(contains(r.out, "Prazo para o pedido: 2009-07-03..2009-12-30"));
  CHECK(contains(r.out, "\nDocumentos a levar\n"));
  CHECK(contains(r.out,
                 "  - proof_of_entry: Documento que mostre a data de entrada (art. 3)\n"
                 "      aceitos: passport_entry_stamp, lease\n"));
  CHECK(contains(r.out, "  - registration: 64.58 BRL (Taxa de registro)\n"));
  CHECK(contains(r.out, "  Total no pedido: 95.63 BRL\n"));
  Run before = run("checklist " + kMini + "--as-of 2009-01-01");
  CHECK(before.status == 2);
  CHECK(before.err == "regularis: no version of mini-2009 is in force on 2009-01-01\n");
}

TEST_CASE("check --strict warns about a misspelt field in JSON Lines and names its path") {
  Run strict = run("check " + kMini + "--strict --format jsonl --no-summary " + kMisspelt);
  Run plain = run("check " + kMini + "--format jsonl --no-summary " + kMisspelt);
  check_golden("misspelt-strict.jsonl", strict.out);
  // Warnings never change the exit status: S-2 is invalid either way.
  CHECK(strict.status == 1);
  CHECK(plain.status == 1);
  CHECK(strict.err.empty());
  const std::vector<std::string> lines = lines_of(strict.out);
  REQUIRE(lines.size() == 2);
  CHECK(contains(lines[0], R"("outcome":"incomplete")"));
  CHECK(contains(lines[0], R"("reasons":["entered_by_cutoff.unknown"],"warnings":[)"
                           R"("applicant.entry_dat: unknown field \"entry_dat\""],)"
                           R"("filing_date":"2009-08-01"})"));
  // An invalid record keeps its errors and the line it starts on, then its warnings.
  CHECK(contains(lines[1], R"("errors":["applicant.date_of_birth: 2009-02-30 is not a date"],)"
                           R"("line":2,"warnings":["documnets: unknown field \"documnets\""]})"));
  // Without --strict: no warnings, and otherwise the same lines.
  CHECK_FALSE(contains(plain.out, "\"warnings\""));
  const std::vector<std::string> plain_lines = lines_of(plain.out);
  REQUIRE(plain_lines.size() == 2);
  CHECK(without_warnings(lines[0]) == plain_lines[0]);
  CHECK(without_warnings(lines[1]) == plain_lines[1]);
  CHECK(without_warnings(lines[0]) != lines[0]);
}

TEST_CASE("check --strict shows a line per warning in the text output") {
  Run strict = run("check " + kMini + "--strict " + kMisspelt);
  Run plain = run("check " + kMini + kMisspelt);
  check_golden("misspelt-strict.txt", strict.out);
  CHECK(strict.status == 1);
  CHECK(plain.status == 1);
  CHECK(contains(strict.out, "S-1  incomplete  (line 1)\n"));
  CHECK(contains(strict.out, "  warnings    " + kEntryDatWarning +
                                 "\n"
                                 "  reasons     entered_by_cutoff.unknown\n"));
  CHECK(contains(strict.out,
                 "  errors      applicant.date_of_birth: 2009-02-30 is not a date\n"
                 "  warnings    documnets: unknown field \"documnets\"\n"
                 "  reasons     facts.bad_date\n"));
  // The same record without --strict: the same outcome, no warning.
  CHECK(contains(plain.out, "S-1  incomplete  (line 1)\n"));
  CHECK_FALSE(contains(plain.out, "warnings"));
  CHECK_FALSE(contains(plain.out, "unknown field"));
}

TEST_CASE("check --strict: warnings alone leave the exit status 0") {
  Run strict = run("check " + kMini + "--strict --format jsonl --no-summary " + kMisspeltOne);
  Run plain = run("check " + kMini + "--format jsonl --no-summary " + kMisspeltOne);
  CHECK(strict.status == 0);
  CHECK(plain.status == 0);
  CHECK(contains(strict.out, R"("outcome":"incomplete")"));
  CHECK(contains(strict.out, R"("warnings":["applicant.entry_dat: )"));
  CHECK(without_warnings(strict.out) == plain.out);
}

TEST_CASE("check --strict keeps the CSV columns and prints the warnings on stderr") {
  Run strict = run("check " + kMini + "--strict --format csv --no-summary " + kMisspelt);
  Run plain = run("check " + kMini + "--format csv --no-summary " + kMisspelt);
  CHECK(strict.status == 1);
  CHECK(strict.out == plain.out);
  CHECK(strict.out ==
        "id,programme,outcome,reasons\n"
        "S-1,mini-2009,incomplete,entered_by_cutoff.unknown\n"
        "S-2,mini-2009,invalid,facts.bad_date\n");
  // An invalid record's errors go there too, with or without --strict.
  const std::string error =
      "regularis: S-2 (line 2): error: applicant.date_of_birth: 2009-02-30 is not a date\n";
  CHECK(strict.err == "regularis: S-1 (line 1): warning: " + kEntryDatWarning + "\n" + error +
                          "regularis: S-2 (line 2): warning: documnets: unknown field "
                          "\"documnets\"\n");
  CHECK(plain.err == error);
}

TEST_CASE("check --strict warns from a JSON array and the json format too") {
  // The array is read record by record (BatchReader), not by the batch path.
  const fs::path array_file =
      fs::temp_directory_path() / ("regularis-misspelt-" + std::to_string(getpid()) + ".json");
  std::ofstream(array_file, std::ios::binary)
      << "[\n"
      << read_file(fs::path(REGULARIS_SOURCE_DIR) / kMisspeltOne) << "]\n";
  Run strict =
      run("check " + kMini + "--strict --format json --no-summary '" + array_file.string() + "'");
  Run plain = run("check " + kMini + "--format json --no-summary '" + array_file.string() + "'");
  fs::remove(array_file);
  CHECK(strict.status == 0);
  CHECK(contains(strict.out, R"("id":"S-1")"));
  CHECK(contains(strict.out, R"("warnings":["applicant.entry_dat: unknown field \"entry_dat\""])"));
  CHECK(plain.status == 0);
  CHECK(contains(plain.out, R"("id":"S-1")"));
  CHECK_FALSE(contains(plain.out, "\"warnings\""));
  CHECK(without_warnings(strict.out) == plain.out);
}

TEST_CASE("check --strict leaves the batch fast path and still gives its results") {
  // bench/core.yaml takes the fast path; --strict reads the ordinary way.
  std::string record =
      lines_of(read_file(fs::path(REGULARIS_SOURCE_DIR) / "tests/checker/data/workload.jsonl"))
          .at(0);
  const std::string field = R"("entry_date":)";
  const std::size_t at = record.find(field);
  REQUIRE(at != std::string::npos);
  record.replace(at, field.size(), R"("entry_dat":)");
  const fs::path file =
      fs::temp_directory_path() / ("regularis-misspelt-" + std::to_string(getpid()) + ".jsonl");
  std::ofstream(file, std::ios::binary) << record << '\n';
  const std::string options = "check -p bench/core.yaml --format jsonl --no-summary ";
  Run strict = run(options + "--strict '" + file.string() + "'");
  Run plain = run(options + "'" + file.string() + "'");
  fs::remove(file);
  CHECK(strict.status == 0);
  CHECK(plain.status == 0);
  CHECK(contains(strict.out, R"("warnings":["applicant.entry_dat: unknown field \"entry_dat\""])"));
  CHECK_FALSE(contains(plain.out, "\"warnings\""));
  CHECK(contains(plain.out, R"("outcome":")"));
  CHECK(without_warnings(strict.out) == plain.out);
  // A batch without unknown fields gives the same results either way.
  Run workload_strict = run(options + "--strict tests/checker/data/workload.jsonl");
  Run workload = run(options + "tests/checker/data/workload.jsonl");
  CHECK(workload_strict.out.size() > 1000);
  CHECK(workload_strict.out == workload.out);
}

TEST_CASE("explain --strict lists the warnings and keeps the outcome") {
  Run strict = run("explain " + kMini + "--strict " + kMisspeltOne);
  Run plain = run("explain " + kMini + kMisspeltOne);
  CHECK(strict.status == 0);
  CHECK(plain.status == 0);
  CHECK(contains(strict.out, "Outcome     incomplete\n"));
  CHECK(contains(strict.out,
                 "\nWarnings\n"
                 "  applicant.entry_dat: warning: unknown field \"entry_dat\" "
                 "[facts.unknown_field]\n"));
  CHECK(contains(plain.out, "Outcome     incomplete\n"));
  CHECK_FALSE(contains(plain.out, "Warnings"));
}

TEST_CASE("screen --strict prints the warnings on stderr and the same screening") {
  const std::string options =
      "screen " + kMisspeltOne + " --as-of 2009-08-10 -p " + "tests/checker/data/mini.yaml";
  Run strict = run(options + " --strict");
  Run plain = run(options);
  CHECK(strict.status == 0);
  CHECK(strict.err ==
        "applicant.entry_dat: warning: unknown field \"entry_dat\" [facts.unknown_field]\n");
  CHECK(plain.status == 0);
  CHECK(plain.err.empty());
  CHECK(contains(plain.out, "incomplete"));
  CHECK(strict.out == plain.out);
}

TEST_CASE("ids from the application are escaped in text and cannot be formulas in CSV") {
  // Ids that would split or recolour a text result (a newline, ANSI escapes,
  // U+2028, a bidi override) and ids a spreadsheet would take for formulas,
  // on the batch path (JSON Lines) and the ordinary one (a JSON array).
  const std::vector<std::string> ids = {R"(E\n3)",
                                        R"(E\u001b[31mRED\u001b[0m4)",
                                        R"(E\u20286)",
                                        R"(E\u202eR)",
                                        R"(=HYPERLINK(\"http://x\"))",
                                        R"(+1)",
                                        R"(-2)",
                                        R"(@3)",
                                        R"(\tT)",
                                        R"(\rR)",
                                        R"(A-1 =x)"};
  std::vector<std::string> records;
  for (const std::string& id : ids) records.push_back(workload_record(R"("id":")" + id + R"(",)"));
  const BothPaths inputs("regularis-unsafe-ids", records);
  auto both = [&](const std::string& format) {
    const std::string options = "check -p bench/core.yaml --no-summary --format " + format + " ";
    const Run fast = run(options + "'" + inputs.jsonl() + "'");
    const Run ordinary = run(options + "'" + inputs.json() + "'");
    INFO("--format " << format);
    CHECK(fast.status == 0);
    CHECK(fast.out == ordinary.out);
    return fast.out;
  };
  const std::string text = both("text");
  const std::string csv = both("csv");
  const std::string jsonl = both("jsonl");

  // Text: a line per id, control characters escaped.
  std::vector<std::string> first_lines;
  for (const std::string& line : lines_of(text)) {
    if (!line.empty() && line[0] != ' ') first_lines.push_back(line.substr(0, line.find("  ")));
  }
  CHECK(first_lines == std::vector<std::string>{R"(E\n3)", R"(E\x1b[31mRED\x1b[0m4)", R"(E\u20286)",
                                                R"(E\u202eR)", R"(=HYPERLINK("http://x"))", "+1",
                                                "-2", "@3", R"(\tT)", R"(\rR)", "A-1 =x"});
  CHECK_FALSE(contains(text, "\x1b"));
  CHECK_FALSE(contains(text, "\r"));
  CHECK_FALSE(contains(text, "\t"));
  CHECK_FALSE(contains(text, "\xE2\x80\xA8"));

  // CSV: a cell starting with = + - @ tab or CR is quoted, a ' first.
  CHECK(contains(csv, "\n\"'=HYPERLINK(\"\"http://x\"\")\",bench-core,"));
  CHECK(contains(csv, "\n\"'+1\",bench-core,"));
  CHECK(contains(csv, "\n\"'-2\",bench-core,"));
  CHECK(contains(csv, "\n\"'@3\",bench-core,"));
  CHECK(contains(csv, "\n\"'\tT\",bench-core,"));
  CHECK(contains(csv, "\n\"'\rR\",bench-core,"));
  CHECK(contains(csv, "\nA-1 =x,bench-core,"));    // not at the start: as it is
  CHECK(contains(csv, "\n\"E\n3\",bench-core,"));  // RFC 4180 only

  // JSON Lines: escaped by JSON itself.
  CHECK(contains(jsonl, R"({"id":"E\n3",)"));
  CHECK(contains(jsonl, R"({"id":"E\u001b[31mRED\u001b[0m4",)"));
  CHECK(contains(jsonl, R"x({"id":"=HYPERLINK(\"http://x\")",)x"));
  CHECK(contains(jsonl, R"({"id":"\tT",)"));
}

TEST_CASE("check --strict escapes the id and the warning it prints on stderr for CSV") {
  const std::string record = workload_record(R"("id":"E\u001b[2J\n5","x\u001b[31m":1,)");
  const fs::path file =
      fs::temp_directory_path() / ("regularis-strict-id-" + std::to_string(getpid()) + ".jsonl");
  std::ofstream(file, std::ios::binary) << record << '\n';
  const Run r =
      run("check -p bench/core.yaml --no-summary --strict --format csv '" + file.string() + "'");
  fs::remove(file);
  CHECK(r.status == 0);
  CHECK(r.err.rfind(R"(regularis: E\x1b[2J\n5 (line 1): warning: )", 0) == 0);
  CHECK_FALSE(contains(r.err, "\x1b"));
  CHECK(lines_of(r.err).size() == 1);
}

TEST_CASE("lint counts the column and places the caret in characters, not bytes") {
  // Three two-byte characters (á, ç, ã) come before "foo": byte 67,
  // character 64.
  Run r = run("lint tests/checker/data/utf8-columns.yaml");
  CHECK(r.status == 2);
  const std::vector<std::string> lines = lines_of(r.out);
  REQUIRE(lines.size() >= 3);
  CHECK(lines[0].rfind("tests/checker/data/utf8-columns.yaml:11:64: error: ", 0) == 0);
  CHECK(lines[1] ==
        "   11 |         require: '\"irregul\xC3\xA1r a\xC3\xA7\xC3\xA3o\" == "
        "applicant.entry_mode and foo == 1'");
  CHECK(lines[2] == "      | " + std::string(63, ' ') + "^");
}
