// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Compile-fail control: the sensible counterparts of the expressions the
// other files try, which must compile (proves the harness and include path).
#include "regularis/core/date.hpp"
#include "regularis/core/money.hpp"
#include "regularis/core/period.hpp"

bool probe(const regularis::Date& date, const regularis::Period& period,
           const regularis::Money& money) {
  const regularis::Date later = date + period;
  const bool before = date < later;
  const auto order = money.compare(money);
  return before && order.ok() && days_between(date, later) >= 0;
}
