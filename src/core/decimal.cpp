// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Decimal: strict parsing of decimal text (JSON numbers arrive here as their
// raw text), exact comparison across scales and overflow-checked arithmetic.
// Intermediate values are computed in __int128, which holds any product of
// two coefficients and any coefficient scaled by 10^18.
#include "regularis/core/decimal.hpp"

#include <algorithm>
#include <limits>

#include "core/text.hpp"

namespace regularis {
namespace {

__extension__ typedef __int128 Wide;  // NOLINT(modernize-use-using): __extension__ needs typedef

constexpr std::int64_t kMaxCoefficient = std::numeric_limits<std::int64_t>::max();
constexpr int kMaxDigits = 18;

constexpr Wide pow10(int n) noexcept {
  Wide r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

// A wide value at `scale` reduced to fit int64 and 0..18 by dropping trailing
// zeros (never rounding); nullopt when it cannot be represented exactly.
std::optional<Decimal> narrow(Wide value, int scale) noexcept {
  while (scale > 0 && value % 10 == 0 &&
         (scale > Decimal::kMaxScale || value > kMaxCoefficient || value < -kMaxCoefficient)) {
    value /= 10;
    --scale;
  }
  if (scale > Decimal::kMaxScale || value > kMaxCoefficient || value < -kMaxCoefficient) {
    return std::nullopt;
  }
  return Decimal::from_parts(static_cast<std::int64_t>(value), scale);
}

}  // namespace

Parsed<Decimal> Decimal::parse(std::string_view text) {
  auto syntax = [&] {
    return Parsed<Decimal>::failure(detail::quoted(text) + " is not a decimal number");
  };
  std::size_t i = 0;
  const bool negative = i < text.size() && text[i] == '-';
  if (negative) ++i;

  // Integer digits, then optional fraction digits: both non-empty when present.
  std::string digits;
  const std::size_t int_start = i;
  while (i < text.size() && detail::is_digit(text[i])) digits += text[i++];
  if (i == int_start) return syntax();
  int fraction_digits = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const std::size_t frac_start = i;
    while (i < text.size() && detail::is_digit(text[i])) digits += text[i++];
    if (i == frac_start) return syntax();
    fraction_digits = static_cast<int>(i - frac_start);
  }
  long long exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exponent_negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) exponent_negative = text[i++] == '-';
    const std::size_t exp_start = i;
    while (i < text.size() && detail::is_digit(text[i])) {
      if (exponent < 100000) exponent = exponent * 10 + (text[i] - '0');
      ++i;
    }
    if (i == exp_start) return syntax();
    if (exponent_negative) exponent = -exponent;
  }
  if (i != text.size()) return syntax();

  // Significant digits: leading zeros do not count.
  const std::size_t first = std::min(digits.find_first_not_of('0'), digits.size());
  digits.erase(0, first);
  if (digits.size() > static_cast<std::size_t>(kMaxDigits)) {
    return Parsed<Decimal>::failure(detail::quoted(text) + " has more than 18 significant digits");
  }
  Wide value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  if (negative) value = -value;
  if (value == 0) {
    // Zero keeps the scale it was written with ("0.00"), within 0..18.
    return Decimal(
        0, static_cast<int>(std::clamp<long long>(fraction_digits - exponent, 0, kMaxScale)));
  }

  long long scale = fraction_digits - exponent;
  while (scale < 0) {
    value *= 10;
    ++scale;
    if (value > kMaxCoefficient || value < -kMaxCoefficient) {
      return Parsed<Decimal>::failure(detail::quoted(text) + " is out of range");
    }
  }
  while (scale > kMaxScale && value % 10 == 0) {
    value /= 10;
    --scale;
  }
  if (scale > kMaxScale) {
    return Parsed<Decimal>::failure(detail::quoted(text) +
                                    " has more than 18 digits after the point");
  }
  return Decimal(static_cast<std::int64_t>(value), static_cast<int>(scale));
}

std::optional<Decimal> Decimal::from_parts(std::int64_t coefficient, int scale) {
  if (scale < 0 || scale > kMaxScale || coefficient < -kMaxCoefficient) return std::nullopt;
  return Decimal(coefficient, scale);
}

int Decimal::significant_scale() const noexcept {
  std::int64_t c = coefficient_;
  int s = scale_;
  while (s > 0 && c % 10 == 0) {
    c /= 10;
    --s;
  }
  return s;
}

std::optional<Decimal> Decimal::checked_add(Decimal other) const noexcept {
  const int scale = std::max<int>(scale_, other.scale_);
  const Wide sum = Wide{coefficient_} * pow10(scale - scale_) +
                   Wide{other.coefficient_} * pow10(scale - other.scale_);
  return narrow(sum, scale);
}

std::optional<Decimal> Decimal::checked_sub(Decimal other) const noexcept {
  return checked_add(other.negated());
}

std::optional<Decimal> Decimal::checked_mul(Decimal other) const noexcept {
  return narrow(Wide{coefficient_} * Wide{other.coefficient_}, scale_ + other.scale_);
}

Decimal Decimal::negated() const noexcept { return Decimal(-coefficient_, scale_); }

std::string Decimal::to_string() const {
  // The magnitude as digits (coefficients are never INT64_MIN, so -c fits).
  std::string digits = std::to_string(coefficient_ < 0 ? -coefficient_ : coefficient_);
  const auto scale = static_cast<std::size_t>(scale_);
  if (scale > 0) {
    if (digits.size() <= scale) digits.insert(0, scale - digits.size() + 1, '0');
    digits.insert(digits.size() - scale, 1, '.');
  }
  return coefficient_ < 0 ? "-" + digits : digits;
}

int Decimal::compare(Decimal a, Decimal b) noexcept {
  const int scale = std::max<int>(a.scale_, b.scale_);
  const Wide x = Wide{a.coefficient_} * pow10(scale - a.scale_);
  const Wide y = Wide{b.coefficient_} * pow10(scale - b.scale_);
  return x < y ? -1 : (x > y ? 1 : 0);
}

}  // namespace regularis
