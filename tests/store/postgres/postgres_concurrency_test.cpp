// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Several application servers at once: 4 processes with 2 threads each (one
// PostgresStore per process, shared by its threads through its pool) append
// to an overlapping set of 100 cases, a fixed number of times each, every
// append at the version the writer just read. Each outcome goes to the
// parent through a pipe. Afterwards every successful append is in the store
// exactly once, nothing else is, every chain verifies, and conflicts plus
// successes make up every attempt.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "store/postgres/postgres_factory.hpp"

using namespace regularis;
using namespace regularis::test;

namespace {

constexpr int kProcesses = 4;
constexpr int kThreads = 2;
constexpr int kOperations = 150;  // per thread
constexpr int kCases = 100;
constexpr int kHotCases = 5;  // a third of the operations go to these

enum Outcome : std::int32_t { kAppended = 0, kConflicted = 1, kFailed = 2 };

struct Record {
  std::int32_t case_index;
  std::int32_t outcome;
  std::uint32_t version;  // after the append
  char hash[64];
};

CaseId case_id(int index) { return CaseId::parse("CC-" + std::to_string(index)).value(); }

Event event_for(std::uint64_t version, const std::string& note) {
  const Instant at = Instant::parse("2009-08-10T10:00:00-03:00").value();
  Event e =
      make_event(version == 0 ? EventKind::opened : EventKind::note_added, "clerk-1", "clerk", at);
  e.state = "draft";
  if (version == 0) {
    e.programme = "br-2009";
    e.data = "{}";
  }
  e.note = note;
  return e;
}

/// One application server: a store and its threads; reports every attempt.
[[noreturn]] void run_server(const PostgresFactory& factory, int process, int out) {
  int code = 0;
  try {
    PostgresOptions options;
    options.max_connections = kThreads;
    auto store = factory.open(options);
    std::mutex write_lock;
    auto report = [&](const Record& r) {
      std::lock_guard<std::mutex> lock(write_lock);
      if (write(out, &r, sizeof r) != static_cast<ssize_t>(sizeof r)) _exit(3);
    };
    auto worker = [&](int thread) {
      std::mt19937 random(static_cast<unsigned>(1000 * process + thread));
      for (int op = 0; op < kOperations; ++op) {
        const int index =
            static_cast<int>(random() % 3 == 0 ? random() % kHotCases : random() % kCases);
        Record r{index, kFailed, 0, {}};
        try {
          const CaseId id = case_id(index);
          const std::optional<CaseSummary> s = store->summary(id);
          const std::uint64_t version = s ? s->version : 0;
          const std::string note = "p" + std::to_string(process) + " t" + std::to_string(thread) +
                                   " op" + std::to_string(op);
          const RecordedEvent done = store->append(id, version, {event_for(version, note)}).front();
          r.outcome = kAppended;
          r.version = static_cast<std::uint32_t>(done.sequence);
          std::memcpy(r.hash, done.hash.data(), 64);
        } catch (const ConflictError&) {
          r.outcome = kConflicted;
        } catch (const std::exception& e) {
          std::cerr << "process " << process << ", thread " << thread << ": " << e.what() << '\n';
        }
        report(r);
      }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) threads.emplace_back(worker, t);
    for (auto& t : threads) t.join();
  } catch (const std::exception& e) {
    std::cerr << "process " << process << ": " << e.what() << '\n';
    code = 2;
  }
  close(out);
  _exit(code);
}

}  // namespace

TEST_CASE("4 processes x 2 threads append to 100 overlapping cases: each success exactly once",
          "[store][postgres][concurrency]") {
  PostgresFactory factory;
  factory.open();  // migrate before the servers start (they would also cope)

  int fds[2];
  REQUIRE(pipe(fds) == 0);
  std::vector<pid_t> children;
  for (int p = 0; p < kProcesses; ++p) {
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      close(fds[0]);
      run_server(factory, p, fds[1]);
    }
    children.push_back(child);
  }
  close(fds[1]);

  std::vector<Record> records;
  Record r{};
  while (read(fds[0], &r, sizeof r) == static_cast<ssize_t>(sizeof r)) records.push_back(r);
  close(fds[0]);
  for (pid_t child : children) {
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }

  int appended = 0, conflicts = 0, failed = 0;
  std::map<int, std::map<std::uint32_t, std::string>> successes;  // case -> version -> hash
  for (const Record& one : records) {
    if (one.outcome == kAppended) {
      ++appended;
      const bool fresh =
          successes[one.case_index].emplace(one.version, std::string(one.hash, 64)).second;
      CHECK(fresh);  // no two writers were told they appended the same version
    } else if (one.outcome == kConflicted) {
      ++conflicts;
    } else {
      ++failed;
    }
  }
  INFO(appended << " appended, " << conflicts << " conflicts, " << failed << " failed");
  CHECK(records.size() == static_cast<std::size_t>(kProcesses * kThreads * kOperations));
  CHECK(failed == 0);
  CHECK(appended + conflicts == kProcesses * kThreads * kOperations);
  CHECK(conflicts > 0);  // the writers did race

  auto store = factory.open();
  std::size_t stored = 0;
  for (int index = 0; index < kCases; ++index) {
    const std::vector<RecordedEvent> events = store->load(case_id(index));
    stored += events.size();
    const ChainCheck check = verify(events);
    INFO("case " << index << ": " << check.reason);
    CHECK(check.ok);
    if (events.empty()) {
      CHECK_FALSE(store->summary(case_id(index)).has_value());
      CHECK(successes[index].empty());
      continue;
    }
    CHECK(store->summary(case_id(index))->version == events.size());
    CHECK(store->summary(case_id(index))->head_hash == events.back().hash);
    for (const auto& [version, hash] : successes[index]) {
      REQUIRE(version <= events.size());
      CHECK(events[version - 1].hash == hash);
    }
  }
  // Every stored event is a success somebody was told about.
  CHECK(stored == static_cast<std::size_t>(appended));
  CHECK(factory.raw_sql("SELECT count(*) FROM events") == std::to_string(appended));
}
