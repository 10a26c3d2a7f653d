// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// FactPath parsing and printing: splits a dotted path and checks that every
// segment is snake_case.
#include "regularis/facts/fact_path.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace regularis {

namespace {

// The bytes of `[a-z0-9_]`, by table: this runs on every id of every record
// a batch reads.
struct SnakeBytes {
  bool allowed[256] = {};
  constexpr SnakeBytes() {
    for (int c = 'a'; c <= 'z'; ++c) allowed[c] = true;
    for (int c = '0'; c <= '9'; ++c) allowed[c] = true;
    allowed[static_cast<unsigned char>('_')] = true;
  }
};
constexpr SnakeBytes kSnakeBytes;

}  // namespace

bool is_snake_case(std::string_view text) noexcept {
  if (text.empty() || text.front() < 'a' || text.front() > 'z') return false;
  bool ok = true;
  for (char c : text) ok &= kSnakeBytes.allowed[static_cast<unsigned char>(c)];
  return ok;
}

Parsed<FactPath> FactPath::parse(std::string_view dotted) {
  auto fail = [&](const std::string& why) {
    return Parsed<FactPath>::failure("\"" + std::string(dotted) + "\" is not a fact path: " + why);
  };
  if (dotted.empty()) return fail("it is empty");
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = dotted.find('.', start);
    std::string_view segment =
        dotted.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (segment.empty()) return fail("empty segment");
    if (!is_snake_case(segment)) {
      return fail("segment \"" + std::string(segment) + "\" is not snake_case");
    }
    segments.emplace_back(segment);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return FactPath(std::move(segments));
}

Parsed<std::vector<DataStep>> parse_data_path(std::string_view path) {
  constexpr std::size_t kMaxIndexDigits = 6;
  auto fail = [&](const std::string& why) {
    return Parsed<std::vector<DataStep>>::failure(detail::quoted(path) +
                                                  " is not a fact path: " + why);
  };
  std::vector<DataStep> steps;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t dot = std::min(path.find('.', start), path.size());
    std::string_view part = path.substr(start, dot - start);
    DataStep step;
    const std::size_t open = part.find('[');
    if (open != std::string_view::npos) {
      const std::string_view index = part.substr(open);  // "[12]"
      const std::string_view digits = index.substr(1, index.size() - 1 - (index.back() == ']'));
      if (index.back() != ']' || digits.empty() || digits.size() > kMaxIndexDigits ||
          !std::all_of(digits.begin(), digits.end(), detail::is_digit)) {
        return fail(detail::quoted(index) + " is not an index like [0]");
      }
      step.index = std::stoul(std::string(digits));
      part = part.substr(0, open);
    }
    if (part.empty()) return fail("empty segment");
    if (!is_snake_case(part)) return fail("segment " + detail::quoted(part) + " is not snake_case");
    step.key = std::string(part);
    steps.push_back(std::move(step));
    start = dot + 1;
  }
  return steps;
}

std::string FactPath::to_string() const {
  std::string out;
  for (const auto& s : segments_) {
    if (!out.empty()) out += '.';
    out += s;
  }
  return out;
}

}  // namespace regularis
