// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target: CSV batches through CsvReader, with the default record
// size limit and with a tiny one so that rows over the limit are skipped.
// Checks the reader's contract: the header's problems are errors with
// codes; a record is valid exactly when it has no error; every diagnostic
// of a row has a code, a message and a place (a line) in the input; records
// come in input order, each starting on a later line than the one before
// (also after a quote never closed, whose later lines are read again); and
// the id is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include <simdjson.h>

#include "regularis/facts/csv.hpp"

namespace {

void read_all(const std::string& text, std::size_t max_record_bytes) {
  std::istringstream in(text);
  regularis::ReadOptions options;
  options.max_record_bytes = max_record_bytes;
  regularis::CsvReader reader(in, "fuzz.csv", options);
  for (const regularis::Diagnostic& d : reader.header()) {
    if (d.code.empty() || d.message.empty() || d.location.line <= 0) __builtin_trap();
  }
  regularis::ReadResult r;
  std::size_t last_line = 0;
  while (reader.next(r)) {
    if (r.is_valid() == r.diagnostics.has_errors()) __builtin_trap();
    if (r.line <= last_line) __builtin_trap();
    last_line = r.line;
    if (!simdjson::validate_utf8(r.id.data(), r.id.size())) __builtin_trap();
    for (const regularis::Diagnostic& d : r.diagnostics) {
      if (d.code.empty() || d.message.empty()) __builtin_trap();
      if (d.location.line <= 0 && r.line == 0) __builtin_trap();
      (void)d.to_string();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  read_all(text, std::size_t{16} * 1024 * 1024);
  read_all(text, 48);
  return 0;
}
