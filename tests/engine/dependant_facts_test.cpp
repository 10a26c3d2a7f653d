// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// A dependant's own programme-specific facts (`dependants[i].facts.x`), read
// in a rule as `d.facts.x` inside a quantifier over `dependants` and typed by
// the programme's `facts:` declarations: the load-time errors (an undeclared
// fact, a wrongly typed use, with file:line:col), Kleene's logic over them,
// and the missing facts naming the dependant whose fact is absent
// (`dependants[1].facts.undocumented_since`), not the whole list nor a
// dependant whose fact the rule skips. Uses tests/engine/data/dependant_facts.yaml,
// a test programme, not law.
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

const Programme& programme() {
  static const Programme p = load_programme_file("tests/engine/data/dependant_facts.yaml");
  return p;
}

Evaluation evaluate(const json& record, const std::string& language = "") {
  EvaluationOptions options;
  options.language = language;
  return Engine{}.evaluate(programme(), read_application(record.dump()), options);
}

std::vector<std::string> missing(const Evaluation& e) {
  std::vector<std::string> facts;
  for (const auto& m : e.missing) facts.push_back(m.fact);
  return facts;
}

const CriterionResult& criterion(const Evaluation& e, const std::string& id) {
  auto it = std::find_if(e.criteria.begin(), e.criteria.end(),
                         [&](const CriterionResult& c) { return c.id == id; });
  REQUIRE(it != e.criteria.end());
  return *it;
}

json partner(const char* undocumented_since) {
  json p = {{"id", "p1"}, {"relationship", "partner"}, {"applying", true}};
  if (undocumented_since != nullptr) p["facts"] = {{"undocumented_since", undocumented_since}};
  return p;
}

/// An applicant who qualifies, with the given family.
json with_family(json dependants) {
  json a = json::parse(R"({"format": "regularis.application/1", "id": "F-1",
    "filed_at": "2022-03-01", "facts": {"undocumented_since": "2016-09-01"}})");
  a["dependants"] = std::move(dependants);
  return a;
}

// A programme with one fact and one criterion over a dependant's facts;
// line 11 is the `require:` line, its expression starting at column 27.
std::string programme_text(const std::string& require, const std::string& facts =
                                                           "facts:\n"
                                                           "  undocumented_since: date\n") {
  return "programme: t\n"                                         // 1
         "title: {en: T}\n"                                       // 2
         "jurisdiction: IE\n"                                     // 3
         "time_zone: Europe/Dublin\n" +                           // 4
         facts +                                                  // 5, 6
         "versions:\n"                                            // 7
         "  - effective_from: 2022-01-01\n"                       // 8
         "    window: {opens: 2022-01-31, closes: 2022-07-31}\n"  // 9
         "    criteria: [{id: c, text: {en: C},\n"                // 10
         "                require: \"" +
         require + "\"}]\n";  // 11
}

std::vector<std::string> problems(const std::string& text) {
  std::vector<std::string> out;
  for (const Diagnostic& d : check_programme_text(text, "t.yaml")) out.push_back(d.to_string());
  return out;
}

}  // namespace

TEST_CASE("a rule reads a dependant's own fact, typed by the facts: declaration",
          "[engine][dependant_facts]") {
  CHECK(problems(programme_text("any(d in dependants: d.facts.undocumented_since <= "
                                "2020-01-31)"))
            .empty());
  const Programme p = load_programme_text(
      programme_text("all(d in dependants: d.facts.undocumented_since <= 2020-01-31)"), "t.yaml");
  const SlotTable& slots = *p.versions().front().slots;
  auto field = slots.find("dependants[].facts.undocumented_since");
  REQUIRE(field);
  CHECK(slots[*field].type == Type::date());
  REQUIRE(slots[*field].parent);
  CHECK(slots[*slots[*field].parent].path == "dependants[].facts");
}

