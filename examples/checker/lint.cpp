// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// `regularis lint PROGRAMME...`: every diagnostic of every file
// (file:line:col, the source line and a caret), then, for a file without
// errors, its versions and the filing windows the loader computed. Exit 0
// when no file has an error, 2 otherwise.
#include <iostream>

#include "commands.hpp"
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

/// Lints one file; true when it has no error.
bool lint_file(const std::string& path, std::ostream& out) {
  std::string text;
  if (!read_text_file(path, text, std::cerr)) return false;
  const regularis::Diagnostics diagnostics = regularis::check_programme_text(text, path);
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const regularis::Diagnostic& d : diagnostics) {
    out << regularis::render(d, text);
    if (d.severity == regularis::Severity::error) ++errors;
    if (d.severity == regularis::Severity::warning) ++warnings;
  }
  if (errors > 0) {
    out << path << ": " << errors << (errors == 1 ? " error" : " errors");
    if (warnings > 0) out << ", " << warnings << (warnings == 1 ? " warning" : " warnings");
    out << '\n';
    return false;
  }
  const regularis::Programme programme = regularis::load_programme_text(text, path);
  const std::size_t n = programme.versions().size();
  out << path << ": ok, programme " << programme.id() << ", " << n
      << (n == 1 ? " version" : " versions");
  if (warnings > 0) out << ", " << warnings << (warnings == 1 ? " warning" : " warnings");
  out << '\n';
  print_versions(programme, out);
  return true;
}

}  // namespace

int run_lint(const LintOptions& options) {
  bool ok = true;
  for (const std::string& path : options.programmes) {
    if (!lint_file(path, std::cout)) ok = false;
  }
  return ok ? kExitOk : kExitUsage;
}

}  // namespace checker
