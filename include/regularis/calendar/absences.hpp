// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Absences and continuous residence as sets of date ranges: merging
// overlapping or adjacent absences, counting days absent, finding the longest
// absence, and deciding whether residence since a date was continuous under a
// programme's tolerance (no single absence over N days, at most M days absent
// in total or in any rolling window). Plain functions over Date; the rules'
// `continuous_residence` function calls them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "regularis/core/date.hpp"
#include "regularis/core/parsed.hpp"
#include "regularis/core/period.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// An inclusive range of dates [first, last], e.g. one absence from the
/// country: left on `first`, back on `last`, every day in between counted.
///
///     auto r = DateRange::between(*Date::parse("2009-01-01"), *Date::parse("2009-01-31"));
///     r->days();   // 31
class REGULARIS_API DateRange {
 public:
  /// Fails with `the range ends (2009-01-01) before it starts (2009-02-01)`
  /// when last < first.
  static Parsed<DateRange> between(Date first, Date last);
  /// A one-day range.
  static DateRange single(Date d) noexcept { return DateRange(d, d); }

  Date first() const noexcept { return first_; }
  Date last() const noexcept { return last_; }
  /// Days in the range, both ends included (>= 1).
  std::int64_t days() const noexcept;
  bool contains(Date d) const noexcept { return first_ <= d && d <= last_; }
  /// "2009-01-01..2009-01-31".
  std::string to_string() const;

  friend bool operator==(DateRange a, DateRange b) {
    return a.first_ == b.first_ && a.last_ == b.last_;
  }
  friend bool operator!=(DateRange a, DateRange b) { return !(a == b); }

 private:
  DateRange(Date first, Date last) : first_(first), last_(last) {}
  Date first_;
  Date last_;
};

/// The ranges merged into a sorted set of disjoint, non-adjacent ranges:
/// overlapping ranges and ranges that touch (one ends the day before the
/// other starts) become one.
///
///     merge_ranges({Jan 1..Jan 10, Jan 5..Jan 20, Jan 21..Jan 25})  // {Jan 1..Jan 25}
REGULARIS_API std::vector<DateRange> merge_ranges(std::vector<DateRange> ranges);

/// Distinct days covered by the ranges (a day in two ranges counts once).
REGULARIS_API std::int64_t total_days(const std::vector<DateRange>& ranges);

/// The longest range after merging (the earliest of equal ones); empty when
/// there are no ranges.
REGULARIS_API std::optional<DateRange> longest_range(const std::vector<DateRange>& ranges);

/// The ranges cut to [within.first(), within.last()] (then merged); ranges
/// entirely outside disappear.
REGULARIS_API std::vector<DateRange> clip_ranges(const std::vector<DateRange>& ranges,
                                                 DateRange within);

/// What a programme tolerates during a period of residence. Every limit is
/// optional; with none set, any absence is tolerated.
///
///     AbsenceTolerance t;
///     t.max_single_absence_days = 90;     // 90 days away is fine, 91 breaks residence
///     t.max_total_absence_days = 180;     // in any 12 months:
///     t.total_window = Period::months(12);
struct AbsenceTolerance {
  /// The longest single (merged) absence allowed, in days.
  std::optional<std::int64_t> max_single_absence_days;
  /// The most days absent allowed, in total over the residence period or,
  /// when `total_window` is set, in any window of that length.
  std::optional<std::int64_t> max_total_absence_days;
  /// A rolling window for max_total_absence_days (e.g. 12 months).
  std::optional<Period> total_window;
};

/// The verdict on continuous residence over a period, with the figures that
/// decided it.
struct ResidenceCheck {
  bool continuous = true;
  /// Days absent within the residence period.
  std::int64_t total_absent_days = 0;
  /// The longest merged absence within the residence period.
  std::optional<DateRange> longest_absence;
  /// The first absence longer than max_single_absence_days, if any.
  std::optional<DateRange> over_single_limit;
  /// When total_window is set: the window with the most days absent (the
  /// earliest of equal ones) and its count; otherwise the whole period.
  std::optional<DateRange> worst_window;
  std::int64_t worst_window_absent_days = 0;
};

/// Whether residence from `since` to `until` (both included) was continuous
/// under `tolerance`, given absences (clipped to the period and merged first).
/// An empty period (until < since) is continuous with no absences.
///
///     AbsenceTolerance t;
///     t.max_single_absence_days = 90;
///     auto a = DateRange::between(*Date::parse("2008-03-01"), *Date::parse("2008-05-29"));  // 90
///     days check_residence({*a}, *Date::parse("2007-01-01"), *Date::parse("2009-07-02"), t)
///         .continuous;   // true
REGULARIS_API ResidenceCheck check_residence(const std::vector<DateRange>& absences, Date since,
                                             Date until, const AbsenceTolerance& tolerance);

}  // namespace regularis