TEST_CASE("an undeclared dependant fact is an error at its place in the file",
          "[engine][dependant_facts][diagnostics]") {
  CHECK(problems(programme_text("any(d in dependants: d.facts.undocumented_sinc <= "
                                "2020-01-31)")) ==
        std::vector<std::string>{
            "t.yaml:11:56: error: record facts has no field \"undocumented_sinc\" (a dependant's "
            "facts are those declared under facts:) [rules.unknown_field]"});
  // Without any facts: declaration a dependant has no facts to read either.
  CHECK(problems(programme_text("any(d in dependants: d.facts.undocumented_since <= 2020-01-31)",
                                "notes: [no facts]\n\n")) ==
        std::vector<std::string>{
            "t.yaml:11:56: error: record facts has no field \"undocumented_since\" (a dependant's "
            "facts are those declared under facts:) [rules.unknown_field]"});
  // The applicant's undeclared fact keeps its own error.
  CHECK(problems(programme_text("facts.undocumented_sinc <= 2020-01-31")) ==
        std::vector<std::string>{
            "t.yaml:11:27: error: unknown name \"facts.undocumented_sinc\" [rules.unknown_name]"});
}

TEST_CASE("a dependant fact used with the wrong type is a type error at its place",
          "[engine][dependant_facts][diagnostics]") {
  CHECK(problems(programme_text("any(d in dependants: d.facts.undocumented_since <= 5)")) ==
        std::vector<std::string>{
            "t.yaml:11:75: error: \"<=\" needs two numbers, two amounts of money or two "
            "dates; found date and integer [rules.type_mismatch]"});
  CHECK(problems(programme_text("any(d in dependants: d.facts)")) ==
        std::vector<std::string>{"t.yaml:11:48: error: the condition of any must be bool, found "
                                 "facts [rules.type_mismatch]"});
  // Outside a quantifier `dependants` is a list: its facts are each dependant's.
  CHECK(problems(programme_text("dependants.facts.undocumented_since <= 2020-01-31")) ==
        std::vector<std::string>{
            "t.yaml:11:38: error: list<dependant> has no field \"facts\"; use any(x in list: "
            "x.facts ...) [rules.unknown_field]"});
}

TEST_CASE("a declared fact with dots is read as d.facts.a.b, from nested objects or a dotted key",
          "[engine][dependant_facts]") {
  const Programme p =
      load_programme_text(programme_text("all(d in dependants: d.facts.custom.level >= 2)",
                                         "facts:\n  custom.level: integer\n"),
                          "t.yaml");
  auto run = [&](const json& facts) {
    json a = with_family(json::array({{{"id", "d1"}, {"facts", facts}}}));
    return Engine{}.evaluate(p, read_application(a.dump())).outcome;
  };
  CHECK(run({{"custom", {{"level", 3}}}}) == Outcome::eligible);
  CHECK(run({{"custom.level", 3}}) == Outcome::eligible);
  CHECK(run({{"custom.level", 1}}) == Outcome::ineligible);
  CHECK(run(json::object()) == Outcome::incomplete);
}

TEST_CASE("a partner's own fact decides the criterion: on the cutoff, after it",
          "[engine][dependant_facts]") {
  const Evaluation on = evaluate(with_family(json::array({partner("2020-01-31")})));
  CHECK(on.outcome == Outcome::eligible);
  CHECK(criterion(on, "partner_undocumented").status == CriterionStatus::met);

  const Evaluation after = evaluate(with_family(json::array({partner("2020-02-01")})));
  CHECK(after.outcome == Outcome::ineligible);
  CHECK(after.reasons == std::vector<std::string>{"partner_undocumented.not_met"});
  CHECK(after.missing.empty());

  // A partner who does not apply is not examined.
  json away = partner(nullptr);
  away["applying"] = false;
  CHECK(evaluate(with_family(json::array({away}))).outcome == Outcome::eligible);
}

