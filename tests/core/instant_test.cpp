// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Instant and TimeZone: RFC 3339 parsing and its rejections, local dates
// around midnight, and Brazil's 2009-2010 summer time (BRST, UTC-2, from
// 2009-10-18 to 2010-02-21): the gap when it starts and the overlap when it ends.
#include <catch2/catch.hpp>

#include "regularis/core/instant.hpp"
#include "support/parsed.hpp"

using regularis::Date;
using regularis::Instant;
using regularis::LocalDateTime;
using regularis::TimeZone;

namespace {
Instant at(const char* text) { return parsed_or_fail(Instant::parse(text), text); }
Date day(const char* text) { return Date::parse(text).value(); }
TimeZone zone(const char* name) {
  auto z = TimeZone::locate(name);
  INFO(name << ": " << z.error());
  REQUIRE(z.ok());
  return *z;
}
constexpr std::int32_t hms(int h, int m, int s = 0) { return h * 3600 + m * 60 + s; }
}  // namespace

TEST_CASE("Instant::parse accepts RFC 3339 with an offset", "[instant]") {
  CHECK(at("1970-01-01T00:00:00Z").unix_seconds() == 0);
  CHECK(at("1970-01-01T00:00:01Z").unix_seconds() == 1);
  CHECK(at("1969-12-31T23:59:59Z").unix_seconds() == -1);
  CHECK(at("2009-12-31T23:30:00-02:00").to_string() == "2010-01-01T01:30:00Z");
  CHECK(at("2009-12-31T23:30:00-02:00") == at("2010-01-01T01:30:00Z"));
  CHECK(at("2009-12-31T23:30-02:00") == at("2010-01-01T01:30:00+00:00"));
  CHECK(at("2009-12-31T23:30:00.999-02:00") == at("2010-01-01T01:30:00Z"));  // truncated
  CHECK(at("2009-12-31t23:30:00z") == at("2009-12-31T23:30:00Z"));
  CHECK(at("2010-01-01T05:30:00+05:30") == at("2010-01-01T00:00:00Z"));
  CHECK(at("2010-01-01T00:00:00-00:00") == at("2010-01-01T00:00:00Z"));
  CHECK(at("2010-01-01T18:00:00+18:00") == at("2010-01-01T00:00:00Z"));
  CHECK(at("2010-01-01T00:00:00-18:00") == at("2010-01-01T18:00:00Z"));
  CHECK(at("2009-07-02T10:00:00Z") < at("2009-07-02T10:00:01Z"));
  CHECK(at("2009-07-02T10:00:00Z").to_string() == "2009-07-02T10:00:00Z");
  CHECK(at("1969-12-31T23:59:59Z").to_string() == "1969-12-31T23:59:59Z");
}

