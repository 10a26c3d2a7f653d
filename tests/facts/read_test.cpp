// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Tests of reading one application: the format's example record read back
// field by field, the v1.1 fields, and every rejection with its exact code,
// path and message.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "regularis/core/money.hpp"
#include "regularis/facts/read.hpp"

using namespace regularis;

namespace {

std::string slurp(const std::string& name) {
  std::ifstream in(std::string(REGULARIS_SOURCE_DIR) + "/tests/facts/data/" + name,
                   std::ios::binary);
  REQUIRE(in.is_open());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A record with the format line and `body` as its other fields.
ReadResult read_body(const std::string& body, ReadOptions options = {}) {
  return read_application(
      "{\"format\": \"regularis.application/1\"" + (body.empty() ? "" : ", " + body) + "}",
      options);
}

// "path code message" for each diagnostic.
std::vector<std::string> problems(const ReadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.json_path + " " + d.code + " " + d.message);
  return out;
}

using Lines = std::vector<std::string>;

Date date(const char* text) { return *Date::parse(text); }

}  // namespace

TEST_CASE("the format's example record reads back every field") {
  ReadResult r = read_application(slurp("example.json"));
  INFO(r.diagnostics.size());
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.is_valid());
  CHECK(r.id == "BR-2009-000123");
  CHECK(r.programme == "br-2009");
  CHECK(r.line == 0);
  const Facts& f = *r.facts;
  CHECK(f.id() == "BR-2009-000123");
  CHECK(f.programme() == "br-2009");
  CHECK(f.format() == "regularis.application/1");
  CHECK(f.find("filed_at").as_instant() == Instant::parse("2009-12-31T01:30:00Z").value());

  CHECK(*f.find("applicant.given_names").as_string() == "Ana María");
  CHECK(*f.find("applicant.family_name").as_string() == "Quispe");
  CHECK(f.find("applicant.date_of_birth").as_date() == date("1984-02-29"));
  const auto* nationalities = f.find("applicant.nationalities").as_list();
  REQUIRE(nationalities != nullptr);
  REQUIRE(nationalities->size() == 1);
  CHECK((*nationalities)[0].as_country()->code() == "BO");
  CHECK(f.find("applicant.entry_date").as_date() == date("2008-11-03"));
  CHECK(f.find("applicant.residence_since").as_date() == date("2008-11-03"));
  const auto* absences = f.find("applicant.absences").as_list();
  REQUIRE(absences->size() == 1);
  CHECK((*absences)[0].field("from")->as_date() == date("2009-03-01"));
  CHECK((*absences)[0].field("to")->as_date() == date("2009-03-20"));
  CHECK(*f.find("applicant.immigration_status").as_string() == "irregular");
  CHECK(f.find("applicant.criminal.pending_proceedings").as_bool() == false);
  const auto* convictions = f.find("applicant.criminal.convictions").as_list();
  REQUIRE(convictions->size() == 1);
  CHECK((*convictions)[0].field("date")->as_date() == date("2001-05-01"));
  CHECK(*(*convictions)[0].field("category")->as_string() == "misdemeanor");
  CHECK(f.find("applicant.employment.employed").as_bool() == true);
  CHECK(f.find("applicant.employment.since").as_date() == date("2008-12-01"));
  CHECK(*f.find("applicant.education.level").as_string() == "secondary");
  CHECK(f.find("applicant.education.enrolled").as_bool() == false);

  const auto& dependant = (*f.find("dependants").as_list())[0];
  CHECK(*dependant.field("relationship")->as_string() == "child");
  CHECK(dependant.field("date_of_birth")->as_date() == date("2006-04-10"));
  CHECK((*dependant.field("nationalities")->as_list())[0].as_country()->code() == "BO");
  CHECK(dependant.field("applying")->as_bool() == true);

  const auto* documents = f.find("documents").as_list();
  REQUIRE(documents->size() == 3);
  CHECK(*(*documents)[0].field("type")->as_string() == "passport");
  CHECK(*(*documents)[0].field("number_last4")->as_string() == "4821");
  CHECK((*documents)[0].field("issued_on")->as_date() == date("2005-01-10"));
  CHECK((*documents)[0].field("expires_on")->as_date() == date("2015-01-09"));
  CHECK((*documents)[1].field("shows_date")->as_date() == date("2008-11-03"));
  CHECK((*documents)[1].field("verified")->as_bool() == true);
  CHECK((*documents)[2].field("self_declared")->as_bool() == true);
  CHECK((*documents)[2].field("signed_on")->as_date() == date("2009-08-01"));

  const auto* payments = f.find("payments").as_list();
  REQUIRE(payments->size() == 2);
  CHECK(*(*payments)[0].field("fee")->as_string() == "identity_card");
  CHECK((*payments)[0].field("amount")->as_decimal() == *Decimal::parse("31.05"));
  CHECK((*payments)[0].field("amount")->as_decimal()->to_string() == "31.05");
  CHECK(*(*payments)[0].field("currency")->as_string() == "BRL");
  CHECK((*payments)[0].field("paid_on")->as_date() == date("2009-08-01"));
  CHECK(*(*payments)[0].field("receipt")->as_string() == "GRU-77812");
  CHECK((*payments)[1].field("amount")->as_decimal() == *Decimal::parse("64.58"));

  const auto& waiver = (*f.find("waivers").as_list())[0];
  CHECK(*waiver.field("fee")->as_string() == "identity_card");
  CHECK(*waiver.field("ground")->as_string() == "hardship");
  CHECK(waiver.field("granted")->as_bool() == true);
  CHECK(f.find("declarations.no_criminal_record").as_bool() == true);
  CHECK(*f.find("facts.custom.anything").as_string() == "programme-specific values");
}

