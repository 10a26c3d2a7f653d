// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Tests of batches: JSON Lines and JSON arrays from strings, streams and
// files; broken records that do not stop the batch; line numbers; CRLF, BOM,
// empty and truncated input; records over the size limit.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "regularis/core/error.hpp"
#include "regularis/facts/csv.hpp"
#include "regularis/facts/read.hpp"

using namespace regularis;

namespace {

const std::string kFormat = R"("format": "regularis.application/1")";

std::string record(const std::string& id) { return "{" + kFormat + R"(, "id": ")" + id + "\"}"; }

// "line:id:valid-or-first-code" for each result.
std::vector<std::string> summary(const std::vector<ReadResult>& results) {
  std::vector<std::string> out;
  for (const auto& r : results) {
    std::string what = r.is_valid() ? "ok" : r.diagnostics[0].code;
    out.push_back(std::to_string(r.line) + ":" + r.id + ":" + what);
  }
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("JSON Lines: a broken line in the middle does not stop the batch") {
  BatchReader reader(std::string(REGULARIS_SOURCE_DIR) + "/tests/facts/data/batch.jsonl");
  std::vector<ReadResult> results;
  ReadResult r;
  while (reader.next(r)) results.push_back(std::move(r));
  CHECK(summary(results) ==
        Lines{"1:A-1:ok", "3:A-2:facts.syntax", "4:A-3:facts.bad_date", "6:A-4:ok"});
  CHECK(results[2].diagnostics[0].json_path == "applicant.date_of_birth");
  CHECK(results[0].facts->find("applicant.entry_date").as_date() ==
        Date::parse("2008-11-03").value());
  CHECK_FALSE(reader.next(r));  // stays at the end
}

TEST_CASE("JSON Lines from a string, with CRLF line ends and a BOM") {
  std::string text =
      "\xEF\xBB\xBF" + record("A") + "\r\n\r\n" + record("B") + "\r\n{\r\n" + record("C");
  CHECK(summary(read_batch(text)) == Lines{"1:A:ok", "3:B:ok", "4::facts.syntax", "5:C:ok"});
}

TEST_CASE("JSON array input, one record per element") {
  std::string text = "\n[\n  " + record("A") + ",\n  " + record("B") + ",\n  {\"id\": \"C\"},\n  " +
                     "{" + kFormat + R"(, "id": "D", "applicant": {"entry_date": "2009-02-29"}})" +
                     "\n]\n";
  auto results = read_batch(text);
  CHECK(summary(results) ==
        Lines{"3:A:ok", "4:B:ok", "5:C:facts.bad_format", "6:D:facts.bad_date"});
  CHECK(read_batch("[]").empty());
  CHECK(read_batch("  [ ]  \n").empty());
  // Commas and brackets inside strings do not split records.
  CHECK(summary(read_batch("[{" + kFormat + R"(, "id": "a,]\"}["}])")) == Lines{"1:a,]\"}[:ok"});
}

TEST_CASE("JSON array framing errors") {
  CHECK(summary(read_batch("[" + record("A") + ",")) == Lines{"1:A:ok", "1::facts.syntax"});
  CHECK(summary(read_batch("[" + record("A"))) == Lines{"1:A:ok", "1::facts.syntax"});
  CHECK(summary(read_batch("[" + record("A") + ",]")) == Lines{"1:A:ok", "1::facts.syntax"});
  CHECK(summary(read_batch("[" + record("A") + "] x")) == Lines{"1:A:ok", "1::facts.syntax"});
  CHECK(summary(read_batch("[" + record("A") + " " + record("B") + "]")) ==
        Lines{"1:A:ok", "1:B:facts.syntax"});
  auto unclosed = read_batch("[" + record("A"));
  CHECK(unclosed[1].diagnostics[0].message == "the array is not closed with ]");
}

TEST_CASE("empty and truncated input") {
  CHECK(read_batch("").empty());
  CHECK(read_batch("\n\n  \r\n").empty());
  CHECK(read_batch("\xEF\xBB\xBF").empty());
  std::string full = record("A") + "\n" + record("B") + "\n";
  std::string truncated = full.substr(0, full.size() - 2);  // ends in "id": "B"
  CHECK(summary(read_batch(truncated)) == Lines{"1:A:ok", "2:B:facts.syntax"});
  CHECK(summary(read_batch(record("A"))) == Lines{"1:A:ok"});  // no final newline
}

