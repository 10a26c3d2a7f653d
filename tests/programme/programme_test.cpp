// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The compiled model: br-2009 loads cleanly with every id of the reference
// (shared/programmes.md), its window computed from the law's counting
// (2009-07-03 .. 2009-12-30), texts in four languages with a fallback, and
// compiled expressions that evaluate with the parameters folded in; routes
// with their own windows and closing times; a per-applicant window; versions
// chosen by date, and a version split where a parameter changes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "regularis/programme/check.hpp"
#include "regularis/programme/load.hpp"

using namespace regularis;

namespace {

Date date(const char* text) { return *Date::parse(text); }

template <class T>
std::vector<std::string> ids(const std::vector<T>& items) {
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(i.id);
  return out;
}

const Programme& br2009() {
  static const Programme p = load_programme_file("examples/programmes/br-2009.yaml");
  return p;
}

/// Evaluates a compiled expression with the given fact values.
Value evaluate(const ProgrammeVersion& v, const Expression& e,
               const std::vector<std::pair<std::string, Value>>& facts) {
  REQUIRE(e.compiled.has_value());
  std::vector<Value> slots(v.slots->size());
  for (const auto& [path, value] : facts) {
    auto id = v.slots->find(path);
    REQUIRE(id.has_value());
    slots[*id] = value;
  }
  return e.compiled->evaluate(slots);
}

}  // namespace

TEST_CASE("br-2009 loads without any diagnostic") {
  auto text = br2009().source_text();
  CHECK(check_programme_text(text, "br-2009.yaml").empty());
  CHECK(br2009().id() == "br-2009");
  CHECK(br2009().jurisdiction().code() == "BR");
  CHECK(br2009().time_zone().name() == "America/Sao_Paulo");
  CHECK(br2009().default_language() == "en");
  CHECK(br2009().file_name() == "examples/programmes/br-2009.yaml");
  CHECK(br2009().source_text().rfind("# SPDX-FileCopyrightText", 0) == 0);
  CHECK(br2009().sources().size() == 7);
  CHECK(br2009().unconfirmed().size() == 5);
}

TEST_CASE("br-2009: the window the loader computes from the law's counting") {
  REQUIRE(br2009().versions().size() == 1);
  const ProgrammeVersion& v = br2009().versions()[0];
  CHECK(v.label() == "2009-07-02");
  REQUIRE(v.window.opens.has_value());
  REQUIRE(v.window.closes.has_value());
  CHECK(v.window.opens->to_string() == "2009-07-03");
  CHECK(v.window.closes->to_string() == "2009-12-30");
  CHECK_FALSE(v.window.closes_at.has_value());
  REQUIRE(v.window.rule.has_value());
  CHECK(v.window.rule->published.to_string() == "2009-07-03");
  CHECK(v.window.rule->within == Period::days(180));
  CHECK(v.window.rule->counting == Counting::exclude_first_day);
  CHECK(v.window.location.line > 0);
  CHECK(&v.window_for("") == &v.window);
}

TEST_CASE("br-2009: every id of the reference, exactly") {
  const ProgrammeVersion& v = br2009().versions()[0];
  CHECK(ids(v.criteria) == std::vector<std::string>{"entered_by_cutoff", "present_in_brazil",
                                                    "irregular_at_filing",
                                                    "no_criminal_proceedings", "no_convictions"});
  CHECK(ids(v.documents) ==
        std::vector<std::string>{"application_form", "identity_card_fee_receipt",
                                 "registration_fee_receipt", "no_criminal_record_declaration",
                                 "proof_of_entry", "identity_document", "procedure_withdrawal"});
  CHECK(ids(v.fees) == std::vector<std::string>{"identity_card", "registration"});
  CHECK(v.fees[0].amount.to_string() == "31.05 BRL");
  CHECK(v.fees[1].amount.to_string() == "64.58 BRL");
  CHECK(v.fees[1].due == FeeDue::at_filing);

  const DocumentRequirement& entry = v.documents[4];
  CHECK(entry.any_of == std::vector<std::string>{"proof_of_entry", "passport_entry_stamp",
                                                 "travel_ticket", "lease", "school_record",
                                                 "other_verifiable_document"});
  CHECK(entry.condition.has_value());
  CHECK(v.documents[3].self_declaration);
  CHECK(v.documents[5].any_of == std::vector<std::string>{"passport", "consular_certificate",
                                                          "identity_document_with_parentage"});
  CHECK(v.documents[6].when.has_value());

  REQUIRE(v.grant.has_value());
  CHECK(v.grant->status == "provisional_residence");
  CHECK(v.grant->validity == Period::years(2));
  CHECK(v.grant->then == "br-2009-permanent");

  REQUIRE(v.parameter("entry_cutoff") != nullptr);
  CHECK(std::get<Date>(v.parameter("entry_cutoff")->value_on(date("2009-08-01")).value) ==
        date("2009-02-01"));

  std::vector<std::string> declared;
  for (const auto& f : br2009().facts()) declared.push_back(f.path);
  CHECK(declared ==
        std::vector<std::string>{"facts.lei_9675_beneficiary", "facts.lei_9675_completed"});
  CHECK(br2009().fact_paths() ==
        std::vector<std::string>{"applicant.criminal.convictions",
                                 "applicant.criminal.pending_proceedings", "applicant.entry_date",
                                 "applicant.entry_mode", "applicant.last_permit.to",
                                 "applicant.present_at_filing", "applicant.prior_procedure.pending",
                                 "document", "filing_date"});
}

