// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The order of filing-month keys, shared by the statistics and the
// renderers: months ("2009-08") chronologically, then kOtherKey, then
// kUnknownKey.
#pragma once

#include <string_view>

#include "regularis/report/statistics.hpp"

namespace regularis::detail {

inline int month_rank(std::string_view key) noexcept {
  if (key == kUnknownKey) return 2;
  if (key == kOtherKey) return 1;
  return 0;
}

/// True when month key `a` comes before `b`.
inline bool month_before(std::string_view a, std::string_view b) noexcept {
  const int ra = month_rank(a);
  const int rb = month_rank(b);
  return ra != rb ? ra < rb : a < b;
}

}  // namespace regularis::detail
