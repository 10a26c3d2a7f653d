// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Decimal: strict parsing (JSON number text included), exact comparison
// across scales, overflow-checked arithmetic that never rounds.
#include <catch2/catch.hpp>

#include <cstdint>

#include "regularis/core/decimal.hpp"
#include "support/parsed.hpp"

using regularis::Decimal;

namespace {
Decimal dec(const char* text) { return parsed_or_fail(Decimal::parse(text), text); }
}  // namespace

TEST_CASE("Decimal::parse accepts decimal text", "[decimal]") {
  CHECK(dec("64.58").coefficient() == 6458);
  CHECK(dec("64.58").scale() == 2);
  CHECK(dec("1200").coefficient() == 1200);
  CHECK(dec("1200").scale() == 0);
  CHECK(dec("0.5").coefficient() == 5);
  CHECK(dec("0.5").scale() == 1);
  CHECK(dec("-3").coefficient() == -3);
  CHECK(dec("-3").is_negative());
  CHECK(dec("1e3") == Decimal::from_integer(1000));
  CHECK(dec("1e3").scale() == 0);
  CHECK(dec("1E3") == Decimal::from_integer(1000));
  CHECK(dec("1e+3") == Decimal::from_integer(1000));
  CHECK(dec("1.5e2") == Decimal::from_integer(150));
  CHECK(dec("15e-1") == dec("1.5"));
  CHECK(dec("15e-1").scale() == 1);
  CHECK(dec("0").is_zero());
  CHECK(dec("-0").is_zero());
  CHECK_FALSE(dec("-0").is_negative());
  CHECK(dec("0.00").to_string() == "0.00");
  CHECK(dec("007").to_string() == "7");
  CHECK(dec("123456789012345678").coefficient() == 123456789012345678);
  CHECK(dec("0.000000000000000001").scale() == 18);
  CHECK(dec("0.000000000000000001").coefficient() == 1);
  CHECK(dec("1.00000000000000000e18").coefficient() == 1000000000000000000);
  CHECK(dec("9e18").coefficient() == 9000000000000000000);
  CHECK(dec("1e-18").scale() == 18);
  CHECK(dec("100e-20").scale() == 18);  // trailing zeros dropped to fit
}

