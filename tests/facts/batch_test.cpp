// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Tests of batches: JSON Lines and JSON arrays from strings, streams and
// files; broken records that do not stop the batch; line numbers; CRLF, BOM,
// empty and truncated input; records over the size limit.
#include <sstream>

#include <catch2/catch.hpp>

#include "regularis/core/error.hpp"
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
        Lines{"1:A:facts.syntax"});
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
}
