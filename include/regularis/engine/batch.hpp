// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// BatchEvaluator: the fast path for many records of one programme. It reads
// a JSON Lines record with simdjson On-Demand, checking it against the
// application format as the strict reader does but building no Facts tree:
// the values the programme's criteria read go straight into a flat slot
// array, which the criteria's FastProgram (rules/fast.hpp) evaluates. A
// record the fast path cannot decide exactly (anything irregular or unusual
// in the JSON, an unknown fact that matters, an evaluation error) is read
// with read_application and evaluated with Engine::evaluate instead, so
// every result is the one the single-application API gives. Programmes with
// documents, fees, routes, several versions, windows with hours, more than
// 256 declared facts or explanations asked for always take that ordinary way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "regularis/engine/engine.hpp"
#include "regularis/engine/evaluation.hpp"
#include "regularis/export.hpp"
#include "regularis/facts/read.hpp"
#include "regularis/programme/programme.hpp"

namespace regularis {

/// Bytes that must be readable past the end of a record's text given to
/// BatchEvaluator::evaluate (their contents do not matter).
inline constexpr std::size_t kBatchPadding = 64;

/// One record's result. Reused from record to record (its storage too).
///
/// A fast result (`fast` true) holds the outcome and the reason codes only;
/// BatchEvaluator::materialize() gives the full Evaluation. Otherwise `read`
/// and `evaluation` are exactly what read_application and Engine::evaluate
/// gave.
struct BatchRecord {
  std::size_t line = 0;  ///< where the record starts in its input (1-based)
  bool fast = false;
  // ---- fast ----
  std::string id;         ///< the record's `id` ("" when absent)
  std::string programme;  ///< the record's `programme` ("" when absent), may name another
  Outcome outcome = Outcome::invalid;
  /// Status per criterion, the window (`filed_in_window`) first.
  std::vector<CriterionStatus> statuses;
  /// Reason codes ("r03.not_met"), views into the evaluator's own strings.
  std::vector<std::string_view> reasons;
  Date filing_date;
  /// `applicant.nationalities`, two letters each ("BOPE"), in record order
  /// (for reports by nationality); empty when absent or none.
  std::string nationalities;
  // ---- otherwise ----
  ReadResult read;
  Evaluation evaluation;
};

/// Evaluates records of one programme, fast when it can. Copies share the
/// compiled plan and have their own parser and buffers: use one per thread.
///
///     BatchEvaluator batch(programme, {std::nullopt, "", false});
///     BatchRecord r;
///     batch.evaluate(line_text, line_number, r);   // text padded by kBatchPadding bytes
///     if (r.fast) write(r.id, r.outcome, r.reasons); else write(r.evaluation);
class REGULARIS_API BatchEvaluator {
 public:
  explicit BatchEvaluator(const Programme& programme, EvaluationOptions options = {},
                          ReadOptions read_options = {});
  ~BatchEvaluator();
  BatchEvaluator(const BatchEvaluator& other);
  BatchEvaluator& operator=(const BatchEvaluator& other);
  BatchEvaluator(BatchEvaluator&&) noexcept;
  BatchEvaluator& operator=(BatchEvaluator&&) noexcept;

  /// True when the programme can take the fast path at all.
  bool accelerated() const noexcept;

  /// Evaluates one JSON Lines record: `text` is the line without its
  /// newline, readable for kBatchPadding more bytes; `line` its number.
  void evaluate(std::string_view text, std::size_t line, BatchRecord& out);

  /// The same record the ordinary way only (what evaluate() falls back to):
  /// read_application, then Engine::evaluate; `out.fast` is false.
  void evaluate_ordinary(std::string_view text, std::size_t line, BatchRecord& out) const;

  /// The full Evaluation of a record, as Engine::evaluate gives it (for a
  /// result that is not fast: a copy of `record.evaluation`).
  void materialize(const BatchRecord& record, Evaluation& out) const;

  const Programme& programme() const noexcept;

 private:
  struct Plan;
  struct Scratch;
  std::shared_ptr<const Plan> plan_;
  std::unique_ptr<Scratch> scratch_;
};

}  // namespace regularis
