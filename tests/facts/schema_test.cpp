// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Tests of the standard schema as other modules query it: types of dotted
// paths, list elements, vocabularies, programme-specific `facts`.
#include <catch2/catch.hpp>

#include "regularis/facts/schema.hpp"

using namespace regularis;

TEST_CASE("Schema gives the type of standard paths") {
  const Schema& s = Schema::standard();
  CHECK(s.root().type == FieldType::object);
  REQUIRE(s.find("applicant.entry_date") != nullptr);
  CHECK(s.find("applicant.entry_date")->type == FieldType::date);
  CHECK(s.find("applicant.entry_dat") == nullptr);
  CHECK(s.find("applicant.Entry") == nullptr);  // not a path at all
  CHECK(s.find("filed_at")->type == FieldType::date_or_instant);
  CHECK(s.find("applicant.criminal.pending_proceedings")->type == FieldType::boolean);
  CHECK(s.find("applicant.nationalities")->type == FieldType::list);
  CHECK(s.find("applicant.nationalities")->element->type == FieldType::country);
  CHECK(s.find("applicant.job_offer.duration_months")->type == FieldType::integer);
  CHECK(s.find("applicant.job_offer.hours_per_week")->type == FieldType::decimal);
  CHECK(s.find("applicant.job_offer.employer.annual_income")->check == FieldCheck::non_negative);
  CHECK(s.find("office.time_zone")->check == FieldCheck::time_zone);
  CHECK(to_string(s.find("applicant.removal")->type) == "object");
}

TEST_CASE("Schema describes the elements of lists of objects") {
  const SchemaNode* c = Schema::standard().find("applicant.criminal.convictions");
  REQUIRE(c != nullptr);
  REQUIRE(c->type == FieldType::list);
  REQUIRE(c->element != nullptr);
  const SchemaNode* category = c->element->field("category");
  REQUIRE(category != nullptr);
  CHECK(category->vocabulary == std::vector<std::string>{"felony", "misdemeanor", "minor_offence"});
  CHECK(c->element->field("custody_days")->type == FieldType::integer);
  CHECK(c->element->field("nope") == nullptr);
  // A path does not step into list elements by itself.
  CHECK(Schema::standard().find("applicant.criminal.convictions.category") == nullptr);

  const SchemaNode* payments = Schema::standard().find("payments");
  CHECK(payments->element->field("amount")->type == FieldType::decimal);
  CHECK(payments->element->field("currency")->check == FieldCheck::currency);
  CHECK(Schema::standard().find("documents")->element->field("shows_date")->type ==
        FieldType::date);
  CHECK(Schema::standard().find("dependants")->element->field("facts")->type == FieldType::any);
}

TEST_CASE("Schema: vocabularies, declarations and programme-specific facts") {
  const Schema& s = Schema::standard();
  CHECK(s.find("applicant.immigration_status")->vocabulary ==
        std::vector<std::string>{"irregular", "regular", "protection_applicant"});
  CHECK(s.find("channel")->vocabulary == std::vector<std::string>{"in_person", "online", "post"});
  CHECK(s.find("applicant.job_offer.sector")->vocabulary.size() == 8);
  CHECK(s.find("declarations")->type == FieldType::map);
  CHECK(s.find("declarations.no_criminal_record")->type == FieldType::boolean);
  CHECK(s.find("facts")->type == FieldType::any);
  CHECK(s.find("facts.custom.anything")->type == FieldType::any);
}
