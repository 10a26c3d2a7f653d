// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Locations in a loaded programme file: from yaml-cpp marks (0-based) to
// 1-based file:line:col, and from an offset inside a scalar's value (an
// expression) back to the byte of the file it came from.
#include "programme/source_tree.hpp"

#include <algorithm>

namespace regularis::detail {

const SourceNode* SourceNode::find(std::string_view key) const noexcept {
  if (kind != NodeKind::mapping) return nullptr;
  for (const auto& e : entries) {
    if (e.key.is_scalar() && e.key.scalar == key) return &e.value;
  }
  return nullptr;
}

SourceLocation SourceDocument::location(const YamlMark& mark) const {
  if (mark.line < 0) return SourceLocation{file_name, 0, 0};
  return SourceLocation{file_name, mark.line + 1, mark.column + 1};
}

SourceLocation SourceDocument::location_of_byte(std::size_t pos) const {
  if (line_starts.empty()) return SourceLocation{file_name, 0, 0};
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), pos);
  auto line = static_cast<std::size_t>(it - line_starts.begin());  // 1-based
  std::size_t start = line_starts[line - 1];
  return SourceLocation{file_name, static_cast<int>(line), static_cast<int>(pos - start + 1)};
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

SourceLocation SourceDocument::location_in_scalar(const SourceNode& scalar,
                                                  std::size_t offset) const {
  if (scalar.mark.pos < 0) return location(scalar.mark);
  auto start = static_cast<std::size_t>(scalar.mark.pos);
  if (start >= text.size()) return location(scalar.mark);
  const std::string& value = scalar.scalar;
  if (offset > value.size()) offset = value.size();

  // Plain scalar on one line: the value is the raw text from the mark.
  if (scalar.style == ScalarStyle::plain && text.compare(start, value.size(), value) == 0) {
    return location_of_byte(start + offset);
  }
  std::size_t p = start;
  if (scalar.style == ScalarStyle::single_quoted || scalar.style == ScalarStyle::double_quoted) {
    ++p;  // the opening quote
  } else if (scalar.style == ScalarStyle::literal || scalar.style == ScalarStyle::folded) {
    auto nl = text.find('\n', p);  // the block header line ("|", ">-", ...)
    if (nl == std::string::npos) return location(scalar.mark);
    p = nl + 1;
  }
  // Align the value with the raw text: each value character is the next raw
  // character equal to it (any white space matches white space), skipping
  // quotes' escapes, indentation and line folding.
  std::size_t mapped = p;
  for (std::size_t i = 0; i <= offset && i < value.size(); ++i) {
    char c = value[i];
    while (p < text.size()) {
      char r = text[p];
      if (r == c || (is_space(c) && is_space(r))) break;
      ++p;
    }
    if (p >= text.size()) return location(scalar.mark);
    mapped = p;
    ++p;
  }
  if (offset >= value.size() && !value.empty()) mapped = std::min(mapped + 1, text.size());
  return location_of_byte(mapped);
}

}  // namespace regularis::detail
