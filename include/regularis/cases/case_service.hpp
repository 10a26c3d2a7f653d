// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// CaseService: the lifecycle, the engine and a store (any EventLog, such as
// a CaseStore) working together. It
// opens cases, applies events (checks the event, the table, the role, four
// eyes and the guard against the case as loaded, then appends with the
// version it loaded, so a concurrent change is a ConflictError rather than
// a lost update), loads a case (a fold over its events), gives its history
// and verifies its chain. A rejected event writes nothing. A programme with
// its own lifecycle (`lifecycle:` in its file) has its cases follow it; the
// others follow the service's default. An approval records the grant's
// dates (expiry, follow-on window): the engine's for a grant running from
// the filing date; for one running from the decision (`validity_from:
// decision`), the decision's local date in the programme's zone plus the
// validity of the version in force on the filing date. A case opened with
// a linked case must follow an approved one. The due date of a period an
// office sets ("30 business days" for evidence) counts from the same local
// date, on the programme's holiday calendar (due_date).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "regularis/calendar/deadline.hpp"
#include "regularis/cases/case.hpp"
#include "regularis/cases/case_id.hpp"
#include "regularis/cases/event.hpp"
#include "regularis/cases/event_log.hpp"
#include "regularis/cases/lifecycle.hpp"
#include "regularis/core/date.hpp"
#include "regularis/core/instant.hpp"
#include "regularis/engine/engine.hpp"
#include "regularis/export.hpp"
#include "regularis/programme/programme.hpp"

namespace regularis {

/// The result of applying an event: the event as recorded and the case
/// after it, or why not (then `recorded` is empty and `after` is the case as
/// it stands, empty when there is none).
struct ApplyResult {
  std::optional<Rejection> rejection;
  std::optional<RecordedEvent> recorded;
  std::optional<Case> after;
  bool accepted() const noexcept { return !rejection.has_value(); }
};

/// Cases on top of a store. Holds references: the store and the programmes
/// must outlive it. Safe to use from several threads when the
/// store is.
///
///     SqliteStore store("cases.db");
///     CaseService cases(store, {&br_2009});
///     Event e = make_event(EventKind::opened, "clerk-1", "clerk", now);
///     e.programme = "br-2009";
///     e.data = application_json;
///     ApplyResult r = cases.open(*CaseId::parse("BR-1"), e);
///     r = cases.apply(*CaseId::parse("BR-1"), submitted);
///     if (!r.accepted()) std::cout << r.rejection->message;
class REGULARIS_API CaseService {
 public:
  /// Throws UsageError (cases.unknown_guard) when the lifecycle names a
  /// guard `guards` lacks, and (cases.bad_lifecycle, carrying the
  /// diagnostics of lifecycle_of()) when a programme's own lifecycle is wrong.
  CaseService(EventLog& store, std::vector<const Programme*> programmes,
              Lifecycle lifecycle = Lifecycle::standard(), Guards guards = Guards::standard());

  /// Opens a case with an `opened` event (the case must not exist: a
  /// ConflictError otherwise).
  /// With `opened.linked_case`, the case followed must exist, be approved
  /// and, when its approval names a follow-on programme, lead to this one
  /// (else a cases.bad_link rejection).
  ApplyResult open(const CaseId& id, const Event& opened);
  /// Applies an event to the case as stored now, or, with
  /// `expected_version`, only if the case is still at that version
  /// (ConflictError otherwise, as when another writer wins the append).
  ApplyResult apply(const CaseId& id, const Event& e,
                    std::optional<std::uint64_t> expected_version = std::nullopt);
  /// The case folded from its events; nullopt when there is none.
  std::optional<Case> load(const CaseId& id) const;
  std::vector<RecordedEvent> history(const CaseId& id) const;
  ChainCheck verify(const CaseId& id) const;

  /// due_date() for case `id`, under its programme. Throws UsageError:
  /// cases.unknown_case when there is no such case, cases.unknown_programme
  /// when its programme is not among this service's, cases.no_calendar as
  /// due_date() does.
  ///
  ///     Instant at = *Instant::parse("2009-10-09T18:30:00-03:00");
  ///     Event e = make_event(EventKind::evidence_requested, "clerk-1", "clerk", at);
  ///     e.due = cases.due_date(id, at, *DeadlineRule::parse("30 business days"));
  ///     cases.apply(id, e);
  Date due_date(const CaseId& id, Instant from, const DeadlineRule& period) const;

  /// The default lifecycle (for programmes without their own).
  const Lifecycle& lifecycle() const noexcept { return lifecycle_; }
  /// The lifecycle the cases of a programme follow: its own, else the default.
  const Lifecycle& lifecycle_for(const std::string& programme_id) const noexcept;
  /// The programme with this id, or nullptr.
  const Programme* programme(const std::string& id) const noexcept;

 private:
  /// Why a case cannot follow `opened.linked_case` ("" when it can).
  std::string check_link(const Event& opened) const;

  EventLog& store_;
  Engine engine_;
  std::vector<const Programme*> programmes_;
  Lifecycle lifecycle_;
  Guards guards_;
  std::map<std::string, Lifecycle, std::less<>> own_;  ///< programme id -> its lifecycle
};

/// The due date of a period counted from an instant, as an office sets it
/// for a case of `programme` (a request for evidence answered "within 30
/// business days"): the instant's local date in the programme's time zone
/// (the day CaseService dates a decision on), then `period` from that date
/// on the programme's holiday calendar (`calendar:` in its file), with the
/// rule's own counting of the first day and roll off a non-business day
/// (neither the programme nor a calendar sets a default; write ", next
/// business day" in the rule). A calendar period needs no calendar; a count
/// of business days or a roll does, and without one this throws UsageError
/// (cases.no_calendar) rather than guess which days are holidays.
///
///     // Friday 9 October 2009, 21:30 in Sao Paulo (already the 10th in UTC);
///     // Monday 12 October is a national holiday in examples/calendars/br.yaml
///     Instant at = *Instant::parse("2009-10-10T00:30:00Z");
///     due_date(p, at, *DeadlineRule::parse("5 business days"));              // 2009-10-19
///     due_date(p, at, *DeadlineRule::parse("30 days"));                      // 2009-11-08
///     due_date(p, at, *DeadlineRule::parse("30 days, next business day"));   // 2009-11-09
REGULARIS_API Date due_date(const Programme& programme, Instant from, const DeadlineRule& period);

}  // namespace regularis
