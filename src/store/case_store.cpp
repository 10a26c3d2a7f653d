// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// CaseStore's non-virtual face for queries (argument checks, one log line)
// and the CaseQuery shortcuts for deadlines.
#include "regularis/store/case_store.hpp"

#include <algorithm>

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

namespace {

void largest_first(std::vector<CaseCount>& counts) {
  std::sort(counts.begin(), counts.end(), [](const CaseCount& a, const CaseCount& b) {
    return a.count != b.count ? a.count > b.count : a.key < b.key;
  });
}

// The smallest number of days within which at least `percent` % of the
// cases were decided (nearest rank).
std::optional<std::int64_t> percentile(const CaseStatistics::Durations& d, std::uint64_t percent) {
  if (d.cases == 0) return std::nullopt;
  const std::uint64_t rank = (d.cases * percent + 99) / 100;
  std::uint64_t seen = 0;
  for (const auto& [days, count] : d.histogram) {
    seen += count;
    if (seen >= rank) return days;
  }
  return d.histogram.back().first;
}

}  // namespace

CaseStore::~CaseStore() = default;

std::optional<CaseSummary> CaseStore::summary(const CaseId& id) const { return summary_impl(id); }

CasePage CaseStore::find(const CaseQuery& query) const {
  if (query.limit < 1 || query.limit > 1000)
    throw UsageError("store.bad_query",
                     "a page holds 1 to 1000 cases, not " + std::to_string(query.limit));
  detail::log().trace("find cases (limit {}, offset {})", query.limit, query.offset);
  return find_impl(query);
}

CaseStatistics CaseStore::statistics(Date as_of,
                                     const std::optional<std::string>& programme) const {
  detail::log().trace("case statistics as of {}", as_of.to_string());
  CaseStatistics s = statistics_impl(as_of, programme);
  for (auto* counts : {&s.by_state, &s.by_programme, &s.by_outcome}) largest_first(*counts);
  s.cases = 0;
  for (const CaseCount& c : s.by_state) s.cases += c.count;
  CaseStatistics::Durations& d = s.days_to_decision;
  std::sort(d.histogram.begin(), d.histogram.end());
  d.cases = 0;
  for (const auto& bucket : d.histogram) d.cases += bucket.second;
  d.median = percentile(d, 50);
  d.p90 = percentile(d, 90);
  d.max =
      d.histogram.empty() ? std::nullopt : std::optional<std::int64_t>(d.histogram.back().first);
  return s;
}

}  // namespace regularis
