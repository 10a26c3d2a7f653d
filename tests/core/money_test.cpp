// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Currency and Money: the ISO 4217 table and minor units, parsing edge cases
// and every rejection, arithmetic and comparison only within one currency.
#include <catch2/catch.hpp>

#include "regularis/core/money.hpp"

using regularis::Currency;
using regularis::Decimal;
using regularis::MinorUnits;
using regularis::Money;

namespace {
Money money(const char* amount, const char* currency) {
  auto parsed = Money::parse(amount, currency);
  INFO(amount << " " << currency << ": " << parsed.error());
  REQUIRE(parsed.ok());
  return *parsed;
}
}  // namespace

TEST_CASE("Currency::parse knows ISO 4217 codes and minor units", "[money]") {
  struct Case {
    const char* code;
    int minor_units;
  };
  const Case cases[] = {{"BRL", 2}, {"JPY", 0}, {"BHD", 3},  {"CLF", 4},  {"MXN", 2},
                        {"EUR", 2}, {"USD", 2}, {"COP", 2},  {"XOF", 0},  {"KWD", 3},
                        {"CLP", 0}, {"KRW", 0}, {"UYW", 4},  {"BOB", 2},  {"PYG", 0},
                        {"ISK", 0}, {"VES", 2}, {"XAU", -1}, {"XXX", -1}, {"ZWG", 2}};
  for (const auto& c : cases) {
    INFO(c.code);
    auto parsed = Currency::parse(c.code);
    REQUIRE(parsed.ok());
    CHECK(parsed->code() == c.code);
    CHECK(parsed->minor_units() == c.minor_units);
  }
  CHECK(Currency::parse("BRL").value() == Currency::parse("BRL").value());
  CHECK(Currency::parse("BRL").value() != Currency::parse("USD").value());
}

TEST_CASE("Currency::parse rejects with exact messages", "[money]") {
  CHECK(Currency::parse("XYZ").error() == "\"XYZ\" is not an ISO 4217 currency code");
  CHECK(Currency::parse("brl").error() == "\"brl\" is not an ISO 4217 currency code (upper case)");
  CHECK(Currency::parse("Brl").error() == "\"Brl\" is not an ISO 4217 currency code (upper case)");
  CHECK(Currency::parse("BR").error() == "\"BR\" is not an ISO 4217 currency code");
  CHECK(Currency::parse("BRLL").error() == "\"BRLL\" is not an ISO 4217 currency code");
  CHECK(Currency::parse("").error() == "\"\" is not an ISO 4217 currency code");
  CHECK(Currency::parse("R$").error() == "\"R$\" is not an ISO 4217 currency code");
  CHECK(Currency::parse("BRZ").error() == "\"BRZ\" is not an ISO 4217 currency code");
}

TEST_CASE("Money::parse amount and currency", "[money]") {
  const Money fee = money("64.58", "BRL");
  CHECK(fee.amount() == Decimal::parse("64.58").value());
  CHECK(fee.currency().code() == "BRL");
  CHECK(fee.to_string() == "64.58 BRL");
  CHECK(money("1200", "JPY").to_string() == "1200 JPY");
  CHECK(money("0", "BRL").amount().is_zero());
  CHECK(money("1e3", "BRL").to_string() == "1000 BRL");
  // More decimals than the currency has are allowed by default...
  CHECK(money("64.587", "BRL").to_string() == "64.587 BRL");
  // ...and trailing zeros never count against the strict rule.
  CHECK(Money::parse("64.580", "BRL", MinorUnits::strict).ok());
  CHECK(Money::parse("64.58", "BRL", MinorUnits::strict).ok());
  CHECK(Money::parse("1200.00", "JPY", MinorUnits::strict).ok());
  CHECK(Money::parse("0.125", "BHD", MinorUnits::strict).ok());
  CHECK(Money::parse("0.0001", "CLF", MinorUnits::strict).ok());
  CHECK(Money::parse("0.12345", "XAU", MinorUnits::strict).ok());  // no minor units: no limit
  CHECK(Money::parse("-3", "BRL", MinorUnits::allow_more, true)->to_string() == "-3 BRL");
  CHECK(Money::parse("-0", "BRL").ok());  // zero is not negative
}

