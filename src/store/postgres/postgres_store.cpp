// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// PostgresStore: the schema and its migrations (schema_version table, run
// under an advisory lock so that servers starting together migrate once),
// the append transaction (read the previous hash, insert each sealed event
// under UNIQUE(case_id, version) — a 23505 there is a ConflictError — then
// advance and upsert the projection row, commit), loading a case's events
// back from their canonical texts, and queries over the projection. Every
// value reaches SQL as a parameter; all SQL text is constant. A call that
// finds its connection broken before it wrote anything (a read, or an append
// whose BEGIN failed) is retried once on a fresh connection; an append that
// lost its connection midway is reported, never retried.
#include "regularis/store/postgres_store.hpp"

#include <cstdint>
#include <pqxx/nontransaction>
#include <pqxx/result>
#include <pqxx/transaction>
#include <string_view>
#include <utility>

#include "core/log_internal.hpp"
#include "regularis/store/sqlite_store.hpp"
#include "store/postgres/errors.hpp"
#include "store/postgres/pool.hpp"

namespace regularis {
namespace {

using detail::postgres::Pool;

static_assert(PostgresStore::kSchemaVersion == SqliteStore::kSchemaVersion,
              "both stores write the same schema");

/// Migration N brings a database from schema version N-1 to N: the same
/// tables, columns and indexes as SqliteStore's, in PostgreSQL's types.
/// Text that is sorted or compared uses the "C" collation, so that pages
/// come in the same (byte) order as SQLite's. Never edit one that has
/// shipped; add the next.
const char* const kMigrations[] = {
    // 1: the event log and the projection.
    "CREATE TABLE events ("
    "  case_id TEXT COLLATE \"C\" NOT NULL,"
    "  version BIGINT NOT NULL CHECK (version >= 1),"
    "  kind TEXT NOT NULL,"
    "  at BIGINT NOT NULL,"
    "  body TEXT NOT NULL,"
    "  hash TEXT NOT NULL,"
    "  CONSTRAINT events_case_version UNIQUE (case_id, version));"
    "CREATE TABLE cases ("
    "  case_id TEXT COLLATE \"C\" PRIMARY KEY,"
    "  programme TEXT COLLATE \"C\" NOT NULL,"
    "  state TEXT COLLATE \"C\" NOT NULL,"
    "  version BIGINT NOT NULL,"
    "  outcome TEXT COLLATE \"C\" NOT NULL DEFAULT '',"
    "  next_deadline TEXT COLLATE \"C\","
    "  opened_at BIGINT NOT NULL,"
    "  updated_at BIGINT NOT NULL,"
    "  head_hash TEXT NOT NULL);",
    // 2: indexes for the queries.
    "CREATE INDEX cases_by_state ON cases (state, case_id);"
    "CREATE INDEX cases_by_programme ON cases (programme, case_id);"
    "CREATE INDEX cases_by_outcome ON cases (outcome, case_id);"
    "CREATE INDEX cases_by_deadline ON cases (next_deadline, case_id)"
    "  WHERE next_deadline IS NOT NULL;",
    // 3: the case a case follows, filled in for the cases already there from
    // the "linked" member of their opened event's canonical text.
    "ALTER TABLE cases ADD COLUMN linked_case TEXT COLLATE \"C\" NOT NULL DEFAULT '';"
    "UPDATE cases SET linked_case = o.linked"
    "  FROM (SELECT case_id, body::jsonb ->> 'linked' AS linked FROM events"
    "        WHERE version = 1 AND kind = 'opened') AS o"
    "  WHERE o.case_id = cases.case_id AND o.linked IS NOT NULL;",
    // 4: when each case's last decision was recorded, for the time to
    // decision, filled in from the cases' decided events.
    "ALTER TABLE cases ADD COLUMN decided_at BIGINT;"
    "UPDATE cases SET decided_at = (SELECT e.at FROM events e WHERE e.case_id = cases.case_id"
    "  AND e.kind = 'decided' ORDER BY e.version DESC LIMIT 1);",
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == PostgresStore::kSchemaVersion,
              "one migration per schema version");

/// pg_advisory_xact_lock key held while migrating ("regularis" in ASCII,
/// truncated to 63 bits).
constexpr const char* kLockMigration = "SELECT pg_advisory_xact_lock(7594030285126840691)";

const std::string kSummaryColumns =
    "case_id, programme, state, version, outcome, next_deadline, opened_at, updated_at, head_hash,"
    " linked_case, decided_at";

// Prepared on every connection.
constexpr const char* kHead = "regularis_head";
constexpr const char* kCurrent = "regularis_current";
constexpr const char* kSummary = "regularis_summary";
constexpr const char* kInsert = "regularis_insert";
constexpr const char* kUpsert = "regularis_upsert";
constexpr const char* kLoad = "regularis_load";

detail::postgres::PreparedStatements prepared_statements() {
  return {
      {kHead, "SELECT hash FROM events WHERE case_id = $1 AND version = $2"},
      {kCurrent, "SELECT coalesce(max(version), 0) FROM events WHERE case_id = $1"},
      {kSummary, "SELECT " + kSummaryColumns + " FROM cases WHERE case_id = $1"},
      {kInsert,
       "INSERT INTO events (case_id, version, kind, at, body, hash) "
       "VALUES ($1, $2, $3, $4, $5, $6)"},
      {kUpsert,
       "INSERT INTO cases (case_id, programme, state, version, outcome, next_deadline,"
       " opened_at, updated_at, head_hash, linked_case, decided_at)"
       " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
       "ON CONFLICT (case_id) DO UPDATE SET programme = excluded.programme,"
       " state = excluded.state, version = excluded.version,"
       " outcome = excluded.outcome, next_deadline = excluded.next_deadline,"
       " opened_at = excluded.opened_at, updated_at = excluded.updated_at,"
       " head_hash = excluded.head_hash, linked_case = excluded.linked_case,"
       " decided_at = excluded.decided_at"},
      {kLoad, "SELECT version, body, hash FROM events WHERE case_id = $1 ORDER BY version"},
  };
}

// Queries: constant text; an unset filter is a NULL parameter, which the
// planner folds away (these run as unnamed statements, planned with their
// values, so the indexes serve whichever filters are set).
const std::string kFindWhere =
    " WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR programme = $2)"
    " AND ($3::text IS NULL OR outcome = $3)"
    " AND (NOT $4::boolean OR next_deadline IS NOT NULL)"
    " AND ($5::text IS NULL OR next_deadline >= $5)"
    " AND ($6::text IS NULL OR next_deadline <= $6)";
const std::string kFindCount = "SELECT count(*) FROM cases" + kFindWhere;
const std::string kFindById = "SELECT " + kSummaryColumns + " FROM cases" + kFindWhere +
                              " ORDER BY case_id LIMIT $7 OFFSET $8";
const std::string kFindByDeadline = "SELECT " + kSummaryColumns + " FROM cases" + kFindWhere +
                                    " ORDER BY next_deadline, case_id LIMIT $7 OFFSET $8";

CaseSummary read_summary(const pqxx::row& r) {
  CaseSummary out;
  out.case_id = r[0].as<std::string>();
  out.programme = r[1].as<std::string>();
  out.state = r[2].as<std::string>();
  out.version = static_cast<std::uint64_t>(r[3].as<std::int64_t>());
  out.outcome = r[4].as<std::string>();
  if (!r[5].is_null()) {
    auto d = Date::parse(r[5].as<std::string>());
    if (!d)
      throw StoreError("store.corrupt",
                       "case \"" + out.case_id + "\": the stored deadline is not a date");
    out.next_deadline = *d;
  }
  out.opened_at = Instant::from_unix_seconds(r[6].as<std::int64_t>());
  out.updated_at = Instant::from_unix_seconds(r[7].as<std::int64_t>());
  out.head_hash = r[8].as<std::string>();
  out.linked_case = r[9].as<std::string>();
  if (!r[10].is_null()) out.decided_at = Instant::from_unix_seconds(r[10].as<std::int64_t>());
  return out;
}

std::int64_t to_int64(std::uint64_t v) {
  if (v > static_cast<std::uint64_t>(INT64_MAX))
    throw UsageError("store.bad_version", "a version beyond 2^63 - 1");
  return static_cast<std::int64_t>(v);
}

/// A nullable text parameter: nullptr is SQL NULL.
const char* nullable(const std::optional<std::string>& text) {
  return text ? text->c_str() : nullptr;
}

}  // namespace

struct PostgresStore::Impl {
  Impl(const std::string& connection_string, PostgresOptions options)
      : pool(connection_string, options.max_connections, prepared_statements()) {}

