// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// EventLog's non-virtual face: argument checks and one log line per call
// (case ids and counts, never event contents), then the store's *_impl.
// Also the out-of-line destructors of the store errors.
#include "regularis/cases/event_log.hpp"

#include "core/log_internal.hpp"

namespace regularis {

StoreError::~StoreError() = default;
ConflictError::~ConflictError() = default;
EventLog::~EventLog() = default;

std::vector<RecordedEvent> EventLog::append(const CaseId& id, std::uint64_t expected_version,
                                            const std::vector<Event>& events) {
  if (events.empty()) throw UsageError("store.no_events", "append needs at least one event");
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (std::string why = check_event(events[i]); !why.empty())
      throw UsageError("store.bad_event", "event " + std::to_string(i + 1) + ": " + why);
  }
  detail::log().debug("append to case {} at version {}: {} event(s)", id.str(), expected_version,
                      events.size());
  return append_impl(id, expected_version, events);
}

std::vector<RecordedEvent> EventLog::load(const CaseId& id) const {
  detail::log().trace("load case {}", id.str());
  return load_impl(id);
}

ChainCheck EventLog::verify(const CaseId& id) const {
  ChainCheck check = regularis::verify(load(id));
  if (!check.ok)
    detail::log().warn("case {}: chain broken at event {}", id.str(), check.first_broken);
  return check;
}

}  // namespace regularis
