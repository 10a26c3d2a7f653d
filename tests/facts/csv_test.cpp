// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Tests of CSV batches (CsvReader): RFC 4180 quoting, line ends and BOM;
// how cells are typed by their column; elements of lists of objects and
// their gaps; diagnostics pointing at the column and cell; every header
// problem at once; extra cells and missing ones; a quote never closed,
// which ends its row with its first line so that the rows after it are
// read (across chunks, within the size limit and the budget for reading
// again); rows over the size limit; and a CSV row reading to the same Facts
// as its JSON twin.
#include <algorithm>
#include <cstdio>
#include <sstream>

#include <catch2/catch.hpp>

#include "regularis/facts/csv.hpp"
#include "regularis/facts/read.hpp"

using namespace regularis;

namespace {

using Lines = std::vector<std::string>;

std::vector<ReadResult> read_csv(const std::string& text, ReadOptions options = {}) {
  std::istringstream in(text);
  CsvReader reader(in, "t.csv", options);
  std::vector<ReadResult> results;
  reader.for_each([&](ReadResult& r) { results.push_back(std::move(r)); });
  return results;
}

// "line:id:valid-or-first-error-code" for each result.
Lines summary(const std::vector<ReadResult>& results) {
  Lines out;
  for (const auto& r : results) {
    std::string what = "ok";
    if (!r.is_valid()) {
      const auto error = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                      [](const auto& d) { return d.severity == Severity::error; });
      REQUIRE(error != r.diagnostics.end());
      what = error->code;
    }
    out.push_back(std::to_string(r.line) + ":" + r.id + ":" + what);
  }
  return out;
}

// "file:line:col path code message" for each diagnostic.
Lines problems(const Diagnostics& diagnostics) {
  Lines out;
  for (const auto& d : diagnostics) {
    out.push_back(d.location.to_string() + " " + d.json_path + " " + d.code + " " + d.message);
  }
  return out;
}

const std::string* text(const ReadResult& r, const char* path) {
  REQUIRE(r.is_valid());
  return r.facts->find(path).as_string();
}

}  // namespace

TEST_CASE("CSV: quoted cells, escaped quotes, embedded newlines, CRLF and a BOM") {
  const std::string csv =
      "\xEF\xBB\xBFid,applicant.given_names,applicant.family_name\r\n"
      "Q-1,\"Ana, \"\"Nina\"\"\",Quispe\r\n"
      "\r\n"
      "Q-2,\"two\nlines\",\"\"\r\n"
      "Q-3,plain,\"\"\"\"";
  const auto results = read_csv(csv);
  CHECK(summary(results) == Lines{"2:Q-1:ok", "4:Q-2:ok", "6:Q-3:ok"});
  REQUIRE(results.size() == 3);
  CHECK(*text(results[0], "applicant.given_names") == "Ana, \"Nina\"");
  CHECK(*text(results[0], "applicant.family_name") == "Quispe");
  CHECK(*text(results[1], "applicant.given_names") == "two\nlines");
  CHECK(results[1].facts->find("applicant.family_name").is_unknown());  // "" is an empty cell
  CHECK(*text(results[2], "applicant.family_name") == "\"");
}

TEST_CASE("CSV: blank rows and rows of empty cells are skipped, no rows, no records") {
  CHECK(summary(read_csv("id\n\nA\n,\n   \nB\n")) == Lines{"3:A:ok", "6:B:ok"});
  CHECK(summary(read_csv("id,filed_at\n,\nA,\n ,  \n")) == Lines{"3:A:ok"});
  CHECK(read_csv("").empty());
  CHECK(read_csv("\n\n").empty());
  CHECK(read_csv("id\n").empty());
  std::istringstream empty("");
  CsvReader reader(empty, "t.csv");
  CHECK(reader.header().empty());
}

