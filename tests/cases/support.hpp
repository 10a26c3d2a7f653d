// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Helpers for the cases tests: instants and events in one line, and
// MemoryLog, an EventLog in memory so that CaseService can be tested without
// a database.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "regularis/cases/event.hpp"
#include "regularis/cases/event_log.hpp"

namespace regularis::test {

inline Instant at(const char* text) { return Instant::parse(text).value(); }
inline Date date(const char* text) { return Date::parse(text).value(); }
inline CaseId case_id(const char* text) { return CaseId::parse(text).value(); }

inline Event event(EventKind kind, const char* actor = "clerk-1", const char* role = "clerk",
                   const char* when = "2009-08-10T10:00:00-03:00") {
  return make_event(kind, actor, role, at(when));
}

/// An EventLog in memory, with the same conflict rule as the stores.
class MemoryLog final : public EventLog {
 public:
  std::size_t appends = 0;

 protected:
  std::vector<RecordedEvent> append_impl(const CaseId& id, std::uint64_t expected_version,
                                         const std::vector<Event>& events) override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& log = logs_[id.str()];
    if (log.size() != expected_version)
      throw ConflictError("store.conflict", "case \"" + id.str() + "\" is at version " +
                                                std::to_string(log.size()) + ", not " +
                                                std::to_string(expected_version));
    std::vector<RecordedEvent> out;
    for (const auto& e : events) {
      out.push_back(seal(
          id, log.size() + out.size() + 1,
          out.empty() ? (log.empty() ? genesis_hash() : log.back().hash) : out.back().hash, e));
    }
    log.insert(log.end(), out.begin(), out.end());
    ++appends;
    return out;
  }
  std::vector<RecordedEvent> load_impl(const CaseId& id) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = logs_.find(id.str());
    return it == logs_.end() ? std::vector<RecordedEvent>{} : it->second;
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<RecordedEvent>> logs_;
};

}  // namespace regularis::test
