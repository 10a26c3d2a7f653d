// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The batch path (regularis/engine/batch.hpp) against the single-application
// API: for every record of every bundled sample (examples/data/<id>.jsonl
// with examples/programmes/<id>.yaml), of the generated benchmark workload
// (shared/bench/gen.py, when it is beside the repository) and of records
// made irregular on purpose, BatchEvaluator gives exactly the Evaluation
// that BatchReader (JSON Lines) + Engine::evaluate give.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "regularis/engine/batch.hpp"
#include "regularis/programme/load.hpp"

using namespace regularis;
namespace fs = std::filesystem;

namespace {

// Every field of an evaluation, one per line, for comparing two of them.
std::string describe(const Evaluation& e) {
  std::ostringstream s;
  s << "id=" << e.application_id << "\nprogramme=" << e.programme_id << "\nversion=" << e.version
    << "\nsha=" << e.programme_sha256
    << "\nfiled=" << (e.filing_date ? e.filing_date->to_string() : "-")
    << "\noutcome=" << to_string(e.outcome) << '\n';
  for (const auto& c : e.criteria) {
    s << "criterion " << c.id << ' ' << to_string(c.status) << " [" << c.text << "] [" << c.basis
      << "]";
    for (const auto& v : c.values) s << " value:" << v;
    for (const auto& u : c.unknown_facts) s << " unknown:" << u;
    s << '\n';
  }
  for (const auto& m : e.missing)
    s << "missing " << m.fact << ' ' << m.question << ' ' << m.decisive << '\n';
  for (const auto& d : e.documents) {
    s << "document " << d.id << ' ' << to_string(d.status) << ' ' << d.text << ' ' << d.holder;
    for (const auto& m : d.matched) s << " matched:" << m;
    for (const auto& n : d.notes) s << " note:" << n;
    s << '\n';
  }
  for (const auto& f : e.fees) {
    s << "fee " << f.id << ' ' << to_string(f.status) << ' ' << f.amount.to_string() << ' '
      << f.paid.to_string() << ' ' << f.text << '\n';
  }
  s << "deadline=" << (e.deadline ? e.deadline->to_string() : "-") << '\n';
  for (const auto& r : e.reasons) s << "reason " << r << '\n';
  for (const auto& d : e.diagnostics) s << "diagnostic " << d.to_string() << '\n';
  return s.str();
}

struct Tally {
  std::size_t records = 0;
  std::size_t fast = 0;
};

// Checks every non-blank line of `text` both ways; counts the fast ones.
Tally check_lines(const Programme& programme, const std::string& text) {
  EvaluationOptions options;
  options.explain = false;
  BatchEvaluator batch(programme, options);
  const Engine engine;
  Tally tally;
  std::istringstream in(text);
  std::string line;
  std::size_t number = 0;
  BatchRecord record;
  Evaluation got;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string padded = line;
    padded.append(kBatchPadding, '\0');
    batch.evaluate(std::string_view(padded.data(), line.size()), number, record);
    batch.materialize(record, got);
    // The reference: the line as the second record of a JSON Lines batch.
    const std::vector<ReadResult> read = read_batch("{}\n" + line + "\n");
    REQUIRE(read.size() == 2);
    const Evaluation want = engine.evaluate(programme, read[1], options);
    INFO(programme.id() << " line " << number << ": " << line.substr(0, 300));
    REQUIRE(describe(got) == describe(want));
    CHECK(record.line == number);
    if (record.fast) CHECK(record.programme == read[1].programme);  // as the reader read it
    ++tally.records;
    if (record.fast) ++tally.fast;
  }
  return tally;
}

