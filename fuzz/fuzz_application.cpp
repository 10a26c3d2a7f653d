// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target: application records through the reader, as one record
// (read_application, strict and lenient) and as a batch (read_batch, with the
// default record size limit and with a tiny one so the too-large path is
// exercised). Checks the reader's contract: a result is valid exactly when
// it has no error, an invalid one says why, and the
// record's id and programme are valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string_view>

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);

  regularis::ReadOptions lenient;
  regularis::ReadOptions strict;
  strict.strict = true;
  check_contract(regularis::read_application(text, lenient));
  check_contract(regularis::read_application(text, strict));

  for (const regularis::ReadResult& r : regularis::read_batch(text, strict)) check_contract(r);
  regularis::ReadOptions tiny;
  tiny.max_record_bytes = 64;
  for (const regularis::ReadResult& r : regularis::read_batch(text, tiny)) check_contract(r);
  return 0;
}
