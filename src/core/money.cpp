// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Currency and Money: the ISO 4217 table (codes and minor units, as data),
// parsing amounts with their currency, and arithmetic and comparison that
// refuse to mix currencies.
#include "regularis/core/money.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace regularis {
namespace {

struct CurrencyRow {
  std::string_view code;
  int minor_units;  // -1: "N.A." in ISO 4217 (precious metals, funds units, testing)
};

// ISO 4217 list one (the codes of Debian's iso-codes 4.15, plus XCG (2025)
// and ZWG (2024)), sorted by code. Codes withdrawn recently (ANG, CUC, HRK,
// SLL, ZWL) are kept: applications about past years still quote them.
constexpr CurrencyRow kCurrencies[] = {
    {"AED", 2},  {"AFN", 2},  {"ALL", 2},  {"AMD", 2},  {"ANG", 2},  {"AOA", 2},  {"ARS", 2},
    {"AUD", 2},  {"AWG", 2},  {"AZN", 2},  {"BAM", 2},  {"BBD", 2},  {"BDT", 2},  {"BGN", 2},
    {"BHD", 3},  {"BIF", 0},  {"BMD", 2},  {"BND", 2},  {"BOB", 2},  {"BOV", 2},  {"BRL", 2},
    {"BSD", 2},  {"BTN", 2},  {"BWP", 2},  {"BYN", 2},  {"BZD", 2},  {"CAD", 2},  {"CDF", 2},
    {"CHE", 2},  {"CHF", 2},  {"CHW", 2},  {"CLF", 4},  {"CLP", 0},  {"CNY", 2},  {"COP", 2},
    {"COU", 2},  {"CRC", 2},  {"CUC", 2},  {"CUP", 2},  {"CVE", 2},  {"CZK", 2},  {"DJF", 0},
    {"DKK", 2},  {"DOP", 2},  {"DZD", 2},  {"EGP", 2},  {"ERN", 2},  {"ETB", 2},  {"EUR", 2},
    {"FJD", 2},  {"FKP", 2},  {"GBP", 2},  {"GEL", 2},  {"GHS", 2},  {"GIP", 2},  {"GMD", 2},
    {"GNF", 0},  {"GTQ", 2},  {"GYD", 2},  {"HKD", 2},  {"HNL", 2},  {"HRK", 2},  {"HTG", 2},
    {"HUF", 2},  {"IDR", 2},  {"ILS", 2},  {"INR", 2},  {"IQD", 3},  {"IRR", 2},  {"ISK", 0},
    {"JMD", 2},  {"JOD", 3},  {"JPY", 0},  {"KES", 2},  {"KGS", 2},  {"KHR", 2},  {"KMF", 0},
    {"KPW", 2},  {"KRW", 0},  {"KWD", 3},  {"KYD", 2},  {"KZT", 2},  {"LAK", 2},  {"LBP", 2},
    {"LKR", 2},  {"LRD", 2},  {"LSL", 2},  {"LYD", 3},  {"MAD", 2},  {"MDL", 2},  {"MGA", 2},
    {"MKD", 2},  {"MMK", 2},  {"MNT", 2},  {"MOP", 2},  {"MRU", 2},  {"MUR", 2},  {"MVR", 2},
    {"MWK", 2},  {"MXN", 2},  {"MXV", 2},  {"MYR", 2},  {"MZN", 2},  {"NAD", 2},  {"NGN", 2},
    {"NIO", 2},  {"NOK", 2},  {"NPR", 2},  {"NZD", 2},  {"OMR", 3},  {"PAB", 2},  {"PEN", 2},
    {"PGK", 2},  {"PHP", 2},  {"PKR", 2},  {"PLN", 2},  {"PYG", 0},  {"QAR", 2},  {"RON", 2},
    {"RSD", 2},  {"RUB", 2},  {"RWF", 0},  {"SAR", 2},  {"SBD", 2},  {"SCR", 2},  {"SDG", 2},
    {"SEK", 2},  {"SGD", 2},  {"SHP", 2},  {"SLE", 2},  {"SLL", 2},  {"SOS", 2},  {"SRD", 2},
    {"SSP", 2},  {"STN", 2},  {"SVC", 2},  {"SYP", 2},  {"SZL", 2},  {"THB", 2},  {"TJS", 2},
    {"TMT", 2},  {"TND", 3},  {"TOP", 2},  {"TRY", 2},  {"TTD", 2},  {"TWD", 2},  {"TZS", 2},
    {"UAH", 2},  {"UGX", 0},  {"USD", 2},  {"USN", 2},  {"UYI", 0},  {"UYU", 2},  {"UYW", 4},
    {"UZS", 2},  {"VED", 2},  {"VES", 2},  {"VND", 0},  {"VUV", 0},  {"WST", 2},  {"XAF", 0},
    {"XAG", -1}, {"XAU", -1}, {"XBA", -1}, {"XBB", -1}, {"XBC", -1}, {"XBD", -1}, {"XCD", 2},
    {"XCG", 2},  {"XDR", -1}, {"XOF", 0},  {"XPD", -1}, {"XPF", 0},  {"XPT", -1}, {"XSU", -1},
    {"XTS", -1}, {"XUA", -1}, {"XXX", -1}, {"YER", 2},  {"ZAR", 2},  {"ZMW", 2},  {"ZWG", 2},
    {"ZWL", 2}};

const CurrencyRow* find_currency(std::string_view code) noexcept {
  const auto* end = std::end(kCurrencies);
  const auto* it =
      std::lower_bound(std::begin(kCurrencies), end, code,
                       [](const CurrencyRow& row, std::string_view c) { return row.code < c; });
  return it != end && it->code == code ? it : nullptr;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (detail::is_lower(c)) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

Parsed<Currency> Currency::parse(std::string_view code) {
  const CurrencyRow* row = find_currency(code);
  if (row == nullptr) {
    const bool wrong_case = code.size() == 3 && find_currency(upper(code)) != nullptr;
    return Parsed<Currency>::failure(detail::quoted(code) + " is not an ISO 4217 currency code" +
                                     (wrong_case ? " (upper case)" : ""));
  }
  Currency c;
  std::copy(row->code.begin(), row->code.end(), c.code_);
  c.minor_units_ = row->minor_units;
  return c;
}

bool operator==(Currency a, Currency b) noexcept { return a.code() == b.code(); }

Parsed<Money> Money::parse(std::string_view amount, std::string_view currency, MinorUnits rule,
                           bool allow_negative) {
  auto value = Decimal::parse(amount);
  if (!value) return Parsed<Money>::failure(value.error());
  auto unit = Currency::parse(currency);
  if (!unit) return Parsed<Money>::failure(unit.error());
  if (value->is_negative() && !allow_negative) {
    return Parsed<Money>::failure(detail::quoted(amount) + " is negative");
  }
  if (rule == MinorUnits::strict && unit->minor_units() >= 0 &&
      value->significant_scale() > unit->minor_units()) {
    return Parsed<Money>::failure(detail::quoted(amount) + " has more decimals than " +
                                  std::string(unit->code()) + " allows (" +
                                  std::to_string(unit->minor_units()) + ")");
  }
  return Money(*value, *unit);
}

Parsed<Money> Money::parse(std::string_view amount_and_currency, MinorUnits rule) {
  const std::size_t space = amount_and_currency.find(' ');
  if (space == std::string_view::npos || space == 0 ||
      amount_and_currency.find(' ', space + 1) != std::string_view::npos) {
    return Parsed<Money>::failure(detail::quoted(amount_and_currency) +
                                  " is not an amount and a currency, e.g. \"64.58 BRL\"");
  }
  return parse(amount_and_currency.substr(0, space), amount_and_currency.substr(space + 1), rule);
}

Parsed<Money> Money::checked_add(const Money& other) const {
  if (currency_ != other.currency_) {
    return Parsed<Money>::failure("cannot add " + std::string(currency_.code()) + " and " +
                                  std::string(other.currency_.code()));
  }
  auto sum = amount_.checked_add(other.amount_);
  if (!sum) {
    return Parsed<Money>::failure("the sum of " + to_string() + " and " + other.to_string() +
                                  " is too large");
  }
  return Money(*sum, currency_);
}

Parsed<Money> Money::checked_sub(const Money& other) const {
  if (currency_ != other.currency_) {
    return Parsed<Money>::failure("cannot subtract " + std::string(other.currency_.code()) +
                                  " from " + std::string(currency_.code()));
  }
  auto difference = amount_.checked_sub(other.amount_);
  if (!difference) {
    return Parsed<Money>::failure(to_string() + " minus " + other.to_string() + " is too large");
  }
  return Money(*difference, currency_);
}

Parsed<int> Money::compare(const Money& other) const {
  if (currency_ != other.currency_) {
    return Parsed<int>::failure("cannot compare " + std::string(currency_.code()) + " and " +
                                std::string(other.currency_.code()));
  }
  return Decimal::compare(amount_, other.amount_);
}

std::string Money::to_string() const {
  return amount_.to_string() + " " + std::string(currency_.code());
}

}  // namespace regularis
