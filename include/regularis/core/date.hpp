// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Date: a civil (calendar) date with no time and no zone, the unit in which
// laws state cutoffs, windows and deadlines. Stored as days since 1970-01-01,
// the representation of date::sys_days; the date library does the calendar
// arithmetic in date.cpp. Years 0001 to 9999 only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "regularis/core/parsed.hpp"
#include "regularis/core/period.hpp"
#include "regularis/export.hpp"

namespace regularis {

enum class Weekday { monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday };

/// What adding months or years does when the day does not exist in the target
/// month: 2008-02-29 + 1 year is 2009-02-28 (clamp, the default) or
/// 2009-03-01 (roll_over).
enum class MonthEnd { clamp, roll_over };

/// When someone born on 29 February has a birthday in a common year. The
/// programme says which; completed-years counting (ISO, Brazil, the benchmark)
/// reaches it on 1 March.
enum class LeapDayBirthday { march_1, february_28 };

/// A civil date, 0001-01-01 .. 9999-12-31. Immutable value; cheap to copy.
///
///     auto d = Date::parse("2009-02-01");           // strict YYYY-MM-DD
///     Date cutoff = *d;
///     bool late = Date::from_ymd(2009, 2, 2).value() > cutoff;   // true
///     Date later = cutoff + Period::days(180);
class REGULARIS_API Date {
 public:
  /// 1970-01-01.
  constexpr Date() = default;

  /// Strict ISO 8601 calendar date: exactly `YYYY-MM-DD`, the date must exist.
  /// Errors: `"2009-2-1" is not a date in the form YYYY-MM-DD`,
  /// `2009-02-29 is not a date` (the day does not exist).
  static Parsed<Date> parse(std::string_view text);
  /// Fails when the date does not exist or is out of range, with the same
  /// messages as parse() (`2009-02-29 is not a date`,
  /// `0000-01-01 is not a date: the year must be 0001 to 9999`).
  static Parsed<Date> from_ymd(int year, int month, int day);
  static constexpr Date from_days_since_epoch(std::int32_t days) { return Date(days); }

  constexpr std::int32_t days_since_epoch() const noexcept { return days_; }
  int year() const noexcept;
  int month() const noexcept;  ///< 1..12
  int day() const noexcept;    ///< 1..31
  Weekday weekday() const noexcept;
  bool is_last_day_of_month() const noexcept;

  /// Adds years and months (with the month-end rule), then days. Results
  /// beyond the supported range saturate at 0001-01-01 / 9999-12-31.
  Date plus(Period p, MonthEnd rule = MonthEnd::clamp) const;
  Date add_days(std::int64_t n) const;

  /// "2009-02-01".
  std::string to_string() const;

  friend constexpr bool operator==(Date a, Date b) { return a.days_ == b.days_; }
  friend constexpr bool operator!=(Date a, Date b) { return a.days_ != b.days_; }
  friend constexpr bool operator<(Date a, Date b) { return a.days_ < b.days_; }
  friend constexpr bool operator<=(Date a, Date b) { return a.days_ <= b.days_; }
  friend constexpr bool operator>(Date a, Date b) { return a.days_ > b.days_; }
  friend constexpr bool operator>=(Date a, Date b) { return a.days_ >= b.days_; }

 private:
  constexpr explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

/// Date + Period with the default (clamp) month-end rule. Date + Date does not
/// compile.
REGULARIS_API Date operator+(Date d, Period p);
REGULARIS_API Date operator-(Date d, Period p);

/// Days from `from` to `to` (negative when `to` is earlier).
REGULARIS_API std::int64_t days_between(Date from, Date to) noexcept;

/// Whether `year` has a 29 February (Gregorian).
REGULARIS_API bool is_leap_year(int year) noexcept;

/// Completed years from `from` to `to` (negative when `to` is earlier); a
/// 29 February anniversary falls as `rule` says in common years.
REGULARIS_API int years_between(Date from, Date to,
                                LeapDayBirthday rule = LeapDayBirthday::march_1) noexcept;

/// Age in completed years on a date.
///
///     age_on(*Date::parse("2000-02-29"), *Date::parse("2009-02-28")) == 8
///     age_on(*Date::parse("2000-02-29"), *Date::parse("2009-03-01")) == 9
REGULARIS_API int age_on(Date birth, Date on,
                         LeapDayBirthday rule = LeapDayBirthday::march_1) noexcept;

/// The date of the `years`-th anniversary of `birth` (29 February as `rule` says).
REGULARIS_API Date anniversary(Date birth, int years, LeapDayBirthday rule) noexcept;

}  // namespace regularis
