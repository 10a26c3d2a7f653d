// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The version string, built from the numbers in regularis/version.hpp.
#include "regularis/version.hpp"

#define REGULARIS_STR2(x) #x
#define REGULARIS_STR(x) REGULARIS_STR2(x)

namespace regularis {

const char* version_string() noexcept {
  return REGULARIS_STR(REGULARIS_VERSION_MAJOR) "." REGULARIS_STR(
      REGULARIS_VERSION_MINOR) "." REGULARIS_STR(REGULARIS_VERSION_PATCH);
}

}  // namespace regularis
