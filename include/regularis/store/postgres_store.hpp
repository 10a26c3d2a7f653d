// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// PostgresStore: the CaseStore for several application servers sharing one
// PostgreSQL database. The same schema as SqliteStore (events, the cases
// projection, schema_version; migrated on open, serialised between servers
// by an advisory lock), the same sealed events and hashes, and the same
// conflict semantics: each append is one transaction, and the unique key on
// (case_id, version) decides who wins a race (SQLSTATE 23505 becomes a
// ConflictError). A small pool of connections serves concurrent threads; a
// connection that broke is dropped and replaced on the next call. No libpqxx
// type appears here.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "regularis/export.hpp"
#include "regularis/store/case_store.hpp"

namespace regularis {

struct PostgresOptions {
  /// Connections the store opens at most (1 .. 64); a thread that finds them
  /// all busy waits for one.
  std::size_t max_connections = 4;
};

/// A case store in a PostgreSQL database, reached with a libpq connection
/// string ("host=db1 dbname=cases user=regularis", or a postgresql:// URI).
/// The tables live in the connection's search_path (use
/// `options='-c search_path=tenant_a'` to put them in a schema). The
/// connection string is never logged nor put in an error message: only the
/// database, host and port are (see description()).
///
///     PostgresStore store("host=db1 dbname=cases user=regularis");
///     store.append(*CaseId::parse("BR-1"), 0, {opened});
///
/// Throws StoreError with native_code() holding the SQLSTATE (see
/// postgres_sqlstate()): store.open (cannot connect), store.schema_too_new
/// (written by a newer regularis), store.connection (the connection was lost
/// during a call: nothing of an append was written; the next call
/// reconnects), store.in_doubt (lost while committing: load the case to see
/// whether the append was recorded, whole), store.busy (serialisation
/// failure, deadlock, lock timeout), store.postgres (any other error).
/// Safe to use from several threads.
class REGULARIS_API PostgresStore final : public CaseStore {
 public:
  /// The schema version this library writes (the same as SqliteStore's).
  static constexpr int kSchemaVersion = 4;

  explicit PostgresStore(const std::string& connection_string, PostgresOptions options = {});
  ~PostgresStore() override;

  /// Where the store is, without credentials:
  /// `database "cases" on db1:5432`.
  const std::string& description() const noexcept;

 protected:
  std::vector<RecordedEvent> append_impl(const CaseId& id, std::uint64_t expected_version,
                                         const std::vector<Event>& events) override;
  std::vector<RecordedEvent> load_impl(const CaseId& id) const override;
  std::optional<CaseSummary> summary_impl(const CaseId& id) const override;
  CasePage find_impl(const CaseQuery& query) const override;
  CaseStatistics statistics_impl(Date as_of,
                                 const std::optional<std::string>& programme) const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The SQLSTATE kept in the native_code() of a StoreError that PostgresStore
/// threw ("" when there is none). A lost connection, which the server could
/// not report, is class 08 (08006, connection_failure).
///
///     catch (const StoreError& e) {
///       postgres_sqlstate(e.native_code());   // "23505", "57P01", ...
///     }
REGULARIS_API std::string postgres_sqlstate(int native_code);

/// The native_code() PostgresStore gives a SQLSTATE: its five characters,
/// six bits each, as PostgreSQL's own MAKE_SQLSTATE packs them. 0 for text
/// that is not five digits or upper-case letters.
///
///     postgres_sqlstate(postgres_native_code("23505")) == "23505"
REGULARIS_API int postgres_native_code(const std::string& sqlstate);

}  // namespace regularis
