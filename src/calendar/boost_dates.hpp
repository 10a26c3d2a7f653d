// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Conversions between regularis::Date and Boost.Date_Time's gregorian::date
// for the calendar module's sources. Boost covers 1400-01-01..9999-12-31;
// callers keep to 1583..9999 (the Gregorian years holidays are defined for).
// Nothing of Boost leaves src/calendar.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdint>

#include "regularis/core/date.hpp"

namespace regularis::detail {

constexpr int kFirstHolidayYear = 1583;
constexpr int kLastHolidayYear = 9999;

inline const boost::gregorian::date& boost_epoch() {
  static const boost::gregorian::date epoch(1970, boost::gregorian::Jan, 1);
  return epoch;
}

/// Precondition: d is in 1400..9999.
inline boost::gregorian::date to_boost(Date d) {
  return boost_epoch() + boost::gregorian::date_duration(d.days_since_epoch());
}

inline Date from_boost(const boost::gregorian::date& d) {
  return Date::from_days_since_epoch(static_cast<std::int32_t>((d - boost_epoch()).days()));
}

/// regularis Weekday (Monday = 1 .. Sunday = 7) → Boost (Sunday = 0 .. Saturday = 6).
inline boost::gregorian::greg_weekday to_boost(Weekday w) {
  return boost::gregorian::greg_weekday(static_cast<unsigned short>(static_cast<int>(w) % 7));
}

}  // namespace regularis::detail