TEST_CASE("a dotted lookup finds what the parsed path finds, at any depth") {
  // facts.l1.l2. ... .l20 = "deep": deeper than the lookup's fixed array.
  std::string nested = "\"deep\"";
  for (int depth = 20; depth >= 1; --depth) {
    nested = "{\"l" + std::to_string(depth) + "\": " + nested + "}";
  }
  ReadResult r = read_body("\"facts\": {\"custom.anything\": 1, \"tree\": " + nested + "}");
  REQUIRE(r.is_valid());
  const Facts& f = *r.facts;
  std::string path = "facts.tree";
  for (int depth = 1; depth <= 20; ++depth) {
    path += ".l" + std::to_string(depth);
    INFO(path);
    const FactValue& by_text = f.find(path);
    CHECK(&by_text == &f.find(*FactPath::parse(path)));
    CHECK(by_text.is_known());
  }
  CHECK(*f.find(path).as_string() == "deep");
  CHECK(f.find("facts.custom.anything").as_integer() == 1);  // a key with a dot
  for (const char* bad : {"", ".facts", "facts.", "facts..tree", "Facts.tree", "facts.tree.L1",
                          "facts.tree.l1.l2.l3.l4.l5.l6.l7.l8.l9.l10.l11.l12.l13.l14.l15.l16.X"}) {
    INFO(bad);
    CHECK(f.find(bad).is_unknown());
  }
}

TEST_CASE("filing_date converts an instant to the zone's local date") {
  ReadResult r = read_application(slurp("example.json"));
  REQUIRE(r.is_valid());
  auto sao_paulo = TimeZone::locate("America/Sao_Paulo");
  REQUIRE(sao_paulo);
  CHECK(r.facts->filing_date(*sao_paulo) == date("2009-12-30"));
  auto utc = TimeZone::locate("UTC");
  CHECK(r.facts->filing_date(*utc) == date("2009-12-31"));

  ReadResult bare = read_body(R"("filed_at": "2009-12-30")");
  REQUIRE(bare.is_valid());
  CHECK(bare.facts->filing_date(*utc) == date("2009-12-30"));
  CHECK(bare.facts->find("filed_at").as_date() == date("2009-12-30"));
  ReadResult none = read_body("");
  REQUIRE(none.is_valid());
  CHECK(none.facts->filing_date(*utc) == std::nullopt);
}

