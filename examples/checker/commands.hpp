// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The checker's commands (check, lint, explain, checklist, test, screen) as plain functions
// taking their parsed options and returning the process exit status, plus the
// few helpers they share: reading a programme file and printing every
// diagnostic with a caret, reading an --as-of date, and formatting a window.
// main.cpp parses the command line into these structs; each command lives in
// its own file and uses only the public headers of the library.
#pragma once

#include <fstream>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "regularis/core/date.hpp"
#include "regularis/programme/programme.hpp"

namespace checker {

/// Exit statuses shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalidRecords = 1;
inline constexpr int kExitUsage = 2;

struct CheckOptions {
  std::string programme;
  std::vector<std::string> inputs;  ///< empty or "-": standard input
  std::string input = "auto";       ///< auto, jsonl, json (an array), csv
  std::string format = "text";      ///< jsonl, csv, text, json
  std::string language;
  std::string as_of;  ///< "" = none
  bool summary = true;
  bool explain = false;  ///< each criterion's values and basis (no batch fast path)
  bool strict = false;   ///< warn about fields the format does not define (no fast path)
  unsigned jobs = 0;     ///< threads evaluating records; 0 = the number of cores
  /// List the ids given to more than one record (memory grows with the input).
  bool duplicates = false;
};

struct LintOptions {
  std::vector<std::string> programmes;
};

struct ExplainOptions {
  std::string programme;
  std::string application;  ///< "-" = standard input
  std::string language;
  std::string as_of;
  bool strict = false;  ///< warn about fields the format does not define
};

struct TestOptions {
  std::vector<std::string> files;
  bool failures_only = false;
};

struct ScreenOptions {
  std::string application;              ///< "" = none (interactive: start empty); "-" = stdin
  std::vector<std::string> programmes;  ///< folders and files; default examples/programmes
  std::string language;
  std::string as_of;
  bool interactive = false;
  bool strict = false;  ///< warn about fields the format does not define
};

struct ChecklistOptions {
  std::string programme;
  std::string language;
  std::string as_of;
};

/// `regularis check`: one result per record, streaming.
int run_check(const CheckOptions& options);
/// `regularis lint`: every diagnostic, then the versions and windows.
int run_lint(const LintOptions& options);
/// `regularis explain`: one application, every criterion and why.
int run_explain(const ExplainOptions& options);
/// `regularis checklist`: what to bring and pay before applying.
int run_checklist(const ChecklistOptions& options);

/// `regularis test`: runs programme test files; the last line is "N passed, M failed".
int run_test(const TestOptions& options);
/// `regularis screen`: one person against every programme, or an interview.
int run_screen(const ScreenOptions& options);

/// Opens a file to read; false, with a message on `err` that names the file
/// and says why ("is a directory", "No such file or directory"), when it
/// cannot.
bool open_input_file(const std::string& path, std::ifstream& in, std::ostream& err);

/// The whole file in `text`; false (and a message on `err`) when it cannot be read.
bool read_text_file(const std::string& path, std::string& text, std::ostream& err);

/// Loads, checks and compiles a programme file. On failure prints every
/// diagnostic with its source line and caret (or the I/O error) on `err`
/// and returns nothing.
std::optional<regularis::Programme> load_programme_reporting(const std::string& path,
                                                             std::ostream& err);

/// Parses an --as-of value ("" = none). Sets `ok` false and prints on `err`
/// when it is not a date.
std::optional<regularis::Date> parse_as_of(const std::string& text, bool& ok, std::ostream& err);

/// "2009-07-03..2009-12-30", with times when the window has them
/// ("2020-06-01 00:00..2020-08-15 22:00") and "?" for an open end.
std::string window_dates(const regularis::Window& window);

/// The law's own counting, when the dates were computed:
/// "published 2009-07-03, within 180 days, day 1 = the day after publication".
std::string window_rule(const regularis::Window& window);

}  // namespace checker
