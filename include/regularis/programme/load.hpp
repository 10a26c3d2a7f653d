// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The first stage of reading a programme file: `load` parses the YAML text
// into a ProgrammeSource that keeps the exact text and every node's place in
// it. `check` (check.hpp) turns it into a CheckedProgramme or diagnostics and
// `compile` (programme.hpp) into a Programme. The convenience calls at the
// end run all three stages.
#pragma once

#include <memory>
#include <string>

#include "regularis/core/diagnostic.hpp"
#include "regularis/export.hpp"
#include "regularis/programme/programme.hpp"

namespace regularis {

class CheckResult;

/// A programme file, parsed as YAML but not yet checked: the exact text (to
/// hash, to quote in diagnostics), the file name, and the YAML tree with
/// line and column marks. Only `load` makes one. Immutable; cheap to copy;
/// shareable across threads.
///
///     ProgrammeSource src = load(text, "br-2009.yaml");
///     src.diagnostics();          // YAML syntax errors, if any
///     CheckResult r = check(src); // every problem at once
class REGULARIS_API ProgrammeSource {
 public:
  /// The name given to `load`, used in every diagnostic location.
  const std::string& file_name() const noexcept;
  /// The text exactly as given to `load` (hash it to identify the programme).
  const std::string& source_text() const noexcept;
  /// YAML syntax errors (`programme.yaml_syntax`); empty when the YAML parsed.
  const Diagnostics& diagnostics() const noexcept;

  class Impl;

 private:
  explicit ProgrammeSource(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;

  friend REGULARIS_API ProgrammeSource load(std::string text, std::string file_name);
  friend REGULARIS_API CheckResult check(const ProgrammeSource& source);
};

/// Parses YAML text. Never throws for bad input: a YAML syntax error becomes
/// a `programme.yaml_syntax` diagnostic at the line and column yaml-cpp
/// reports, and `check` returns it.
///
///     auto src = load("programme: br-2009\n...", "br-2009.yaml");
REGULARIS_API ProgrammeSource load(std::string text, std::string file_name);

/// load → check → compile in one call, on text already in memory. Throws
/// ProgrammeError (code "programme.invalid") carrying every diagnostic when
/// the programme is wrong.
///
///     Programme p = load_programme_text(text, "br-2009.yaml");
REGULARIS_API Programme load_programme_text(std::string text, std::string file_name);

/// Reads a file, then load → check → compile. Throws IoError ("io.open") when
/// the file cannot be read and ProgrammeError ("programme.invalid", with ALL
/// diagnostics) when it is wrong.
///
///     Programme p = load_programme_file("examples/programmes/br-2009.yaml");
///     p.version_in_force(*Date::parse("2009-08-01"));
REGULARIS_API Programme load_programme_file(const std::string& path);

/// For `regularis lint`: every diagnostic of load and check (errors and
/// warnings), empty for a good file. Never throws for bad input.
///
///     for (auto& d : check_programme_text(text, "br.yaml")) std::cout << render(d, text);
REGULARIS_API Diagnostics check_programme_text(std::string text, std::string file_name);

}  // namespace regularis