TEST_CASE("CSV: cells are typed by their column") {
  const std::string header =
      "id,applicant.present_at_filing,applicant.job_offer.duration_months,"
      "applicant.nationalities,applicant.absences,applicant.job_offer.hours_per_week,"
      "facts.count,facts.flag,facts.ratio,facts.note,facts.code,facts.huge\n";
  const auto results = read_csv(header +
                                "T-1,true,12, BO ; PE ;,[],37.50,3,false,0.25,hello,007,"
                                "0.12345678901234567\n"
                                "T-2,false,,[]\n"
                                "T-3\n");
  REQUIRE(summary(results) == Lines{"2:T-1:ok", "3:T-2:ok", "4:T-3:ok"});
  const Facts& t1 = *results[0].facts;
  CHECK(t1.find("applicant.present_at_filing").as_bool() == true);
  CHECK(t1.find("applicant.job_offer.duration_months").as_integer() == 12);
  const auto* nationalities = t1.find("applicant.nationalities").as_list();
  REQUIRE(nationalities != nullptr);
  REQUIRE(nationalities->size() == 2);
  CHECK((*nationalities)[0].as_country()->code() == "BO");
  CHECK((*nationalities)[1].as_country()->code() == "PE");
  REQUIRE(t1.find("applicant.absences").as_list() != nullptr);  // [] is a known "none"
  CHECK(t1.find("applicant.absences").as_list()->empty());
  CHECK(t1.find("applicant.job_offer.hours_per_week").as_decimal() ==
        Decimal::parse("37.5").value());
  CHECK(t1.find("facts.count").as_integer() == 3);
  CHECK(t1.find("facts.flag").as_bool() == false);
  CHECK(t1.find("facts.ratio").as_decimal() == Decimal::parse("0.25").value());
  CHECK(*t1.find("facts.note").as_string() == "hello");
  CHECK(*t1.find("facts.code").as_string() == "007");  // not a JSON number: text
  // More digits than a double holds: kept as text rather than rounded.
  CHECK(*t1.find("facts.huge").as_string() == "0.12345678901234567");

  const Facts& t2 = *results[1].facts;
  CHECK(t2.find("applicant.present_at_filing").as_bool() == false);
  CHECK(t2.find("applicant.job_offer.duration_months").is_unknown());  // empty cell
  REQUIRE(t2.find("applicant.nationalities").as_list() != nullptr);
  CHECK(t2.find("applicant.nationalities").as_list()->empty());
  CHECK(t2.find("applicant.absences").is_unknown());  // a missing cell is empty

  const Facts& t3 = *results[2].facts;
  CHECK(t3.find("applicant.present_at_filing").is_unknown());
  CHECK(t3.format() == "regularis.application/1");
}

TEST_CASE("CSV: a cell that does not fit its column is reported as the JSON reader would") {
  const auto results = read_csv(
      "id,applicant.present_at_filing,applicant.job_offer.duration_months,applicant.absences\n"
      "W-1,yes,1.5,none\n");
  REQUIRE(results.size() == 1);
  CHECK(problems(results[0].diagnostics) ==
        Lines{"t.csv:2:5 applicant.present_at_filing facts.wrong_type expected true or false, "
              "found a string",
              "t.csv:2:9 applicant.job_offer.duration_months facts.wrong_type expected an "
              "integer, found 1.5",
              "t.csv:2:13 applicant.absences facts.wrong_type expected a list, found a string"});
  CHECK(results[0].id == "W-1");
  CHECK_FALSE(results[0].is_valid());
}

