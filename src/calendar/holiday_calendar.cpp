// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Holiday rules and calendars: Easter by the anonymous Gregorian algorithm,
// the `date:` text of a holiday (HolidayDate::parse), each rule's date in a year
// through Boost.Date_Time's date generators (partial_date,
// nth_day_of_the_week_in_month, last_day_of_the_week_in_month), the moves
// laws make (next Monday, nearest weekday), and the calendar's questions
// (is_holiday, holidays_in, is_business_day), computed on demand.
#include "regularis/calendar/holiday_calendar.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "calendar/boost_dates.hpp"
#include "calendar/text.hpp"
#include "regularis/core/error.hpp"

namespace regularis {

namespace {

namespace greg = boost::gregorian;

using detail::kFirstHolidayYear;
using detail::kLastHolidayYear;

constexpr std::array<std::string_view, 12> kMonthNames{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 4> kOrdinals{"first", "second", "third", "fourth"};
constexpr std::array<std::string_view, 4> kShortOrdinals{"1st", "2nd", "3rd", "4th"};
constexpr int kMaxEasterOffset = 366;

bool is_leap(int year) noexcept { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int month, bool leap) noexcept {
  constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && leap) return 29;
  return kDays[static_cast<std::size_t>(month - 1)];
}

// `d` moved by `days`, or nothing when that leaves 0001-01-01..9999-12-31.
std::optional<Date> shifted(Date d, std::int64_t days) {
  static const Date kMin = *Date::from_ymd(1, 1, 1);
  static const Date kMax = *Date::from_ymd(9999, 12, 31);
  const std::int64_t target = std::int64_t{d.days_since_epoch()} + days;
  if (target < kMin.days_since_epoch() || target > kMax.days_since_epoch()) return std::nullopt;
  return Date::from_days_since_epoch(static_cast<std::int32_t>(target));
}

std::optional<Date> moved(Date nominal, HolidayMove move) {
  const Weekday w = nominal.weekday();
  switch (move) {
    case HolidayMove::none:
      return nominal;
    case HolidayMove::next_monday:
      // Monday = 1: Tuesday moves 6 days, Sunday 1.
      return shifted(nominal, (8 - static_cast<int>(w)) % 7);
    case HolidayMove::nearest_weekday:
      if (w == Weekday::saturday) return shifted(nominal, -1);
      if (w == Weekday::sunday) return shifted(nominal, 1);
      return nominal;
    case HolidayMove::sunday_to_monday:
      if (w == Weekday::sunday) return shifted(nominal, 1);
      return nominal;
    case HolidayMove::next_monday_unless_friday:
      if (w == Weekday::friday) return nominal;
      return shifted(nominal, (8 - static_cast<int>(w)) % 7);
  }
  return nominal;
}

bool applies_in(const HolidayRule& rule, int year) noexcept {
  if (rule.from_year && year < *rule.from_year) return false;
  if (rule.until_year && year > *rule.until_year) return false;
  return true;
}

// The rule's holiday for rule-year `year`, after its move.
std::optional<Holiday> occurrence(const HolidayRule& rule, int year) {
  if (!applies_in(rule, year)) return std::nullopt;
  const std::optional<Date> nominal = rule.date.in_year(year);
  if (!nominal) return std::nullopt;
  const std::optional<Date> day = moved(*nominal, rule.move);
  if (!day) return std::nullopt;
  return Holiday{*day, *nominal, rule.name, rule.kind, rule.confirmed};
}

Parsed<HolidayDate> bad(std::string_view text, const std::string& why) {
  return Parsed<HolidayDate>::failure("\"" + std::string(text) +
                                      "\" is not a holiday date: " + why);
}

Parsed<HolidayDate> parse_fixed(std::string_view text) {
  const int month = (text[0] - '0') * 10 + (text[1] - '0');
  const int day = (text[3] - '0') * 10 + (text[4] - '0');
  if (month < 1 || month > 12) {
    return bad(text, "there is no month " + std::to_string(month));
  }
  if (day < 1 || day > days_in_month(month, true)) {
    return bad(text, std::string(kMonthNames[static_cast<std::size_t>(month - 1)]) +
                         " has no day " + std::to_string(day));
  }
  return HolidayDate::fixed(month, day);
}

Parsed<HolidayDate> parse_easter(std::string_view text, std::string_view rest) {
  rest = detail::trim_spaces(rest);
  if (rest.empty()) return HolidayDate::easter(0);
  const char sign = rest.front();
  if (sign != '+' && sign != '-') {
    return bad(text, "write Easter + N or Easter - N (N days)");
  }
  const std::string_view digits = detail::trim_spaces(rest.substr(1));
  const std::optional<int> n = detail::parse_count(digits);
  if (!n) return bad(text, "write Easter + N or Easter - N (N days)");
  if (*n > kMaxEasterOffset) {
    return bad(text, "an Easter offset is at most " + std::to_string(kMaxEasterOffset) + " days");
  }
  return HolidayDate::easter(sign == '+' ? *n : -*n);
}

Parsed<HolidayDate> parse_weekday_rule(std::string_view text,
                                       const std::vector<std::string_view>& words) {
  if (words.size() != 4 || detail::ascii_lower(words[2]) != "of") {
    return bad(text,
               "write MM-DD, YYYY-MM-DD, Easter + N, or \"<ordinal> <weekday> of <month>\" "
               "(e.g. \"third Monday of January\")");
  }
  const std::string ordinal = detail::ascii_lower(words[0]);
  int nth = 0;
  for (std::size_t i = 0; i < kOrdinals.size(); ++i) {
    if (ordinal == kOrdinals[i] || ordinal == kShortOrdinals[i]) nth = static_cast<int>(i) + 1;
  }
  if (ordinal == "last") nth = -1;
  if (nth == 0) {
    return bad(text, "unknown ordinal \"" + std::string(words[0]) +
                         "\" (use first, second, third, fourth or last)");
  }
  const Parsed<Weekday> weekday = parse_weekday(words[1]);
  if (!weekday) return bad(text, weekday.error());
  const std::string month_word = detail::ascii_lower(words[3]);
  int month = 0;
  for (std::size_t i = 0; i < kMonthNames.size(); ++i) {
    if (month_word == detail::ascii_lower(kMonthNames[i])) month = static_cast<int>(i) + 1;
  }
  if (month == 0) {
    return bad(text, "unknown month \"" + std::string(words[3]) + "\" (use January .. December)");
  }
  if (nth < 0) return HolidayDate::last_weekday(*weekday, month);
  return HolidayDate::nth_weekday(nth, *weekday, month);
}

}  // namespace

std::optional<Date> easter_sunday(int year) noexcept {
  if (year < kFirstHolidayYear || year > kLastHolidayYear) return std::nullopt;
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  auto date = Date::from_ymd(year, month, day);
  if (!date) return std::nullopt;
  return *date;
}

Parsed<Weekday> parse_weekday(std::string_view text) {
  constexpr std::array<std::string_view, 7> kNames{"monday", "tuesday",  "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};
  const std::string word = detail::ascii_lower(text);
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (word == kNames[i]) return static_cast<Weekday>(i + 1);
  }
  return Parsed<Weekday>::failure("unknown weekday \"" + std::string(text) +
                                  "\" (use Monday .. Sunday)");
}

std::string_view weekday_name(Weekday w) noexcept {
  constexpr std::array<std::string_view, 7> kNames{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday"};
  return kNames[static_cast<std::size_t>(static_cast<int>(w) - 1)];
}

HolidayDate HolidayDate::fixed(int month, int day) {
  HolidayDate h;
  h.kind_ = Kind::fixed;
  h.month_ = month;
  h.day_ = day;
  return h;
}

HolidayDate HolidayDate::nth_weekday(int nth, Weekday weekday, int month) {
  HolidayDate h;
  h.kind_ = Kind::nth_weekday;
  h.nth_ = std::clamp(nth, 1, 4);
  h.weekday_ = weekday;
  h.month_ = month;
  return h;
}

HolidayDate HolidayDate::last_weekday(Weekday weekday, int month) {
  HolidayDate h;
  h.kind_ = Kind::last_weekday;
  h.weekday_ = weekday;
  h.month_ = month;
  return h;
}

HolidayDate HolidayDate::easter(int offset_days) {
  HolidayDate h;
  h.kind_ = Kind::easter;
  h.offset_ = offset_days;
  return h;
}

HolidayDate HolidayDate::once(Date date) {
  HolidayDate h;
  h.kind_ = Kind::once;
  h.once_ = date;
  h.month_ = date.month();
  h.day_ = date.day();
  return h;
}

Parsed<HolidayDate> HolidayDate::parse(std::string_view text) {
  const std::string_view t = detail::trim_spaces(text);
  if (t.empty()) return bad(text, "it is empty");
  const bool digit0 = detail::is_ascii_digit(t[0]);
  if (digit0 && t.size() == 5 && t[2] == '-' && detail::is_ascii_digit(t[1]) &&
      detail::is_ascii_digit(t[3]) && detail::is_ascii_digit(t[4])) {
    return parse_fixed(t);
  }
  if (digit0 && t.size() >= 8 && t.find('-') == 4) {
    const Parsed<Date> d = Date::parse(t);
    if (!d) return bad(text, d.error());
    return HolidayDate::once(*d);
  }
  if (t.size() >= 6 && detail::ascii_lower(t.substr(0, 6)) == "easter") {
    return parse_easter(text, t.substr(6));
  }
  return parse_weekday_rule(text, detail::words_of(t));
}

std::optional<Date> HolidayDate::in_year(int year) const {
  if (year < kFirstHolidayYear || year > kLastHolidayYear) return std::nullopt;
  const auto y = static_cast<unsigned short>(year);
  const auto m = static_cast<unsigned short>(month_);
  switch (kind_) {
    case Kind::fixed: {
      if (month_ == 2 && day_ == 29 && !is_leap(year)) return std::nullopt;
      const greg::partial_date pd(static_cast<unsigned short>(day_), greg::greg_month(m));
      return detail::from_boost(pd.get_date(greg::greg_year(y)));
    }
    case Kind::nth_weekday: {
      using Nth = greg::nth_day_of_the_week_in_month;
      const Nth gen(static_cast<Nth::week_num>(nth_), detail::to_boost(weekday_),
                    greg::greg_month(m));
      return detail::from_boost(gen.get_date(greg::greg_year(y)));
    }
    case Kind::last_weekday: {
      const greg::last_day_of_the_week_in_month gen(detail::to_boost(weekday_),
                                                    greg::greg_month(m));
      return detail::from_boost(gen.get_date(greg::greg_year(y)));
    }
    case Kind::easter: {
      const std::optional<Date> sunday = easter_sunday(year);
      if (!sunday) return std::nullopt;
      return shifted(*sunday, offset_);
    }
    case Kind::once:
      if (once_.year() != year) return std::nullopt;
      return once_;
  }
  return std::nullopt;
}

std::string HolidayDate::to_string() const {
  switch (kind_) {
    case Kind::fixed:
      return detail::two_digits(month_) + "-" + detail::two_digits(day_);
    case Kind::nth_weekday:
      return std::string(kOrdinals[static_cast<std::size_t>(nth_ - 1)]) + " " +
             std::string(weekday_name(weekday_)) + " of " +
             std::string(kMonthNames[static_cast<std::size_t>(month_ - 1)]);
    case Kind::last_weekday:
      return "last " + std::string(weekday_name(weekday_)) + " of " +
             std::string(kMonthNames[static_cast<std::size_t>(month_ - 1)]);
    case Kind::easter:
      if (offset_ == 0) return "Easter";
      return std::string("Easter ") + (offset_ < 0 ? "- " : "+ ") +
             std::to_string(offset_ < 0 ? -offset_ : offset_);
    case Kind::once:
      return once_.to_string();
  }
  return {};
}

std::string_view to_string(HolidayKind k) noexcept {
  return k == HolidayKind::holiday ? "holiday" : "optional";
}

std::string_view to_string(HolidayMove m) noexcept {
  switch (m) {
    case HolidayMove::none:
      return "none";
    case HolidayMove::next_monday:
      return "next_monday";
    case HolidayMove::nearest_weekday:
      return "nearest_weekday";
    case HolidayMove::sunday_to_monday:
      return "sunday_to_monday";
    case HolidayMove::next_monday_unless_friday:
      return "next_monday_unless_friday";
  }
  return "none";
}

HolidayCalendar::HolidayCalendar() : HolidayCalendar("", {}) {}

HolidayCalendar::HolidayCalendar(std::string id, std::vector<HolidayRule> rules,
                                 CalendarOptions options)
    : id_(std::move(id)), rules_(std::move(rules)), options_(std::move(options)) {
  for (Weekday w : options_.weekend) weekend_mask_ |= 1U << (static_cast<unsigned>(w) - 1U);
  if (weekend_mask_ == 0x7FU) {
    throw UsageError("calendar.no_business_days",
                     "calendar \"" + id_ + "\" has every day of the week as a weekend day");
  }
}

bool HolidayCalendar::is_weekend(Date d) const noexcept {
  return (weekend_mask_ >> (static_cast<unsigned>(d.weekday()) - 1U) & 1U) != 0;
}

std::vector<Holiday> HolidayCalendar::holidays_on(Date d) const {
  std::vector<Holiday> out;
  const int year = d.year();
  for (const HolidayRule& rule : rules_) {
    for (int y = year - 1; y <= year + 1; ++y) {
      std::optional<Holiday> h = occurrence(rule, y);
      if (h && h->date == d) out.push_back(std::move(*h));
    }
  }
  return out;
}

std::vector<Holiday> HolidayCalendar::holidays_in(int year) const {
  std::vector<Holiday> out;
  for (const HolidayRule& rule : rules_) {
    for (int y = year - 1; y <= year + 1; ++y) {
      std::optional<Holiday> h = occurrence(rule, y);
      if (h && h->date.year() == year) out.push_back(std::move(*h));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return out;
}

bool HolidayCalendar::is_holiday(Date d) const {
  const std::vector<Holiday> hs = holidays_on(d);
  return std::any_of(hs.begin(), hs.end(),
                     [](const Holiday& h) { return h.kind == HolidayKind::holiday; });
}

bool HolidayCalendar::is_optional_day(Date d) const {
  const std::vector<Holiday> hs = holidays_on(d);
  return std::any_of(hs.begin(), hs.end(),
                     [](const Holiday& h) { return h.kind == HolidayKind::optional_day; });
}

bool HolidayCalendar::is_business_day(Date d) const {
  if (is_weekend(d)) return false;
  const std::vector<Holiday> hs = holidays_on(d);
  const bool open_optional = options_.optional_days == OptionalDays::open;
  return std::none_of(hs.begin(), hs.end(), [&](const Holiday& h) {
    return h.kind == HolidayKind::holiday || !open_optional;
  });
}

}  // namespace regularis
