// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Diagnostic: the one-line form of a problem (`file:line:col: error: message
// [code]`), the rendered form with the source line and a caret, and the
// Diagnostics collection every stage fills.
#include "regularis/core/diagnostic.hpp"

#include <algorithm>
#include <iterator>

#include "regularis/core/utf8.hpp"

namespace regularis {
namespace {

// Sets `out` to line `line` (1-based) of `text` without its line break;
// false when `text` has no such line.
bool find_line(std::string_view text, int line, std::string_view& out) {
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return false;
    start = nl + 1;
  }
  if (start >= text.size() && line > 1) return false;
  std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  out = text.substr(start, end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return true;
}

// The character at `text[i]`: a byte that starts no well-formed UTF-8
// character counts as one character, U+FFFD, as a terminal shows it.
Utf8Char character_at(std::string_view text, std::size_t i) {
  const Utf8Char c = utf8_at(text, i);
  return c.length == 0 ? Utf8Char{1, 0xFFFD} : c;
}

// Terminal places the character `c` takes under a source line: two for
// East Asian wide and fullwidth characters (CJK ideographs, kana, Hangul,
// fullwidth forms, most emoji), none for combining marks and zero-width
// characters, one for the rest. The ranges are the main blocks of Unicode's
// EastAsianWidth.txt (W and F) and of the combining and format characters; a
// rare character outside them takes one place.
std::size_t caret_places(char32_t c) {
  struct Range {
    char32_t first, last;
  };
  static constexpr Range kNone[] = {{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD},
                                    {0x0610, 0x061A}, {0x064B, 0x065F}, {0x1AB0, 0x1AFF},
                                    {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x20D0, 0x20FF},
                                    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}};
  static constexpr Range kTwo[] = {{0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},
                                   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
                                   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
                                   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},
                                   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF},
                                   {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};
  auto in = [c](const auto& ranges) {
    return std::any_of(std::begin(ranges), std::end(ranges),
                       [c](const Range& r) { return c >= r.first && c <= r.last; });
  };
  if (c < 0x0300) return 1;
  if (in(kNone)) return 0;
  return in(kTwo) ? 2 : 1;
}

}  // namespace

int character_column(std::string_view line, int byte_column) {
  if (byte_column <= 0) return byte_column;
  const std::size_t target = static_cast<std::size_t>(byte_column) - 1;  // 0-based byte
  std::size_t i = 0;
  int characters = 0;  // before byte i
  while (i < target && i < line.size()) {
    const std::size_t length = character_at(line, i).length;
    if (i + length > target) break;  // the byte is inside this character
    i += length;
    ++characters;
  }
  // Past the end of the line, each missing byte counts one column.
  const std::size_t beyond = target > line.size() ? target - line.size() : 0;
  return characters + 1 + static_cast<int>(beyond);
}

std::string_view to_string(Severity s) noexcept {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

std::string SourceLocation::to_string() const {
  std::string out = file;
  auto part = [&](int n) {
    if (!out.empty()) out += ':';
    out += std::to_string(n);
  };
  if (line > 0) {
    part(line);
    if (column > 0) part(column);
  }
  return out;
}

std::string Diagnostic::to_string() const {
  std::string out;
  const std::string where = location.to_string();
  if (!where.empty()) out += where + ": ";
  if (!json_path.empty()) out += json_path + ": ";
  out += regularis::to_string(severity);
  out += ": ";
  out += message;
  if (!code.empty()) out += " [" + code + "]";
  return out;
}

std::string render(const Diagnostic& d, std::string_view source_text) {
  std::string_view line;
  if (d.location.line <= 0 || !find_line(source_text, d.location.line, line)) {
    return d.to_string() + "\n";
  }
  // The stored column counts bytes (as the parsers do); the printed one and
  // the caret count characters of the line.
  Diagnostic shown = d;
  shown.location.column = character_column(line, d.location.column);
  std::string out = shown.to_string() + "\n";

  std::string number = std::to_string(d.location.line);
  const std::size_t width = std::max<std::size_t>(5, number.size());
  out += std::string(width - number.size(), ' ') + number + " | ";
  out += line;
  out += '\n';
  if (d.location.column <= 0) return out;

  // As many places as each character before the caret's takes on a
  // terminal (spaces, or the tab itself so the caret lines up); past the
  // end of the line the caret stops just after it.
  out += std::string(width, ' ') + " | ";
  const std::size_t before = static_cast<std::size_t>(shown.location.column - 1);
  std::size_t i = 0;
  for (std::size_t k = 0; k < before && i < line.size(); ++k) {
    const Utf8Char c = character_at(line, i);
    if (c.code_point == '\t') {
      out += '\t';
    } else {
      out.append(caret_places(c.code_point), ' ');
    }
    i += c.length;
  }
  out += "^\n";
  return out;
}

void Diagnostics::error(std::string code, std::string message, SourceLocation where) {
  add(Diagnostic{Severity::error, std::move(code), std::move(message), std::move(where), {}});
}

void Diagnostics::error_at_path(std::string code, std::string message, std::string json_path) {
  add(Diagnostic{Severity::error, std::move(code), std::move(message), {}, std::move(json_path)});
}

void Diagnostics::warning(std::string code, std::string message, SourceLocation where) {
  add(Diagnostic{Severity::warning, std::move(code), std::move(message), std::move(where), {}});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const noexcept {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace regularis