TEST_CASE("CSV: elements of lists of objects, in index order, gaps closed") {
  const std::string header =
      "id,documents[0].type,documents[0].verified,documents[2].type,documents[5].type,"
      "applicant.absences[1].from,applicant.absences[1].to\n";
  const auto results = read_csv(header +
                                "D-1,passport,true,,lease,2009-03-01,2009-03-20\n"
                                "D-2,,,,Lease,,\n");
  REQUIRE(summary(results) == Lines{"2:D-1:ok", "3:D-2:facts.bad_identifier"});
  const auto* documents = results[0].facts->find("documents").as_list();
  REQUIRE(documents != nullptr);
  REQUIRE(documents->size() == 2);  // documents[2] has no value: no element
  CHECK(*(*documents)[0].find(*FactPath::parse("type")).as_string() == "passport");
  CHECK((*documents)[0].find(*FactPath::parse("verified")).as_bool() == true);
  CHECK(*(*documents)[1].find(*FactPath::parse("type")).as_string() == "lease");
  const auto* absences = results[0].facts->find("applicant.absences").as_list();
  REQUIRE(absences != nullptr);
  CHECK(absences->size() == 1);
  // documents[5] became documents[0] of D-2; the diagnostic names the column.
  CHECK(problems(results[1].diagnostics) ==
        Lines{"t.csv:3:8 documents[5].type facts.bad_identifier \"Lease\" is not a snake_case "
              "identifier"});
}

TEST_CASE("CSV: a bad date names the column and the cell's line and column") {
  const auto results = read_csv(
      "id,filed_at,applicant.date_of_birth,applicant.nationalities\n"
      "B-1,2009-08-01,2009-02-30,BO;bo\n"
      "B-2,\"2009-08-01\",\"multi\n"
      "line\",\n");
  REQUIRE(results.size() == 2);
  CHECK(results[0].line == 2);
  CHECK(results[0].id == "B-1");
  CHECK(problems(results[0].diagnostics) ==
        Lines{"t.csv:2:16 applicant.date_of_birth facts.bad_date 2009-02-30 is not a date",
              "t.csv:2:27 applicant.nationalities facts.bad_country \"bo\" is not an ISO 3166-1 "
              "alpha-2 code (upper case)"});
  REQUIRE(results[1].diagnostics.size() == 1);
  CHECK(results[1].diagnostics[0].location.to_string() == "t.csv:3:18");
  CHECK(results[1].line == 3);
}

TEST_CASE("CSV: every header problem at once, with its place, then no records") {
  const std::string csv =
      "id,,applicant.entry_dat,Applicant.x,documents.type,applicant.nationalities[0],"
      "applicant.criminal,documents[x].type,documents[0],id,documents,documents[1].type\n"
      "A-1,2009-08-01\n";
  std::istringstream in(csv);
  CsvReader reader(in, "t.csv");
  const Lines expected{
      "t.csv:1:4  facts.csv_bad_column the column has no name",
      "t.csv:1:5  facts.csv_unknown_column \"applicant.entry_dat\" is not a fact of the "
      "application format; did you mean \"applicant.entry_date\"?",
      "t.csv:1:25  facts.csv_bad_column \"Applicant.x\" is not a fact path: segment "
      "\"Applicant\" is not snake_case",
      "t.csv:1:37  facts.csv_bad_column \"documents.type\": \"documents\" is a list; name an "
      "element with an index, like documents[0].type",
      "t.csv:1:52  facts.csv_bad_column \"applicant.nationalities[0]\": "
      "\"applicant.nationalities\" is not a list of objects, so it takes no index",
      "t.csv:1:79  facts.csv_bad_column \"applicant.criminal\" names an object; name one of "
      "its fields, like applicant.criminal.pending_proceedings",
      "t.csv:1:98  facts.csv_bad_column \"documents[x].type\" is not a fact path: \"[x]\" is not "
      "an index like [0]",
      "t.csv:1:116  facts.csv_bad_column \"documents[0]\" names an object; name one of its "
      "fields, like documents[0].type",
      "t.csv:1:129  facts.csv_duplicate_column \"id\" is already column 1 (1:1)",
      "t.csv:1:142  facts.csv_overlapping_column \"documents[1].type\" is part of column "
      "\"documents\" (1:132); keep one of them",
  };
  CHECK(problems(reader.header()) == expected);
  ReadResult r;
  REQUIRE(reader.next(r));
  CHECK_FALSE(r.is_valid());
  CHECK(r.line == 1);
  CHECK(problems(r.diagnostics) == expected);
  CHECK_FALSE(reader.next(r));
}