TEST_CASE("a record over the size limit is reported and skipped") {
  ReadOptions options;
  options.max_record_bytes = 100;
  std::string big =
      "{" + kFormat + R"(, "id": "BIG", "facts": {"x": ")" + std::string(500, 'x') + "\"}}";
  std::string text = record("A") + "\n" + big + "\n" + record("B") + "\n";
  auto results = read_batch(text, options);
  CHECK(summary(results) == Lines{"1:A:ok", "2::facts.record_too_large", "3:B:ok"});
  CHECK(results[1].diagnostics[0].message == "the record is longer than 100 bytes");
  // The same in an array.
  std::string array = "[" + record("A") + ",\n" + big + ",\n" + record("B") + "]";
  CHECK(summary(read_batch(array, options)) ==
        Lines{"1:A:ok", "2::facts.record_too_large", "3:B:ok"});
}

TEST_CASE("long batches stream across chunk boundaries") {
  std::ostringstream text;
  const int kCount = 3000;  // about 150 KB: several 64 KiB chunks
  for (int i = 0; i < kCount; ++i) {
    if (i == 1234) text << "{\"format\": \"regularis.application/1\", \"id\": \n";
    text << record("R" + std::to_string(i)) << "\n";
  }
  std::istringstream in(text.str());
  BatchReader reader(in);
  int valid = 0;
  std::size_t invalid_line = 0;
  std::size_t last_line = 0;
  std::size_t count = reader.for_each([&](ReadResult& r) {
    if (r.is_valid()) {
      ++valid;
    } else {
      invalid_line = r.line;
    }
    last_line = r.line;
  });
  CHECK(count == kCount + 1);
  CHECK(valid == kCount);
  CHECK(invalid_line == 1235);
  CHECK(last_line == kCount + 1);
}

TEST_CASE("long arrays stream across chunk boundaries") {
  std::string text = "[";
  const int kCount = 3000;
  for (int i = 0; i < kCount; ++i) text += (i == 0 ? "" : ",\n") + record("R" + std::to_string(i));
  text += "]";
  auto results = read_batch(text);
  REQUIRE(results.size() == kCount);
  CHECK(results.back().id == "R2999");
  CHECK(results.back().line == kCount);
  CHECK(results.back().is_valid());
}

TEST_CASE("a missing file is an IoError") {
  CHECK_THROWS_AS(BatchReader("/nonexistent/applications.jsonl"), IoError);
  // The message says why, once: what() adds the code itself.
  CHECK_THROWS_WITH(BatchReader("/nonexistent/applications.jsonl"),
                    "[io.open] cannot open /nonexistent/applications.jsonl: No such file or "
                    "directory");
  CHECK_THROWS_WITH(CsvReader("/nonexistent/applications.csv"),
                    "[io.open] cannot open /nonexistent/applications.csv: No such file or "
                    "directory");
  // A directory opens on Linux, then every read fails: it is named at once.
  CHECK_THROWS_WITH(BatchReader("tests/facts/data"),
                    "[io.open] cannot read tests/facts/data: it is a directory");
  CHECK_THROWS_WITH(CsvReader("tests/facts/data"),
                    "[io.open] cannot read tests/facts/data: it is a directory");
}

TEST_CASE("a stream that fails while reading is an IoError saying so once") {
  std::ifstream directory("tests/facts/data");  // opens; reading it fails
  REQUIRE(directory.is_open());
  BatchReader reader(directory);
  ReadResult r;
  CHECK_THROWS_WITH(reader.next(r), "[io.read] reading a batch of applications failed");
}

namespace {

// "line:col code message" for each diagnostic of a record.
Lines problems(const ReadResult& r) {
  Lines out;
  for (const auto& d : r.diagnostics) {
    out.push_back(d.location.to_string() + " " + d.code + " " + d.message);
  }
  return out;
}

// Checks that `r` reads exactly as `expected`: id, programme, line, facts, diagnostics.
void same_record(const ReadResult& r, const ReadResult& expected) {
  CHECK(r.id == expected.id);
  CHECK(r.programme == expected.programme);
  CHECK(r.line == expected.line);
  CHECK(problems(r) == problems(expected));
  REQUIRE(r.is_valid() == expected.is_valid());
  if (r.is_valid()) CHECK(r.facts->root() == expected.facts->root());
}

// A record whose date of birth is written by `date` (a broken one drops a quote).
std::string person(const std::string& id, const std::string& date) {
  return "{" + kFormat + R"(, "id": ")" + id + R"(", "applicant": {"date_of_birth": )" + date +
         "}}";
}

}  // namespace

