// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// SqliteStore: the schema and its migrations (schema_version table), the
// append transaction (read the previous hash, insert each sealed event under
// UNIQUE(case_id, version), advance and upsert the projection row, commit),
// loading a case's events back from their canonical texts, and queries over
// the projection. Every value reaches SQL as a bound parameter; the only SQL
// text built at run time is assembled from the constant fragments below.
#include "regularis/store/sqlite_store.hpp"

#include <cstdint>
#include <mutex>

#include "core/log_internal.hpp"
#include "store/sqlite/connection.hpp"

namespace regularis {
namespace {

using detail::sqlite::Connection;
using detail::sqlite::Statement;
using detail::sqlite::Transaction;

/// Migration N brings a file from schema version N-1 to N. Never edit one
/// that has shipped; add the next.
const char* const kMigrations[] = {
    // 1: the event log and the projection.
    "CREATE TABLE events ("
    "  case_id TEXT NOT NULL,"
    "  version INTEGER NOT NULL CHECK (version >= 1),"
    "  kind TEXT NOT NULL,"
    "  at INTEGER NOT NULL,"
    "  body TEXT NOT NULL,"
    "  hash TEXT NOT NULL,"
    "  CONSTRAINT events_case_version UNIQUE (case_id, version));"
    "CREATE TABLE cases ("
    "  case_id TEXT PRIMARY KEY,"
    "  programme TEXT NOT NULL,"
    "  state TEXT NOT NULL,"
    "  version INTEGER NOT NULL,"
    "  outcome TEXT NOT NULL DEFAULT '',"
    "  next_deadline TEXT,"
    "  opened_at INTEGER NOT NULL,"
    "  updated_at INTEGER NOT NULL,"
    "  head_hash TEXT NOT NULL);",
    // 2: indexes for the queries.
    "CREATE INDEX cases_by_state ON cases (state, case_id);"
    "CREATE INDEX cases_by_programme ON cases (programme, case_id);"
    "CREATE INDEX cases_by_outcome ON cases (outcome, case_id);"
    "CREATE INDEX cases_by_deadline ON cases (next_deadline, case_id)"
    "  WHERE next_deadline IS NOT NULL;",
    // 3: the case a case follows, filled in for the cases already there from
    // the "linked" member of their opened event's canonical text.
    "ALTER TABLE cases ADD COLUMN linked_case TEXT NOT NULL DEFAULT '';"
    "UPDATE cases SET linked_case = coalesce((SELECT json_extract(e.body, '$.linked')"
    "  FROM events e WHERE e.case_id = cases.case_id AND e.version = 1"
    "  AND e.kind = 'opened'), '');",
    // 4: when each case's last decision was recorded, for the time to
    // decision, filled in from the cases' decided events.
    "ALTER TABLE cases ADD COLUMN decided_at INTEGER;"
    "UPDATE cases SET decided_at = (SELECT e.at FROM events e WHERE e.case_id = cases.case_id"
    "  AND e.kind = 'decided' ORDER BY e.version DESC LIMIT 1);",
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == SqliteStore::kSchemaVersion,
              "one migration per schema version");

constexpr const char* kSummaryColumns =
    "case_id, programme, state, version, outcome, next_deadline, opened_at, updated_at, head_hash,"
    " linked_case, decided_at";

CaseSummary read_summary(const Statement& s) {
  CaseSummary out;
  out.case_id = s.text(0);
  out.programme = s.text(1);
  out.state = s.text(2);
  out.version = static_cast<std::uint64_t>(s.integer(3));
  out.outcome = s.text(4);
  if (!s.is_null(5)) {
    auto d = Date::parse(s.text(5));
    if (!d)
      throw StoreError("store.corrupt",
                       "case \"" + out.case_id + "\": the stored deadline is not a date");
    out.next_deadline = *d;
  }
  out.opened_at = Instant::from_unix_seconds(s.integer(6));
  out.updated_at = Instant::from_unix_seconds(s.integer(7));
  out.head_hash = s.text(8);
  out.linked_case = s.text(9);
  if (!s.is_null(10)) out.decided_at = Instant::from_unix_seconds(s.integer(10));
  return out;
}

std::int64_t to_int64(std::uint64_t v) {
  if (v > static_cast<std::uint64_t>(INT64_MAX))
    throw UsageError("store.bad_version", "a version beyond 2^63 - 1");
  return static_cast<std::int64_t>(v);
}

}  // namespace

struct SqliteStore::Impl {
  Impl(const std::string& file, SqliteOptions opts) : path(file), options(opts), db(file) {}
  std::string path;
  SqliteOptions options;
  Connection db;
  mutable std::mutex mutex;

