// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Error and its subclasses: what() is "[code] message"; the destructors are
// out of line so that each class has one home for its vtable and type info
// (exceptions crossing a shared-library boundary need that).
#include "regularis/core/error.hpp"

namespace regularis {

Error::Error(std::string code, const std::string& message, Diagnostics diagnostics, int native_code)
    : std::runtime_error("[" + code + "] " + message),
      code_(std::move(code)),
      message_(message),
      diagnostics_(std::move(diagnostics)),
      native_code_(native_code) {}

Error::~Error() = default;
IoError::~IoError() = default;
ProgrammeError::~ProgrammeError() = default;
UsageError::~UsageError() = default;

}  // namespace regularis
