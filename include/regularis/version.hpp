// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The library's version: the one place it is written. CMake reads the three
// numbers below when it configures, so the package version, the pkg-config file
// and this header can never disagree.
#pragma once

#define REGULARIS_VERSION_MAJOR 0
#define REGULARIS_VERSION_MINOR 1
#define REGULARIS_VERSION_PATCH 0

#include "regularis/export.hpp"

namespace regularis {

/// The version this library was built as, e.g. "0.1.0".
///
///     std::cout << regularis::version_string() << '\n';
REGULARIS_API const char* version_string() noexcept;

}  // namespace regularis
