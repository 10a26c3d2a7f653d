// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Currency (ISO 4217, from the standard list, with its minor units) and Money
// (an exact Decimal amount in one currency). Arithmetic and comparison only
// within one currency; mixing currencies is a reported error, never a guess.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "regularis/core/decimal.hpp"
#include "regularis/core/parsed.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// An ISO 4217 currency, e.g. BRL (2 minor digits), JPY (0), BHD (3).
class REGULARIS_API Currency {
 public:
  /// Upper-case three-letter code from the ISO 4217 list.
  /// Errors: `"XYZ" is not an ISO 4217 currency code`,
  /// `"brl" is not an ISO 4217 currency code (upper case)`.
  static Parsed<Currency> parse(std::string_view code);

  std::string_view code() const noexcept { return {code_, 3}; }
  /// Digits after the point (BRL 2, JPY 0, BHD 3, CLF 4); -1 where ISO 4217
  /// says "N.A." (XAU, XDR, XXX, ...), which MinorUnits::strict does not limit.
  int minor_units() const noexcept { return minor_units_; }
  friend bool operator==(Currency a, Currency b) noexcept;
  friend bool operator!=(Currency a, Currency b) noexcept { return !(a == b); }

 private:
  Currency() = default;
  char code_[3] = {'X', 'X', 'X'};
  int minor_units_ = 0;
};

/// Whether an amount may have more decimals than the currency's minor units.
enum class MinorUnits { allow_more, strict };

/// A non-negative-or-signed exact amount in one currency.
///
///     auto fee = Money::parse("64.58", "BRL");          // or Money::parse("64.58 BRL")
///     auto paid = Money::parse("31.05 BRL");
///     paid->compare(*fee);                               // -1
///     paid->checked_add(*Money::parse("10 USD"));        // fails: BRL and USD
class REGULARIS_API Money {
 public:
  /// Amount and currency separately (the application format's payments).
  /// Negative amounts are rejected unless `allow_negative`.
  /// Errors: `"-3" is negative`, `"64.587" has more decimals than BRL allows (2)`
  /// (only with MinorUnits::strict), and those of Decimal::parse and Currency::parse.
  static Parsed<Money> parse(std::string_view amount, std::string_view currency,
                             MinorUnits rule = MinorUnits::allow_more, bool allow_negative = false);
  /// "64.58 BRL" (a programme file's literal): amount, one space, currency;
  /// negative amounts are rejected. Error for any other shape:
  /// `"64.58BRL" is not an amount and a currency, e.g. "64.58 BRL"`.
  static Parsed<Money> parse(std::string_view amount_and_currency,
                             MinorUnits rule = MinorUnits::allow_more);
  static Money of(Decimal amount, Currency currency) { return Money(amount, currency); }

  Decimal amount() const noexcept { return amount_; }
  Currency currency() const noexcept { return currency_; }

  /// Fails when the currencies differ (`cannot add BRL and USD`,
  /// `cannot subtract USD from BRL`) or when the exact result does not fit.
  Parsed<Money> checked_add(const Money& other) const;
  Parsed<Money> checked_sub(const Money& other) const;
  /// -1, 0, 1; fails when the currencies differ.
  Parsed<int> compare(const Money& other) const;

  /// "64.58 BRL".
  std::string to_string() const;

  /// Same currency and equal amounts.
  friend bool operator==(const Money& a, const Money& b) noexcept {
    return a.currency_ == b.currency_ && a.amount_ == b.amount_;
  }
  friend bool operator!=(const Money& a, const Money& b) noexcept { return !(a == b); }

 private:
  Money(Decimal a, Currency c) : amount_(a), currency_(c) {}
  Decimal amount_;
  Currency currency_;
};

}  // namespace regularis
