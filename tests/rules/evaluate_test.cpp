// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Evaluation of compiled rules expressions: criteria of the Brazil 2009
// programme, operators, functions, comprehensions, unknown sets, run-time
// errors, the slot table and the trace.
#include <catch2/catch.hpp>

#include "regularis/core/error.hpp"
#include "rules/support.hpp"

using namespace regularis;
using namespace regularis::test;

namespace {

struct Env : RulesFixture {
  Compiler compiler;
  Diagnostics diags;

  Env() {
    REQUIRE(compiler.define_parameter("entry_cutoff", Constant::date(day("2009-02-01")),
                                      {"br.yaml", 9, 21}, diags));
    REQUIRE(compiler.define_parameter(
        "sectors",
        Constant::list({Constant::string("agriculture"), Constant::string("domestic_work")}),
        {"br.yaml", 10, 16}, diags));
    REQUIRE(compiler.define_parameter("fee", Constant::money(money("64.58 BRL")),
                                      {"br.yaml", 11, 12}, diags));
  }

  CompiledExpression compile(const std::string& text,
                             std::optional<Type> expected = Type::boolean()) {
    auto e = compiler.compile(text, {"t.yaml", 1, 1}, env, diags, expected);
    INFO(text);
    for (const auto& d : diags) INFO(d.to_string());
    REQUIRE(diags.empty());
    REQUIRE(e);
    return *e;
  }
};

std::string eval(const CompiledExpression& e, Slots& s) {
  return to_string(e.evaluate(s.values()));
}

}  // namespace

TEST_CASE("entered on or before the cutoff") {
  Env t;
  auto e = t.compile("applicant.entry_date <= entry_cutoff");
  Slots s(t.compiler.slots());
  const FactId entry = *t.compiler.slots().find("applicant.entry_date");
  CHECK(e.evaluate(s.values()).unknown_facts() == FactSet::of(entry));
  s.set("applicant.entry_date", Value::date(day("2009-02-01")));
  CHECK(eval(e, s) == "true");
  s.set("applicant.entry_date", Value::date(day("2009-02-02")));
  CHECK(eval(e, s) == "false");
  CHECK(e.slot_count() == 1);
  CHECK(e.facts_read() == std::vector<FactId>{entry});
}

TEST_CASE("false and unknown is false: a late entry is ineligible with nothing else known") {
  Env t;
  auto e = t.compile(
      "applicant.entry_date <= entry_cutoff and not applicant.criminal.pending_proceedings");
  Slots s(t.compiler.slots());
  CHECK(eval(e, s) == "unknown{0, 1}");
  s.set("applicant.entry_date", Value::date(day("2010-01-05")));
  CHECK(eval(e, s) == "false");
  s.set("applicant.entry_date", Value::date(day("2008-01-05")));
  CHECK(eval(e, s) == "unknown{1}");
  s.set("applicant.criminal.pending_proceedings", Value::boolean(false));
  CHECK(eval(e, s) == "true");
}

TEST_CASE("slots are shared by the expressions of one compiler") {
  Env t;
  auto a = t.compile("applicant.entry_date <= entry_cutoff");
  auto b = t.compile(
      "age_on(applicant.date_of_birth, filing_date) >= 18 and applicant.entry_date > 2000-01-01");
  const SlotTable& table = t.compiler.slots();
  REQUIRE(table.size() == 3);
  CHECK(table[0].path == "applicant.entry_date");
  CHECK(table[1].path == "applicant.date_of_birth");
  CHECK(table[2].path == "filing_date");
  CHECK(table[2].type == Type::date());
  CHECK(b.slot_count() == 3);
  Slots s(table);
  s.set("applicant.date_of_birth", Value::date(day("1991-12-31")));
  s.set("filing_date", Value::date(day("2009-12-30")));
  s.set("applicant.entry_date", Value::date(day("2008-01-05")));
  CHECK(eval(a, s) == "true");
  CHECK(eval(b, s) == "false");  // 17 years old
  s.set("filing_date", Value::date(day("2009-12-31")));
  CHECK(eval(b, s) == "true");
}

