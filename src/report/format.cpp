// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The formatting pieces of format.hpp.
#include "report/format.hpp"

#include "regularis/report/render.hpp"

namespace regularis::detail {

std::string_view heading(Dimension d) noexcept {
  switch (d) {
    case Dimension::outcome:
      return "By outcome";
    case Dimension::reason:
      return "By reason";
    case Dimension::programme:
      return "By programme";
    case Dimension::nationality:
      return "By nationality";
    case Dimension::filing_month:
      return "By filing month";
    case Dimension::missing_item:
      return "Incomplete cases by missing item";
  }
  return "";
}

std::uint64_t share_base(const Statistics& stats, Dimension d) {
  if (d == Dimension::missing_item) return stats.count(Dimension::outcome, "incomplete");
  return stats.records();
}

std::string percent(std::uint64_t count, std::uint64_t total) {
  if (total == 0) return "0.0%";
  const std::uint64_t tenths = (count * 2000 + total) / (total * 2);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

std::string grouped(std::uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string s;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s += ',';
    s += digits[i];
  }
  return s;
}

std::string html_escape(std::string_view text) {
  std::string s;
  s.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        s += "&amp;";
        break;
      case '<':
        s += "&lt;";
        break;
      case '>':
        s += "&gt;";
        break;
      case '"':
        s += "&quot;";
        break;
      case '\'':
        s += "&#39;";
        break;
      default:
        s += c;
    }
  }
  return s;
}

namespace {
bool continuation(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }
}  // namespace

std::size_t utf8_length(std::string_view text) noexcept {
  std::size_t n = 0;
  for (char c : text) {
    if (!continuation(c)) ++n;
  }
  return n;
}

std::string utf8_truncate(std::string_view text, std::size_t max_chars) {
  if (utf8_length(text) <= max_chars) return std::string(text);
  if (max_chars == 0) return "";
  std::size_t chars = 0;
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    if (!continuation(text[i])) {
      if (chars == max_chars - 1) break;
      ++chars;
    }
  }
  return std::string(text.substr(0, i)) + "\u2026";
}

}  // namespace regularis::detail

namespace regularis {

void append_csv_field(std::string& out, std::string_view value) {
  // A spreadsheet reads a cell that starts with one of these as a formula.
  const bool formula =
      !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
  bool plain = !formula;
  for (char c : value) plain &= c != ',' && c != '"' && c != '\r' && c != '\n';
  if (plain) {
    out.append(value);
    return;
  }
  out.push_back('"');
  if (formula) out.push_back('\'');
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

std::string csv_field(std::string_view value) {
  std::string s;
  append_csv_field(s, value);
  return s;
}

}  // namespace regularis
