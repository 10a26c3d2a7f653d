// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Reading applications: one JSON object from a string, or a batch (JSON Lines
// or a JSON array) from a string, a stream or a file, record by record with
// bounded memory. Bad data never throws and never stops a batch: each record
// gives a ReadResult with its Facts or with every problem as a diagnostic
// naming the JSON path (`applicant.absences[0].from`). Diagnostics never quote
// names, numbers or document contents beyond the offending value's own text.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regularis/core/diagnostic.hpp"
#include "regularis/export.hpp"
#include "regularis/facts/facts.hpp"

namespace regularis {

struct ReadOptions {
  /// Warn (`facts.unknown_field`) about fields the format does not define.
  bool strict = false;
  /// A batch record (line or array element) longer than this many bytes is
  /// reported as `facts.record_too_large` and skipped without being loaded.
  std::size_t max_record_bytes = std::size_t{16} * 1024 * 1024;
};

/// The outcome of reading one record.
///
/// Diagnostic codes: facts.syntax (not JSON, invalid UTF-8, trailing text),
/// facts.wrong_type, facts.bad_date, facts.bad_instant, facts.bad_country,
/// facts.bad_decimal, facts.negative_amount, facts.bad_currency,
/// facts.bad_vocabulary, facts.bad_identifier, facts.bad_region,
/// facts.bad_time_zone, facts.bad_integer, facts.bad_format, facts.duplicate_key,
/// facts.duplicate_id, facts.unknown_holder, facts.record_too_large,
/// facts.not_read (a batch's input left unread after a broken record), and the
/// limits that keep a hostile record from costing much: facts.too_long (a
/// string or field name over 64 KiB, a number over 64 characters),
/// facts.too_many_items (a list or object over 10,000 elements; `dependants`
/// over 100, `documents` over 1,000), facts.too_many_values (over 100,000
/// values in one record) (errors); facts.unknown_field (warning, strict mode
/// only).
struct ReadResult {
  /// Present exactly when the record is valid.
  std::optional<Facts> facts;
  /// Every problem; warnings may accompany valid facts.
  Diagnostics diagnostics;
  /// `id` and `programme` when they could be read (also for invalid records).
  std::string id;
  std::string programme;
  /// 1-based line where the record starts in a batch; 0 for a single record.
  std::size_t line = 0;

  bool is_valid() const noexcept { return facts.has_value(); }
};

/// Reads one application (a JSON object; a UTF-8 BOM is skipped).
///
///     ReadResult r = read_application(R"({"format": "regularis.application/1", "id": "A-1"})");
///     r.is_valid();                   // true
///     read_application("{").diagnostics[0].code;   // "facts.syntax"
REGULARIS_API ReadResult read_application(std::string_view json, const ReadOptions& options = {});

/// Reads a whole batch held in memory: JSON Lines, or a JSON array when the
/// first non-blank character is `[`.
REGULARIS_API std::vector<ReadResult> read_batch(std::string_view text,
                                                 const ReadOptions& options = {});

/// Reads a batch from a stream or file, one record at a time, reusing its
/// parser and buffers; memory stays bounded by the longest accepted record.
///
/// JSON Lines: one object per line, blank lines skipped, CRLF accepted, a
/// broken line gives an invalid result with its line number and reading goes
/// on. A JSON array (first non-blank character `[`): each element is a
/// record. An element that is not closed (a quote left unpaired, a `{` or
/// `[` without its match) gives one invalid result, `facts.syntax` located at
/// the line:col where it starts, and reading resumes at the next line that
/// starts a new element: its first non-blank characters are `{`, `,{` or the
/// array's `]`, no further right than the broken element's own start (as
/// pretty-printed and one-element-per-line arrays are written). Where JSON
/// could go on there (an item of a list left open), the element is cut only
/// if it never closes: by the end of the input, or within max_record_bytes.
/// Records after a broken one read as if it were absent. When no such line
/// follows, a second diagnostic, `facts.not_read`, gives the bytes and lines
/// left unread. An unclosed array adds one invalid result, as does text after
/// the array (saying what was not read). When a comma is missing between two
/// elements, the first is read as it is and the second is invalid, with
/// `facts.syntax` "a comma is missing before this record" at the place the
/// comma belongs (keeping its id), so that no record is lost and none passes
/// unseen.
///
///     [{"format": "regularis.application/1", "id": "A1"},
///     {"format": "regularis.application/1", "id": "A2", "applicant": {"date_of_birth":
///     "1980-01-01}},
///     {"format": "regularis.application/1", "id": "A3"}]
///
/// gives A1 (valid), A2 (invalid: `2:1: the record is not closed: a quote is
/// unpaired on line 2 (the string opened at 2:82 runs to its end); reading
/// resumes at line 3`) and A3 (valid, line 3).
///
///     BatchReader reader("applications.jsonl");
///     ReadResult r;
///     while (reader.next(r)) {
///       if (!r.is_valid()) report(r.line, r.diagnostics);
///     }
class REGULARIS_API BatchReader {
 public:
  /// Reads from `in`, which must outlive the reader.
  explicit BatchReader(std::istream& in, ReadOptions options = {});
  /// Opens a file; throws IoError (`io.open`) when it cannot be opened or
  /// is a directory.
  explicit BatchReader(const std::string& path, ReadOptions options = {});
  ~BatchReader();
  BatchReader(BatchReader&&) noexcept;
  BatchReader& operator=(BatchReader&&) noexcept;
  BatchReader(const BatchReader&) = delete;
  BatchReader& operator=(const BatchReader&) = delete;

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
