// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// `regularis case ...`: cases in a case store, through CaseService. Declared
// here (options, the CLI11 subcommand with its own subcommands, and the
// store factory) so that main.cpp only registers it and calls run_case();
// the commands are in case.cpp.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "regularis/store/case_store.hpp"

namespace CLI {
class App;
}

namespace checker {

struct CaseCommandOptions {
  std::string action;  ///< open, advance, show, list, stats, verify, dot (set by the parser)
  std::string store;   ///< a SQLite file, or (later) postgresql://...
  std::vector<std::string> programmes;  ///< files or folders (folders: <folder>/<id>.yaml)
  std::string id;
  std::string actor;
  std::string role;
  std::string at;
  std::string application;  ///< open: the application file (JSON); "" = {}
  std::string linked_case;  ///< open: the case this one follows
  std::string event;        ///< advance: the event kind
  std::string data;         ///< advance: the event's data (a JSON object)
  std::string document;     ///< advance: the document id
  std::string outcome;      ///< advance (decided): approved or refused
  std::string due;          ///< advance (evidence_requested): the due date
  std::string due_in;       ///< advance (evidence_requested): a period ("30 business days")
  std::vector<std::string> reasons;
  std::string note;
  long long expected_version = -1;  ///< advance: -1 = any
  std::string state;                ///< list
  std::string programme_filter;     ///< list, stats --programme
  bool overdue = false;             ///< list
  int due_within = -1;              ///< list (days; -1 = not asked)
  std::string as_of;                ///< list, stats
  std::string format = "text";      ///< stats: text or json
};

/// Adds the `case` subcommand (open, advance, show, list, stats, verify, dot).
///
///     checker::CaseCommandOptions cases;
///     CLI::App* case_command = checker::add_case_command(app, cases);
///     ...
///     if (case_command->parsed()) return checker::run_case(cases);
CLI::App* add_case_command(CLI::App& app, CaseCommandOptions& options);

/// Runs the parsed `case` subcommand. Exit 0; 1 when an event is refused
/// (nothing written) or a chain does not verify; 2 on a usage error, a
/// programme that does not load, or a store that cannot be opened.
int run_case(const CaseCommandOptions& options);

/// Opens the store named by `--store`: a SQLite file path, or a
/// `postgresql://` / `postgres://` URI for the PostgreSQL store. Throws
/// StoreError when the store cannot be opened.
std::unique_ptr<regularis::CaseStore> open_store(const std::string& spec);

}  // namespace checker
