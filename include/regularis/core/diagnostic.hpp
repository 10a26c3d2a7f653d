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
///
/// The column counts bytes: it is the 1-based byte offset within the line,
/// as every reader and parser counts it (an `á` before it counts 2). Output
/// meant for people counts characters instead: render(), which has the
/// source line, prints the column and places the caret in UTF-8 code points
/// (character_column); to_string() has no source text and prints the byte
/// column as stored.
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

  /// The one-line form; its column is the stored byte column (render()
  /// gives the column in characters, from the source line).
  REGULARIS_API std::string to_string() const;
};

/// The column, in characters, of the byte at 1-based byte column
/// `byte_column` of `line` (one line's text, without its line break): each
/// UTF-8 code point counts one, and so does a tab, and a byte that is not
/// part of valid UTF-8; a byte inside a character gives that character's
/// column; each byte past the end of the line counts one. 0 (unknown) stays
/// 0. `character_column("nome: \xC3\xA9x", 9)` is 8, the column of `x`.
REGULARIS_API int character_column(std::string_view line, int byte_column);

/// The diagnostic, then the source line it points at and a caret under the
/// column (when the location has a line and `source_text` has it). Every line
/// ends with '\n'. When the line is found, the first line's column counts
/// characters (character_column), not bytes as the location stores it; the
/// caret is under that character: one place per character before it, tabs
/// kept so it lines up, just after the line when the column is past its end.
/// Characters that a terminal shows two columns wide (CJK, emoji) still take
/// one place.
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
