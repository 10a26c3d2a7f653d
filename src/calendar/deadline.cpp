// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Deadline arithmetic: rolling off non-business days, counting business
// days, and DeadlineRule (its small text grammar, documented in
// deadline.hpp, and `apply`). Every loop walks one day at a time and stops at
// the ends of the Date range, so a calendar can never make it spin.
#include "regularis/calendar/deadline.hpp"

#include <cstdlib>
#include <string>
#include <vector>

#include "calendar/text.hpp"

namespace regularis {

namespace {

// One day forward (step 1) or back (step -1); false at the end of the range.
bool step_day(Date& d, int step) {
  static const Date kFirstDate = *Date::from_ymd(1, 1, 1);
  static const Date kLastDate = *Date::from_ymd(9999, 12, 31);
  if ((step > 0 && d == kLastDate) || (step < 0 && d == kFirstDate)) return false;
  d = d.add_days(step);
  return true;
}

Parsed<DeadlineRule> bad(std::string_view text, const std::string& why) {
  return Parsed<DeadlineRule>::failure("\"" + std::string(text) + "\" is not a deadline: " + why);
}

std::string joined(const std::vector<std::string_view>& words, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) out += ' ';
    out += detail::ascii_lower(words[i]);
  }
  return out;
}

bool is_day_word(std::string_view w) {
  const std::string l = detail::ascii_lower(w);
  return l == "day" || l == "days";
}

// The base of a rule: "end of month", "N business days [after|before]",
// "N calendar days [...]", or a Period [after|before].
Parsed<DeadlineRule> parse_base(std::string_view text, std::string_view base) {
  std::vector<std::string_view> words = detail::words_of(base);
  const std::string all = joined(words, words.size());
  if (all == "end of month" || all == "end of the month") return DeadlineRule::end_of_month();

  Direction direction = Direction::after;
  if (!words.empty()) {
    const std::string last = detail::ascii_lower(words.back());
    if (last == "after" || last == "before") {
      direction = last == "after" ? Direction::after : Direction::before;
      words.pop_back();
    }
  }
  if (words.empty()) {
    return bad(text, "it needs an amount, e.g. \"30 business days\" or \"90 days before\"");
  }
  if (words.size() == 3 && is_day_word(words[2])) {
    const std::string kind = detail::ascii_lower(words[1]);
    if (kind != "business" && kind != "calendar") {
      return bad(text, "unknown kind of day \"" + std::string(words[1]) +
                           "\" (use business days, calendar days or days)");
    }
    const std::optional<int> n = detail::parse_count(words[0]);
    if (!n) return bad(text, "\"" + std::string(words[0]) + "\" is not a whole number of days");
    if (kind == "business") return DeadlineRule::business_days(*n, direction);
    return DeadlineRule::calendar(Period::days(*n), direction);
  }
  const Parsed<Period> period = Period::parse(joined(words, words.size()));
  if (!period) return bad(text, period.error());
  if (period->years() < 0 || period->months() < 0 || period->days() < 0) {
    return bad(text, "write the amount without a sign and say \"after\" or \"before\"");
  }
  return DeadlineRule::calendar(*period, direction);
}

}  // namespace

Date roll(Date d, Roll r, const HolidayCalendar& calendar) {
  if (r == Roll::unchanged) return d;
  const int step = r == Roll::next_business_day ? 1 : -1;
  Date cur = d;
  while (!calendar.is_business_day(cur)) {
    if (!step_day(cur, step)) return cur;
  }
  return cur;
}

Date add_business_days(Date from, std::int64_t n, const HolidayCalendar& calendar) {
  const int step = n < 0 ? -1 : 1;
  std::int64_t left = n < 0 ? -n : n;
  Date cur = from;
  while (left > 0) {
    if (!step_day(cur, step)) return cur;
    if (calendar.is_business_day(cur)) --left;
  }
  return cur;
}

std::int64_t business_days_between(Date from, Date to, const HolidayCalendar& calendar) {
  if (to == from) return 0;
  // Count in (lo, hi] going forward, or [to, from) going back.
  std::int64_t count = 0;
  if (from < to) {
    for (Date d = from; d < to;) {
      d = d.add_days(1);
      if (calendar.is_business_day(d)) ++count;
    }
    return count;
  }
  for (Date d = to; d < from; d = d.add_days(1)) {
    if (calendar.is_business_day(d)) ++count;
  }
  return -count;
}

