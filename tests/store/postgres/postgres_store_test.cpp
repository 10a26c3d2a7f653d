// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// What is PostgresStore's own, beyond the contract suite: the schema and its
// migrations (also by several servers opening a new database at once; a
// database at version 2 gets the linked case filled in from its log), a
// database from a newer library, conflicts decided by the unique key (a
// writer blocked on another's uncommitted insert loses with SQLSTATE 23505),
// errors that keep the SQLSTATE, connection strings kept out of messages and
// logs, and lost connections: a backend terminated in the middle of an
// append (the append fails, nothing of it is written, the store reconnects),
// while idle (the next call reconnects by itself), and again and again under
// a stream of appends (never a partial append).
#include <catch2/catch.hpp>

#include <spdlog/sinks/ostream_sink.h>

#include <atomic>
#include <chrono>
#include <future>
#include <random>
#include <sstream>
#include <thread>

#include "regularis/log.hpp"
#include "store/folded.hpp"
#include "store/postgres/postgres_factory.hpp"

using namespace regularis;
using namespace regularis::test;

namespace {

Instant at(const char* text) { return Instant::parse(text).value(); }
CaseId cid(const std::string& text) { return CaseId::parse(text).value(); }

Event opened() {
  Event e = make_event(EventKind::opened, "clerk-1", "clerk", at("2009-08-01T10:00:00-03:00"));
  e.state = "draft";
  e.programme = "br-2009";
  e.data = R"({"format": "regularis.application/1"})";
  return e;
}

Event note(const std::string& text) {
  Event e = make_event(EventKind::note_added, "clerk-1", "clerk", at("2009-08-02T10:00:00-03:00"));
  e.state = "draft";
  e.note = text;
  return e;
}

Event decided(const char* outcome, const char* when) {
  Event e = make_event(EventKind::decided, "sup-1", "supervisor", at(when));
  e.state = outcome;
  e.outcome = outcome;
  return e;
}

/// Backends of the connections whose application_name is `name`, optionally
/// only those waiting for a lock.
std::vector<int> backends(const std::string& name, bool waiting_for_lock) {
  pqxx::connection c(pg_conninfo());
  pqxx::nontransaction tx(c);
  pqxx::result r = tx.exec_params(
      "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND "
      "(NOT $2 OR wait_event_type = 'Lock')",
      name, waiting_for_lock);
  std::vector<int> out;
  for (const auto& row : r) out.push_back(row[0].as<int>());
  return out;
}

/// Terminates the backends of `name`; how many there were.
int terminate(const std::string& name) {
  pqxx::connection c(pg_conninfo());
  pqxx::nontransaction tx(c);
  pqxx::result r = tx.exec_params(
      "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
      "WHERE application_name = $1",
      name);
  return r[0][0].as<int>();
}

/// Captures the library's log (every level) while alive.
class LogCapture {
 public:
  LogCapture() : previous_(regularis::logger()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out_);
    auto logger = std::make_shared<spdlog::logger>("regularis", sink);
    logger->set_level(spdlog::level::trace);
    regularis::set_logger(logger);
  }
  ~LogCapture() { regularis::set_logger(previous_); }
  LogCapture(const LogCapture&) = delete;
  LogCapture& operator=(const LogCapture&) = delete;
  std::string text() const { return out_.str(); }

 private:
  std::shared_ptr<spdlog::logger> previous_;
  std::ostringstream out_;
};

}  // namespace

