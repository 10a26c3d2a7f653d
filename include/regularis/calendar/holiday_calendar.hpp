// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Holiday calendars as data: a HolidayRule says when a holiday falls in a year
// (a fixed day, the nth or last weekday of a month, a day relative to Easter,
// or a one-off date), in which years it applies, and whether a law moves it
// (Colombia's Ley Emiliani, US federal weekend observance). A HolidayCalendar
// is a set of rules plus the weekend days; it answers is_holiday,
// holidays_in(year) and is_business_day, which deadline.hpp builds on.
// Calendar files (examples/calendars/*.yaml) are read into HolidayCalendars by
// the programme module's calendar-file loader.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "regularis/core/date.hpp"
#include "regularis/core/parsed.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// "monday" .. "sunday" in any case. Error: `unknown weekday "Moonday" (use
/// Monday .. Sunday)`.
///
///     parse_weekday("Saturday").value() == Weekday::saturday
REGULARIS_API Parsed<Weekday> parse_weekday(std::string_view text);

/// "Monday" .. "Sunday".
REGULARIS_API std::string_view weekday_name(Weekday w) noexcept;

/// Easter Sunday (Gregorian, Western churches) of a year, by the anonymous
/// Gregorian algorithm. Defined for 1583..9999; empty outside.
///
///     easter_sunday(2009)->to_string() == "2009-04-12"
REGULARIS_API std::optional<Date> easter_sunday(int year) noexcept;

/// When a holiday falls in a year, as written in a calendar file's `date:` key.
///
///     HolidayDate::parse("12-25")                      // fixed: 25 December
///     HolidayDate::parse("third Monday of January")    // nth weekday
///     HolidayDate::parse("last Monday of May")         // last weekday
///     HolidayDate::parse("Easter - 2")                 // Good Friday
///     HolidayDate::parse("2022-03-18")                 // one-off date
///
/// Grammar (words are case-insensitive, separated by single spaces):
///
///     on     := MM-DD | YYYY-MM-DD | easter | easter (+|-) N
///             | ordinal weekday "of" month
///     ordinal:= first | second | third | fourth | last | 1st | 2nd | 3rd | 4th
///     weekday:= monday .. sunday;   month := january .. december
///
/// "fifth" is not accepted (it does not exist in every month; use "last").
/// "02-29" is accepted and falls only in leap years.
class REGULARIS_API HolidayDate {
 public:
  enum class Kind { fixed, nth_weekday, last_weekday, easter, once };

  static HolidayDate fixed(int month, int day);
  /// nth in 1..4.
  static HolidayDate nth_weekday(int nth, Weekday weekday, int month);
  static HolidayDate last_weekday(Weekday weekday, int month);
  /// Days from Easter Sunday: Good Friday -2, Carnival Tuesday -47,
  /// Corpus Christi +60.
  static HolidayDate easter(int offset_days);
  static HolidayDate once(Date date);

  /// Errors read, e.g., `"fifth Monday of May" is not a holiday date: unknown
  /// ordinal "fifth" (use first, second, third, fourth or last)`.
  static Parsed<HolidayDate> parse(std::string_view text);

  Kind kind() const noexcept { return kind_; }
  int month() const noexcept { return month_; }
  int day() const noexcept { return day_; }
  int nth() const noexcept { return nth_; }
  Weekday weekday() const noexcept { return weekday_; }
  int easter_offset() const noexcept { return offset_; }
  Date once_date() const noexcept { return once_; }

  /// The date in `year`, if the rule gives one (02-29 only in leap years, a
  /// one-off date only in its year; nothing outside 1583..9999).
  std::optional<Date> in_year(int year) const;

  /// Canonical text, which parse() reads back: "12-25", "third Monday of
  /// January", "last Monday of May", "Easter - 2", "Easter", "2022-03-18".
  std::string to_string() const;

  friend bool operator==(const HolidayDate& a, const HolidayDate& b) {
    return a.kind_ == b.kind_ && a.month_ == b.month_ && a.day_ == b.day_ && a.nth_ == b.nth_ &&
           a.weekday_ == b.weekday_ && a.offset_ == b.offset_ && a.once_ == b.once_;
  }
  friend bool operator!=(const HolidayDate& a, const HolidayDate& b) { return !(a == b); }

 private:
  HolidayDate() = default;
  Kind kind_ = Kind::fixed;
  int month_ = 1;
  int day_ = 1;
  int nth_ = 0;
  Weekday weekday_ = Weekday::monday;
  int offset_ = 0;
  Date once_{};
};