TEST_CASE("br-2009: texts in en, pt, es and fr, with the default language as fallback") {
  const ProgrammeVersion& v = br2009().versions()[0];
  for (const char* lang : {"en", "pt", "es", "fr"}) {
    INFO(lang);
    CHECK(br2009().title().has(lang));
    for (const auto& c : v.criteria) CHECK(c.text.has(lang));
    for (const auto& d : v.documents) CHECK(d.text.has(lang));
    for (const auto& f : v.fees) CHECK(f.text.has(lang));
    CHECK(v.grant->text.has(lang));
  }
  CHECK(v.criteria[0].text.text("pt") == "Ingressou no Brasil até 1º de fevereiro de 2009");
  CHECK(v.criteria[0].text.text("de") == "Entered Brazil on or before 1 February 2009");
  const Text* q = br2009().question("applicant.entry_date");
  REQUIRE(q != nullptr);
  CHECK(q->text("es") == "¿En qué fecha entró en Brasil?");
  REQUIRE(br2009().question("facts.lei_9675_beneficiary") != nullptr);
  CHECK(br2009().question("applicant.date_of_birth") == nullptr);
}

TEST_CASE("br-2009: compiled criteria evaluate with the cutoff folded in") {
  const ProgrammeVersion& v = br2009().versions()[0];
  const Expression& entered = v.criteria[0].require;
  CHECK(entered.text == "applicant.entry_date <= entry_cutoff");
  CHECK(
      evaluate(v, entered, {{"applicant.entry_date", Value::date(date("2009-02-01"))}}).is_true());
  CHECK(
      evaluate(v, entered, {{"applicant.entry_date", Value::date(date("2009-02-02"))}}).is_false());
  CHECK(evaluate(v, entered, {}).is_unknown());
  const Expression& proceedings = v.criteria[3].require;
  CHECK(
      evaluate(v, proceedings, {{"applicant.criminal.pending_proceedings", Value::boolean(false)}})
          .is_true());
}

TEST_CASE("version_in_force picks the version by filing date") {
  Programme p = load_programme_file("tests/programme/data/versions.yaml");
  // Version 1 is split where review_fee changes: 2015-01-13 and 2015-03-01.
  REQUIRE(p.versions().size() == 3);
  CHECK(p.versions()[0].effective_from == date("2015-01-13"));
  CHECK(p.versions()[0].effective_until == date("2015-02-28"));
  CHECK(p.versions()[1].effective_from == date("2015-03-01"));
  CHECK(p.versions()[1].label() == "2015-01-13");
  CHECK(p.versions()[2].label() == "2015-07-01");

  CHECK(p.version_in_force(date("2015-01-12")) == nullptr);
  CHECK(p.version_in_force(date("2015-01-13")) == &p.versions()[0]);
  CHECK(p.version_in_force(date("2015-02-28")) == &p.versions()[0]);
  CHECK(p.version_in_force(date("2015-03-01")) == &p.versions()[1]);
  CHECK(p.version_in_force(date("2015-06-30")) == &p.versions()[1]);
  CHECK(p.version_in_force(date("2015-07-01")) == &p.versions()[2]);
  CHECK(p.version_in_force(date("2030-01-01")) == &p.versions()[2]);

  const Parameter* fee = p.versions()[0].parameter("review_fee");
  REQUIRE(fee != nullptr);
  CHECK(std::get<Money>(fee->value_on(date("2015-02-01")).value).to_string() == "1124 MXN");
  CHECK(std::get<Money>(fee->value_on(date("2015-03-01")).value).to_string() == "1200 MXN");
  CHECK(p.versions()[2].criteria[0].id == "entered_before_cutoff");
}

