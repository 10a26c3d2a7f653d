// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Deadline arithmetic on a calendar built in code (Brazil's 2009 national
// holidays): rolling, business-day counting, DeadlineRule text and its
// errors, and apply() for every kind of rule.
#include <catch2/catch.hpp>

#include <string>

#include "regularis/calendar/deadline.hpp"
#include "support/parsed.hpp"

using regularis::Date;
using regularis::DeadlineRule;
using regularis::Direction;
using regularis::FirstDay;
using regularis::HolidayCalendar;
using regularis::HolidayDate;
using regularis::HolidayKind;
using regularis::HolidayRule;
using regularis::Period;
using regularis::Roll;

namespace {

Date d(const char* text) { return parsed_or_fail(Date::parse(text), text); }

DeadlineRule rule(const char* text) { return parsed_or_fail(DeadlineRule::parse(text), text); }

HolidayCalendar brazil() {
  auto fixed = [](const char* name, int month, int day) {
    return HolidayRule{name, HolidayDate::fixed(month, day)};
  };
  HolidayRule carnaval{"Carnaval", HolidayDate::easter(-47)};
  carnaval.kind = HolidayKind::optional_day;
  return HolidayCalendar(
      "br", {fixed("Confraternização Universal", 1, 1), carnaval,
             HolidayRule{"Paixão de Cristo", HolidayDate::easter(-2)}, fixed("Tiradentes", 4, 21),
             fixed("Dia do Trabalho", 5, 1), fixed("Independência", 9, 7),
             fixed("Nossa Senhora Aparecida", 10, 12), fixed("Finados", 11, 2),
             fixed("Proclamação da República", 11, 15), fixed("Natal", 12, 25)});
}

std::string applied(const char* text, const char* from) {
  return apply(rule(text), d(from), brazil()).to_string();
}

}  // namespace

TEST_CASE("roll off a non-business day", "[calendar][deadline]") {
  const HolidayCalendar br = brazil();
  // Friday 25 December 2009 (Christmas), then a weekend.
  CHECK(roll(d("2009-12-25"), Roll::next_business_day, br).to_string() == "2009-12-28");
  CHECK(roll(d("2009-12-25"), Roll::previous_business_day, br).to_string() == "2009-12-24");
  CHECK(roll(d("2009-12-25"), Roll::unchanged, br).to_string() == "2009-12-25");
  CHECK(roll(d("2009-12-24"), Roll::next_business_day, br).to_string() == "2009-12-24");
  // Good Friday 10 April 2009 back to Thursday 9 April.
  CHECK(roll(d("2009-04-12"), Roll::previous_business_day, br).to_string() == "2009-04-09");
}

TEST_CASE("business days forward, back and between", "[calendar][deadline]") {
  const HolidayCalendar br = brazil();
  CHECK(add_business_days(d("2009-12-23"), 2, br).to_string() == "2009-12-28");
  CHECK(add_business_days(d("2009-12-28"), -2, br).to_string() == "2009-12-23");
  CHECK(add_business_days(d("2009-12-26"), 0, br).to_string() == "2009-12-26");
  // Around Carnival (optional days closed) and Good Friday, Tiradentes.
  CHECK(add_business_days(d("2009-02-20"), 1, br).to_string() == "2009-02-23");
  CHECK(add_business_days(d("2009-02-23"), 1, br).to_string() == "2009-02-25");
  CHECK(add_business_days(d("2009-04-08"), 5, br).to_string() == "2009-04-16");
  CHECK(business_days_between(d("2009-12-23"), d("2009-12-28"), br) == 2);
  CHECK(business_days_between(d("2009-12-28"), d("2009-12-23"), br) == -2);
  CHECK(business_days_between(d("2009-12-23"), d("2009-12-23"), br) == 0);
}

TEST_CASE("business days across the whole of 2009", "[calendar][deadline]") {
  const HolidayCalendar br = brazil();
  // 2009: 365 days, 104 weekend days, and 9 of the 10 listed days on
  // weekdays (1 Jan, Carnival, Good Friday, 21 Apr, 1 May, 7 Sep, 12 Oct,
  // 2 Nov, 25 Dec; 15 Nov fell on a Sunday) → 365 - 104 - 9 = 252.
  CHECK(business_days_between(d("2008-12-31"), d("2009-12-31"), br) == 252);
  int counted = 0;
  for (Date x = d("2009-01-01"); x <= d("2009-12-31"); x = x.add_days(1)) {
    if (br.is_business_day(x)) ++counted;
  }
  CHECK(counted == 252);
  CHECK(add_business_days(d("2008-12-31"), 252, br).to_string() == "2009-12-31");
}

TEST_CASE("end of month", "[calendar][deadline]") {
  CHECK(regularis::end_of_month(d("2009-02-10")).to_string() == "2009-02-28");
  CHECK(regularis::end_of_month(d("2008-02-10")).to_string() == "2008-02-29");
  CHECK(regularis::end_of_month(d("2009-12-31")).to_string() == "2009-12-31");
  CHECK(regularis::end_of_month(d("2009-04-01")).to_string() == "2009-04-30");
}

