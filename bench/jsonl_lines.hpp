// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// How the two yardsticks of issue 8 (bench_bare_simdjson and
// bench_handwritten_core) read a JSON Lines file: in 1 MiB chunks cut on line
// boundaries, as `regularis check` does, each line followed by simdjson's
// padding. One reader, so that they read the same way.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

namespace bench {

/// Opens the one argument, FILE.jsonl, into `in`; false (having said why) if
/// it is missing or cannot be opened.
inline bool open_input(int argc, char** argv, const char* program, std::ifstream& in) {
  if (argc != 2) {
    std::cerr << "usage: " << program << " FILE.jsonl\n";
    return false;
  }
  in.open(argv[1], std::ios::binary);
  if (!in) std::cerr << "cannot open " << argv[1] << '\n';
  return static_cast<bool>(in);
}

/// Calls `on_line(line, n)` for every non-empty line of `in` (without its
/// newline; SIMDJSON_PADDING readable bytes follow it). The buffer keeps its
/// size from chunk to chunk: bytes are read straight into it, never zeroed
/// first, as the checker's reader does.
template <typename OnLine>
void for_each_line(std::istream& in, OnLine&& on_line) {
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  std::string buffer, carry;
  bool eof = false;
  while (!eof) {
    const std::size_t at = carry.size();
    if (buffer.size() < at + kChunk + simdjson::SIMDJSON_PADDING) {
      buffer.resize(at + kChunk + simdjson::SIMDJSON_PADDING);
    }
    std::memcpy(&buffer[0], carry.data(), at);
    in.read(&buffer[at], static_cast<std::streamsize>(kChunk));
    const auto got = static_cast<std::size_t>(in.gcount());
    const std::size_t used = at + got;
    eof = got == 0;
    std::size_t end = eof ? used : std::string_view(buffer.data(), used).rfind('\n');
    if (end == std::string::npos) {
      carry.assign(buffer.data(), used);
      continue;
    }
    if (!eof) ++end;
    carry.assign(buffer.data() + end, used - end);
    std::size_t pos = 0;
    while (pos < end) {
      const char* line = buffer.data() + pos;
      const void* nl = std::memchr(line, '\n', end - pos);
      const std::size_t n =
          nl != nullptr ? static_cast<std::size_t>(static_cast<const char*>(nl) - line) : end - pos;
      pos += n + 1;
      if (n != 0) on_line(line, n);
    }
  }
}

}  // namespace bench
