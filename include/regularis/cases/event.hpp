// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Case events and the audit hash chain. A case is its event log: each Event
// says who did what, in which role, when (an instant the host passes in; the
// library never reads the clock), and what the event carries. Sealing an
// event makes a RecordedEvent: its sequence number in the case, its
// canonical serialisation (sorted keys, no whitespace) and the SHA-256 of
// that text, which includes the previous event's hash. verify() recomputes
// the chain and names the first event that was edited, deleted or moved.
// The store (regularis/store) keeps RecordedEvents; the lifecycle
// (lifecycle.hpp) decides which events a case accepts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regularis/cases/case_id.hpp"
#include "regularis/core/date.hpp"
#include "regularis/core/instant.hpp"
#include "regularis/core/parsed.hpp"
#include "regularis/engine/evaluation.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// What happened to a case.
enum class EventKind {
  opened,              ///< programme, data = the application (a JSON object), linked_case
  facts_amended,       ///< data = an RFC 7386 merge patch of the application
  document_added,      ///< document_id, data = the document (application format)
  document_verified,   ///< document_id
  document_rejected,   ///< document_id, reasons
  fee_paid,            ///< data = the payment (application format)
  fee_waived,          ///< data = the waiver (application format)
  submitted,           ///< the filing: `at` becomes the application's filed_at
  review_started,      ///<
  evidence_requested,  ///< due (required), reasons = what is asked for
  evidence_received,   ///<
  decided,             ///< outcome, reasons, programme_version, evaluation_summary
  appealed,            ///< reasons
  withdrawn,           ///<
  closed,              ///<
  note_added,          ///< note
  /// The current step of a programme's own lifecycle is done; the table
  /// says which step follows (mu-ca-labour: health_assessment ->
  /// contract_and_travel). The standard lifecycle has no such row.
  step_completed,
};

/// "opened", "facts_amended", ... (the names used in lifecycle tables).
REGULARIS_API std::string_view to_string(EventKind kind) noexcept;
/// The kind named `name`. Error: `"decide" is not an event kind`.
REGULARIS_API Parsed<EventKind> parse_event_kind(std::string_view name);
/// Every kind, in declaration order.
REGULARIS_API const std::vector<EventKind>& all_event_kinds();

/// One event as a host proposes it. Which payload fields matter depends on
/// the kind (see EventKind); the others stay empty and are not serialised.
///
///     Event e = make_event(EventKind::evidence_requested, "clerk-17", "clerk",
///                          *Instant::parse("2009-09-01T10:00:00-03:00"));
///     e.due = *Date::parse("2009-10-01");
///     e.reasons = {"proof_of_entry"};
struct Event {
  EventKind kind = EventKind::note_added;
  std::string actor;  ///< an account id ("clerk-17"), never a person's name
  std::string role;   ///< "applicant", "clerk", "supervisor", ...
  Instant at;         ///< when it happened, as given by the host
  /// The case's state after the event; CaseService sets it from the lifecycle.
  std::string state;

  std::string programme;    ///< opened: the programme id ("br-2009")
  std::string data;         ///< a JSON object as text (kept byte for byte)
  std::string document_id;  ///< document_added / _verified / _rejected
  std::optional<Date> due;  ///< evidence_requested
  std::string outcome;      ///< decided: "approved" or "refused"
  std::vector<std::string> reasons;
  std::string programme_version;   ///< decided: the version used ("2009-07-02")
  std::string evaluation_summary;  ///< decided: "eligible", "incomplete: proof_of_entry.missing"
  std::string note;                ///< free text, any kind
  /// opened: the case this one follows, e.g. the br-2009 case whose
  /// provisional residence a br-2009-permanent case converts.
  std::string linked_case;
  /// decided (approved): the dates the decision starts (grant_expires,
  /// follow_on_opens, follow_on_closes); CaseService fills them in, from the
  /// engine's evaluation for a grant running from the filing date, from the
  /// decision's local date (`at` in the programme's zone) for one running
  /// from the decision. Sealed with the event, so a replay needs no programme.
  std::vector<Deadline> deadlines;

  friend bool operator==(const Event& a, const Event& b);
  friend bool operator!=(const Event& a, const Event& b) { return !(a == b); }
};

/// An event with only its header set.
REGULARIS_API Event make_event(EventKind kind, std::string actor, std::string role, Instant at);

/// Why an event is malformed for its kind, or "" when it is well formed:
/// `evidence_requested needs a due date`, `decided needs an outcome, "approved" or "refused"`,
/// `the data of document_added is not a JSON object: ...`, `an event needs an actor`,
/// `only opened links a case`, `only decided(approved) carries deadlines`.
/// Data may not hold a number that a double cannot keep exactly (more than 15
/// significant digits): the case is folded through doubles, so such a number
/// would reach the engine changed. Write it as a string instead:
/// `the data of facts_amended: the number at applicant.income cannot be kept
/// exactly (...); write it as a string` (the path, never the value).
REGULARIS_API std::string check_event(const Event& e);

/// The hash before the first event: 64 zeros.
REGULARIS_API const std::string& genesis_hash();

/// An event as stored: sealed into its case's chain.
struct RecordedEvent {
  std::string case_id;
  std::uint64_t sequence = 0;  ///< 1 for the first event of a case
  Event event;
  std::string previous_hash;  ///< 64 hex digits; genesis_hash() for the first
  /// The canonical serialisation: a JSON object with sorted keys and no
  /// whitespace holding the case id, the sequence, the previous hash and
  /// every non-empty field of the event.
  std::string canonical;
  std::string hash;  ///< SHA-256 of `canonical`, 64 lower-case hex digits
};

/// Seals an event as number `sequence` of a case whose last hash is
/// `previous_hash`.
///
///     RecordedEvent r1 = seal(id, 1, genesis_hash(), opened);
///     RecordedEvent r2 = seal(id, 2, r1.hash, submitted);
REGULARIS_API RecordedEvent seal(const CaseId& id, std::uint64_t sequence,
                                 const std::string& previous_hash, const Event& e);

/// Reads a stored canonical text back (the store's load). Fails when the text
/// is not an event: `not JSON: ...`, `"kind" is missing`, ...
REGULARIS_API Parsed<RecordedEvent> parse_recorded(std::string_view canonical, std::string hash);

/// The result of verifying a chain.
struct ChainCheck {
  bool ok = true;
  /// 1-based position in the list of the first broken event (0 when ok).
  std::uint64_t first_broken = 0;
  /// `event 2: its content does not match its hash (edited)`,
  /// `event 2: carries sequence 3 (an event is missing or out of order)`,
  /// `event 3: does not follow event 2 (previous hash differs)`.
  std::string reason;
};

/// Recomputes the chain of one case's events, in the order given (the
/// store's order): each text must be canonical and hash to its hash, the
/// fields must be those of the text, the sequence must be the position, and
/// each previous hash must be the hash before it.
///
///     ChainCheck c = verify(store.load(id));
///     if (!c.ok) std::cerr << c.reason;
REGULARIS_API ChainCheck verify(const std::vector<RecordedEvent>& events);

}  // namespace regularis