TEST_CASE("JSON array: an unterminated string in the middle of a one-per-line array") {
  const std::string broken = person("A2", "\"1980-01-01}");  // the closing quote is missing
  const std::string text = "[" + record("A1") + ",\n" + broken + ",\n" + record("A3") + "]\n";
  const auto results = read_batch(text);
  CHECK(summary(results) == Lines{"1:A1:ok", "2:A2:facts.syntax", "3:A3:ok"});
  REQUIRE(results.size() == 3);
  CHECK(problems(results[1]) ==
        Lines{"2:1 facts.syntax the record is not closed: a quote is unpaired on line 2 (the "
              "string opened at 2:82 runs to its end); reading resumes at line 3"});
  CHECK(broken.substr(81, 12) == "\"1980-01-01}");  // column 82 is that string's quote
  // The record after it reads as it does when nothing is broken.
  const auto fixed = read_batch("[" + record("A1") + ",\n" + person("A2", "\"1980-01-01\"") +
                                ",\n" + record("A3") + "]\n");
  CHECK(summary(fixed) == Lines{"1:A1:ok", "2:A2:ok", "3:A3:ok"});
  same_record(results[2], fixed[2]);
}

TEST_CASE("JSON array: an unterminated string in the middle of a pretty-printed array") {
  // Elements over many lines, each `{` on its own line; the middle one has a
  // string cut by the end of its line, and its closing brackets follow.
  const std::string text =
      "[\n"
      "  {\n"
      "    \"format\": \"regularis.application/1\",\n"
      "    \"id\": \"A1\"\n"
      "  },\n"
      "  {\n"
      "    \"format\": \"regularis.application/1\",\n"
      "    \"id\": \"A2\",\n"
      "    \"applicant\": {\n"
      "      \"date_of_birth\": \"1980-01-01\n"
      "    }\n"
      "  },\n"
      "  {\n"
      "    \"format\": \"regularis.application/1\",\n"
      "    \"id\": \"A3\",\n"
      "    \"applicant\": {\"entry_date\": \"2009-02-29\"}\n"
      "  }\n"
      "]\n";
  const auto results = read_batch(text);
  CHECK(summary(results) == Lines{"2:A1:ok", "6:A2:facts.syntax", "13:A3:facts.bad_date"});
  REQUIRE(results.size() == 3);
  CHECK(problems(results[1]) ==
        Lines{"6:3 facts.syntax a quote is unpaired on line 10 (the string opened at 10:24 runs "
              "to its end)"});
  CHECK(problems(results[2]) == Lines{" facts.bad_date 2009-02-29 is not a date"});
  CHECK(results[2].diagnostics[0].json_path == "applicant.entry_date");
  // A broken id is not taken for one (it would run across lines).
  std::string broken_id = text;
  broken_id.replace(broken_id.find("\"1980-01-01\n"), 12, "\"1980-01-01\"\n");
  broken_id.replace(broken_id.find("\"A2\","), 5, "\"A2,");
  const auto no_id = read_batch(broken_id);
  CHECK(summary(no_id) == Lines{"2:A1:ok", "6::facts.syntax", "13:A3:facts.bad_date"});
  REQUIRE(no_id.size() == 3);
  CHECK(problems(no_id[1]) == Lines{"6:3 facts.syntax a quote is unpaired on line 8 (the string "
                                    "opened at 8:11 runs to its end)"});
  // The same with the string also swallowing the closing brackets: the next
  // element's `{`, at A2's own indentation, is where reading resumes.
  std::string swallowed = text;
  swallowed.replace(swallowed.find("\"1980-01-01\n    }\n  },\n"), 23, "\"1980-01-01}},\n");
  const auto again = read_batch(swallowed);
  CHECK(summary(again) == Lines{"2:A1:ok", "6:A2:facts.syntax", "11:A3:facts.bad_date"});
  REQUIRE(again.size() == 3);
  CHECK(problems(again[1]) ==
        Lines{"6:3 facts.syntax the record is not closed: a quote is unpaired on line 10 (the "
              "string opened at 10:24 runs to its end); reading resumes at line 11"});
}