TEST_CASE("the v1.1 fields read with their types") {
  ReadResult r = read_application(slurp("v1_1.json"));
  REQUIRE(problems(r) == Lines{});
  const Facts& f = *r.facts;
  CHECK(*f.find("filed_by").as_string() == "employer");
  CHECK(*f.find("channel").as_string() == "online");
  CHECK(*f.find("office.time_zone").as_string() == "America/Chicago");
  CHECK(*f.find("applicant.entry_mode").as_string() == "irregular");
  CHECK(f.find("applicant.present_at_filing").as_bool() == true);
  CHECK(f.find("applicant.last_permit.to").as_date() == date("2018-06-30"));
  CHECK(f.find("applicant.prior_procedure.pending").as_bool() == true);
  CHECK(f.find("applicant.removal.detained").as_bool() == false);
  const auto& conviction = (*f.find("applicant.criminal.convictions").as_list())[0];
  CHECK(conviction.field("custody_days")->as_integer() == 0);
  CHECK(conviction.field("max_custody_days")->as_integer() == 3);
  CHECK(conviction.field("country")->as_country()->code() == "MX");
  CHECK(conviction.field("disclosed")->as_bool() == true);
  CHECK(f.find("applicant.education.completed_on").as_date() == date("2021-06-01"));
  CHECK(f.find("applicant.job_offer.duration_months").as_integer() == 12);
  CHECK(f.find("applicant.job_offer.hours_per_week").as_decimal() == *Decimal::parse("37.5"));
  CHECK(*f.find("applicant.job_offer.region").as_string() == "MX-CHP");
  CHECK(f.find("applicant.job_offer.employer.annual_income").as_decimal() ==
        *Decimal::parse("1250000"));
  CHECK(f.find("applicant.job_offer.employer.convictions").as_list()->empty());
  const auto& dependant = (*f.find("dependants").as_list())[0];
  CHECK(dependant.field("cohabiting_since")->as_date() == date("2015-01-01"));
  CHECK(dependant.find(*FactPath::parse("facts.school_enrolled")).as_bool() == false);
  CHECK(*(*f.find("documents").as_list())[0].field("holder")->as_string() == "d1");
  CHECK((*f.find("waivers").as_list())[0].field("decided_on")->as_date() == date("2026-04-01"));
  // Programme-specific facts: integers, exact decimals, nested values.
  CHECK(f.find("facts.years_in_country").as_integer() == 7);
  CHECK(f.find("facts.household_income").kind() == FactKind::decimal);
  CHECK(f.find("facts.household_income").as_decimal() == *Decimal::parse("18000.5"));
  const auto* flags = f.find("facts.nested.flags").as_list();
  REQUIRE(flags->size() == 2);
  CHECK((*flags)[1].was_null());
}

TEST_CASE("absent and null are unknown, [] and false are known") {
  ReadResult r = read_body(
      R"("applicant": {"entry_date": null, "nationalities": [], "criminal": {"pending_proceedings": false}},
         "payments": [])");
  REQUIRE(problems(r) == Lines{});
  const Facts& f = *r.facts;
  CHECK(f.find("applicant.entry_date").is_unknown());
  CHECK(f.find("applicant.entry_date").was_null());
  CHECK(f.find("applicant.date_of_birth").is_unknown());
  CHECK_FALSE(f.find("applicant.date_of_birth").was_null());
  CHECK(f.find("applicant.nationalities").is_known());
  CHECK(f.find("applicant.nationalities").as_list()->empty());
  CHECK(f.find("payments").as_list()->empty());
  CHECK(f.find("documents").is_unknown());
  CHECK(f.find("applicant.criminal.pending_proceedings").as_bool() == false);
  CHECK(f.find("Not a path").is_unknown());
  CHECK(r.id.empty());
}

TEST_CASE("dates are checked for existence") {
  CHECK(problems(read_body(R"("applicant": {"date_of_birth": "2009-02-30"})")) ==
        Lines{"applicant.date_of_birth facts.bad_date 2009-02-30 is not a date"});
  CHECK(problems(read_body(
            R"("applicant": {"absences": [{"from": "2009-02-29", "to": "2008-02-29"}]})")) ==
        Lines{"applicant.absences[0].from facts.bad_date 2009-02-29 is not a date"});
  auto r = read_body(R"("applicant": {"entry_date": "2009-2-1"})");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "facts.bad_date");
  CHECK(r.diagnostics[0].message == Date::parse("2009-2-1").error());
  CHECK(r.diagnostics[0].to_string() ==
        "applicant.entry_date: error: " + Date::parse("2009-2-1").error() + " [facts.bad_date]");
  CHECK_FALSE(r.is_valid());
}

