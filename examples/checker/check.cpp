// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// `regularis check -p PROGRAMME [INPUT...]`: evaluates every record of JSON
// Lines or JSON array inputs (standard input when none or "-") against one
// programme, writing each result as soon as it is known (constant memory),
// then the summary. Exit 0 when every record was valid, 1 when some were
// invalid, 2 on a usage or programme error.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "output.hpp"
#include "regularis/core/error.hpp"
#include "regularis/engine/engine.hpp"
#include "regularis/facts/read.hpp"

namespace checker {

namespace {

/// "regularis: 1200 records" on stderr, rewritten in place, only on a terminal.
class Progress {
 public:
  Progress() : enabled_(isatty(STDERR_FILENO) != 0) {}
  void tick(std::size_t records) {
    if (enabled_ && records % kEvery == 0) {
      std::cerr << "\rregularis: " << records << " records" << std::flush;
      shown_ = true;
    }
  }
  void clear() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  static constexpr std::size_t kEvery = 1000;
  bool enabled_;
  bool shown_ = false;
};

}  // namespace

int run_check(const CheckOptions& options) {
  const std::optional<Format> format = parse_format(options.format);
  if (!format) {
    std::cerr << "regularis: unknown format " << options.format << '\n';
    return kExitUsage;
  }
  bool as_of_ok = true;
  const std::optional<regularis::Date> as_of = parse_as_of(options.as_of, as_of_ok, std::cerr);
  if (!as_of_ok) return kExitUsage;

  const std::optional<regularis::Programme> programme =
      load_programme_reporting(options.programme, std::cerr);
  if (!programme) return kExitUsage;

  // Open every input before writing anything, so a wrong path writes nothing.
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.push_back("-");
  std::vector<std::unique_ptr<regularis::BatchReader>> readers;
  bool stdin_used = false;
  for (const std::string& input : inputs) {
    if (input == "-") {
      if (stdin_used) continue;
      stdin_used = true;
      readers.push_back(std::make_unique<regularis::BatchReader>(std::cin));
      continue;
    }
    try {
      readers.push_back(std::make_unique<regularis::BatchReader>(input));
    } catch (const regularis::IoError&) {
      std::cerr << "regularis: cannot open " << input << '\n';
      return kExitUsage;
    }
  }

  regularis::EvaluationOptions evaluation_options;
  evaluation_options.as_of = as_of;
  evaluation_options.language = options.language;
  evaluation_options.explain = false;
  const regularis::Engine engine;

  ResultWriter writer(std::cout, *format);
  Summary summary;
  Progress progress;
  writer.begin();
  regularis::ReadResult record;
  for (auto& reader : readers) {
    while (reader->next(record)) {
      const regularis::Evaluation evaluation =
          engine.evaluate(*programme, record, evaluation_options);
      const RecordResult result = make_result(evaluation, record);
      writer.write(result);
      summary.add(result);
      progress.tick(summary.records());
    }
  }
  writer.end();
  progress.clear();
  if (options.summary) {
    if (*format == Format::text) {
      summary.print(std::cout);
    } else {
      summary.print(std::cerr);
    }
  }
  return summary.invalid() > 0 ? kExitInvalidRecords : kExitOk;
}

}  // namespace checker
