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
#include <optional>
#include <string>
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

/// An event log with a projection for queries.
class REGULARIS_API CaseStore : public EventLog {
 public:
  ~CaseStore() override;

  /// The projection row of a case.
  std::optional<CaseSummary> summary(const CaseId& id) const;
  /// Cases matching a query, one page. UsageError (store.bad_query) for a
  /// limit outside 1 .. 1000.
  CasePage find(const CaseQuery& query) const;

 protected:
  CaseStore() = default;

  virtual std::optional<CaseSummary> summary_impl(const CaseId& id) const = 0;
  virtual CasePage find_impl(const CaseQuery& query) const = 0;
};

}  // namespace regularis
