// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Hostile application records: malformed bytes, numbers, dates, offsets and
// keys, a wrong type at every field of the format (walking the schema),
// truncated and empty input, BOM and CRLF, and every size limit of the
// reader. Each test asserts the exact diagnostic and that the next record of
// the same batch is read as if nothing had happened.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "regularis/facts/read.hpp"
#include "regularis/facts/schema.hpp"

using namespace regularis;

namespace {

using Lines = std::vector<std::string>;

const std::string kGood =
    R"({"format": "regularis.application/1", "id": "GOOD-1", "applicant": {"entry_date": "2008-11-03"}})";

std::string record(const std::string& body) {
  return R"({"format": "regularis.application/1")" + (body.empty() ? std::string() : ", " + body) +
         "}";
}

// "path code message" for each diagnostic.
Lines problems(const ReadResult& r) {
  Lines out;
  for (const auto& d : r.diagnostics) out.push_back(d.json_path + " " + d.code + " " + d.message);
  return out;
}

// Reads `bad` then a good record as one JSON Lines batch; checks that the
// good one is unaffected and returns the problems of the bad one.
Lines in_batch(const std::string& bad) {
  std::vector<ReadResult> results = read_batch(bad + "\n" + kGood + "\n");
  REQUIRE(results.size() == 2);
  CHECK_FALSE(results[0].is_valid());
  CHECK(results[1].is_valid());
  CHECK(results[1].diagnostics.empty());
  CHECK(results[1].id == "GOOD-1");
  CHECK(results[1].line == 2);
  return problems(results[0]);
}

}  // namespace

TEST_CASE("hostile bytes: invalid UTF-8 is a syntax error of its record only") {
  const Lines not_utf8{" facts.syntax the record is not valid UTF-8"};
  CHECK(in_batch(record("\"applicant\": {\"given_names\": \"Ana \xC3\x28 Mar\xFF\"}")) == not_utf8);
  // An overlong encoding of '/', a surrogate encoded in UTF-8, a stray
  // continuation byte, a truncated sequence at the end of the record.
  CHECK(in_batch(record("\"id\": \"\xC0\xAF\"")) == not_utf8);
  CHECK(in_batch(record("\"id\": \"\xED\xA0\x80\"")) == not_utf8);
  CHECK(in_batch(record("\"facts\": {\"\x80\": 1}")) == not_utf8);
  CHECK(in_batch(record("\"id\": \"x\"") + "\xE2\x82") == not_utf8);
  // A lone surrogate written as an escape.
  CHECK(in_batch(record(R"("applicant": {"family_name": "\ud800"})")) ==
        Lines{" facts.syntax the record is not valid JSON (Problem while parsing a string)"});
  // A NUL byte inside the line.
  CHECK(in_batch(std::string("{\"format\": \"regularis.application/1\",\0 \"id\": \"X\"}", 48)) ==
        Lines{" facts.syntax the record holds a NUL byte (at byte 38), which JSON text cannot"});
  // The id of a record that is not UTF-8 is not kept (a report writes it as JSON).
  std::vector<ReadResult> r = read_batch("{\"id\": \"\xFF\xFE\", \"x\": }\n");
  REQUIRE(r.size() == 1);
  CHECK(r[0].id.empty());
}

