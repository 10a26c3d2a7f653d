// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Period: reading "2 years", "1 year 6 months", "3 weeks" as laws and
// programme files write them, and printing them back the same way.
#include "regularis/core/period.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

#include "core/text.hpp"

namespace regularis {
namespace {

struct Unit {
  std::string_view singular;
  std::string_view plural;
};

// In the order the parts must be written.
constexpr std::array<Unit, 4> kUnits{
    {{"year", "years"}, {"month", "months"}, {"week", "weeks"}, {"day", "days"}}};

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = text.find(' ', i);
    const std::size_t stop = end == std::string_view::npos ? text.size() : end;
    words.push_back(text.substr(i, stop - i));
    i = stop == text.size() ? stop : stop + 1;
  }
  if (!text.empty() && text.back() == ' ') words.emplace_back();
  return words;
}

void append_part(std::string& out, std::int32_t n, const Unit& unit) {
  if (!out.empty()) out += ' ';
  out += std::to_string(n);
  out += ' ';
  out += (n == 1 || n == -1) ? unit.singular : unit.plural;
}

}  // namespace

Parsed<Period> Period::parse(std::string_view text) {
  const std::string prefix = detail::quoted(text) + " is not a period: ";
  auto fail = [&](const std::string& why) { return Parsed<Period>::failure(prefix + why); };
  if (text.empty()) return fail("it is empty");

  const std::vector<std::string_view> words = split_words(text);
  for (const auto& w : words) {
    if (w.empty()) return fail("write one space between the parts, e.g. \"1 year 6 months\"");
  }
  if (words.size() % 2 != 0) {
    return fail(detail::quoted(words.back()) + " has no unit (years, months, weeks or days)");
  }

  std::array<std::int64_t, kUnits.size()> values{};
  int previous = -1;
  for (std::size_t i = 0; i < words.size(); i += 2) {
    const std::string_view number = words[i];
    const std::string_view unit = words[i + 1];
    const bool negative = !number.empty() && number.front() == '-';
    const std::string_view digits = negative ? number.substr(1) : number;
    if (digits.empty() || digits.size() > 10) {
      if (digits.size() > 10 && std::all_of(digits.begin(), digits.end(), detail::is_digit)) {
        return fail(std::string(number) + " is too large");
      }
      return fail(detail::quoted(number) + " is not a whole number");
    }
    std::int64_t n = 0;
    for (char c : digits) {
      if (!detail::is_digit(c)) return fail(detail::quoted(number) + " is not a whole number");
      n = n * 10 + (c - '0');
    }
    if (negative) n = -n;

    int index = -1;
    for (std::size_t u = 0; u < kUnits.size(); ++u) {
      if (unit == kUnits[u].singular || unit == kUnits[u].plural) index = static_cast<int>(u);
    }
    if (index < 0) {
      return fail("unknown unit " + detail::quoted(unit) + " (use years, months, weeks or days)");
    }
    if (index <= previous) {
      return fail("the parts must be in the order years, months, weeks, days, each at most once");
    }
    previous = index;
    values[static_cast<std::size_t>(index)] = n;
  }

  constexpr std::int64_t kMax = std::numeric_limits<std::int32_t>::max();
  const std::int64_t days = values[2] * 7 + values[3];
  for (std::int64_t v : {values[0], values[1], days}) {
    if (v > kMax || v < -kMax) return fail("a number is too large");
  }
  return Period(static_cast<std::int32_t>(values[0]), static_cast<std::int32_t>(values[1]),
                static_cast<std::int32_t>(days));
}

std::string Period::to_string() const {
  std::string out;
  if (years_ != 0) append_part(out, years_, kUnits[0]);
  if (months_ != 0) append_part(out, months_, kUnits[1]);
  if (days_ != 0 || out.empty()) append_part(out, days_, kUnits[3]);
  return out;
}

}  // namespace regularis
