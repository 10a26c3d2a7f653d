// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Engine::evaluate on the bundled br-2009 programme at every boundary it has:
// the entry cutoff, the first and last day of the window and the days outside
// it, a filing late on the last evening in Sao Paulo when UTC is already the
// next day, unknown facts (Kleene), a missing or rejected document, fees, an
// invalid record, the receipt, languages and screening.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "regularis/engine/engine.hpp"
#include "regularis/programme/load.hpp"

using namespace regularis;
using nlohmann::json;

namespace {

const Programme& br_2009() {
  static const Programme p = load_programme_file("examples/programmes/br-2009.yaml");
  return p;
}

/// An application that meets every br-2009 criterion with a complete file.
json eligible() {
  return json::parse(R"({
    "format": "regularis.application/1", "id": "T-1", "programme": "br-2009",
    "filed_at": "2009-08-10",
    "applicant": {
      "given_names": "Test", "family_name": "Person", "date_of_birth": "1980-05-05",
      "nationalities": ["BO"], "entry_date": "2008-11-03", "entry_mode": "irregular",
      "present_at_filing": true,
      "criminal": {"pending_proceedings": false, "convictions": []},
      "prior_procedure": {"pending": false, "withdrawn": false}
    },
    "documents": [
      {"type": "application_form"},
      {"type": "passport", "number_last4": "4821"},
      {"type": "passport_entry_stamp", "shows_date": "2008-11-03", "verified": true},
      {"type": "no_criminal_record_declaration", "self_declared": true},
      {"type": "identity_card_fee_receipt"},
      {"type": "registration_fee_receipt"}
    ],
    "payments": [
      {"fee": "identity_card", "amount": "31.05", "currency": "BRL"},
      {"fee": "registration", "amount": 64.58, "currency": "BRL"}
    ],
    "waivers": [],
    "declarations": {"no_criminal_record": true}
  })");
}

Evaluation evaluate(const json& record, EvaluationOptions options = {}) {
  return Engine{}.evaluate(br_2009(), read_application(record.dump()), options);
}

bool has_reason(const Evaluation& e, const std::string& code) {
  return std::find(e.reasons.begin(), e.reasons.end(), code) != e.reasons.end();
}

const CriterionResult& criterion(const Evaluation& e, const std::string& id) {
  auto it = std::find_if(e.criteria.begin(), e.criteria.end(),
                         [&](const CriterionResult& c) { return c.id == id; });
  REQUIRE(it != e.criteria.end());
  return *it;
}

}  // namespace

TEST_CASE("a complete application inside the window is eligible", "[engine][br-2009]") {
  Evaluation e = evaluate(eligible());
  INFO(json(e.reasons).dump());
  CHECK(e.outcome == Outcome::eligible);
  CHECK(e.reasons.empty());
  CHECK(e.application_id == "T-1");
  CHECK(e.programme_id == "br-2009");
  CHECK(e.version == "2009-07-02");
  CHECK(e.deadline == Date::parse("2009-12-30").value());
  CHECK(e.criteria.front().id == "filed_in_window");
  for (const auto& c : e.criteria) CHECK(c.status == CriterionStatus::met);
}

TEST_CASE("entry on the cutoff day qualifies, the day after does not", "[engine][br-2009]") {
  json a = eligible();
  a["applicant"]["entry_date"] = "2009-02-01";
  a["documents"][2]["shows_date"] = "2009-02-01";
  CHECK(evaluate(a).outcome == Outcome::eligible);

  a["applicant"]["entry_date"] = "2009-02-02";
  a["documents"][2]["shows_date"] = "2009-02-02";
  Evaluation e = evaluate(a);
  CHECK(e.outcome == Outcome::ineligible);
  CHECK(has_reason(e, "entered_by_cutoff.not_met"));
  CHECK(criterion(e, "entered_by_cutoff").status == CriterionStatus::not_met);
  // The values used explain the decision.
  const auto& values = criterion(e, "entered_by_cutoff").values;
  CHECK(std::find(values.begin(), values.end(), "applicant.entry_date = 2009-02-02") !=
        values.end());
}

TEST_CASE("the window is 2009-07-03 to 2009-12-30, both days included", "[engine][br-2009]") {
  json a = eligible();
  auto outcome_on = [&](const char* filed) {
    a["filed_at"] = filed;
    return evaluate(a).outcome;
  };
  CHECK(outcome_on("2009-07-02") == Outcome::ineligible);
  CHECK(outcome_on("2009-07-03") == Outcome::eligible);
  CHECK(outcome_on("2009-12-30") == Outcome::eligible);
  CHECK(outcome_on("2009-12-31") == Outcome::ineligible);
  a["filed_at"] = "2009-12-31";
  CHECK(has_reason(evaluate(a), "filed_in_window.not_met"));
}