TEST_CASE("a version ending with effective_until and no later version") {
  auto text = std::string(
      "programme: t\ntitle: Test\njurisdiction: BR\ntime_zone: America/Sao_Paulo\n"
      "versions:\n  - effective_from: 2009-07-02\n    effective_until: 2009-12-31\n"
      "    window: {opens: 2009-07-03, closes: 2009-12-30}\n    criteria: []\n");
  Programme p = load_programme_text(text, "t.yaml");
  CHECK(p.title().text("en") == "Test");
  CHECK(p.version_in_force(date("2009-12-31")) != nullptr);
  CHECK(p.version_in_force(date("2010-01-01")) == nullptr);
}

TEST_CASE("routes: each with its window, closing time and items") {
  Programme p = load_programme_file("tests/programme/data/routes.yaml");
  const ProgrammeVersion& v = p.versions()[0];
  CHECK(v.route_fact == "facts.route");
  CHECK(ids(v.routes) == std::vector<std::string>{"employer_declaration", "temporary_permit"});
  const Window& employer = v.window_for("employer_declaration");
  CHECK(employer.opens == date("2020-06-01"));
  CHECK(employer.closes == date("2020-08-15"));
  REQUIRE(employer.closes_at.has_value());
  CHECK(employer.closes_at->to_string() == "22:00");
  CHECK(employer.opens_at->to_string() == "07:00");
  CHECK_FALSE(v.window_for("temporary_permit").closes_at.has_value());
  CHECK(v.criteria[0].routes == std::vector<std::string>{"employer_declaration"});
  CHECK(v.criteria[1].routes.empty());
  CHECK(v.fees[1].routes == std::vector<std::string>{"temporary_permit"});
  REQUIRE(p.facts().size() == 1);
  CHECK(p.facts()[0].type == Type::string());
  CHECK(p.facts()[0].values ==
        std::vector<std::string>{"employer_declaration", "temporary_permit"});
  REQUIRE(p.question("facts.route") != nullptr);
  CHECK(p.question("facts.route")->text("it") == "Who applies: the employer or the worker?");
  CHECK(evaluate(v, v.criteria[0].require,
                 {{"applicant.job_offer.sector", Value::string("agriculture")}})
            .is_true());
  CHECK(evaluate(v, v.criteria[0].require,
                 {{"applicant.job_offer.sector", Value::string("construction")}})
            .is_false());
}

TEST_CASE("a window per applicant") {
  Programme p = load_programme_file("tests/programme/data/per_applicant_window.yaml");
  const ProgrammeVersion& v = p.versions()[0];
  CHECK_FALSE(v.window.opens.has_value());
  REQUIRE(v.window.per_applicant.has_value());
  CHECK(v.window.per_applicant->location.line == 11);
  CHECK(v.window.per_applicant->location.column == 9);
  CHECK(p.facts()[0].type == Type::integer());
  const Expression& absences = v.criteria[0].require;
  CHECK(evaluate(v, absences, {{"facts.longest_absence_days", Value::integer(90)}}).is_true());
  CHECK(evaluate(v, absences, {{"facts.longest_absence_days", Value::integer(91)}}).is_false());
}

TEST_CASE("Text falls back to the default language") {
  Text t("en", {{"en", "Hello"}, {"pt", "Olá"}});
  CHECK(t.text("pt") == "Olá");
  CHECK(t.text("fr") == "Hello");
  CHECK(t.has("pt"));
  CHECK_FALSE(t.has("fr"));
  CHECK(Text().text("en").empty());
}

TEST_CASE("the complete example of docs/programme-format.md loads cleanly") {
  std::ifstream in("docs/programme-format.md");
  std::ostringstream s;
  s << in.rdbuf();
  const std::string doc = s.str();
  auto section = doc.find("## A complete example");
  REQUIRE(section != std::string::npos);
  auto start = doc.find("```yaml\n", section);
  REQUIRE(start != std::string::npos);
  start += 8;
  auto end = doc.find("```", start);
  const std::string example = doc.substr(start, end - start);
  CHECK(check_programme_text(example, "example.yaml").empty());
  Programme p = load_programme_text(example, "example.yaml");
  CHECK(p.versions()[0].window.closes == date("2009-12-30"));
}
