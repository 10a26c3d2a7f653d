// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// SHA-256 (OpenSSL libcrypto) as lower-case hex, the one implementation the
// library has: the programme receipt (computed once per compiled programme)
// and the case events' audit chain use it.
#pragma once

#include <string>
#include <string_view>

namespace regularis::detail {

/// 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace regularis::detail