TEST_CASE("a filing instant is compared as a local date in Sao Paulo", "[engine][br-2009]") {
  json a = eligible();
  a["filed_at"] = "2009-12-30T23:30:00-02:00";  // already 2009-12-31 in UTC
  Evaluation late_evening = evaluate(a);
  CHECK(late_evening.outcome == Outcome::eligible);
  CHECK(late_evening.filing_date == Date::parse("2009-12-30").value());

  a["filed_at"] = "2009-12-31T01:30:00Z";  // 23:30 on 30 December in Sao Paulo (UTC-2)
  CHECK(evaluate(a).outcome == Outcome::eligible);

  a["filed_at"] = "2009-12-31T00:10:00-02:00";
  CHECK(evaluate(a).outcome == Outcome::ineligible);
}

TEST_CASE("unknown facts make an application incomplete, next question first",
          "[engine][br-2009]") {
  json a = eligible();
  a["applicant"]["criminal"].erase("pending_proceedings");
  Evaluation e = evaluate(a);
  CHECK(e.outcome == Outcome::incomplete);
  CHECK(has_reason(e, "no_criminal_proceedings.unknown"));
  REQUIRE(e.missing.size() == 1);
  CHECK(e.missing[0].fact == "applicant.criminal.pending_proceedings");
  CHECK(e.missing[0].decisive);
  CHECK(e.missing[0].question ==
        "Is there any criminal proceeding pending against you, in Brazil or abroad?");

  EvaluationOptions pt;
  pt.language = "pt";
  CHECK(evaluate(a, pt).missing[0].question ==
        "Há algum processo criminal em curso contra você, no Brasil ou no exterior?");
}

TEST_CASE("null is unknown too", "[engine][br-2009]") {
  json a = eligible();
  a["applicant"]["present_at_filing"] = nullptr;
  Evaluation e = evaluate(a);
  CHECK(e.outcome == Outcome::incomplete);
  CHECK(has_reason(e, "present_in_brazil.unknown"));
}

TEST_CASE("false and unknown is false: a late entry is ineligible with nothing else known",
          "[engine][br-2009][kleene]") {
  json a = json::parse(R"({"format": "regularis.application/1", "id": "T-2",
                           "filed_at": "2009-09-01",
                           "applicant": {"entry_date": "2010-01-15"}})");
  Evaluation e = evaluate(a);
  CHECK(e.outcome == Outcome::ineligible);
  CHECK(has_reason(e, "entered_by_cutoff.not_met"));
  CHECK(e.missing.empty());
}

TEST_CASE("irregular_at_filing: irregular entry, or an authorised stay that expired",
          "[engine][br-2009]") {
  json a = eligible();
  a["applicant"]["entry_mode"] = "regular";
  a["applicant"]["last_permit"] = {
      {"type", "tourist_visa"}, {"from", "2008-11-03"}, {"to", "2009-02-01"}};
  CHECK(evaluate(a).outcome == Outcome::eligible);
  a["applicant"]["last_permit"]["to"] = "2010-06-01";  // still valid on the filing date
  Evaluation e = evaluate(a);
  CHECK(e.outcome == Outcome::ineligible);
  CHECK(has_reason(e, "irregular_at_filing.not_met"));
  // regular entry, permit unknown: the missing fact is the permit's end.
  a["applicant"].erase("last_permit");
  Evaluation u = evaluate(a);
  CHECK(u.outcome == Outcome::incomplete);
  REQUIRE_FALSE(u.missing.empty());
  CHECK(u.missing[0].fact.rfind("applicant.last_permit", 0) == 0);
}

TEST_CASE("a conviction or pending proceedings make an application ineligible",
          "[engine][br-2009]") {
  json a = eligible();
  a["applicant"]["criminal"]["convictions"] =
      json::array({{{"date", "2004-05-01"}, {"category", "misdemeanor"}}});
  CHECK(has_reason(evaluate(a), "no_convictions.not_met"));
  a = eligible();
  a["applicant"]["criminal"]["pending_proceedings"] = true;
  CHECK(has_reason(evaluate(a), "no_criminal_proceedings.not_met"));
}

