// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// `regularis report RESULTS.jsonl... [--html FILE] [--csv DIR_OR_FILE] [--json]`:
// reads the result lines that `regularis check --format jsonl` wrote (files,
// or standard input when none or "-"), one line at a time into a
// regularis::Statistics, so memory stays constant however long the files
// are; then writes the report: text on standard output by default, JSON
// there with --json, an HTML page with --html, CSV tables with --csv (one
// file per dimension into a directory, or one file with every dimension).
#include "report.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "regularis/report/render.hpp"
#include "regularis/report/statistics.hpp"

namespace checker {

namespace fs = std::filesystem;

CLI::App* add_report_command(CLI::App& app, ReportCommandOptions& options) {
  CLI::App* command = app.add_subcommand(
      "report", "Count results of `check --format jsonl` and write text, JSON, CSV or HTML");
  command->add_option("results", options.inputs,
                      "Result files, JSON Lines (default or '-': stdin)");
  command->add_option("--html", options.html, "Write a self-contained HTML page to this file");
  command->add_option("--csv", options.csv,
                      "Write CSV tables (dimension,key,count): into a directory, one file per "
                      "dimension (an existing directory or a path ending in '/'), else into one "
                      "file; '-': standard output");
  command->add_flag("--json", options.json, "Print the counts as JSON instead of text");
  command->add_option("--title", options.title, "Heading of the text and HTML reports")
      ->capture_default_str();
  return command;
}

namespace {

/// Writes with `write` into `path`; false (and a message) when it cannot.
template <class F>
bool write_file(const fs::path& path, F write) {
  std::ofstream out(path, std::ios::binary);
  if (out) write(out);
  if (!out) {
    std::cerr << "regularis: cannot write " << path.string() << '\n';
    return false;
  }
  return true;
}

bool write_csv_output(const std::string& target, const regularis::Statistics& stats) {
  if (target == "-") {
    regularis::write_csv(std::cout, stats);
    return true;
  }
  const bool into_directory =
      fs::is_directory(target) || target.back() == '/' || target.back() == '\\';
  if (!into_directory) {
    return write_file(target, [&](std::ostream& out) { regularis::write_csv(out, stats); });
  }
  std::error_code error;
  fs::create_directories(target, error);
  if (error) {
    std::cerr << "regularis: cannot create " << target << ": " << error.message() << '\n';
    return false;
  }
  for (regularis::Dimension d : regularis::kDimensions) {
    const fs::path file = fs::path(target) / (std::string(to_string(d)) + ".csv");
    if (!write_file(file, [&](std::ostream& out) { regularis::write_csv(out, stats, d); })) {
      return false;
    }
  }
  return true;
}

}  // namespace

int run_report(const ReportCommandOptions& options) {
  if (options.json && options.csv == "-") {
    std::cerr << "regularis: --json and --csv - cannot both use standard output\n";
    return kExitUsage;
  }

  // Open every input before reading any, so a wrong path writes nothing.
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.push_back("-");
  std::vector<std::unique_ptr<std::ifstream>> files;
  for (const std::string& input : inputs) {
    if (input == "-") continue;
    auto file = std::make_unique<std::ifstream>();
    if (!open_input_file(input, *file, std::cerr)) return kExitUsage;
    files.push_back(std::move(file));
  }

  regularis::Statistics stats;
  regularis::ReportOptions report;
  report.title = options.title;
  std::uint64_t skipped = 0;
  std::size_t next_file = 0;
  bool stdin_used = false;
  for (const std::string& input : inputs) {
    if (input == "-" && stdin_used) continue;
    std::istream& in = input == "-" ? std::cin : *files[next_file++];
    stdin_used = stdin_used || input == "-";
    const std::string name = input == "-" ? "<stdin>" : input;
    report.sources.push_back(input == "-" ? "standard input" : input);
    const regularis::ResultsRead read = regularis::read_results(in, name, stats);
    for (const regularis::Diagnostic& d : read.problems) std::cerr << d.to_string() << '\n';
    if (read.skipped > read.problems.size()) {
      std::cerr << name << ": " << read.skipped - read.problems.size()
                << " more lines that are not result lines\n";
    }
    skipped += read.skipped;
  }
  if (skipped > 0) {
    std::cerr << "regularis: skipped " << skipped
              << (skipped == 1 ? " line that is not a result line\n"
                               : " lines that are not result lines\n");
  }

  if (!options.html.empty() && !write_file(options.html, [&](std::ostream& out) {
        regularis::write_html(out, stats, report);
      })) {
    return kExitUsage;
  }
  if (!options.csv.empty() && !write_csv_output(options.csv, stats)) return kExitUsage;
  if (options.json) {
    regularis::write_json(std::cout, stats);
  } else if (options.html.empty() && options.csv.empty()) {
    regularis::write_text(std::cout, stats, report);
  }
  std::cout.flush();
  return skipped > 0 ? kExitInvalidRecords : kExitOk;
}

}  // namespace checker