TEST_CASE("hostile numbers: overlong, huge, negative and not-a-number amounts") {
  const std::string digits400(400, '7');
  CHECK(in_batch(record(R"("payments": [{"fee": "f", "amount": )" + digits400 + "}]")) ==
        Lines{"payments[0].amount facts.too_long the number is 400 characters long; the limit is "
              "64"});
  CHECK(in_batch(record(R"("payments": [{"fee": "f", "amount": "12345678901234567890"}])")) ==
        Lines{"payments[0].amount facts.bad_decimal \"12345678901234567890\" has more than 18 "
              "significant digits"});
  CHECK(in_batch(record(R"("payments": [{"fee": "f", "amount": 1e999}])")) ==
        Lines{"payments[0].amount facts.bad_decimal \"1e999\" is out of range"});
  CHECK(in_batch(record(R"("payments": [{"fee": "f", "amount": "1e999"}])")) ==
        Lines{"payments[0].amount facts.bad_decimal \"1e999\" is out of range"});
  CHECK(in_batch(record(R"("payments": [{"fee": "f", "amount": 1e-999}])")) ==
        Lines{"payments[0].amount facts.bad_decimal \"1e-999\" has more than 18 digits after "
              "the point"});
  CHECK(in_batch(record(R"("payments": [{"fee": "f", "amount": -31.05}])")) ==
        Lines{"payments[0].amount facts.negative_amount -31.05 is negative"});
  CHECK(in_batch(record(R"("payments": [{"fee": "f", "amount": "-0.01"}])")) ==
        Lines{"payments[0].amount facts.negative_amount -0.01 is negative"});
  CHECK(in_batch(record(R"("payments": [{"fee": "f", "amount": "NaN"}])")) ==
        Lines{"payments[0].amount facts.bad_decimal \"NaN\" is not a decimal number"});
  CHECK(in_batch(record(R"("payments": [{"fee": "f", "amount": "Infinity"}])")) ==
        Lines{"payments[0].amount facts.bad_decimal \"Infinity\" is not a decimal number"});
  // NaN as a bare token is not JSON at all.
  CHECK(in_batch(record(R"("payments": [{"fee": "f", "amount": NaN}])")) ==
        Lines{" facts.syntax the record is not valid JSON (The JSON document has an improper "
              "structure: missing or superfluous commas, braces, missing keys, etc.)"});
  CHECK(
      in_batch(record(
          R"("applicant": {"criminal": {"convictions": [{"custody_days": 99999999999999999999}]}})")) ==
      Lines{"applicant.criminal.convictions[0].custody_days facts.bad_integer "
            "99999999999999999999 is out of range"});
  CHECK(
      in_batch(record(R"("applicant": {"criminal": {"convictions": [{"custody_days": 1.5}]}})")) ==
      Lines{"applicant.criminal.convictions[0].custody_days facts.wrong_type expected an "
            "integer, found 1.5"});
}

TEST_CASE("hostile dates and instants") {
  CHECK(in_batch(record(R"("applicant": {"date_of_birth": "2009-02-29"})")) ==
        Lines{"applicant.date_of_birth facts.bad_date 2009-02-29 is not a date"});
  CHECK(in_batch(record(R"("applicant": {"date_of_birth": "0000-01-01"})")) ==
        Lines{"applicant.date_of_birth facts.bad_date 0000-01-01 is not a date: the year must be "
              "0001 to 9999"});
  CHECK(in_batch(record(R"("applicant": {"date_of_birth": "10000-01-01"})")) ==
        Lines{"applicant.date_of_birth facts.bad_date \"10000-01-01\" is not a date in the form "
              "YYYY-MM-DD"});
  CHECK(in_batch(record(R"("applicant": {"entry_date": "2008-13-01"})")) ==
        Lines{"applicant.entry_date facts.bad_date 2008-13-01 is not a date"});
  CHECK(in_batch(record(R"("filed_at": "2009-12-30T23:30:00+25:00")")) ==
        Lines{"filed_at facts.bad_instant \"2009-12-30T23:30:00+25:00\" has a UTC offset beyond "
              "±18:00"});
  CHECK(in_batch(record(R"("filed_at": "2009-12-30T24:00:00Z")")) ==
        Lines{"filed_at facts.bad_instant \"2009-12-30T24:00:00Z\" is not a date and time: "
              "24:00:00 is not a time of day"});
  CHECK(in_batch(record(R"("filed_at": "2009-12-30T23:30:00")")) ==
        Lines{"filed_at facts.bad_instant \"2009-12-30T23:30:00\" has no UTC offset (add Z or "
              "±hh:mm)"});
}

TEST_CASE("hostile keys: duplicates at every level are each reported") {
  CHECK(
      in_batch(record(
          R"("id": "ONCE", "id": "AGAIN", "applicant": {"entry_date": "2008-11-03", "entry_date": "2008-11-04"}, "documents": [{"type": "a", "type": "b"}])")) ==
      Lines{"applicant.entry_date facts.duplicate_key duplicate key \"entry_date\"",
            "documents[0].type facts.duplicate_key duplicate key \"type\"",
            "id facts.duplicate_key duplicate key \"id\""});
}