  mutable Pool pool;

  /// Runs `body(connection, wrote)` on a pooled connection. `wrote` is set
  /// by the body once it may have changed something; a lost connection
  /// before that (or in a read) is retried once on a fresh connection.
  /// Errors become StoreErrors named after `what`.
  template <typename Body>
  auto run(std::string_view what, Body&& body) const {
    for (int attempt = 0;; ++attempt) {
      Pool::Lease lease = pool.acquire();
      bool wrote = false;
      try {
        return body(*lease, wrote);
      } catch (...) {
        const bool lost = detail::postgres::connection_lost();
        if (lost) lease.discard();
        if (lost && attempt == 0 && !wrote) {
          detail::log().info("case store: {} retried on a new connection to {}", what,
                             pool.description());
          continue;
        }
        detail::postgres::rethrow_as_store_error(what);
      }
    }
  }

  void migrate() {
    run("migrate the schema", [&](pqxx::connection& c, bool& wrote) {
      pqxx::work tx(c);
      wrote = true;
      tx.exec(kLockMigration);
      tx.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
      const auto found =
          tx.exec1("SELECT coalesce(max(version), 0) FROM schema_version")[0].as<std::int64_t>();
      if (found > kSchemaVersion)
        throw StoreError("store.schema_too_new",
                         pool.description() + " was written by a newer regularis (schema " +
                             "version " + std::to_string(found) + "; this library reads up to " +
                             std::to_string(kSchemaVersion) + ")");
      if (found == kSchemaVersion) {
        tx.commit();
        return;
      }
      for (std::int64_t v = found; v < kSchemaVersion; ++v)
        tx.exec(kMigrations[static_cast<std::size_t>(v)]);
      tx.exec("DELETE FROM schema_version");
      tx.exec_params("INSERT INTO schema_version (version) VALUES ($1)",
                     static_cast<int>(kSchemaVersion));
      tx.commit();
      detail::log().info("case store: {} migrated from schema version {} to {}", pool.description(),
                         found, kSchemaVersion);
    });
  }
};

PostgresStore::PostgresStore(const std::string& connection_string, PostgresOptions options) {
  if (options.max_connections < 1 || options.max_connections > 64)
    throw UsageError("store.bad_options", "a PostgresStore keeps 1 to 64 connections, not " +
                                              std::to_string(options.max_connections));
  impl_ = std::make_unique<Impl>(connection_string, options);
  impl_->migrate();
}

PostgresStore::~PostgresStore() = default;

const std::string& PostgresStore::description() const noexcept { return impl_->pool.description(); }

std::vector<RecordedEvent> PostgresStore::append_impl(const CaseId& id,
                                                      std::uint64_t expected_version,
                                                      const std::vector<Event>& events) {
  return impl_->run("append", [&](pqxx::connection& c, bool& wrote) {
    pqxx::work tx(c);  // BEGIN: nothing is written if this fails
    wrote = true;
    std::string previous = genesis_hash();
    if (expected_version > 0) {
      const pqxx::result head = tx.exec_prepared(kHead, id.str(), to_int64(expected_version));
      if (head.empty()) {
        const auto current = tx.exec_prepared1(kCurrent, id.str())[0].as<std::int64_t>();
        throw ConflictError("store.conflict", "case \"" + id.str() + "\" is at version " +
                                                  std::to_string(current) + ", not " +
                                                  std::to_string(expected_version));
      }
      previous = head[0][0].as<std::string>();
    }
    CaseSummary summary;
    {
      const pqxx::result row = tx.exec_prepared(kSummary, id.str());
      if (!row.empty()) summary = read_summary(row[0]);
    }

    std::vector<RecordedEvent> recorded;
    recorded.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
      RecordedEvent r = seal(id, expected_version + i + 1, previous, events[i]);
      try {
        tx.exec_prepared0(kInsert, id.str(), to_int64(r.sequence),
                          std::string(to_string(r.event.kind)), r.event.at.unix_seconds(),
                          r.canonical, r.hash);
      } catch (const pqxx::unique_violation& e) {
        throw ConflictError("store.conflict",
                            "case \"" + id.str() + "\": another writer appended version " +
                                std::to_string(r.sequence) + " first",
                            {}, postgres_native_code(e.sqlstate()));
      }
      advance(summary, r);
      previous = r.hash;
      recorded.push_back(std::move(r));
    }

    const std::optional<std::string> deadline =
        summary.next_deadline ? std::optional<std::string>(summary.next_deadline->to_string())
                              : std::nullopt;
    tx.exec_prepared0(
        kUpsert, summary.case_id, summary.programme, summary.state, to_int64(summary.version),
        summary.outcome, nullable(deadline), summary.opened_at.unix_seconds(),
        summary.updated_at.unix_seconds(), summary.head_hash, summary.linked_case,
        summary.decided_at ? std::optional<std::int64_t>(summary.decided_at->unix_seconds())
                           : std::nullopt);
    tx.commit();
    return recorded;
  });
}

