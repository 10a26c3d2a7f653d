// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// SHA-256 (OpenSSL libcrypto) as lower-case hex: the receipt that names the
// exact programme text an evaluation used.
#pragma once

#include <string>
#include <string_view>

namespace regularis::detail {

/// 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace regularis::detail
