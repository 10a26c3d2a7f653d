// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Engine: evaluates an application's facts against a compiled programme under
// the version in force on its filing date, and screens one application
// against many programmes. It reads no clock and no file: the "as of" date and
// everything else come in as arguments. Stateless and reentrant: one Engine
// may serve many threads at once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "regularis/core/date.hpp"
#include "regularis/engine/evaluation.hpp"
#include "regularis/export.hpp"
#include "regularis/facts/facts.hpp"
#include "regularis/facts/read.hpp"
#include "regularis/programme/programme.hpp"

namespace regularis {

struct EvaluationOptions {
  /// The day the evaluation speaks for. An application with no `filed_at`
  /// yet (screening before filing) is judged as filed on the first day from
  /// then on that it can be: before a window opens, its opening day (the
  /// window criterion is then unknown, a "window_opens" deadline says when).
  std::optional<Date> as_of;
  /// "en", "pt", "es", "fr", ...; "" = the programme's default language.
  std::string language;
  /// Record the values each criterion used (CriterionResult::values).
  bool explain = true;
};

/// Evaluates applications. Holds no state between calls.
///
///     Programme br = load_programme_file("examples/programmes/br-2009.yaml");
///     ReadResult r = read_application(json_text);
///     Evaluation e = Engine{}.evaluate(br, r, {Date::parse("2009-12-01").value(), "pt"});
///     std::cout << to_string(e.outcome);   // "eligible"
class REGULARIS_API Engine {
 public:
  Evaluation evaluate(const Programme& programme, const Facts& facts,
                      const EvaluationOptions& options = {}) const;
  /// A record as read: an invalid one gives Outcome::invalid with its diagnostics.
  Evaluation evaluate(const Programme& programme, const ReadResult& record,
                      const EvaluationOptions& options = {}) const;

  /// One application against many programmes, sorted eligible, incomplete,
  /// ineligible, invalid (programme order within each).
  std::vector<Evaluation> screen(const std::vector<const Programme*>& programmes,
                                 const Facts& facts, const EvaluationOptions& options = {}) const;
};

/// The dates a grant gives when its validity runs from `start` (the filing
/// date, or the decision's local date for `validity_from: decision`):
/// "grant_expires" and, with a follow-on programme whose window opens before
/// expiry, "follow_on_opens" and "follow_on_closes"; none without a validity.
REGULARIS_API std::vector<Deadline> grant_deadlines(const Grant& grant, Date start);

}  // namespace regularis