std::vector<RecordedEvent> PostgresStore::load_impl(const CaseId& id) const {
  return impl_->run("load", [&](pqxx::connection& c, bool&) {
    pqxx::nontransaction tx(c);
    const pqxx::result rows = tx.exec_prepared(kLoad, id.str());
    std::vector<RecordedEvent> out;
    out.reserve(rows.size());
    for (const pqxx::row& row : rows) {
      auto r = parse_recorded(row[1].as<std::string>(), row[2].as<std::string>());
      if (!r)
        throw StoreError("store.corrupt",
                         "case \"" + id.str() + "\", version " + row[0].as<std::string>() +
                             ": the stored text is not an event (" + r.error() + ")");
      out.push_back(std::move(r).value());
    }
    return out;
  });
}

std::optional<CaseSummary> PostgresStore::summary_impl(const CaseId& id) const {
  return impl_->run("read a case summary",
                    [&](pqxx::connection& c, bool&) -> std::optional<CaseSummary> {
                      pqxx::nontransaction tx(c);
                      const pqxx::result rows = tx.exec_prepared(kSummary, id.str());
                      if (rows.empty()) return std::nullopt;
                      return read_summary(rows[0]);
                    });
}

CasePage PostgresStore::find_impl(const CaseQuery& q) const {
  const bool by_deadline = q.deadline_from.has_value() || q.deadline_to.has_value();
  const std::optional<std::string> from =
      q.deadline_from ? std::optional<std::string>(q.deadline_from->to_string()) : std::nullopt;
  const std::optional<std::string> to =
      q.deadline_to ? std::optional<std::string>(q.deadline_to->to_string()) : std::nullopt;
  const auto limit = static_cast<std::int64_t>(q.limit);
  const auto offset = to_int64(q.offset);

  return impl_->run("find cases", [&](pqxx::connection& c, bool&) {
    // One snapshot for the count and the page.
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(c);
    pqxx::result n = tx.exec_params(kFindCount, nullable(q.state), nullable(q.programme),
                                    nullable(q.outcome), by_deadline, nullable(from), nullable(to));
    pqxx::result page = tx.exec_params(by_deadline ? kFindByDeadline : kFindById, nullable(q.state),
                                       nullable(q.programme), nullable(q.outcome), by_deadline,
                                       nullable(from), nullable(to), limit, offset);
    tx.commit();
    CasePage out;
    out.total = static_cast<std::size_t>(n[0][0].as<std::int64_t>());
    out.cases.reserve(page.size());
    for (const pqxx::row& row : page) out.cases.push_back(read_summary(row));
    return out;
  });
}

