// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Opt-in header for hosts that use spdlog: get or replace the logger the
// library writes to. Including it brings spdlog into the host's build; the
// rest of the public headers do not.
#pragma once

#include <memory>

#include <spdlog/logger.h>

#include "regularis/core/logging.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// The logger the library writes to (named "regularis"; stderr by default, level warn).
REGULARIS_API std::shared_ptr<spdlog::logger> logger();

/// Replaces the library's logger; nullptr installs a logger that drops everything.
///
///     auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(my_stream);
///     regularis::set_logger(std::make_shared<spdlog::logger>("regularis", sink));
REGULARIS_API void set_logger(std::shared_ptr<spdlog::logger> logger);

}  // namespace regularis
