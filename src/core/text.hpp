// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Small text helpers shared by core's parsers: quoting a caller's text inside
// an error message (so that `"2009-2-1" is not a date ...` shows exactly what
// was given, control characters escaped) and zero-padded number formatting.
#pragma once

#include <string>
#include <string_view>

namespace regularis::detail {

/// `"text"` with `"` and `\` escaped and control bytes written as \xNN.
inline std::string quoted(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7f) {
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 0xf];
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

/// `n` in decimal, left-padded with zeros to `width` digits (sign first).
inline std::string zero_padded(long long n, int width) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  if (static_cast<int>(digits.size()) < width) {
    digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
  }
  return n < 0 ? "-" + digits : digits;
}

inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }

}  // namespace regularis::detail
