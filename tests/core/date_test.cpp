// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Date and Period: strict parsing with exact messages, leap days, month ends,
// the 29 February birthday rules and period parsing.
#include <catch2/catch.hpp>

#include "regularis/core/date.hpp"
#include "regularis/core/period.hpp"
#include "support/parsed.hpp"

using regularis::Date;
using regularis::LeapDayBirthday;
using regularis::MonthEnd;
using regularis::Period;
using regularis::Weekday;

namespace {
Date d(const char* text) { return parsed_or_fail(Date::parse(text), text); }
}  // namespace

TEST_CASE("Date::parse accepts strict YYYY-MM-DD", "[date]") {
  const Date x = d("2009-02-01");
  CHECK(x.year() == 2009);
  CHECK(x.month() == 2);
  CHECK(x.day() == 1);
  CHECK(x.to_string() == "2009-02-01");
  CHECK(d("1970-01-01").days_since_epoch() == 0);
  CHECK(d("1970-01-02").days_since_epoch() == 1);
  CHECK(d("1969-12-31").days_since_epoch() == -1);
  CHECK(d("2000-02-29").to_string() == "2000-02-29");
  CHECK(d("0001-01-01").to_string() == "0001-01-01");
  CHECK(d("9999-12-31").to_string() == "9999-12-31");
  CHECK(d("0001-01-01").days_since_epoch() == -719162);
  CHECK(d("9999-12-31").days_since_epoch() == 2932896);
  CHECK(Date{} == d("1970-01-01"));
}

