// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Fees as the engine decides them: exact sums of the payments in the fee's
// currency, a family amount, an amount per dependant, a waiver granted by an
// official, a waiver the programme grants by rule (minors), fees due after
// approval. Uses tests/engine/data/fees.yaml, a test programme, not law.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "regularis/engine/engine.hpp"
#include "regularis/programme/load.hpp"

using namespace regularis;
using nlohmann::json;

namespace {

const FeeResult& fee(const Evaluation& e, const std::string& id) {
  auto it =
      std::find_if(e.fees.begin(), e.fees.end(), [&](const FeeResult& f) { return f.id == id; });
  REQUIRE(it != e.fees.end());
  return *it;
}

Evaluation evaluate(const json& record) {
  static const Programme p = load_programme_file("tests/engine/data/fees.yaml");
  return Engine{}.evaluate(p, read_application(record.dump()));
}

json single() {
  return json::parse(R"({"format": "regularis.application/1", "id": "F-1", "filed_at": "2022-03-01",
    "applicant": {"date_of_birth": "1990-01-01", "present_at_filing": true},
    "payments": [{"fee": "application", "amount": "550", "currency": "EUR"}], "waivers": []})");
}

json with_dependants(json a) {
  a["dependants"] = json::array({{{"id", "c1"}, {"relationship", "child"}, {"applying", true}},
                                 {{"id", "c2"}, {"relationship", "child"}, {"applying", true}},
                                 {{"id", "p1"}, {"relationship", "parent"}, {"applying", false}}});
  return a;
}

}  // namespace

TEST_CASE("a single applicant pays the single amount", "[engine][fees]") {
  Evaluation e = evaluate(single());
  CHECK(fee(e, "application").status == FeeStatus::paid);
  CHECK(fee(e, "application").amount.to_string() == "550 EUR");
  // No dependant applies: no per-dependant fee is listed.
  CHECK(std::none_of(e.fees.begin(), e.fees.end(),
                     [](const FeeResult& f) { return f.id == "dependant_card"; }));
  CHECK(fee(e, "residence_card").status == FeeStatus::not_due_yet);
  CHECK(e.outcome == Outcome::eligible);
}

TEST_CASE("a family pays the family amount and a fee per dependant applying", "[engine][fees]") {
  json a = with_dependants(single());
  Evaluation e = evaluate(a);
  CHECK(fee(e, "application").amount.to_string() == "700 EUR");
  CHECK(fee(e, "application").status == FeeStatus::partly_paid);
  CHECK(fee(e, "dependant_card").amount.to_string() == "51.00 EUR");  // two of three apply
  CHECK(fee(e, "dependant_card").status == FeeStatus::due);
  CHECK(e.outcome == Outcome::incomplete);

  a["payments"] = json::array({{{"fee", "application"}, {"amount", "700.00"}, {"currency", "EUR"}},
                               {{"fee", "dependant_card"}, {"amount", "51"}, {"currency", "EUR"}}});
  Evaluation paid = evaluate(a);
  CHECK(fee(paid, "application").status == FeeStatus::paid);
  CHECK(fee(paid, "dependant_card").status == FeeStatus::paid);
  CHECK(paid.outcome == Outcome::eligible);
}

TEST_CASE("an overpayment is reported with the exact amount", "[engine][fees]") {
  json a = single();
  a["payments"][0]["amount"] = "550.01";
  const Evaluation e = evaluate(a);
  const FeeResult& f = fee(e, "application");
  CHECK(f.status == FeeStatus::overpaid);
  CHECK(f.paid.to_string() == "550.01 EUR");
}

TEST_CASE("a payment in another currency does not count, and a warning says why",
          "[engine][fees]") {
  json a = single();
  a["payments"] = json::array({{{"fee", "application"}, {"amount", "300"}, {"currency", "EUR"}},
                               {{"fee", "application"}, {"amount", "250"}, {"currency", "GBP"}}});
  const Evaluation e = evaluate(a);
  CHECK(fee(e, "application").status == FeeStatus::partly_paid);
  CHECK(fee(e, "application").paid.to_string() == "300 EUR");
  CHECK(e.outcome == Outcome::incomplete);
  const auto warning =
      std::find_if(e.diagnostics.begin(), e.diagnostics.end(),
                   [](const Diagnostic& d) { return d.code == "engine.other_currency"; });
  REQUIRE(warning != e.diagnostics.end());
  CHECK(warning->severity == Severity::warning);
  CHECK(warning->json_path == "payments[1].currency");
  CHECK(warning->message ==
        "paid in GBP, but fee application is in EUR: this payment does not count");
  CHECK_FALSE(e.diagnostics.has_errors());
  // Payments in the fee's currency raise no warning.
  CHECK(evaluate(single()).diagnostics.empty());
}

TEST_CASE("waivers: granted by an official, refused, and by rule for minors", "[engine][fees]") {
  json a = single();
  a["payments"] = json::array();
  CHECK(fee(evaluate(a), "application").status == FeeStatus::due);

  a["waivers"] =
      json::array({{{"fee", "application"}, {"ground", "hardship"}, {"granted", false}}});
  CHECK(fee(evaluate(a), "application").status == FeeStatus::due);

  a["waivers"][0]["granted"] = true;
  Evaluation waived = evaluate(a);
  CHECK(fee(waived, "application").status == FeeStatus::waived);
  CHECK(waived.outcome == Outcome::eligible);

  json minor = single();
  minor["payments"] = json::array();
  minor["applicant"]["date_of_birth"] = "2004-03-02";  // 17 on 2022-03-01
  CHECK(fee(evaluate(minor), "application").status == FeeStatus::waived);
  minor["applicant"]["date_of_birth"] = "2004-03-01";  // 18 that day
  CHECK(fee(evaluate(minor), "application").status == FeeStatus::due);
}
