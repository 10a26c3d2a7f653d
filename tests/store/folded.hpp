// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// What a case's projection row must be: its events, as the store loads
// them, folded with advance(). Shared by the store tests.
#pragma once

#include "regularis/cases/case.hpp"
#include "regularis/store/case_store.hpp"

namespace regularis::test {

inline CaseSummary folded(const CaseStore& store, const CaseId& id) {
  CaseSummary summary;
  for (const auto& r : store.load(id)) advance(summary, r);
  return summary;
}

}  // namespace regularis::test