TEST_CASE("the leap-day rule: where a 29 February anniversary falls in a common year") {
  for (const LeapDayBirthday rule : {LeapDayBirthday::march_1, LeapDayBirthday::february_28}) {
    const bool march = rule == LeapDayBirthday::march_1;
    INFO((march ? "march_1" : "february_28"));
    Env t;
    t.compiler.set_leap_day(rule);
    auto age = t.compile("age_on(applicant.date_of_birth, filing_date) >= 18");
    auto years = t.compile("years_between(applicant.date_of_birth, filing_date)", Type::integer());
    auto before_16 =
        t.compile("applicant.entry_date < applicant.date_of_birth + 16 years and true");
    auto anniversary = t.compile("2008-02-29 + 1 year", Type::date());
    auto back = t.compile("2012-02-29 - 3 years", Type::date());
    auto month_end = t.compile("2009-01-31 + 1 month", Type::date());
    CHECK(t.compiler.counts_years());
    Slots s(t.compiler.slots());
    s.set("applicant.date_of_birth", Value::date(day("2004-02-29")));
    s.set("filing_date", Value::date(day("2022-02-28")));
    CHECK(eval(age, s) == (march ? "false" : "true"));
    CHECK(eval(years, s) == (march ? "17" : "18"));
    s.set("filing_date", Value::date(day("2022-03-01")));
    CHECK(eval(age, s) == "true");
    // Born 29 February 1993 does not exist; 1996 + 16 = 2012 is a leap year, 2001 is not.
    s.set("applicant.date_of_birth", Value::date(day("1996-02-29")));
    s.set("applicant.entry_date", Value::date(day("2012-02-28")));
    CHECK(eval(before_16, s) == "true");  // 16th birthday on 29 February 2012 itself
    s.set("applicant.date_of_birth", Value::date(day("2000-02-29")));  // 16 in 2016 (leap)
    s.set("applicant.entry_date", Value::date(day("2016-02-29")));
    CHECK(eval(before_16, s) == "false");
    s.set("applicant.date_of_birth", Value::date(day("2004-02-29")));  // 16 in 2020 (leap)
    CHECK(eval(anniversary, s) == (march ? "2009-03-01" : "2009-02-28"));
    CHECK(eval(back, s) == (march ? "2009-03-01" : "2009-02-28"));
    CHECK(eval(month_end, s) == "2009-02-28");  // other month ends still clamp
  }
}

TEST_CASE("only age, years and moving a date by more than days need the leap-day rule") {
  Env t;
  t.compile("applicant.entry_date <= entry_cutoff");
  t.compile("applicant.entry_date + 90 days <= entry_cutoff");
  t.compile("days_between(applicant.entry_date, filing_date) > 30");
  CHECK_FALSE(t.compiler.counts_years());
  t.compile("applicant.entry_date + 2 years <= filing_date");
  CHECK(t.compiler.counts_years());
}

TEST_CASE("a failed compile does not leave slots behind") {
  Env t;
  auto e = t.compiler.compile("applicant.entry_date <= 5", {"t.yaml", 1, 1}, t.env, t.diags);
  CHECK_FALSE(e);
  CHECK(t.compiler.slots().size() == 0);
}