TEST_CASE("JSON array: an unclosed object resumes at the next element's line") {
  // One per line: A2's applicant is closed, A2 itself is not.
  const std::string unclosed =
      "{" + kFormat + R"(, "id": "A2", "applicant": {"entry_date": "2008-11-03"})";
  auto results = read_batch("[" + record("A1") + ",\n" + unclosed + ",\n" + record("A3") + ",\n" +
                            record("A4") + "\n]\n");
  CHECK(summary(results) == Lines{"1:A1:ok", "2:A2:facts.syntax", "3:A3:ok", "4:A4:ok"});
  REQUIRE(results.size() == 4);
  CHECK(problems(results[1]) ==
        Lines{"2:1 facts.syntax the record is not closed: a { or [ in it is still open at line 3, "
              "where reading resumes"});
  // Pretty-printed: A2 lacks the line that closes its applicant.
  const std::string pretty =
      "[\n"
      "    {\"format\": \"regularis.application/1\", \"id\": \"A1\"},\n"
      "    {\n"
      "        \"format\": \"regularis.application/1\",\n"
      "        \"id\": \"A2\",\n"
      "        \"applicant\": {\n"
      "            \"absences\": [\n"
      "                {\"from\": \"2009-03-01\", \"to\": \"2009-03-20\"}\n"
      "            ]\n"
      "    },\n"
      "    {\n"
      "        \"format\": \"regularis.application/1\",\n"
      "        \"id\": \"A3\"\n"
      "    }\n"
      "]\n";
  results = read_batch(pretty);
  CHECK(summary(results) == Lines{"2:A1:ok", "3:A2:facts.syntax", "11:A3:ok"});
  REQUIRE(results.size() == 3);
  CHECK(problems(results[1]) ==
        Lines{"3:5 facts.syntax the record is not closed: a { or [ in it is still open at line "
              "11, where reading resumes"});
  // The last element unclosed: the array's `]` on its own line ends it.
  results = read_batch("[" + record("A1") + ",\n" + unclosed + "\n]\n");
  CHECK(summary(results) == Lines{"1:A1:ok", "2:A2:facts.syntax"});
}

TEST_CASE("JSON array: a missing comma is reported on the record after it, and no record is lost") {
  // Before: A and B were read as one invalid record, and B's id was lost.
  auto results = read_batch("[\n" + record("A") + "\n" + record("B") + ",\n" + record("C") + "\n" +
                            record("D") + "\n" + record("E") + "\n]\n");
  CHECK(summary(results) ==
        Lines{"2:A:ok", "3:B:facts.syntax", "4:C:ok", "5:D:facts.syntax", "6:E:facts.syntax"});
  REQUIRE(results.size() == 5);
  CHECK(problems(results[1]) == Lines{"3:1 facts.syntax a comma is missing before this record"});
  CHECK(problems(results[4]) == Lines{"6:1 facts.syntax a comma is missing before this record"});
  // On one line, between lists too; the element after keeps its own errors.
  results = read_batch("[" + record("A") + " {\"id\": \"B\"}]");
  CHECK(summary(results) == Lines{"1:A:ok", "1:B:facts.bad_format"});
  REQUIRE(results.size() == 2);
  CHECK(problems(results[1]).back() == "1:" + std::to_string(record("A").size() + 3) +
                                           " facts.syntax a comma is missing before this record");
  results = read_batch("[[1] [2]]");
  CHECK(summary(results) == Lines{"1::facts.wrong_type", "1::facts.wrong_type"});
  REQUIRE(results.size() == 2);
  CHECK(problems(results[1]).back() == "1:6 facts.syntax a comma is missing before this record");
}