TEST_CASE("Money::parse rejects with exact messages", "[money]") {
  CHECK(Money::parse("-3", "BRL").error() == "\"-3\" is negative");
  CHECK(Money::parse("-0.01", "USD").error() == "\"-0.01\" is negative");
  CHECK(Money::parse("64.587", "BRL", MinorUnits::strict).error() ==
        "\"64.587\" has more decimals than BRL allows (2)");
  CHECK(Money::parse("1.5", "JPY", MinorUnits::strict).error() ==
        "\"1.5\" has more decimals than JPY allows (0)");
  CHECK(Money::parse("0.1234", "BHD", MinorUnits::strict).error() ==
        "\"0.1234\" has more decimals than BHD allows (3)");
  CHECK(Money::parse("0.00001", "CLF", MinorUnits::strict).error() ==
        "\"0.00001\" has more decimals than CLF allows (4)");
  CHECK(Money::parse("NaN", "BRL").error() == "\"NaN\" is not a decimal number");
  CHECK(Money::parse("", "BRL").error() == "\"\" is not a decimal number");
  CHECK(Money::parse("1e999", "BRL").error() == "\"1e999\" is out of range");
  CHECK(Money::parse("64,58", "BRL").error() == "\"64,58\" is not a decimal number");
  CHECK(Money::parse("R$ 64.58", "BRL").error() == "\"R$ 64.58\" is not a decimal number");
  CHECK(Money::parse("64.58", "brl").error() ==
        "\"brl\" is not an ISO 4217 currency code (upper case)");
  CHECK(Money::parse("64.58", "").error() == "\"\" is not an ISO 4217 currency code");
}

TEST_CASE("Money::parse of a programme literal", "[money]") {
  CHECK(Money::parse("64.58 BRL")->to_string() == "64.58 BRL");
  CHECK(Money::parse("1200 JPY")->amount() == Decimal::from_integer(1200));
  CHECK(Money::parse("64.587 BRL", MinorUnits::strict).error() ==
        "\"64.587\" has more decimals than BRL allows (2)");
  CHECK(Money::parse("-3 BRL").error() == "\"-3\" is negative");
  CHECK(Money::parse("64.58 XYZ").error() == "\"XYZ\" is not an ISO 4217 currency code");
  for (const char* text :
       {"64.58BRL", "64.58", "BRL", " 64.58 BRL", "64.58  BRL", "64.58 BRL ", "64.58 BRL x", ""}) {
    INFO(text);
    CHECK(Money::parse(text).error() ==
          "\"" + std::string(text) + "\" is not an amount and a currency, e.g. \"64.58 BRL\"");
  }
}

TEST_CASE("Money arithmetic and comparison within one currency", "[money]") {
  const Money fee = money("64.58", "BRL");
  const Money paid = money("31.05", "BRL");
  CHECK(paid.compare(fee).value() == -1);
  CHECK(fee.compare(paid).value() == 1);
  CHECK(fee.compare(money("64.580", "BRL")).value() == 0);
  CHECK(fee == money("64.580", "BRL"));
  CHECK(fee != paid);
  CHECK(money("1", "BRL") != money("1", "USD"));

  auto total = paid.checked_add(paid);
  REQUIRE(total.ok());
  CHECK(total->to_string() == "62.10 BRL");
  CHECK(total->compare(fee).value() == -1);
  CHECK(fee.checked_sub(paid)->to_string() == "33.53 BRL");
  CHECK(paid.checked_sub(fee)->to_string() == "-33.53 BRL");

  const Money usd = money("10", "USD");
  CHECK(paid.checked_add(usd).error() == "cannot add BRL and USD");
  CHECK(paid.checked_sub(usd).error() == "cannot subtract USD from BRL");
  CHECK(paid.compare(usd).error() == "cannot compare BRL and USD");
  CHECK(usd.compare(paid).error() == "cannot compare USD and BRL");
}

TEST_CASE("Money arithmetic reports overflow", "[money]") {
  const Money big = money("900000000000000000", "BRL");
  const Money small = money("0.05", "BRL");
  CHECK(big.checked_add(big)->to_string() == "1800000000000000000 BRL");
  CHECK(big.checked_add(small).error() ==
        "the sum of 900000000000000000 BRL and 0.05 BRL is too large");
  const Money max = Money::of(Decimal::from_integer(INT64_MAX), Currency::parse("BRL").value());
  CHECK(max.checked_add(money("1", "BRL")).error() ==
        "the sum of 9223372036854775807 BRL and 1 BRL is too large");
  CHECK(Money::of(Decimal::from_integer(-INT64_MAX), Currency::parse("BRL").value())
            .checked_sub(money("1", "BRL"))
            .error() == "-9223372036854775807 BRL minus 1 BRL is too large");
}
