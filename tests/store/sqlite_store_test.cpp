// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// SqliteStore: the CaseStore contract suite run on a SQLite file, and what
// is SQLite's own: WAL mode, the versioned schema and its migrations (a
// file at version 2 gets the linked case filled in from its log), a file
// from a newer library, errors that keep SQLite's native code (cannot open,
// not a database, busy), and the RAII transaction (rollback unless
// committed, committing twice is a UsageError).
#include <catch2/catch.hpp>

#include <fstream>

#include "store/folded.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite_factory.hpp"

#define REGULARIS_STORE_FACTORIES regularis::test::SqliteFactory
#include "store/store_contract.inc"

using namespace regularis;
using namespace regularis::test;

namespace {

/// The first column of the first row of a query, as text.
std::string query_one(const std::string& path, const std::string& sql) {
  detail::sqlite::Connection c(path);
  detail::sqlite::Statement s(c, sql);
  return s.step() ? s.text(0) : std::string("(no row)");
}

}  // namespace

TEST_CASE("a new file is in WAL mode at the current schema version", "[store][sqlite]") {
  SqliteFactory f;
  f.open();
  CHECK(query_one(f.path(), "PRAGMA journal_mode") == "wal");
  CHECK(query_one(f.path(), "SELECT version FROM schema_version") == "4");
  CHECK(query_one(f.path(),
                  "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name "
                  "LIKE 'cases_by_%'") == "4");
  CHECK(query_one(f.path(),
                  "SELECT count(*) FROM pragma_table_info('cases') WHERE name = 'linked_case'") ==
        "1");
  // Opening again changes nothing.
  f.open();
  CHECK(query_one(f.path(), "SELECT count(*) FROM schema_version") == "1");
}

TEST_CASE("a file at schema version 1 is migrated on open", "[store][sqlite]") {
  SqliteFactory f;
  f.open()->append(contract::cid("M-1"), 0, {contract::opened()});
  f.raw_sql(
      "DROP INDEX cases_by_state; DROP INDEX cases_by_programme; DROP INDEX cases_by_outcome;"
      "DROP INDEX cases_by_deadline; ALTER TABLE cases DROP COLUMN linked_case; ALTER TABLE cases "
      "DROP COLUMN decided_at;"
      "UPDATE schema_version SET version = 1;");
  auto store = f.open();
  CHECK(query_one(f.path(), "SELECT version FROM schema_version") == "4");
  CHECK(query_one(f.path(),
                  "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name "
                  "LIKE 'cases_by_%'") == "4");
  CHECK(store->load(contract::cid("M-1")).size() == 1);
}

TEST_CASE("a file at schema version 2 gets each case's linked case from its opened event",
          "[store][sqlite]") {
  using namespace contract;
  SqliteFactory f;
  const CaseId approved = cid("BR-1"), follows = cid("BR-2");
  {
    auto store = f.open();
    store->append(approved, 0, {opened(), decided("approved")});
    Event conversion = opened("br-2009-permanent");
    conversion.linked_case = "BR-1";
    store->append(follows, 0, {conversion, note("converted")});
  }
  // Back to schema version 2: the cases table as migrations 1 and 2 made it,
  // the events (real canonical texts) as they are.
  f.raw_sql(
      "ALTER TABLE cases DROP COLUMN linked_case; ALTER TABLE cases DROP COLUMN decided_at; UPDATE "
      "schema_version SET version = 2;");
  REQUIRE(query_one(f.path(),
                    "SELECT json_extract(body, '$.linked') FROM events WHERE case_id "
                    "= 'BR-2' AND version = 1") == "BR-1");

  auto store = f.open();
  CHECK(query_one(f.path(), "SELECT version FROM schema_version") == "4");
  CHECK(store->summary(follows)->linked_case == "BR-1");
  CHECK(store->summary(approved)->linked_case.empty());
  for (const CaseId& id : {approved, follows}) CHECK(*store->summary(id) == folded(*store, id));
  CHECK(ids(store->find(CaseQuery{})) == std::vector<std::string>{"BR-1", "BR-2"});
  CHECK(store->find(CaseQuery{}).cases[1].linked_case == "BR-1");
  store->append(follows, 2, {note("after the migration")});
  CHECK(store->summary(follows)->linked_case == "BR-1");
}