TEST_CASE("Date::parse rejects with exact messages", "[date]") {
  struct Case {
    const char* text;
    const char* error;
  };
  const Case cases[] = {
      {"2009-02-29", "2009-02-29 is not a date"},
      {"2009-13-01", "2009-13-01 is not a date"},
      {"2009-00-10", "2009-00-10 is not a date"},
      {"2009-04-31", "2009-04-31 is not a date"},
      {"2009-01-00", "2009-01-00 is not a date"},
      {"1900-02-29", "1900-02-29 is not a date"},
      {"2009-2-1", "\"2009-2-1\" is not a date in the form YYYY-MM-DD"},
      {"2009-02-01x", "\"2009-02-01x\" is not a date in the form YYYY-MM-DD"},
      {" 2009-02-01", "\" 2009-02-01\" is not a date in the form YYYY-MM-DD"},
      {"2009-02-01 ", "\"2009-02-01 \" is not a date in the form YYYY-MM-DD"},
      {"20090201", "\"20090201\" is not a date in the form YYYY-MM-DD"},
      {"2009/02/01", "\"2009/02/01\" is not a date in the form YYYY-MM-DD"},
      {"12009-02-01", "\"12009-02-01\" is not a date in the form YYYY-MM-DD"},
      {"+2009-02-01", "\"+2009-02-01\" is not a date in the form YYYY-MM-DD"},
      {"2009-02-01T00:00", "\"2009-02-01T00:00\" is not a date in the form YYYY-MM-DD"},
      {"", "\"\" is not a date in the form YYYY-MM-DD"},
      {"0000-01-01", "0000-01-01 is not a date: the year must be 0001 to 9999"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto parsed = Date::parse(c.text);
    CHECK_FALSE(parsed.ok());
    CHECK(parsed.error() == c.error);
  }
  // Control characters are escaped in the message.
  CHECK(Date::parse("2009-02-01\n").error() ==
        "\"2009-02-01\\x0a\" is not a date in the form YYYY-MM-DD");
}

TEST_CASE("Date::from_ymd checks existence and range", "[date]") {
  CHECK(Date::from_ymd(2008, 2, 29).value() == d("2008-02-29"));
  CHECK(Date::from_ymd(2009, 2, 29).error() == "2009-02-29 is not a date");
  CHECK(Date::from_ymd(2009, 13, 1).error() == "2009-13-01 is not a date");
  CHECK(Date::from_ymd(2009, -1, 1).error() == "2009--01-01 is not a date");
  CHECK(Date::from_ymd(10000, 1, 1).error() ==
        "10000-01-01 is not a date: the year must be 0001 to 9999");
  CHECK(Date::from_ymd(0, 1, 1).error() ==
        "0000-01-01 is not a date: the year must be 0001 to 9999");
}

TEST_CASE("Date comparisons and weekday", "[date]") {
  CHECK(d("2009-02-02") > d("2009-02-01"));
  CHECK(d("2009-02-01") >= d("2009-02-01"));
  CHECK(d("2008-12-31") < d("2009-01-01"));
  CHECK(d("2009-01-01") <= d("2009-01-01"));
  CHECK(d("2009-01-01") != d("2009-01-02"));
  CHECK(d("2009-07-02").weekday() == Weekday::thursday);  // Law 11.961 enacted
  CHECK(d("1970-01-01").weekday() == Weekday::thursday);
  CHECK(d("2024-01-01").weekday() == Weekday::monday);
  CHECK(d("2023-12-31").weekday() == Weekday::sunday);
  CHECK(d("2009-02-28").is_last_day_of_month());
  CHECK_FALSE(d("2008-02-28").is_last_day_of_month());
  CHECK(d("2008-02-29").is_last_day_of_month());
  CHECK(d("2009-12-31").is_last_day_of_month());
  CHECK_FALSE(d("2009-12-30").is_last_day_of_month());
}

TEST_CASE("Date plus Period: leap days and month ends", "[date]") {
  CHECK(d("2008-02-29").plus(Period::years(1)) == d("2009-02-28"));
  CHECK(d("2008-02-29").plus(Period::years(1), MonthEnd::clamp) == d("2009-02-28"));
  CHECK(d("2008-02-29").plus(Period::years(1), MonthEnd::roll_over) == d("2009-03-01"));
  CHECK(d("2008-02-29").plus(Period::years(4)) == d("2012-02-29"));
  CHECK(d("2009-01-31").plus(Period::months(1)) == d("2009-02-28"));
  CHECK(d("2009-01-31").plus(Period::months(1), MonthEnd::roll_over) == d("2009-03-03"));
  CHECK(d("2008-01-31").plus(Period::months(1), MonthEnd::roll_over) == d("2008-03-02"));
  CHECK(d("2009-03-31").plus(Period::months(-1)) == d("2009-02-28"));
  CHECK(d("2009-08-31").plus(Period::months(1)) == d("2009-09-30"));
  CHECK(d("2009-12-15").plus(Period::months(1)) == d("2010-01-15"));
  CHECK(d("2009-01-15").plus(Period::months(-1)) == d("2008-12-15"));
  CHECK(d("2009-01-15").plus(Period::months(-13)) == d("2007-12-15"));
  CHECK(d("2009-02-01").plus(Period::days(180)) == d("2009-07-31"));
  CHECK(d("2009-12-31").plus(Period::days(1)) == d("2010-01-01"));
  CHECK(d("2008-02-28").plus(Period::days(1)) == d("2008-02-29"));
  // Years and months first, then days.
  CHECK(d("2009-01-31").plus(Period(0, 1, 1)) == d("2009-03-01"));
  CHECK(d("2008-02-29").plus(Period(1, 6, 0)) == d("2009-08-29"));
  // Operators use clamp.
  CHECK(d("2008-02-29") + Period::years(1) == d("2009-02-28"));
  CHECK(d("2009-02-28") - Period::years(1) == d("2008-02-28"));
  CHECK(d("2009-03-01") - Period::days(1) == d("2009-02-28"));
  CHECK(d("2008-03-01") - Period::days(1) == d("2008-02-29"));
}

TEST_CASE("Date arithmetic saturates at the ends of the range", "[date]") {
  CHECK(d("9999-12-31").add_days(1) == d("9999-12-31"));
  CHECK(d("0001-01-01").add_days(-1) == d("0001-01-01"));
  CHECK(d("2009-01-01").add_days(INT64_MAX) == d("9999-12-31"));
  CHECK(d("2009-01-01").add_days(INT64_MIN) == d("0001-01-01"));
  CHECK(d("2009-01-01").plus(Period::years(20000)) == d("9999-12-31"));
  CHECK(d("2009-01-01").plus(Period::months(-30000)) == d("0001-01-01"));
  CHECK(d("2009-01-01").plus(Period::days(INT32_MAX)) == d("9999-12-31"));
}

TEST_CASE("days_between", "[date]") {
  CHECK(regularis::days_between(d("2009-02-01"), d("2009-07-31")) == 180);
  CHECK(regularis::days_between(d("2009-07-31"), d("2009-02-01")) == -180);
  CHECK(regularis::days_between(d("2008-02-28"), d("2008-03-01")) == 2);
  CHECK(regularis::days_between(d("2009-02-28"), d("2009-03-01")) == 1);
  CHECK(regularis::days_between(d("0001-01-01"), d("9999-12-31")) == 3652058);
}

TEST_CASE("age_on and years_between on 29 February birthdays", "[date]") {
  const Date born = d("2000-02-29");
  // march_1 (the default): the birthday in a common year is 1 March.
  CHECK(regularis::age_on(born, d("2009-02-28")) == 8);
  CHECK(regularis::age_on(born, d("2009-03-01")) == 9);
  CHECK(regularis::age_on(born, d("2009-02-28"), LeapDayBirthday::march_1) == 8);
  CHECK(regularis::age_on(born, d("2009-03-01"), LeapDayBirthday::march_1) == 9);
  // february_28: the birthday in a common year is 28 February.
  CHECK(regularis::age_on(born, d("2009-02-28"), LeapDayBirthday::february_28) == 9);
  CHECK(regularis::age_on(born, d("2009-02-27"), LeapDayBirthday::february_28) == 8);
  // In a leap year both rules agree on 29 February.
  CHECK(regularis::age_on(born, d("2008-02-28"), LeapDayBirthday::february_28) == 7);
  CHECK(regularis::age_on(born, d("2008-02-29"), LeapDayBirthday::february_28) == 8);
  CHECK(regularis::age_on(born, d("2008-02-28")) == 7);
  CHECK(regularis::age_on(born, d("2008-02-29")) == 8);
  // Birth day itself.
  CHECK(regularis::age_on(born, born) == 0);
  CHECK(regularis::age_on(born, d("2001-02-28")) == 0);
  CHECK(regularis::age_on(born, d("2001-03-01")) == 1);
}

TEST_CASE("age_on for ordinary birthdays and before birth", "[date]") {
  const Date born = d("1991-07-02");
  CHECK(regularis::age_on(born, d("2009-07-01")) == 17);
  CHECK(regularis::age_on(born, d("2009-07-02")) == 18);
  CHECK(regularis::age_on(born, d("2009-07-02"), LeapDayBirthday::february_28) == 18);
  CHECK(regularis::years_between(born, d("2009-12-31")) == 18);
  // Negative when `on` is before birth (completed-years formula).
  CHECK(regularis::years_between(born, d("1991-07-01")) == -1);
  CHECK(regularis::years_between(born, d("1990-07-02")) == -1);
  CHECK(regularis::years_between(born, d("1990-07-01")) == -2);
  CHECK(regularis::years_between(d("2009-03-01"), d("2000-02-29")) == -10);
}

TEST_CASE("anniversary follows the leap-day rule", "[date]") {
  const Date born = d("2000-02-29");
  CHECK(regularis::anniversary(born, 9, LeapDayBirthday::march_1) == d("2009-03-01"));
  CHECK(regularis::anniversary(born, 9, LeapDayBirthday::february_28) == d("2009-02-28"));
  CHECK(regularis::anniversary(born, 8, LeapDayBirthday::march_1) == d("2008-02-29"));
  CHECK(regularis::anniversary(d("1991-07-02"), 18, LeapDayBirthday::march_1) == d("2009-07-02"));
  CHECK(regularis::anniversary(d("1991-07-02"), -1, LeapDayBirthday::march_1) == d("1990-07-02"));
  for (auto rule : {LeapDayBirthday::march_1, LeapDayBirthday::february_28}) {
    for (int n = 1; n <= 12; ++n) {
      const Date a = regularis::anniversary(born, n, rule);
      INFO(n << " " << a.to_string());
      CHECK(regularis::years_between(born, a, rule) == n);
      CHECK(regularis::years_between(born, a.add_days(-1), rule) == n - 1);
    }
  }
}

TEST_CASE("Period::parse", "[period]") {
  CHECK(Period::parse("2 years").value() == Period::years(2));
  CHECK(Period::parse("1 year 6 months").value() == Period(1, 6, 0));
  CHECK(Period::parse("90 days").value() == Period::days(90));
  CHECK(Period::parse("3 weeks").value() == Period::days(21));
  CHECK(Period::parse("0 days").value() == Period());
  CHECK(Period::parse("1 day").value() == Period::days(1));
  CHECK(Period::parse("1 month").value() == Period::months(1));
  CHECK(Period::parse("2 weeks 3 days").value() == Period::days(17));
  CHECK(Period::parse("1 year 2 months 1 week 1 day").value() == Period(1, 2, 8));
  CHECK(Period::parse("-90 days").value() == Period::days(-90));
  CHECK(Period::parse("12 months").value() != Period::years(1));
  CHECK(Period::parse("1 year 6 months")->total_months() == 18);
}

TEST_CASE("Period::parse rejects with a reason", "[period]") {
  struct Case {
    const char* text;
    const char* error;
  };
  const Case cases[] = {
      {"", "\"\" is not a period: it is empty"},
      {"2", "\"2\" is not a period: \"2\" has no unit (years, months, weeks or days)"},
      {"2 fortnights",
       "\"2 fortnights\" is not a period: unknown unit \"fortnights\" (use years, months, weeks or "
       "days)"},
      {"two years", "\"two years\" is not a period: \"two\" is not a whole number"},
      {"1.5 years", "\"1.5 years\" is not a period: \"1.5\" is not a whole number"},
      {"+2 years", "\"+2 years\" is not a period: \"+2\" is not a whole number"},
      {"6 months 1 year",
       "\"6 months 1 year\" is not a period: the parts must be in the order years, months, weeks, "
       "days, each at most once"},
      {"1 year 1 year",
       "\"1 year 1 year\" is not a period: the parts must be in the order years, months, weeks, "
       "days, each at most once"},
      {"2  years",
       "\"2  years\" is not a period: write one space between the parts, e.g. \"1 year 6 months\""},
      {" 2 years",
       "\" 2 years\" is not a period: write one space between the parts, e.g. \"1 year 6 months\""},
      {"2 years ",
       "\"2 years \" is not a period: write one space between the parts, e.g. \"1 year 6 months\""},
      {"2 Years",
       "\"2 Years\" is not a period: unknown unit \"Years\" (use years, months, weeks or days)"},
      {"99999999999 days", "\"99999999999 days\" is not a period: 99999999999 is too large"},
      {"3000000000 days", "\"3000000000 days\" is not a period: a number is too large"},
      {"400000000 weeks", "\"400000000 weeks\" is not a period: a number is too large"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto parsed = Period::parse(c.text);
    CHECK_FALSE(parsed.ok());
    CHECK(parsed.error() == c.error);
  }
}

TEST_CASE("Period::to_string", "[period]") {
  CHECK(Period::years(2).to_string() == "2 years");
  CHECK(Period(1, 6, 0).to_string() == "1 year 6 months");
  CHECK(Period().to_string() == "0 days");
  CHECK(Period::days(1).to_string() == "1 day");
  CHECK(Period(1, 1, 1).to_string() == "1 year 1 month 1 day");
  CHECK(Period::days(-90).to_string() == "-90 days");
  for (const char* text : {"2 years", "1 year 6 months", "90 days", "0 days", "-1 day"}) {
    CHECK(Period::parse(text)->to_string() == text);
  }
  CHECK((-Period(1, 2, 3)) == Period(-1, -2, -3));
  CHECK(Period(1, 2, 3) + Period(1, 1, 1) == Period(2, 3, 4));
}
