// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Stage 2, check: ProgrammeSource → CheckedProgramme, or every diagnostic
// of the file at once (structure, literals, dates, windows, versions, texts,
// and each expression type-checked by the rules module against the
// application format's schema and the file's own facts). A file with any
// error never reaches `compile`.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "regularis/core/diagnostic.hpp"
#include "regularis/export.hpp"
#include "regularis/programme/load.hpp"
#include "regularis/programme/programme.hpp"

namespace regularis {

/// A programme file that passed every check. Only `check` makes one; only
/// `compile` reads it. Immutable; cheap to copy.
class REGULARIS_API CheckedProgramme {
 public:
  /// The programme id ("br-2009").
  const std::string& id() const noexcept;
  const ProgrammeSource& source() const noexcept;

  class Impl;

 private:
  explicit CheckedProgramme(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
  friend REGULARIS_API CheckResult check(const ProgrammeSource& source);
  friend REGULARIS_API Programme compile(const CheckedProgramme& checked);
};

/// What `check` found: a CheckedProgramme when there was no error, and the
/// diagnostics (errors, warnings) sorted by line and column.
///
///     CheckResult r = check(load(text, "br.yaml"));
///     if (!r.ok())
///       for (const Diagnostic& d : r.diagnostics()) std::cerr << render(d, text) << '\n';
class REGULARIS_API CheckResult {
 public:
  /// True when there is no error (warnings allowed).
  bool ok() const noexcept { return programme_.has_value(); }
  const Diagnostics& diagnostics() const noexcept { return diagnostics_; }
  /// The checked programme. Throws UsageError ("programme.not_checked") when !ok().
  const CheckedProgramme& programme() const;

 private:
  CheckResult() = default;
  std::optional<CheckedProgramme> programme_;
  Diagnostics diagnostics_;
  friend REGULARIS_API CheckResult check(const ProgrammeSource& source);
};

/// Checks a loaded programme file. Never throws for a wrong file.
///
///     CheckResult r = check(load(text, "br-2009.yaml"));
///     r.diagnostics()[0].to_string();
///     // br-2009.yaml:14:5: error: unknown key "critera" in version 1; did you mean
///     // "criteria"? [programme.unknown_key]
REGULARIS_API CheckResult check(const ProgrammeSource& source);

}  // namespace regularis
