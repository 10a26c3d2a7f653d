// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Instant and TimeZone: RFC 3339 parsing with a mandatory offset, and the
// conversion between instants and local dates and times through the IANA
// zones of the system zoneinfo (date/tz built with USE_OS_TZDB).
#include "regularis/core/instant.hpp"

#include <exception>

#include <date/date.h>
#include <date/tz.h>

#include "core/text.hpp"

namespace regularis {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

const date::time_zone* zone_of(const void* p) noexcept {
  return static_cast<const date::time_zone*>(p);
}

date::sys_seconds sys(Instant t) noexcept {
  return date::sys_seconds{std::chrono::seconds{t.unix_seconds()}};
}

std::string two(int n) { return detail::zero_padded(n, 2); }

}  // namespace

Parsed<Instant> Instant::parse(std::string_view text) {
  const std::string q = detail::quoted(text);
  auto shape = [&] {
    return Parsed<Instant>::failure(
        q + " is not a date and time in the form YYYY-MM-DDThh:mm:ss±hh:mm");
  };
  // YYYY-MM-DDThh:mm
  if (text.size() < 16 || (text[10] != 'T' && text[10] != 't') || text[13] != ':') return shape();
  auto digits2 = [&](std::size_t at, int& out) {
    if (at + 2 > text.size() || !detail::is_digit(text[at]) || !detail::is_digit(text[at + 1])) {
      return false;
    }
    out = (text[at] - '0') * 10 + (text[at + 1] - '0');
    return true;
  };
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!digits2(11, hour) || !digits2(14, minute)) return shape();
  std::size_t i = 16;
  if (i < text.size() && text[i] == ':') {
    if (!digits2(i + 1, second)) return shape();
    i += 3;
    if (i < text.size() && text[i] == '.') {
      const std::size_t start = ++i;
      while (i < text.size() && detail::is_digit(text[i])) ++i;
      if (i == start) return shape();
    }
  }
  auto day = Date::parse(text.substr(0, 10));
  if (!day) {
    if (day.error().find("in the form") != std::string::npos) return shape();
    return Parsed<Instant>::failure(q + " is not a date and time: " + day.error());
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return Parsed<Instant>::failure(q + " is not a date and time: " + two(hour) + ":" +
                                    two(minute) + ":" + two(second) + " is not a time of day");
  }
  if (i == text.size()) {
    return Parsed<Instant>::failure(q + " has no UTC offset (add Z or ±hh:mm)");
  }
  int offset = 0;
  if (text[i] == 'Z' || text[i] == 'z') {
    ++i;
  } else if (text[i] == '+' || text[i] == '-') {
    int oh = 0;
    int om = 0;
    if (!digits2(i + 1, oh) || i + 3 >= text.size() || text[i + 3] != ':' || !digits2(i + 4, om)) {
      return shape();
    }
    if (om > 59 || oh * 60 + om > 18 * 60) {
      return Parsed<Instant>::failure(q + " has a UTC offset beyond ±18:00");
    }
    offset = (text[i] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    i += 6;
  } else {
    return shape();
  }
  if (i != text.size()) return shape();
  const std::int64_t local =
      std::int64_t{day->days_since_epoch()} * kSecondsPerDay + hour * 3600 + minute * 60 + second;
  return Instant(local - offset);
}

Instant Instant::at_utc_midnight(Date d) {
  return Instant(std::int64_t{d.days_since_epoch()} * kSecondsPerDay);
}

Date Instant::utc_date() const noexcept {
  return Date::from_days_since_epoch(
      static_cast<std::int32_t>(floor_div(seconds_, kSecondsPerDay)));
}

std::string Instant::to_string() const {
  const std::int64_t days = floor_div(seconds_, kSecondsPerDay);
  const auto sod = static_cast<int>(seconds_ - days * kSecondsPerDay);
  return Date::from_days_since_epoch(static_cast<std::int32_t>(days)).to_string() + "T" +
         two(sod / 3600) + ":" + two(sod / 60 % 60) + ":" + two(sod % 60) + "Z";
}

Parsed<TimeZone> TimeZone::locate(std::string_view name) {
  try {
    const date::time_zone* zone = date::locate_zone(std::string(name));
    if (zone != nullptr) return TimeZone(std::string(name), zone);
  } catch (const std::exception&) {
    // Not in the database (or no database at all): reported below.
  }
  return Parsed<TimeZone>::failure("unknown time zone " + detail::quoted(name));
}

Date TimeZone::local_date(Instant t) const { return to_local(t).date; }

LocalDateTime TimeZone::to_local(Instant t) const {
  const std::int64_t local = t.unix_seconds() + zone_of(zone_)->get_info(sys(t)).offset.count();
  const std::int64_t days = floor_div(local, kSecondsPerDay);
  return LocalDateTime{Date::from_days_since_epoch(static_cast<std::int32_t>(days)),
                       static_cast<std::int32_t>(local - days * kSecondsPerDay)};
}

Instant TimeZone::to_instant(LocalDateTime local) const {
  const date::local_seconds ls{std::chrono::seconds{
      std::int64_t{local.date.days_since_epoch()} * kSecondsPerDay + local.seconds_of_day}};
  const date::local_info info = zone_of(zone_)->get_info(ls);
  // unique: the one offset. nonexistent (a gap): the offset before the gap,
  // which moves the time forward by the gap's length. ambiguous (an overlap):
  // the first offset, which gives the earlier instant.
  return Instant::from_unix_seconds(ls.time_since_epoch().count() - info.first.offset.count());
}

std::int32_t TimeZone::utc_offset_seconds(Instant t) const {
  return static_cast<std::int32_t>(zone_of(zone_)->get_info(sys(t)).offset.count());
}

}  // namespace regularis
