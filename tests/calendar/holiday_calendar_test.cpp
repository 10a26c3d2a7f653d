// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Holiday rules and calendars built in code: Easter dates, the `date:` grammar
// and its errors, nth and last weekday rules, valid-from/until years, the
// moves laws make (next Monday, nearest weekday), optional days, weekends.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "regularis/calendar/holiday_calendar.hpp"
#include "regularis/core/error.hpp"
#include "support/parsed.hpp"

using regularis::CalendarOptions;
using regularis::Date;
using regularis::Holiday;
using regularis::HolidayCalendar;
using regularis::HolidayDate;
using regularis::HolidayKind;
using regularis::HolidayMove;
using regularis::HolidayRule;
using regularis::OptionalDays;
using regularis::Weekday;

namespace {

Date d(const char* text) { return parsed_or_fail(Date::parse(text), text); }

HolidayDate on(const char* text) { return parsed_or_fail(HolidayDate::parse(text), text); }

std::string date_of(const HolidayDate& h, int year) {
  auto x = h.in_year(year);
  return x ? x->to_string() : "none";
}

HolidayRule rule(const char* name, const char* when) { return HolidayRule{name, on(when)}; }

}  // namespace

TEST_CASE("Easter Sunday by the anonymous Gregorian algorithm", "[calendar][easter]") {
  CHECK(regularis::easter_sunday(2009)->to_string() == "2009-04-12");
  CHECK(regularis::easter_sunday(2010)->to_string() == "2010-04-04");
  CHECK(regularis::easter_sunday(2011)->to_string() == "2011-04-24");
  CHECK(regularis::easter_sunday(2022)->to_string() == "2022-04-17");
  CHECK(regularis::easter_sunday(2024)->to_string() == "2024-03-31");
  CHECK(regularis::easter_sunday(2000)->to_string() == "2000-04-23");
  // The earliest and latest possible dates, and the first Gregorian year.
  CHECK(regularis::easter_sunday(2285)->to_string() == "2285-03-22");
  CHECK(regularis::easter_sunday(2038)->to_string() == "2038-04-25");
  CHECK(regularis::easter_sunday(1583)->to_string() == "1583-04-10");
  CHECK_FALSE(regularis::easter_sunday(1582).has_value());
  CHECK_FALSE(regularis::easter_sunday(10000).has_value());
}

TEST_CASE("Easter-relative holidays", "[calendar][easter]") {
  CHECK(date_of(on("Easter - 2"), 2009) == "2009-04-10");   // Good Friday
  CHECK(date_of(on("easter-48"), 2009) == "2009-02-23");    // Carnival Monday
  CHECK(date_of(on("Easter - 47"), 2009) == "2009-02-24");  // Carnival Tuesday
  CHECK(date_of(on("Easter + 60"), 2009) == "2009-06-11");  // Corpus Christi
  CHECK(date_of(on("Easter + 1"), 2022) == "2022-04-18");   // Easter Monday
  CHECK(date_of(on("Easter"), 2024) == "2024-03-31");
  CHECK(on("easter+60").to_string() == "Easter + 60");
  CHECK(on("Easter - 2").to_string() == "Easter - 2");
  CHECK(on("EASTER").to_string() == "Easter");
}

TEST_CASE("nth and last weekday of a month", "[calendar][rules]") {
  CHECK(date_of(on("third Monday of January"), 2009) == "2009-01-19");  // MLK Day
  CHECK(date_of(on("3rd monday of february"), 2009) == "2009-02-16");   // Washington's Birthday
  CHECK(date_of(on("last Monday of May"), 2009) == "2009-05-25");       // Memorial Day
  CHECK(date_of(on("first Monday of September"), 2009) == "2009-09-07");
  CHECK(date_of(on("fourth Thursday of November"), 2009) == "2009-11-26");  // Thanksgiving
  CHECK(date_of(on("last Monday of October"), 2022) == "2022-10-31");
  // A month whose first day is the weekday asked for.
  CHECK(date_of(on("first Monday of August"), 2022) == "2022-08-01");
  // A month with five Mondays: "last" is the fifth.
  CHECK(date_of(on("last Monday of May"), 2021) == "2021-05-31");
  CHECK(date_of(on("fourth Monday of May"), 2021) == "2021-05-24");
  CHECK(on("3rd monday of february").to_string() == "third Monday of February");
  CHECK(on("last Monday of May").to_string() == "last Monday of May");
}

TEST_CASE("fixed and one-off dates", "[calendar][rules]") {
  CHECK(date_of(on("12-25"), 2009) == "2009-12-25");
  CHECK(on("12-25").to_string() == "12-25");
  CHECK(date_of(on("02-29"), 2024) == "2024-02-29");
  CHECK(date_of(on("02-29"), 2023) == "none");
  CHECK(date_of(on("2022-03-18"), 2022) == "2022-03-18");
  CHECK(date_of(on("2022-03-18"), 2023) == "none");
  CHECK(on("2022-03-18").kind() == HolidayDate::Kind::once);
  // Holidays are defined for Gregorian years only.
  CHECK(date_of(on("12-25"), 1582) == "none");
}

