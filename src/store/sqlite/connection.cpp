// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The SQLite RAII wrappers: open/close, prepare/bind/step/finalize,
// BEGIN/COMMIT/ROLLBACK, and errors that keep SQLite's extended code.
#include "store/sqlite/connection.hpp"

#include <limits>

namespace regularis::detail::sqlite {

void fail(sqlite3* db, std::string_view what) {
  const int code = db != nullptr ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
  const std::string message = std::string(what) + ": " +
                              (db != nullptr ? sqlite3_errmsg(db) : "out of memory") +
                              " (SQLite code " + std::to_string(code) + ")";
  const int primary = code & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    throw StoreError("store.busy", message, {}, code);
  throw StoreError("store.sqlite", message, {}, code);
}

Connection::Connection(const std::string& path) {
  const int rc =
      sqlite3_open_v2(path.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const int code = db_ != nullptr ? sqlite3_extended_errcode(db_) : rc;
    const std::string message = "cannot open " + path + ": " +
                                (db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc)) +
                                " (SQLite code " + std::to_string(code) + ")";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("store.open", message, {}, code);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Connection::~Connection() { sqlite3_close_v2(db_); }

void Connection::exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(db_, "SQL failed");
}

Statement::Statement(const Connection& connection, std::string_view sql) : db_(connection.get()) {
  if (sql.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw UsageError("store.sql", "statement too long");
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK)
    fail(db_, "cannot prepare a statement");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8) !=
      SQLITE_OK)
    fail(db_, "cannot bind a parameter");
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_, "cannot bind a parameter");
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(db_, "cannot bind a parameter");
  return *this;
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, "statement failed");
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::string Statement::text(int column) const {
  const unsigned char* p = sqlite3_column_text(stmt_, column);
  const int n = sqlite3_column_bytes(stmt_, column);
  if (p == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

Transaction::Transaction(Connection& connection, Mode mode) : connection_(connection) {
  connection_.exec(mode == Mode::immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

Transaction::~Transaction() {
  if (state_ != State::active) return;
  // Never throws: a failed rollback leaves SQLite to roll back on close.
  sqlite3_exec(connection_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  if (state_ == State::committed)
    throw UsageError("store.transaction_finished", "the transaction was already committed");
  if (state_ == State::rolled_back)
    throw UsageError("store.transaction_finished", "the transaction was already rolled back");
  connection_.exec("COMMIT");
  state_ = State::committed;
}

void Transaction::rollback() {
  if (state_ != State::active)
    throw UsageError("store.transaction_finished", "the transaction has already ended");
  state_ = State::rolled_back;
  connection_.exec("ROLLBACK");
}

}  // namespace regularis::detail::sqlite