// The same for `lines`, a line each.
Tally check_lines(const Programme& programme, const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return check_lines(programme, text);
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Record B0000012 of shared/bench/WORKLOAD.md, the one the micro-benchmarks use.
std::string workload_record() {
  std::string text = slurp("bench/workload-record.json");
  while (!text.empty() && text.back() == '\n') text.pop_back();
  REQUIRE(text.rfind(R"({"format":"regularis.application/1","id":"B0000012")", 0) == 0);
  return text;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

// A programme of one version and one criterion, `require`, over the facts
// declared in `facts` (its lines under `facts:`).
std::string programme_declaring(const std::string& facts, const std::string& require) {
  return "programme: t\n"
         "title: {en: T}\n"
         "jurisdiction: IE\n"
         "time_zone: Europe/Dublin\n"
         "facts:\n" +
         facts +
         "versions:\n"
         "  - effective_from: 2022-01-01\n"
         "    window: {opens: 2022-01-31, closes: 2022-07-31}\n"
         "    criteria:\n"
         "      - id: c\n"
         "        text: {en: C}\n"
         "        require: " +
         require + "\n";
}

// A record filed on 2022-03-01 up to its `facts` object.
const std::string kFactsHead =
    R"({"format":"regularis.application/1","id":"T-1","filed_at":"2022-03-01","facts":)";

}  // namespace

TEST_CASE("the batch path agrees with Engine::evaluate on every bundled sample") {
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator("examples/data")) {
    if (entry.path().extension() != ".jsonl") continue;
    const fs::path programme_file =
        fs::path("examples/programmes") / (entry.path().stem().string() + ".yaml");
    if (!fs::exists(programme_file)) continue;
    const Programme programme = load_programme_file(programme_file.string());
    const Tally t = check_lines(programme, slurp(entry.path()));
    CHECK(t.records > 0);
    ++files;
  }
  CHECK(files >= 1);
}

TEST_CASE("the benchmark programmes take the fast path for a regular record") {
  for (const char* file : {"bench/core.yaml", "bench/ext50.yaml"}) {
    const Programme programme = load_programme_file(file);
    EvaluationOptions options;
    options.explain = false;
    CHECK(BatchEvaluator(programme, options).accelerated());
    CHECK_FALSE(BatchEvaluator(programme).accelerated());  // explanations asked for
    const Tally t = check_lines(programme, workload_record());
    CHECK(t.fast == 1);
  }
  const Programme br = load_programme_file("examples/programmes/br-2009.yaml");
  CHECK_FALSE(BatchEvaluator(br, {std::nullopt, "", false}).accelerated());  // documents, fees
}

TEST_CASE("the fast path counts a 29 February birthday as the programme says") {
  // Born 29 February 1992, filing on 28 February 2010: 17 (march_1) or 18 (february_28),
  // which decides r27 (18, or a guardian's consent; the record has none).
  const std::string record = replaced(replaced(workload_record(), R"("date_of_birth":"1953-03-03")",
                                               R"("date_of_birth":"1992-02-29")"),
                                      R"("filed_at":"2009-07-03")", R"("filed_at":"2010-02-28")");
  const std::string text = slurp("bench/ext50.yaml");
  for (const char* rule : {"march_1", "february_28"}) {
    INFO(rule);
    const Programme programme =
        load_programme_text(replaced(text, "leap_day_anniversary: march_1",
                                     std::string("leap_day_anniversary: ") + rule),
                            "ext50.yaml");
    CHECK(
        programme.leap_day_anniversary() ==
        (std::string(rule) == "march_1" ? LeapDayBirthday::march_1 : LeapDayBirthday::february_28));
    const Tally t = check_lines(programme, record);  // the same Evaluation both ways
    CHECK(t.fast == 1);
    EvaluationOptions options;
    options.explain = false;
    BatchEvaluator batch(programme, options);
    BatchRecord r;
    std::string padded = record + std::string(kBatchPadding, '\0');
    batch.evaluate(std::string_view(padded.data(), record.size()), 1, r);
    const bool r27_fails =
        std::find(r.reasons.begin(), r.reasons.end(), "r27.not_met") != r.reasons.end();
    CHECK(r27_fails == (std::string(rule) == "march_1"));
  }
}

