// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Control of the library's logging without spdlog types: the level, or
// silence. The library logs through one spdlog logger named "regularis" (see
// regularis/log.hpp to hand in your own) and never logs personal data: case
// ids and codes only.
#pragma once

#include "regularis/export.hpp"

namespace regularis {

enum class LogLevel { trace, debug, info, warn, error, off };

/// Sets the level of the "regularis" logger; LogLevel::off silences it.
REGULARIS_API void set_log_level(LogLevel level);

}  // namespace regularis
