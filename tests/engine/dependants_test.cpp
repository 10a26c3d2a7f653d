// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Dependants the engine cannot place yet: one without an `id` (a document
// names its holder by id, so a per-dependant document cannot be checked and
// the id is asked for), one whose `applying` is unknown (per-dependant
// documents are required only if they apply, and fees whose amount depends
// on who applies are not taken as settled). `applying: true` and `false`
// behave as before. Uses tests/engine/data/dependants.yaml and fees.yaml,
// test programmes, not law.
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

const Programme& dependants_programme() {
  static const Programme p = load_programme_file("tests/engine/data/dependants.yaml");
  return p;
}

Evaluation evaluate(const json& record, const std::string& language = "") {
  EvaluationOptions options;
  options.language = language;
  return Engine{}.evaluate(dependants_programme(), read_application(record.dump()), options);
}

const FeeResult& fee(const Evaluation& e, const std::string& id) {
  auto it =
      std::find_if(e.fees.begin(), e.fees.end(), [&](const FeeResult& f) { return f.id == id; });
  REQUIRE(it != e.fees.end());
  return *it;
}

const DocumentResult& document(const Evaluation& e, const std::string& id,
                               const std::string& holder) {
  auto it = std::find_if(e.documents.begin(), e.documents.end(),
                         [&](const DocumentResult& d) { return d.id == id && d.holder == holder; });
  REQUIRE(it != e.documents.end());
  return *it;
}

bool has_document(const Evaluation& e, const std::string& id) {
  return std::any_of(e.documents.begin(), e.documents.end(),
                     [&](const DocumentResult& d) { return d.id == id; });
}

bool has_fee(const Evaluation& e, const std::string& id) {
  return std::any_of(e.fees.begin(), e.fees.end(), [&](const FeeResult& f) { return f.id == id; });
}

std::vector<std::string> missing(const Evaluation& e) {
  std::vector<std::string> facts;
  for (const auto& m : e.missing) facts.push_back(m.fact);
  return facts;
}

const MissingFact& missing_fact(const Evaluation& e, const std::string& fact) {
  auto it = std::find_if(e.missing.begin(), e.missing.end(),
                         [&](const MissingFact& m) { return m.fact == fact; });
  REQUIRE(it != e.missing.end());
  return *it;
}

bool contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

/// A single applicant with everything in order: eligible.
json single() {
  return json::parse(R"({"format": "regularis.application/1", "id": "D-1", "filed_at": "2022-03-01",
    "applicant": {"present_at_filing": true},
    "dependants": [],
    "documents": [{"type": "passport"}],
    "payments": [{"fee": "application", "amount": "550", "currency": "EUR"}]})");
}

/// A family with one child applying, everything paid and provided.
json family() {
  json a = single();
  a["dependants"] = json::array({{{"id", "c1"}, {"relationship", "child"}, {"applying", true}}});
  a["documents"].push_back({{"type", "birth_certificate"}, {"holder", "c1"}});
  a["payments"] =
      json::array({{{"fee", "application"}, {"amount", "700"}, {"currency", "EUR"}},
                   {{"fee", "dependant_card"}, {"amount", "25.50"}, {"currency", "EUR"}}});
  return a;
}

}  // namespace

TEST_CASE("the test programme: a single applicant and a family in order are eligible",
          "[engine][dependants]") {
  const Evaluation alone = evaluate(single());
  CHECK(alone.outcome == Outcome::eligible);
  CHECK_FALSE(has_document(alone, "dependant_identity_document"));

  const Evaluation e = evaluate(family());
  CHECK(e.outcome == Outcome::eligible);
  CHECK(e.reasons.empty());
  CHECK(e.missing.empty());
  const DocumentResult& d = document(e, "dependant_identity_document", "c1");
  CHECK(d.status == DocumentStatus::provided);
  CHECK(d.notes.empty());
  CHECK(fee(e, "application").amount.to_string() == "700 EUR");
  CHECK(fee(e, "application").status == FeeStatus::paid);
  CHECK(fee(e, "application").notes.empty());
  CHECK(fee(e, "dependant_card").status == FeeStatus::paid);
}

