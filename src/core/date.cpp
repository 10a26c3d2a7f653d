// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Date: strict YYYY-MM-DD parsing, calendar arithmetic (months and years with
// a month-end rule, then days) and completed-years counting with the
// 29 February rule. Calendar work is done by Howard Hinnant's date library on
// date::sys_days, whose count of days since 1970-01-01 is what Date stores.
#include "regularis/core/date.hpp"

#include <algorithm>

#include <date/date.h>

#include "core/text.hpp"

namespace regularis {
namespace {

constexpr std::int64_t kMinDays =
    date::sys_days{date::year{1} / date::January / 1}.time_since_epoch().count();
constexpr std::int64_t kMaxDays =
    date::sys_days{date::year{9999} / date::December / 31}.time_since_epoch().count();

Date saturated(std::int64_t days) noexcept {
  return Date::from_days_since_epoch(
      static_cast<std::int32_t>(std::clamp(days, kMinDays, kMaxDays)));
}

date::year_month_day to_ymd(Date d) noexcept {
  return date::year_month_day{date::sys_days{date::days{d.days_since_epoch()}}};
}

std::int64_t to_days(date::sys_days d) noexcept { return d.time_since_epoch().count(); }

std::string ymd_text(long long y, long long m, long long d) {
  return detail::zero_padded(y, 4) + "-" + detail::zero_padded(m, 2) + "-" +
         detail::zero_padded(d, 2);
}

// The date of (year, month, day) where `day` may exceed the month's length:
// clamped to the last day, or rolled over into the next month.
Date resolve(int year, unsigned month, unsigned day, MonthEnd rule) noexcept {
  const date::year_month ym{date::year{year}, date::month{month}};
  const unsigned last = static_cast<unsigned>(
      date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day());
  date::sys_days first{ym / 1};
  if (day <= last) return saturated(to_days(first) + day - 1);
  if (rule == MonthEnd::clamp) return saturated(to_days(first) + last - 1);
  return saturated(to_days(first) + day - 1);
}

}  // namespace

Parsed<Date> Date::parse(std::string_view text) {
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      std::all_of(text.begin(), text.begin() + 4, detail::is_digit) &&
                      detail::is_digit(text[5]) && detail::is_digit(text[6]) &&
                      detail::is_digit(text[8]) && detail::is_digit(text[9]);
  if (!shaped) {
    return Parsed<Date>::failure(detail::quoted(text) + " is not a date in the form YYYY-MM-DD");
  }
  auto number = [&](std::size_t from, std::size_t count) {
    int n = 0;
    for (std::size_t i = from; i < from + count; ++i) n = n * 10 + (text[i] - '0');
    return n;
  };
  return from_ymd(number(0, 4), number(5, 2), number(8, 2));
}

Parsed<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1 || year > 9999) {
    return Parsed<Date>::failure(ymd_text(year, month, day) +
                                 " is not a date: the year must be 0001 to 9999");
  }
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  if (month < 1 || month > 12 || day < 1 || day > 31 || !ymd.ok()) {
    return Parsed<Date>::failure(ymd_text(year, month, day) + " is not a date");
  }
  return Date(static_cast<std::int32_t>(to_days(date::sys_days{ymd})));
}

int Date::year() const noexcept { return static_cast<int>(to_ymd(*this).year()); }
int Date::month() const noexcept {
  return static_cast<int>(static_cast<unsigned>(to_ymd(*this).month()));
}
int Date::day() const noexcept {
  return static_cast<int>(static_cast<unsigned>(to_ymd(*this).day()));
}

Weekday Date::weekday() const noexcept {
  const date::weekday wd{date::sys_days{date::days{days_}}};
  return static_cast<Weekday>(wd.iso_encoding());
}

bool Date::is_last_day_of_month() const noexcept {
  const auto ymd = to_ymd(*this);
  const date::year_month_day_last last{ymd.year(), date::month_day_last{ymd.month()}};
  return ymd.day() == last.day();
}

Date Date::plus(Period p, MonthEnd rule) const {
  const auto ymd = to_ymd(*this);
  const std::int64_t month_index = std::int64_t{static_cast<int>(ymd.year())} * 12 +
                                   (static_cast<unsigned>(ymd.month()) - 1) + p.total_months();
  Date moved = *this;
  if (month_index < 12) {
    moved = saturated(kMinDays);
  } else if (month_index > 9999 * 12 + 11) {
    moved = saturated(kMaxDays);
  } else {
    moved = resolve(static_cast<int>(month_index / 12), static_cast<unsigned>(month_index % 12) + 1,
                    static_cast<unsigned>(ymd.day()), rule);
  }
  return moved.add_days(p.days());
}

Date Date::add_days(std::int64_t n) const {
  // Saturate rather than overflow: n may be anything a caller computed.
  if (n > kMaxDays - kMinDays) return saturated(kMaxDays);
  if (n < kMinDays - kMaxDays) return saturated(kMinDays);
  return saturated(std::int64_t{days_} + n);
}

std::string Date::to_string() const {
  const auto ymd = to_ymd(*this);
  return ymd_text(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
}

Date operator+(Date d, Period p) { return d.plus(p); }
Date operator-(Date d, Period p) { return d.plus(-p); }

std::int64_t days_between(Date from, Date to) noexcept {
  return std::int64_t{to.days_since_epoch()} - from.days_since_epoch();
}

bool is_leap_year(int year) noexcept { return date::year{year}.is_leap(); }

int years_between(Date from, Date to, LeapDayBirthday rule) noexcept {
  int from_month = from.month();
  int from_day = from.day();
  if (rule == LeapDayBirthday::february_28 && from_month == 2 && from_day == 29 &&
      !is_leap_year(to.year())) {
    from_day = 28;
  }
  int years = to.year() - from.year();
  if (to.month() < from_month || (to.month() == from_month && to.day() < from_day)) --years;
  return years;
}

int age_on(Date birth, Date on, LeapDayBirthday rule) noexcept {
  return years_between(birth, on, rule);
}

Date anniversary(Date birth, int years, LeapDayBirthday rule) noexcept {
  const std::int64_t year = std::int64_t{birth.year()} + years;
  if (year < 1) return saturated(kMinDays);
  if (year > 9999) return saturated(kMaxDays);
  const int y = static_cast<int>(year);
  if (birth.month() == 2 && birth.day() == 29 && !is_leap_year(y)) {
    return rule == LeapDayBirthday::february_28 ? resolve(y, 2, 28, MonthEnd::clamp)
                                                : resolve(y, 3, 1, MonthEnd::clamp);
  }
  return resolve(y, static_cast<unsigned>(birth.month()), static_cast<unsigned>(birth.day()),
                 MonthEnd::clamp);
}

}  // namespace regularis
