// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Reading applications from CSV, for hosts whose applications live in a
// spreadsheet: a header row of fact paths, then one application per row.
// Each row is turned into the JSON record it stands for and read by the same
// strict reader as JSON input (read.hpp), so a CSV record and its JSON twin
// give equal Facts and the same diagnostics, except that each diagnostic
// names the column (its header text) and the cell's file:line:col.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "regularis/core/diagnostic.hpp"
#include "regularis/export.hpp"
#include "regularis/facts/read.hpp"

namespace regularis {

/// Reads a CSV batch one row at a time, with the shape of BatchReader.
///
/// Text: RFC 4180. Cells are separated by commas and may be quoted with `"`
/// (a quoted cell may hold commas, line breaks and `""` for a quote); rows
/// end with LF or CRLF; a UTF-8 BOM at the start is skipped; blank rows and
/// rows whose cells are all empty are skipped. A quote that is never closed
/// (the input ends inside it, or it is still open max_record_bytes after its
/// row's first line) makes the row invalid, `facts.csv_syntax` at the
/// quote's line:col, and ends the row with its first line: reading resumes
/// at the next line, so every later row is read as a record of its own.
///
///     id,applicant.given_names
///     A-1,"Ana
///     A-2,Bea
///
/// gives A-1 invalid (`2:5: the quote opened here is not closed before the
/// end of the input; the row ends with line 2`) and A-2 valid (line 3).
/// Text is read again no more than the input's size plus max_record_bytes in
/// all; past that, the lines left are reported as not read.
///
/// Header: the first row. Each cell names one fact by its dotted path in the
/// application format, as Schema::standard() knows it, with `[n]` after a
/// list of objects to name one element:
///
///     column  := step ("." step)*
///     step    := snake_case ("[" digits "]")?      an index only on a list of objects
///
/// `id`, `filed_at`, `applicant.date_of_birth`, `applicant.nationalities`,
/// `declarations.no_criminal_record`, `facts.custom_thing`,
/// `documents[0].type`, `applicant.absences[1].from`. A column names a value,
/// never an object (`applicant.criminal`); a whole list of objects
/// (`documents`) may be a column that takes only `[]`. Every header problem
/// is reported at once, with the header cell's file:line:col; then the reader
/// gives no records (see header()).
///
/// Cells, typed by the schema of their column:
///   - empty: absent (unknown);
///   - boolean: `true` or `false`;
///   - integer: an integer literal, like `12`;
///   - decimal, date, country, text: the cell's text (`31.05`, `2009-08-01`);
///   - a list of values (`applicant.nationalities`): items separated by `;`,
///     white space around them trimmed, empty items dropped; `[]` is the empty list;
///   - a whole list of objects: `[]`;
///   - programme-specific (`facts.*`): `true`/`false`, a JSON number (one a
///     double holds exactly, up to 15 significant digits), else text.
/// A cell that does not fit its column goes through as text, so the reader
/// reports it (`facts.wrong_type`) as it would in JSON. An element
/// `documents[k]` exists when one of its cells is not empty; elements are kept
/// in index order, gaps closed. The record's `format` is
/// `regularis.application/1` unless a `format` column says otherwise.
///
///     id,filed_at,applicant.nationalities,documents[0].type,documents[0].verified
///     BR-1,2009-08-01,BO;PE,proof_of_entry,true
///
/// reads as `{"format": "regularis.application/1", "id": "BR-1", "filed_at":
/// "2009-08-01", "applicant": {"nationalities": ["BO", "PE"]}, "documents":
/// [{"type": "proof_of_entry", "verified": true}]}`. Reading it:
///
///     std::ifstream in("applications.csv", std::ios::binary);
///     CsvReader reader(in, "applications.csv");
///     for (const Diagnostic& d : reader.header()) std::cerr << d.to_string() << '\n';
///     ReadResult r;
///     while (reader.next(r)) {
///       if (!r.is_valid()) report(r.line, r.diagnostics);  // json_path = the column
///     }
///
/// Memory holds one row, at most ReadOptions::max_record_bytes of it, and no
/// more than twice that of text kept to be read again.
///
/// Diagnostic codes, besides those of ReadResult: facts.csv_bad_column (an
/// empty or ill-formed column name, an index on what is not a list of
/// objects, a column naming an object), facts.csv_unknown_column,
/// facts.csv_duplicate_column, facts.csv_overlapping_column (one column
/// holds another: `documents` and `documents[0].type`) for the header;
/// facts.csv_extra_cell (more cells than columns), the warning
/// facts.csv_missing_cell (fewer: the rest are read as empty), facts.csv_syntax (a
/// quote never closed, text after a closing quote, a cell that is not UTF-8),
/// facts.record_too_large and facts.not_read (after a quote never closed,
/// the rest of the input, when it may not be read again) for a row.
class REGULARIS_API CsvReader {
 public:
  /// Reads from `in`, which must outlive the reader; `source_name` (a file
  /// name, "<stdin>") goes into the diagnostics' locations.
  CsvReader(std::istream& in, std::string source_name, ReadOptions options = {});
  /// Opens a file; throws IoError (`io.open`) when it cannot be opened or
  /// is a directory.
  explicit CsvReader(const std::string& path, ReadOptions options = {});
  ~CsvReader();
  CsvReader(CsvReader&&) noexcept;
  CsvReader& operator=(CsvReader&&) noexcept;
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  /// The header's problems, reading the header first if need be; empty when
  /// every column is usable (and for an input with no rows). When it has
  /// errors, next() gives one invalid result carrying them (its line is the
  /// header's) and then nothing.
  const Diagnostics& header();

  /// The next record into `out`; false (and `out` untouched) at the end.
  /// Throws IoError (`io.read`) only when the stream itself fails.
  bool next(ReadResult& out);

  /// Calls `on_record` for every remaining record; returns how many.
  std::size_t for_each(const std::function<void(ReadResult&)>& on_record);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace regularis
