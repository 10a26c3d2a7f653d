// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// `regularis report`: declared here (options and the CLI11 subcommand) so
// that main.cpp only registers it and calls run_report(); the command itself
// is in report.cpp.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace checker {

struct ReportCommandOptions {
  std::vector<std::string> inputs;  ///< result files (JSON Lines); empty or "-": stdin
  std::string html;                 ///< write the HTML page here ("" = no)
  std::string csv;                  ///< a directory (one file per dimension), a file, or "-"
  bool json = false;                ///< JSON on standard output instead of text
  std::string title = "Regularisation report";
};

/// Adds the `report` subcommand to `app`, parsing into `options`.
///
///     checker::ReportCommandOptions report;
///     CLI::App* report_command = checker::add_report_command(app, report);
///     ...
///     if (report_command->parsed()) return checker::run_report(report);
CLI::App* add_report_command(CLI::App& app, ReportCommandOptions& options);

/// `regularis report RESULTS.jsonl...`: counts the checker's result lines
/// (streaming, constant memory) and writes text, JSON, CSV and/or HTML. Exit 0,
/// 1 when some lines were not result lines (reported and skipped), 2 on a
/// usage error or a file that cannot be opened or written.
int run_report(const ReportCommandOptions& options);

}  // namespace checker
