// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Deadline arithmetic on a HolidayCalendar: business days, rolling a date off
// a non-business day, and DeadlineRule, the small value type that programme
// files and case deadlines write as text ("30 business days", "90 days
// before", "end of month", "180 days after, next business day") and `apply`
// turns into a date.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "regularis/calendar/holiday_calendar.hpp"
#include "regularis/core/date.hpp"
#include "regularis/core/parsed.hpp"
#include "regularis/core/period.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// Which way a deadline counts from its starting date.
enum class Direction { after, before };

/// What to do with a deadline that falls on a non-business day.
enum class Roll { unchanged, next_business_day, previous_business_day };

/// Whether the starting date is day 1 of the count. The default, `excluded`,
/// is the usual legal counting ("dies a quo non computatur"): 180 days after
/// 2009-07-03 is 2009-12-30. `included` makes day 1 the starting date itself
/// (2009-12-29).
enum class FirstDay { excluded, included };

/// `d` itself when it is a business day (or `r` is unchanged); otherwise the
/// first business day after it (next_business_day) or the last one before it
/// (previous_business_day).
///
///     roll(*Date::parse("2009-12-25"), Roll::next_business_day, br);  // 2009-12-28
REGULARIS_API Date roll(Date d, Roll r, const HolidayCalendar& calendar);

/// The n-th business day after `from` (n > 0) or before it (n < 0); `from`
/// itself when n == 0. `from` need not be a business day.
///
///     add_business_days(*Date::parse("2009-12-23"), 2, br);   // 2009-12-28
REGULARIS_API Date add_business_days(Date from, std::int64_t n, const HolidayCalendar& calendar);

/// Business days in (from, to]: after `from`, up to and including `to`;
/// negative when `to` is before `from` (then counting [to, from)).
///
///     business_days_between(*Date::parse("2009-12-23"), *Date::parse("2009-12-28"), br);  // 2
REGULARIS_API std::int64_t business_days_between(Date from, Date to,
                                                 const HolidayCalendar& calendar);

/// The last day of `d`'s month.
REGULARIS_API Date end_of_month(Date d) noexcept;

/// A deadline as a rule: a calendar period or a number of business days
/// after or before a date, or the end of the date's month; then how the
/// first day counts and what happens on a non-business day.
///
///     auto r = DeadlineRule::parse("180 days after, next business day");
///     apply(*r, *Date::parse("2009-07-03"), br);        // 2009-12-30 (a Wednesday)
///     DeadlineRule::business_days(30).to_string();      // "30 business days after"
///
/// Text grammar (case-insensitive; words separated by spaces):
///
///     rule      := base { "," option }
///     base      := "end of month"
///                | N ("business day" | "business days") [direction]
///                | N ("calendar day" | "calendar days") [direction]
///                | PERIOD [direction]        -- as Period::parse reads it:
///                                               "90 days", "3 weeks", "1 year 6 months"
///     direction := "after" | "before"        -- default: after
///     option    := "excluding the first day" | "including the first day"
///                | "next business day" | "previous business day" | "unchanged"
///
/// N is a non-negative whole number. At most one first-day option and one
/// roll option; the first-day options do not apply to "end of month".
class REGULARIS_API DeadlineRule {
 public:
  enum class Unit { calendar, business_days, end_of_month };

  /// "30 business days after" until changed.
  DeadlineRule() = default;
  /// A calendar period after (or before) the starting date.
  static DeadlineRule calendar(Period period, Direction direction = Direction::after);
  /// `count` (>= 0; a negative count is taken as its absolute value) business
  /// days after (or before) the starting date.
  static DeadlineRule business_days(std::int32_t count, Direction direction = Direction::after);
  /// The last day of the starting date's month.
  static DeadlineRule end_of_month();

  DeadlineRule with_roll(Roll r) const;
  DeadlineRule with_first_day(FirstDay f) const;

  /// Errors read, e.g., `"30 busines days" is not a deadline: unknown kind of
  /// day "busines" (use business days, calendar days or days)` or `"end of month, next business
  /// day, unchanged" is not a deadline: more than one rule for a non-business day`.
  static Parsed<DeadlineRule> parse(std::string_view text);

  Unit unit() const noexcept { return unit_; }
  Period period() const noexcept { return period_; }
  std::int32_t business_day_count() const noexcept { return count_; }
  Direction direction() const noexcept { return direction_; }
  Roll roll() const noexcept { return roll_; }
  FirstDay first_day() const noexcept { return first_day_; }

  /// Canonical text that parse() reads back: "30 business days after",
  /// "90 days before", "end of month, previous business day",
  /// "180 days after, including the first day, next business day".
  std::string to_string() const;

  friend bool operator==(const DeadlineRule& a, const DeadlineRule& b) {
    return a.unit_ == b.unit_ && a.period_ == b.period_ && a.count_ == b.count_ &&
           a.direction_ == b.direction_ && a.roll_ == b.roll_ && a.first_day_ == b.first_day_;
  }
  friend bool operator!=(const DeadlineRule& a, const DeadlineRule& b) { return !(a == b); }

 private:
  Unit unit_ = Unit::business_days;
  Period period_{};
  std::int32_t count_ = 30;
  Direction direction_ = Direction::after;
  Roll roll_ = Roll::unchanged;
  FirstDay first_day_ = FirstDay::excluded;
};

/// The deadline `rule` gives from `from` on `calendar`.
///
///     auto r = DeadlineRule::parse("90 days before");
///     apply(*r, *Date::parse("2009-12-30"), br);   // 2009-10-01
REGULARIS_API Date apply(const DeadlineRule& rule, Date from, const HolidayCalendar& calendar);

}  // namespace regularis