TEST_CASE("a dependant without an id: the per-dependant document waits for the id",
          "[engine][dependants][holder]") {
  json a = family();
  a["dependants"][0].erase("id");
  a["documents"] = json::array({{{"type", "passport"}}});  // no document can name the child
  const Evaluation e = evaluate(a);
  CHECK(e.outcome == Outcome::incomplete);
  CHECK(missing(e) == std::vector<std::string>{"dependants[0].id"});
  CHECK(e.reasons ==
        std::vector<std::string>{"dependants.id.unknown", "dependant_identity_document.missing"});

  const DocumentResult& d = document(e, "dependant_identity_document", "dependants[0]");
  CHECK(d.status == DocumentStatus::missing);
  CHECK(d.notes == std::vector<std::string>{"cannot be checked yet: dependants[0] has no id for "
                                            "its documents to name as holder"});
  // The applicant's own passport does not count for the child.
  CHECK(document(e, "identity_document", "").status == DocumentStatus::provided);

  // The programme's question for `dependants` asks for it, in the person's language.
  CHECK(missing_fact(e, "dependants[0].id").question ==
        "Who applies with you? For each family member, an id, the relationship and whether they "
        "apply.");
  CHECK(missing_fact(evaluate(a, "pt"), "dependants[0].id").question ==
        "Quem faz o pedido com você? Para cada familiar, um identificador, o parentesco e se faz "
        "o pedido.");
}

TEST_CASE("the same dependant with an id and the document held by it: provided",
          "[engine][dependants][holder]") {
  json a = family();
  const Evaluation e = evaluate(a);
  CHECK(document(e, "dependant_identity_document", "c1").status == DocumentStatus::provided);
  CHECK(document(e, "dependant_identity_document", "c1").matched ==
        std::vector<std::string>{"birth_certificate"});
  CHECK(e.outcome == Outcome::eligible);

  // With the id but without the document, the document is simply missing: no question.
  a["documents"] = json::array({{{"type", "passport"}}});
  const Evaluation without = evaluate(a);
  CHECK(without.outcome == Outcome::incomplete);
  CHECK(without.missing.empty());
  CHECK(without.reasons == std::vector<std::string>{"dependant_identity_document.missing"});
  CHECK(document(without, "dependant_identity_document", "c1").notes.empty());
}

TEST_CASE("an empty dependant id does not make the applicant's documents the dependant's",
          "[engine][dependants][holder]") {
  json a = family();
  a["dependants"][0]["id"] = "";
  a["documents"] = json::array({{{"type", "passport"}}});  // holder absent: the applicant's
  const Evaluation e = evaluate(a);
  CHECK(e.outcome == Outcome::incomplete);
  CHECK(document(e, "dependant_identity_document", "dependants[0]").status ==
        DocumentStatus::missing);
  CHECK(contains(missing(e), "dependants[0].id"));
}

