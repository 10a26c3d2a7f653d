// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// A record field that is itself a record, read through a comprehension
// variable (`d.facts.since`: how a programme reads a dependant's own facts):
// the facts it registers, the unknown set of an absent field, agreement with
// the reference interpreter, fields whose names have dots, the record's note
// in the unknown-field error, and FastProgram declining such expressions (the
// batch path then takes the ordinary way).
#include <catch2/catch.hpp>

#include "regularis/rules/fast.hpp"
#include "rules/reference.hpp"
#include "rules/support.hpp"

using namespace regularis;
using namespace regularis::test;

namespace {

struct People {
  std::shared_ptr<const RecordType> facts =
      RecordType::make("facts", {{"since", Type::date()}, {"custom.level", Type::integer()}},
                       "a dependant's facts are those declared under facts:");
  std::shared_ptr<const RecordType> person = RecordType::make(
      "person", {{"relationship", Type::string()}, {"facts", Type::record(facts)}});
  MapEnvironment env;
  Compiler compiler;
  Diagnostics diags;

  People() { env.add("people", Type::list_of(Type::record(person))); }

  std::optional<CompiledExpression> compile(const std::string& text) {
    return compiler.compile(text, {"p.yaml", 4, 12}, env, diags);
  }
};

}  // namespace

TEST_CASE("a field of a record field names its own fact", "[rules][nested]") {
  People t;
  auto e = t.compile(
      "all(d in people: d.relationship != \"partner\" or d.facts.since <= "
      "2020-01-31)");
  REQUIRE(e);
  const SlotTable& table = t.compiler.slots();
  const FactId people = *table.find("people");
  const FactId facts = *table.find("people[].facts");
  const FactId since = *table.find("people[].facts.since");
  CHECK(table[facts].parent == people);
  CHECK(table[facts].field == "facts");
  CHECK(table[since].parent == facts);
  CHECK(table[since].field == "since");
  CHECK(table[since].type == Type::date());

  Slots s(table);
  auto person = [&](const char* relationship, Value since_value) {
    return s.record({s.str(relationship), s.record({since_value, Value::unknown()})});
  };
  auto check = [&](const std::string& want) {
    const Value got = e->evaluate(s.values());
    CHECK(to_string(got) == want);
    CHECK(identical(got, reference_evaluate(*e, ValueSpan{s.values().data(), s.values().size()})));
  };
  s.set("people", s.list({person("child", Value::unknown()),
                          person("partner", Value::date(day("2020-01-31")))}));
  check("true");
  s.set("people", s.list({person("partner", Value::unknown()),
                          person("partner", Value::date(day("2020-01-31")))}));
  check("unknown{" + std::to_string(since) + "}");
  s.set("people", s.list({person("partner", Value::unknown()),
                          person("partner", Value::date(day("2020-02-01")))}));
  check("false");
  // An absent `facts` record: reading its field is unknown with the record's fact.
  s.set("people", s.list({s.record({s.str("partner"), Value::unknown()})}));
  check("unknown{" + std::to_string(facts) + "}");
}

TEST_CASE("a record field whose name has dots is named by several segments", "[rules][nested]") {
  People t;
  auto e = t.compile("any(d in people: d.facts.custom.level >= 2)");
  REQUIRE(e);
  CHECK(t.compiler.slots().find("people[].facts.custom.level"));
  Slots s(t.compiler.slots());
  s.set("people",
        s.list({s.record({s.str("child"), s.record({Value::unknown(), Value::integer(3)})})}));
  CHECK(to_string(e->evaluate(s.values())) == "true");
}

TEST_CASE("an unknown field of a record says the record's note", "[rules][nested][diagnostics]") {
  People t;
  CHECK_FALSE(t.compile("any(d in people: d.facts.sinc <= 2020-01-31)"));
  REQUIRE(t.diags.size() == 1);
  CHECK(t.diags[0].to_string() ==
        "p.yaml:4:37: error: record facts has no field \"sinc\" (a dependant's facts are those "
        "declared under facts:) [rules.unknown_field]");
  // A record without a note: the message as before.
  Diagnostics more;
  CHECK_FALSE(
      t.compiler.compile("any(d in people: d.kind == \"x\")", {"p.yaml", 1, 1}, t.env, more));
  REQUIRE(more.size() == 1);
  CHECK(more[0].message == "record person has no field \"kind\"");
  // `d.facts.custom` alone is not a field: `custom.level` is.
  Diagnostics partial;
  CHECK_FALSE(t.compiler.compile("any(d in people: d.facts.custom == 1)", {"p.yaml", 1, 1}, t.env,
                                 partial));
  REQUIRE(partial.size() == 1);
  CHECK(partial[0].code == "rules.unknown_field");
}

TEST_CASE("FastProgram declines a field of a record field", "[rules][nested][fast]") {
  People t;
  auto nested = t.compile("all(d in people: d.facts.since <= 2020-01-31)");
  REQUIRE(nested);
  CHECK_FALSE(FastProgram::compile({&*nested}, t.compiler.slots()));

  People flat;
  auto plain = flat.compile("all(d in people: d.relationship != \"partner\")");
  REQUIRE(plain);
  CHECK(FastProgram::compile({&*plain}, flat.compiler.slots()));
}