TEST_CASE("irregular records leave the fast path and are reported as the reader reports them") {
  const std::string r = workload_record();
  const std::vector<std::string> variants = {
      r,
      replaced(r, R"("filed_at":"2009-07-03")", R"("filed_at":"2009-07-03T10:00:00-03:00")"),
      replaced(r, R"("filed_at":"2009-07-03")", R"("filed_at":"2009-02-29")"),
      replaced(r, R"("filed_at":"2009-07-03")", R"("filed_at":null)"),
      replaced(r, R"("filed_at":"2009-07-03",)", ""),
      replaced(r, R"("date_of_birth":"1953-03-03")", R"("date_of_birth":"1953-02-30")"),
      replaced(r, R"("date_of_birth":"1953-03-03")", R"("date_of_birth":null)"),
      replaced(r, R"("nationalities":["CN"])", R"("nationalities":["XX"])"),
      replaced(r, R"("nationalities":["CN"])", R"("nationalities":["cn"])"),
      replaced(r, R"("nationalities":["CN"])", R"("nationalities":["BR","CN"])"),
      replaced(r, R"("nationalities":["CN"])", R"("nationalities":[])"),
      replaced(r, R"("amount":"64.58")", R"("amount":"-64.58")"),
      replaced(r, R"("amount":"64.58")", R"("amount":"6.458e1")"),
      replaced(r, R"("amount":"64.58")", R"("amount":64.58)"),
      replaced(r, R"("currency":"BRL")", R"("currency":"XYZ")"),
      replaced(r, R"("waivers":[])",
               R"("waivers":[{"fee":"registration","ground":"hardship","granted":true}])"),
      replaced(r, R"("waivers":[])", R"("waivers":[{"fee":"registration","granted":null}])"),
      replaced(r, R"({"type":"proof_of_entry"})", R"({"type":"Proof of entry"})"),
      replaced(r, R"({"type":"proof_of_entry"})", R"({"type":null})"),
      replaced(r, R"({"type":"proof_of_entry"})", R"({})"),
      replaced(r, R"({"type":"proof_of_entry"})", R"({"type":"proof_of_entry","holder":"d1"})"),
      replaced(r, R"("expires_on":"2012-02-14")", R"("expires_on":"2009-07-02")"),
      replaced(r, R"("family_size":3)", R"("family_size":3.0)"),
      replaced(r, R"("family_size":3)", R"("family_size":"3")"),
      replaced(r, R"("family_size":3)", R"("family_size":3,"family_size":4)"),
      replaced(r, R"("family_size":3)", R"("family_size":null)"),
      replaced(r, R"("family_size":3)", R"("family_size":01)"),
      replaced(r, R"("monthly_income_brl":3600.84)", R"("monthly_income_brl":3.60084e3)"),
      replaced(r, R"("monthly_income_brl":3600.84)", R"("monthly_income_brl":-0.5)"),
      replaced(r, R"("monthly_income_brl":3600.84)",
               R"("monthly_income_brl":1234567890123456789.5)"),
      replaced(r, R"("entry_route":"land")", R"("entry_route":"l\u0061nd")"),
      replaced(r, R"("entry_route":"land")", R"("entry_route":"sea")"),
      replaced(r, R"("signature_present":true)", R"("signature_present":"yes")"),
      replaced(r, R"("photo_count":2,)",
               R"("photo_count":2,"custom.note":"x","nested":{"a":[1,{"b":null}]},)"),
      replaced(r, R"("photo_count":2,)", R"("photo_count":2,"x":{"a":1,"a":2},)"),
      replaced(r, R"("photo_count":2,)", R"("photo_count":2,"y":1e400,)"),
      replaced(r, R"("id":"B0000012")", R"("id":"B,12 \"quoted\"")"),
      replaced(r, R"("id":"B0000012")", R"("id":12)"),
      replaced(r, R"("id":"B0000012",)", ""),
      replaced(r, R"("format":"regularis.application/1",)", ""),
      replaced(r, R"("format":"regularis.application/1")", R"("format":"regularis.application/2")"),
      replaced(r, R"("programme":"bench-core",)",
               R"("programme":"bench-core","channel":"online","unknown_field":[1,2],)"),
      replaced(r, R"("programme":"bench-core",)", R"("programme":"bench-core","channel":"fax",)"),
      replaced(r, R"("programme":"bench-core",)", R"("programme":"bench-core","dependants":[],)"),
      replaced(r, R"("programme":"bench-core",)",
               R"("programme":"bench-core","dependants":[{"id":"d1"},{"id":"d1"}],)"),
      replaced(r, R"("declarations":{"no_criminal_record":true})",
               R"("declarations":{"no_criminal_record":true,"other":false})"),
      replaced(r, R"("declarations":{"no_criminal_record":true})",
               R"("declarations":{"no_criminal_record":"true"})"),
      replaced(r, R"("declarations":{"no_criminal_record":true})", R"("declarations":{})"),
      replaced(r, R"("convictions":[])",
               R"("convictions":[{"date":"2001-05-01","category":"misdemeanor"}])"),
      replaced(r, R"("convictions":[])", R"("convictions":[{"category":"theft"}])"),
      // null, or another type, where the walk reads a value as its type at once
      replaced(r, R"("id":"B0000012")", R"("id":null)"),
      replaced(r, R"("id":"B0000012")", R"("id":true)"),
      replaced(r, R"("programme":"bench-core")", R"("programme":null)"),
      replaced(r, R"("format":"regularis.application/1")", R"("format":null)"),
      replaced(r, R"("programme":"bench-core",)", R"("programme":"bench-core","dependants":null,)"),
      replaced(r, R"("programme":"bench-core",)", R"("programme":"bench-core","dependants":{},)"),
      replaced(r, R"("declarations":{"no_criminal_record":true})", R"("declarations":null)"),
      replaced(r, R"("declarations":{"no_criminal_record":true})", R"("declarations":[])"),
      replaced(r, R"("declarations":{"no_criminal_record":true})",
               R"("declarations":{"no_criminal_record":null})"),
      replaced(r, R"("declarations":{"no_criminal_record":true})",
               R"("declarations":{"no_criminal_record":1})"),
      replaced(r, R"("waivers":[])", R"("waivers":null)"),
      replaced(r, R"("waivers":[])", R"("waivers":"none")"),
      replaced(r, R"("waivers":[])", R"("waivers":[null])"),
      replaced(r, R"("nationalities":["CN"])", R"("nationalities":[null])"),
      replaced(r, R"("nationalities":["CN"])", R"("nationalities":null)"),
      replaced(r, R"("nationalities":["CN"])", R"("nationalities":"CN")"),
      replaced(r, R"("pending_proceedings":false)", R"("pending_proceedings":null)"),
      replaced(r, R"("pending_proceedings":false)", R"("pending_proceedings":0)"),
      replaced(r, R"("amount":"64.58")", R"("amount":null)"),
      replaced(r, R"("amount":"64.58")", R"("amount":true)"),
      replaced(r, R"("amount":"64.58")", R"("amount":"64.58 ")"),
      replaced(r, R"("amount":"64.58")", R"("amount":[1])"),
      replaced(r, R"("family_size":3)", R"("family_size":true)"),
      replaced(r, R"("family_size":3)", R"("family_size":-0)"),
      replaced(r, R"("family_size":3)", R"("family_size":999999999999999999)"),
      replaced(r, R"("family_size":3)", R"("family_size":1000000000000000000)"),
      replaced(r, R"("family_size":3)", R"("family_size":-9223372036854775808)"),
      replaced(r, R"("family_size":3)", R"("family_size":3e0)"),
      replaced(r, R"("family_size":3)", R"("family_size":[3])"),
      replaced(r, R"("signature_present":true)", R"("signature_present":null)"),
      replaced(r, R"("signature_present":true)", R"("signature_present":1)"),
      replaced(r, R"("entry_route":"land")", R"("entry_route":null)"),
      replaced(r, R"("entry_route":"land")", R"("entry_route":5)"),
      replaced(r, R"("entry_date":"1977-07-16")", R"("entry_date":null)"),
      replaced(r, R"("entry_date":"1977-07-16")", R"("entry_date":19770716)"),
      r + " ",
      r + " x",
      r.substr(0, r.size() - 1),
      "\xEF\xBB\xBF" + r,
      "  [1, 2]",
      "{}",
      "\"text\"",
  };
  for (const char* file : {"bench/core.yaml", "bench/ext50.yaml"}) {
    const Tally t = check_lines(load_programme_file(file), variants);
    CHECK(t.records == variants.size());
    CHECK(t.fast > 10);
    CHECK(t.fast < t.records);
  }
}

