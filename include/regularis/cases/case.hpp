// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Case: the state of one case, a fold over its recorded events (state,
// programme, the application as amended, documents, submission, evidence
// deadline, decision). CaseSummary: the few fields the store keeps in its
// projection table to answer queries, advanced event by event in the same
// transaction as the append. Both are plain values. A case approved under a
// programme whose grant expires (br-2009) knows its grant's dates, and a case
// that follows another (its conversion) names it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "regularis/cases/case_id.hpp"
#include "regularis/cases/event.hpp"
#include "regularis/core/date.hpp"
#include "regularis/core/instant.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// A document added to a case, with what the clerks made of it.
struct CaseDocument {
  enum class Status { added, verified, rejected };
  std::string id;
  std::string data;  ///< the document as added (a JSON object)
  Status status = Status::added;
  std::vector<std::string> reasons;  ///< why it was rejected
};

/// One case as its events left it.
///
///     Case c = fold(id, store.load(id));
///     c.state;            // "under_review"
///     c.application;      // the application JSON the engine reads
struct Case {
  explicit Case(CaseId case_id) : id(std::move(case_id)) {}

  CaseId id;
  std::string programme;
  std::string state;
  std::uint64_t version = 0;  ///< number of events
  std::string head_hash;      ///< hash of the last event
  Instant opened_at;
  Instant updated_at;
  /// The application as the engine sees it: the opened data, amended by
  /// merge patches, with the case's documents (verified ones marked
  /// `"verified": true`, rejected ones left out), payments and waivers
  /// appended, and `filed_at` set to the submission instant. Canonical JSON.
  std::string application;
  /// The opened data as amended, before the case's documents, payments,
  /// waivers and filing are added to it.
  std::string facts;
  std::vector<std::string> payments;  ///< fee_paid data, in order
  std::vector<std::string> waivers;   ///< fee_waived data, in order
  std::vector<CaseDocument> documents;
  std::optional<Instant> submitted_at;
  std::string submitted_by;          ///< actor of the (last) submission
  std::optional<Date> evidence_due;  ///< while evidence is awaited
  std::string outcome;               ///< of the last decision ("" before one)
  std::vector<std::string> reasons;  ///< of the last decision
  std::string programme_version;     ///< of the last decision
  std::string decided_by;
  std::optional<Instant> decided_at;  ///< of the last decision
  int appeals = 0;
  /// The case this one follows (its `opened` event's linked_case), or "".
  std::string linked_case;
  /// The dates an approval started (grant_expires, follow_on_opens,
  /// follow_on_closes), from the last approving decision: counted from the
  /// filing date or from the decision's local date, as the grant says.
  std::vector<Deadline> grant_deadlines;
};

/// Every date that matters for the case, in date order: the evidence due
/// date while evidence is awaited ("evidence_due"), then the dates of an
/// approval (see Case::grant_deadlines).
///
///     for (const Deadline& d : deadlines_of(c)) std::cout << d.id << ' ' << d.date.to_string();
///     // grant_expires 2011-08-10
///     // follow_on_opens 2011-05-12 (br-2009-permanent) ...
REGULARIS_API std::vector<Deadline> deadlines_of(const Case& c);

/// Folds a case's events (in sequence order) into its state. Does not check
/// the chain (see verify()). An empty list gives a Case with version 0 and
/// state "".
REGULARIS_API Case fold(const CaseId& id, const std::vector<RecordedEvent>& events);
/// Applies one more event to a folded case.
REGULARIS_API void apply_event(Case& c, const RecordedEvent& e);

/// The projection row of a case: what queries filter and sort on.
struct CaseSummary {
  std::string case_id;
  std::string programme;
  std::string state;
  std::uint64_t version = 0;
  std::string outcome;  ///< "" before a decision
  /// The evidence due date while awaited; after an approval, the last day
  /// to file the follow-on (follow_on_closes), else the day the granted
  /// status expires (grant_expires).
  std::optional<Date> next_deadline;
  Instant opened_at;
  Instant updated_at;
  std::string head_hash;
  /// The case this one follows ("" when none). Every store keeps it
  /// (SqliteStore and PostgresStore since schema version 3).
  std::string linked_case;
  /// When the last decision was recorded (none before one). Every store
  /// keeps it (SqliteStore and PostgresStore since schema version 4).
  std::optional<Instant> decided_at;

  friend bool operator==(const CaseSummary& a, const CaseSummary& b);
};

/// Advances a summary by one event (the store calls it for each appended event).
///
///     CaseSummary s;            // empty: no case yet
///     for (auto& e : events) advance(s, e);
REGULARIS_API void advance(CaseSummary& s, const RecordedEvent& e);
/// The summary of a folded case (the same as advancing over its events).
REGULARIS_API CaseSummary summarise(const Case& c);

}  // namespace regularis