TEST_CASE("arithmetic on dates, periods, money and numbers") {
  Env t;
  Slots s(t.compiler.slots());
  CHECK(eval(t.compile("2009-07-03 + 180 days", Type::date()), s) == "2009-12-30");
  CHECK(eval(t.compile("2008-02-29 + 1 year", Type::date()), s) == "2009-03-01");  // march_1
  CHECK(eval(t.compile("2009-03-31 - 1 month", Type::date()), s) == "2009-02-28");
  CHECK(eval(t.compile("2 years + 1 year 6 months", Type::period()), s) == "3 years 6 months");
  CHECK(eval(t.compile("1 year + 2009-01-01", Type::date()), s) == "2010-01-01");
  CHECK(eval(t.compile("fee + 31.05 BRL", Type::money()), s) == "95.63 BRL");
  CHECK(eval(t.compile("fee * 2", Type::money()), s) == "129.16 BRL");
  CHECK(eval(t.compile("2 * 3 + 4", Type::integer()), s) == "10");
  CHECK(eval(t.compile("2 * (3 + 4)", Type::integer()), s) == "14");
  CHECK(eval(t.compile("1 + 0.5", Type::decimal()), s) == "1.5");
  CHECK(eval(t.compile("10 - 2 - 3", Type::integer()), s) == "5");
  CHECK(eval(t.compile("-(2 years)", Type::period()), s) == "-2 years");
  CHECK(eval(t.compile("9223372036854775807 + 1", Type::integer()), s) == "error(rules.overflow)");
  // Two currencies the expression fixes are a compile error (check_test);
  // an application's amount in another currency is an error value.
  auto sum = t.compile("fee + applicant.income", Type::money());
  auto less = t.compile("fee < applicant.income");
  Slots usd(t.compiler.slots());
  usd.set("applicant.income", Value::money(money("1 USD")));
  CHECK(eval(sum, usd) == "error(rules.currency_mismatch)");
  CHECK(eval(less, usd) == "error(rules.currency_mismatch)");
  CHECK(eval(t.compile("9999-12-01 + 1 month", Type::date()), s) ==
        "error(rules.date_out_of_range)");
  CHECK(eval(t.compile("0001-01-01 - 1 day", Type::date()), s) == "error(rules.date_out_of_range)");
  CHECK(eval(t.compile("1 == 1.0"), s) == "true");
  CHECK(eval(t.compile("2 > 1.5"), s) == "true");
  CHECK(eval(t.compile("12 months == 1 year"), s) == "false");
}

TEST_CASE("errors pass through strict operators, unknown beats error in and/or") {
  Env t;
  Slots s(t.compiler.slots());
  auto e = t.compile("applicant.income + 1 BRL > 10 BRL or applicant.entry_date <= entry_cutoff");
  Slots s2(t.compiler.slots());
  s2.set("applicant.income", Value::money(money("5 USD")));
  CHECK(eval(e, s2) == "unknown{1}");
  s2.set("applicant.entry_date", Value::date(day("2009-01-01")));
  CHECK(eval(e, s2) == "true");
  s2.set("applicant.entry_date", Value::date(day("2009-03-01")));
  CHECK(eval(e, s2) == "error(rules.currency_mismatch)");
  auto strict = t.compile("applicant.income + 1 USD > applicant.income", Type::boolean());
  Slots s3(t.compiler.slots());
  CHECK(eval(strict, s3) == "unknown{0}");
}

TEST_CASE("in and not in, with countries and parameters") {
  Env t;
  auto sector = t.compile("applicant.job_offer.sector in sectors");
  auto bolivian = t.compile("\"BO\" in applicant.nationalities");
  auto not_br = t.compile("\"BR\" not in applicant.nationalities");
  auto inline_list = t.compile("applicant.job_offer.sector in [\"construction\", \"commerce\"]");
  Slots s(t.compiler.slots());
  CHECK(eval(sector, s) == "unknown{0}");
  s.set("applicant.job_offer.sector", s.str("domestic_work"));
  CHECK(eval(sector, s) == "true");
  CHECK(eval(inline_list, s) == "false");
  s.set("applicant.nationalities",
        s.list({Value::country(country("PY")), Value::country(country("BO"))}));
  CHECK(eval(bolivian, s) == "true");
  CHECK(eval(not_br, s) == "true");
  s.set("applicant.nationalities", s.list({Value::country(country("PY")), Value::unknown()}));
  CHECK(eval(bolivian, s) == "unknown{1}");
}