TEST_CASE("a list element written as one before gives what that one gave, and only then") {
  // The walk remembers list elements by their bytes (BatchEvaluator keeps
  // them between records): each line must still agree with Engine::evaluate.
  const std::string r = workload_record();
  const std::string passport = R"({"type":"passport","expires_on":"2012-02-14"})";
  const auto with_passport = [&](const std::string& expires) {
    return replaced(r, passport, R"({"type":"passport","expires_on":")" + expires + R"("})");
  };
  const std::vector<std::string> lines = {
      r,
      r,
      with_passport("2009-07-02"),  // the same first 32 bytes, an earlier expiry
      r,
      with_passport("2009-07-02"),
      replaced(r, R"({"type":"proof_of_entry"})", R"({"type":"proof\u005fof_entry"})"),
      replaced(r, R"({"type":"proof_of_entry"})", R"({"type":"proof\u005fof_entry"})"),
      replaced(r, R"({"type":"proof_of_entry"})", R"({ "type" : "proof_of_entry" })"),
      replaced(r, R"({"type":"proof_of_entry"})", R"({"type":"proof_of_entry","holder":"d1"})"),
      replaced(r, R"({"type":"proof_of_entry"})", R"({"type":"proof_of_entry","type":"x"})"),
      replaced(r, R"({"type":"proof_of_entry"})", R"({"type":"proof_of_entr"})"),
      replaced(r, R"({"type":"proof_of_entry"})", R"({"type":"proof_of_entry"}   )"),
      replaced(r, R"("payments":[)",
               R"("payments":[{"fee":"registration","amount":"1.00","currency":"BRL"},)"),
      replaced(r, R"("payments":[)",
               R"("payments":[{"fee":"registration","amount":"1.00","currency":"BRL"},)"),
      replaced(r, R"("waivers":[])",
               R"("waivers":[{"fee":"registration","ground":"hardship","granted":true}])"),
      replaced(r, R"("waivers":[])",
               R"("waivers":[{"fee":"registration","ground":"hardship","granted":false}])"),
      replaced(r, R"("waivers":[])",
               R"("waivers":[{"fee":"registration","ground":"hardship","granted":true}])"),
      r,
  };
  for (const char* file : {"bench/core.yaml", "bench/ext50.yaml"}) {
    const Tally t = check_lines(load_programme_file(file), lines);
    CHECK(t.records == lines.size());
    CHECK(t.fast >= lines.size() - 3);  // a holder, a repeated key, "proof_of_entr" in ext50 stay
  }
}

