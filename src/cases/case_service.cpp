// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// CaseService: load and fold the case, let the lifecycle decide on the event
// (guards see the case as it would be after it), record the decision's
// evaluation receipt on `decided` and, on an approval, the grant's dates
// (from the engine for a grant running from the filing date, from the
// decision's local date for one running from the decision), and append with
// the version loaded so that a concurrent writer makes this call fail rather
// than be overwritten. The dates are sealed into the decided event, so a
// replay of the log gives them back without the programme. due_date counts
// an office's period (evidence due "in 30 business days") from the same
// local date, on the programme's holiday calendar; the host puts the date it
// gives into the event.
#include "regularis/cases/case_service.hpp"

#include "core/log_internal.hpp"

namespace regularis {
namespace {

std::string summary_of(const Evaluation& e) {
  std::string out(to_string(e.outcome));
  for (std::size_t i = 0; i < e.reasons.size(); ++i) out += (i == 0 ? ": " : "; ") + e.reasons[i];
  return out;
}

/// The local date of an instant in the programme's zone: the day a decision
/// is dated on (grant_dates) and the day an office's period counts from
/// (due_date).
Date local_date_in(const Programme& p, Instant t) { return p.time_zone().local_date(t); }

/// The version of `p` the evaluation used: the one in force on its filing
/// date, as the engine chose it (nullptr when none was).
const ProgrammeVersion* version_used(const Programme& p, const Evaluation& e) {
  if (e.version.empty() || !e.filing_date) return nullptr;
  const ProgrammeVersion* v = p.version_in_force(*e.filing_date);
  return v != nullptr && v->label() == e.version ? v : nullptr;
}

/// The dates an approval starts. A grant running from the filing date has
/// them in the evaluation that allowed it (the engine computes them); a
/// grant running from the decision (`validity_from: decision`) runs from the
/// local date of `decided_at` in the programme's zone, with the same ids,
/// follow-on programme and order as the engine's.
std::vector<Deadline> grant_dates(const Programme& p, const Evaluation& e, Instant decided_at) {
  std::vector<Deadline> out;
  for (const Deadline& d : e.deadlines)
    if (d.id == "grant_expires" || d.id == "follow_on_opens" || d.id == "follow_on_closes")
      out.push_back(d);
  const ProgrammeVersion* v = version_used(p, e);
  if (!out.empty() || v == nullptr) return out;
  const std::optional<Grant>& grant = v->grant;
  if (!grant || grant->validity_from != "decision") return out;
  return grant_deadlines(*grant, local_date_in(p, decided_at));
}

}  // namespace

Date due_date(const Programme& programme, Instant from, const DeadlineRule& period) {
  const Date start = local_date_in(programme, from);
  if (const HolidayCalendar* calendar = programme.calendar())
    return apply(period, start, *calendar);
  if (period.unit() == DeadlineRule::Unit::business_days || period.roll() != Roll::unchanged)
    throw UsageError("cases.no_calendar",
                     "programme " + programme.id() +
                         " names no holiday calendar (`calendar:` in its file), so \"" +
                         period.to_string() + "\" cannot be counted");
  // Calendar days and the end of a month without a roll never ask the
  // calendar which days are business days.
  static const HolidayCalendar kNoHolidays;
  return apply(period, start, kNoHolidays);
}

Date CaseService::due_date(const CaseId& id, Instant from, const DeadlineRule& period) const {
  const std::optional<Case> c = load(id);
  if (!c) throw UsageError("cases.unknown_case", "no case \"" + id.str() + "\"");
  const Programme* p = programme(c->programme);
  if (p == nullptr)
    throw UsageError("cases.unknown_programme", "case \"" + id.str() + "\" follows programme " +
                                                    c->programme + ", which this service lacks");
  return regularis::due_date(*p, from, period);
}

std::string CaseService::check_link(const Event& opened) const {
  auto linked_id = CaseId::parse(opened.linked_case);
  if (!linked_id) return "the linked case: " + linked_id.error();
  const std::vector<RecordedEvent> events = store_.load(*linked_id);
  if (events.empty()) return "no case \"" + opened.linked_case + "\" to follow";
  const Case linked = fold(*linked_id, events);
  if (linked.outcome != "approved")
    return "case \"" + opened.linked_case + "\" was not approved, so no case can follow it";
  for (const Deadline& d : linked.grant_deadlines)
    if (!d.programme.empty() && d.programme != opened.programme)
      return "case \"" + opened.linked_case + "\" (" + linked.programme + ") is followed by " +
             d.programme + ", not " + opened.programme;
  return "";
}

CaseService::CaseService(EventLog& store, std::vector<const Programme*> programmes,
                         Lifecycle lifecycle, Guards guards)
    : store_(store),
      programmes_(std::move(programmes)),
      lifecycle_(std::move(lifecycle)),
      guards_(std::move(guards)) {
  std::string missing;
  for (const auto& t : lifecycle_.rows())
    if (!t.guard.empty() && !guards_.has(t.guard))
      missing += (missing.empty() ? "" : ", ") + t.guard;
  if (!missing.empty())
    throw UsageError("cases.unknown_guard", "the lifecycle names unregistered guards: " + missing);
  for (const Programme* p : programmes_) {
    if (p == nullptr || p->lifecycle() == nullptr) continue;
    LifecycleBuild built = lifecycle_of(*p, guards_);
    if (!built.lifecycle)
      throw UsageError("cases.bad_lifecycle", "the lifecycle of programme " + p->id() + " is wrong",
                       built.diagnostics);
    own_.emplace(p->id(), std::move(*built.lifecycle));
  }
}

const Lifecycle& CaseService::lifecycle_for(const std::string& programme_id) const noexcept {
  auto it = own_.find(programme_id);
  return it == own_.end() ? lifecycle_ : it->second;
}

const Programme* CaseService::programme(const std::string& id) const noexcept {
  for (const Programme* p : programmes_)
    if (p != nullptr && p->id() == id) return p;
  return nullptr;
}

ApplyResult CaseService::open(const CaseId& id, const Event& opened) {
  return apply(id, opened, 0);
}

ApplyResult CaseService::apply(const CaseId& id, const Event& e,
                               std::optional<std::uint64_t> expected_version) {
  const std::vector<RecordedEvent> events = store_.load(id);
  std::optional<Case> before;
  if (!events.empty()) before = fold(id, events);
  const std::uint64_t version = before ? before->version : 0;
  if (expected_version && *expected_version != version)
    throw ConflictError("store.conflict", "case \"" + id.str() + "\" is at version " +
                                              std::to_string(version) + ", not " +
                                              std::to_string(*expected_version));
  ApplyResult out;
  if (before) out.after = before;
  if (std::string why = check_event(e); !why.empty()) {
    out.rejection = Rejection{"cases.bad_event", why, ""};
    return out;
  }
  const Programme* p = programme(before ? before->programme : e.programme);
  if (!before && e.kind == EventKind::opened && p == nullptr) {
    out.rejection =
        Rejection{"cases.unknown_programme", "no programme \"" + e.programme + "\" is known", ""};
    return out;
  }

  if (!before && !e.linked_case.empty()) {
    if (std::string why = check_link(e); !why.empty()) {
      out.rejection = Rejection{"cases.bad_link", why, ""};
      return out;
    }
  }

  Event candidate = e;
  candidate.state.clear();
  Case tentative = before ? *before : Case(id);
  apply_event(tentative,
              seal(id, version + 1, before ? before->head_hash : genesis_hash(), candidate));
  const Case* current = before ? &*before : nullptr;
  GuardContext context(current, tentative, candidate, p, &engine_);
  const Lifecycle& lifecycle = lifecycle_for(before ? before->programme : e.programme);
  TransitionCheck verdict = lifecycle.check(current, candidate, context, guards_);
  if (!verdict.accepted()) {
    detail::log().info("case {}: {} rejected ({})", id.str(), to_string(e.kind),
                       verdict.rejection->code);
    out.rejection = verdict.rejection;
    return out;
  }
  candidate.state = verdict.to;
  if (candidate.kind == EventKind::decided) {
    if (const Evaluation* evaluation = context.evaluation()) {
      if (candidate.programme_version.empty()) candidate.programme_version = evaluation->version;
      if (candidate.evaluation_summary.empty())
        candidate.evaluation_summary = summary_of(*evaluation);
      if (candidate.outcome == "approved" && candidate.deadlines.empty() && p != nullptr)
        candidate.deadlines = grant_dates(*p, *evaluation, candidate.at);
    }
  }
  std::vector<RecordedEvent> recorded = store_.append(id, version, {candidate});
  Case after = before ? *before : Case(id);
  apply_event(after, recorded.front());
  out.recorded = recorded.front();
  out.after = std::move(after);
  return out;
}

std::optional<Case> CaseService::load(const CaseId& id) const {
  const std::vector<RecordedEvent> events = store_.load(id);
  if (events.empty()) return std::nullopt;
  return fold(id, events);
}

std::vector<RecordedEvent> CaseService::history(const CaseId& id) const { return store_.load(id); }

ChainCheck CaseService::verify(const CaseId& id) const { return store_.verify(id); }

}  // namespace regularis