TEST_CASE("a partner's absent fact: unknown, and that partner's fact is asked",
          "[engine][dependant_facts][unknown]") {
  const Evaluation e = evaluate(with_family(json::array({partner(nullptr)})));
  CHECK(e.outcome == Outcome::incomplete);
  CHECK(e.reasons == std::vector<std::string>{"partner_undocumented.unknown"});
  CHECK(criterion(e, "partner_undocumented").status == CriterionStatus::unknown);
  CHECK(criterion(e, "partner_undocumented").unknown_facts ==
        std::vector<std::string>{"dependants[0].facts.undocumented_since"});
  CHECK(missing(e) == std::vector<std::string>{"dependants[0].facts.undocumented_since"});
  REQUIRE(e.missing.size() == 1);
  CHECK(e.missing[0].decisive);
  // No question for `dependants` in this programme: the engine's own.
  CHECK(e.missing[0].question ==
        "What is facts.undocumented_since for family member 1 (dependants[0])?");
  CHECK(evaluate(with_family(json::array({partner(nullptr)})), "pt").missing[0].question ==
        "Qual é o valor de facts.undocumented_since para o familiar 1 (dependants[0])?");

  // `facts` given without the fact, or null, is the same.
  json empty = partner(nullptr);
  empty["facts"] = json::object();
  CHECK(missing(evaluate(with_family(json::array({empty})))) ==
        std::vector<std::string>{"dependants[0].facts.undocumented_since"});
  empty["facts"] = nullptr;
  CHECK(missing(evaluate(with_family(json::array({empty})))) ==
        std::vector<std::string>{"dependants[0].facts.undocumented_since"});
}

TEST_CASE("only the dependants whose absent fact the rule reads are asked, by their place",
          "[engine][dependant_facts][unknown]") {
  json child = {{"id", "c1"}, {"relationship", "child"}, {"applying", true}};
  json second = partner(nullptr);
  second["id"] = "p2";
  // The child's fact is absent too, but the rule skips children.
  const Evaluation e = evaluate(with_family(json::array({child, partner(nullptr), second})));
  CHECK(e.outcome == Outcome::incomplete);
  CHECK(missing(e) == std::vector<std::string>{"dependants[1].facts.undocumented_since",
                                               "dependants[2].facts.undocumented_since"});
  CHECK(e.missing[1].question ==
        "What is facts.undocumented_since for family member 3 (dependants[2])?");

  // One partner known to qualify: only the other is asked.
  const Evaluation one = evaluate(with_family(json::array({child, partner("2019-01-01"), second})));
  CHECK(missing(one) == std::vector<std::string>{"dependants[2].facts.undocumented_since"});

  // Kleene: one partner who does not qualify settles it, the other's fact unknown or not.
  const Evaluation no = evaluate(with_family(json::array({child, partner("2021-01-01"), second})));
  CHECK(no.outcome == Outcome::ineligible);
  CHECK(no.missing.empty());
}

TEST_CASE("a dependant's fact is checked by its declaration: its type and its values",
          "[engine][dependant_facts][invalid]") {
  json p = partner("soon");
  Evaluation e = evaluate(with_family(json::array({p})));
  CHECK(e.outcome == Outcome::invalid);
  REQUIRE(e.diagnostics.size() == 1);
  CHECK(e.diagnostics[0].code == "facts.bad_date");
  CHECK(e.diagnostics[0].json_path == "dependants[0].facts.undocumented_since");

  p = partner("2019-01-01");
  p["facts"]["role"] = "pilot";
  e = evaluate(with_family(json::array({p})));
  CHECK(e.outcome == Outcome::invalid);
  REQUIRE(e.diagnostics.size() == 1);
  CHECK(e.diagnostics[0].code == "facts.bad_vocabulary");
  CHECK(e.diagnostics[0].json_path == "dependants[0].facts.role");
  CHECK(e.diagnostics[0].message == "\"pilot\" is not one of worker, student");

  p["facts"]["role"] = "student";
  CHECK(evaluate(with_family(json::array({p}))).outcome == Outcome::eligible);
}

