// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The bundled calendars (examples/calendars/*.yaml) against published holiday
// lists: each file loads without a diagnostic, holidays_in(year) gives exactly
// the published days, and every day of the year is a business day exactly
// when it is a weekday not on the list. Then deadlines on real calendars.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "regularis/calendar/deadline.hpp"
#include "regularis/programme/calendar_file.hpp"
#include "support/parsed.hpp"

using regularis::CalendarFile;
using regularis::Date;
using regularis::DeadlineRule;
using regularis::Holiday;
using regularis::HolidayCalendar;
using regularis::HolidayKind;
using regularis::Weekday;

namespace {

Date d(const std::string& text) { return parsed_or_fail(Date::parse(text), text); }

HolidayCalendar bundled(const std::string& name) {
  const CalendarFile f = regularis::load_calendar_file(std::string(REGULARIS_SOURCE_DIR) +
                                                       "/examples/calendars/" + name + ".yaml");
  std::string found;
  for (const auto& diagnostic : f.diagnostics) found += diagnostic.to_string() + "\n";
  INFO(found);
  CHECK(f.diagnostics.empty());
  REQUIRE(f.calendar.has_value());
  CHECK_FALSE(f.sources.empty());
  return *f.calendar;
}

std::vector<std::string> listed(const HolidayCalendar& cal, int year) {
  std::vector<std::string> out;
  for (const Holiday& h : cal.holidays_in(year)) out.push_back(h.date.to_string());
  return out;
}

// Every day of `year` is a business day exactly when it is Monday-Friday and
// not one of `days_off`.
void check_business_days(const HolidayCalendar& cal, int year,
                         const std::vector<std::string>& days_off) {
  const std::set<std::string> off(days_off.begin(), days_off.end());
  int business = 0;
  int expected = 0;
  for (Date x = d(std::to_string(year) + "-01-01"); x.year() == year; x = x.add_days(1)) {
    const bool weekday = x.weekday() != Weekday::saturday && x.weekday() != Weekday::sunday;
    const bool want = weekday && off.count(x.to_string()) == 0;
    INFO(x.to_string());
    CHECK(cal.is_business_day(x) == want);
    business += cal.is_business_day(x) ? 1 : 0;
    expected += want ? 1 : 0;
  }
  CHECK(business == expected);
}

}  // namespace

TEST_CASE("Brazil 2009: national holidays and federal optional days", "[calendar][bundled]") {
  const HolidayCalendar br = bundled("br");
  const std::vector<std::string> y2009{"2009-01-01", "2009-02-23", "2009-02-24", "2009-04-10",
                                       "2009-04-21", "2009-05-01", "2009-06-11", "2009-09-07",
                                       "2009-10-12", "2009-11-02", "2009-11-15", "2009-12-25"};
  CHECK(listed(br, 2009) == y2009);
  check_business_days(br, 2009, y2009);
  // Carnival and Corpus Christi are pontos facultativos, not holidays.
  CHECK_FALSE(br.is_holiday(d("2009-02-24")));
  CHECK(br.is_optional_day(d("2009-02-24")));
  CHECK_FALSE(br.is_holiday(d("2009-06-11")));
  CHECK(br.is_holiday(d("2009-04-10")));
  const std::vector<Holiday> h = br.holidays_in(2009);
  CHECK(h[1].name == "Carnaval (segunda-feira)");
  CHECK(h[1].kind == HolidayKind::optional_day);
  CHECK(h[3].name == "Paixão de Cristo (Sexta-Feira Santa)");
  CHECK(h[3].kind == HolidayKind::holiday);
}

TEST_CASE("Brazil 2010, 2011 and 2024", "[calendar][bundled]") {
  const HolidayCalendar br = bundled("br");
  const std::vector<std::string> y2010{"2010-01-01", "2010-02-15", "2010-02-16", "2010-04-02",
                                       "2010-04-21", "2010-05-01", "2010-06-03", "2010-09-07",
                                       "2010-10-12", "2010-11-02", "2010-11-15", "2010-12-25"};
  CHECK(listed(br, 2010) == y2010);
  check_business_days(br, 2010, y2010);
  const std::vector<std::string> y2011{"2011-01-01", "2011-03-07", "2011-03-08", "2011-04-21",
                                       "2011-04-22", "2011-05-01", "2011-06-23", "2011-09-07",
                                       "2011-10-12", "2011-11-02", "2011-11-15", "2011-12-25"};
  CHECK(listed(br, 2011) == y2011);
  check_business_days(br, 2011, y2011);
  // Consciência Negra is national from 2024 (Lei 14.759/2023) only.
  CHECK_FALSE(br.is_holiday(d("2023-11-20")));
  CHECK(br.is_holiday(d("2024-11-20")));
}

TEST_CASE("US federal holidays 2009 and 2021 (weekend observance)", "[calendar][bundled]") {
  const HolidayCalendar us = bundled("us");
  const std::vector<std::string> y2009{"2009-01-01", "2009-01-19", "2009-02-16", "2009-05-25",
                                       "2009-07-03", "2009-09-07", "2009-10-12", "2009-11-11",
                                       "2009-11-26", "2009-12-25"};
  CHECK(listed(us, 2009) == y2009);
  check_business_days(us, 2009, y2009);
  // 2021: Juneteenth (Saturday) on Friday 18 June, Independence Day (Sunday)
  // on Monday 5 July, Christmas (Saturday) on Friday 24 December, and New
  // Year's Day 2022 (Saturday) on Friday 31 December 2021.
  const std::vector<std::string> y2021{"2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31",
                                       "2021-06-18", "2021-07-05", "2021-09-06", "2021-10-11",
                                       "2021-11-11", "2021-11-25", "2021-12-24", "2021-12-31"};
  CHECK(listed(us, 2021) == y2021);
  check_business_days(us, 2021, y2021);
  const std::vector<Holiday> h = us.holidays_in(2021);
  CHECK(h.back().name == "New Year's Day");
  CHECK(h.back().nominal.to_string() == "2022-01-01");
  CHECK(us.holidays_in(2022).front().date.to_string() == "2022-01-17");
}