TEST_CASE("documents: missing, rejected by their condition, not verified, conditional",
          "[engine][br-2009][documents]") {
  json a = eligible();
  a["documents"].erase(2);  // the entry stamp
  Evaluation missing = evaluate(a);
  CHECK(missing.outcome == Outcome::incomplete);
  CHECK(has_reason(missing, "proof_of_entry.missing"));

  a = eligible();
  a["documents"][2]["shows_date"] = "2009-03-15";  // after the cutoff
  Evaluation rejected = evaluate(a);
  CHECK(rejected.outcome == Outcome::incomplete);
  CHECK(has_reason(rejected, "proof_of_entry.rejected"));

  a = eligible();
  a["documents"][2]["verified"] = false;
  CHECK(has_reason(evaluate(a), "proof_of_entry.not_verified"));

  a = eligible();
  a["applicant"]["prior_procedure"]["pending"] = true;
  CHECK(has_reason(evaluate(a), "procedure_withdrawal.missing"));
  a["documents"].push_back({{"type", "procedure_withdrawal"}});
  CHECK(evaluate(a).outcome == Outcome::eligible);
}

TEST_CASE("fees: due, partly paid, overpaid, in the wrong currency", "[engine][br-2009][fees]") {
  json a = eligible();
  a["payments"][1]["amount"] = "64.57";
  Evaluation short_by_a_centavo = evaluate(a);
  CHECK(short_by_a_centavo.outcome == Outcome::incomplete);
  CHECK(has_reason(short_by_a_centavo, "registration.partly_paid"));

  a["payments"][1]["amount"] = "100.00";
  Evaluation over = evaluate(a);
  CHECK(over.outcome == Outcome::eligible);
  auto fee = std::find_if(over.fees.begin(), over.fees.end(),
                          [](const FeeResult& f) { return f.id == "registration"; });
  REQUIRE(fee != over.fees.end());
  CHECK(fee->status == FeeStatus::overpaid);
  CHECK(fee->paid.to_string() == "100.00 BRL");

  a["payments"][1]["currency"] = "USD";
  a["payments"][1]["amount"] = "64.58";
  CHECK(has_reason(evaluate(a), "registration.due"));
}

TEST_CASE("a malformed record is invalid, with every problem named", "[engine][invalid]") {
  json a = eligible();
  a["applicant"]["date_of_birth"] = "1984-02-30";
  a["payments"][0]["currency"] = "BRX";
  Evaluation e = evaluate(a);
  CHECK(e.outcome == Outcome::invalid);
  CHECK(e.application_id == "T-1");
  REQUIRE(e.diagnostics.size() >= 2);
  bool saw_date = false;
  for (const auto& d : e.diagnostics)
    if (d.json_path == "applicant.date_of_birth") saw_date = true;
  CHECK(saw_date);
  CHECK_FALSE(e.reasons.empty());
}