TEST_CASE("a family member's absent standard field is asked by its place, with its own question",
          "[engine][dependant_facts][unknown]") {
  // A partner applying must have lived with the applicant since the cutoff.
  const std::string rule =
      "all(d in dependants: d.relationship != \\\"partner\\\" or d.cohabiting_since <= "
      "2020-01-31)";  // within a YAML double-quoted scalar
  const std::string field_question =
      "questions:\n"
      "  dependants[].cohabiting_since:\n"
      "    en: Since when have you lived with family member {n} ({path})?\n"
      "    pt: Desde quando você mora com o familiar {n} ({path})?\n";
  const std::string family_question = "questions:\n  dependants:\n    en: Who is your family?\n";
  auto load = [&](const std::string& questions) {
    return load_programme_text(
        programme_text(rule, "facts:\n  undocumented_since: date\n" + questions), "t.yaml");
  };
  json child = {{"id", "c1"}, {"relationship", "child"}, {"applying", true}};
  json p1 = {{"id", "p1"}, {"relationship", "partner"}, {"applying", true}};
  json p2 = {{"id", "p2"},
             {"relationship", "partner"},
             {"applying", true},
             {"cohabiting_since", "2019-05-01"}};
  // The child has no date either, but the rule skips children.
  const ReadResult record = read_application(with_family(json::array({child, p1, p2})).dump());
  auto evaluate_with = [&](const Programme& p, const std::string& language = "") {
    EvaluationOptions options;
    options.language = language;
    return Engine{}.evaluate(p, record, options);
  };

  const Programme own = load(field_question);
  Evaluation e = evaluate_with(own);
  CHECK(e.outcome == Outcome::incomplete);
  CHECK(criterion(e, "c").unknown_facts ==
        std::vector<std::string>{"dependants[1].cohabiting_since"});
  REQUIRE(missing(e) == std::vector<std::string>{"dependants[1].cohabiting_since"});
  CHECK(e.missing[0].question == "Since when have you lived with family member 2 (dependants[1])?");
  CHECK(evaluate_with(own, "pt").missing.at(0).question ==
        "Desde quando você mora com o familiar 2 (dependants[1])?");

  // Without a question for the field: the family question, else the engine's own.
  e = evaluate_with(load(family_question));
  REQUIRE(missing(e) == std::vector<std::string>{"dependants[1].cohabiting_since"});
  CHECK(e.missing[0].question == "Who is your family?");
  e = evaluate_with(load(""));
  REQUIRE(missing(e) == std::vector<std::string>{"dependants[1].cohabiting_since"});
  CHECK(e.missing[0].question == "What is cohabiting_since for family member 2 (dependants[1])?");
}

TEST_CASE("a declared fact is checked by its declaration even when no rule reads it",
          "[engine][dependant_facts][invalid]") {
  // The rule reads neither the applicant's facts nor a dependant's.
  const Programme p = load_programme_text(
      programme_text("all(d in dependants: d.applying)",
                     "facts:\n  undocumented_since: date\n  household: integer\n"),
      "t.yaml");
  auto diagnostics = [&](const json& record) {
    std::vector<std::string> out;
    const Evaluation e = Engine{}.evaluate(p, read_application(record.dump()));
    for (const Diagnostic& d : e.diagnostics) out.push_back(d.code + " " + d.json_path);
    if (out.empty()) out.push_back(std::string(to_string(e.outcome)));
    return out;
  };
  json good = with_family(json::array({partner("2019-01-01")}));
  CHECK(diagnostics(good) == std::vector<std::string>{"eligible"});
  json bad = good;
  bad["facts"]["household"] = "three";
  bad["dependants"][0]["facts"]["undocumented_since"] = "soon";
  CHECK(diagnostics(bad) ==
        std::vector<std::string>{"facts.wrong_type facts.household",
                                 "facts.bad_date dependants[0].facts.undocumented_since"});

  // No rule reads `dependants` at all: their facts are still checked, once.
  const Programme q = load_programme_text(programme_text("facts.household >= 1",
                                                         "facts:\n  undocumented_since: date\n"
                                                         "  household: integer\n"),
                                          "t.yaml");
  json one = good;
  one["facts"]["household"] = 3;
  one["dependants"][0]["facts"]["undocumented_since"] = "soon";
  const Evaluation e = Engine{}.evaluate(q, read_application(one.dump()));
  CHECK(e.outcome == Outcome::invalid);
  REQUIRE(e.diagnostics.size() == 1);
  CHECK(e.diagnostics[0].json_path == "dependants[0].facts.undocumented_since");
}