/// A day off by law, or a day on which offices may close (Brazil's "ponto
/// facultativo"). Whether optional days count as business days is the
/// calendar's choice (CalendarOptions::optional_days).
enum class HolidayKind { holiday, optional_day };

/// What a law does with a holiday that falls on a given weekday.
enum class HolidayMove {
  none,             ///< kept on its date
  next_monday,      ///< moved to the next Monday unless it is a Monday (Colombia, Ley 51/1983)
  nearest_weekday,  ///< Saturday → the Friday before, Sunday → the Monday after (US 5 U.S.C. 6103)
  sunday_to_monday,  ///< only a Sunday holiday moves, to the Monday after
  /// kept on a Friday or a Monday, otherwise moved to the next Monday
  /// (Ireland's St Brigid's Day: 1 February if a Friday, else the first Monday of February)
  next_monday_unless_friday,
};

/// "holiday" / "optional"; "none" / "next_monday" / "nearest_weekday" /
/// "sunday_to_monday" / "next_monday_unless_friday" (the words calendar files use).
REGULARIS_API std::string_view to_string(HolidayKind k) noexcept;
REGULARIS_API std::string_view to_string(HolidayMove m) noexcept;

/// One holiday of a calendar, as data.
///
///     HolidayRule r{"Corpus Christi", HolidayDate::easter(60)};
///     r.kind = HolidayKind::optional_day;
///     r.from_year = 2003;
struct HolidayRule {
  std::string name;
  HolidayDate date = HolidayDate::fixed(1, 1);
  HolidayKind kind = HolidayKind::holiday;
  HolidayMove move = HolidayMove::none;
  std::optional<int> from_year;   ///< first year it applies (inclusive)
  std::optional<int> until_year;  ///< last year it applies (inclusive)
  bool confirmed = true;          ///< false: the file's author could not confirm it
  std::string basis;              ///< legal basis, for people to read

  HolidayRule() = default;
  HolidayRule(std::string rule_name, HolidayDate when) : name(std::move(rule_name)), date(when) {}
};

/// One holiday in one year: the day off (after any move) and the day the
/// rule names.
struct Holiday {
  Date date;     ///< the day off
  Date nominal;  ///< the date the rule gives (differs when moved)
  std::string name;
  HolidayKind kind = HolidayKind::holiday;
  bool confirmed = true;

  bool moved() const noexcept { return date != nominal; }
};

/// Whether optional days (pontos facultativos) are business days.
enum class OptionalDays { closed, open };

struct CalendarOptions {
  std::vector<Weekday> weekend{Weekday::saturday, Weekday::sunday};
  OptionalDays optional_days = OptionalDays::closed;
};

/// A holiday calendar: rules, weekend days, and the optional-day policy.
/// Immutable once built; copyable; shareable across threads. Holidays
/// are computed on demand for the years 1583..9999 (outside, only weekends
/// are days off).
///
///     HolidayCalendar us("us-federal",
///         {HolidayRule{"Memorial Day", HolidayDate::last_weekday(Weekday::monday, 5)}});
///     us.is_holiday(*Date::parse("2009-05-25"));         // true
///     us.is_business_day(*Date::parse("2009-05-23"));    // false: Saturday
///     us.holidays_in(2009).front().name;                 // "Memorial Day"
class REGULARIS_API HolidayCalendar {
 public:
  /// A calendar with no holidays and a Saturday + Sunday weekend.
  HolidayCalendar();
  /// Throws UsageError ("calendar.no_business_days") when every day of the
  /// week is a weekend day.
  HolidayCalendar(std::string id, std::vector<HolidayRule> rules, CalendarOptions options = {});

  const std::string& id() const noexcept { return id_; }
  const std::vector<HolidayRule>& rules() const noexcept { return rules_; }
  const CalendarOptions& options() const noexcept { return options_; }

  bool is_weekend(Date d) const noexcept;
  /// A day off by law (kind holiday) falls on `d` (after moves).
  bool is_holiday(Date d) const;
  /// An optional day (ponto facultativo) falls on `d`.
  bool is_optional_day(Date d) const;
  /// Every holiday of either kind on `d` (usually none or one).
  std::vector<Holiday> holidays_on(Date d) const;
  /// Every holiday of either kind whose day off is in `year`, by date (then
  /// by the rules' order). A moved holiday is listed in the year it moved to.
  std::vector<Holiday> holidays_in(int year) const;
  /// Not a weekend day, not a holiday, and not an optional day unless
  /// optional days are open.
  bool is_business_day(Date d) const;

 private:
  std::string id_;
  std::vector<HolidayRule> rules_;
  CalendarOptions options_;
  unsigned weekend_mask_ = 0;  // bit (weekday - 1)
};

}  // namespace regularis
