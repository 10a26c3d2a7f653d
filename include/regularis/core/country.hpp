// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Country: an ISO 3166-1 alpha-2 code, checked against the full list of
// officially assigned codes, with its English short name.
#pragma once

#include <string_view>

#include "regularis/core/parsed.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// An ISO 3166-1 alpha-2 country.
///
///     auto bo = Country::parse("BO");
///     bo->english_name();          // "Bolivia (Plurinational State of)"
///     Country::parse("bo");        // fails: `"bo" is not an ISO 3166-1 alpha-2 code (upper case)`
class REGULARIS_API Country {
 public:
  /// Errors: `"BRA" is not an ISO 3166-1 alpha-2 code (two letters)`,
  /// `"bo" is not an ISO 3166-1 alpha-2 code (upper case)`,
  /// `"XX" is not an assigned ISO 3166-1 alpha-2 code`,
  /// `"UK" is not an assigned ISO 3166-1 alpha-2 code (the United Kingdom is GB)`.
  static Parsed<Country> parse(std::string_view code);
  std::string_view code() const noexcept { return {code_, 2}; }
  std::string_view english_name() const noexcept;
  friend bool operator==(Country a, Country b) noexcept {
    return a.code_[0] == b.code_[0] && a.code_[1] == b.code_[1];
  }
  friend bool operator!=(Country a, Country b) noexcept { return !(a == b); }
  friend bool operator<(Country a, Country b) noexcept { return a.code() < b.code(); }

 private:
  Country() = default;
  char code_[2] = {'Z', 'Z'};
};

}  // namespace regularis
