// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Kleene truth tables of and/or/not over {true, false, unknown}, evaluated
// by compiled expressions with the operands in slots, plus error handling.
#include <catch2/catch.hpp>

#include "rules/support.hpp"

using namespace regularis;
using namespace regularis::test;

namespace {

struct Table {
  MapEnvironment env;
  Compiler compiler;
  Diagnostics diags;
  Table() {
    env.add("a", Type::boolean()).add("b", Type::boolean()).add("i", Type::integer());
    compile("a and b and i > 0");  // slots: a = 0, b = 1, i = 2
  }
  CompiledExpression compile(const std::string& text) {
    auto e = compiler.compile(text, {"k", 1, 1}, env, diags);
    REQUIRE(e);
    return *e;
  }
};

// "t", "f", "u" (unknown a / unknown b), "e" (an error).
Value input(char c, FactId id) {
  switch (c) {
    case 't':
      return Value::boolean(true);
    case 'f':
      return Value::boolean(false);
    default:
      return Value::unknown(FactSet::of(id));
  }
}

}  // namespace

TEST_CASE("Kleene and / or / not") {
  Table t;
  auto and_ = t.compile("a and b");
  auto or_ = t.compile("a or b");
  auto not_ = t.compile("not a");
  REQUIRE(t.compiler.slots()[0].path == "a");
  struct Row {
    char a, b;
    const char* and_result;
    const char* or_result;
  };
  const Row rows[] = {
      {'t', 't', "true", "true"},
      {'t', 'f', "false", "true"},
      {'t', 'u', "unknown{1}", "true"},
      {'f', 't', "false", "true"},
      {'f', 'f', "false", "false"},
      {'f', 'u', "false", "unknown{1}"},
      {'u', 't', "unknown{0}", "true"},
      {'u', 'f', "false", "unknown{0}"},
      {'u', 'u', "unknown{0, 1}", "unknown{0, 1}"},
  };
  for (const Row& r : rows) {
    std::vector<Value> slots = {input(r.a, 0), input(r.b, 1)};
    INFO(r.a << " " << r.b);
    CHECK(to_string(and_.evaluate(slots)) == r.and_result);
    CHECK(to_string(or_.evaluate(slots)) == r.or_result);
  }
  CHECK(to_string(not_.evaluate(std::vector<Value>{input('t', 0), input('t', 1)})) == "false");
  CHECK(to_string(not_.evaluate(std::vector<Value>{input('f', 0), input('t', 1)})) == "true");
  CHECK(to_string(not_.evaluate(std::vector<Value>{input('u', 0), input('t', 1)})) == "unknown{0}");
}

TEST_CASE("errors in and/or: a deciding operand wins, then unknown, then the error") {
  Table t;
  auto e = t.compile("i + 9223372036854775807 > 0");  // an error when i > 0
  auto and_err = t.compile("a and i + 9223372036854775807 > 0");
  auto err_or = t.compile("i + 9223372036854775807 > 0 or a");
  auto err_and = t.compile("i + 9223372036854775807 > 0 and a");
  auto neg = t.compile("not (i + 9223372036854775807 > 0)");
  const Value err_i = Value::integer(1);
  auto run = [&](const CompiledExpression& x, Value a) {
    return to_string(x.evaluate(std::vector<Value>{a, Value::unknown(), err_i}));
  };
  CHECK(run(e, Value::boolean(true)) == "error(rules.overflow)");
  CHECK(run(and_err, Value::boolean(false)) == "false");
  CHECK(run(and_err, Value::boolean(true)) == "error(rules.overflow)");
  CHECK(run(and_err, Value::unknown()) == "unknown{0}");
  CHECK(run(err_or, Value::boolean(true)) == "true");
  CHECK(run(err_or, Value::boolean(false)) == "error(rules.overflow)");
  CHECK(run(err_or, Value::unknown()) == "unknown{0}");
  CHECK(run(err_and, Value::boolean(false)) == "false");
  CHECK(run(neg, Value::boolean(false)) == "error(rules.overflow)");
}
