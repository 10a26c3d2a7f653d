// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The checker's output: one result per record in JSON Lines (exactly the
// result line of shared/application-format.md), CSV, readable text or one
// JSON array, written as each record is evaluated so memory stays constant;
// an invalid record's errors and a record's warnings (`--strict`) for
// standard error when the format (CSV) has no room for them; and the summary (counts by outcome and
// by reason) printed at the end.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regularis/engine/batch.hpp"
#include "regularis/engine/evaluation.hpp"
#include "regularis/facts/read.hpp"
#include "regularis/report/render.hpp"

namespace checker {

enum class Format { jsonl, csv, text, json };

/// "jsonl", "csv", "text", "json"; nothing for any other name.
std::optional<Format> parse_format(std::string_view name);

/// One record's evaluation as the checker reports it: the id (the
/// evaluation's, else whatever the reader could read), the reason codes (for
/// an invalid record: its diagnostic codes, each once) and, for an invalid
/// record, every error as "json.path: message".
struct RecordResult {
  const regularis::Evaluation* evaluation = nullptr;
  std::size_t line = 0;  ///< where the record starts in its input (0: unknown)
  std::string id;
  std::string programme;
  /// The record's own `programme` when it names another than `programme`
  /// (judged all the same; the summary counts them), else "".
  std::string other_programme;
  std::vector<std::string> reasons;
  std::vector<std::string> errors;
  /// Warnings of the reader (`check --strict`: `facts.unknown_field`) as
  /// "json.path: message"; they never change the outcome.
  std::vector<std::string> warnings;
  /// applicant.nationalities when the record has them (for `regularis report`).
  std::vector<std::string> nationalities;
  /// Show each criterion's basis and the values it used (`check --explain`;
  /// the evaluation must have been made with EvaluationOptions::explain).
  bool explained = false;
};

RecordResult make_result(const regularis::Evaluation& evaluation,
                         const regularis::ReadResult& record);
/// The same for a fast record of a BatchEvaluator, `evaluation` being its
/// materialized Evaluation (BatchEvaluator::materialize).
RecordResult make_result(const regularis::Evaluation& evaluation,
                         const regularis::BatchRecord& record);

/// One result as ResultWriter writes it: a line of JSON Lines or CSV, a
/// block of text, or (Format::json) the object alone, without the separator.
std::string format_result(const RecordResult& result, Format format);

/// `text` safe to print on a terminal: tab, LF and CR as `\t`, `\n`, `\r`;
/// other control bytes (C0, DEL) and bytes that are not UTF-8 as `\xNN`;
/// the C1 controls (U+0080 to U+009F), the line and paragraph separators
/// (U+2028, U+2029) and the bidirectional controls (U+061C, U+200E, U+200F,
/// U+202A to U+202E, U+2066 to U+2069) as `\uNNNN`; all else, backslashes
/// included, as it is. The text format and problem_lines print every text
/// through it: an id "E<ESC>[31mX" (ESC the byte 0x1b) prints as `E\x1b[31mX`.
std::string terminal_text(std::string_view text);

/// An invalid record's errors, then the record's warnings, a line each, for
/// standard error when the format cannot carry them (CSV): "regularis: M-1
/// (line 3): error: applicant.entry_date: 2009-02-30 is not a date\n",
/// "regularis: (no id) (line 4): warning: applicant.entry_dat: unknown field
/// \"entry_dat\"\n"; "" when it has none.
std::string problem_lines(const RecordResult& result);

/// Writes results in one format, one record at a time.
///
///     ResultWriter w(std::cout, Format::csv);
///     w.begin();                 // the CSV header
///     w.write(make_result(e, r));
///     w.end();
class ResultWriter {
 public:
  ResultWriter(std::ostream& out, Format format) : out_(out), format_(format) {}
  void begin();
  void write(const RecordResult& result);
  void end();

 private:
  std::ostream& out_;
  Format format_;
  std::size_t written_ = 0;
};

/// Counts of outcomes and reasons over a batch.
class Summary {
 public:
  void add(const RecordResult& result);
  /// Adds `records` records with this outcome (their reasons: add_reason).
  void add_outcome(std::string_view outcome, std::size_t records);
  /// Counts a reason `count` more times.
  void add_reason(std::string_view reason, std::size_t count);
  /// Counts `records` more records whose `programme` names `name`, another
  /// programme than the one that judged them.
  void add_other_programme(std::string_view name, std::size_t records);
  /// Adds another summary's counts (of records evaluated elsewhere).
  void merge(const Summary& other);
  std::size_t records() const noexcept { return records_; }
  std::size_t invalid() const noexcept;
  /// "300 records" then the counts by outcome and by reason, each sorted by
  /// count (largest first) then by name, then the records that name another
  /// programme, by the programme they name (a programme file given by
  /// mistake shows here).
  void print(std::ostream& out) const;

 private:
  std::size_t records_ = 0;
  std::map<std::string, std::size_t> outcomes_;
  std::map<std::string, std::size_t> reasons_;
  std::map<std::string, std::size_t> other_programmes_;
};

/// The JSON Lines result of the fast records of one BatchEvaluator (json
/// and text explain, so their records are never fast), written straight
/// into a buffer: the bytes format_result gives for the record's
/// materialized Evaluation, without building a JSON
/// document per record. What the records share (programme, version,
/// criterion ids, deadline) is written once, from the first record's
/// Evaluation.
class FastResultJson {
 public:
  /// Appends `record`'s result object (without a newline) to `out`.
  void append(std::string& out, const regularis::BatchRecord& record,
              const regularis::BatchEvaluator& batch);

 private:
  void prepare(const regularis::BatchRecord& record, const regularis::BatchEvaluator& batch);

  bool prepared_ = false;
  std::string after_id_;               // ,"programme":..,"version":..,"outcome":"
  std::vector<std::string> criteria_;  // {"id":"r01","status":"  (a comma before all but the first)
  std::string after_criteria_;         // ],"missing":[],...,"deadline":..,"reasons":[
};

/// CSV cells as the report module writes them (formulas neutralised).
using regularis::append_csv_field;
using regularis::csv_field;

}  // namespace checker