namespace {

// What the reader says a field expects (the reader's wording).
std::string expected(const SchemaNode& node) {
  switch (node.type) {
    case FieldType::boolean:
      return "true or false";
    case FieldType::integer:
      return "an integer";
    case FieldType::decimal:
      return "a number or a decimal string";
    case FieldType::string:
      return "a string";
    case FieldType::date:
      return "a date string (YYYY-MM-DD)";
    case FieldType::date_or_instant:
      return "a date or date-time string";
    case FieldType::country:
      return "a country code string";
    case FieldType::list:
      return "a list";
    case FieldType::object:
    case FieldType::map:
      return "an object";
    case FieldType::any:
      return "a value";
  }
  return "a value";
}

struct Site {
  std::string path;  // JSON path, "applicant.absences[0].from"
  std::string json;  // a record body putting `@` at that place
  const SchemaNode* node;
};

// Every place of the schema, with the JSON that reaches it (`@` stands for
// the value put there).
void walk(const SchemaNode& node, const std::string& path, const std::string& json,
          std::vector<Site>& out) {
  if (!path.empty()) out.push_back({path, json, &node});
  auto nest = [&](const std::string& inner) {
    std::string s = json;
    s.replace(s.find('@'), 1, inner);
    return s;
  };
  if (node.type == FieldType::object) {
    for (const SchemaField& f : node.fields) {
      walk(f.node, path.empty() ? f.name : path + "." + f.name, nest("{\"" + f.name + "\": @}"),
           out);
    }
  } else if (node.type == FieldType::map) {
    walk(*node.element, path + ".some_key", nest("{\"some_key\": @}"), out);
  } else if (node.type == FieldType::list) {
    walk(*node.element, path + "[0]", nest("[@]"), out);
  }
}

}  // namespace

TEST_CASE("a value of the wrong type at every field of the format, one record each") {
  std::vector<Site> sites;
  walk(Schema::standard().root(), "", "@", sites);
  REQUIRE(sites.size() > 100);
  std::size_t tested = 0;
  for (const Site& site : sites) {
    if (site.node->type == FieldType::any || site.path == "format") continue;
    // A boolean where anything but a boolean belongs; a number where a boolean does.
    const bool is_bool = site.node->type == FieldType::boolean;
    std::string body = site.json;
    body.replace(body.find('@'), 1, is_bool ? "7" : "true");
    body = body.substr(1, body.size() - 2);  // the fields of the root object
    INFO(site.path);
    CHECK(in_batch(record(body)) ==
          Lines{site.path + " facts.wrong_type expected " + expected(*site.node) + ", found " +
                (is_bool ? "a number" : "a boolean")});
    ++tested;
  }
  CHECK(tested > 100);
}

