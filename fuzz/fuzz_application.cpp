// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target: application records through the reader, as one record
// (read_application, strict and lenient) and as a batch (read_batch, with the
// default record size limit and with a tiny one so the too-large path is
// exercised). Checks the reader's contract: a result is valid exactly when
// it has no error, an invalid one says why, and the
// record's id and programme are valid UTF-8; a batch's records come in input
// order, and only the last may say that input was left unread.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "regularis/facts/read.hpp"

namespace {

void check_contract(const regularis::ReadResult& r) {
  if (r.is_valid() == r.diagnostics.has_errors()) __builtin_trap();
  // Names a report writes out as JSON must be valid UTF-8.
  if (!simdjson::validate_utf8(r.id.data(), r.id.size())) __builtin_trap();
  if (!simdjson::validate_utf8(r.programme.data(), r.programme.size())) __builtin_trap();
  for (const regularis::Diagnostic& d : r.diagnostics) {
    if (d.code.empty() || d.message.empty()) __builtin_trap();
    (void)d.to_string();
  }
}

// A batch's records come in the order of the input (a broken array element
// never makes the reader go back before it), and only the last one may say
// that input was left unread.
void check_batch(const std::vector<regularis::ReadResult>& results) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const regularis::ReadResult& r = results[i];
    check_contract(r);
    if (r.line < line) __builtin_trap();
    line = r.line;
    for (const regularis::Diagnostic& d : r.diagnostics) {
      if (d.code == "facts.not_read" && i + 1 != results.size()) __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);

  regularis::ReadOptions lenient;
  regularis::ReadOptions strict;
  strict.strict = true;
  check_contract(regularis::read_application(text, lenient));
  check_contract(regularis::read_application(text, strict));

  check_batch(regularis::read_batch(text, strict));
  regularis::ReadOptions tiny;
  tiny.max_record_bytes = 64;
  check_batch(regularis::read_batch(text, tiny));
  return 0;
}