TEST_CASE("the receipt names the programme text it used", "[engine][receipt]") {
  Evaluation e = evaluate(eligible());
  CHECK(e.programme_sha256.size() == 64);
  CHECK(e.programme_sha256.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(e.programme_sha256 == evaluate(eligible()).programme_sha256);
}

TEST_CASE("before filing, the as-of date stands for the filing date", "[engine][as-of]") {
  json a = eligible();
  a.erase("filed_at");
  Evaluation unknown = evaluate(a);
  CHECK(unknown.outcome == Outcome::incomplete);
  CHECK(unknown.missing.front().fact == "filed_at");

  EvaluationOptions options;
  options.as_of = Date::parse("2009-09-01").value();
  CHECK(evaluate(a, options).outcome == Outcome::eligible);
  options.as_of = Date::parse("2010-01-05").value();
  CHECK(evaluate(a, options).outcome == Outcome::ineligible);
}

TEST_CASE("texts come in the requested language, else the default", "[engine][language]") {
  EvaluationOptions options;
  options.language = "es";
  Evaluation es = evaluate(eligible(), options);
  CHECK(criterion(es, "entered_by_cutoff").text == "Entró en Brasil hasta el 1 de febrero de 2009");
  options.language = "de";  // not in the file: English, the default
  CHECK(criterion(evaluate(eligible(), options), "entered_by_cutoff").text ==
        "Entered Brazil on or before 1 February 2009");
}

TEST_CASE("screening sorts eligible before incomplete before ineligible", "[engine][screen]") {
  json a = eligible();
  a["applicant"]["entry_date"] = "2009-03-01";
  auto late = read_application(a.dump());
  auto good = read_application(eligible().dump());
  REQUIRE(late.facts);
  REQUIRE(good.facts);
  std::vector<const Programme*> programmes{&br_2009(), &br_2009()};
  auto results = Engine{}.screen(programmes, *late.facts);
  CHECK(results.size() == 2);
  CHECK(results[0].outcome == Outcome::ineligible);
  CHECK(Engine{}.screen(programmes, *good.facts)[0].outcome == Outcome::eligible);
}

TEST_CASE("deadlines: the window, the grant's expiry and the conversion window",
          "[engine][deadlines]") {
  Evaluation e = evaluate(eligible());  // filed 2009-08-10
  REQUIRE(e.deadlines.size() == 4);
  CHECK(e.deadlines[0].id == "window_closes");
  CHECK(e.deadlines[0].date == Date::parse("2009-12-30").value());
  CHECK(e.deadlines[1].id == "follow_on_opens");
  CHECK(e.deadlines[1].date == Date::parse("2011-05-12").value());  // 90 days before expiry
  CHECK(e.deadlines[1].programme == "br-2009-permanent");
  CHECK(e.deadlines[2].id == "grant_expires");
  CHECK(e.deadlines[2].date == Date::parse("2011-08-10").value());  // 2 years from the request
  CHECK(e.deadlines[3].id == "follow_on_closes");
  CHECK(e.deadlines[3].date == Date::parse("2011-08-10").value());

  json late = eligible();
  late["applicant"]["entry_date"] = "2009-05-01";
  Evaluation refused = evaluate(late);
  REQUIRE(refused.deadlines.size() == 1);  // nothing to expire when nothing can be granted
  CHECK(refused.deadlines[0].id == "window_closes");
}

TEST_CASE("a window that closes on a holiday moves to the next business day, as the programme says",
          "[engine][calendar]") {
  const Programme p = load_programme_file("tests/engine/data/holiday_close.yaml");
  REQUIRE(p.calendar() != nullptr);
  const Window& w = p.versions()[0].window;
  CHECK(w.closes_as_stated == Date::parse("2009-11-15").value());
  CHECK(w.closes == Date::parse("2009-11-16").value());
  auto on = [&](const char* day) {
    json a = {{"format", "regularis.application/1"},
              {"id", "H-1"},
              {"filed_at", day},
              {"applicant", {{"present_at_filing", true}}}};
    return Engine{}.evaluate(p, read_application(a.dump()));
  };
  CHECK(on("2009-11-16").outcome == Outcome::eligible);
  CHECK(on("2009-11-16").deadline == Date::parse("2009-11-16").value());
  CHECK(on("2009-11-17").outcome == Outcome::ineligible);

  // Without a calendar the programme cannot say it.
  Diagnostics d = check_programme_text(
      "programme: x\ntitle: {en: X}\njurisdiction: BR\ntime_zone: America/Sao_Paulo\n"
      "versions:\n  - effective_from: 2009-01-01\n"
      "    window: {opens: 2009-10-01, closes: 2009-11-15, if_closed: next_business_day}\n"
      "    criteria: []\n",
      "x.yaml");
  REQUIRE_FALSE(d.empty());
  CHECK(d[0].code == "programme.missing_key");
  CHECK(d[0].location.line == 7);
}

TEST_CASE("screening before the window opens asks for the filing, it does not say no",
          "[engine][as-of]") {
  json a = eligible();
  a.erase("filed_at");
  EvaluationOptions options;
  options.as_of = Date::parse("2009-06-20").value();  // br-2009 opens on 3 July 2009
  const Evaluation early = evaluate(a, options);
  CHECK(early.outcome == Outcome::incomplete);
  CHECK(early.reasons == std::vector<std::string>{"filed_in_window.unknown"});
  CHECK(criterion(early, "filed_in_window").status == CriterionStatus::unknown);
  REQUIRE_FALSE(early.missing.empty());
  CHECK(early.missing.front().fact == "filed_at");
  REQUIRE(early.filing_date);
  CHECK(early.filing_date->to_string() == "2009-07-03");  // judged as filed when it opens
  REQUIRE(early.deadlines.size() >= 2);
  CHECK(early.deadlines[0].id == "window_opens");
  CHECK(early.deadlines[0].date.to_string() == "2009-07-03");
  CHECK(early.deadlines[1].id == "window_closes");

  // The other criteria still decide: entering after the cutoff is a no.
  a["applicant"]["entry_date"] = "2009-03-01";
  const Evaluation late_entry = evaluate(a, options);
  CHECK(late_entry.outcome == Outcome::ineligible);
  CHECK(criterion(late_entry, "filed_in_window").status == CriterionStatus::unknown);

  // Once open, the as-of date is the filing date as before; once closed, it is too late.
  a = eligible();
  a.erase("filed_at");
  options.as_of = Date::parse("2009-07-03").value();
  const Evaluation opening_day = evaluate(a, options);
  CHECK(opening_day.outcome == Outcome::eligible);
  CHECK(opening_day.deadlines.front().id == "window_closes");
  options.as_of = Date::parse("2009-12-31").value();
  CHECK(evaluate(a, options).outcome == Outcome::ineligible);

  // A record that says when it was filed is judged on that day, whatever the as-of date.
  json filed = eligible();
  filed["filed_at"] = "2009-06-20";
  options.as_of = Date::parse("2009-06-01").value();
  CHECK(evaluate(filed, options).outcome == Outcome::ineligible);
}

TEST_CASE("a window per applicant gives the applicant's own deadline when it is known",
          "[engine][deadline]") {
  static const Programme p = load_programme_file("examples/programmes/br-2009-permanent.yaml");
  json a = json::parse(R"({"format": "regularis.application/1", "id": "P-1",
    "filed_at": "2011-06-01",
    "applicant": {"last_permit": {"type": "provisional_residence", "from": "2009-08-10",
                                  "to": "2011-08-10"}}})");
  const Evaluation known = Engine{}.evaluate(p, read_application(a.dump()));
  REQUIRE(known.deadline);
  CHECK(known.deadline->to_string() == "2011-08-10");
  REQUIRE_FALSE(known.deadlines.empty());
  CHECK(known.deadlines.front().id == "window_closes");
  CHECK(known.deadlines.front().date.to_string() == "2011-08-10");
  a["applicant"]["last_permit"].erase("to");
  const Evaluation unknown = Engine{}.evaluate(p, read_application(a.dump()));
  CHECK_FALSE(unknown.deadline);
}