TEST_CASE("truncated, empty and non-object input") {
  const std::string full = record(R"("applicant": {"entry_date": "2008-11-03"})");
  for (std::size_t cut : {std::size_t{1}, std::size_t{20}, full.size() / 2, full.size() - 1}) {
    INFO(cut);
    Lines p = in_batch(full.substr(0, cut));
    REQUIRE(p.size() == 1);
    CHECK(p[0].rfind(" facts.syntax the record is not valid JSON", 0) == 0);
  }
  CHECK(problems(read_application("")) == Lines{" facts.syntax the record is empty"});
  CHECK(problems(read_application(" \r\n\t ")) == Lines{" facts.syntax the record is empty"});
  CHECK(problems(read_application("\xEF\xBB\xBF")) == Lines{" facts.syntax the record is empty"});
  CHECK(read_batch("").empty());
  CHECK(read_batch("\n\r\n  \n").empty());
  CHECK(read_batch("\xEF\xBB\xBF").empty());
  // A line that is not an object (after a first record: a batch whose first
  // character is `[` is a JSON array).
  auto second_line = [](const std::string& line) {
    std::vector<ReadResult> r = read_batch(kGood + "\n" + line + "\n" + kGood + "\n");
    REQUIRE(r.size() == 3);
    CHECK(r[0].is_valid());
    CHECK(r[2].is_valid());
    return problems(r[1]);
  };
  CHECK(second_line("[1, 2]") == Lines{" facts.wrong_type expected an object, found a list"});
  CHECK(second_line("\"text\"") == Lines{" facts.wrong_type expected an object, found a string"});
  CHECK(second_line("null") == Lines{" facts.wrong_type expected an object, found null"});
  CHECK(second_line("42") == Lines{" facts.wrong_type expected an object, found a number"});
  CHECK(second_line("}{") == Lines{" facts.syntax the record is not valid JSON"});
  // A truncated JSON array ends the batch with one invalid result, which
  // says what was not read.
  std::vector<ReadResult> r = read_batch("[" + kGood + ", " + kGood.substr(0, 30));
  REQUIRE(r.size() == 2);
  CHECK(r[0].is_valid());
  CHECK_FALSE(r[1].is_valid());
  CHECK(problems(r[1]) ==
        Lines{" facts.syntax the record is not closed: the string opened at 1:111 is cut off by "
              "the end of the input",
              " facts.not_read the input from here to its end (30 bytes, line 1) was not read: no "
              "later line starts a new record"});
}

TEST_CASE("an array element cut anywhere does not swallow the next one") {
  // A one-element-per-line array whose middle element is truncated at every
  // byte: the truncated one is invalid and says it is not closed; the next
  // reads as if nothing had happened, and so does the array's end.
  const std::string full = record(
      R"("id": "CUT-1", "applicant": {"nationalities": ["BO", "PE"], "absences": [{"from": "2009-03-01", "to": "2009-03-20"}], "criminal": {"pending_proceedings": false}}, "documents": [])");
  REQUIRE(read_application(full).is_valid());
  for (std::size_t cut = 1; cut < full.size(); ++cut) {
    INFO(full.substr(0, cut));
    std::vector<ReadResult> r =
        read_batch("[\n" + kGood + ",\n" + full.substr(0, cut) + ",\n" + kGood + "\n]\n");
    REQUIRE(r.size() == 3);
    CHECK(r[0].is_valid());
    CHECK_FALSE(r[1].is_valid());
    CHECK(r[1].line == 3);
    REQUIRE_FALSE(r[1].diagnostics.empty());
    CHECK(r[1].diagnostics[0].message.rfind("the record is not closed: ", 0) == 0);
    CHECK(r[1].diagnostics.size() == 1);
    CHECK(r[2].is_valid());
    CHECK(r[2].diagnostics.empty());
    CHECK(r[2].id == "GOOD-1");
    CHECK(r[2].line == 4);
  }
}

TEST_CASE("BOM and CRLF line ends are accepted") {
  ReadResult one = read_application("\xEF\xBB\xBF" + kGood);
  CHECK(one.is_valid());
  std::vector<ReadResult> r =
      read_batch("\xEF\xBB\xBF" + kGood + "\r\n\r\n" + record("") + "\r\n" + kGood);
  REQUIRE(r.size() == 3);
  CHECK(r[0].is_valid());
  CHECK(r[1].is_valid());
  CHECK(r[1].line == 3);
  CHECK(r[2].is_valid());
  CHECK(r[2].line == 4);
  // A BOM anywhere but the start of the batch is not JSON.
  std::vector<ReadResult> r2 = read_batch(kGood + "\n\xEF\xBB\xBF" + kGood + "\n" + kGood);
  REQUIRE(r2.size() == 3);
  CHECK(r2[0].is_valid());
  CHECK(problems(r2[1]) == Lines{" facts.syntax the record is not valid JSON"});
  CHECK(r2[2].is_valid());
}