CaseStatistics PostgresStore::statistics_impl(Date as_of,
                                              const std::optional<std::string>& programme) const {
  // $1 the programme or NULL for every case, $2 the "as of" date, $3 30 days later.
  const std::string where = " WHERE ($1::text IS NULL OR programme = $1)";
  const std::string today = as_of.to_string(), in_30_days = as_of.add_days(30).to_string();
  return impl_->run("count cases", [&](pqxx::connection& c, bool&) {
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(c);  // one snapshot
    CaseStatistics out;
    auto counts_by = [&](const char* column, const char* filter, std::vector<CaseCount>& to) {
      const pqxx::result rows =
          tx.exec_params(std::string("SELECT ") + column + ", count(*) FROM cases" + where +
                             filter + " GROUP BY " + column,
                         nullable(programme));
      for (const pqxx::row& r : rows)
        to.push_back({r[0].as<std::string>(), static_cast<std::uint64_t>(r[1].as<std::int64_t>())});
    };
    counts_by("state", "", out.by_state);
    counts_by("programme", "", out.by_programme);
    counts_by("outcome", " AND outcome <> ''", out.by_outcome);
    const pqxx::row due = tx.exec_params1(
        "SELECT count(*) FILTER (WHERE next_deadline < $2),"
        " count(*) FILTER (WHERE next_deadline >= $2 AND next_deadline <= $3) FROM cases" +
            where,
        nullable(programme), today, in_30_days);
    out.overdue = static_cast<std::uint64_t>(due[0].as<std::int64_t>());
    out.due_within_30_days = static_cast<std::uint64_t>(due[1].as<std::int64_t>());
    const pqxx::result days =
        tx.exec_params("SELECT (decided_at - opened_at) / 86400 AS days, count(*) FROM cases" +
                           where + " AND decided_at IS NOT NULL GROUP BY days",
                       nullable(programme));
    for (const pqxx::row& r : days)
      out.days_to_decision.histogram.emplace_back(
          r[0].as<std::int64_t>(), static_cast<std::uint64_t>(r[1].as<std::int64_t>()));
    tx.commit();
    return out;
  });
}

}  // namespace regularis
