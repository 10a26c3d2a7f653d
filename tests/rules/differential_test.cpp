// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Differential test: 100,000 random well-typed expressions (fixed seed),
// each evaluated over random slot values (with unknowns, unknown fields and
// values that overflow or mix currencies) by the compiled evaluator and by
// the reference interpreter; the results must be identical. The generator,
// its World and the random slot values are in generator.hpp.
#include <catch2/catch.hpp>

#include "rules/generator.hpp"
#include "rules/reference.hpp"
#include "rules/support.hpp"

using namespace regularis;
using namespace regularis::test;

TEST_CASE("compiled evaluator agrees with the reference interpreter") {
  World world;
  Generator g(20260101);
  Diagnostics diags;
  int compiled = 0;
  int evaluations = 0;
  int unknowns = 0;
  int errors = 0;
  int trues = 0;
  const T types[] = {T::boolean, T::boolean, T::boolean, T::integer, T::decimal,
                     T::money,   T::date,    T::period,  T::string,  T::country};
  for (int i = 0; i < 100000; ++i) {
    const std::string text = g.expr(types[g.pick(10)], 1 + static_cast<int>(g.pick(5)));
    auto e = world.compiler.compile(text, {"gen", 1, 1}, world.env, diags, std::nullopt);
    if (!e) {
      FAIL_CHECK(text << "\n" << diags[0].to_string());
      diags = Diagnostics();
      continue;
    }
    ++compiled;
    for (int k = 0; k < 2; ++k) {
      Valuation v(world.compiler.slots(), g);
      const auto& slots = v.slots.values();
      const Value got = e->evaluate(slots);
      const Value want = reference_evaluate(*e, ValueSpan{slots.data(), slots.size()});
      ++evaluations;
      unknowns += got.is_unknown() ? 1 : 0;
      errors += got.is_error() ? 1 : 0;
      trues += got.is_true() ? 1 : 0;
      if (!identical(got, want)) {
        FAIL_CHECK(text << "\ncompiled:  " << to_string(got) << "\nreference: " << to_string(want));
      }
    }
  }
  CHECK(compiled == 100000);
  CHECK(evaluations == 200000);
  // the generator reaches every kind of outcome
  CHECK(unknowns > 10000);
  CHECK(errors > 1000);
  CHECK(trues > 10000);
}