TEST_CASE("filed_at is a date or an instant with an offset") {
  CHECK(read_body(R"("filed_at": "2009-12-30T23:30:00Z")").is_valid());
  auto r = read_body(R"("filed_at": "2009-12-30T23:30:00")");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "facts.bad_instant");
  CHECK(r.diagnostics[0].json_path == "filed_at");
  CHECK(r.diagnostics[0].message == Instant::parse("2009-12-30T23:30:00").error());
  CHECK(problems(read_body(R"("filed_at": "2009-13-30")")) ==
        Lines{"filed_at facts.bad_date " + Date::parse("2009-13-30").error()});
}

TEST_CASE("countries, currencies and amounts") {
  CHECK(problems(read_body(R"("applicant": {"nationalities": ["BO", "bo"]})")) ==
        Lines{"applicant.nationalities[1] facts.bad_country " + Country::parse("bo").error()});
  CHECK(Country::parse("bo").error() == "\"bo\" is not an ISO 3166-1 alpha-2 code (upper case)");
  CHECK(problems(read_body(R"("payments": [{"amount": "-3", "currency": "BRL"}])")) ==
        Lines{"payments[0].amount facts.negative_amount -3 is negative"});
  CHECK(problems(read_body(R"("payments": [{"amount": -0.5, "currency": "XYZ"}])")) ==
        Lines{"payments[0].amount facts.negative_amount -0.5 is negative",
              "payments[0].currency facts.bad_currency " + Currency::parse("XYZ").error()});
  CHECK(problems(read_body(R"("payments": [{"amount": 1e999}])")) ==
        Lines{"payments[0].amount facts.bad_decimal " + Decimal::parse("1e999").error()});
  CHECK(problems(read_body(R"("payments": [{"amount": "12,50"}])")) ==
        Lines{"payments[0].amount facts.bad_decimal " + Decimal::parse("12,50").error()});
  CHECK(
      problems(read_body(R"("applicant": {"job_offer": {"employer": {"annual_income": "-1"}}})")) ==
      Lines{"applicant.job_offer.employer.annual_income facts.negative_amount -1 is negative"});
}

TEST_CASE("amounts as strings and as JSON numbers are equal exactly") {
  auto as_string = read_body(R"("payments": [{"amount": "64.58", "currency": "BRL"}])");
  auto as_number = read_body(R"("payments": [{"amount": 64.58, "currency": "BRL"}])");
  REQUIRE(as_string.is_valid());
  REQUIRE(as_number.is_valid());
  auto a =
      as_string.facts->root().field("payments")->as_list()->at(0).field("amount")->as_decimal();
  auto b =
      as_number.facts->root().field("payments")->as_list()->at(0).field("amount")->as_decimal();
  CHECK(*a == *b);
  CHECK(b->coefficient() == 6458);
  CHECK(b->scale() == 2);
  auto c = read_body(R"("payments": [{"amount": 0.1}, {"amount": 6458e-2}, {"amount": 100}])");
  REQUIRE(c.is_valid());
  const auto& p = *c.facts->find("payments").as_list();
  CHECK(p[0].field("amount")->as_decimal()->to_string() == "0.1");
  CHECK(*p[1].field("amount")->as_decimal() == *b);
  CHECK(p[2].field("amount")->as_decimal() == Decimal::from_integer(100));
}