TEST_CASE("CSV: a header problem found while reading the header row itself") {
  CHECK(summary(read_csv("id,\"applicant\n")) == Lines{"1::facts.csv_syntax"});
  ReadOptions small;
  small.max_record_bytes = 8;
  CHECK(summary(read_csv("id,filed_at\nA,2009-08-01\n", small)) ==
        Lines{"1::facts.record_too_large"});
}

TEST_CASE("CSV: more cells than columns is an error at the first extra cell, fewer a warning") {
  const auto results = read_csv(
      "id,filed_at\n"
      "E-1,2009-08-01,extra,more\n"
      "E-2\n"
      "E-3,2009-08-01,\n");
  REQUIRE(summary(results) ==
          Lines{"2:E-1:facts.csv_extra_cell", "3:E-2:ok", "4:E-3:facts.csv_extra_cell"});
  CHECK(problems(results[0].diagnostics) ==
        Lines{"t.csv:2:16  facts.csv_extra_cell the row has 4 cells; the header has 2 columns"});
  CHECK(results[1].facts->find("filed_at").is_unknown());
  CHECK(problems(results[1].diagnostics) ==
        Lines{"t.csv:3:1  facts.csv_missing_cell the row has 1 of the header's 2 columns; "
              "filed_at and the columns after it are read as empty"});
  CHECK(problems(results[2].diagnostics).size() == 1);  // the extra cell, no warning
}

TEST_CASE("CSV: a quote never closed ends its row with its first line, later rows are read") {
  std::string csv = "id,applicant.given_names\n";
  for (int i = 1; i <= 10; ++i) {
    csv += "R-" + std::to_string(i) + (i == 5 ? ",\"Eve\n" : ",Name" + std::to_string(i) + "\n");
  }
  const auto results = read_csv(csv);
  CHECK(summary(results) == Lines{"2:R-1:ok", "3:R-2:ok", "4:R-3:ok", "5:R-4:ok",
                                  "6:R-5:facts.csv_syntax", "7:R-6:ok", "8:R-7:ok", "9:R-8:ok",
                                  "10:R-9:ok", "11:R-10:ok"});
  REQUIRE(results.size() == 10);
  CHECK(problems(results[4].diagnostics) ==
        Lines{"t.csv:6:5  facts.csv_syntax the quote opened here is not closed before the end of "
              "the input; the row ends with line 6"});
  CHECK(*text(results[5], "applicant.given_names") == "Name6");
  CHECK(*text(results[9], "applicant.given_names") == "Name10");
}

TEST_CASE("CSV: a stray quote that a later quote seems to close loses no rows") {
  // R-2's quote is stray; R-4's date has a quote inside. Read as RFC 4180
  // says, R-2 would run to R-4's quote and swallow R-3.
  const auto results = read_csv(
      "id,applicant.given_names,applicant.date_of_birth\n"
      "R-1,Ana,1990-01-01\n"
      "R-2,\"Bea,1991-02-02\n"
      "R-3,Cy,1992-03-03\n"
      "R-4,Dee,1993\"-04-04\n"
      "R-5,Eve,1994-05-05\n");
  CHECK(summary(results) == Lines{"2:R-1:ok", "3:R-2:facts.csv_syntax", "4:R-3:ok",
                                  "5:R-4:facts.bad_date", "6:R-5:ok"});
  REQUIRE(results.size() == 5);
  CHECK(problems(results[1].diagnostics) ==
        Lines{"t.csv:3:5  facts.csv_syntax the quote opened here closes only on line 5, with text "
              "after it: a stray quote; the row ends with line 3"});
  CHECK(*text(results[2], "applicant.given_names") == "Cy");
  CHECK(*text(results[4], "applicant.given_names") == "Eve");

  // A cell that spans lines and ends at its quote is one cell, as before.
  const auto spanning = read_csv("id,applicant.given_names\nS-1,\"two\nlines\"\nS-2,Bea\n");
  CHECK(summary(spanning) == Lines{"2:S-1:ok", "4:S-2:ok"});
  // Text after a closing quote on the same line is an error in that row only.
  const auto same_line = read_csv("id,applicant.given_names\nT-1,\"An\"a\nT-2,Bea\n");
  CHECK(summary(same_line) == Lines{"2:T-1:facts.csv_syntax", "3:T-2:ok"});
}