TEST_CASE("Instant::parse rejects with exact messages", "[instant]") {
  struct Case {
    const char* text;
    const char* error;
  };
  const Case cases[] = {
      {"2009-12-31T23:30:00", "\"2009-12-31T23:30:00\" has no UTC offset (add Z or ±hh:mm)"},
      {"2009-12-31T23:30", "\"2009-12-31T23:30\" has no UTC offset (add Z or ±hh:mm)"},
      {"2009-12-31T23:30:00+25:00", "\"2009-12-31T23:30:00+25:00\" has a UTC offset beyond ±18:00"},
      {"2009-12-31T23:30:00-18:01", "\"2009-12-31T23:30:00-18:01\" has a UTC offset beyond ±18:00"},
      {"2009-12-31T23:30:00+02:60", "\"2009-12-31T23:30:00+02:60\" has a UTC offset beyond ±18:00"},
      {"2009-02-29T10:00:00Z",
       "\"2009-02-29T10:00:00Z\" is not a date and time: 2009-02-29 is not a date"},
      {"0000-01-01T10:00:00Z",
       "\"0000-01-01T10:00:00Z\" is not a date and time: 0000-01-01 is not a date: the year must "
       "be 0001 to 9999"},
      {"2009-12-31T24:00:00Z",
       "\"2009-12-31T24:00:00Z\" is not a date and time: 24:00:00 is not a time of day"},
      {"2009-12-31T23:60:00Z",
       "\"2009-12-31T23:60:00Z\" is not a date and time: 23:60:00 is not a time of day"},
      {"2009-12-31T23:59:60Z",
       "\"2009-12-31T23:59:60Z\" is not a date and time: 23:59:60 is not a time of day"},
      {"2009-12-31 23:30:00Z",
       "\"2009-12-31 23:30:00Z\" is not a date and time in the form YYYY-MM-DDThh:mm:ss±hh:mm"},
      {"2009-12-31", "\"2009-12-31\" is not a date and time in the form YYYY-MM-DDThh:mm:ss±hh:mm"},
      {"2009-12-31T23:30:00+0200",
       "\"2009-12-31T23:30:00+0200\" is not a date and time in the form YYYY-MM-DDThh:mm:ss±hh:mm"},
      {"2009-12-31T23:30:00Zjunk",
       "\"2009-12-31T23:30:00Zjunk\" is not a date and time in the form "
       "YYYY-MM-DDThh:mm:ss±hh:mm"},
      {"2009-12-31T23:30:00.Z",
       "\"2009-12-31T23:30:00.Z\" is not a date and time in the form YYYY-MM-DDThh:mm:ss±hh:mm"},
      {"2009-2-31T23:30:00Z",
       "\"2009-2-31T23:30:00Z\" is not a date and time in the form YYYY-MM-DDThh:mm:ss±hh:mm"},
      {"", "\"\" is not a date and time in the form YYYY-MM-DDThh:mm:ss±hh:mm"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto parsed = Instant::parse(c.text);
    CHECK_FALSE(parsed.ok());
    CHECK(parsed.error() == c.error);
  }
}

TEST_CASE("Instant dates in UTC", "[instant]") {
  CHECK(at("2009-12-31T23:30:00-02:00").utc_date() == day("2010-01-01"));
  CHECK(at("1969-12-31T23:59:59Z").utc_date() == day("1969-12-31"));
  CHECK(Instant::at_utc_midnight(day("2010-01-01")) == at("2010-01-01T00:00:00Z"));
  CHECK(Instant::at_utc_midnight(day("1969-12-31")).unix_seconds() == -86400);
}

TEST_CASE("TimeZone::locate", "[zone]") {
  CHECK(zone("America/Sao_Paulo").name() == "America/Sao_Paulo");
  CHECK(zone("UTC").name() == "UTC");
  auto mars = TimeZone::locate("Mars/Olympus");
  CHECK_FALSE(mars.ok());
  CHECK(mars.error() == "unknown time zone \"Mars/Olympus\"");
  CHECK(TimeZone::locate("").error() == "unknown time zone \"\"");
}

TEST_CASE("local dates around midnight", "[zone]") {
  const TimeZone sp = zone("America/Sao_Paulo");
  const TimeZone utc = zone("UTC");
  const Instant t = at("2009-12-31T23:30:00-02:00");
  CHECK(sp.local_date(t) == day("2009-12-31"));
  CHECK(utc.local_date(t) == day("2010-01-01"));
  CHECK(t.utc_date() == day("2010-01-01"));
  const LocalDateTime local = sp.to_local(t);
  CHECK(local.date == day("2009-12-31"));
  CHECK(local.seconds_of_day == hms(23, 30));

  // The last second of the cutoff day in Sao Paulo, and the first after it.
  CHECK(sp.local_date(at("2009-12-31T23:59:59-02:00")) == day("2009-12-31"));
  CHECK(sp.local_date(at("2010-01-01T00:00:00-02:00")) == day("2010-01-01"));
  // East of UTC: already the next day locally.
  const TimeZone tokyo = zone("Asia/Tokyo");
  CHECK(tokyo.local_date(at("2009-12-31T15:00:00Z")) == day("2010-01-01"));
  CHECK(tokyo.local_date(at("2009-12-31T14:59:59Z")) == day("2009-12-31"));
  CHECK(tokyo.utc_offset_seconds(at("2009-12-31T15:00:00Z")) == 9 * 3600);
}

TEST_CASE("Brazil's 2009-2010 summer time offsets", "[zone]") {
  const TimeZone sp = zone("America/Sao_Paulo");
  // Standard time (BRT, UTC-3) before 2009-10-18 00:00 local.
  CHECK(sp.utc_offset_seconds(at("2009-07-02T12:00:00Z")) == -3 * 3600);
  CHECK(sp.utc_offset_seconds(at("2009-10-18T02:59:59Z")) == -3 * 3600);
  // Summer time (BRST, UTC-2) from 03:00Z on 2009-10-18.
  CHECK(sp.utc_offset_seconds(at("2009-10-18T03:00:00Z")) == -2 * 3600);
  CHECK(sp.utc_offset_seconds(at("2009-12-31T23:30:00-02:00")) == -2 * 3600);
  // Back to UTC-3 at 2010-02-21 00:00 BRST = 02:00Z.
  CHECK(sp.utc_offset_seconds(at("2010-02-21T01:59:59Z")) == -2 * 3600);
  CHECK(sp.utc_offset_seconds(at("2010-02-21T02:00:00Z")) == -3 * 3600);

  // Local clock across the start of summer time: 23:59:59 BRT, then 01:00 BRST.
  auto before = sp.to_local(at("2009-10-18T02:59:59Z"));
  CHECK(before.date == day("2009-10-17"));
  CHECK(before.seconds_of_day == hms(23, 59, 59));
  auto after = sp.to_local(at("2009-10-18T03:00:00Z"));
  CHECK(after.date == day("2009-10-18"));
  CHECK(after.seconds_of_day == hms(1, 0));
}

TEST_CASE("TimeZone::to_instant in gaps and overlaps", "[zone]") {
  const TimeZone sp = zone("America/Sao_Paulo");
  // Unique local times.
  CHECK(sp.to_instant({day("2009-07-02"), hms(12, 0)}) == at("2009-07-02T15:00:00Z"));
  CHECK(sp.to_instant({day("2009-12-31"), hms(23, 30)}) == at("2009-12-31T23:30:00-02:00"));
  // Gap: 2009-10-18 00:00..00:59:59 never happened; moved forward by one hour.
  CHECK(sp.to_instant({day("2009-10-18"), 0}) == at("2009-10-18T01:00:00-02:00"));
  CHECK(sp.to_instant({day("2009-10-18"), hms(0, 30)}) == at("2009-10-18T01:30:00-02:00"));
  CHECK(sp.to_instant({day("2009-10-18"), hms(1, 0)}) == at("2009-10-18T01:00:00-02:00"));
  CHECK(sp.to_instant({day("2009-10-17"), hms(23, 59, 59)}) == at("2009-10-17T23:59:59-03:00"));
  // Overlap: 2010-02-20 23:00..23:59:59 happened twice; the earlier (BRST) wins.
  CHECK(sp.to_instant({day("2010-02-20"), hms(23, 30)}) == at("2010-02-20T23:30:00-02:00"));
  CHECK(sp.to_instant({day("2010-02-20"), hms(23, 30)}) == at("2010-02-21T01:30:00Z"));
  CHECK(sp.to_instant({day("2010-02-20"), hms(22, 59, 59)}) == at("2010-02-20T22:59:59-02:00"));
  CHECK(sp.to_instant({day("2010-02-21"), 0}) == at("2010-02-21T00:00:00-03:00"));
  // Round trip through local time outside transitions.
  const Instant t = at("2010-01-15T08:45:10Z");
  CHECK(sp.to_instant(sp.to_local(t)) == t);
}
