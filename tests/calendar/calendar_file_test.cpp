// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The calendar-file loader: a good file becomes a calendar; a file with many
// mistakes gets every one of them, with its code and file:line:col; YAML
// syntax errors, a missing file, and the duplicate-holiday warning.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "regularis/core/error.hpp"
#include "regularis/programme/calendar_file.hpp"

using regularis::CalendarFile;
using regularis::Date;
using regularis::HolidayKind;
using regularis::HolidayMove;
using regularis::OptionalDays;
using regularis::Weekday;

namespace {

Date d(const char* text) { return *Date::parse(text); }

std::vector<std::string> lines(const CalendarFile& f) {
  std::vector<std::string> out;
  for (const auto& diagnostic : f.diagnostics) out.push_back(diagnostic.to_string());
  return out;
}

}  // namespace

TEST_CASE("a good calendar file", "[calendar][file]") {
  const std::string text =
      "calendar: test-cal\n"
      "title: Test calendar\n"
      "jurisdiction: CO\n"
      "weekend: [friday, saturday]\n"
      "optional_days: open\n"
      "sources: [\"Ley 51 de 1983\"]\n"
      "holidays:\n"
      "  - name: Reyes Magos\n"
      "    date: 01-06\n"
      "    moves: next_monday\n"
      "    basis: Ley 51/1983\n"
      "  - {name: Carnaval, date: Easter - 47, kind: optional, from: 2000, until: 2030}\n"
      "  - {name: Decreed, date: 2009-07-02, confirmed: false, note: a one-off day}\n";
  const CalendarFile f = regularis::load_calendar_text(text, "test.yaml");
  CHECK(lines(f).empty());
  REQUIRE(f.calendar.has_value());
  CHECK(f.calendar->id() == "test-cal");
  CHECK(f.title == "Test calendar");
  REQUIRE(f.jurisdiction.has_value());
  CHECK(f.jurisdiction->code() == "CO");
  CHECK(f.sources == std::vector<std::string>{"Ley 51 de 1983"});
  CHECK(f.calendar->options().weekend == std::vector<Weekday>{Weekday::friday, Weekday::saturday});
  CHECK(f.calendar->options().optional_days == OptionalDays::open);
  const auto& rules = f.calendar->rules();
  REQUIRE(rules.size() == 3);
  CHECK(rules[0].move == HolidayMove::next_monday);
  CHECK(rules[0].basis == "Ley 51/1983");
  CHECK(rules[1].kind == HolidayKind::optional_day);
  CHECK(rules[1].from_year == 2000);
  CHECK(rules[1].until_year == 2030);
  CHECK_FALSE(rules[2].confirmed);
  CHECK(f.calendar->is_holiday(d("2009-01-12")));
  CHECK(f.calendar->is_holiday(d("2009-07-02")));
  CHECK(f.calendar->is_business_day(d("2009-02-24")));        // optional days open
  CHECK_FALSE(f.calendar->is_business_day(d("2009-07-03")));  // Friday: weekend here
}

TEST_CASE("every mistake in a calendar file, at its line and column", "[calendar][file]") {
  const std::string text =
      "calendar: BR National\n"          // 1
      "title: [a, b]\n"                  // 2
      "jurisdiction: BRA\n"              // 3
      "weekend: [saturday, sundy]\n"     // 4
      "optional_days: sometimes\n"       // 5
      "holidays:\n"                      // 6
      "  - name: Natal\n"                // 7
      "    date: 12-32\n"                // 8
      "  - name: Carnaval\n"             // 9
      "    date: Easter - 47\n"          // 10
      "    kind: facultativo\n"          // 11
      "  - date: 05-01\n"                // 12
      "    moves: next_tuesday\n"        // 13
      "  - name: Novo\n"                 // 14
      "    date: 01-01\n"                // 15
      "    from: 2010\n"                 // 16
      "    until: 2009\n"                // 17
      "    colour: red\n"                // 18
      "  - name: Dup\n"                  // 19
      "    date: fifth Monday of May\n"  // 20
      "    name: Dup2\n"                 // 21
      "    confirmed: maybe\n"           // 22
      "  - just a string\n"              // 23
      "  - name: Old\n"                  // 24
      "    date: 03-21\n"                // 25
      "    until: 1492\n"                // 26
      "holliday: []\n";                  // 27
  const CalendarFile f = regularis::load_calendar_text(text, "bad.yaml");
  CHECK_FALSE(f.calendar.has_value());
  const std::vector<std::string> expected{
      "bad.yaml:27:1: error: unknown key \"holliday\" (expected calendar, title, jurisdiction, "
      "weekend, optional_days, sources, holidays) [calendar.unknown_key]",
      "bad.yaml:1:11: error: calendar id \"BR National\" must be lower-case letters, digits and "
      "'-' [calendar.bad_value]",
      "bad.yaml:2:8: error: title must be a single value (text) [calendar.bad_value]",
      "bad.yaml:3:15: error: jurisdiction: \"BRA\" is not an ISO 3166-1 alpha-2 code (two "
      "letters) [calendar.bad_value]",
      "bad.yaml:4:21: error: weekend: unknown weekday \"sundy\" (use Monday .. Sunday) "
      "[calendar.bad_value]",
      "bad.yaml:5:16: error: optional_days must be closed or open, not \"sometimes\" "
      "[calendar.bad_value]",
      "bad.yaml:8:11: error: \"12-32\" is not a holiday date: December has no day 32 "
      "[calendar.bad_holiday_date]",
      "bad.yaml:11:11: error: kind must be holiday or optional, not \"facultativo\" "
      "[calendar.bad_value]",
      "bad.yaml:13:12: error: moves must be none, next_monday, nearest_weekday, "
      "sunday_to_monday or next_monday_unless_friday, not \"next_tuesday\" [calendar.bad_value]",
      "bad.yaml:12:5: error: a holiday needs a \"name\" [calendar.missing_key]",
      "bad.yaml:18:5: error: unknown key \"colour\" (expected name, date, kind, moves, from, "
      "until, basis, confirmed, note) [calendar.unknown_key]",
      "bad.yaml:17:12: error: until (2009) is before from (2010) [calendar.bad_year]",
      "bad.yaml:21:5: error: duplicate key \"name\" [calendar.duplicate_key]",
      "bad.yaml:20:11: error: \"fifth Monday of May\" is not a holiday date: unknown ordinal "
      "\"fifth\" (use first, second, third, fourth or last) [calendar.bad_holiday_date]",
      "bad.yaml:22:16: error: confirmed must be true or false, not \"maybe\" "
      "[calendar.bad_value]",
      "bad.yaml:23:5: error: a holiday is a mapping with the keys name, date, kind, moves, from, "
      "until, basis, confirmed, note [calendar.not_a_mapping]",
      "bad.yaml:26:12: error: until: \"1492\" is not a year from 1583 to 9999 "
      "[calendar.bad_year]",
  };
  CHECK(lines(f) == expected);
  // Rendered with the source line and a caret under the column.
  CHECK(regularis::render(f.diagnostics[6], text) ==
        "bad.yaml:8:11: error: \"12-32\" is not a holiday date: December has no day 32 "
        "[calendar.bad_holiday_date]\n"
        "    8 |     date: 12-32\n"
        "      |           ^\n");
}

