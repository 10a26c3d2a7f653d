// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The library's own access to its logger, for every module's .cpp files.
#pragma once

#include <spdlog/logger.h>

namespace regularis::detail {

/// The "regularis" logger (created on first use). Never log personal data.
spdlog::logger& log();

}  // namespace regularis::detail
