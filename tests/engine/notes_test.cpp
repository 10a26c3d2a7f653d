// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The notes on documents and fees as codes and values (Note, `coded_notes`),
// which hosts render in their own language, next to the English sentences
// of `notes`: one note of each kind, with the paths, document types,
// expressions and amounts it names, and the two lists kept in step. Uses
// tests/engine/data/notes.yaml, a test programme, not law.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "regularis/engine/engine.hpp"
#include "regularis/programme/load.hpp"

using namespace regularis;
using nlohmann::json;

namespace {

const Programme& notes_programme() {
  static const Programme p = load_programme_file("tests/engine/data/notes.yaml");
  return p;
}

Evaluation evaluate(const json& record) {
  return Engine{}.evaluate(notes_programme(), read_application(record.dump()), {});
}

/// A child without an id whose `applying` is unknown; a passport not
/// verified, an identity card expired before the filing date, a lease dated
/// after the cutoff and one that shows no date; nothing paid.
json application() {
  return json::parse(R"({"format": "regularis.application/1", "id": "N-1", "filed_at": "2022-03-01",
    "applicant": {"present_at_filing": true},
    "dependants": [{"relationship": "child"}],
    "documents": [{"type": "passport", "verified": false},
                  {"type": "national_identity_card", "expires_on": "2022-02-28"},
                  {"type": "lease", "shows_date": "2021-05-01"},
                  {"type": "lease"}],
    "payments": []})");
}

/// A note as one line, so that a failed check shows every field:
/// "code | path, path | type | expression | amount".
std::string line(const Note& n) {
  std::string paths;
  for (const auto& p : n.paths) paths += (paths.empty() ? "" : ", ") + p;
  return std::string(to_string(n.code)) + " | " + paths + " | " + n.document_type + " | " +
         n.expression + " | " + (n.amount ? n.amount->to_string() : "-");
}

template <class Result>
std::vector<std::string> lines(const Result& r) {
  std::vector<std::string> out;
  for (const Note& n : r.coded_notes) out.push_back(line(n));
  return out;
}

template <class Result>
const Result& by_id(const std::vector<Result>& results, const std::string& id) {
  auto it =
      std::find_if(results.begin(), results.end(), [&](const Result& r) { return r.id == id; });
  REQUIRE(it != results.end());
  return *it;
}

}  // namespace

TEST_CASE("notes on documents: each has its code and the values it names",
          "[engine][notes][documents]") {
  const Evaluation e = evaluate(application());
  REQUIRE(e.outcome == Outcome::incomplete);

  const DocumentResult& identity = by_id(e.documents, "identity_document");
  CHECK(lines(identity) ==
        std::vector<std::string>{
            "not_verified | documents[0] | passport |  | -",
            "expired_before_filing | documents[1] | national_identity_card |  | -"});
  CHECK(identity.notes ==
        std::vector<std::string>{
            "documents[0] (passport): not verified",
            "documents[1] (national_identity_card): expired before the filing date"});

  const DocumentResult& entry = by_id(e.documents, "proof_of_entry");
  CHECK(lines(entry) ==
        std::vector<std::string>{
            "condition_not_met | documents[2] | lease | document.shows_date <= entry_cutoff | -",
            "condition_unknown | documents[3] | lease | document.shows_date <= entry_cutoff | -"});
  CHECK(entry.notes ==
        std::vector<std::string>{
            "documents[2] (lease): does not satisfy document.shows_date <= entry_cutoff",
            "documents[3] (lease): cannot show document.shows_date <= entry_cutoff"});

  const DocumentResult& relationship = by_id(e.documents, "relationship_evidence");
  CHECK(lines(relationship) ==
        std::vector<std::string>{"required_if |  |  | any(d in dependants: d.applying) | -"});
  CHECK(relationship.notes ==
        std::vector<std::string>{"required if any(d in dependants: d.applying)"});

  const DocumentResult& child = by_id(e.documents, "dependant_identity_document");
  CHECK(child.holder == "dependants[0]");
  CHECK(lines(child) == std::vector<std::string>{"required_if_applying | dependants[0] |  |  | -",
                                                 "holder_unknown | dependants[0] |  |  | -"});
  CHECK(child.notes ==
        std::vector<std::string>{"required if dependants[0] applies",
                                 "cannot be checked yet: dependants[0] has no id for its documents "
                                 "to name as holder"});
}

TEST_CASE("notes on fees: the other amount, or none due, and every dependant undecided",
          "[engine][notes][fees]") {
  json a = application();
  const Evaluation one = evaluate(a);
  const FeeResult& application_fee = by_id(one.fees, "application");
  CHECK(lines(application_fee) ==
        std::vector<std::string>{"amount_if_applying | dependants[0] |  |  | 550 EUR"});
  CHECK(application_fee.notes ==
        std::vector<std::string>{"the amount if dependants[0] applies; 550 EUR if not"});
  const FeeResult& card = by_id(one.fees, "dependant_card");
  CHECK(lines(card) == std::vector<std::string>{"amount_if_applying | dependants[0] |  |  | -"});
  CHECK(card.notes ==
        std::vector<std::string>{"the amount if dependants[0] applies; not due if not"});

  a["dependants"].push_back({{"id", "p1"}, {"relationship", "partner"}, {"applying", false}});
  a["dependants"].push_back({{"id", "c2"}, {"relationship", "child"}});
  a["dependants"].push_back({{"id", "c3"}, {"relationship", "child"}});
  const Evaluation three = evaluate(a);
  CHECK(lines(by_id(three.fees, "application")) ==
        std::vector<std::string>{
            "amount_if_applying | dependants[0], dependants[2], dependants[3] |  |  | 550 EUR"});
  CHECK(by_id(three.fees, "application").notes ==
        std::vector<std::string>{"the amount if dependants[0], dependants[2] and dependants[3] "
                                 "apply; 550 EUR if none of them does"});
}

TEST_CASE("without notes, no coded notes: the two lists stay in step", "[engine][notes]") {
  json a = application();
  a["dependants"] = json::array();
  a["documents"] =
      json::array({{{"type", "passport"}}, {{"type", "lease"}, {"shows_date", "2019-05-01"}}});
  const Evaluation e = evaluate(a);
  for (const DocumentResult& d : e.documents) {
    CHECK(d.notes.empty());
    CHECK(d.coded_notes.empty());
  }
  for (const FeeResult& f : e.fees) CHECK(f.coded_notes.empty());
  const Evaluation noted = evaluate(application());
  for (const DocumentResult& d : noted.documents) CHECK(d.coded_notes.size() == d.notes.size());
  for (const FeeResult& f : noted.fees) CHECK(f.coded_notes.size() == f.notes.size());
}

TEST_CASE("note codes are stable strings", "[engine][notes]") {
  CHECK(to_string(NoteCode::required_if) == "required_if");
  CHECK(to_string(NoteCode::required_if_applying) == "required_if_applying");
  CHECK(to_string(NoteCode::holder_unknown) == "holder_unknown");
  CHECK(to_string(NoteCode::not_verified) == "not_verified");
  CHECK(to_string(NoteCode::expired_before_filing) == "expired_before_filing");
  CHECK(to_string(NoteCode::condition_not_met) == "condition_not_met");
  CHECK(to_string(NoteCode::condition_unknown) == "condition_unknown");
  CHECK(to_string(NoteCode::amount_if_applying) == "amount_if_applying");
}
