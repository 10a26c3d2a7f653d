// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The fold of a case's events into a Case, with the application the engine
// reads rebuilt after each event (nlohmann merge patches and arrays), and the
// projection summary the store keeps, advanced event by event.
//
// JSON numbers with a fraction pass through a double on the way and are
// written back in their shortest form: 64.58 stays 64.58 (any decimal of up to
// 15 significant digits keeps its value), 64.50 becomes 64.5. check_event()
// refuses data with a number a double cannot keep, so none changes here.
// Amounts given as strings, as the application format prefers, are copied
// untouched.
#include "regularis/cases/case.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace regularis {
namespace {

using nlohmann::json;

json parse_object(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return json::object();
  return j;
}

void append_all(json& app, const char* key, const std::vector<json>& items) {
  if (items.empty()) return;
  json& list = app[key];
  if (!list.is_array()) list = json::array();
  for (const auto& item : items) list.push_back(item);
}

void rebuild_application(Case& c) {
  json app = parse_object(c.facts);
  if (!app.contains("format")) app["format"] = "regularis.application/1";
  if (!app.contains("id")) app["id"] = c.id.str();
  if (!app.contains("programme") && !c.programme.empty()) app["programme"] = c.programme;
  std::vector<json> documents;
  for (const auto& d : c.documents) {
    if (d.status == CaseDocument::Status::rejected) continue;
    json doc = parse_object(d.data);
    if (d.status == CaseDocument::Status::verified) doc["verified"] = true;
    documents.push_back(std::move(doc));
  }
  append_all(app, "documents", documents);
  std::vector<json> payments, waivers;
  for (const auto& p : c.payments) payments.push_back(parse_object(p));
  for (const auto& w : c.waivers) waivers.push_back(parse_object(w));
  append_all(app, "payments", payments);
  append_all(app, "waivers", waivers);
  if (c.submitted_at) app["filed_at"] = c.submitted_at->to_string();
  c.application = app.dump();
}

CaseDocument* find_document(Case& c, const std::string& id) {
  for (auto& d : c.documents)
    if (d.id == id) return &d;
  return nullptr;
}

/// After an approval: the last day to file the follow-on, else the expiry.
std::optional<Date> grant_deadline(const std::vector<Deadline>& deadlines) {
  std::optional<Date> expires;
  for (const Deadline& d : deadlines) {
    if (d.id == "follow_on_closes") return d.date;
    if (d.id == "grant_expires") expires = d.date;
  }
  return expires;
}

}  // namespace

void apply_event(Case& c, const RecordedEvent& r) {
  const Event& e = r.event;
  switch (e.kind) {
    case EventKind::opened:
      c.programme = e.programme;
      c.opened_at = e.at;
      c.facts = e.data;
      c.linked_case = e.linked_case;
      break;
    case EventKind::facts_amended: {
      json facts = parse_object(c.facts);
      facts.merge_patch(parse_object(e.data));
      c.facts = facts.dump();
      break;
    }
    case EventKind::document_added:
      if (CaseDocument* d = find_document(c, e.document_id)) {
        d->data = e.data;
        d->status = CaseDocument::Status::added;
        d->reasons.clear();
      } else {
        c.documents.push_back({e.document_id, e.data, CaseDocument::Status::added, {}});
      }
      break;
    case EventKind::document_verified:
      if (CaseDocument* d = find_document(c, e.document_id)) {
        d->status = CaseDocument::Status::verified;
        d->reasons.clear();
      }
      break;
    case EventKind::document_rejected:
      if (CaseDocument* d = find_document(c, e.document_id)) {
        d->status = CaseDocument::Status::rejected;
        d->reasons = e.reasons;
      }
      break;
    case EventKind::fee_paid:
      c.payments.push_back(e.data);
      break;
    case EventKind::fee_waived:
      c.waivers.push_back(e.data);
      break;
    case EventKind::submitted:
      c.submitted_at = e.at;
      c.submitted_by = e.actor;
      break;
    case EventKind::evidence_requested:
      c.evidence_due = e.due;
      break;
    case EventKind::evidence_received:
    case EventKind::withdrawn:
    case EventKind::closed:
      c.evidence_due.reset();
      break;
    case EventKind::decided:
      c.evidence_due.reset();
      c.outcome = e.outcome;
      c.reasons = e.reasons;
      c.programme_version = e.programme_version;
      c.decided_by = e.actor;
      c.decided_at = e.at;
      if (e.outcome == "approved") c.grant_deadlines = e.deadlines;
      break;
    case EventKind::appealed:
      ++c.appeals;
      break;
    case EventKind::review_started:
    case EventKind::note_added:
    case EventKind::step_completed:
      break;
  }
  if (!e.state.empty()) c.state = e.state;
  c.version = r.sequence;
  c.head_hash = r.hash;
  c.updated_at = e.at;
  rebuild_application(c);
}

Case fold(const CaseId& id, const std::vector<RecordedEvent>& events) {
  Case c(id);
  for (const auto& e : events) apply_event(c, e);
  return c;
}

bool operator==(const CaseSummary& a, const CaseSummary& b) {
  return a.case_id == b.case_id && a.programme == b.programme && a.state == b.state &&
         a.version == b.version && a.outcome == b.outcome && a.next_deadline == b.next_deadline &&
         a.opened_at == b.opened_at && a.updated_at == b.updated_at && a.head_hash == b.head_hash &&
         a.linked_case == b.linked_case && a.decided_at == b.decided_at;
}

std::vector<Deadline> deadlines_of(const Case& c) {
  std::vector<Deadline> out;
  if (c.evidence_due) out.push_back({"evidence_due", *c.evidence_due, ""});
  out.insert(out.end(), c.grant_deadlines.begin(), c.grant_deadlines.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const Deadline& a, const Deadline& b) { return a.date < b.date; });
  return out;
}

void advance(CaseSummary& s, const RecordedEvent& r) {
  const Event& e = r.event;
  s.case_id = r.case_id;
  switch (e.kind) {
    case EventKind::opened:
      s.programme = e.programme;
      s.opened_at = e.at;
      s.linked_case = e.linked_case;
      break;
    case EventKind::evidence_requested:
      s.next_deadline = e.due;
      break;
    case EventKind::decided:
      s.outcome = e.outcome;
      s.decided_at = e.at;
      s.next_deadline = e.outcome == "approved" ? grant_deadline(e.deadlines) : std::nullopt;
      break;
    case EventKind::evidence_received:
    case EventKind::withdrawn:
    case EventKind::closed:
      // An approved case keeps its grant's deadline (closing the file does
      // not stop the residence from expiring).
      if (s.outcome != "approved") s.next_deadline.reset();
      break;
    default:
      break;
  }
  if (!e.state.empty()) s.state = e.state;
  s.version = r.sequence;
  s.head_hash = r.hash;
  s.updated_at = e.at;
}

CaseSummary summarise(const Case& c) {
  CaseSummary s;
  s.case_id = c.id.str();
  s.programme = c.programme;
  s.state = c.state;
  s.version = c.version;
  s.outcome = c.outcome;
  s.next_deadline = c.evidence_due;
  if (!s.next_deadline && c.outcome == "approved")
    s.next_deadline = grant_deadline(c.grant_deadlines);
  s.linked_case = c.linked_case;
  s.decided_at = c.decided_at;
  s.opened_at = c.opened_at;
  s.updated_at = c.updated_at;
  s.head_hash = c.head_hash;
  return s;
}

}  // namespace regularis
