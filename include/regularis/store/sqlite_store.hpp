// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// SqliteStore: the embedded default CaseStore, one SQLite file in WAL mode.
// Every append is one IMMEDIATE transaction; a UNIQUE(case_id, version)
// constraint decides who wins a race; a busy timeout makes writers wait for
// each other instead of failing. The schema is versioned (schema_version
// table) and migrated on open. No SQLite type appears here.
#pragma once

#include <memory>
#include <string>

#include "regularis/export.hpp"
#include "regularis/store/case_store.hpp"

namespace regularis {

struct SqliteOptions {
  /// How long a writer waits for another one before store.busy.
  int busy_timeout_ms = 5000;
  /// synchronous=FULL (each commit survives a power cut) rather than NORMAL
  /// (survives a crash of the process).
  bool durable = true;
};

/// A case store in one SQLite file, created when missing.
///
///     SqliteStore store("cases.db");
///     store.append(*CaseId::parse("BR-1"), 0, {opened});
///
/// Throws StoreError: store.open (cannot open; native code kept),
/// store.schema_too_new (written by a newer regularis), store.sqlite.
class REGULARIS_API SqliteStore final : public CaseStore {
 public:
  /// The schema version this library writes.
  static constexpr int kSchemaVersion = 4;

  explicit SqliteStore(const std::string& path, SqliteOptions options = {});
  ~SqliteStore() override;

  const std::string& path() const noexcept;

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

}  // namespace regularis
