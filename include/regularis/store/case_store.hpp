// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// CaseStore: where case events live, and the projection that answers
// queries. It is an EventLog (append with optimistic concurrency, load,
// verify; see regularis/cases/event_log.hpp) that also keeps one projection
// row per case (CaseSummary), advanced in the same transaction as each
// append, and finds cases by state, programme, outcome and next deadline,
// one page at a time. Public calls are non-virtual and check their
// arguments; implementations override the protected *_impl calls. Every
// implementation (SqliteStore, later PostgresStore) passes the same contract
// tests (tests/store).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "regularis/cases/case.hpp"
#include "regularis/cases/case_id.hpp"
#include "regularis/cases/event_log.hpp"
#include "regularis/core/date.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// A filter over the projection, with paging. Unset fields do not filter.
///
///     CaseQuery q = CaseQuery::due_within(*Date::parse("2009-10-01"), 7);
///     q.programme = "br-2009";
///     CasePage p = store.find(q);
struct CaseQuery {
  std::optional<std::string> state;
  std::optional<std::string> programme;
  std::optional<std::string> outcome;
  /// Cases whose next deadline is in [deadline_from, deadline_to] (inclusive;
  /// either bound may be open). Setting one leaves out cases without a deadline.
  std::optional<Date> deadline_from;
  std::optional<Date> deadline_to;
  std::size_t limit = 100;  ///< 1 .. 1000
  std::size_t offset = 0;

  /// Deadlines before `as_of`.
  REGULARIS_API static CaseQuery overdue(Date as_of);
  /// Deadlines from `as_of` to `as_of` + `days`, inclusive.
  REGULARIS_API static CaseQuery due_within(Date as_of, int days);
};

/// One page of results, sorted by next deadline then case id when the query
/// filters on deadlines, else by case id.
struct CasePage {
  std::vector<CaseSummary> cases;
  std::size_t total = 0;  ///< matches over all pages
};

/// One row of a count: a state, programme or outcome and its cases.
struct CaseCount {
  std::string key;
  std::uint64_t count = 0;
  friend bool operator==(const CaseCount& a, const CaseCount& b) {
    return a.key == b.key && a.count == b.count;
  }
};

/// What a ministry reports on its caseload, counted over the projection by
/// the database (nothing is loaded per case, so it costs the same for a
/// hundred cases or millions).
///
///     CaseStatistics s = store.statistics(*Date::parse("2010-01-04"));
///     s.cases;                      // 41816
///     s.by_state;                   // {{"decided", 40210}, {"submitted", 1606}}
///     s.days_to_decision.median;    // 47
struct CaseStatistics {
  std::uint64_t cases = 0;
  /// Largest first, then by key.
  std::vector<CaseCount> by_state;
  std::vector<CaseCount> by_programme;
  /// The last decision of each decided case ("approved", "refused").
  std::vector<CaseCount> by_outcome;
  /// Cases whose next deadline is before the "as of" date (the cases
  /// CaseQuery::overdue finds): evidence not received in time, or, for an
  /// approved case, a grant or follow-on window that has run out.
  std::uint64_t overdue = 0;
  /// Cases whose next deadline is from the "as of" date to 30 days later
  /// (CaseQuery::due_within(as_of, 30)).
  std::uint64_t due_within_30_days = 0;

  /// Whole days (of 24 hours) from a case's opening to its last decision,
  /// over the decided cases. Percentiles are nearest-rank: the median is
  /// the smallest number of days within which at least half were decided.
  struct Durations {
    std::uint64_t cases = 0;
    std::optional<std::int64_t> median;
    std::optional<std::int64_t> p90;
    std::optional<std::int64_t> max;
    /// (days, cases) in ascending days: the whole distribution.
    std::vector<std::pair<std::int64_t, std::uint64_t>> histogram;
  } days_to_decision;
};

/// An event log with a projection for queries.
class REGULARIS_API CaseStore : public EventLog {
 public:
  ~CaseStore() override;

  /// The projection row of a case.
  std::optional<CaseSummary> summary(const CaseId& id) const;
  /// Cases matching a query, one page. UsageError (store.bad_query) for a
  /// limit outside 1 .. 1000.
  CasePage find(const CaseQuery& query) const;
  /// Counts over every case, or the cases of one programme, with deadlines
  /// judged as of `as_of` (never the clock). One consistent snapshot.
  CaseStatistics statistics(Date as_of,
                            const std::optional<std::string>& programme = std::nullopt) const;

 protected:
  CaseStore() = default;

  virtual std::optional<CaseSummary> summary_impl(const CaseId& id) const = 0;
  virtual CasePage find_impl(const CaseQuery& query) const = 0;
  /// Fills the counts (in any order), `overdue`, `due_within_30_days` and
  /// `days_to_decision.histogram`; statistics() sorts and sums the rest.
  virtual CaseStatistics statistics_impl(Date as_of,
                                         const std::optional<std::string>& programme) const = 0;
};

}  // namespace regularis
