// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// `regularis lint FILE...`: every diagnostic of every file (file:line:col,
// the source line and a caret), then, for a programme without errors, its
// versions and the filing windows the loader computed. A programme's own
// lifecycle is checked as the case commands build it. A test file
// (`*.test.yaml`) is checked as `regularis test` reads it, without running
// it. Exit 0 when no file has an error, 2 otherwise.
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "regularis/authoring/programme_tests.hpp"
#include "regularis/cases/lifecycle.hpp"
#include "regularis/core/error.hpp"
#include "regularis/programme/load.hpp"

namespace checker {

namespace {

void print_versions(const regularis::Programme& programme, std::ostream& out) {
  for (const regularis::ProgrammeVersion& v : programme.versions()) {
    out << "  version " << v.label();
    if (v.effective_from != v.declared_from) {
      out << " (parameters from " << v.effective_from.to_string() << ')';
    }
    if (v.effective_until) out << ", until " << v.effective_until->to_string();
    out << ": window " << window_dates(v.window);
    const std::string rule = window_rule(v.window);
    if (!rule.empty()) out << " (" << rule << ')';
    out << '\n';
    for (const regularis::Route& route : v.routes) {
      out << "    route " << route.id << ": window " << window_dates(route.window);
      const std::string route_rule = window_rule(route.window);
      if (!route_rule.empty()) out << " (" << route_rule << ')';
      out << '\n';
    }
  }
}

/// Errors and warnings printed so far for one file.
struct Tally {
  std::size_t errors = 0;
  std::size_t warnings = 0;

  void print(const regularis::Diagnostic& d, const std::string& text, std::ostream& out) {
    out << regularis::render(d, text);
    if (d.severity == regularis::Severity::error) ++errors;
    if (d.severity == regularis::Severity::warning) ++warnings;
  }
  /// ", 2 warnings" (nothing when none).
  std::string warnings_part() const {
    if (warnings == 0) return "";
    return ", " + std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
  }
  /// Ends the file's report with its count of errors; true when none.
  bool close(const std::string& path, std::ostream& out) const {
    if (errors == 0) return true;
    out << path << ": " << errors << (errors == 1 ? " error" : " errors") << warnings_part()
        << '\n';
    return false;
  }
};

bool is_test_file(const std::string& path) {
  for (const char* suffix : {".test.yaml", ".test.yml"}) {
    const std::string s(suffix);
    if (path.size() > s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0) {
      return true;
    }
  }
  return false;
}

/// A programme's own lifecycle, built as the case commands build it. A
/// guard the standard set lacks is a warning here: a host program may
/// register it.
void lint_lifecycle(const regularis::Programme& programme, const std::string& text, Tally& tally,
                    std::ostream& out) {
  const regularis::LifecycleBuild b =
      regularis::lifecycle_of(programme, regularis::Guards::standard());
  for (regularis::Diagnostic d : b.diagnostics) {
    if (d.code == "lifecycle.unknown_guard") {
      d.severity = regularis::Severity::warning;
      d.message +=
          " among the standard guards (filed_in_window, eligible, first_appeal, "
          "due_after_event); a host program must register it";
    }
    tally.print(d, text, out);
  }
}

/// Lints one programme file; true when it has no error.
bool lint_programme(const std::string& path, std::ostream& out) {
  std::string text;
  if (!read_text_file(path, text, std::cerr)) return false;
  Tally tally;
  for (const regularis::Diagnostic& d : regularis::check_programme_text(text, path)) {
    tally.print(d, text, out);
  }
  if (!tally.close(path, out)) return false;
  const regularis::Programme programme = regularis::load_programme_text(text, path);
  lint_lifecycle(programme, text, tally, out);
  if (!tally.close(path, out)) return false;
  const std::size_t n = programme.versions().size();
  out << path << ": ok, programme " << programme.id() << ", " << n
      << (n == 1 ? " version" : " versions") << tally.warnings_part() << '\n';
  print_versions(programme, out);
  return true;
}

/// Lints one test file as `regularis test` reads it (its programme is a
/// file of its own to lint); true when it has no error.
bool lint_tests(const std::string& path, std::ostream& out) {
  std::string text;
  if (!read_text_file(path, text, std::cerr)) return false;
  const regularis::ProgrammeTestFile file = regularis::load_programme_tests_text(text, path);
  Tally tally;
  for (const regularis::Diagnostic& d : file.diagnostics) tally.print(d, text, out);
  std::ifstream programme;
  std::ostringstream why;  // the reason is said below, as this file's error
  if (!file.programme_path.empty() && !open_input_file(file.programme_path, programme, why)) {
    out << path << ": error: its programme " << file.programme_path << " cannot be read\n";
    ++tally.errors;
  }
  if (!tally.close(path, out)) return false;
  const std::size_t n = file.cases.size();
  out << path << ": ok, test file for " << file.programme << ", " << n
      << (n == 1 ? " case" : " cases") << tally.warnings_part() << '\n';
  return true;
}

}  // namespace

int run_lint(const LintOptions& options) {
  bool ok = true;
  for (const std::string& path : options.programmes) {
    if (!(is_test_file(path) ? lint_tests(path, std::cout) : lint_programme(path, std::cout))) {
      ok = false;
    }
  }
  return ok ? kExitOk : kExitUsage;
}

}  // namespace checker