TEST_CASE("holiday date errors", "[calendar][rules]") {
  auto error_of = [](const char* text) { return HolidayDate::parse(text).error(); };
  CHECK(error_of("fifth Monday of May") ==
        "\"fifth Monday of May\" is not a holiday date: unknown ordinal \"fifth\" (use first, "
        "second, third, fourth or last)");
  CHECK(error_of("first Moonday of May") ==
        "\"first Moonday of May\" is not a holiday date: unknown weekday \"Moonday\" (use Monday "
        ".. Sunday)");
  CHECK(error_of("first Monday of Mayo") ==
        "\"first Monday of Mayo\" is not a holiday date: unknown month \"Mayo\" (use January .. "
        "December)");
  CHECK(error_of("13-01") == "\"13-01\" is not a holiday date: there is no month 13");
  CHECK(error_of("02-30") == "\"02-30\" is not a holiday date: February has no day 30");
  CHECK(error_of("2009-02-29") == "\"2009-02-29\" is not a holiday date: 2009-02-29 is not a date");
  CHECK(error_of("Easter * 2") ==
        "\"Easter * 2\" is not a holiday date: write Easter + N or Easter - N (N days)");
  CHECK(error_of("Easter + 400") ==
        "\"Easter + 400\" is not a holiday date: an Easter offset is at most 366 days");
  CHECK(error_of("Christmas") ==
        "\"Christmas\" is not a holiday date: write MM-DD, YYYY-MM-DD, Easter + N, or "
        "\"<ordinal> <weekday> of <month>\" (e.g. \"third Monday of January\")");
  CHECK(error_of("") == "\"\" is not a holiday date: it is empty");
}

TEST_CASE("valid-from and valid-until years", "[calendar][rules]") {
  HolidayRule juneteenth = rule("Juneteenth", "06-19");
  juneteenth.from_year = 2021;
  HolidayRule old = rule("Old Day", "03-21");
  old.until_year = 2005;
  const HolidayCalendar cal("test", {juneteenth, old});
  CHECK_FALSE(cal.is_holiday(d("2020-06-19")));
  CHECK(cal.is_holiday(d("2021-06-18")) == false);
  CHECK(cal.is_holiday(d("2022-06-20")) == false);
  CHECK(cal.holidays_in(2021).size() == 1);
  CHECK(cal.is_holiday(d("2005-03-21")));
  CHECK_FALSE(cal.is_holiday(d("2006-03-21")));
}

TEST_CASE("Ley Emiliani: holidays moved to the next Monday", "[calendar][moves]") {
  HolidayRule reyes = rule("Reyes Magos", "01-06");
  reyes.move = HolidayMove::next_monday;
  HolidayRule san_pedro = rule("San Pedro y San Pablo", "06-29");
  san_pedro.move = HolidayMove::next_monday;
  HolidayRule sagrado = rule("Sagrado Corazón", "Easter + 68");
  sagrado.move = HolidayMove::next_monday;
  const HolidayCalendar co("co", {reyes, san_pedro, sagrado});
  // 2009-01-06 was a Tuesday: kept on Monday 12 January.
  CHECK_FALSE(co.is_holiday(d("2009-01-06")));
  CHECK(co.is_holiday(d("2009-01-12")));
  // 2009-06-29 was a Monday: it stays.
  CHECK(co.is_holiday(d("2009-06-29")));
  // Sagrado Corazón 2022: Friday 24 June → Monday 27 June.
  CHECK(co.is_holiday(d("2022-06-27")));
  const std::vector<Holiday> h = co.holidays_in(2009);
  REQUIRE(h.size() == 3);
  CHECK(h[0].date.to_string() == "2009-01-12");
  CHECK(h[0].nominal.to_string() == "2009-01-06");
  CHECK(h[0].moved());
  CHECK(h[1].name == "Sagrado Corazón");
  CHECK(h[1].date.to_string() == "2009-06-22");
  CHECK(h[2].date.to_string() == "2009-06-29");
  CHECK_FALSE(h[2].moved());
}

