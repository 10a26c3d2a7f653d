// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Diagnostic: one problem found in something an author or a host wrote (a
// programme file, an application record), with a stable code and the place:
// file:line:col for files, a JSON path for application data. Diagnostics are
// collected and reported all at once; they are values, never thrown.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "regularis/export.hpp"

namespace regularis {

enum class Severity { error, warning, note };

/// "error", "warning", "note".
REGULARIS_API std::string_view to_string(Severity s) noexcept;

/// A place in a text file; line and column are 1-based, 0 when not known.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  /// "br-2009.yaml:12:5" (or fewer parts when some are unknown: "br-2009.yaml",
  /// "br-2009.yaml:12").
  REGULARIS_API std::string to_string() const;
  friend bool operator==(const SourceLocation& a, const SourceLocation& b) {
    return a.file == b.file && a.line == b.line && a.column == b.column;
  }
};

/// One problem, with a stable machine-readable code.
///
///     Diagnostic d{Severity::error, "programme.unknown_key", "unknown key \"critera\"",
///                  {"br-2009.yaml", 12, 5}, ""};
///     d.to_string();   // br-2009.yaml:12:5: error: unknown key "critera" [programme.unknown_key]
///     Diagnostic j{Severity::error, "facts.bad_date",
///                  "2009-02-30 is not a date", {}, "applicant.date_of_birth"};
///     j.to_string();   // applicant.date_of_birth: error: 2009-02-30 is not a date
///     [facts.bad_date]
///
/// With both a location and a JSON path (a line of a JSON Lines batch) both
/// are shown: `batch.jsonl:3: applicant.date_of_birth: error: ...`; with
/// neither, `error: message [code]`.
struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;
  std::string message;
  SourceLocation location;  ///< for files
  std::string json_path;    ///< for application data ("applicant.absences[0].from")

  REGULARIS_API std::string to_string() const;
};

/// The diagnostic, then the source line it points at and a caret under the
/// column (when the location has a line and `source_text` has it). Every line
/// ends with '\n'; the column counts bytes, tabs before it are kept so the caret
/// lines up, and a multi-byte UTF-8 character takes one place:
///
///     br-2009.yaml:12:5: error: unknown key "critera" [programme.unknown_key]
///        12 |     critera:
///           |     ^
REGULARIS_API std::string render(const Diagnostic& d, std::string_view source_text);

/// Every diagnostic of one operation, in the order found.
class REGULARIS_API Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(std::string code, std::string message, SourceLocation where);
  void error_at_path(std::string code, std::string message, std::string json_path);
  void warning(std::string code, std::string message, SourceLocation where);
  void append(const Diagnostics& other);

  bool has_errors() const noexcept;
  bool empty() const noexcept { return items_.empty(); }
  std::size_t size() const noexcept { return items_.size(); }
  const std::vector<Diagnostic>& items() const noexcept { return items_; }
  auto begin() const noexcept { return items_.begin(); }
  auto end() const noexcept { return items_.end(); }
  const Diagnostic& operator[](std::size_t i) const { return items_[i]; }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace regularis