TEST_CASE("CSV: a quote never closed after a cell that spans lines, with LF or CRLF") {
  for (const std::string eol : {"\n", "\r\n"}) {
    const auto results =
        read_csv("id,applicant.given_names" + eol + "M-1,\"two" + eol + "lines\"" + eol +
                 "M-2,Bea" + eol + "M-3,\"Cy" + eol + "M-4,Dee" + eol + "M-5,Eve" + eol);
    CHECK(summary(results) ==
          Lines{"2:M-1:ok", "4:M-2:ok", "5:M-3:facts.csv_syntax", "6:M-4:ok", "7:M-5:ok"});
    REQUIRE(results.size() == 5);
    CHECK(*text(results[0], "applicant.given_names") == "two" + eol + "lines");
    CHECK(results[2].diagnostics[0].location.to_string() == "t.csv:5:5");
    CHECK(*text(results[3], "applicant.given_names") == "Dee");
    CHECK(*text(results[4], "applicant.given_names") == "Eve");
  }
}

TEST_CASE("CSV: a quote never closed in the last row, with and without a final line end") {
  for (const std::string end : {"", "\n", "\r\n"}) {
    const auto results = read_csv("id,applicant.given_names\nU-1,Ana\nU-2,\"Bea" + end);
    CHECK(summary(results) == Lines{"2:U-1:ok", "3:U-2:facts.csv_syntax"});
    REQUIRE(results.size() == 2);
    CHECK(problems(results[1].diagnostics) ==
          Lines{"t.csv:3:5  facts.csv_syntax the quote opened here is not closed before the end "
                "of the input; the row ends with line 3"});
  }
}

TEST_CASE("CSV: a row read again may itself hold a quote never closed") {
  // Read from line 3, each `","` closes a quote and opens the next, so the
  // row of line 3 runs to the end, its last quote opened at 4:8; read again
  // from line 4, so does the row of line 4.
  const auto results = read_csv(
      "id,applicant.given_names,applicant.family_name\n"
      "A-1,Ana,Quispe\n"
      "A-2,x\",\"\n"
      "A-3,y\",\"\n"
      "A-4,Dee,Diaz\n");
  CHECK(summary(results) ==
        Lines{"2:A-1:ok", "3:A-2:facts.csv_syntax", "4:A-3:facts.csv_syntax", "5:A-4:ok"});
  REQUIRE(results.size() == 4);
  CHECK(results[1].diagnostics[0].location.to_string() == "t.csv:4:8");
  CHECK(results[2].diagnostics[0].location.to_string() == "t.csv:4:8");
  CHECK(*text(results[3], "applicant.family_name") == "Diaz");
}

TEST_CASE("CSV: rows after a quote never closed are read across the reader's 64 KiB chunks") {
  // 8,000 rows of 20 bytes: the stray quote is near the end of the first
  // chunk, and the rows read again run on through the second and third.
  const int rows = 8000;
  const int stray = 3200;  // at byte 64,005
  std::string csv = "id,applicant.given_names\n";
  for (int i = 1; i <= rows; ++i) {
    char row[32];
    std::snprintf(row, sizeof row, "C-%05d,%sName%07d\n", i, i == stray ? "\"" : "", i);
    csv += row;
  }
  const auto results = read_csv(csv);
  REQUIRE(results.size() == static_cast<std::size_t>(rows));
  for (int i = 1; i <= rows; ++i) {
    const ReadResult& r = results[static_cast<std::size_t>(i - 1)];
    char id[16];
    std::snprintf(id, sizeof id, "C-%05d", i);
    CHECK(r.id == id);
    CHECK(r.line == static_cast<std::size_t>(i + 1));
    CHECK(r.is_valid() == (i != stray));
  }
  CHECK(results[static_cast<std::size_t>(stray - 1)].diagnostics[0].location.to_string() ==
        "t.csv:" + std::to_string(stray + 1) + ":9");
}

