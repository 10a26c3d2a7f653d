// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// `regularis test FILE.test.yaml...`: runs programme test files
// (docs/programme-tests.md). Each case prints `ok` or `FAIL`, a failure with
// every difference and what the evaluation said; the last line is the total,
// `N passed, M failed`. Exit 0 when every case passed, 1 when some failed,
// 2 when a file could not be read or run (a mistake in a test file, a
// programme that does not load).
#include <iostream>

#include "commands.hpp"
#include "regularis/authoring/programme_tests.hpp"
#include "regularis/core/error.hpp"

namespace checker {

namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// Runs one file; false on a file error (already reported on stderr).
bool run_file(const std::string& path, const TestOptions& options, std::size_t& passed,
              std::size_t& failed) {
  std::cout.flush();  // keep stdout and stderr in order on a terminal
  std::string text;
  if (!read_text_file(path, text, std::cerr)) return false;
  const regularis::ProgrammeTestFile file = regularis::load_programme_tests_text(text, path);
  if (!file.ok()) {
    std::size_t errors = 0;
    for (const regularis::Diagnostic& d : file.diagnostics) {
      std::cerr << regularis::render(d, file.source_text);
      if (d.severity == regularis::Severity::error) ++errors;
    }
    std::cerr << "regularis: " << path << ": " << plural(errors, "error", "errors")
              << ", not run\n";
    return false;
  }
  const std::optional<regularis::Programme> programme =
      load_programme_reporting(file.programme_path, std::cerr);
  if (!programme) {
    std::cerr << "regularis: " << path << ": its programme " << file.programme_path
              << " does not load, not run\n";
    return false;
  }
  const regularis::TestReport report = regularis::run_programme_tests(file, *programme);
  std::ostream& out = std::cout;
  out << path << ": " << programme->id() << " (" << file.programme_path << "), "
      << plural(report.cases.size(), "case", "cases") << '\n';
  for (const regularis::CaseResult& c : report.cases) {
    if (c.passed) {
      if (!options.failures_only) out << "  ok    " << c.name << '\n';
      continue;
    }
    out << "  FAIL  " << c.name << "  (" << c.location.to_string() << ")\n";
    for (const std::string& difference : c.differences) out << "          " << difference << '\n';
    out << "          got: " << c.actual << '\n';
  }
  passed += report.passed();
  failed += report.failed();
  return true;
}

}  // namespace

int run_test(const TestOptions& options) {
  std::size_t passed = 0;
  std::size_t failed = 0;
  bool file_error = false;
  for (const std::string& path : options.files) {
    if (!run_file(path, options, passed, failed)) file_error = true;
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  if (file_error) return kExitUsage;
  return failed > 0 ? kExitInvalidRecords : kExitOk;
}

}  // namespace checker