TEST_CASE("any, all and count over records") {
  Env t;
  auto felony = t.compile(
      "any(c in applicant.criminal.convictions: c.category == \"felony\" and c.date >= "
      "2004-01-01)");
  auto all_br = t.compile("all(c in applicant.criminal.convictions: c.country == \"BR\")");
  auto n = t.compile("count(c in applicant.criminal.convictions: c.category == \"felony\")",
                     Type::integer());
  auto total = t.compile("count(applicant.criminal.convictions)", Type::integer());
  const SlotTable& table = t.compiler.slots();
  REQUIRE(table.find("applicant.criminal.convictions[].category"));
  const FactId category = *table.find("applicant.criminal.convictions[].category");
  const FactId list = *table.find("applicant.criminal.convictions");
  CHECK(table[category].parent == list);
  CHECK(table[category].field == "category");
  CHECK(table.fields_of(list).size() == 3);

  Slots s(table);
  CHECK(eval(felony, s) == "unknown{" + std::to_string(list) + "}");
  s.set("applicant.criminal.convictions", s.list({}));
  CHECK(eval(felony, s) == "false");
  CHECK(eval(all_br, s) == "true");
  CHECK(eval(n, s) == "0");
  auto c1 =
      s.record({Value::date(day("2001-05-01")), s.str("felony"), Value::country(country("BR"))});
  auto c2 =
      s.record({Value::date(day("2006-05-01")), Value::unknown(), Value::country(country("AR"))});
  s.set("applicant.criminal.convictions", s.list({c1, c2}));
  CHECK(eval(felony, s) == "unknown{" + std::to_string(category) + "}");
  CHECK(eval(all_br, s) == "false");
  CHECK(eval(n, s) == "unknown{" + std::to_string(category) + "}");
  CHECK(eval(total, s) == "2");
  auto c3 =
      s.record({Value::date(day("2007-05-01")), s.str("felony"), Value::country(country("BR"))});
  s.set("applicant.criminal.convictions", s.list({c1, c2, c3}));
  CHECK(eval(felony, s) == "true");
}

TEST_CASE("nested comprehensions see their own variables") {
  Env t;
  auto e = t.compile(
      "any(c in applicant.criminal.convictions: any(d in documents: d.issued_by == c.country))");
  Slots s(t.compiler.slots());
  auto c1 =
      s.record({Value::date(day("2001-05-01")), s.str("felony"), Value::country(country("AR"))});
  s.set("applicant.criminal.convictions", s.list({c1}));
  auto d1 = s.record(
      {s.str("passport"), Value::unknown(), Value::boolean(true), Value::country(country("BR"))});
  s.set("documents", s.list({d1}));
  CHECK(eval(e, s) == "false");
  auto d2 = s.record(
      {s.str("passport"), Value::unknown(), Value::boolean(true), Value::country(country("AR"))});
  s.set("documents", s.list({d1, d2}));
  CHECK(eval(e, s) == "true");
}

TEST_CASE("has_document") {
  Env t;
  auto one = t.compile("has_document(\"passport_entry_stamp\")");
  auto any_of = t.compile("has_document([\"lease\", \"school_record\"])");
  Slots s(t.compiler.slots());
  const FactId docs = *t.compiler.slots().find("documents");
  CHECK(eval(one, s) == "unknown{" + std::to_string(docs) + "}");
  auto stamp = s.record({s.str("passport_entry_stamp"), Value::date(day("2008-11-03")),
                         Value::boolean(true), Value::unknown()});
  auto lease = s.record({s.str("lease"), Value::unknown(), Value::unknown(), Value::unknown()});
  s.set("documents", s.list({stamp}));
  CHECK(eval(one, s) == "true");
  CHECK(eval(any_of, s) == "false");
  s.set("documents", s.list({lease}));
  CHECK(eval(one, s) == "false");
  CHECK(eval(any_of, s) == "true");
}