TEST_CASE("DeadlineRule text", "[calendar][deadline]") {
  CHECK(rule("30 business days") == DeadlineRule::business_days(30));
  CHECK(rule("90 days before") == DeadlineRule::calendar(Period::days(90), Direction::before));
  CHECK(rule("end of month") == DeadlineRule::end_of_month());
  CHECK(rule("180 days after, excluding the first day, next business day") ==
        DeadlineRule::calendar(Period::days(180)).with_roll(Roll::next_business_day));
  CHECK(rule("10 Calendar Days, including the first day") ==
        DeadlineRule::calendar(Period::days(10)).with_first_day(FirstDay::included));
  CHECK(rule("1 year 6 months") == DeadlineRule::calendar(Period(1, 6, 0)));
  CHECK(rule("3 weeks before, previous business day") ==
        DeadlineRule::calendar(Period::days(21), Direction::before)
            .with_roll(Roll::previous_business_day));
  CHECK(rule("1 business day before").business_day_count() == 1);

  CHECK(rule("30 business days").to_string() == "30 business days after");
  CHECK(rule("1 business day before").to_string() == "1 business day before");
  CHECK(rule("90 days before").to_string() == "90 days before");
  CHECK(rule("end of month, previous business day").to_string() ==
        "end of month, previous business day");
  CHECK(rule("180 days after, excluding the first day, next business day").to_string() ==
        "180 days after, next business day");
  CHECK(rule("180 days, including the first day, next business day").to_string() ==
        "180 days after, including the first day, next business day");
  // to_string() reads back.
  for (const char* text : {"2 years after", "end of month", "5 business days before, unchanged",
                           "1 year 6 months after, including the first day"}) {
    const DeadlineRule r = rule(text);
    CHECK(rule(r.to_string().c_str()) == r);
  }
}

TEST_CASE("DeadlineRule errors", "[calendar][deadline]") {
  auto error_of = [](const char* text) { return DeadlineRule::parse(text).error(); };
  CHECK(error_of("30 busines days") ==
        "\"30 busines days\" is not a deadline: unknown kind of day \"busines\" (use business "
        "days, calendar days or days)");
  CHECK(error_of("2 fortnights after") ==
        "\"2 fortnights after\" is not a deadline: \"2 fortnights\" is not a period: unknown "
        "unit \"fortnights\" (use years, months, weeks or days)");
  CHECK(error_of("after") ==
        "\"after\" is not a deadline: it needs an amount, e.g. \"30 business days\" or \"90 "
        "days before\"");
  CHECK(error_of("-90 days") ==
        "\"-90 days\" is not a deadline: write the amount without a sign and say \"after\" or "
        "\"before\"");
  CHECK(error_of("x business days") ==
        "\"x business days\" is not a deadline: \"x\" is not a whole number of days");
  CHECK(error_of("end of month, next business day, unchanged") ==
        "\"end of month, next business day, unchanged\" is not a deadline: more than one rule "
        "for a non-business day");
  CHECK(error_of("end of month, including the first day") ==
        "\"end of month, including the first day\" is not a deadline: \"including the first "
        "day\" does not apply to end of month");
  CHECK(error_of("30 days, excluding the first day, including the first day") ==
        "\"30 days, excluding the first day, including the first day\" is not a deadline: more "
        "than one rule for the first day");
  CHECK(error_of("30 days, roughly") ==
        "\"30 days, roughly\" is not a deadline: unknown option \"roughly\" (use excluding the "
        "first day, including the first day, next business day, previous business day or "
        "unchanged)");
  CHECK(error_of("30 days,, next business day") ==
        "\"30 days,, next business day\" is not a deadline: there is nothing between two commas");
  CHECK(error_of("  ") == "\"  \" is not a deadline: it is empty");
}

TEST_CASE("apply: the Brazil 2009 window and other deadlines", "[calendar][deadline]") {
  // Law 11.961 published 2009-07-03; 180 days → 2009-12-30 (a Wednesday).
  CHECK(applied("180 days after, next business day", "2009-07-03") == "2009-12-30");
  CHECK(applied("180 days, including the first day", "2009-07-03") == "2009-12-29");
  CHECK(applied("90 days before", "2009-12-30") == "2009-10-01");
  CHECK(applied("1 month", "2009-01-31") == "2009-02-28");
  CHECK(applied("end of month", "2009-02-10") == "2009-02-28");
  // 28 February 2009 is a Saturday.
  CHECK(applied("end of month, previous business day", "2009-02-10") == "2009-02-27");
  CHECK(applied("end of month, next business day", "2009-02-10") == "2009-03-02");
  CHECK(applied("30 business days", "2009-12-01") == "2010-01-14");
  CHECK(applied("3 business days before", "2009-12-28") == "2009-12-22");
  CHECK(applied("2 business days, including the first day", "2009-12-23") == "2009-12-24");
  // From a non-business day the first day cannot count.
  CHECK(applied("1 business day, including the first day", "2009-12-25") == "2009-12-28");
}

TEST_CASE("a deadline that falls on a holiday moves to the next business day",
          "[calendar][deadline]") {
  // 33 days after 2009-10-13 is Sunday 15 November
  // (Proclamação da República) → Monday 16 November.
  CHECK(applied("33 days after, next business day", "2009-10-13") == "2009-11-16");
  // 2009-11-02 (Finados, a Monday): 20 days after 2009-10-13.
  CHECK(applied("20 days after", "2009-10-13") == "2009-11-02");
  CHECK(applied("20 days after, next business day", "2009-10-13") == "2009-11-03");
  CHECK(applied("20 days after, previous business day", "2009-10-13") == "2009-10-30");
  // Christmas 2009 (Friday) → Monday 28 December.
  CHECK(applied("10 days after, next business day", "2009-12-15") == "2009-12-28");
}
