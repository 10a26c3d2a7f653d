// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Small text helpers shared by the parsers and checkers: quoting a caller's
// text inside an error message (so that `"2009-2-1" is not a date ...` shows
// exactly what was given, control characters escaped), zero-padded number
// formatting, and the "did you mean" suggestion for a misspelt name.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

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

/// Edits between two words: insertions, deletions and substitutions of
/// bytes, and swaps of two neighbours ("bsae" is one edit from "base").
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return previous[b.size()];
}

/// The candidate closest to `word` when it is close enough to be a typo (at
/// most a third of the candidate's length, between 1 and 3 edits), else "".
inline std::string closest(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string_view best;
  std::size_t best_distance = 0;
  for (std::string_view c : candidates) {
    const std::size_t d = edit_distance(word, c);
    const std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(3, c.size() / 3));
    if (d <= limit && (best.empty() || d < best_distance)) {
      best = c;
      best_distance = d;
    }
  }
  return std::string(best);
}

/// `; did you mean "x"?` for the closest candidate, or "" (see closest()).
inline std::string did_you_mean(std::string_view word,
                                const std::vector<std::string_view>& candidates) {
  const std::string c = closest(word, candidates);
  return c.empty() ? std::string() : "; did you mean " + detail::quoted(c) + "?";
}

inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }

}  // namespace regularis::detail
