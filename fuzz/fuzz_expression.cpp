// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target: an expression through the rules Compiler (lexer, parser,
// type checker, compiler) over the programme environment (every standard
// fact of the application format) with a few parameters defined, then, when
// it compiles, evaluated twice: with every slot unknown and with every slot
// an error. The first input byte picks the expected type (boolean, or none)
// and the rest is the expression; parse_constant reads the same text.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "programme/environment.hpp"
#include "regularis/core/date.hpp"
#include "regularis/core/money.hpp"
#include "regularis/core/period.hpp"
#include "regularis/rules/expression.hpp"

namespace {

void define_parameters(regularis::Compiler& compiler) {
  using regularis::Constant;
  regularis::Diagnostics ignored;
  regularis::SourceLocation at{"fuzz.yaml", 1, 1};
  compiler.define_parameter("entry_cutoff", Constant::date(*regularis::Date::parse("2009-02-01")),
                            at, ignored);
  compiler.define_parameter("fee", Constant::money(*regularis::Money::parse("64.58 BRL")), at,
                            ignored);
  compiler.define_parameter("tolerance", Constant::period(*regularis::Period::parse("90 days")), at,
                            ignored);
  compiler.define_parameter("minimum_age", Constant::integer(18), at, ignored);
  compiler.define_parameter(
      "sectors",
      Constant::list({Constant::string("agriculture"), Constant::string("domestic_work")}), at,
      ignored);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool any_type = (data[0] & 1U) != 0;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  static const regularis::detail::ProgrammeEnvironment env;
  regularis::Compiler compiler;
  define_parameters(compiler);
  regularis::Diagnostics diags;
  std::optional<regularis::Type> expected;
  if (!any_type) expected = regularis::Type::boolean();
  auto expr = compiler.compile(text, {"fuzz.yaml", 3, 14}, env, diags, expected);
  if (expr.has_value() == diags.has_errors()) __builtin_trap();
  for (const regularis::Diagnostic& d : diags) (void)d.to_string();

  if (expr) {
    std::vector<regularis::Value> slots(compiler.slots().size());
    for (const regularis::FactInfo& f : compiler.slots().facts()) {
      if (f.is_slot()) slots[f.id] = regularis::Value::unknown(regularis::FactSet::of(f.id));
    }
    regularis::Trace trace;
    (void)expr->evaluate(slots, &trace);
    for (auto& v : slots) v = regularis::Value::error(regularis::EvalError{});
    (void)expr->evaluate(slots);
  }

  regularis::Diagnostics constant_diags;
  auto c = regularis::parse_constant(text, {"fuzz.yaml", 1, 1}, constant_diags);
  if (c.has_value() == constant_diags.has_errors()) __builtin_trap();
  if (c) (void)regularis::type_of(*c);
  return 0;
}
