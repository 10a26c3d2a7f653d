// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Case store benchmarks (Google Benchmark), the same for SqliteStore and
// PostgresStore: appends per second (one event per append, each at the
// version the writer holds, from 1 and from 4 threads sharing one store) and
// the latency of the calls hosts make most (a case's summary, loading a case
// of 20 events, a page of cases by state, a page of cases due within a week).
// The stores are seeded first with 10,000 cases (a third in draft, a third
// awaiting evidence with due dates spread over 60 days, a third decided).
//
//   bench_store                                         SQLite only
//   REGULARIS_BENCH_PG="host=... dbname=..." bench_store    both stores
//
// SQLite writes its file in a fresh folder of the working directory (durable:
// synchronous=FULL); PostgreSQL gets a fresh schema (bench_<pid>) in the
// given database, dropped at the end, and is vacuumed and analysed after the
// seeding, as autovacuum would soon do.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <pqxx/pqxx>
#include <random>
#include <string>
#include <vector>

#include "regularis/store/postgres_store.hpp"
#include "regularis/store/sqlite_store.hpp"

using namespace regularis;

namespace {

constexpr int kSeedCases = 10000;
constexpr int kCasesPerWriter = 100;
constexpr std::size_t kPage = 50;

Instant instant(const char* text) { return Instant::parse(text).value(); }
CaseId cid(const std::string& text) { return CaseId::parse(text).value(); }

Event opened() {
  Event e = make_event(EventKind::opened, "clerk-1", "clerk", instant("2009-08-01T10:00:00-03:00"));
  e.state = "draft";
  e.programme = "br-2009";
  e.data = R"({"format":"regularis.application/1","applicant":{"entry_date":"2008-11-03",)"
           R"("nationalities":["BO"]},"documents":[{"type":"passport"}]})";
  return e;
}

Event note(const std::string& text) {
  Event e =
      make_event(EventKind::note_added, "clerk-1", "clerk", instant("2009-08-02T10:00:00-03:00"));
  e.state = "draft";
  e.note = text;
  return e;
}

Event evidence(Date due) {
  Event e = make_event(EventKind::evidence_requested, "clerk-1", "clerk",
                       instant("2009-08-03T10:00:00-03:00"));
  e.state = "awaiting_evidence";
  e.due = due;
  e.reasons = {"proof_of_entry"};
  return e;
}

Event decided(const char* outcome) {
  Event e =
      make_event(EventKind::decided, "sup-1", "supervisor", instant("2009-09-01T10:00:00-03:00"));
  e.state = outcome;
  e.outcome = outcome;
  e.reasons = {"entered_by_cutoff.met"};
  e.programme_version = "2009-07-02";
  e.evaluation_summary = "eligible";
  return e;
}

const Date kAsOf = Date::parse("2009-09-01").value();

/// Seeds `store` with kSeedCases cases and one case of 20 events.
void seed(CaseStore& store) {
  for (int n = 0; n < kSeedCases; ++n) {
    std::vector<Event> events = {opened()};
    if (n % 3 == 1) events.push_back(evidence(kAsOf.add_days(n % 60)));
    if (n % 3 == 2) events.push_back(decided(n % 2 == 0 ? "approved" : "refused"));
    store.append(cid("Q-" + std::to_string(n)), 0, events);
  }
  std::vector<Event> twenty = {opened()};
  for (int i = 1; i < 20; ++i) twenty.push_back(note("note " + std::to_string(i)));
  store.append(cid("LOAD-20"), 0, twenty);
}

struct Target {
  std::string name;
  std::unique_ptr<CaseStore> store;
};

std::atomic<int> run_counter{0};

void append_one_event(benchmark::State& state, CaseStore* store) {
  // Fresh cases per run (Google Benchmark runs a function several times).
  const std::string prefix =
      "A" + std::to_string(run_counter++) + "-" + std::to_string(state.thread_index()) + "-";
  std::vector<std::uint64_t> versions(kCasesPerWriter, 0);
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % kCasesPerWriter;
    const CaseId id = cid(prefix + std::to_string(k));
    if (versions[k] == 0)
      store->append(id, 0, {opened()});
    else
      store->append(id, versions[k], {note("n")});
    ++versions[k];
  }
  state.SetItemsProcessed(state.iterations());
}

