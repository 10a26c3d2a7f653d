// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// CaseStore's non-virtual face for queries (argument checks, one log line)
// and the CaseQuery shortcuts for deadlines.
#include "regularis/store/case_store.hpp"

#include "core/log_internal.hpp"

namespace regularis {

CaseQuery CaseQuery::overdue(Date as_of) {
  CaseQuery q;
  q.deadline_to = as_of.add_days(-1);
  return q;
}

CaseQuery CaseQuery::due_within(Date as_of, int days) {
  CaseQuery q;
  q.deadline_from = as_of;
  q.deadline_to = as_of.add_days(days);
  return q;
}

CaseStore::~CaseStore() = default;

std::optional<CaseSummary> CaseStore::summary(const CaseId& id) const { return summary_impl(id); }

CasePage CaseStore::find(const CaseQuery& query) const {
  if (query.limit < 1 || query.limit > 1000)
    throw UsageError("store.bad_query",
                     "a page holds 1 to 1000 cases, not " + std::to_string(query.limit));
  detail::log().trace("find cases (limit {}, offset {})", query.limit, query.offset);
  return find_impl(query);
}

}  // namespace regularis
