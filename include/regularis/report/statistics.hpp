// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Statistics over many results: counts by outcome, by reason, by programme,
// by nationality, by filing month (also split by outcome) and, for incomplete
// cases, by missing item. Results come in one at a time, either from an
// Evaluation (a host that evaluates) or from a result line of the checker
// (`regularis check --format jsonl`, read back by `regularis report`), and
// nothing is kept per record. The renderers (regularis/report/render.hpp) turn
// a Statistics into text, CSV, JSON or an HTML page.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regularis/core/country.hpp"
#include "regularis/core/date.hpp"
#include "regularis/core/diagnostic.hpp"
#include "regularis/core/parsed.hpp"
#include "regularis/engine/evaluation.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// What a report counts by.
enum class Dimension { outcome, reason, programme, nationality, filing_month, missing_item };

/// Every dimension, in the order the renderers show them.
inline constexpr std::array<Dimension, 6> kDimensions{
    Dimension::outcome,      Dimension::filing_month, Dimension::reason,
    Dimension::missing_item, Dimension::nationality,  Dimension::programme};

/// "outcome", "reason", "programme", "nationality", "filing_month", "missing_item".
REGULARIS_API std::string_view to_string(Dimension d) noexcept;

/// The key counted when a record does not say (no nationality, no filing date,
/// no programme).
inline constexpr std::string_view kUnknownKey = "unknown";
/// The key that collects the counts of new keys once a dimension holds
/// StatisticsOptions::max_keys distinct keys.
inline constexpr std::string_view kOtherKey = "(other)";

/// One row of a dimension's table.
struct ReportEntry {
  std::string key;  ///< "eligible", "proof_of_entry.missing", "BO", "2009-08"
  std::uint64_t count = 0;
  friend bool operator==(const ReportEntry& a, const ReportEntry& b) {
    return a.key == b.key && a.count == b.count;
  }
};

/// The filings of one month, by outcome.
struct MonthCounts {
  std::string month;  ///< "2009-08", or kUnknownKey
  /// Indexed by Outcome (eligible, ineligible, incomplete, invalid).
  std::array<std::uint64_t, 4> by_outcome{};
  std::uint64_t total() const noexcept {
    return by_outcome[0] + by_outcome[1] + by_outcome[2] + by_outcome[3];
  }
};

/// One application's result reduced to what a report counts.
///
///     ResultSummary r;
///     r.programme = "br-2009";
///     r.outcome = Outcome::incomplete;
///     r.reasons = {"proof_of_entry.missing"};
///     r.missing_items = {"proof_of_entry.missing"};
///     r.nationalities = {"BO"};
///     r.filing_date = Date::parse("2009-08-14").value();
struct ResultSummary {
  std::string programme;  ///< "" = unknown
  Outcome outcome = Outcome::invalid;
  /// Reason codes ("entered_by_cutoff.not_met"); for an invalid record, its
  /// error codes ("facts.bad_date").
  std::vector<std::string> reasons;
  /// ISO 3166-1 alpha-2 codes; empty = unknown. A dual national counts under
  /// each nationality.
  std::vector<std::string> nationalities;
  std::optional<Date> filing_date;
  /// What an incomplete case still lacks: fact paths ("applicant.entry_date"),
  /// documents and fees as "<id>.<status>" ("proof_of_entry.missing",
  /// "registration.due"). Counted only when the outcome is incomplete.
  std::vector<std::string> missing_items;
};

/// An Evaluation reduced to a ResultSummary. The engine does not see
/// nationalities: pass them from the application's facts when wanted.
///
///     ResultSummary r = summarize(engine.evaluate(br, record), {Country::parse("BO").value()});
REGULARIS_API ResultSummary summarize(const Evaluation& evaluation,
                                      const std::vector<Country>& nationalities = {});