void summary(benchmark::State& state, CaseStore* store) {
  std::mt19937 random(1);
  for (auto _ : state) {
    auto s = store->summary(cid("Q-" + std::to_string(random() % kSeedCases)));
    benchmark::DoNotOptimize(s);
  }
}

void load_20(benchmark::State& state, CaseStore* store) {
  const CaseId id = cid("LOAD-20");
  for (auto _ : state) {
    auto events = store->load(id);
    if (events.size() != 20) state.SkipWithError("LOAD-20 does not have 20 events");
    benchmark::DoNotOptimize(events);
  }
}

void find_by_state(benchmark::State& state, CaseStore* store) {
  CaseQuery q;
  q.state = "awaiting_evidence";
  q.limit = kPage;
  std::size_t page = 0;
  for (auto _ : state) {
    q.offset = (page++ % 20) * kPage;
    CasePage p = store->find(q);
    if (p.total != kSeedCases / 3) state.SkipWithError("unexpected total");
    benchmark::DoNotOptimize(p);
  }
}

void find_due_within_a_week(benchmark::State& state, CaseStore* store) {
  CaseQuery q = CaseQuery::due_within(kAsOf, 7);
  q.limit = kPage;
  for (auto _ : state) {
    CasePage p = store->find(q);
    benchmark::DoNotOptimize(p);
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  const std::filesystem::path dir =
      std::filesystem::current_path() / ("store-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string sqlite_path = (dir / "cases.db").string();

  std::vector<Target> targets;
  std::string pg_admin, pg_schema;
  try {
    {
      SqliteOptions fast;
      fast.durable = false;
      SqliteStore seeding(sqlite_path, fast);
      seed(seeding);
    }
    targets.push_back({"sqlite", std::make_unique<SqliteStore>(sqlite_path)});

    if (const char* pg = std::getenv("REGULARIS_BENCH_PG"); pg != nullptr && *pg) {
      pg_admin = pg;
      pg_schema = "bench_" + std::to_string(::getpid());
      {
        pqxx::connection c(pg_admin);
        pqxx::work tx(c);
        tx.exec("CREATE SCHEMA " + pg_schema);
        tx.commit();
      }
      const std::string conninfo = pg_admin + " options='-c search_path=" + pg_schema + "'";
      auto store = std::make_unique<PostgresStore>(conninfo);
      std::cerr << "PostgreSQL: " << store->description() << ", schema " << pg_schema << '\n';
      seed(*store);
      {  // what autovacuum would soon do after the seeding: statistics, visibility map
        pqxx::connection c(conninfo);
        pqxx::nontransaction tx(c);
        tx.exec("VACUUM ANALYZE");
      }
      targets.push_back({"postgres", std::move(store)});
    } else {
      std::cerr << "REGULARIS_BENCH_PG is not set: SQLite only\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "set-up failed: " << e.what() << '\n';
    return 1;
  }

  for (const Target& t : targets) {
    CaseStore* s = t.store.get();
    auto add = [&](const std::string& name, void (*fn)(benchmark::State&, CaseStore*)) {
      return benchmark::RegisterBenchmark((name + "/" + t.name).c_str(),
                                          [fn, s](benchmark::State& state) { fn(state, s); });
    };
    add("append", append_one_event)
        ->Threads(1)
        ->Threads(4)
        ->UseRealTime()
        ->Unit(benchmark::kMicrosecond);
    add("summary", summary)->Unit(benchmark::kMicrosecond);
    add("load_20_events", load_20)->Unit(benchmark::kMicrosecond);
    add("find_page_by_state", find_by_state)->Unit(benchmark::kMicrosecond);
    add("find_due_within_7_days", find_due_within_a_week)->Unit(benchmark::kMicrosecond);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();

  targets.clear();
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  if (!pg_schema.empty()) {
    try {
      pqxx::connection c(pg_admin);
      pqxx::work tx(c);
      tx.exec("SET client_min_messages = warning; DROP SCHEMA " + pg_schema + " CASCADE");
      tx.commit();
    } catch (const std::exception& e) {
      std::cerr << "could not drop schema " << pg_schema << ": " << e.what() << '\n';
    }
  }
  return 0;
}