TEST_CASE("applying unknown: the family fee is not settled with the single amount",
          "[engine][dependants][applying][fees]") {
  json a = family();
  a["dependants"][0].erase("applying");
  a["payments"] = json::array({{{"fee", "application"}, {"amount", "550"}, {"currency", "EUR"}}});
  const Evaluation e = evaluate(a);
  CHECK(e.outcome == Outcome::incomplete);
  CHECK(missing(e) == std::vector<std::string>{"dependants[0].applying"});
  CHECK(e.reasons == std::vector<std::string>{"dependants.applying.unknown",
                                              "application.partly_paid", "dependant_card.due"});

  const FeeResult& application = fee(e, "application");
  CHECK(application.status == FeeStatus::partly_paid);  // not "paid" with the single amount
  CHECK(application.amount.to_string() == "700 EUR");
  CHECK(application.paid.to_string() == "550 EUR");
  CHECK(application.notes ==
        std::vector<std::string>{"the amount if dependants[0] applies; 550 EUR if not"});
  const FeeResult& card = fee(e, "dependant_card");
  CHECK(card.status == FeeStatus::due);
  CHECK(card.amount.to_string() == "25.50 EUR");
  CHECK(card.notes ==
        std::vector<std::string>{"the amount if dependants[0] applies; not due if not"});

  // The document the child holds counts, so it raises no question of its own.
  const DocumentResult& d = document(e, "dependant_identity_document", "c1");
  CHECK(d.status == DocumentStatus::provided);
  CHECK(d.notes == std::vector<std::string>{"required if dependants[0] applies"});

  CHECK(missing_fact(e, "dependants[0].applying").question ==
        "Who applies with you? For each family member, an id, the relationship and whether they "
        "apply.");

  // null is unknown too.
  a["dependants"][0]["applying"] = nullptr;
  CHECK(missing(evaluate(a)) == std::vector<std::string>{"dependants[0].applying"});
}

TEST_CASE("applying unknown: a fee paid in full whoever applies needs no answer",
          "[engine][dependants][applying][fees]") {
  json a = family();  // 700 and 25.50 paid: the most either fee can be
  a["dependants"][0].erase("applying");
  const Evaluation e = evaluate(a);
  CHECK(fee(e, "application").status == FeeStatus::paid);
  CHECK(fee(e, "application").notes ==
        std::vector<std::string>{"the amount if dependants[0] applies; 550 EUR if not"});
  CHECK(fee(e, "dependant_card").status == FeeStatus::paid);
  CHECK(e.outcome == Outcome::eligible);  // the answer is the same either way
  CHECK(e.missing.empty());
}

TEST_CASE("applying unknown: the dependant's document is required only if they apply",
          "[engine][dependants][applying]") {
  json a = family();
  a["dependants"][0].erase("applying");
  a["documents"] = json::array({{{"type", "passport"}}});
  const Evaluation e = evaluate(a);
  CHECK(e.outcome == Outcome::incomplete);
  CHECK(missing(e) == std::vector<std::string>{"dependants[0].applying"});
  const DocumentResult& d = document(e, "dependant_identity_document", "c1");
  CHECK(d.status == DocumentStatus::missing);
  CHECK(d.notes == std::vector<std::string>{"required if dependants[0] applies"});
  CHECK(e.reasons == std::vector<std::string>{"dependants.applying.unknown",
                                              "dependant_identity_document.missing"});

  // Neither the id nor `applying`: both asked, `applying` first.
  a["dependants"][0].erase("id");
  const Evaluation both = evaluate(a);
  CHECK(missing(both) == std::vector<std::string>{"dependants[0].applying", "dependants[0].id"});
  CHECK(both.reasons == std::vector<std::string>{"dependants.applying.unknown",
                                                 "dependants.id.unknown",
                                                 "dependant_identity_document.missing"});
}