TEST_CASE("continuous_residence") {
  Env t;
  auto e =
      t.compile("continuous_residence(applicant.residence_since, applicant.absences, 90 days)");
  const SlotTable& table = t.compiler.slots();
  const FactId to = *table.find("applicant.absences[].to");
  Slots s(table);
  s.set("applicant.residence_since", Value::date(day("2008-01-01")));
  CHECK(eval(e, s) == "unknown{1}");
  s.set("applicant.absences", s.list({}));
  CHECK(eval(e, s) == "true");
  auto short_trip = s.record({Value::date(day("2009-03-01")), Value::date(day("2009-03-20"))});
  auto long_trip = s.record({Value::date(day("2008-03-01")), Value::date(day("2008-07-20"))});
  auto old_trip = s.record({Value::date(day("2006-03-01")), Value::date(day("2007-07-20"))});
  auto open_trip = s.record({Value::date(day("2008-03-01")), Value::unknown()});
  s.set("applicant.absences", s.list({short_trip, old_trip}));
  CHECK(eval(e, s) == "true");
  s.set("applicant.absences", s.list({short_trip, long_trip}));
  CHECK(eval(e, s) == "false");
  s.set("applicant.absences", s.list({short_trip, open_trip}));
  CHECK(eval(e, s) == "unknown{" + std::to_string(to) + "}");
}

TEST_CASE("record facts: fields of a record slot, and document conditions") {
  Env t;
  auto expired = t.compile("applicant.last_permit.to < filing_date");
  const SlotTable& table = t.compiler.slots();
  const FactId permit = *table.find("applicant.last_permit");
  const FactId permit_to = *table.find("applicant.last_permit.to");
  CHECK(table[permit_to].parent == permit);
  Slots s(table);
  s.set("filing_date", Value::date(day("2009-12-01")));
  CHECK(eval(expired, s) == "unknown{" + std::to_string(permit) + "}");
  s.set("applicant.last_permit",
        s.record({s.str("visa"), Value::date(day("2008-01-01")), Value::unknown()}));
  CHECK(eval(expired, s) == "unknown{" + std::to_string(permit_to) + "}");
  s.set("applicant.last_permit",
        s.record({s.str("visa"), Value::date(day("2008-01-01")), Value::date(day("2008-06-30"))}));
  CHECK(eval(expired, s) == "true");

  MapEnvironment doc_env(&t.env);
  doc_env.add("document", Type::record(t.document));
  auto cond = t.compiler.compile("document.shows_date <= entry_cutoff and document.verified",
                                 {"br.yaml", 20, 18}, doc_env, t.diags);
  REQUIRE(cond);
  Slots d(t.compiler.slots());
  d.set("document", d.record({d.str("lease"), Value::date(day("2009-01-10")), Value::boolean(true),
                              Value::unknown()}));
  CHECK(eval(*cond, d) == "true");
  d.set("document",
        d.record({d.str("lease"), Value::unknown(), Value::boolean(false), Value::unknown()}));
  CHECK(eval(*cond, d) == "false");
}

TEST_CASE("a slot value of the wrong kind is an error value, a short slot array a UsageError") {
  Env t;
  auto e = t.compile("applicant.entry_date <= entry_cutoff");
  std::vector<Value> slots = {Value::integer(3)};
  CHECK(to_string(e.evaluate(slots)) == "error(rules.bad_slot_value)");
  std::vector<Value> none;
  CHECK_THROWS_AS(e.evaluate(none), UsageError);
}

