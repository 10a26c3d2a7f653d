// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The PostgresStore's connections: a bounded pool of libpqxx connections
// opened on demand from one connection string, each with the store's
// prepared statements and with server notices routed to the library's log.
// A Lease hands one connection to one thread and gives it back when done,
// unless the caller found it broken (discard()), in which case it is closed
// and the next acquire() opens a fresh one. The connection string stays in
// here: only the database, host and port are ever described.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <pqxx/connection>
#include <pqxx/errorhandler>

namespace regularis::detail::postgres {

/// Sends server notices to the library's log (debug, first line only).
class NoticeToLog final : public pqxx::errorhandler {
 public:
  explicit NoticeToLog(pqxx::connection_base& connection) : pqxx::errorhandler(connection) {}
  bool operator()(const char message[]) noexcept override;
};

/// One connection and its notice handler (destroyed first).
struct PooledConnection {
  explicit PooledConnection(const std::string& connection_string);
  pqxx::connection connection;
  NoticeToLog notices{connection};
};

/// Statement name -> SQL, prepared on every connection the pool opens.
using PreparedStatements = std::vector<std::pair<std::string, std::string>>;

class Pool {
 public:
  /// Opens the first connection at once; StoreError (store.open) when it
  /// cannot.
  Pool(std::string connection_string, std::size_t max_connections, PreparedStatements statements);
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  class Lease {
   public:
    Lease(Pool& pool, std::unique_ptr<PooledConnection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    ~Lease();
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    pqxx::connection& operator*() const noexcept { return connection_->connection; }
    /// The connection is broken: close it instead of giving it back.
    void discard() noexcept;

   private:
    Pool* pool_;
    std::unique_ptr<PooledConnection> connection_;
  };

  /// An idle connection, a new one when fewer than the maximum are open, or
  /// the next one given back. StoreError (store.connection) when a new one
  /// cannot be opened.
  Lease acquire();

  /// `database "cases" on db1:5432` (from the first connection).
  const std::string& description() const noexcept { return description_; }

 private:
  std::unique_ptr<PooledConnection> connect(const char* error_code);
  void give_back(std::unique_ptr<PooledConnection> connection) noexcept;
  void forget() noexcept;

  const std::string connection_string_;
  const std::size_t max_;
  const PreparedStatements statements_;
  std::string description_;

  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<PooledConnection>> idle_;
  std::size_t open_ = 0;  // idle + leased
};

}  // namespace regularis::detail::postgres
