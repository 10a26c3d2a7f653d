// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The connection pool: opening a connection (and saying which database it
// reached, never with what credentials), preparing the store's statements on
// it, lending it out and taking it back or closing it.
#include "store/postgres/pool.hpp"

#include <pqxx/except>

#include "core/log_internal.hpp"
#include "regularis/cases/event_log.hpp"
#include "regularis/store/postgres_store.hpp"
#include "store/postgres/errors.hpp"

namespace regularis::detail::postgres {

bool NoticeToLog::operator()(const char message[]) noexcept {
  try {
    detail::log().debug("PostgreSQL: {}", primary_message(message));
  } catch (...) {  // a notice is never worth an exception
  }
  return true;
}

PooledConnection::PooledConnection(const std::string& connection_string)
    : connection(connection_string) {}

Pool::Pool(std::string connection_string, std::size_t max_connections,
           PreparedStatements statements)
    : connection_string_(std::move(connection_string)),
      max_(max_connections),
      statements_(std::move(statements)) {
  std::unique_ptr<PooledConnection> first = connect("store.open");
  pqxx::connection& c = first->connection;
  const char* db = c.dbname();
  const char* host = c.hostname();
  const char* port = c.port();
  description_ = std::string("database \"") + (db != nullptr ? db : "") + "\" on " +
                 (host != nullptr && *host != '\0' ? host : "localhost") + ":" +
                 (port != nullptr ? port : "");
  detail::log().info("case store: connected to PostgreSQL {}", description_);
  std::lock_guard<std::mutex> lock(mutex_);
  ++open_;
  idle_.push_back(std::move(first));
}

Pool::~Pool() = default;

std::unique_ptr<PooledConnection> Pool::connect(const char* error_code) {
  std::unique_ptr<PooledConnection> out;
  const std::string what = description_.empty() ? std::string("cannot connect to PostgreSQL")
                                                : "cannot connect to PostgreSQL " + description_;
  try {
    out = std::make_unique<PooledConnection>(connection_string_);
  } catch (const pqxx::broken_connection& e) {
    // libpq's message names the host and port, never the password; the
    // connection string itself is never repeated.
    throw StoreError(
        error_code,
        what + ": " + primary_message(e.what()) + " (SQLSTATE " + kUnableToConnect + ")", {},
        postgres_native_code(kUnableToConnect));
  } catch (...) {
    rethrow_as_store_error(what);
  }
  for (const auto& [name, sql] : statements_) out->connection.prepare(name, sql);
  return out;
}

Pool::Lease Pool::acquire() {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    returned_.wait(lock, [&] { return !idle_.empty() || open_ < max_; });
    if (!idle_.empty()) {
      std::unique_ptr<PooledConnection> c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(c));
    }
    ++open_;  // reserve a slot, connect outside the lock
  }
  try {
    return Lease(*this, connect("store.connection"));
  } catch (...) {
    forget();
    throw;
  }
}

void Pool::give_back(std::unique_ptr<PooledConnection> connection) noexcept {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(connection));
  }
  returned_.notify_one();
}

void Pool::forget() noexcept {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    --open_;
  }
  returned_.notify_one();
}

Pool::Lease::~Lease() {
  if (connection_ != nullptr) pool_->give_back(std::move(connection_));
}

void Pool::Lease::discard() noexcept {
  if (connection_ == nullptr) return;
  connection_.reset();
  pool_->forget();
  detail::log().warn("case store: dropped a broken PostgreSQL connection to {}",
                     pool_->description());
}

}  // namespace regularis::detail::postgres