TEST_CASE("a new database is at the current schema version", "[store][postgres]") {
  PostgresFactory f;
  f.open();
  CHECK(f.raw_sql("SELECT version FROM schema_version") == "4");
  CHECK(f.raw_sql("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND "
                  "indexname LIKE 'cases\\_by\\_%'") == "4");
  CHECK(f.raw_sql("SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                  "current_schema() AND table_name = 'cases' AND column_name = 'linked_case'") ==
        "1");
  CHECK(f.raw_sql("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = "
                  "'events_case_version' AND connamespace = current_schema()::regnamespace") ==
        "UNIQUE (case_id, version)");
  // Opening again changes nothing.
  f.open();
  CHECK(f.raw_sql("SELECT count(*) FROM schema_version") == "1");
}

TEST_CASE("a database at schema version 1 is migrated on open", "[store][postgres]") {
  PostgresFactory f;
  f.open()->append(cid("M-1"), 0, {opened()});
  f.raw_sql(
      "DROP INDEX cases_by_state; DROP INDEX cases_by_programme; DROP INDEX cases_by_outcome;"
      "DROP INDEX cases_by_deadline; ALTER TABLE cases DROP COLUMN linked_case; ALTER TABLE cases "
      "DROP COLUMN decided_at;"
      "UPDATE schema_version SET version = 1;");
  auto store = f.open();
  CHECK(f.raw_sql("SELECT version FROM schema_version") == "4");
  CHECK(f.raw_sql("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND "
                  "indexname LIKE 'cases\\_by\\_%'") == "4");
  CHECK(store->load(cid("M-1")).size() == 1);
}

TEST_CASE("a database at schema version 2 gets each case's linked case from its opened event",
          "[store][postgres]") {
  PostgresFactory f;
  const CaseId approved = cid("BR-1"), follows = cid("BR-2");
  {
    auto store = f.open();
    store->append(approved, 0, {opened()});
    Event conversion = opened();
    conversion.programme = "br-2009-permanent";
    conversion.linked_case = "BR-1";
    store->append(follows, 0, {conversion, note("converted")});
  }
  // Back to schema version 2: the cases table as migrations 1 and 2 made it,
  // the events (real canonical texts) as they are.
  f.raw_sql(
      "ALTER TABLE cases DROP COLUMN linked_case; ALTER TABLE cases DROP COLUMN decided_at; UPDATE "
      "schema_version SET version = 2;");
  REQUIRE(f.raw_sql("SELECT body::jsonb ->> 'linked' FROM events WHERE case_id = 'BR-2' AND "
                    "version = 1") == "BR-1");

  auto store = f.open();
  CHECK(f.raw_sql("SELECT version FROM schema_version") == "4");
  CHECK(store->summary(follows)->linked_case == "BR-1");
  CHECK(store->summary(approved)->linked_case.empty());
  for (const CaseId& id : {approved, follows}) CHECK(*store->summary(id) == folded(*store, id));
  const CasePage page = store->find(CaseQuery{});
  REQUIRE(page.cases.size() == 2);
  CHECK(page.cases[1].linked_case == "BR-1");
  store->append(follows, 2, {note("after the migration")});
  CHECK(store->summary(follows)->linked_case == "BR-1");
}

TEST_CASE("a database at schema version 3 gets each case's last decision time from its events",
          "[store][postgres]") {
  PostgresFactory f;
  const CaseId open = cid("BR-1"), decided_twice = cid("BR-2");
  {
    auto store = f.open();
    store->append(open, 0, {opened()});
    Event appealed =
        make_event(EventKind::appealed, "clerk-1", "clerk", at("2009-09-02T10:00:00-03:00"));
    appealed.state = "appealed";
    store->append(decided_twice, 0,
                  {opened(), decided("refused", "2009-09-01T10:00:00-03:00"), appealed,
                   decided("approved", "2009-10-01T10:00:00-03:00")});
  }
  f.raw_sql("ALTER TABLE cases DROP COLUMN decided_at; UPDATE schema_version SET version = 3;");

  auto store = f.open();
  CHECK(f.raw_sql("SELECT version FROM schema_version") == "4");
  CHECK(store->summary(decided_twice)->decided_at == at("2009-10-01T10:00:00-03:00"));
  CHECK_FALSE(store->summary(open)->decided_at.has_value());
  for (const CaseId& id : {open, decided_twice}) CHECK(*store->summary(id) == folded(*store, id));
  CHECK(store->statistics(Date::parse("2009-10-01").value()).days_to_decision.median == 61);
}

TEST_CASE("servers opening a new database at once migrate it once", "[store][postgres]") {
  PostgresFactory f;
  constexpr int kServers = 6;
  std::vector<std::future<std::string>> opening;
  for (int i = 0; i < kServers; ++i)
    opening.push_back(std::async(std::launch::async, [&] {
      try {
        f.open();
        return std::string("ok");
      } catch (const std::exception& e) {
        return std::string(e.what());
      }
    }));
  for (auto& o : opening) CHECK(o.get() == "ok");
  CHECK(f.raw_sql("SELECT count(*) || ' ' || max(version) FROM schema_version") == "1 4");
}

TEST_CASE("a database written by a newer library is a clear error", "[store][postgres]") {
  PostgresFactory f;
  const std::string where = dynamic_cast<PostgresStore&>(*f.open()).description();
  CHECK_THAT(where, Catch::Matches("database \"[^\"]+\" on [^:]+:[0-9]+"));
  f.raw_sql("UPDATE schema_version SET version = 99");
  try {
    PostgresStore store(f.conninfo());
    FAIL("opened");
  } catch (const StoreError& e) {
    CHECK(e.code() == "store.schema_too_new");
    CHECK(std::string(e.what()) == "[store.schema_too_new] " + where +
                                       " was written by a newer regularis (schema version 99; "
                                       "this library reads up to 4)");
  }
}

TEST_CASE("a writer blocked on another's insert of the same version loses: SQLSTATE 23505",
          "[store][postgres][concurrency]") {
  PostgresFactory f;
  auto store = f.open();
  const CaseId id = cid("U-1");
  const RecordedEvent first = store->append(id, 0, {opened()}).front();

  // Another writer has inserted version 2 and not committed yet.
  pqxx::connection other(f.conninfo());
  pqxx::work rival(other);
  const RecordedEvent theirs = seal(id, 2, first.hash, note("theirs"));
  rival.exec_params(
      "INSERT INTO events (case_id, version, kind, at, body, hash) VALUES ($1, $2, $3, $4, $5, "
      "$6)",
      id.str(), 2, "note_added", theirs.event.at.unix_seconds(), theirs.canonical, theirs.hash);

  // Ours reads version 1 as the head (the rival's row is invisible), then
  // waits on the unique key until the rival commits.
  auto ours = std::async(std::launch::async, [&]() -> std::string {
    try {
      store->append(id, 1, {note("ours")});
      return "appended";
    } catch (const ConflictError& e) {
      return std::string(e.what()) + " / " + postgres_sqlstate(e.native_code());
    } catch (const std::exception& e) {
      return std::string("other: ") + e.what();
    }
  });
  CHECK(ours.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout);
  rival.commit();
  CHECK(ours.get() ==
        "[store.conflict] case \"U-1\": another writer appended version 2 first / 23505");
  const std::vector<RecordedEvent> events = store->load(id);
  REQUIRE(events.size() == 2);
  CHECK(events[1].event.note == "theirs");
  CHECK(store->verify(id).ok);
}

TEST_CASE("SQLSTATEs pack into native codes and back", "[store][postgres]") {
  for (const char* state : {"23505", "08006", "57P01", "40P01", "3F000", "XX000"})
    CHECK(postgres_sqlstate(postgres_native_code(state)) == state);
  CHECK(postgres_native_code("23505") != postgres_native_code("23503"));
  CHECK(postgres_native_code("2350") == 0);
  CHECK(postgres_native_code("23a05") == 0);
  CHECK(postgres_sqlstate(0).empty());
  CHECK(postgres_sqlstate(-1).empty());
}

TEST_CASE("errors keep PostgreSQL's SQLSTATE and message", "[store][postgres]") {
  // No schema to create the tables in.
  try {
    PostgresStore store(pg_conninfo() + " options='-c search_path=no_such_schema'");
    FAIL("opened");
  } catch (const StoreError& e) {
    CHECK(e.code() == "store.postgres");
    CHECK(postgres_sqlstate(e.native_code()) == "3F000");
    CHECK(std::string(e.what()) ==
          "[store.postgres] migrate the schema: no schema has been selected to create in "
          "(SQLSTATE 3F000)");
  }
  // A table changed behind the library's back.
  PostgresFactory f;
  auto store = f.open();
  f.raw_sql("ALTER TABLE events ADD CONSTRAINT short_notes CHECK (length(body) < 300)");
  try {
    store->append(cid("E-1"), 0, {opened(), note(std::string(400, 'x'))});
    FAIL("appended");
  } catch (const StoreError& e) {
    CHECK(e.code() == "store.postgres");
    CHECK(postgres_sqlstate(e.native_code()) == "23514");
    // The server's primary message only: its DETAIL would show the row.
    CHECK(std::string(e.what()) ==
          "[store.postgres] append: new row for relation \"events\" violates check constraint "
          "\"short_notes\" (SQLSTATE 23514)");
  }
  CHECK(store->load(cid("E-1")).empty());
  CHECK_FALSE(store->summary(cid("E-1")).has_value());
}

TEST_CASE("options are checked", "[store][postgres]") {
  PostgresOptions none;
  none.max_connections = 0;
  CHECK_THROWS_MATCHES(PostgresStore(pg_conninfo(), none), UsageError,
                       Catch::Message("[store.bad_options] a PostgresStore keeps 1 to 64 "
                                      "connections, not 0"));
}

TEST_CASE("connection strings never reach messages or logs", "[store][postgres]") {
  LogCapture log;
  // Port 1 on 127.0.0.1 refuses connections.
  try {
    PostgresStore store("host=127.0.0.1 port=1 dbname=cases user=clerk password=hunter2");
    FAIL("connected");
  } catch (const StoreError& e) {
    CHECK(e.code() == "store.open");
    CHECK(postgres_sqlstate(e.native_code()) == "08001");
    CHECK_THAT(e.what(), Catch::StartsWith("[store.open] cannot connect to PostgreSQL: "
                                           "connection to server at \"127.0.0.1\", port 1 "
                                           "failed: Connection refused"));
    CHECK_THAT(e.what(), !Catch::Contains("hunter2"));
  }
  // The test server trusts local connections, so a password is accepted and ignored.
  PostgresFactory f;
  PostgresStore store(f.conninfo() + " password=hunter2");
  store.append(cid("P-1"), 0, {opened()});
  CHECK_THAT(store.description(), !Catch::Contains("hunter2"));
  const std::string text = log.text();
  CHECK_THAT(text, Catch::Contains("connected to PostgreSQL " + store.description()));
  CHECK_THAT(text, Catch::Contains("append to case P-1 at version 0"));
  CHECK_THAT(text, !Catch::Contains("hunter2"));
  CHECK_THAT(text, !Catch::Contains("password"));
}

TEST_CASE("a connection lost in the middle of an append writes nothing, and the store reconnects",
          "[store][postgres][connection]") {
  PostgresFactory f;
  const std::string app = "victim_" + f.schema();
  PostgresOptions one;
  one.max_connections = 1;
  auto store = f.open(one, "application_name=" + app);
  const CaseId id = cid("L-1");
  store->append(id, 0, {opened()});

  // Hold the case's projection row, so that the append inserts its events
  // and then waits for the row lock, inside its transaction.
  pqxx::connection holder(f.conninfo());
  pqxx::work hold(holder);
  hold.exec_params("SELECT 1 FROM cases WHERE case_id = $1 FOR UPDATE", id.str());

  auto append = std::async(std::launch::async, [&]() -> std::string {
    try {
      store->append(id, 1, {note("a"), note("b"), note("c")});
      return "appended";
    } catch (const StoreError& e) {
      return e.code() + " " + postgres_sqlstate(e.native_code()) + ": " + e.what();
    }
  });
  std::vector<int> waiting;
  for (int i = 0; i < 500 && waiting.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    waiting = backends(app, true);
  }
  REQUIRE(waiting.size() == 1);
  // Its three events are in, uncommitted.
  CHECK(terminate(app) == 1);
  const std::string outcome = append.get();
  hold.commit();
  INFO(outcome);
  CHECK_THAT(outcome, Catch::StartsWith("store.connection 57P01: [store.connection] append: ") ||
                          Catch::StartsWith("store.connection 08006: [store.connection] append: "
                                            "the connection to the server was lost"));

  // Nothing of it was written.
  CHECK(f.raw_sql("SELECT count(*) FROM events") == "1");
  CHECK(store->summary(id)->version == 1);
  // The same store carries on on a new connection.
  store->append(id, 1, {note("again")});
  CHECK(store->load(id).size() == 2);
  CHECK(store->verify(id).ok);
  CHECK(f.open()->verify(id).ok);
}

TEST_CASE("a connection lost while idle is replaced by the next call",
          "[store][postgres][connection]") {
  PostgresFactory f;
  const std::string app = "idle_" + f.schema();
  PostgresOptions one;
  one.max_connections = 1;
  auto store = f.open(one, "application_name=" + app);
  const CaseId id = cid("I-1");
  store->append(id, 0, {opened()});
  REQUIRE(terminate(app) == 1);
  CHECK(store->summary(id)->version == 1);  // a read: retried
  REQUIRE(terminate(app) == 1);
  store->append(id, 1, {note("after")});  // BEGIN failed: retried
  REQUIRE(terminate(app) == 1);
  CHECK(store->load(id).size() == 2);
  REQUIRE(terminate(app) == 1);
  CHECK(store->find(CaseQuery{}).total == 1);
  CHECK(store->verify(id).ok);
}

TEST_CASE("backends terminated again and again under appends never leave a partial append",
          "[store][postgres][connection]") {
  PostgresFactory f;
  const std::string app = "storm_" + f.schema();
  auto store = f.open(PostgresOptions{}, "application_name=" + app);
  const CaseId id = cid("S-1");
  store->append(id, 0, {opened()});

  std::atomic<bool> stop{false};
  std::atomic<int> terminated{0};
  std::thread killer([&] {
    std::mt19937 random(7);
    while (!stop) {
      try {
        terminated += terminate(app);
      } catch (...) {
      }
      std::this_thread::sleep_for(std::chrono::microseconds(500 + random() % 3000));
    }
  });

  int appended = 0, lost = 0, in_doubt = 0, others = 0;
  std::vector<int> acknowledged;  // batch numbers
  std::string other_error;
  for (int batch = 0; batch < 600 && lost + in_doubt < 15; ++batch) {
    try {
      std::uint64_t version = 0;
      for (int tries = 0; tries < 10; ++tries) {
        try {
          version = store->summary(id)->version;
          break;
        } catch (const StoreError&) {
        }
      }
      const std::string tag = "batch " + std::to_string(batch) + " part ";
      store->append(id, version, {note(tag + "1"), note(tag + "2"), note(tag + "3")});
      acknowledged.push_back(batch);
      ++appended;
    } catch (const ConflictError& e) {
      ++others;
      other_error = e.what();
    } catch (const StoreError& e) {
      if (e.code() == "store.connection")
        ++lost;
      else if (e.code() == "store.in_doubt")
        ++in_doubt;
      else {
        ++others;
        other_error = e.what();
      }
      CHECK_FALSE(postgres_sqlstate(e.native_code()).empty());
    }
  }
  stop = true;
  killer.join();
  INFO(appended << " appended, " << lost << " lost, " << in_doubt << " in doubt, " << terminated
                << " backends terminated; " << other_error);
  CHECK(others == 0);
  CHECK(appended > 0);
  CHECK(lost + in_doubt > 0);

  auto fresh = f.open();
  const std::vector<RecordedEvent> events = fresh->load(id);
  REQUIRE(fresh->verify(id).ok);
  CHECK(fresh->summary(id)->version == events.size());
  // Whole batches only, in order: after the opening, parts 1, 2, 3 of one batch.
  REQUIRE((events.size() - 1) % 3 == 0);
  std::vector<int> stored;
  for (std::size_t i = 1; i < events.size(); i += 3) {
    const std::string& n = events[i].event.note;
    const std::string batch = n.substr(0, n.find(" part "));
    CHECK(events[i].event.note == batch + " part 1");
    CHECK(events[i + 1].event.note == batch + " part 2");
    CHECK(events[i + 2].event.note == batch + " part 3");
    stored.push_back(std::stoi(batch.substr(6)));
  }
  // Every acknowledged batch is there; the others are the in-doubt ones that committed.
  for (int b : acknowledged) CHECK(std::find(stored.begin(), stored.end(), b) != stored.end());
  CHECK(stored.size() >= acknowledged.size());
  CHECK(stored.size() <= acknowledged.size() + static_cast<std::size_t>(in_doubt));
}