/// Reads one result line of the checker (shared/application-format.md, "The
/// checker's result line"), plus the optional extra keys "filing_date"
/// (YYYY-MM-DD) and "nationalities" (array of strings). Keys the report does
/// not use ("criteria", "version", "errors", ...) are ignored. Fails with one
/// line saying why:
///
///     parse_result_line(R"({"id": "A-1", "outcome": "eligible", "reasons": []})").ok();  // true
///     parse_result_line("{").error();        // "not JSON: a syntax error at column 2" (the end)
///     parse_result_line(R"({"outcome": "maybe"})").error();
///         // "outcome: \"maybe\" is not eligible, ineligible, incomplete or invalid"
REGULARIS_API Parsed<ResultSummary> parse_result_line(std::string_view line);

struct StatisticsOptions {
  /// Distinct keys kept per dimension; later new keys count under kOtherKey.
  /// This bounds memory even for a stream of ever-new reason codes.
  std::size_t max_keys = 10000;
};

/// Counts over a stream of results.
///
/// Memory is constant in the number of records by design: each result only
/// increments counters, nothing is kept per record (no ids, no lines), and
/// each dimension holds at most StatisticsOptions::max_keys distinct keys, so
/// a report over millions of results costs what one over a hundred does.
/// Within one result, a repeated reason, nationality or missing item counts
/// once, so every count is a number of applications. Not thread-safe while
/// adding; a finished Statistics can be read from many threads.
///
///     Statistics stats;
///     stats.add(engine.evaluate(br, record));
///     stats.records();                                    // 1
///     stats.count(Dimension::outcome, "eligible");        // 1
///     for (const ReportEntry& e : stats.entries(Dimension::reason)) ...
class REGULARIS_API Statistics {
 public:
  explicit Statistics(StatisticsOptions options = {});

  void add(const ResultSummary& result);
  /// Same as add(summarize(evaluation, nationalities)).
  void add(const Evaluation& evaluation, const std::vector<Country>& nationalities = {});

  std::uint64_t records() const noexcept { return records_; }
  /// The count of one key (0 when never seen).
  std::uint64_t count(Dimension dimension, std::string_view key) const;
  /// The rows of one dimension. Outcomes: all four in the order eligible,
  /// ineligible, incomplete, invalid, zeros included. Filing months:
  /// chronological, kUnknownKey last. Others: by count, largest first, then
  /// by key; kOtherKey last.
  std::vector<ReportEntry> entries(Dimension dimension) const;
  /// Filings by month and outcome, chronological, kUnknownKey last.
  std::vector<MonthCounts> months() const;

 private:
  void bump(Dimension dimension, const std::string& key);

  StatisticsOptions options_;
  std::uint64_t records_ = 0;
  std::array<std::map<std::string, std::uint64_t, std::less<>>, kDimensions.size()> counts_;
  std::map<std::string, std::array<std::uint64_t, 4>, std::less<>> months_;
};

/// What reading a results file did.
struct ResultsRead {
  std::uint64_t lines = 0;    ///< lines read, blank ones included
  std::uint64_t added = 0;    ///< result lines counted
  std::uint64_t skipped = 0;  ///< lines that were not result lines
  /// The first problems (report.bad_line, with file and line), at most
  /// `max_problems` of them; `skipped` counts them all.
  Diagnostics problems;
};

/// Streams JSON Lines results from `in` into `stats`, one line at a time
/// (blank lines skipped, CRLF accepted). A line that is not a result line is
/// skipped and reported, and reading goes on. `name` is the file name used in
/// the diagnostics. Throws IoError (`io.read`) only when the stream fails.
///
///     std::ifstream in("results.jsonl");
///     Statistics stats;
///     ResultsRead r = read_results(in, "results.jsonl", stats);
///     for (auto& d : r.problems) std::cerr << d.to_string() << '\n';
///     // results.jsonl:7: error: not JSON: ... [report.bad_line]
REGULARIS_API ResultsRead read_results(std::istream& in, const std::string& name, Statistics& stats,
                                       std::size_t max_problems = 20);

}  // namespace regularis
