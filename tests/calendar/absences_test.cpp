// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Absences as period sets: merging overlapping and adjacent absences, total
// days, the longest absence, clipping, and continuous residence with a
// single-absence limit (90 days allowed, 91 not) and a rolling-window total.
#include <catch2/catch.hpp>

#include <vector>

#include "regularis/calendar/absences.hpp"
#include "support/parsed.hpp"

using regularis::AbsenceTolerance;
using regularis::Date;
using regularis::DateRange;
using regularis::Period;
using regularis::ResidenceCheck;

namespace {

Date d(const char* text) { return parsed_or_fail(Date::parse(text), text); }

DateRange r(const char* first, const char* last) {
  auto parsed = DateRange::between(d(first), d(last));
  INFO(parsed.error());
  REQUIRE(parsed.ok());
  return *parsed;
}

}  // namespace

TEST_CASE("DateRange is inclusive and ordered", "[calendar][absences]") {
  CHECK(r("2009-01-01", "2009-01-31").days() == 31);
  CHECK(r("2009-01-01", "2009-01-01").days() == 1);
  CHECK(r("2008-02-01", "2008-03-01").days() == 30);  // leap year
  CHECK(r("2009-01-01", "2009-01-31").to_string() == "2009-01-01..2009-01-31");
  CHECK(DateRange::between(d("2009-02-01"), d("2009-01-01")).error() ==
        "the range ends (2009-01-01) before it starts (2009-02-01)");
  CHECK(DateRange::single(d("2009-05-05")).days() == 1);
}

TEST_CASE("overlapping and adjacent absences are merged", "[calendar][absences]") {
  const std::vector<DateRange> absences{r("2009-03-01", "2009-03-10"),
                                        r("2008-12-20", "2009-01-05"),
                                        r("2009-01-03", "2009-01-20"),   // overlaps the previous
                                        r("2009-01-21", "2009-01-25"),   // adjacent: one trip
                                        r("2009-03-05", "2009-03-06")};  // inside another
  const std::vector<DateRange> merged = regularis::merge_ranges(absences);
  REQUIRE(merged.size() == 2);
  CHECK(merged[0] == r("2008-12-20", "2009-01-25"));
  CHECK(merged[1] == r("2009-03-01", "2009-03-10"));
  // 37 + 10 days, each day counted once.
  CHECK(regularis::total_days(absences) == 47);
  CHECK(regularis::longest_range(absences) == r("2008-12-20", "2009-01-25"));
  // A one-day gap keeps two absences apart.
  CHECK(regularis::merge_ranges({r("2009-01-01", "2009-01-10"), r("2009-01-12", "2009-01-20")})
            .size() == 2);
  CHECK(regularis::total_days({}) == 0);
  CHECK_FALSE(regularis::longest_range({}).has_value());
}

TEST_CASE("absences clipped to a period", "[calendar][absences]") {
  const std::vector<DateRange> clipped = regularis::clip_ranges(
      {r("2008-12-01", "2009-01-10"), r("2009-06-01", "2009-06-05"), r("2010-01-01", "2010-02-01")},
      r("2009-01-01", "2009-12-31"));
  REQUIRE(clipped.size() == 2);
  CHECK(clipped[0] == r("2009-01-01", "2009-01-10"));
  CHECK(clipped[1] == r("2009-06-01", "2009-06-05"));
}