TEST_CASE("a file at schema version 3 gets each case's last decision time from its events",
          "[store][sqlite]") {
  using namespace contract;
  SqliteFactory f;
  const CaseId open = cid("BR-1"), decided_twice = cid("BR-2");
  Event approved = decided("approved");
  approved.at = instant("2009-10-01T10:00:00-03:00");
  {
    auto store = f.open();
    store->append(open, 0, {opened()});
    store->append(decided_twice, 0,
                  {opened(), decided("refused"), ev(EventKind::appealed, "appealed"), approved});
  }
  f.raw_sql("ALTER TABLE cases DROP COLUMN decided_at; UPDATE schema_version SET version = 3;");

  auto store = f.open();
  CHECK(query_one(f.path(), "SELECT version FROM schema_version") == "4");
  CHECK(store->summary(decided_twice)->decided_at == approved.at);
  CHECK_FALSE(store->summary(open)->decided_at.has_value());
  for (const CaseId& id : {open, decided_twice}) CHECK(*store->summary(id) == folded(*store, id));
  CHECK(store->statistics(Date::parse("2009-10-01").value()).days_to_decision.median == 61);
}

TEST_CASE("a file written by a newer library is a clear error", "[store][sqlite]") {
  SqliteFactory f;
  f.open();
  f.raw_sql("UPDATE schema_version SET version = 99");
  try {
    SqliteStore store(f.path());
    FAIL("opened");
  } catch (const StoreError& e) {
    CHECK(e.code() == "store.schema_too_new");
    CHECK(std::string(e.what()) == "[store.schema_too_new] " + f.path() +
                                       " was written by a newer regularis (schema version 99; "
                                       "this library reads up to 4)");
  }
}

TEST_CASE("errors keep SQLite's native code", "[store][sqlite]") {
  TempDir dir("sqlite-errors");
  const std::string missing = (dir.path() / "no" / "such" / "dir.db").string();
  try {
    SqliteStore store(missing);
    FAIL("opened");
  } catch (const StoreError& e) {
    CHECK(e.code() == "store.open");
    CHECK(e.native_code() == SQLITE_CANTOPEN);
    CHECK(std::string(e.what()) == "[store.open] cannot open " + missing +
                                       ": unable to open database file (SQLite code 14)");
  }

  const std::string garbage = (dir.path() / "garbage.db").string();
  std::ofstream(garbage) << std::string(4096, 'x');
  try {
    SqliteStore store(garbage);
    FAIL("opened");
  } catch (const StoreError& e) {
    CHECK(e.code() == "store.sqlite");
    CHECK(e.native_code() == SQLITE_NOTADB);
  }
}

TEST_CASE("a writer waits out the busy timeout, then fails with store.busy", "[store][sqlite]") {
  SqliteFactory f;
  SqliteOptions options;
  options.busy_timeout_ms = 50;
  SqliteStore store(f.path(), options);
  detail::sqlite::Connection other(f.path());
  detail::sqlite::Transaction hold(other, detail::sqlite::Transaction::Mode::immediate);
  try {
    store.append(contract::cid("B-1"), 0, {contract::opened()});
    FAIL("appended");
  } catch (const StoreError& e) {
    CHECK(e.code() == "store.busy");
    CHECK((e.native_code() & 0xff) == SQLITE_BUSY);
  }
  hold.commit();
  store.append(contract::cid("B-1"), 0, {contract::opened()});
  CHECK(store.load(contract::cid("B-1")).size() == 1);
}

TEST_CASE("a transaction rolls back unless committed, and committing twice is a misuse",
          "[store][sqlite][transaction]") {
  TempDir dir("sqlite-tx");
  const std::string path = (dir.path() / "tx.db").string();
  detail::sqlite::Connection c(path);
  c.exec("CREATE TABLE t (x INTEGER)");
  using detail::sqlite::Statement;
  using detail::sqlite::Transaction;
  auto count = [&] {
    Statement s(c, "SELECT count(*) FROM t");
    s.step();
    return s.integer(0);
  };
  {
    Transaction tx(c);
    Statement(c, "INSERT INTO t VALUES (1)").step();
    CHECK(tx.active());
  }  // destroyed without commit
  CHECK(count() == 0);
  {
    Transaction tx(c);
    Statement insert(c, "INSERT INTO t VALUES (?1)");
    insert.bind(1, std::int64_t{7});
    insert.step();
    tx.commit();
    CHECK_FALSE(tx.active());
    CHECK_THROWS_MATCHES(
        tx.commit(), UsageError,
        Catch::Message("[store.transaction_finished] the transaction was already committed"));
  }
  CHECK(count() == 1);
  {
    Transaction tx(c);
    Statement(c, "INSERT INTO t VALUES (2)").step();
    tx.rollback();
    CHECK_THROWS_MATCHES(
        tx.commit(), UsageError,
        Catch::Message("[store.transaction_finished] the transaction was already rolled back"));
  }
  CHECK(count() == 1);
  // A second transaction on the same connection while one is open is SQLite's error, kept.
  Transaction outer(c);
  try {
    Transaction inner(c);
    FAIL("nested");
  } catch (const StoreError& e) {
    CHECK(e.code() == "store.sqlite");
    CHECK(e.native_code() == SQLITE_ERROR);
  }
}