TEST_CASE("window_time_zone: office dates a filing instant where it was received",
          "[engine][time-zone]") {
  std::ifstream in("examples/programmes/br-2009.yaml");
  std::stringstream text;
  text << in.rdbuf();
  std::string office_text = text.str();
  const std::string zone_line = "time_zone: America/Sao_Paulo\n";
  REQUIRE(office_text.find(zone_line) != std::string::npos);
  office_text.replace(office_text.find(zone_line), zone_line.size(),
                      zone_line + "window_time_zone: office\n");
  const Programme office = load_programme_text(office_text, "br-2009-office.yaml");
  REQUIRE(office.windows_in_office_zone());
  CHECK_FALSE(br_2009().windows_in_office_zone());

  // 01:30 UTC on 31 December 2009: still 30 December (the last day) in Sao Paulo (UTC-2),
  // already 31 December in Lisbon (UTC+0).
  json a = eligible();
  a["filed_at"] = "2009-12-31T01:30:00Z";
  a["office"] = {{"name", "consulate"}, {"time_zone", "Europe/Lisbon"}};
  CHECK(evaluate(a).outcome == Outcome::eligible);  // the programme's zone
  const Evaluation lisbon = Engine{}.evaluate(office, read_application(a.dump()));
  CHECK(lisbon.outcome == Outcome::ineligible);
  CHECK(lisbon.filing_date->to_string() == "2009-12-31");
  a["office"]["time_zone"] = "America/Manaus";  // UTC-4: 30 December
  CHECK(Engine{}.evaluate(office, read_application(a.dump())).outcome == Outcome::eligible);

  // An instant with the office's zone unknown has no filing date yet: the zone is asked for.
  a.erase("office");
  const Evaluation unknown = Engine{}.evaluate(office, read_application(a.dump()));
  CHECK(unknown.outcome == Outcome::incomplete);
  CHECK_FALSE(unknown.filing_date);
  CHECK(criterion(unknown, "filed_in_window").status == CriterionStatus::unknown);
  REQUIRE_FALSE(unknown.missing.empty());
  CHECK(unknown.missing.front().fact == "office.time_zone");
  // A bare date is the office's own date: nothing to ask.
  a["filed_at"] = "2009-12-30";
  CHECK(Engine{}.evaluate(office, read_application(a.dump())).outcome == Outcome::eligible);
}
