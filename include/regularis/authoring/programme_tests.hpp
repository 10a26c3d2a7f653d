// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Programme test files (docs/programme-tests.md): a policy author's own test
// cases for a programme file, like unit tests for law. `load_programme_tests`
// reads a `*.test.yaml` file into a ProgrammeTestFile whose cases each carry
// the application they evaluate, already written as application JSON, and
// what they expect; every mistake in the test file is a diagnostic at
// file:line:col. `run_programme_tests` evaluates each case with the engine
// (the application goes through the same strict reader as any other) and
// returns a TestReport: per case, pass or fail with a readable difference.
// The `regularis test` command prints that report.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "regularis/core/date.hpp"
#include "regularis/core/diagnostic.hpp"
#include "regularis/engine/evaluation.hpp"
#include "regularis/export.hpp"
#include "regularis/programme/programme.hpp"

namespace regularis {

/// What one case expects. Only `outcome` is required; every other check is
/// made only when the file states it.
///
///     expect: {outcome: ineligible, reasons_include: [entered_by_cutoff.not_met]}
struct CaseExpectation {
  Outcome outcome = Outcome::eligible;
  /// `reasons`: the exact list of reason codes, in order.
  std::optional<std::vector<std::string>> reasons;
  /// `reasons_include`: codes that must be among the reasons.
  std::vector<std::string> reasons_include;
  /// `missing`: the exact list of missing fact paths, next question first.
  std::optional<std::vector<std::string>> missing;
  /// `missing_include`: fact paths that must be among the missing facts.
  std::vector<std::string> missing_include;
  /// `criteria`: criterion id → status, in file order.
  std::vector<std::pair<std::string, CriterionStatus>> criteria;
  /// `documents`: document requirement id → status, in file order.
  std::vector<std::pair<std::string, DocumentStatus>> documents;
  /// `fees`: fee id → status, in file order.
  std::vector<std::pair<std::string, FeeStatus>> fees;
  /// `deadline`: the date the evaluation gives as deadline.
  std::optional<Date> deadline;
  /// `errors`: for an invalid record, the exact list of the JSON paths its
  /// errors name, in order (`[applicant.date_of_birth]`).
  std::optional<std::vector<std::string>> errors;
  /// `version`: the version used, named by its effective date ("2009-07-02").
  std::optional<std::string> version;
};

/// One case of a test file, ready to run.
struct ProgrammeTestCase {
  std::string name;
  SourceLocation location;  ///< of the case's `name`
  /// The application after `set` and `remove`, as compact JSON text (what
  /// read_application reads).
  std::string application_json;
  std::optional<Date> as_of;
  std::string language;  ///< "" = the programme's default
  CaseExpectation expect;
};

/// A test file as loaded. When `diagnostics` has errors the file must not be
/// run (cases with mistakes are left out).
///
///     ProgrammeTestFile f = load_programme_tests("examples/programmes/br-2009.test.yaml");
///     if (f.diagnostics.has_errors()) for (auto& d : f.diagnostics) std::cerr << render(d,
///     f.source_text); f.programme_path;   // "examples/programmes/br-2009.yaml"
struct ProgrammeTestFile {
  std::string file_name;    ///< as given to the loader; used in every location
  std::string source_text;  ///< the file's text, for rendering diagnostics
  /// The `programme` key as written, and resolved against the test file's folder.
  std::string programme;
  std::string programme_path;
  std::vector<ProgrammeTestCase> cases;
  Diagnostics diagnostics;

  bool ok() const noexcept { return !diagnostics.has_errors(); }
};

/// Reads test-file text. Never throws for bad input; every mistake is a
/// diagnostic (all at once, in file order). Codes: `tests.yaml_syntax`,
/// `tests.wrong_type`, `tests.unknown_key` (with "did you mean"),
/// `tests.duplicate_key`, `tests.missing_key`, `tests.duplicate_name`,
/// `tests.bad_value` (an unknown outcome or status), `tests.bad_date`,
/// `tests.bad_path` (a `set` or `remove` path that cannot be applied),
/// `tests.bad_number` (a plain number JSON cannot carry exactly).
///
///     auto f = load_programme_tests_text("programme: x.yaml\ncases:\n  - name: a\n"
///                                        "    expect: {outcome: elegible}\n", "x.test.yaml");
///     f.diagnostics[0].to_string();
///     // x.test.yaml:4:23: error: unknown outcome "elegible"; expected eligible, ineligible,
///     // incomplete or invalid; did you mean "eligible"? [tests.bad_value]
REGULARIS_API ProgrammeTestFile load_programme_tests_text(const std::string& text,
                                                          const std::string& file_name);

/// Reads a test file from disk, then load_programme_tests_text with the path
/// as the file name. Throws IoError ("io.open") when it cannot be read.
///
///     ProgrammeTestFile f = load_programme_tests("examples/programmes/br-2009.test.yaml");
REGULARIS_API ProgrammeTestFile load_programme_tests(const std::string& path);

/// One case run.
struct CaseResult {
  std::string name;
  SourceLocation location;
  bool passed = false;
  /// One line per expectation not met, e.g.
  /// "outcome: expected eligible, got incomplete" or
  /// "missing: expected [applicant.entry_date], got []". Empty when passed.
  std::vector<std::string> differences;
  /// What the evaluation said, for reading a failure: "outcome incomplete;
  /// reasons [proof_of_entry.missing]; missing [applicant.entry_date]", and for
  /// an invalid record its errors.
  std::string actual;
  Evaluation evaluation;
};

/// Every case of one file, in file order.
struct TestReport {
  std::string file_name;
  std::string programme_id;
  std::vector<CaseResult> cases;

  REGULARIS_API std::size_t passed() const noexcept;
  REGULARIS_API std::size_t failed() const noexcept;
  bool ok() const noexcept { return failed() == 0; }
};

/// Runs every case against a programme already loaded. Never throws for a
/// failing case.
///
///     Programme p = load_programme_file(f.programme_path);
///     TestReport r = run_programme_tests(f, p);
///     r.failed();                      // 0
///     r.cases[0].differences;          // empty when it passed
REGULARIS_API TestReport run_programme_tests(const ProgrammeTestFile& file,
                                             const Programme& programme);

/// Loads the file's programme (`programme_path`) and runs every case.
/// Throws UsageError ("tests.invalid") when the test file has errors,
/// IoError when the programme cannot be read and ProgrammeError when it is
/// wrong.
///
///     TestReport r = run_programme_tests(load_programme_tests("br-2009.test.yaml"));
REGULARIS_API TestReport run_programme_tests(const ProgrammeTestFile& file);

}  // namespace regularis
