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
/// newline; SIMDJSON_PADDING readable bytes follow it).
template <typename OnLine>
void for_each_line(std::istream& in, OnLine&& on_line) {
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  std::string buffer, carry;
  bool eof = false;
  while (!eof) {
    buffer.swap(carry);
    carry.clear();
    const std::size_t at = buffer.size();
    buffer.resize(at + kChunk);
    in.read(&buffer[at], static_cast<std::streamsize>(kChunk));
    const auto got = static_cast<std::size_t>(in.gcount());
    buffer.resize(at + got);
    eof = got == 0;
    std::size_t end = eof ? buffer.size() : buffer.rfind('\n');
    if (end == std::string::npos) continue;
    if (!eof) ++end;
    carry.assign(buffer, end, std::string::npos);
    buffer.resize(end);
    const std::size_t length = buffer.size();
    buffer.append(simdjson::SIMDJSON_PADDING, '\0');
    std::size_t pos = 0;
    while (pos < length) {
      const char* line = buffer.data() + pos;
      const void* nl = std::memchr(line, '\n', length - pos);
      const std::size_t n = nl != nullptr
                                ? static_cast<std::size_t>(static_cast<const char*>(nl) - line)
                                : length - pos;
      pos += n + 1;
      if (n != 0) on_line(line, n);
    }
    buffer.resize(length);
    buffer.clear();
  }
}

}  // namespace bench