TEST_CASE("applying false and true are unchanged", "[engine][dependants][applying]") {
  json a = family();
  a["dependants"][0]["applying"] = false;
  a["documents"] = json::array({{{"type", "passport"}}});
  a["payments"] = json::array({{{"fee", "application"}, {"amount", "550"}, {"currency", "EUR"}}});
  const Evaluation no = evaluate(a);
  CHECK(no.outcome == Outcome::eligible);
  CHECK(fee(no, "application").amount.to_string() == "550 EUR");
  CHECK(fee(no, "application").status == FeeStatus::paid);
  CHECK(fee(no, "application").notes.empty());
  CHECK_FALSE(has_fee(no, "dependant_card"));
  CHECK_FALSE(has_document(no, "dependant_identity_document"));
  CHECK(no.missing.empty());

  // Not applying, and no id: nothing is asked about them.
  a["dependants"][0].erase("id");
  CHECK(evaluate(a).outcome == Outcome::eligible);

  a["dependants"][0]["id"] = "c1";
  a["dependants"][0]["applying"] = true;
  const Evaluation yes = evaluate(a);
  CHECK(yes.outcome == Outcome::incomplete);
  CHECK(yes.missing.empty());
  CHECK(fee(yes, "application").amount.to_string() == "700 EUR");
  CHECK(fee(yes, "application").status == FeeStatus::partly_paid);
  CHECK(fee(yes, "dependant_card").amount.to_string() == "25.50 EUR");
  CHECK(fee(yes, "dependant_card").status == FeeStatus::due);
  CHECK(document(yes, "dependant_identity_document", "c1").status == DocumentStatus::missing);
  CHECK(yes.reasons == std::vector<std::string>{"dependant_identity_document.missing",
                                                "application.partly_paid", "dependant_card.due"});
}

TEST_CASE("dependants' facts come after the criteria's, next question first",
          "[engine][dependants][order]") {
  json a = family();
  a["applicant"].erase("present_at_filing");
  a["dependants"] = json::array(
      {{{"relationship", "child"}, {"applying", true}},                    // no id
       {{"id", "c2"}, {"relationship", "child"}},                          // applying unknown
       {{"id", "c3"}, {"relationship", "parent"}, {"applying", false}}});  // not applying
  a["documents"] = json::array({{{"type", "passport"}}});
  a["payments"] = json::array({{{"fee", "application"}, {"amount", "700"}, {"currency", "EUR"}}});
  const Evaluation e = evaluate(a);
  CHECK(e.outcome == Outcome::incomplete);
  CHECK(missing(e) == std::vector<std::string>{"applicant.present_at_filing", "dependants[0].id",
                                               "dependants[1].applying"});
  CHECK(e.missing.front().decisive);
  // One dependant applies for sure: the family amount is due whatever c2 does.
  CHECK(fee(e, "application").status == FeeStatus::paid);
  CHECK(fee(e, "application").notes.empty());
  // The fee per dependant is for one or two of them.
  CHECK(fee(e, "dependant_card").amount.to_string() == "51.00 EUR");
  CHECK(fee(e, "dependant_card").notes ==
        std::vector<std::string>{"the amount if dependants[1] applies; 25.50 EUR if not"});
  CHECK(contains(e.reasons, "dependants.id.unknown"));
  CHECK(contains(e.reasons, "dependants.applying.unknown"));
  CHECK(contains(e.reasons, "present.unknown"));
}

TEST_CASE("without a programme question, the engine asks for a dependant's field itself",
          "[engine][dependants][question]") {
  static const Programme fees = load_programme_file("tests/engine/data/fees.yaml");
  REQUIRE(fees.question("dependants") == nullptr);
  const json a = json::parse(R"({"format": "regularis.application/1", "id": "F-2",
    "filed_at": "2022-03-01",
    "applicant": {"date_of_birth": "1990-01-01", "present_at_filing": true},
    "dependants": [{"id": "c1", "relationship": "child", "applying": true},
                   {"id": "c2", "relationship": "child"}],
    "payments": [{"fee": "application", "amount": "700", "currency": "EUR"}], "waivers": []})");
  EvaluationOptions options;
  const Evaluation e = Engine{}.evaluate(fees, read_application(a.dump()), options);
  CHECK(e.outcome == Outcome::incomplete);
  REQUIRE(missing(e) == std::vector<std::string>{"dependants[1].applying"});
  CHECK(e.missing[0].question == "Does family member 2 (dependants[1]) apply with you?");
  options.language = "pt";
  CHECK(Engine{}.evaluate(fees, read_application(a.dump()), options).missing.at(0).question ==
        "O familiar 2 (dependants[1]) faz o pedido com você?");
}
