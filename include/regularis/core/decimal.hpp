// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Decimal: an exact decimal number (a signed 64-bit coefficient and a scale of
// 0..18 digits after the point). Amounts, incomes and thresholds are Decimals;
// there is no binary floating point in money or in the rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "regularis/core/parsed.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// An exact decimal. Equal values compare equal whatever their scale
/// (64.5 == 64.50); to_string() keeps the scale it was written with.
///
///     auto a = Decimal::parse("64.58");
///     auto b = Decimal::parse("31.05");
///     auto sum = a->checked_add(*b);   // 95.63, or nullopt on overflow
class REGULARIS_API Decimal {
 public:
  static constexpr int kMaxScale = 18;

  constexpr Decimal() = default;
  /// "64.58", "1200", "0.5", "-3", "1e3" (an exponent is allowed when the
  /// result fits). Rejects "", "NaN", "inf", "1e999", ".5", "5.", "+5", and
  /// anything with more than 18 significant digits. Errors:
  /// `".5" is not a decimal number`, `"1e999" is out of range`,
  /// `"1234567890123456789" has more than 18 significant digits`,
  /// `"1e-19" has more than 18 digits after the point`.
  static Parsed<Decimal> parse(std::string_view text);
  static constexpr Decimal from_integer(std::int64_t n) { return Decimal(n, 0); }
  /// coefficient * 10^-scale; nullopt when scale is out of 0..18 or the
  /// coefficient is INT64_MIN (so that every Decimal can be negated).
  static std::optional<Decimal> from_parts(std::int64_t coefficient, int scale);

  constexpr std::int64_t coefficient() const noexcept { return coefficient_; }
  constexpr int scale() const noexcept { return scale_; }
  constexpr bool is_negative() const noexcept { return coefficient_ < 0; }
  constexpr bool is_zero() const noexcept { return coefficient_ == 0; }
  /// Number of digits after the point once trailing zeros are removed.
  int significant_scale() const noexcept;

  /// Exact results only: nullopt when the result does not fit a 64-bit
  /// coefficient with a scale of at most 18 (trailing zeros are dropped first;
  /// nothing is ever rounded).
  std::optional<Decimal> checked_add(Decimal other) const noexcept;
  std::optional<Decimal> checked_sub(Decimal other) const noexcept;
  std::optional<Decimal> checked_mul(Decimal other) const noexcept;
  Decimal negated() const noexcept;

  /// "64.58" (the scale as written or computed).
  std::string to_string() const;

  /// -1, 0 or 1; exact across scales.
  static int compare(Decimal a, Decimal b) noexcept;
  friend bool operator==(Decimal a, Decimal b) noexcept { return compare(a, b) == 0; }
  friend bool operator!=(Decimal a, Decimal b) noexcept { return compare(a, b) != 0; }
  friend bool operator<(Decimal a, Decimal b) noexcept { return compare(a, b) < 0; }
  friend bool operator<=(Decimal a, Decimal b) noexcept { return compare(a, b) <= 0; }
  friend bool operator>(Decimal a, Decimal b) noexcept { return compare(a, b) > 0; }
  friend bool operator>=(Decimal a, Decimal b) noexcept { return compare(a, b) >= 0; }

 private:
  constexpr Decimal(std::int64_t c, int s) : coefficient_(c), scale_(static_cast<std::int8_t>(s)) {}
  std::int64_t coefficient_ = 0;
  std::int8_t scale_ = 0;
};

}  // namespace regularis
