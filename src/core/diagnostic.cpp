// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Diagnostic: the one-line form of a problem (`file:line:col: error: message
// [code]`), the rendered form with the source line and a caret, and the
// Diagnostics collection every stage fills.
#include "regularis/core/diagnostic.hpp"

#include <algorithm>

namespace regularis {
namespace {

// Line `line` (1-based) of `text` without its line break, or nullopt.
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

}  // namespace

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
  std::string out = d.to_string() + "\n";
  std::string_view line;
  if (d.location.line <= 0 || !find_line(source_text, d.location.line, line)) return out;

  std::string number = std::to_string(d.location.line);
  const std::size_t width = std::max<std::size_t>(5, number.size());
  out += std::string(width - number.size(), ' ') + number + " | ";
  out += line;
  out += '\n';
  if (d.location.column <= 0) return out;

  // The caret goes under byte `column` (1-based, as the parsers count); the
  // text before it keeps its tabs and counts one space per UTF-8 character.
  out += std::string(width, ' ') + " | ";
  const std::size_t before = std::min(static_cast<std::size_t>(d.location.column - 1), line.size());
  for (std::size_t i = 0; i < before; ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c == '\t') {
      out += '\t';
    } else if ((c & 0xC0) != 0x80) {
      out += ' ';
    }
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