TEST_CASE("vocabulary fields are checked") {
  CHECK(problems(read_body(R"("applicant": {"immigration_status": "illegal"}, "filed_by": "lawyer",
        "channel": "fax", "applicant_x": 1)")) ==
        Lines{"applicant.immigration_status facts.bad_vocabulary \"illegal\" is not one of: "
              "irregular, regular, protection_applicant",
              "filed_by facts.bad_vocabulary \"lawyer\" is not one of: applicant, employer, "
              "representative",
              "channel facts.bad_vocabulary \"fax\" is not one of: in_person, online, post"});
  auto r = read_body(R"(
      "applicant": {"entry_mode": "legal",
                    "criminal": {"convictions": [{"category": "crime", "offence": "Theft"}]},
                    "job_offer": {"sector": "mining", "region": "mx-chp",
                                  "employer": {"type": "ngo", "income_currency": "usd"}},
                    "education": {"level": "phd"}},
      "dependants": [{"relationship": "cousin"}],
      "office": {"time_zone": "Mars/Olympus"})");
  CHECK(
      problems(r) ==
      Lines{"applicant.entry_mode facts.bad_vocabulary \"legal\" is not one of: regular, irregular",
            "applicant.criminal.convictions[0].category facts.bad_vocabulary \"crime\" is not "
            "one of: felony, misdemeanor, minor_offence",
            "applicant.criminal.convictions[0].offence facts.bad_identifier \"Theft\" is not a "
            "snake_case identifier",
            "applicant.job_offer.sector facts.bad_vocabulary \"mining\" is not one of: "
            "agriculture, domestic_work, personal_care, construction, hospitality, "
            "manufacturing, commerce, other",
            "applicant.job_offer.region facts.bad_region \"mx-chp\" is not an ISO 3166-2 "
            "subdivision code (like MX-CHP)",
            "applicant.job_offer.employer.type facts.bad_vocabulary \"ngo\" is not one of: "
            "company, household, individual",
            "applicant.job_offer.employer.income_currency facts.bad_currency " +
                Currency::parse("usd").error(),
            "applicant.education.level facts.bad_vocabulary \"phd\" is not one of: none, "
            "primary, secondary, ged, tertiary",
            "dependants[0].relationship facts.bad_vocabulary \"cousin\" is not one of: spouse, "
            "partner, child, parent, other",
            "office.time_zone facts.bad_time_zone " + TimeZone::locate("Mars/Olympus").error()});
}

TEST_CASE("wrong types at several fields, all reported") {
  auto r = read_body(R"(
      "id": 123,
      "applicant": {"criminal": {"pending_proceedings": "no",
                                 "convictions": [{"custody_days": 1.5}, {"custody_days": "3"}]},
                    "nationalities": "BO",
                    "date_of_birth": 19840229,
                    "employment": [],
                    "present_at_filing": 1},
      "declarations": {"no_criminal_record": "yes"},
      "payments": {"amount": "1"},
      "documents": [{"verified": null}, "passport"])");
  CHECK(problems(r) ==
        Lines{"id facts.wrong_type expected a string, found a number",
              "applicant.criminal.pending_proceedings facts.wrong_type expected true or false, "
              "found a string",
              "applicant.criminal.convictions[0].custody_days facts.wrong_type expected an "
              "integer, found 1.5",
              "applicant.criminal.convictions[1].custody_days facts.wrong_type expected an "
              "integer, found a string",
              "applicant.nationalities facts.wrong_type expected a list, found a string",
              "applicant.date_of_birth facts.wrong_type expected a date string (YYYY-MM-DD), "
              "found a number",
              "applicant.employment facts.wrong_type expected an object, found a list",
              "applicant.present_at_filing facts.wrong_type expected true or false, found a "
              "number",
              "declarations.no_criminal_record facts.wrong_type expected true or false, found a "
              "string",
              "payments facts.wrong_type expected a list, found an object",
              "documents[1] facts.wrong_type expected an object, found a string"});
  CHECK_FALSE(r.is_valid());
  CHECK(r.id.empty());
  // An unknown field is ignored, whatever it holds.
  CHECK(problems(read_body(
            R"("applicant": {"job_offer": {"income_earners": 99999999999999999999}})")) == Lines{});
  CHECK(problems(read_body(
            R"("applicant": {"job_offer": {"duration_months": 99999999999999999999}})")) ==
        Lines{"applicant.job_offer.duration_months facts.bad_integer 99999999999999999999 is out "
              "of range"});
}

TEST_CASE("format must be regularis.application/1") {
  CHECK(problems(read_application(R"({"id": "A"})")) ==
        Lines{"format facts.bad_format the record has no format (expected "
              "\"regularis.application/1\")"});
  CHECK(problems(read_application(R"({"format": null})")) ==
        Lines{"format facts.bad_format the record has no format (expected "
              "\"regularis.application/1\")"});
  CHECK(problems(read_application(R"({"format": "regularis.application/2", "id": "A"})")) ==
        Lines{"format facts.bad_format \"regularis.application/2\" is not a supported format "
              "(expected \"regularis.application/1\")"});
}

TEST_CASE("duplicate keys are errors, at any depth") {
  auto r =
      read_body(R"("id": "A", "applicant": {"entry_date": "2008-11-03", "entry_date": "2008-11-04"},
                        "id": "B", "facts": {"x": 1, "x": 2})");
  CHECK(problems(r) ==
        Lines{"applicant.entry_date facts.duplicate_key duplicate key \"entry_date\"",
              "facts.x facts.duplicate_key duplicate key \"x\"",
              "id facts.duplicate_key duplicate key \"id\""});
  CHECK(r.id == "A");
  CHECK_FALSE(r.is_valid());
}

TEST_CASE("a repeated key is found in a large object too") {
  // 40 fields: past the size the reader compares pairwise, so it sorts.
  std::string facts;
  for (int k = 0; k < 40; ++k)
    facts += "\"f" + std::to_string(k) + "\": " + std::to_string(k) + ", ";
  auto r = read_body(R"("id": "A", "facts": {)" + facts + R"("f7": 70, "f39": 390})");
  CHECK(problems(r) == Lines{"facts.f7 facts.duplicate_key duplicate key \"f7\"",
                             "facts.f39 facts.duplicate_key duplicate key \"f39\""});
  auto unique = read_body(R"("id": "A", "facts": {)" + facts + R"("f40": 40})");
  CHECK(problems(unique).empty());
  REQUIRE(unique.facts);
  CHECK(unique.facts->find("facts.f7").as_integer() == std::optional<std::int64_t>(7));
}

TEST_CASE("dependant ids are unique and document holders name a dependant") {
  CHECK(problems(read_body(R"("dependants": [{"id": "d1"}, {"id": "d1"}],
                               "documents": [{"type": "passport", "holder": "d1"},
                                             {"type": "passport", "holder": "d2"}])")) ==
        Lines{"dependants[1].id facts.duplicate_id duplicate dependant id \"d1\"",
              "documents[1].holder facts.unknown_holder no dependant has id \"d2\""});
}

TEST_CASE("unknown fields are kept, and warned about only in strict mode") {
  std::string body = R"("id": "A", "applicant": {"given_name": "Ana", "extra": {"a": [1, 1e999]}},
                         "facts": {"anything": {"goes": true}})";
  ReadResult lax = read_body(body);
  REQUIRE(problems(lax) == Lines{});
  CHECK(*lax.facts->find("applicant.given_name").as_string() == "Ana");
  CHECK(lax.facts->find("facts.anything.goes").as_bool() == true);

  ReadOptions strict;
  strict.strict = true;
  ReadResult s = read_body(body, strict);
  CHECK(problems(s) ==
        Lines{"applicant.given_name facts.unknown_field unknown field \"given_name\"",
              "applicant.extra facts.unknown_field unknown field \"extra\""});
  CHECK(s.diagnostics[0].severity == Severity::warning);
  CHECK(s.is_valid());
}

TEST_CASE("programme-specific facts must still be exact numbers") {
  CHECK(problems(read_body(R"("facts": {"big": 1e999})")) ==
        Lines{"facts.big facts.bad_decimal " + Decimal::parse("1e999").error()});
  CHECK(problems(read_body(R"("dependants": [{"facts": {"n": 1.5, "big": -1e999}}])")) ==
        Lines{"dependants[0].facts.big facts.bad_decimal " + Decimal::parse("-1e999").error()});
}

TEST_CASE("syntax errors, invalid UTF-8 and non-objects") {
  auto syntax = [](std::string_view text) {
    ReadResult r = read_application(text);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK_FALSE(r.is_valid());
    return r.diagnostics[0].code;
  };
  CHECK(syntax("{") == "facts.syntax");
  CHECK(syntax("") == "facts.syntax");
  CHECK(syntax("   \n") == "facts.syntax");
  CHECK(syntax(R"({"format": "regularis.application/1",)") == "facts.syntax");
  CHECK(syntax(
            R"({"format": "regularis.application/1", "applicant": {"entry_date": "2008-11-03"})") ==
        "facts.syntax");
  CHECK(syntax(R"({"format": "regularis.application/1"} {"x": 1})") == "facts.syntax");
  CHECK(syntax(R"({"format": "regularis.application/1"} x)") == "facts.syntax");
  CHECK(syntax(R"({"format": "regularis.application/1", "n": 01})") == "facts.syntax");
  CHECK(syntax(R"({"format": "regularis.application/1", "n": 1.})") == "facts.syntax");
  CHECK(syntax(R"({"format": "regularis.application/1", "b": tru})") == "facts.syntax");
  CHECK(syntax(R"({"format": "regularis.application/1", "b": nul})") == "facts.syntax");
  CHECK(syntax(R"({"format": "regularis.application/1", "s": "\x"})") == "facts.syntax");
  CHECK(syntax(R"({"format": "regularis.application/1" "id": "A"})") == "facts.syntax");
  CHECK(syntax("hello") == "facts.syntax");
  CHECK(syntax("[1, 2]") == "facts.wrong_type");
  CHECK(syntax("42") == "facts.wrong_type");

  ReadResult bad_utf8 =
      read_application("{\"format\": \"regularis.application/1\", \"id\": \"\xC3\x28\"}");
  CHECK(problems(bad_utf8) == Lines{" facts.syntax the record is not valid UTF-8"});
  // A NUL byte would read as the text ending early: it is named instead.
  const std::string with_nul("{\"format\": \"regularis.application/1\"}\0", 38);
  CHECK(problems(read_application(with_nul)) ==
        Lines{" facts.syntax the record holds a NUL byte (at byte 38), which JSON text cannot"});
  CHECK(problems(read_application("[]")) ==
        Lines{" facts.wrong_type expected an object, found a list"});
  CHECK(problems(read_application("")) == Lines{" facts.syntax the record is empty"});
}

TEST_CASE("a syntax error keeps the id when it was read first") {
  ReadResult r = read_application(R"({"id": "A-9", "programme": "br-2009", "applicant": {)");
  CHECK(r.id == "A-9");
  CHECK(r.programme == "br-2009");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "facts.syntax");
}