Date end_of_month(Date d) noexcept {
  for (int day = 31; day >= 28; --day) {
    const Parsed<Date> last = Date::from_ymd(d.year(), d.month(), day);
    if (last) return *last;
  }
  return d;
}

DeadlineRule DeadlineRule::calendar(Period period, Direction direction) {
  DeadlineRule r;
  r.unit_ = Unit::calendar;
  r.period_ = period;
  r.count_ = 0;
  r.direction_ = direction;
  return r;
}

DeadlineRule DeadlineRule::business_days(std::int32_t count, Direction direction) {
  DeadlineRule r;
  r.unit_ = Unit::business_days;
  r.count_ = count < 0 ? -count : count;
  r.direction_ = direction;
  return r;
}

DeadlineRule DeadlineRule::end_of_month() {
  DeadlineRule r;
  r.unit_ = Unit::end_of_month;
  r.count_ = 0;
  return r;
}

DeadlineRule DeadlineRule::with_roll(Roll r) const {
  DeadlineRule copy = *this;
  copy.roll_ = r;
  return copy;
}

DeadlineRule DeadlineRule::with_first_day(FirstDay f) const {
  DeadlineRule copy = *this;
  copy.first_day_ = f;
  return copy;
}

Parsed<DeadlineRule> DeadlineRule::parse(std::string_view text) {
  if (detail::trim_spaces(text).empty()) return bad(text, "it is empty");
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const std::size_t stop = comma == std::string_view::npos ? text.size() : comma;
    parts.push_back(detail::trim_spaces(text.substr(start, stop - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  Parsed<DeadlineRule> base = parse_base(text, parts.front());
  if (!base) return base;
  DeadlineRule rule = *base;
  bool have_roll = false;
  bool have_first_day = false;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::vector<std::string_view> words = detail::words_of(parts[i]);
    const std::string option = joined(words, words.size());
    if (option.empty()) return bad(text, "there is nothing between two commas");
    if (option == "excluding the first day" || option == "including the first day") {
      if (rule.unit_ == Unit::end_of_month) {
        return bad(text, "\"" + option + "\" does not apply to end of month");
      }
      if (have_first_day) return bad(text, "more than one rule for the first day");
      have_first_day = true;
      rule.first_day_ = option[0] == 'e' ? FirstDay::excluded : FirstDay::included;
    } else if (option == "next business day" || option == "previous business day" ||
               option == "unchanged") {
      if (have_roll) return bad(text, "more than one rule for a non-business day");
      have_roll = true;
      rule.roll_ = option[0] == 'n'   ? Roll::next_business_day
                   : option[0] == 'p' ? Roll::previous_business_day
                                      : Roll::unchanged;
    } else {
      return bad(text, "unknown option \"" + std::string(parts[i]) +
                           "\" (use excluding the first day, including the first day, next "
                           "business day, previous business day or unchanged)");
    }
  }
  return rule;
}

std::string DeadlineRule::to_string() const {
  std::string out;
  const char* direction = direction_ == Direction::after ? " after" : " before";
  switch (unit_) {
    case Unit::end_of_month:
      out = "end of month";
      break;
    case Unit::business_days:
      out = std::to_string(count_) + (count_ == 1 ? " business day" : " business days") + direction;
      break;
    case Unit::calendar:
      out = period_.to_string() + direction;
      break;
  }
  if (unit_ != Unit::end_of_month && first_day_ == FirstDay::included) {
    out += ", including the first day";
  }
  if (roll_ == Roll::next_business_day) out += ", next business day";
  if (roll_ == Roll::previous_business_day) out += ", previous business day";
  return out;
}

Date apply(const DeadlineRule& rule, Date from, const HolidayCalendar& calendar) {
  const bool after = rule.direction() == Direction::after;
  const bool included = rule.first_day() == FirstDay::included;
  Date result = from;
  switch (rule.unit()) {
    case DeadlineRule::Unit::end_of_month:
      result = end_of_month(from);
      break;
    case DeadlineRule::Unit::calendar:
      result = after ? from + rule.period() : from - rule.period();
      if (included) result = result.add_days(after ? -1 : 1);
      break;
    case DeadlineRule::Unit::business_days: {
      std::int64_t n = rule.business_day_count();
      if (included && n > 0 && calendar.is_business_day(from)) --n;
      result = add_business_days(from, after ? n : -n, calendar);
      break;
    }
  }
  return roll(result, rule.roll(), calendar);
}

}  // namespace regularis