TEST_CASE("the trace records the values each node produced") {
  Env t;
  auto e = t.compile(
      "applicant.entry_date <= entry_cutoff and not applicant.criminal.pending_proceedings");
  const auto& nodes = e.nodes();
  REQUIRE(nodes.size() == 6);
  CHECK(nodes[0].op == "and");
  CHECK(nodes[0].children == std::vector<NodeId>{1, 4});
  CHECK(nodes[1].op == "<=");
  CHECK(nodes[1].children == std::vector<NodeId>{2, 3});
  CHECK(nodes[2].text == "applicant.entry_date");
  CHECK(nodes[2].location == SourceLocation{"t.yaml", 1, 1});
  CHECK(nodes[3].text == "entry_cutoff");
  CHECK(nodes[3].location == SourceLocation{"t.yaml", 1, 25});
  CHECK(nodes[4].op == "not");
  CHECK(nodes[5].text == "applicant.criminal.pending_proceedings");
  Slots s(t.compiler.slots());
  s.set("applicant.entry_date", Value::date(day("2009-03-05")));
  Trace trace;
  CHECK(to_string(e.evaluate(s.values(), &trace)) == "false");
  REQUIRE(trace.value_of(2));
  CHECK(to_string(*trace.value_of(2)) == "2009-03-05");
  CHECK(to_string(*trace.value_of(3)) == "2009-02-01");
  CHECK(to_string(*trace.value_of(1)) == "false");
  CHECK(to_string(*trace.value_of(0)) == "false");
  CHECK(trace.value_of(4) == nullptr);  // skipped: false and ... is false
}

TEST_CASE("sum adds the values of the elements whose condition holds") {
  Env t;
  auto item = RecordType::make(
      "item", {{"fee", Type::string()}, {"amount", Type::decimal()}, {"count", Type::integer()}});
  t.env.add("facts.items", Type::list_of(Type::record(item)));
  auto paid =
      t.compile("sum(p in facts.items: p.fee == \"registration\", p.amount)", Type::decimal());
  auto enough = t.compile("sum(p in facts.items: p.fee == \"registration\", p.amount) >= 64.58");
  auto units = t.compile("sum(p in facts.items: true, p.count)", Type::integer());
  const SlotTable& table = t.compiler.slots();
  const FactId items = *table.find("facts.items");
  const FactId fee = *table.find("facts.items[].fee");
  const FactId amount = *table.find("facts.items[].amount");

  Slots s(table);
  CHECK(eval(paid, s) == "unknown{" + std::to_string(items) + "}");
  s.set("facts.items", s.list({}));
  CHECK(eval(paid, s) == "0");
  CHECK(eval(units, s) == "0");
  CHECK(eval(enough, s) == "false");
  auto dec = [](const char* text) { return Value::decimal(*Decimal::parse(text)); };
  auto a = s.record({s.str("registration"), dec("60.00"), Value::integer(2)});
  auto b = s.record({s.str("identity_card"), dec("31.05"), Value::integer(1)});
  auto c = s.record({s.str("registration"), dec("4.58"), Value::integer(3)});
  s.set("facts.items", s.list({a, b, c}));
  CHECK(eval(paid, s) == "64.58");
  CHECK(eval(enough, s) == "true");
  CHECK(eval(units, s) == "6");
  // An unknown value counts only where the condition selects it.
  auto d = s.record({s.str("other"), Value::unknown(), Value::integer(1)});
  s.set("facts.items", s.list({a, d}));
  CHECK(eval(paid, s) == "60.00");
  auto e = s.record({s.str("registration"), Value::unknown(), Value::integer(1)});
  s.set("facts.items", s.list({a, e}));
  CHECK(eval(paid, s) == "unknown{" + std::to_string(amount) + "}");
  auto f = s.record({Value::unknown(), dec("1"), Value::integer(1)});
  s.set("facts.items", s.list({f}));
  CHECK(eval(enough, s) == "unknown{" + std::to_string(fee) + "}");
  // Overflow is an error; an input error beats it.
  auto big = s.record({s.str("x"), dec("1"), Value::integer(INT64_MAX)});
  s.set("facts.items", s.list({big, big}));
  CHECK(eval(units, s) == "error(rules.overflow)");
  auto bad = s.record({s.str("x"), dec("1"), Value::error(EvalError::currency_mismatch)});
  s.set("facts.items", s.list({big, big, bad}));
  CHECK(eval(units, s) == "error(rules.currency_mismatch)");
}
