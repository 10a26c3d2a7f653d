// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Small formatting pieces shared by the report renderers: headings of the
// dimensions, shares as per cent with one decimal in integer arithmetic,
// thousands separators, CSV fields and HTML escaping. No locale, no floating
// point: the same counts always give the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "regularis/report/statistics.hpp"

namespace regularis::detail {

/// "By outcome", "By filing month", "By reason", "Incomplete cases by missing
/// item", "By nationality", "By programme".
std::string_view heading(Dimension d) noexcept;

/// The number the shares of a dimension are taken of: the incomplete cases
/// for missing items, all records otherwise.
std::uint64_t share_base(const Statistics& stats, Dimension d);

/// "56.0%": count / total, rounded half up to one decimal ("0.0%" when total is 0).
std::string percent(std::uint64_t count, std::uint64_t total);

/// "41,816".
std::string grouped(std::uint64_t n);

/// Text for HTML and SVG, in content and in quoted attributes: & < > " ' escaped.
std::string html_escape(std::string_view text);

/// Number of code points in UTF-8 text (continuation bytes not counted).
std::size_t utf8_length(std::string_view text) noexcept;

/// At most `max_chars` code points, the last one "…" when cut.
std::string utf8_truncate(std::string_view text, std::size_t max_chars);

}  // namespace regularis::detail