  void configure() {
    if (sqlite3_busy_timeout(db.get(), options.busy_timeout_ms) != SQLITE_OK)
      detail::sqlite::fail(db.get(), "cannot set the busy timeout");
    db.exec("PRAGMA journal_mode=WAL");
    db.exec(options.durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
  }

  void migrate() {
    Transaction tx(db, Transaction::Mode::immediate);
    db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    Statement read(db, "SELECT coalesce(max(version), 0) FROM schema_version");
    read.step();
    const std::int64_t found = read.integer(0);
    if (found > kSchemaVersion)
      throw StoreError("store.schema_too_new",
                       path + " was written by a newer regularis (schema version " +
                           std::to_string(found) + "; this library reads up to " +
                           std::to_string(kSchemaVersion) + ")");
    if (found == kSchemaVersion) {
      tx.commit();
      return;
    }
    for (std::int64_t v = found; v < kSchemaVersion; ++v) db.exec(kMigrations[v]);
    db.exec("DELETE FROM schema_version");
    Statement write(db, "INSERT INTO schema_version (version) VALUES (?1)");
    write.bind(1, std::int64_t{kSchemaVersion});
    write.step();
    tx.commit();
    detail::log().info("case store migrated from schema version {} to {}", found, kSchemaVersion);
  }

  std::uint64_t current_version(const CaseId& id) {
    Statement s(db, "SELECT coalesce(max(version), 0) FROM events WHERE case_id = ?1");
    s.bind(1, id.str());
    s.step();
    return static_cast<std::uint64_t>(s.integer(0));
  }
};

SqliteStore::SqliteStore(const std::string& path, SqliteOptions options)
    : impl_(std::make_unique<Impl>(path, options)) {
  impl_->configure();
  impl_->migrate();
}

SqliteStore::~SqliteStore() = default;

const std::string& SqliteStore::path() const noexcept { return impl_->path; }

std::vector<RecordedEvent> SqliteStore::append_impl(const CaseId& id,
                                                    std::uint64_t expected_version,
                                                    const std::vector<Event>& events) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  Connection& db = impl_->db;
  Transaction tx(db, Transaction::Mode::immediate);

  std::string previous = genesis_hash();
  if (expected_version > 0) {
    Statement head(db, "SELECT hash FROM events WHERE case_id = ?1 AND version = ?2");
    head.bind(1, id.str()).bind(2, to_int64(expected_version));
    if (!head.step())
      throw ConflictError("store.conflict", "case \"" + id.str() + "\" is at version " +
                                                std::to_string(impl_->current_version(id)) +
                                                ", not " + std::to_string(expected_version));
    previous = head.text(0);
  }
  CaseSummary summary;
  {
    Statement row(db, std::string("SELECT ") + kSummaryColumns + " FROM cases WHERE case_id = ?1");
    row.bind(1, id.str());
    if (row.step()) summary = read_summary(row);
  }

  std::vector<RecordedEvent> recorded;
  recorded.reserve(events.size());
  Statement insert(db,
                   "INSERT INTO events (case_id, version, kind, at, body, hash) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (std::size_t i = 0; i < events.size(); ++i) {
    RecordedEvent r = seal(id, expected_version + i + 1, previous, events[i]);
    Statement& one = insert;
    one.reset();
    one.bind(1, id.str())
        .bind(2, to_int64(r.sequence))
        .bind(3, to_string(r.event.kind))
        .bind(4, r.event.at.unix_seconds())
        .bind(5, r.canonical)
        .bind(6, r.hash);
    try {
      one.step();
    } catch (const StoreError& e) {
      if (e.native_code() == SQLITE_CONSTRAINT_UNIQUE)
        throw ConflictError("store.conflict",
                            "case \"" + id.str() + "\": another writer appended version " +
                                std::to_string(r.sequence) + " first",
                            {}, e.native_code());
      throw;
    }
    advance(summary, r);
    previous = r.hash;
    recorded.push_back(std::move(r));
  }

  Statement upsert(db,
                   "INSERT INTO cases (case_id, programme, state, version, outcome, next_deadline,"
                   " opened_at, updated_at, head_hash, linked_case, decided_at)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                   "ON CONFLICT (case_id) DO UPDATE SET programme = excluded.programme,"
                   " state = excluded.state, version = excluded.version,"
                   " outcome = excluded.outcome, next_deadline = excluded.next_deadline,"
                   " opened_at = excluded.opened_at, updated_at = excluded.updated_at,"
                   " head_hash = excluded.head_hash, linked_case = excluded.linked_case,"
                   " decided_at = excluded.decided_at");
  upsert.bind(1, summary.case_id)
      .bind(2, summary.programme)
      .bind(3, summary.state)
      .bind(4, to_int64(summary.version))
      .bind(5, summary.outcome);
  if (summary.next_deadline)
    upsert.bind(6, summary.next_deadline->to_string());
  else
    upsert.bind_null(6);
  upsert.bind(7, summary.opened_at.unix_seconds())
      .bind(8, summary.updated_at.unix_seconds())
      .bind(9, summary.head_hash)
      .bind(10, summary.linked_case);
  if (summary.decided_at)
    upsert.bind(11, summary.decided_at->unix_seconds());
  else
    upsert.bind_null(11);
  upsert.step();
  tx.commit();
  return recorded;
}

std::vector<RecordedEvent> SqliteStore::load_impl(const CaseId& id) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  Statement s(impl_->db,
              "SELECT version, body, hash FROM events WHERE case_id = ?1 ORDER BY version");
  s.bind(1, id.str());
  std::vector<RecordedEvent> out;
  while (s.step()) {
    auto r = parse_recorded(s.text(1), s.text(2));
    if (!r)
      throw StoreError("store.corrupt",
                       "case \"" + id.str() + "\", version " + std::to_string(s.integer(0)) +
                           ": the stored text is not an event (" + r.error() + ")");
    out.push_back(std::move(r).value());
  }
  return out;
}