TEST_CASE("JSON array: an unclosed list resumes where the next element starts") {
  // Where JSON allows a `{` (an item of the open list), A2 is cut only once
  // it never closes: at the end of the input here.
  const std::string open_list =
      "{" + kFormat + R"(, "id": "A2", "applicant": {"nationalities": ["BO",)";
  const std::string text = "[\n" + record("A1") + ",\n" + open_list + "\n" + record("A3") + ",\n" +
                           record("A4") + "\n]\n";
  const auto results = read_batch(text);
  CHECK(summary(results) == Lines{"2:A1:ok", "3:A2:facts.syntax", "4:A3:ok", "5:A4:ok"});
  REQUIRE(results.size() == 4);
  CHECK(problems(results[1]) ==
        Lines{"3:1 facts.syntax the record is not closed: a { or [ in it is still open at line 4, "
              "where reading resumes"});
  // A valid element whose list items start lines at its own indentation is
  // not cut (JSON written with no indentation at all).
  const std::string flat =
      "[\n{\n\"format\": \"regularis.application/1\",\n\"id\": \"F1\",\n\"applicant\": {\n"
      "\"absences\": [\n{\n\"from\": \"2009-03-01\",\n\"to\": \"2009-03-20\"\n},\n{\n"
      "\"from\": \"2009-04-01\",\n\"to\": \"2009-04-02\"\n}\n]\n}\n},\n{\n"
      "\"format\": \"regularis.application/1\",\n\"id\": \"F2\"\n}\n]\n";
  CHECK(summary(read_batch(flat)) == Lines{"2:F1:ok", "18:F2:ok"});
}

TEST_CASE("JSON array: a broken last element says what was not read") {
  // Nothing to resume at: the rest of the input is this one record.
  const std::string broken = person("A3", "\"1980-01-01}]");
  auto results = read_batch("[" + record("A1") + ",\n" + record("A2") + ",\n" + broken + "\n");
  CHECK(summary(results) == Lines{"1:A1:ok", "2:A2:ok", "3:A3:facts.syntax"});
  REQUIRE(results.size() == 3);
  CHECK(problems(results[2]) ==
        Lines{"3:1 facts.syntax the record is not closed: a quote is unpaired on line 3 (the "
              "string opened at 3:82 runs to its end)",
              "3:1 facts.not_read the input from here to its end (97 bytes, line 3) was not "
              "read: no later line starts a new record"});
  CHECK(broken.size() + 1 == 97);
  // Without a final newline the string is cut off by the end of the input.
  results = read_batch("[" + record("A1") + ",\n" + broken);
  REQUIRE(results.size() == 2);
  CHECK(problems(results[1])[0] ==
        "2:1 facts.syntax the record is not closed: the string opened at 2:82 is cut off by the "
        "end of the input");
  // Several elements on the broken element's line are lost with it, and said to be.
  results = read_batch("[" + record("A1") + ",\n" + person("A2", "\"1980") + ", " + record("A3") +
                       ",\n" + record("A4") + "]\n");
  CHECK(summary(results) == Lines{"1:A1:ok", "2:A2:facts.syntax", "3:A4:ok"});
  REQUIRE(results.size() == 3);
  CHECK(problems(results[1]) ==
        Lines{"2:1 facts.syntax the record is not closed: a quote is unpaired on line 2 (the "
              "string opened at 2:138 runs to its end); reading resumes at line 3"});
  // An unclosed object as the last element, then the end of the input.
  results = read_batch("[" + record("A1") + ",\n{\"id\": \"A2\", \"applicant\": {}\n\n");
  REQUIRE(results.size() == 2);
  CHECK(problems(results[1]) ==
        Lines{"2:1 facts.syntax the record is not closed: a { or [ in it is still open at the end "
              "of the input",
              "2:1 facts.not_read the input from here to its end (30 bytes, lines 2 to 3) was not "
              "read: no later line starts a new record"});
  CHECK(results[1].id == "A2");
}