TEST_CASE("longest absence exactly at the tolerance: 90 days allowed, 91 not",
          "[calendar][absences]") {
  AbsenceTolerance t;
  t.max_single_absence_days = 90;
  const Date since = d("2007-01-01");
  const Date until = d("2009-07-02");

  // 1 March .. 29 May 2008: 31 + 30 + 29 = 90 days.
  const ResidenceCheck ok =
      regularis::check_residence({r("2008-03-01", "2008-05-29")}, since, until, t);
  CHECK(ok.continuous);
  CHECK(ok.total_absent_days == 90);
  CHECK(ok.longest_absence == r("2008-03-01", "2008-05-29"));
  CHECK_FALSE(ok.over_single_limit.has_value());

  const ResidenceCheck broken =
      regularis::check_residence({r("2008-03-01", "2008-05-30")}, since, until, t);
  CHECK_FALSE(broken.continuous);
  CHECK(broken.total_absent_days == 91);
  CHECK(broken.over_single_limit == r("2008-03-01", "2008-05-30"));

  // Two trips that touch are one absence of 91 days.
  const ResidenceCheck joined = regularis::check_residence(
      {r("2008-03-01", "2008-04-15"), r("2008-04-16", "2008-05-30")}, since, until, t);
  CHECK_FALSE(joined.continuous);
  CHECK(joined.over_single_limit == r("2008-03-01", "2008-05-30"));

  // Only the part inside the residence period counts: 91 days, 1 before it.
  const ResidenceCheck partly =
      regularis::check_residence({r("2006-12-31", "2007-03-31")}, since, until, t);
  CHECK(partly.continuous);
  CHECK(partly.total_absent_days == 90);
}

TEST_CASE("total days absent over the period and in a rolling window", "[calendar][absences]") {
  const std::vector<DateRange> trips{r("2008-01-10", "2008-02-08"),   // 30 days
                                     r("2008-06-01", "2008-07-30"),   // 60 days
                                     r("2009-06-01", "2009-06-30")};  // 30 days
  const Date since = d("2007-07-01");
  const Date until = d("2009-07-02");

  AbsenceTolerance total;
  total.max_total_absence_days = 120;
  CHECK(regularis::check_residence(trips, since, until, total).continuous);
  total.max_total_absence_days = 119;
  const ResidenceCheck over = regularis::check_residence(trips, since, until, total);
  CHECK_FALSE(over.continuous);
  CHECK(over.total_absent_days == 120);
  CHECK(over.worst_window == r("2007-07-01", "2009-07-02"));
  CHECK(over.worst_window_absent_days == 120);

  // At most 90 days in any 12 months: the first two trips fit in one window
  // (the earliest such is 2007-07-31 .. 2008-07-30), the last two do not.
  AbsenceTolerance window;
  window.max_total_absence_days = 90;
  window.total_window = Period::months(12);
  const ResidenceCheck in_window = regularis::check_residence(trips, since, until, window);
  CHECK(in_window.continuous);
  CHECK(in_window.worst_window_absent_days == 90);
  CHECK(in_window.worst_window == r("2007-07-31", "2008-07-30"));
  window.max_total_absence_days = 89;
  CHECK_FALSE(regularis::check_residence(trips, since, until, window).continuous);

  // A 60-day and a 31-day trip within 12 months of each other: 91 days; the
  // earliest window holding both ends on the last day of the second.
  const std::vector<DateRange> closer{r("2008-06-01", "2008-07-30"), r("2009-03-01", "2009-03-31")};
  window.max_total_absence_days = 90;
  const ResidenceCheck c = regularis::check_residence(closer, since, until, window);
  CHECK_FALSE(c.continuous);
  CHECK(c.worst_window_absent_days == 91);
  CHECK(c.worst_window == r("2008-04-01", "2009-03-31"));
}

TEST_CASE("no absences, or an empty period", "[calendar][absences]") {
  AbsenceTolerance t;
  t.max_single_absence_days = 0;
  t.max_total_absence_days = 0;
  const ResidenceCheck none = regularis::check_residence({}, d("2008-01-01"), d("2009-01-01"), t);
  CHECK(none.continuous);
  CHECK(none.total_absent_days == 0);
  CHECK_FALSE(none.longest_absence.has_value());
  const ResidenceCheck empty = regularis::check_residence({r("2008-01-01", "2008-12-31")},
                                                          d("2009-01-02"), d("2009-01-01"), t);
  CHECK(empty.continuous);
  CHECK(empty.total_absent_days == 0);
  // Any absence breaks a zero tolerance.
  CHECK_FALSE(regularis::check_residence({DateRange::single(d("2008-05-05"))}, d("2008-01-01"),
                                         d("2009-01-01"), t)
                  .continuous);
}