std::optional<CaseSummary> SqliteStore::summary_impl(const CaseId& id) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  Statement s(impl_->db,
              std::string("SELECT ") + kSummaryColumns + " FROM cases WHERE case_id = ?1");
  s.bind(1, id.str());
  if (!s.step()) return std::nullopt;
  return read_summary(s);
}

CasePage SqliteStore::find_impl(const CaseQuery& q) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  // Constant fragments with numbered parameters; unset filters bind nothing.
  std::string where = " WHERE 1 = 1";
  if (q.state) where += " AND state = ?1";
  if (q.programme) where += " AND programme = ?2";
  if (q.outcome) where += " AND outcome = ?3";
  const bool by_deadline = q.deadline_from.has_value() || q.deadline_to.has_value();
  if (by_deadline) where += " AND next_deadline IS NOT NULL";
  if (q.deadline_from) where += " AND next_deadline >= ?4";
  if (q.deadline_to) where += " AND next_deadline <= ?5";
  auto bind_filters = [&](Statement& s) {
    if (q.state) s.bind(1, *q.state);
    if (q.programme) s.bind(2, *q.programme);
    if (q.outcome) s.bind(3, *q.outcome);
    if (q.deadline_from) s.bind(4, q.deadline_from->to_string());
    if (q.deadline_to) s.bind(5, q.deadline_to->to_string());
  };

  Transaction tx(impl_->db, Transaction::Mode::deferred);  // one snapshot for page and count
  CasePage page;
  Statement count(impl_->db, "SELECT count(*) FROM cases" + where);
  bind_filters(count);
  count.step();
  page.total = static_cast<std::size_t>(count.integer(0));

  Statement rows(impl_->db,
                 std::string("SELECT ") + kSummaryColumns + " FROM cases" + where +
                     (by_deadline ? " ORDER BY next_deadline, case_id" : " ORDER BY case_id") +
                     " LIMIT ?6 OFFSET ?7");
  bind_filters(rows);
  rows.bind(6, static_cast<std::int64_t>(q.limit)).bind(7, static_cast<std::int64_t>(q.offset));
  while (rows.step()) page.cases.push_back(read_summary(rows));
  tx.commit();
  return page;
}

CaseStatistics SqliteStore::statistics_impl(Date as_of,
                                            const std::optional<std::string>& programme) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  // ?1 the programme (when one is asked for), ?2 the "as of" date, ?3 30 days later.
  const std::string where = programme ? " WHERE programme = ?1" : " WHERE 1 = 1";
  // `dated`: the query compares deadlines, so it has ?2 and ?3 too.
  auto rows = [&](const std::string& sql, auto&& each, bool dated = false) {
    Statement s(impl_->db, sql);
    if (programme) s.bind(1, *programme);
    if (dated) s.bind(2, as_of.to_string()).bind(3, as_of.add_days(30).to_string());
    while (s.step()) each(s);
  };
  auto counts_by = [&](const char* column, const char* filter, std::vector<CaseCount>& out) {
    rows(std::string("SELECT ") + column + ", count(*) FROM cases" + where + filter + " GROUP BY " +
             column,
         [&](const Statement& s) {
           out.push_back({s.text(0), static_cast<std::uint64_t>(s.integer(1))});
         });
  };

  Transaction tx(impl_->db, Transaction::Mode::deferred);  // one snapshot for every count
  CaseStatistics out;
  counts_by("state", "", out.by_state);
  counts_by("programme", "", out.by_programme);
  counts_by("outcome", " AND outcome <> ''", out.by_outcome);
  rows(
      "SELECT count(*) FILTER (WHERE next_deadline < ?2),"
      " count(*) FILTER (WHERE next_deadline >= ?2 AND next_deadline <= ?3) FROM cases" +
          where,
      [&](const Statement& s) {
        out.overdue = static_cast<std::uint64_t>(s.integer(0));
        out.due_within_30_days = static_cast<std::uint64_t>(s.integer(1));
      },
      true);
  rows("SELECT (decided_at - opened_at) / 86400 AS days, count(*) FROM cases" + where +
           " AND decided_at IS NOT NULL GROUP BY days",
       [&](const Statement& s) {
         out.days_to_decision.histogram.emplace_back(s.integer(0),
                                                     static_cast<std::uint64_t>(s.integer(1)));
       });
  tx.commit();
  return out;
}

}  // namespace regularis
