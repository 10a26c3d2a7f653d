// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The store factory the contract suite (store_contract.inc) runs
// PostgresStore with: a fresh schema in the test database per test (the
// store's tables go there through search_path in the connection string),
// dropped at the end by the process that made it; new stores (connections)
// on demand, for threads and forked processes; raw SQL in that schema.
#pragma once

#include <unistd.h>

#include <atomic>
#include <memory>
#include <random>
#include <string>

#include "regularis/store/postgres_store.hpp"
#include "store/postgres/pg_server.hpp"

namespace regularis::test {

class PostgresFactory {
 public:
  PostgresFactory() : owner_(::getpid()) {
    static std::atomic<unsigned> counter{0};
    std::random_device random;
    schema_ = "t_" + std::to_string(owner_) + "_" + std::to_string(counter++) + "_" +
              std::to_string(random() % 1000000);
    raw_pg(pg_conninfo(), "CREATE SCHEMA " + schema_);
    conninfo_ = pg_conninfo() + " options='-c search_path=" + schema_ + "'";
  }
  ~PostgresFactory() {
    if (::getpid() != owner_) return;  // a forked child leaves the schema alone
    try {
      raw_pg(pg_conninfo(),
             "SET client_min_messages = warning; DROP SCHEMA " + schema_ + " CASCADE");
    } catch (...) {  // the server is gone: nothing to clean up
    }
  }
  PostgresFactory(const PostgresFactory&) = delete;
  PostgresFactory& operator=(const PostgresFactory&) = delete;

  /// A new store on the test's schema.
  std::unique_ptr<CaseStore> open() const { return std::make_unique<PostgresStore>(conninfo_); }
  std::unique_ptr<PostgresStore> open(PostgresOptions options,
                                      const std::string& extra_conninfo = "") const {
    return std::make_unique<PostgresStore>(conninfo_ + " " + extra_conninfo, options);
  }
  /// SQL in the test's schema, behind the library's back; the first value.
  std::string raw_sql(const std::string& sql) const { return raw_pg(conninfo_, sql); }
  const std::string& conninfo() const noexcept { return conninfo_; }
  const std::string& schema() const noexcept { return schema_; }

 private:
  pid_t owner_;
  std::string schema_;
  std::string conninfo_;
};

}  // namespace regularis::test
