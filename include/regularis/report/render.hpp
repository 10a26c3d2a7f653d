// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Rendering a Statistics for people and for other programs: readable text,
// CSV tables (`dimension,key,count`), JSON, and one self-contained HTML page
// with inline SVG charts (no network, no external CSS or script), each chart
// followed by its table. Every output is a function of the counts and the
// options only (no clock, no locale), so the same results give the same bytes.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "regularis/export.hpp"
#include "regularis/report/statistics.hpp"

namespace regularis {

struct ReportOptions {
  /// The heading of the text and HTML reports.
  std::string title = "Regularisation report";
  /// Where the results came from (file names), shown under the title.
  std::vector<std::string> sources;
  /// Bars per chart at most; the table under each chart lists every key.
  std::size_t chart_rows = 20;
};

/// Readable text: the number of records, then one block per dimension.
///
///     write_text(std::cout, stats);
///     // Regularisation report
///     // 300 records
///     //
///     // By outcome
///     //   eligible     168   56.0%
///     //   ...
REGULARIS_API void write_text(std::ostream& out, const Statistics& stats,
                              const ReportOptions& options = {});

/// `value` as one CSV field (RFC 4180): quoted, quotes doubled, when it
/// holds a comma, a quote, CR or LF. A value that starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return, which a spreadsheet would run as a
/// formula, is always quoted and gets a `'` first inside the quotes:
///
///     csv_field("A-1");       // A-1
///     csv_field("a,b");       // "a,b"
///     csv_field("=1+1");      // "'=1+1"
REGULARIS_API std::string csv_field(std::string_view value);
/// The same, appended to `out` (no allocation once `out` has room).
REGULARIS_API void append_csv_field(std::string& out, std::string_view value);

/// One dimension as CSV (RFC 4180, LF line ends): the header
/// `dimension,key,count`, then Statistics::entries(dimension).
///
///     write_csv(out, stats, Dimension::outcome);
///     // dimension,key,count
///     // outcome,eligible,168
REGULARIS_API void write_csv(std::ostream& out, const Statistics& stats, Dimension dimension);

/// Every dimension in one CSV table (the first column tells them apart), in
/// the order of kDimensions, under one header.
REGULARIS_API void write_csv(std::ostream& out, const Statistics& stats);

/// The counts as one JSON object, indented by two spaces:
///
///     {"records": 300,
///      "outcome": [{"key": "eligible", "count": 168}, ...], "filing_month": [...], ...,
///      "filings_by_month": [{"month": "2009-07", "eligible": 10, "ineligible": 1,
///                            "incomplete": 2, "invalid": 0, "total": 13}, ...]}
REGULARIS_API void write_json(std::ostream& out, const Statistics& stats);

/// A self-contained HTML page: a summary of outcomes, a stacked bar chart of
/// filings by month, and a bar chart per dimension, each an inline SVG with a
/// title and description for screen readers, its numbers written on the
/// bars, and the full table under it. All text from the results is escaped.
///
///     std::ofstream page("report.html");
///     write_html(page, stats, {"Brazil 2009: applications", {"results.jsonl"}});
REGULARIS_API void write_html(std::ostream& out, const Statistics& stats,
                              const ReportOptions& options = {});

}  // namespace regularis