TEST_CASE("declared facts are checked by their declarations on both paths, read or not") {
  const std::string text = programme_declaring(
      "  role: {type: string, values: [worker, student]}\n"
      "  origin: {type: string, values: [north, south]}\n"
      "  age_years: integer\n",
      R"(facts.role == "worker")");
  const Programme programme = load_programme_text(text, "t.yaml");
  EvaluationOptions options;
  options.explain = false;
  CHECK(BatchEvaluator(programme, options).accelerated());
  const std::string& head = kFactsHead;
  const std::vector<std::string> records = {
      head + R"({"role":"worker","origin":"north","age_years":30}})",
      head + R"({"role":"student"}})",
      head + R"({"role":"pilot"}})",                     // read, not one of its values
      head + R"({"role":"worker","origin":"east"}})",    // not read, not one of its values
      head + R"({"role":"worker","age_years":"old"}})",  // not read, of the wrong type
      head + R"({"role":"worker","origin":7}})",
      head + R"({"role":"worker","age_years":null}})",
  };
  const Tally t = check_lines(programme, records);
  CHECK(t.records == records.size());
  CHECK(t.fast == 3);
  const std::vector<std::pair<std::size_t, std::string>> invalid = {
      {2, "facts.bad_vocabulary facts.role"},
      {3, "facts.bad_vocabulary facts.origin"},
      {4, "facts.wrong_type facts.age_years"},
      {5, "facts.wrong_type facts.origin"}};
  for (const auto& [k, want] : invalid) {
    INFO(records[k]);
    const Evaluation e = Engine{}.evaluate(programme, read_application(records[k]), options);
    CHECK(e.outcome == Outcome::invalid);
    REQUIRE(e.diagnostics.size() == 1);
    CHECK(e.diagnostics[0].code + " " + e.diagnostics[0].json_path == want);
  }
  // A declaration the fast walk cannot check leaves every record to the ordinary way.
  const Programme listed = load_programme_text(
      replaced(text, "  age_years: integer\n", "  age_years: integer\n  langs: list<string>\n"),
      "t.yaml");
  CHECK_FALSE(BatchEvaluator(listed, options).accelerated());
}

TEST_CASE("a programme declaring more than 64 facts keeps the fast path, repeated keys and all") {
  // f0..f99 declared: a key past the 64th is told apart from the others.
  std::string facts;
  for (int k = 0; k < 100; ++k) facts += "  f" + std::to_string(k) + ": integer\n";
  const std::string text = programme_declaring(facts, "facts.f90 > facts.f5");
  const Programme programme = load_programme_text(text, "t.yaml");
  EvaluationOptions options;
  options.explain = false;
  CHECK(BatchEvaluator(programme, options).accelerated());
  const std::vector<std::string> records = {
      kFactsHead + R"({"f5":1,"f90":2,"f99":0}})",
      kFactsHead + R"({"f90":2,"f5":3}})",
      kFactsHead + R"({"f90":2,"f70":1,"f5":1,"f70":2}})",           // f70 repeated: invalid
      kFactsHead + R"({"f90":2,"f5":1,"f90":2}})",                   // f90 repeated: invalid
      kFactsHead + R"({"f5":1,"f64":2,"f0":3,"f63":4,"f65":"x"}})",  // f65 of the wrong type
      kFactsHead + R"({"f5":1}})",                                   // f90 unknown
  };
  const Tally t = check_lines(programme, records);
  CHECK(t.records == records.size());
  CHECK(t.fast == 2);
  const Engine engine;
  CHECK(engine.evaluate(programme, read_application(records[0]), options).outcome ==
        Outcome::eligible);
  CHECK(engine.evaluate(programme, read_application(records[1]), options).outcome ==
        Outcome::ineligible);
  for (const std::size_t k : {std::size_t{2}, std::size_t{3}, std::size_t{4}}) {
    CHECK(engine.evaluate(programme, read_application(records[k]), options).outcome ==
          Outcome::invalid);
  }
  // Past kMaxKnownKeys declared facts, every record goes the ordinary way.
  for (int k = 100; k < 300; ++k) facts += "  f" + std::to_string(k) + ": integer\n";
  const std::string many = programme_declaring(facts, "facts.f90 > facts.f5");
  CHECK_FALSE(BatchEvaluator(load_programme_text(many, "t.yaml"), options).accelerated());
}

