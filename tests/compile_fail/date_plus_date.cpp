// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Compile-fail: adding two dates is meaningless (Date + Date).
// Built twice: without REGULARIS_COMPILE_FAIL it must compile (so the file
// itself is sound); with it, it must not.
#include "regularis/core/date.hpp"
#include "regularis/core/money.hpp"
#include "regularis/core/period.hpp"

void probe(const regularis::Date& date, const regularis::Period& period,
           const regularis::Money& money) {
  (void)date;
  (void)period;
  (void)money;
#ifdef REGULARIS_COMPILE_FAIL
  (void)(date + date);
#endif
}
