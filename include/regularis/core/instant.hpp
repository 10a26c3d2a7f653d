// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Instant: a point in time (a filing timestamp), and TimeZone: an IANA zone
// from the system's zoneinfo (date/tz with USE_OS_TZDB), which turns an
// instant into the local date and time a programme's window is stated in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "regularis/core/date.hpp"
#include "regularis/core/parsed.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// A point in time, to the second, in UTC.
///
///     auto t = Instant::parse("2009-12-31T23:30:00-02:00");
///     // t->to_string() == "2010-01-01T01:30:00Z"
class REGULARIS_API Instant {
 public:
  constexpr Instant() = default;
  /// RFC 3339 / ISO 8601 with a mandatory offset: `YYYY-MM-DDThh:mm[:ss[.fff]](Z|±hh:mm)`.
  /// Offsets beyond ±18:00 are rejected; fractions of a second are truncated.
  /// Errors: `"2009-12-31T23:30:00" has no UTC offset (add Z or ±hh:mm)`,
  /// `"2009-12-31T23:30:00+25:00" has a UTC offset beyond ±18:00`,
  /// `"2009-02-29T10:00:00Z" is not a date and time: 2009-02-29 is not a date`,
  /// `"2009-12-31 23:30" is not a date and time in the form YYYY-MM-DDThh:mm:ss±hh:mm`.
  static Parsed<Instant> parse(std::string_view text);
  static constexpr Instant from_unix_seconds(std::int64_t s) { return Instant(s); }
  /// Midnight UTC at the start of a date.
  static Instant at_utc_midnight(Date d);

  constexpr std::int64_t unix_seconds() const noexcept { return seconds_; }
  /// The UTC date.
  Date utc_date() const noexcept;
  /// "2010-01-01T01:30:00Z".
  std::string to_string() const;

  friend constexpr bool operator==(Instant a, Instant b) { return a.seconds_ == b.seconds_; }
  friend constexpr bool operator!=(Instant a, Instant b) { return a.seconds_ != b.seconds_; }
  friend constexpr bool operator<(Instant a, Instant b) { return a.seconds_ < b.seconds_; }
  friend constexpr bool operator<=(Instant a, Instant b) { return a.seconds_ <= b.seconds_; }
  friend constexpr bool operator>(Instant a, Instant b) { return a.seconds_ > b.seconds_; }
  friend constexpr bool operator>=(Instant a, Instant b) { return a.seconds_ >= b.seconds_; }

 private:
  constexpr explicit Instant(std::int64_t s) : seconds_(s) {}
  std::int64_t seconds_ = 0;
};

/// A local date and time of day in some zone.
struct LocalDateTime {
  Date date;
  std::int32_t seconds_of_day = 0;  ///< 0 .. 86399
};

/// An IANA time zone from the system zoneinfo. Cheap to copy; thread-safe.
///
///     auto sp = TimeZone::locate("America/Sao_Paulo");
///     sp->local_date(*Instant::parse("2009-12-31T23:30:00-02:00"));  // 2009-12-31
class REGULARIS_API TimeZone {
 public:
  /// Fails with `unknown time zone "Mars/Olympus"` when the zone is not in the database.
  static Parsed<TimeZone> locate(std::string_view name);

  const std::string& name() const noexcept { return name_; }
  Date local_date(Instant t) const;
  LocalDateTime to_local(Instant t) const;
  /// The instant at which a local date and time occurs. In a gap (summer time
  /// starts) the time is moved forward past the gap, by the gap's length
  /// (Sao Paulo, 2009-10-18 00:30, which did not exist, is 01:30 BRST =
  /// 03:30Z); when ambiguous (summer time ends) the earlier instant is taken
  /// (2010-02-20 23:30 is 01:30Z, not 02:30Z).
  Instant to_instant(LocalDateTime local) const;
  /// UTC offset in seconds in force at an instant.
  std::int32_t utc_offset_seconds(Instant t) const;

 private:
  TimeZone(std::string name, const void* zone) : name_(std::move(name)), zone_(zone) {}
  std::string name_;
  const void* zone_ = nullptr;  // a const date::time_zone*, owned by the tz database
};

}  // namespace regularis