TEST_CASE("CSV: a quote still open max_record_bytes after its row's first line ends the row") {
  ReadOptions options;
  options.max_record_bytes = 40;
  std::string csv = "id,applicant.given_names\nQ-1,\"Ana\n";
  for (int i = 2; i <= 12; ++i) csv += "Q-" + std::to_string(i) + ",Bea\n";  // 88 bytes
  const auto results = read_csv(csv, options);
  REQUIRE(results.size() == 12);
  CHECK(problems(results[0].diagnostics) ==
        Lines{"t.csv:2:5  facts.csv_syntax the quote opened here is not closed within 40 bytes "
              "after line 2; the row ends with line 2",
              "t.csv:2  facts.record_too_large the row is longer than 40 bytes"});
  for (std::size_t i = 1; i < results.size(); ++i) {
    CHECK(results[i].id == "Q-" + std::to_string(i + 1));
    CHECK(results[i].line == i + 2);
    CHECK(results[i].is_valid());
  }
  // The 40th byte after line 2 is the first quote of a `""`.
  const auto doubled = read_csv("id,applicant.given_names\nD-1,\"Ana\nD-2,Bea\nD-3," +
                                    std::string(27, 'b') + "\"\"x\nD-4,Cy\n",
                                options);
  CHECK(summary(doubled) == Lines{"2::facts.csv_syntax", "3:D-2:ok", "4:D-3:ok", "5:D-4:ok"});
}

TEST_CASE("CSV: with a tiny size limit, the rows after a quote never closed are still read") {
  for (const std::size_t limit : {std::size_t{2}, std::size_t{3}, std::size_t{7}}) {
    ReadOptions options;
    options.max_record_bytes = limit;
    CHECK(summary(read_csv("id\n\"A\nB\nC\n", options)) ==
          Lines{"2::facts.csv_syntax", "3:B:ok", "4:C:ok"});
  }
}

TEST_CASE("CSV: rows are read again no more than the input's size plus max_record_bytes") {
  // Every row read from its first line runs to the end (see above): reading
  // each again would take time quadratic in the input's size. Once the
  // budget is spent, the rest of the input is reported as not read.
  ReadOptions options;
  options.max_record_bytes = 64;
  std::string csv = "id,applicant.given_names\n";
  for (int i = 0; i < 1000; ++i) csv += "x\",\"\n";
  const auto results = read_csv(csv, options);
  REQUIRE(results.size() > 50);
  REQUIRE(results.size() < 1000);
  std::size_t last = 0;
  for (const ReadResult& r : results) {
    CHECK(r.line > last);
    last = r.line;
    CHECK_FALSE(r.is_valid());
  }
  const Diagnostics& end = results.back().diagnostics;
  REQUIRE(end.size() == 3);
  CHECK(end[1].code == "facts.not_read");
  CHECK(end[1].location.line == static_cast<int>(results.back().line) + 1);
}