TEST_CASE("missing keys, wrong shapes, a seven-day weekend", "[calendar][file]") {
  CHECK(lines(regularis::load_calendar_text("title: x\n", "a.yaml")) ==
        std::vector<std::string>{
            "a.yaml:1:1: error: missing key \"calendar\" (the calendar's id) "
            "[calendar.missing_key]",
            "a.yaml:1:1: error: missing key \"holidays\" [calendar.missing_key]"});
  CHECK(lines(regularis::load_calendar_text("- a\n- b\n", "b.yaml")) ==
        std::vector<std::string>{
            "b.yaml:1:1: error: a calendar file is a mapping with the keys calendar, title, "
            "jurisdiction, weekend, optional_days, sources, holidays [calendar.not_a_mapping]"});
  CHECK(lines(regularis::load_calendar_text("calendar: c\nholidays:\n", "c.yaml")) ==
        std::vector<std::string>{
            "c.yaml:2:1: error: holidays must be a list of holidays [calendar.not_a_list]"});
  CHECK(lines(regularis::load_calendar_text(
            "calendar: c\nweekend: [monday, tuesday, wednesday, thursday, friday, saturday, "
            "sunday]\nholidays: []\n",
            "w.yaml")) ==
        std::vector<std::string>{"w.yaml:2:10: error: every day of the week is a weekend day "
                                 "[calendar.no_business_days]"});
  // An empty file has no mapping at all.
  CHECK(regularis::load_calendar_text("", "e.yaml").diagnostics[0].code ==
        "calendar.not_a_mapping");
}

TEST_CASE("YAML syntax errors and files that cannot be read", "[calendar][file]") {
  const CalendarFile f =
      regularis::load_calendar_text("calendar: c\nholidays: [\n  {name: x\n", "s.yaml");
  REQUIRE(f.diagnostics.size() == 1);
  CHECK(f.diagnostics[0].code == "calendar.yaml_syntax");
  CHECK(f.diagnostics[0].location.file == "s.yaml");
  CHECK(f.diagnostics[0].location.line >= 3);
  CHECK_FALSE(f.calendar.has_value());

  try {
    regularis::load_calendar_file("examples/calendars/no-such-file.yaml");
    FAIL("expected IoError");
  } catch (const regularis::IoError& e) {
    CHECK(e.code() == "io.open");
  }
}

TEST_CASE("two holidays on the same date: a warning, the calendar still loads",
          "[calendar][file]") {
  const CalendarFile f = regularis::load_calendar_text(
      "calendar: c\n"
      "holidays:\n"
      "  - {name: Natal, date: 12-25}\n"
      "  - {name: Christmas, date: 12-25}\n",
      "dup.yaml");
  CHECK(lines(f) == std::vector<std::string>{
                        "dup.yaml:4:5: warning: \"Christmas\" has the same date (12-25) and "
                        "years as \"Natal\" on line 3 [calendar.duplicate_holiday]"});
  REQUIRE(f.calendar.has_value());
  CHECK(f.calendar->holidays_on(d("2009-12-25")).size() == 2);
}
