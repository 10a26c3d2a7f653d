// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Period: a calendar period of years, months and days ("2 years", "180 days"),
// as laws state them. It is added to a Date field by field (years and months
// first, then days); it is not a number of seconds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "regularis/core/parsed.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// A calendar period. Components may be negative ("90 days before").
///
///     Period p = Period::years(2);
///     auto q = Period::parse("1 year 6 months");   // q->months() == 6
class REGULARIS_API Period {
 public:
  constexpr Period() = default;
  constexpr Period(std::int32_t years, std::int32_t months, std::int32_t days)
      : years_(years), months_(months), days_(days) {}
  static constexpr Period years(std::int32_t n) { return {n, 0, 0}; }
  static constexpr Period months(std::int32_t n) { return {0, n, 0}; }
  static constexpr Period days(std::int32_t n) { return {0, 0, n}; }

  /// "2 years", "1 year 6 months", "90 days", "3 weeks" (= 21 days), "0 days".
  /// Units singular or plural; parts in the order years, months, weeks, days,
  /// separated by one space; a number may have a leading '-'. Errors read
  /// `"2 fortnights" is not a period: unknown unit "fortnights" (use years,
  /// months, weeks or days)`.
  static Parsed<Period> parse(std::string_view text);

  constexpr std::int32_t years() const noexcept { return years_; }
  constexpr std::int32_t months() const noexcept { return months_; }
  constexpr std::int32_t days() const noexcept { return days_; }
  /// Months in total (years * 12 + months).
  constexpr std::int64_t total_months() const noexcept {
    return std::int64_t{years_} * 12 + months_;
  }

  /// "2 years", "1 year 6 months", "0 days".
  std::string to_string() const;

  friend constexpr Period operator-(Period p) { return {-p.years_, -p.months_, -p.days_}; }
  friend constexpr Period operator+(Period a, Period b) {
    return {a.years_ + b.years_, a.months_ + b.months_, a.days_ + b.days_};
  }
  /// Component-wise equality: "12 months" != "1 year".
  friend constexpr bool operator==(Period a, Period b) {
    return a.years_ == b.years_ && a.months_ == b.months_ && a.days_ == b.days_;
  }
  friend constexpr bool operator!=(Period a, Period b) { return !(a == b); }

 private:
  std::int32_t years_ = 0;
  std::int32_t months_ = 0;
  std::int32_t days_ = 0;
};

}  // namespace regularis