TEST_CASE("US observance: Saturday to Friday, Sunday to Monday, across years",
          "[calendar][moves]") {
  HolidayRule new_year = rule("New Year's Day", "01-01");
  new_year.move = HolidayMove::nearest_weekday;
  HolidayRule independence = rule("Independence Day", "07-04");
  independence.move = HolidayMove::nearest_weekday;
  const HolidayCalendar us("us", {new_year, independence});
  CHECK(us.is_holiday(d("2009-07-03")));  // 4 July 2009 was a Saturday
  CHECK_FALSE(us.is_holiday(d("2009-07-04")));
  CHECK(us.is_holiday(d("2021-07-05")));  // a Sunday in 2021
  // 1 January 2022 (Saturday) is kept on Friday 31 December 2021.
  const std::vector<Holiday> h2021 = us.holidays_in(2021);
  REQUIRE(h2021.size() == 3);
  CHECK(h2021[2].date.to_string() == "2021-12-31");
  CHECK(h2021[2].nominal.to_string() == "2022-01-01");
  const std::vector<Holiday> h2022 = us.holidays_in(2022);
  REQUIRE(h2022.size() == 1);
  CHECK(h2022[0].date.to_string() == "2022-07-04");
  CHECK(us.is_holiday(d("2021-12-31")));
}

TEST_CASE("St Brigid's Day: 1 February if a Friday, else the first Monday of February",
          "[calendar][moves]") {
  HolidayRule brigid = rule("Saint Brigid's Day", "02-01");
  brigid.move = HolidayMove::next_monday_unless_friday;
  brigid.from_year = 2023;
  const HolidayCalendar ie("ie", {brigid});
  CHECK(ie.holidays_in(2022).empty());
  CHECK(ie.holidays_in(2023)[0].date.to_string() == "2023-02-06");  // 1 Feb a Wednesday
  CHECK(ie.holidays_in(2025)[0].date.to_string() == "2025-02-03");  // a Saturday
  CHECK(ie.holidays_in(2026)[0].date.to_string() == "2026-02-02");  // a Sunday
  CHECK(ie.holidays_in(2027)[0].date.to_string() == "2027-02-01");  // a Monday
  CHECK(ie.holidays_in(2030)[0].date.to_string() == "2030-02-01");  // a Friday
}

TEST_CASE("optional days and business days", "[calendar][business]") {
  HolidayRule carnaval = rule("Carnaval", "Easter - 47");
  carnaval.kind = HolidayKind::optional_day;
  HolidayRule tiradentes = rule("Tiradentes", "04-21");
  const HolidayCalendar closed("br", {carnaval, tiradentes});
  CalendarOptions open_options;
  open_options.optional_days = OptionalDays::open;
  const HolidayCalendar open("br", {carnaval, tiradentes}, open_options);

  CHECK_FALSE(closed.is_holiday(d("2009-02-24")));
  CHECK(closed.is_optional_day(d("2009-02-24")));
  CHECK_FALSE(closed.is_business_day(d("2009-02-24")));
  CHECK(open.is_business_day(d("2009-02-24")));
  CHECK(closed.is_holiday(d("2009-04-21")));
  CHECK_FALSE(open.is_business_day(d("2009-04-21")));
  CHECK(closed.is_business_day(d("2009-04-20")));
  CHECK_FALSE(closed.is_business_day(d("2009-04-19")));  // Sunday
  REQUIRE(closed.holidays_on(d("2009-02-24")).size() == 1);
  CHECK(closed.holidays_on(d("2009-02-24"))[0].kind == HolidayKind::optional_day);
}

TEST_CASE("configurable weekend", "[calendar][business]") {
  CalendarOptions friday_saturday;
  friday_saturday.weekend = {Weekday::friday, Weekday::saturday};
  const HolidayCalendar cal("gulf", {}, friday_saturday);
  CHECK_FALSE(cal.is_business_day(d("2009-07-03")));  // Friday
  CHECK_FALSE(cal.is_business_day(d("2009-07-04")));  // Saturday
  CHECK(cal.is_business_day(d("2009-07-05")));        // Sunday
  const HolidayCalendar plain;
  CHECK_FALSE(plain.is_business_day(d("2009-07-05")));
  CHECK(plain.is_business_day(d("2009-07-03")));

  CalendarOptions all_week;
  all_week.weekend = {Weekday::monday, Weekday::tuesday,  Weekday::wednesday, Weekday::thursday,
                      Weekday::friday, Weekday::saturday, Weekday::sunday};
  try {
    HolidayCalendar never("never", {}, all_week);
    FAIL("expected UsageError");
  } catch (const regularis::UsageError& e) {
    CHECK(e.code() == "calendar.no_business_days");
  }
}

TEST_CASE("weekday names", "[calendar]") {
  CHECK(regularis::parse_weekday("SATURDAY").value() == Weekday::saturday);
  CHECK(regularis::parse_weekday("Moonday").error() ==
        "unknown weekday \"Moonday\" (use Monday .. Sunday)");
  CHECK(regularis::weekday_name(Weekday::sunday) == "Sunday");
  CHECK(regularis::to_string(HolidayMove::next_monday) == "next_monday");
  CHECK(regularis::to_string(HolidayKind::optional_day) == "optional");
}
