// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// UTF-8, one character at a time: for counting columns in characters,
// finding bytes that are not UTF-8, and escaping characters a terminal
// would act on.
#pragma once

#include <cstddef>
#include <string_view>

#include "regularis/export.hpp"

namespace regularis {

/// One UTF-8 character of a text.
struct Utf8Char {
  std::size_t length = 0;  ///< in bytes, 1 to 4; 0 when no well-formed character starts there
  char32_t code_point = 0;
};

/// The well-formed UTF-8 character that starts at byte `at` of `text` (no
/// overlong forms, surrogates or code points past U+10FFFF), or length 0
/// (a continuation byte, a sequence cut short, 0xC0, 0xFF, `at` past the end).
///
///     utf8_at("a\xC3\xA9", 1);         // {2, U+00E9}
///     utf8_at("\xFF", 0).length;       // 0
REGULARIS_API Utf8Char utf8_at(std::string_view text, std::size_t at) noexcept;

}  // namespace regularis
