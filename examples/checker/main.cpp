// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The `regularis` command line: parses the arguments with CLI11 and hands
// them to one command (check, lint, explain, checklist, test, screen, report,
// case). Usage errors exit with status 2; a regularis::Error that escapes a command (a stream that
// fails while reading) is printed with its code and also exits 2.
#include <cctype>
#include <iostream>

#include <CLI/CLI.hpp>

#include "case.hpp"
#include "commands.hpp"
#include "regularis/core/error.hpp"
#include "regularis/version.hpp"
#include "report.hpp"

namespace {

// Any ISO 639-1 code: programme texts exist in whatever languages their file
// has (Italian for it-2020); the checker's own phrases are in en/pt/es/fr.
void add_language(CLI::App& command, std::string& language) {
  command.add_option("--lang", language, "Language of the programme's texts (en, pt, es, fr, ...)")
      ->check(CLI::Validator(
          [](const std::string& s) {
            const bool ok = s.size() == 2 && std::islower(static_cast<unsigned char>(s[0])) &&
                            std::islower(static_cast<unsigned char>(s[1]));
            return ok ? std::string() : "\"" + s + "\" is not a two-letter language code";
          },
          "LANG"));
}

void add_as_of(CLI::App& command, std::string& as_of) {
  command.add_option("--as-of", as_of, "The day the answer speaks for (YYYY-MM-DD)");
}

// For the commands that read applications: ReadOptions::strict.
void add_strict(CLI::App& command, bool& strict) {
  command.add_flag("--strict", strict,
                   "Warn about fields the application format does not define "
                   "(facts.unknown_field); warnings never change the outcome");
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  CLI::App app{"regularis: checks applications against migrant regularisation programmes",
               "regularis"};
  app.set_version_flag("--version", std::string("regularis ") + regularis::version_string());
  app.require_subcommand(1);

  checker::CheckOptions check;
  CLI::App* check_command = app.add_subcommand(
      "check", "Evaluate a batch of applications (JSON Lines, a JSON array or CSV)");
  check_command->add_option("-p,--programme", check.programme, "Programme file (YAML)")->required();
  check_command->add_option("inputs", check.inputs, "Input files (default or '-': stdin)");
  check_command
      ->add_option("--input", check.input,
                   "Input format; auto: *.csv is CSV, else by the first line (a line holding "
                   "only { opens one JSON application); json: an array or one object")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "jsonl", "json", "csv"}));
  check_command->add_option("--format", check.format, "Output format")
      ->capture_default_str()
      ->check(CLI::IsMember({"jsonl", "csv", "text", "json"}));
  add_language(*check_command, check.language);
  add_as_of(*check_command, check.as_of);
  check_command->add_flag("--summary,!--no-summary", check.summary,
                          "Print counts by outcome and reason at the end (default: on)");
  check_command->add_flag("--explain", check.explain,
                          "Show each criterion's legal basis and the values it used "
                          "(always in the text and json formats; slower)");
  add_strict(*check_command, check.strict);
  check_command->add_option("-j,--jobs", check.jobs,
                            "Records evaluated in parallel by this many threads "
                            "(default: the number of cores)");
  check_command->add_flag("--duplicates", check.duplicates,
                          "After the summary, list the ids given to more than one record and "
                          "where (input:line); memory then grows with the number of records");

  checker::LintOptions lint;
  CLI::App* lint_command = app.add_subcommand("lint", "Check programme files and their test files");
  lint_command
      ->add_option("programmes", lint.programmes,
                   "Programme files (YAML); FILE.test.yaml is checked as a test file")
      ->required();

  checker::ExplainOptions explain;
  CLI::App* explain_command =
      app.add_subcommand("explain", "Explain the evaluation of one application");
  explain_command->add_option("-p,--programme", explain.programme, "Programme file (YAML)")
      ->required();
  explain_command->add_option("application", explain.application, "Application (JSON; '-': stdin)")
      ->required();
  add_language(*explain_command, explain.language);
  add_as_of(*explain_command, explain.as_of);
  add_strict(*explain_command, explain.strict);

  checker::ChecklistOptions checklist;
  CLI::App* checklist_command =
      app.add_subcommand("checklist", "What to bring and pay before applying");
  checklist_command->add_option("-p,--programme", checklist.programme, "Programme file (YAML)")
      ->required();
  add_language(*checklist_command, checklist.language);
  add_as_of(*checklist_command, checklist.as_of);

  checker::TestOptions test;
  CLI::App* test_command = app.add_subcommand("test", "Run programme test files (*.test.yaml)");
  test_command->add_option("files", test.files, "Programme test files (YAML)")->required();
  test_command->add_flag("--failures-only", test.failures_only, "Print only the failing cases");

  checker::ReportCommandOptions report;
  CLI::App* report_command = checker::add_report_command(app, report);

  checker::CaseCommandOptions cases;
  CLI::App* case_command = checker::add_case_command(app, cases);

  checker::ScreenOptions screen;
  screen.programmes = {"examples/programmes"};
  CLI::App* screen_command = app.add_subcommand(
      "screen", "One person against every programme, or an interview (--interactive)");
  screen_command->add_option("application", screen.application,
                             "Application (JSON; '-': stdin); optional with --interactive");
  screen_command
      ->add_option("-p,--programmes", screen.programmes,
                   "Programme files or folders (*.yaml, not *.test.yaml)")
      ->capture_default_str();
  screen_command->add_flag("-i,--interactive", screen.interactive,
                           "Ask the missing facts' questions one by one on standard input");
  add_language(*screen_command, screen.language);
  add_as_of(*screen_command, screen.as_of);
  add_strict(*screen_command, screen.strict);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? checker::kExitOk : checker::kExitUsage;
  }

  try {
    if (check_command->parsed()) return checker::run_check(check);
    if (lint_command->parsed()) return checker::run_lint(lint);
    if (explain_command->parsed()) return checker::run_explain(explain);
    if (checklist_command->parsed()) return checker::run_checklist(checklist);
    if (test_command->parsed()) return checker::run_test(test);
    if (screen_command->parsed()) return checker::run_screen(screen);
    if (report_command->parsed()) return checker::run_report(report);
    if (case_command->parsed()) return checker::run_case(cases);
  } catch (const regularis::Error& e) {
    std::cout.flush();
    std::cerr << "regularis: " << e.what() << '\n';
    for (const regularis::Diagnostic& d : e.diagnostics()) std::cerr << d.to_string() << '\n';
    return checker::kExitUsage;
  }
  return checker::kExitUsage;
}
