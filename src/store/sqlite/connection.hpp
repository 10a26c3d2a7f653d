// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// RAII over the SQLite C API for SqliteStore: a Connection (one sqlite3*),
// a Statement (one prepared sqlite3_stmt*, values only ever bound as
// parameters), and a Transaction that rolls back in its destructor unless it
// was committed; committing twice is a UsageError. Failures throw StoreError
// with the SQLite extended result code as the native code.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "regularis/cases/event_log.hpp"

namespace regularis::detail::sqlite {

/// Throws StoreError (store.busy for SQLITE_BUSY / SQLITE_LOCKED, else
/// store.sqlite) for the connection's last error.
[[noreturn]] void fail(sqlite3* db, std::string_view what);

class Connection {
 public:
  /// Opens (creating) a file; StoreError (store.open) when it cannot.
  explicit Connection(const std::string& path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* get() const noexcept { return db_; }
  /// Runs constant SQL (schema, pragmas, BEGIN/COMMIT): never data.
  void exec(const char* sql);

 private:
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(const Connection& connection, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  /// Parameters are 1-based.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind_null(int index);

  /// Ready to run again with new bindings.
  void reset();
  /// True when a row is ready, false when done.
  bool step();
  bool is_null(int column) const;
  std::string text(int column) const;
  std::int64_t integer(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

/// A unit of work: BEGIN (IMMEDIATE takes the write lock at once, so two
/// writers queue on the busy timeout instead of deadlocking), then commit();
/// the destructor rolls back unless committed.
///
///     Transaction tx(connection, Transaction::Mode::immediate);
///     ... statements ...
///     tx.commit();
///     tx.commit();   // UsageError: the transaction was already committed
class Transaction {
 public:
  enum class Mode { deferred, immediate };
  explicit Transaction(Connection& connection, Mode mode = Mode::immediate);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();
  void rollback();
  bool active() const noexcept { return state_ == State::active; }

 private:
  enum class State { active, committed, rolled_back };
  Connection& connection_;
  State state_ = State::active;
};

}  // namespace regularis::detail::sqlite