TEST_CASE("JSON array: hostile framing") {
  CHECK(summary(read_batch("[")) == Lines{"1::facts.syntax"});
  CHECK(problems(read_batch("[")[0]) == Lines{" facts.syntax the array is not closed with ]"});
  // `[{` and nothing else.
  auto results = read_batch("[{");
  REQUIRE(results.size() == 1);
  CHECK(problems(results[0]) ==
        Lines{"1:2 facts.syntax the record is not closed: a { or [ in it is still open at the end "
              "of the input",
              "1:2 facts.not_read the input from here to its end (1 byte, line 1) was not read: "
              "no later line starts a new record"});
  // `[{` then garbage over several lines, with quotes, brackets and NULs.
  std::string garbage = "[{\x01\"\n{{{{\n]]]]\"\n,,,{\n\0\0\"x\n]}]}\n{\"y\n";
  garbage.append(std::string("\0\xFF", 2));
  results = read_batch(garbage);
  REQUIRE_FALSE(results.empty());
  std::size_t last_line = 0;
  for (const ReadResult& r : results) {
    CHECK_FALSE(r.is_valid());
    CHECK(r.diagnostics.has_errors());
    CHECK(r.line >= last_line);
    last_line = r.line;
  }
  // Text after the closing `]` says how much was not read.
  results = read_batch("[" + record("A") + "]\n" + "[" + record("B") + "]\n");
  CHECK(summary(results) == Lines{"1:A:ok", "2::facts.syntax"});
  REQUIRE(results.size() == 2);
  CHECK(problems(results[1]) ==
        Lines{"2:1 facts.syntax unexpected text after the array",
              "2:1 facts.not_read the input from here to its end (51 bytes, line 2) was not read"});
}

TEST_CASE("JSON array: a broken element over the size limit") {
  ReadOptions options;
  options.max_record_bytes = 100;
  // A string over the limit that runs to the end of its line.
  const std::string long_string =
      "{" + kFormat + R"(, "id": "A2", "facts": {"x": ")" + std::string(500, 'x');
  auto results =
      read_batch("[" + record("A1") + ",\n" + long_string + "\n" + record("A3") + "]", options);
  CHECK(summary(results) == Lines{"1:A1:ok", "2::facts.syntax", "3:A3:ok"});
  REQUIRE(results.size() == 3);
  CHECK(problems(results[1]) ==
        Lines{"2:1 facts.syntax the record is not closed: a quote is unpaired on line 2 (the "
              "string opened at 2:66 runs to its end); reading resumes at line 3"});
  // An open list over the limit, followed by many elements that JSON could
  // take as its items: reading resumes at the first, having looked no more
  // than the limit past it.
  std::string text = "[" + record("A1") + ",\n{" + kFormat + R"(, "id": "A2", "facts": {"x": [)";
  for (int i = 0; i < 100; ++i) text += "1,";
  Lines expected{"1:A1:ok", "2::facts.syntax"};
  for (int i = 3; i < 40; ++i) {
    text += "\n" + record("R" + std::to_string(i)) + ",";
    expected.push_back(std::to_string(i) + ":R" + std::to_string(i) + ":ok");
  }
  text += "\n" + record("LAST") + "]";
  expected.push_back("40:LAST:ok");
  results = read_batch(text, options);
  CHECK(summary(results) == expected);
  REQUIRE(results.size() > 1);
  CHECK(problems(results[1]) ==
        Lines{"2:1 facts.syntax the record is not closed: a { or [ in it is still open at line 3, "
              "where reading resumes"});
  // A 20 MB element that never closes, with the default limit.
  const std::string huge = "{" + kFormat + R"(, "facts": {"blob": [)" + std::string(20u << 20, '1');
  results = read_batch("[" + record("A1") + ",\n" + huge + "\n" + record("A3") + "]");
  CHECK(summary(results) == Lines{"1:A1:ok", "2::facts.syntax", "3:A3:ok"});
}

TEST_CASE("JSON array: elements that never close cost linear time") {
  // Each line opens a list that JSON could continue on the next line: every
  // element is read again from the next line, until the reader's budget for
  // reading text again (the input read plus the record limit) is spent; then
  // the rest is reported as not read.
  ReadOptions options;
  options.max_record_bytes = 1000;
  std::string text = "[\n";
  const int kLines = 20000;
  for (int i = 0; i < kLines; ++i) text += "{\"a\": [\n";
  const auto results = read_batch(text, options);
  REQUIRE(results.size() > 10);
  CHECK(results.size() < kLines);
  CHECK(problems(results[0]) ==
        Lines{"2:1 facts.syntax the record is not closed: a { or [ in it is still open at line 3, "
              "where reading resumes"});
  CHECK(results[1].line == 3);
  CHECK(results.back().diagnostics.size() == 2);
  CHECK(results.back().diagnostics[1].code == "facts.not_read");
}
