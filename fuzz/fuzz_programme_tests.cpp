// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target: a programme test file (`*.test.yaml`) through
// load_programme_tests_text, every diagnostic rendered, and each case's
// generated application JSON read back by the application reader (it must
// at least be JSON the reader can walk without crashing).
#include <cstddef>
#include <cstdint>
#include <string>

#include "regularis/authoring/programme_tests.hpp"
#include "regularis/facts/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  regularis::ProgrammeTestFile file = regularis::load_programme_tests_text(text, "fuzz.test.yaml");
  for (const regularis::Diagnostic& d : file.diagnostics) (void)regularis::render(d, text);
  if (file.diagnostics.has_errors()) return 0;
  for (const regularis::ProgrammeTestCase& c : file.cases) {
    regularis::ReadResult r = regularis::read_application(c.application_json);
    if (r.is_valid() == r.diagnostics.has_errors()) __builtin_trap();
  }
  return 0;
}