TEST_CASE(
    "a programme reading a dependant's own facts takes the ordinary way to the same results") {
  const std::string without =
      "programme: t\n"
      "title: {en: T}\n"
      "jurisdiction: IE\n"
      "time_zone: Europe/Dublin\n"
      "facts: {undocumented_since: date}\n"
      "versions:\n"
      "  - effective_from: 2022-01-01\n"
      "    window: {opens: 2022-01-31, closes: 2022-07-31}\n"
      "    criteria:\n"
      "      - id: partner_undocumented\n"
      "        text: {en: Each partner applying has been undocumented since 31 January 2020}\n"
      "        require: >-\n"
      "          all(d in dependants: d.relationship != \"partner\" or not d.applying)\n";
  const std::string with =
      replaced(without, "or not d.applying)",
               "or not d.applying\n              or d.facts.undocumented_since <= 2020-01-31)");
  EvaluationOptions options;
  options.explain = false;
  CHECK(BatchEvaluator(load_programme_text(without, "t.yaml"), options).accelerated());
  const Programme programme = load_programme_text(with, "t.yaml");
  CHECK_FALSE(BatchEvaluator(programme, options).accelerated());  // FastProgram declines it
  const std::string head =
      R"({"format":"regularis.application/1","id":"T-1","filed_at":"2022-03-01",)";
  const std::string partner = R"({"id":"p1","relationship":"partner","applying":true)";
  const std::string child = R"({"id":"c1","relationship":"child","applying":true})";
  const std::vector<std::string> records = {
      head + R"("dependants":[]})",
      head + R"("programme":"t"})",
      head + R"("dependants":[)" + partner + R"(,"facts":{"undocumented_since":"2020-01-31"}}]})",
      head + R"("dependants":[)" + partner + R"(,"facts":{"undocumented_since":"2020-02-01"}}]})",
      head + R"("dependants":[)" + partner + R"(,"facts":{}}]})",
      head + R"("dependants":[)" + child + "," + partner + "}]}",
      head + R"("dependants":[)" + partner + R"(,"facts":{"undocumented_since":"soon"}}]})",
  };
  const Tally t = check_lines(programme, records);
  CHECK(t.records == 7);
  CHECK(t.fast == 0);
  const std::vector<Outcome> outcomes = {
      Outcome::eligible,   Outcome::incomplete, Outcome::eligible, Outcome::ineligible,
      Outcome::incomplete, Outcome::incomplete, Outcome::invalid};
  for (std::size_t k = 0; k < records.size(); ++k) {
    INFO(records[k]);
    CHECK(Engine{}.evaluate(programme, read_application(records[k]), options).outcome ==
          outcomes[k]);
  }
}

TEST_CASE("the batch path agrees with Engine::evaluate on the generated workload") {
  const fs::path gen = REGULARIS_BENCH_GEN_PY;
  if (!fs::exists(gen)) {
    WARN("skipped: " << gen << " is absent");
    return;
  }
  const fs::path out = fs::path(REGULARIS_BENCH_WORK_DIR) / "batch_test_apps.jsonl";
  const std::string command = "python3 '" + gen.string() + "' 3000 --out '" + out.string() + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  const std::string text = slurp(out);
  for (const char* file : {"bench/core.yaml", "bench/ext50.yaml"}) {
    const Programme programme = load_programme_file(file);
    const Tally t = check_lines(programme, text);
    CHECK(t.records == 3000);
    CHECK(t.fast == 3000);
  }
}
