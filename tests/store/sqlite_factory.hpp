// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The store factory the contract suite (store_contract.inc) runs SqliteStore
// with: a fresh file in a fresh temporary directory per test, new
// connections to it on demand (threads and forked processes each open their
// own), and raw SQL on the file behind the library's back.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "regularis/store/sqlite_store.hpp"
#include "store/temp_dir.hpp"

namespace regularis::test {

/// Runs SQL on a file directly with the SQLite C API; throws on failure.
inline void raw_sqlite(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + path);
  }
  sqlite3_busy_timeout(db, 5000);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error != nullptr ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  if (rc != SQLITE_OK) throw std::runtime_error("raw SQL failed: " + message);
}

class SqliteFactory {
 public:
  SqliteFactory() : dir_("sqlite-store"), path_((dir_.path() / "cases.db").string()) {}

  /// A new store (connection) on the test's file.
  std::unique_ptr<CaseStore> open() const { return std::make_unique<SqliteStore>(path_); }
  /// SQL on the file behind the library's back.
  void raw_sql(const std::string& sql) const { raw_sqlite(path_, sql); }
  const std::string& path() const noexcept { return path_; }

 private:
  TempDir dir_;
  std::string path_;
};

}  // namespace regularis::test