TEST_CASE("CSV: text after a closing quote and a cell that is not UTF-8 are syntax errors") {
  const auto results = read_csv(
      "id,applicant.given_names\n"
      "S-1,\"Ana\"x\n"
      "S-2,\"\xC3\"\n"
      "S-3,ok\n");
  REQUIRE(summary(results) ==
          Lines{"2:S-1:facts.csv_syntax", "3:S-2:facts.csv_syntax", "4:S-3:ok"});
  CHECK(problems(results[0].diagnostics) ==
        Lines{"t.csv:2:10  facts.csv_syntax text after the closing quote of a cell"});
  CHECK(problems(results[1].diagnostics) ==
        Lines{"t.csv:3:5 applicant.given_names facts.csv_syntax the cell is not valid UTF-8"});
  CHECK(results[1].id == "S-2");
}

TEST_CASE("CSV: a row over the size limit is skipped to its end, quotes respected") {
  ReadOptions options;
  options.max_record_bytes = 40;
  const std::string long_cell = "\"" + std::string(30, 'x') + ",\n" + std::string(30, 'y') + "\"";
  const auto results = read_csv(
      "id,applicant.given_names\n"
      "L-1,Ana\n"
      "L-2," +
          long_cell +
          "\n"
          "L-3,Bea\n",
      options);
  REQUIRE(summary(results) == Lines{"2:L-1:ok", "3::facts.record_too_large", "5:L-3:ok"});
  CHECK(problems(results[1].diagnostics) ==
        Lines{"t.csv:3  facts.record_too_large the row is longer than 40 bytes"});
  CHECK(*text(results[2], "applicant.given_names") == "Bea");
}

TEST_CASE("CSV: a format column is checked like the JSON field") {
  const auto results = read_csv(
      "format,id\n"
      "regularis.application/1,F-1\n"
      "regularis.application/2,F-2\n"
      ",F-3\n");
  REQUIRE(summary(results) ==
          Lines{"2:F-1:ok", "3:F-2:facts.bad_format", "4:F-3:facts.bad_format"});
  CHECK(results[1].diagnostics[0].json_path == "format");
  CHECK(results[2].diagnostics[0].location.to_string() == "t.csv:4:1");
}

TEST_CASE("CSV: a row and its JSON twin read to equal Facts") {
  const std::string csv =
      "id,programme,filed_at,applicant.date_of_birth,applicant.nationalities,"
      "applicant.entry_date,applicant.present_at_filing,applicant.criminal.pending_proceedings,"
      "applicant.absences[0].from,applicant.absences[0].to,documents[0].type,"
      "documents[0].shows_date,documents[0].verified,documents[3].type,payments[0].fee,"
      "payments[0].amount,payments[0].currency,declarations.no_criminal_record,facts.score\n"
      "BR-1,br-2009,2009-12-30T23:30:00-02:00,1984-02-29,BO;PE,2008-11-03,true,false,"
      "2009-03-01,2009-03-20,passport_entry_stamp,2008-11-03,true,lease,registration,64.58,BRL,"
      "true,12.5\n";
  const std::string json = R"({"format": "regularis.application/1", "id": "BR-1",
      "programme": "br-2009", "filed_at": "2009-12-30T23:30:00-02:00",
      "applicant": {"date_of_birth": "1984-02-29", "nationalities": ["BO", "PE"],
                    "entry_date": "2008-11-03", "present_at_filing": true,
                    "criminal": {"pending_proceedings": false},
                    "absences": [{"from": "2009-03-01", "to": "2009-03-20"}]},
      "documents": [{"type": "passport_entry_stamp", "shows_date": "2008-11-03", "verified": true},
                    {"type": "lease"}],
      "payments": [{"fee": "registration", "amount": "64.58", "currency": "BRL"}],
      "declarations": {"no_criminal_record": true},
      "facts": {"score": 12.5}})";
  const auto from_csv = read_csv(csv);
  const ReadResult from_json = read_application(json);
  REQUIRE(from_csv.size() == 1);
  REQUIRE(from_csv[0].is_valid());
  REQUIRE(from_json.is_valid());
  CHECK(from_csv[0].facts->root() == from_json.facts->root());
  CHECK(from_csv[0].id == from_json.id);
  CHECK(from_csv[0].programme == from_json.programme);
}