TEST_CASE("Ireland 2022 with the once-off 18 March, and 2023 with St Brigid's Day",
          "[calendar][bundled]") {
  const HolidayCalendar ie = bundled("ie");
  const std::vector<std::string> y2022{"2022-01-01", "2022-03-17", "2022-03-18", "2022-04-18",
                                       "2022-05-02", "2022-06-06", "2022-08-01", "2022-10-31",
                                       "2022-12-25", "2022-12-26"};
  CHECK(listed(ie, 2022) == y2022);
  check_business_days(ie, 2022, y2022);
  const std::vector<std::string> y2023{"2023-01-01", "2023-02-06", "2023-03-17", "2023-04-10",
                                       "2023-05-01", "2023-06-05", "2023-08-07", "2023-10-30",
                                       "2023-12-25", "2023-12-26"};
  CHECK(listed(ie, 2023) == y2023);
  CHECK_FALSE(ie.is_holiday(d("2023-03-18")));
}

TEST_CASE("Mexico 2009 and the unconfirmed entries", "[calendar][bundled]") {
  const HolidayCalendar mx = bundled("mx");
  const std::vector<std::string> y2009{"2009-01-01", "2009-02-02", "2009-03-16", "2009-05-01",
                                       "2009-09-16", "2009-11-16", "2009-12-25"};
  CHECK(listed(mx, 2009) == y2009);
  check_business_days(mx, 2009, y2009);
  CHECK(listed(mx, 2005) == std::vector<std::string>{"2005-01-01", "2005-02-05", "2005-03-21",
                                                     "2005-05-01", "2005-09-16", "2005-11-20",
                                                     "2005-12-25"});
  CHECK(mx.is_holiday(d("2012-12-01")));
  const std::vector<Holiday> y2024 = mx.holidays_in(2024);
  bool found = false;
  for (const Holiday& h : y2024) {
    if (h.date.to_string() == "2024-10-01") {
      found = true;
      CHECK_FALSE(h.confirmed);
    } else {
      CHECK(h.confirmed);
    }
  }
  CHECK(found);
}

TEST_CASE("Italy, Spain and Colombia 2009", "[calendar][bundled]") {
  const HolidayCalendar it = bundled("it");
  const std::vector<std::string> it2009{"2009-01-01", "2009-01-06", "2009-04-13", "2009-04-25",
                                        "2009-05-01", "2009-06-02", "2009-08-15", "2009-11-01",
                                        "2009-12-08", "2009-12-25", "2009-12-26"};
  CHECK(listed(it, 2009) == it2009);
  check_business_days(it, 2009, it2009);

  const HolidayCalendar es = bundled("es");
  const std::vector<std::string> es2009{"2009-01-01", "2009-01-06", "2009-04-10", "2009-05-01",
                                        "2009-08-15", "2009-10-12", "2009-11-01", "2009-12-06",
                                        "2009-12-08", "2009-12-25"};
  CHECK(listed(es, 2009) == es2009);
  check_business_days(es, 2009, es2009);

  const HolidayCalendar co = bundled("co");
  const std::vector<std::string> co2009{
      "2009-01-01", "2009-01-12", "2009-03-23", "2009-04-09", "2009-04-10", "2009-05-01",
      "2009-05-25", "2009-06-15", "2009-06-22", "2009-06-29", "2009-07-20", "2009-08-07",
      "2009-08-17", "2009-10-12", "2009-11-02", "2009-11-16", "2009-12-08", "2009-12-25"};
  CHECK(listed(co, 2009) == co2009);
  check_business_days(co, 2009, co2009);
}

TEST_CASE("deadlines on bundled calendars", "[calendar][bundled]") {
  const HolidayCalendar us = bundled("us");
  // 30 days after 2009-06-03 is Friday 3 July, Independence Day observed.
  const DeadlineRule thirty = *DeadlineRule::parse("30 days after, next business day");
  CHECK(apply(thirty, d("2009-06-03"), us).to_string() == "2009-07-06");
  const HolidayCalendar br = bundled("br");
  // The br-2009 window: 180 days after publication on 2009-07-03.
  CHECK(apply(*DeadlineRule::parse("180 days after, next business day"), d("2009-07-03"), br)
            .to_string() == "2009-12-30");
  // 10 business days after Friday 2009-02-20 skip Carnival Monday and Tuesday.
  CHECK(apply(*DeadlineRule::parse("10 business days"), d("2009-02-20"), br).to_string() ==
        "2009-03-10");
  const HolidayCalendar co = bundled("co");
  // 2009-01-11 (Sunday) + 1 day is Reyes Magos, kept on Monday 12 January.
  CHECK(apply(*DeadlineRule::parse("1 day, next business day"), d("2009-01-11"), co).to_string() ==
        "2009-01-13");
}
