// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Example 03: a case from intake to decision. A br-2009 case is opened in a
// SQLite case store, submitted, reviewed and approved through CaseService;
// a clerk's attempt to decide is refused by the lifecycle's rule; the
// approval records when the provisional residence expires and when the
// conversion to permanent residence may be requested; the hash chain is
// verified. Built and run as a test (arguments: the examples folder and
// the store file to create).
#include <cstdio>
#include <iostream>

#include <regularis/regularis.hpp>

using namespace regularis;

namespace {

Event event(EventKind kind, const char* actor, const char* role, const char* at) {
  return make_event(kind, actor, role, Instant::parse(at).value());
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : "examples";
  const std::string file = argc > 2 ? argv[2] : "example-03.db";
  std::remove(file.c_str());  // start from an empty store

  Programme br = load_programme_file(dir + "/programmes/br-2009.yaml");
  SqliteStore store(file);
  CaseService cases(store, {&br});
  const CaseId id = CaseId::parse("BR-2009-000123").value();

  Event opened = event(EventKind::opened, "clerk-1", "clerk", "2009-08-01T10:00:00-03:00");
  opened.programme = "br-2009";
  opened.data = R"({"applicant": {"nationalities": ["BO"], "entry_date": "2008-11-03",
    "entry_mode": "irregular", "present_at_filing": true,
    "criminal": {"pending_proceedings": false, "convictions": []},
    "prior_procedure": {"pending": false, "withdrawn": false}},
    "documents": [{"type": "application_form"}, {"type": "passport"},
      {"type": "no_criminal_record_declaration", "self_declared": true},
      {"type": "passport_entry_stamp", "shows_date": "2008-11-03"},
      {"type": "identity_card_fee_receipt"}, {"type": "registration_fee_receipt"}],
    "payments": [{"fee": "identity_card", "amount": "31.05", "currency": "BRL"},
                 {"fee": "registration", "amount": "64.58", "currency": "BRL"}],
    "declarations": {"no_criminal_record": true}})";
  cases.open(id, opened);
  cases.apply(id, event(EventKind::submitted, "clerk-1", "clerk", "2009-08-10T10:00:00-03:00"));
  cases.apply(id,
              event(EventKind::review_started, "clerk-2", "clerk", "2009-08-11T10:00:00-03:00"));

  // Only a supervisor decides: the lifecycle refuses a clerk and writes nothing.
  Event decision = event(EventKind::decided, "clerk-2", "clerk", "2009-09-01T10:00:00-03:00");
  decision.outcome = "approved";
  ApplyResult r = cases.apply(id, decision);
  if (!r.accepted()) std::cout << "refused: " << r.rejection->message << '\n';

  decision.actor = "sup-1";
  decision.role = "supervisor";
  r = cases.apply(id, decision);
  if (!r.accepted()) {
    std::cout << "refused: " << r.rejection->message << '\n';
    return 1;
  }
  const Case& c = *r.after;
  std::cout << c.id.str() << ": " << c.state << " (" << r.recorded->event.evaluation_summary
            << ", version " << c.programme_version << ")\n";
  for (const Deadline& d : deadlines_of(c))
    std::cout << "  " << d.date.to_string() << " " << d.id
              << (d.programme.empty() ? "" : " " + d.programme) << '\n';

  // The store's projection answers "what falls due soon?".
  CasePage soon = store.find(CaseQuery::due_within(Date::parse("2011-08-01").value(), 30));
  std::cout << soon.total << " case(s) due within 30 days of 2011-08-01\n";
  ChainCheck chain = cases.verify(id);
  std::cout << "chain of " << c.version << " events: " << (chain.ok ? "ok" : chain.reason) << '\n';
  return chain.ok ? 0 : 1;
}