TEST_CASE("limits: a string or a field name longer than 64 KiB") {
  const std::string long_text(64 * 1024 + 1, 'x');
  CHECK(in_batch(record(R"("applicant": {"given_names": ")" + long_text + "\"}")) ==
        Lines{"applicant.given_names facts.too_long the string is 65537 bytes long; the limit is "
              "65536"});
  CHECK(in_batch(record(R"("facts": {"note": ")" + long_text + "\"}")) ==
        Lines{"facts.note facts.too_long the string is 65537 bytes long; the limit is 65536"});
  CHECK(in_batch(record("\"" + long_text + "\": 1")) ==
        Lines{" facts.too_long a field name is 65537 bytes long; the limit is 65536"});
  // Exactly at the limit is fine.
  ReadResult ok = read_application(
      record(R"("applicant": {"given_names": ")" + std::string(64 * 1024, 'x') + "\"}"));
  CHECK(ok.is_valid());
}

namespace {

std::string repeat(const std::string& item, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i == 0 ? "" : ",") + item;
  return out;
}

}  // namespace

TEST_CASE("limits: list elements, dependants, documents, fields, values") {
  CHECK(in_batch(record(R"("applicant": {"nationalities": [)" + repeat("\"BO\"", 10001) + "]}")) ==
        Lines{"applicant.nationalities facts.too_many_items the list has more than 10000 "
              "elements (the limit)"});
  CHECK(read_application(
            record(R"("applicant": {"nationalities": [)" + repeat("\"BO\"", 10000) + "]}"))
            .is_valid());
  CHECK(
      in_batch(record(R"("dependants": [)" + repeat(R"({"relationship": "child"})", 101) + "]")) ==
      Lines{"dependants facts.too_many_items the list has more than 100 elements (the limit)"});
  CHECK(read_application(
            record(R"("dependants": [)" + repeat(R"({"relationship": "child"})", 100) + "]"))
            .is_valid());
  CHECK(in_batch(record(R"("documents": [)" + repeat(R"({"type": "lease"})", 1001) + "]")) ==
        Lines{"documents facts.too_many_items the list has more than 1000 elements (the limit)"});
  std::string many_fields;
  for (int i = 0; i < 10001; ++i) many_fields += (i ? ",\"k" : "\"k") + std::to_string(i) + "\": 1";
  CHECK(in_batch(record(R"("facts": {)" + many_fields + "}")) ==
        Lines{"facts facts.too_many_items the object has more than 10000 fields (the limit)"});
  // 11 lists of 10,000 numbers: each list is within its limit, the record is not.
  std::string lists;
  for (int i = 0; i < 11; ++i) {
    lists += (i ? ",\"l" : "\"l") + std::to_string(i) + "\": [" + repeat("1", 10000) + "]";
  }
  CHECK(in_batch(record(R"("facts": {)" + lists + "}")) ==
        Lines{"facts.l9[9988] facts.too_many_values the record holds more than 100000 values "
              "(the limit)"});
}

TEST_CASE("limits: a 20 MB line is too large, and the batch goes on") {
  std::string huge = record(R"("facts": {"blob": ")" + std::string(20u << 20, 'a') + "\"}");
  std::vector<ReadResult> r = read_batch(kGood + "\n" + huge + "\n" + kGood + "\n");
  REQUIRE(r.size() == 3);
  CHECK(r[0].is_valid());
  CHECK(problems(r[1]) ==
        Lines{" facts.record_too_large the record is longer than 16777216 bytes"});
  CHECK(r[1].line == 2);
  CHECK(r[2].is_valid());
  CHECK(r[2].line == 3);
}

TEST_CASE("deep nesting is refused without exhausting the stack") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  Lines p = in_batch(record(R"("facts": {"x": )" + deep + "}"));
  REQUIRE(p.size() == 1);
  CHECK(p[0] ==
        " facts.syntax the record is not valid JSON (The JSON document was too deep (too "
        "many nested objects and arrays))");
  const std::string deep_objects = [] {
    std::string s;
    for (int i = 0; i < 300; ++i) s += "{\"a\": ";
    s += "1";
    for (int i = 0; i < 300; ++i) s += "}";
    return s;
  }();
  CHECK(in_batch(record(R"("facts": {"x": )" + deep_objects + "}")) ==
        Lines{" facts.syntax the record is not valid JSON (The JSON document was too deep (too "
              "many nested objects and arrays))"});
}
