// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target: the case-event decoder. Stored events come back from a
// store as their canonical text and hash; parse_recorded must turn any text
// into an event or a reason, never a crash. An event that decodes is sealed
// again and must decode to the same canonical text (the audit chain relies on
// that round trip).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "regularis/cases/event.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto recorded = regularis::parse_recorded(text, std::string(64, '0'));
  if (recorded) {
    auto again = regularis::parse_recorded(recorded->canonical, recorded->hash);
    if (!again || again->canonical != recorded->canonical) __builtin_trap();
  }
  return 0;
}
