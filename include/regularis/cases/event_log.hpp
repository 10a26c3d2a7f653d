// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// EventLog: the part of a case store the case layer needs — append sealed
// events to a case with optimistic concurrency, and load them back — with the
// errors a store raises. It lives here so that CaseService (cases) can use a
// store while the stores (regularis/store, which depend on cases) implement
// it: CaseStore derives from it and adds queries. A narrow interface with a
// non-virtual face: the public calls check their arguments and log once
// (case ids and codes only), then forward to protected *_impl virtuals that
// only store.
#pragma once

#include <cstdint>
#include <vector>

#include "regularis/cases/case_id.hpp"
#include "regularis/cases/event.hpp"
#include "regularis/core/error.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// A store failed: store.sqlite, store.busy, store.open, store.corrupt,
/// store.schema_too_new, ... native_code() keeps the database's own code
/// (the SQLite extended result code).
class REGULARIS_API StoreError : public Error {
 public:
  using Error::Error;
  ~StoreError() override;
};

/// Another writer appended to the case first (code store.conflict): reload
/// the case and decide again.
///
///     try { store.append(id, c.version, {e}); }
///     catch (const ConflictError&) { /* reload, re-check, retry */ }
class REGULARIS_API ConflictError : public StoreError {
 public:
  using StoreError::StoreError;
  ~ConflictError() override;
};

/// Append-only event logs of cases. Implementations are safe to call from
/// several threads.
///
///     std::vector<RecordedEvent> r = log.append(id, 0, {opened});   // version 1
///     log.append(id, 1, {submitted});                               // version 2
///     log.append(id, 1, {withdrawn});                               // ConflictError
class REGULARIS_API EventLog {
 public:
  virtual ~EventLog();
  EventLog(const EventLog&) = delete;
  EventLog& operator=(const EventLog&) = delete;

  /// Seals `events` as numbers expected_version+1, ... of the case and
  /// writes them in one transaction (with whatever the store keeps beside
  /// them). Returns them as recorded. Throws ConflictError when the case is
  /// not at `expected_version` (0: the case must not exist yet), UsageError
  /// (store.no_events) for an empty list or (store.bad_event) for an event
  /// that check_event() refuses, StoreError when the database fails.
  std::vector<RecordedEvent> append(const CaseId& id, std::uint64_t expected_version,
                                    const std::vector<Event>& events);
  /// Every event of the case in sequence order (empty when there is none).
  /// StoreError (store.corrupt) when a stored text is not an event.
  std::vector<RecordedEvent> load(const CaseId& id) const;
  /// verify(load(id)): edited, deleted or reordered events.
  ChainCheck verify(const CaseId& id) const;

 protected:
  EventLog() = default;

  virtual std::vector<RecordedEvent> append_impl(const CaseId& id, std::uint64_t expected_version,
                                                 const std::vector<Event>& events) = 0;
  virtual std::vector<RecordedEvent> load_impl(const CaseId& id) const = 0;
};

}  // namespace regularis