TEST_CASE("Decimal::parse rejects with exact messages", "[decimal]") {
  struct Case {
    const char* text;
    const char* error;
  };
  const Case cases[] = {
      {"", "\"\" is not a decimal number"},
      {"NaN", "\"NaN\" is not a decimal number"},
      {"inf", "\"inf\" is not a decimal number"},
      {"-inf", "\"-inf\" is not a decimal number"},
      {".5", "\".5\" is not a decimal number"},
      {"5.", "\"5.\" is not a decimal number"},
      {"+5", "\"+5\" is not a decimal number"},
      {"-", "\"-\" is not a decimal number"},
      {"1e", "\"1e\" is not a decimal number"},
      {"1e+", "\"1e+\" is not a decimal number"},
      {"1,5", "\"1,5\" is not a decimal number"},
      {" 1", "\" 1\" is not a decimal number"},
      {"1 ", "\"1 \" is not a decimal number"},
      {"0x10", "\"0x10\" is not a decimal number"},
      {"64.58 BRL", "\"64.58 BRL\" is not a decimal number"},
      {"1e999", "\"1e999\" is out of range"},
      {"1e19", "\"1e19\" is out of range"},
      {"-1e19", "\"-1e19\" is out of range"},
      {"1e99999999999999999999", "\"1e99999999999999999999\" is out of range"},
      {"1234567890123456789", "\"1234567890123456789\" has more than 18 significant digits"},
      {"9223372036854775807", "\"9223372036854775807\" has more than 18 significant digits"},
      {"0.1234567890123456789", "\"0.1234567890123456789\" has more than 18 significant digits"},
      {"1e-19", "\"1e-19\" has more than 18 digits after the point"},
      {"0.0000000000000000001",
       "\"0.0000000000000000001\" has more than 18 digits after the point"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto parsed = Decimal::parse(c.text);
    CHECK_FALSE(parsed.ok());
    CHECK(parsed.error() == c.error);
  }
}

TEST_CASE("Decimal comparison is exact across scales", "[decimal]") {
  CHECK(dec("64.5") == dec("64.50"));
  CHECK(dec("64.5").to_string() == "64.5");
  CHECK(dec("64.50").to_string() == "64.50");
  CHECK(dec("31.05") < dec("64.58"));
  CHECK(dec("-1") < dec("0.000000000000000001"));
  CHECK(dec("999999999999999999") > dec("0.999999999999999999"));
  CHECK(Decimal::compare(dec("1"), dec("1.00000000000000000")) == 0);
  CHECK(Decimal::compare(dec("2"), dec("1.99999999999999999")) == 1);
  CHECK(Decimal::compare(dec("-2"), dec("-1.99999999999999999")) == -1);
  CHECK(dec("64.580").significant_scale() == 2);
  CHECK(dec("1200").significant_scale() == 0);
  CHECK(dec("0.000").significant_scale() == 0);
}

TEST_CASE("Decimal arithmetic is exact and overflow-checked", "[decimal]") {
  auto sum = dec("64.58").checked_add(dec("31.05"));
  REQUIRE(sum);
  CHECK(sum->to_string() == "95.63");
  CHECK(dec("0.1").checked_add(dec("0.2"))->to_string() == "0.3");
  CHECK(dec("1").checked_add(dec("0.05"))->to_string() == "1.05");
  CHECK(dec("1").checked_sub(dec("0.05"))->to_string() == "0.95");
  CHECK(dec("0.05").checked_sub(dec("1"))->to_string() == "-0.95");
  CHECK(dec("1.5").checked_mul(dec("2"))->to_string() == "3.0");
  CHECK(dec("-1.5").checked_mul(dec("1.5"))->to_string() == "-2.25");
  CHECK(dec("465").checked_mul(dec("0.5"))->to_string() == "232.5");

  const Decimal big = Decimal::from_integer(INT64_MAX);
  CHECK_FALSE(big.checked_add(Decimal::from_integer(1)));
  CHECK_FALSE(big.negated().checked_sub(Decimal::from_integer(1)));
  CHECK(big.checked_sub(Decimal::from_integer(1)));
  CHECK_FALSE(big.checked_mul(Decimal::from_integer(2)));
  CHECK_FALSE(dec("0.5").checked_add(dec("9e18")));
  // A result that only fits once trailing zeros are dropped is kept exactly.
  auto fits = dec("5e18").checked_add(dec("1.0"));
  REQUIRE(fits);
  CHECK(fits->to_string() == "5000000000000000001");
  // Scales add up in products; beyond 18 digits after the point nothing fits.
  CHECK_FALSE(dec("0.000000001").checked_mul(dec("0.0000000001")));
  CHECK(dec("0.000000001").checked_mul(dec("0.000000001"))->to_string() == "0.000000000000000001");
  CHECK(dec("0.0000000010").checked_mul(dec("0.0000000010"))->scale() == 18);
}

TEST_CASE("Decimal::from_parts and to_string", "[decimal]") {
  CHECK(Decimal::from_parts(6458, 2)->to_string() == "64.58");
  CHECK(Decimal::from_parts(5, 3)->to_string() == "0.005");
  CHECK(Decimal::from_parts(-5, 3)->to_string() == "-0.005");
  CHECK(Decimal::from_parts(-12345, 2)->to_string() == "-123.45");
  CHECK(Decimal::from_parts(INT64_MAX, 18)->to_string() == "9.223372036854775807");
  CHECK_FALSE(Decimal::from_parts(1, 19));
  CHECK_FALSE(Decimal::from_parts(1, -1));
  CHECK_FALSE(Decimal::from_parts(INT64_MIN, 0));
  CHECK(Decimal::from_integer(-3).negated() == Decimal::from_integer(3));
  CHECK(Decimal().to_string() == "0");
  for (const char* text : {"64.58", "1200", "0.5", "-3", "0.000000000000000001", "-0.10"}) {
    CHECK(dec(text).to_string() == text);
  }
}
