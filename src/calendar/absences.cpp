// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Absences as sets of Boost.Date_Time date_periods: merging (overlapping or
// adjacent periods become one span), clipping to the residence period,
// counting days, the longest absence, and the continuous-residence verdict
// with its rolling-window total. Boost's periods are half-open [begin, end);
// DateRange is inclusive, so a range becomes [first, last + 1 day).
#include "regularis/calendar/absences.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <algorithm>

#include "calendar/boost_dates.hpp"

namespace regularis {

namespace {

namespace greg = boost::gregorian;

// Boost's dates end at 9999-12-31 and a half-open period needs the day after
// its last; absences are counted within 1583-01-01 .. 9999-12-30, and dates
// outside are moved to those ends.
greg::date bounded(Date d) {
  static const Date kLow = *Date::from_ymd(detail::kFirstHolidayYear, 1, 1);
  static const Date kHigh = *Date::from_ymd(9999, 12, 30);
  return detail::to_boost(std::clamp(d, kLow, kHigh));
}

greg::date_period to_period(const DateRange& r) {
  return greg::date_period(bounded(r.first()), bounded(r.last()) + greg::days(1));
}

DateRange to_range(const greg::date_period& p) {
  return *DateRange::between(detail::from_boost(p.begin()), detail::from_boost(p.last()));
}

std::vector<greg::date_period> merged_periods(const std::vector<DateRange>& ranges) {
  std::vector<greg::date_period> periods;
  periods.reserve(ranges.size());
  for (const DateRange& r : ranges) periods.push_back(to_period(r));
  std::sort(periods.begin(), periods.end(),
            [](const greg::date_period& a, const greg::date_period& b) {
              return a.begin() < b.begin() || (a.begin() == b.begin() && a.end() < b.end());
            });
  std::vector<greg::date_period> out;
  for (const greg::date_period& p : periods) {
    if (!out.empty() && (out.back().intersects(p) || out.back().is_adjacent(p))) {
      out.back() = out.back().span(p);
    } else {
      out.push_back(p);
    }
  }
  return out;
}

std::int64_t days_in(const std::vector<greg::date_period>& periods) {
  std::int64_t n = 0;
  for (const greg::date_period& p : periods) n += p.length().days();
  return n;
}

// Days of the (merged) periods inside `window`.
std::int64_t overlap_days(const std::vector<greg::date_period>& periods,
                          const greg::date_period& window) {
  std::int64_t n = 0;
  for (const greg::date_period& p : periods) {
    const greg::date_period i = p.intersection(window);
    if (!i.is_null()) n += i.length().days();
  }
  return n;
}

}  // namespace

Parsed<DateRange> DateRange::between(Date first, Date last) {
  if (last < first) {
    return Parsed<DateRange>::failure("the range ends (" + last.to_string() +
                                      ") before it starts (" + first.to_string() + ")");
  }
  return DateRange(first, last);
}

std::int64_t DateRange::days() const noexcept { return days_between(first_, last_) + 1; }

std::string DateRange::to_string() const { return first_.to_string() + ".." + last_.to_string(); }

std::vector<DateRange> merge_ranges(std::vector<DateRange> ranges) {
  std::vector<DateRange> out;
  for (const greg::date_period& p : merged_periods(ranges)) out.push_back(to_range(p));
  return out;
}

std::int64_t total_days(const std::vector<DateRange>& ranges) {
  return days_in(merged_periods(ranges));
}

std::optional<DateRange> longest_range(const std::vector<DateRange>& ranges) {
  std::optional<greg::date_period> best;
  for (const greg::date_period& p : merged_periods(ranges)) {
    if (!best || p.length() > best->length()) best = p;
  }
  if (!best) return std::nullopt;
  return to_range(*best);
}

std::vector<DateRange> clip_ranges(const std::vector<DateRange>& ranges, DateRange within) {
  const greg::date_period w = to_period(within);
  std::vector<DateRange> out;
  for (const greg::date_period& p : merged_periods(ranges)) {
    const greg::date_period i = p.intersection(w);
    if (!i.is_null()) out.push_back(to_range(i));
  }
  return out;
}

ResidenceCheck check_residence(const std::vector<DateRange>& absences, Date since, Date until,
                               const AbsenceTolerance& tolerance) {
  ResidenceCheck out;
  const Parsed<DateRange> residence = DateRange::between(since, until);
  if (!residence) return out;

  const std::vector<DateRange> clipped = clip_ranges(absences, *residence);
  const std::vector<greg::date_period> periods = merged_periods(clipped);
  out.total_absent_days = days_in(periods);
  out.longest_absence = longest_range(clipped);

  if (tolerance.max_single_absence_days) {
    for (const DateRange& r : clipped) {
      if (r.days() > *tolerance.max_single_absence_days) {
        out.over_single_limit = r;
        out.continuous = false;
        break;
      }
    }
  }

  // The window with the most days absent: for a window of fixed length the
  // count is highest when the window starts on an absence's first day or
  // ends on an absence's last day, so only those windows are measured.
  out.worst_window = *residence;
  out.worst_window_absent_days = out.total_absent_days;
  if (tolerance.total_window) {
    const Period window = *tolerance.total_window;
    std::optional<DateRange> worst;
    std::int64_t worst_days = 0;
    auto measure = [&](Date first, Date last) {
      const Parsed<DateRange> candidate = DateRange::between(first, last);
      if (!candidate) return;
      const std::int64_t n = overlap_days(periods, to_period(*candidate));
      if (!worst || n > worst_days || (n == worst_days && candidate->first() < worst->first())) {
        worst = *candidate;
        worst_days = n;
      }
    };
    for (const DateRange& r : clipped) {
      measure(r.first(), (r.first() + window).add_days(-1));
      measure(r.last().add_days(1) - window, r.last());
    }
    if (worst) {
      out.worst_window = worst;
      out.worst_window_absent_days = worst_days;
    } else if (clipped.empty()) {
      out.worst_window_absent_days = 0;
    }
  }
  if (tolerance.max_total_absence_days &&
      out.worst_window_absent_days > *tolerance.max_total_absence_days) {
    out.continuous = false;
  }
  return out;
}

}  // namespace regularis