TEST_CASE("escaped strings and keys are unescaped") {
  ReadResult r =
      read_body(R"("applicant": {"given_names": "Ana Mar\u00eda \"A\"", "fam\u0069ly_name": "Q"})");
  REQUIRE(problems(r) == Lines{});
  CHECK(*r.facts->find("applicant.given_names").as_string() ==
        "Ana Mar\xC3\xAD"
        "a \"A\"");
  CHECK(*r.facts->find("applicant.family_name").as_string() == "Q");
}

TEST_CASE("a BOM at the start of a single record is skipped") {
  ReadResult r =
      read_application("\xEF\xBB\xBF{\"format\": \"regularis.application/1\", \"id\": \"A\"}");
  REQUIRE(problems(r) == Lines{});
  CHECK(r.id == "A");
}

TEST_CASE("deep nesting is a diagnostic, not a crash") {
  std::string deep = R"({"format": "regularis.application/1", "facts": {"x": )";
  deep += std::string(5000, '[') + std::string(5000, ']') + "}}";
  ReadResult r = read_application(deep);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "facts.syntax");
}

TEST_CASE("every truncation and byte change of the example is a diagnostic, never a crash") {
  const std::string full = slurp("example.json");
  std::size_t end = full.find_last_of('}');
  for (std::size_t n = 0; n < end; ++n) {
    ReadResult r = read_application(std::string_view(full).substr(0, n));
    INFO(n);
    REQUIRE_FALSE(r.is_valid());
    REQUIRE(r.diagnostics.has_errors());
  }
  std::size_t valid = 0;
  for (std::size_t i = 0; i < full.size(); i += 3) {
    for (char c : {'"', '{', ']', ',', '\x80', '0', ':'}) {
      std::string changed = full;
      changed[i] = c;
      ReadResult r = read_application(changed);
      CHECK((r.is_valid() || r.diagnostics.has_errors()));
      if (r.is_valid()) ++valid;
    }
  }
  CHECK(valid < full.size());
}
