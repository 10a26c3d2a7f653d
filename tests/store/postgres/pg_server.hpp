// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Where the PostgresStore tests find their server: the libpq connection
// string (key=value form) in $REGULARIS_TEST_PG_CONNINFO, else the one the
// CTest fixture (pg_fixture.sh start) wrote to REGULARIS_PG_STATE_DIR. No
// server is an error that says how to get one: these tests never skip. Also
// raw SQL on a fresh connection, behind the library's back.
#pragma once

#include <cstdlib>
#include <fstream>
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>

namespace regularis::test {

/// The test server's connection string; throws (failing the test) with the
/// reason when there is none.
inline const std::string& pg_conninfo() {
  static const std::string conninfo = [] {
    if (const char* env = std::getenv("REGULARIS_TEST_PG_CONNINFO"); env != nullptr && *env)
      return std::string(env);
    const std::string state = std::string(REGULARIS_PG_STATE_DIR) + "/conninfo";
    std::ifstream in(state);
    std::string line;
    if (!in || !std::getline(in, line) || line.empty())
      throw std::runtime_error(
          "no PostgreSQL server for the PostgresStore tests: " + state +
          " is missing. Run them through CTest, whose fixture test "
          "'test_store_postgres:server start' starts one (it needs the postgresql package: "
          "scripts/setup), or start one with tests/store/postgres/pg_fixture.sh start " +
          std::string(REGULARIS_PG_STATE_DIR) +
          ", or set REGULARIS_TEST_PG_CONNINFO to a key=value connection string");
    return line;
  }();
  return conninfo;
}

/// Runs SQL (several statements allowed) in one transaction on a new
/// connection; returns the first column of the first row ("" when none).
inline std::string raw_pg(const std::string& conninfo, const std::string& sql) {
  pqxx::connection c(conninfo);
  pqxx::work tx(c);
  pqxx::result r = tx.exec(sql);
  tx.commit();
  return r.empty() || r.columns() == 0 || r[0][0].is_null() ? std::string()
                                                            : r[0][0].as<std::string>();
}

}  // namespace regularis::test
