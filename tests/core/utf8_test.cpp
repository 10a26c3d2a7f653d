// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "regularis/core/utf8.hpp"

using regularis::utf8_at;

TEST_CASE("utf8_at reads one well-formed character", "[utf8]") {
  CHECK(utf8_at("a", 0).length == 1);
  CHECK(utf8_at("a", 0).code_point == U'a');
  const std::string_view text = "a\xC3\xA9\xE2\x80\xA8\xF0\x9F\x98\x80";  // a é U+2028 😀
  CHECK(utf8_at(text, 1).length == 2);
  CHECK(utf8_at(text, 1).code_point == U'\u00E9');
  CHECK(utf8_at(text, 3).length == 3);
  CHECK(utf8_at(text, 3).code_point == U'\u2028');
  CHECK(utf8_at(text, 6).length == 4);
  CHECK(utf8_at(text, 6).code_point == U'\U0001F600');
}

TEST_CASE("utf8_at finds no character where UTF-8 has none", "[utf8]") {
  for (const std::string_view bad : {
           std::string_view("\x80"),              // a continuation byte
           std::string_view("\xC3"),              // cut short
           std::string_view("\xC0\x80"),          // overlong NUL
           std::string_view("\xE0\x80\x80"),      // overlong
           std::string_view("\xED\xA0\x80"),      // a surrogate
           std::string_view("\xF4\x90\x80\x80"),  // past U+10FFFF
           std::string_view("\xFF"),
           std::string_view("\xC3\x28"),  // a second byte that continues nothing
       }) {
    INFO(bad.size());
    CHECK(utf8_at(bad, 0).length == 0);
  }
  CHECK(utf8_at("a", 1).length == 0);  // past the end
}
