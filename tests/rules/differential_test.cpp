// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Differential test: 100,000 random well-typed expressions (fixed seed),
// each evaluated over random slot values (with unknowns, unknown fields and
// values that overflow or mix currencies) by the compiled evaluator and by
// the reference interpreter; the results must be identical.
#include <catch2/catch.hpp>

#include <random>

#include "rules/reference.hpp"
#include "rules/support.hpp"

using namespace regularis;
using namespace regularis::test;

namespace {

enum class T { boolean, integer, decimal, money, date, period, string, country };

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed) {}

  std::string expr(T t, int depth) { return gen(t, depth); }
  std::uint64_t pick(std::uint64_t n) { return rng_() % n; }
  bool chance(int percent) { return static_cast<int>(pick(100)) < percent; }

 private:
  template <std::size_t N>
  const char* one_of(const char* const (&items)[N]) {
    return items[pick(N)];
  }

  // A record variable in scope (a conviction-like element of `recs`), or "".
  std::string var() { return vars_.empty() ? "" : vars_[pick(vars_.size())]; }

  std::string comprehension(const char* fn, int depth) {
    const std::string name = "x" + std::to_string(vars_.size());
    vars_.push_back(name);
    std::string body = gen(T::boolean, depth - 1);
    vars_.pop_back();
    return std::string(fn) + "(" + name + " in recs: " + body + ")";
  }

  // sum(x in recs: condition, value) with an integer or decimal value.
  std::string sum_of(const char* kind, int depth) {
    const std::string name = "x" + std::to_string(vars_.size());
    vars_.push_back(name);
    std::string body = gen(T::boolean, depth - 1);
    std::string value = gen(std::string(kind) == "integer" ? T::integer : T::decimal, depth - 1);
    vars_.pop_back();
    return "sum(" + name + " in recs: " + body + ", " + value + ")";
  }

  std::string gen(T t, int depth) {
    if (depth <= 0 || chance(25)) return leaf(t);
    if (t == T::boolean) return "(" + boolean(depth) + ")";
    return other(t, depth);
  }

  std::string boolean(int depth) {
    auto sub = [&](T u) { return gen(u, depth - 1); };
    switch (pick(16)) {
      case 0:
        return "not " + sub(T::boolean);
      case 1:
        return "(" + sub(T::boolean) + " and " + sub(T::boolean) + ")";
      case 2:
        return "(" + sub(T::boolean) + " or " + sub(T::boolean) + ")";
      case 3: {
        const T u = chance(50) ? T::integer : T::decimal;
        const T v = chance(50) ? T::integer : T::decimal;
        return sub(u) + " " + one_of({"==", "!=", "<", "<=", ">", ">="}) + " " + sub(v);
      }
      case 4:
        return sub(T::date) + " " + one_of({"==", "!=", "<", "<=", ">", ">="}) + " " + sub(T::date);
      case 5:
        return sub(T::money) + " " + one_of({"==", "<", ">="}) + " " + sub(T::money);
      case 6:
        return sub(T::string) + " " + one_of({"==", "!="}) + " " + sub(T::string);
      case 7:
        return sub(T::string) + one_of({" in ", " not in "}) +
               one_of({"ls", "names", "[\"a\", \"b\"]"});
      case 8:
        return sub(T::country) + one_of({" in ", " not in "}) + one_of({"lc", "[\"BR\", \"AR\"]"});
      case 9:
        return sub(T::integer) + one_of({" in ", " not in "}) + one_of({"li", "[1, 2, 3]"});
      case 10:
        return comprehension(chance(50) ? "any" : "all", depth);
      case 11:
        return std::string("has_document(") +
               one_of({"\"passport\"", "[\"lease\", \"passport\"]", "ls", "s1"}) + ")";
      case 12:
        return "continuous_residence(" + sub(T::date) + ", absences, " + sub(T::period) + ")";
      case 13:
        return sub(T::period) + one_of({" == ", " != "}) + sub(T::period);
      case 14:
        return sub(T::country) + one_of({" == \"BR\"", " != \"AR\"", " == c1"});
      default:
        return sub(T::boolean) + one_of({" == ", " != "}) + sub(T::boolean);
    }
  }

  std::string other(T t, int depth) {
    auto sub = [&](T u) { return gen(u, depth - 1); };
    switch (t) {
      case T::integer:
        switch (pick(9)) {
          case 0:
            return "(" + sub(T::integer) + one_of({" + ", " - ", " * "}) + sub(T::integer) + ")";
          case 1:
            return "-" + sub(T::integer);
          case 2:
            return std::string(one_of({"age_on(", "years_between(", "days_between("})) +
                   sub(T::date) + ", " + sub(T::date) + ")";
          case 3:
            return std::string("count(") + one_of({"ls", "recs", "li", "documents", "names"}) + ")";
          case 4:
            return comprehension("count", depth);
          case 5:
            return sum_of("integer", depth);
          default:
            return leaf(t);
        }
      case T::decimal:
        switch (pick(4)) {
          case 0:
            return "(" + sub(T::decimal) + one_of({" + ", " - ", " * "}) + sub(T::integer) + ")";
          case 1:
            return "(" + sub(T::integer) + one_of({" + ", " - ", " * "}) + sub(T::decimal) + ")";
          case 2:
            return chance(50) ? "-" + sub(T::decimal) : sum_of("decimal", depth);
          default:
            return "(" + sub(T::decimal) + one_of({" + ", " - ", " * "}) + sub(T::decimal) + ")";
        }
      case T::money:
        switch (pick(4)) {
          case 0:
            return "(" + sub(T::money) + one_of({" + ", " - "}) + sub(T::money) + ")";
          case 1:
            return "(" + sub(T::money) + " * " + sub(chance(50) ? T::integer : T::decimal) + ")";
          case 2:
            return "(" + sub(T::decimal) + " * " + sub(T::money) + ")";
          default:
            return "-" + sub(T::money);
        }
      case T::date:
        switch (pick(3)) {
          case 0:
            return "(" + sub(T::date) + one_of({" + ", " - "}) + sub(T::period) + ")";
          case 1:
            return "(" + sub(T::period) + " + " + sub(T::date) + ")";
          default:
            return leaf(t);
        }
      case T::period:
        switch (pick(3)) {
          case 0:
            return "(" + sub(T::period) + one_of({" + ", " - "}) + sub(T::period) + ")";
          case 1:
            return "-" + sub(T::period);
          default:
            return leaf(t);
        }
      default:
        return leaf(t);
    }
  }

  std::string leaf(T t) {
    const std::string v = var();
    switch (t) {
      case T::boolean:
        if (!v.empty() && chance(50)) return v + ".flag";
        return one_of({"b1", "b2", "b3", "true", "false", "r.flag"});
      case T::integer:
        if (!v.empty() && chance(50)) return v + ".n";
        return one_of({"i1", "i2", "0", "3", "limit", "9223372036854775807", "r.n"});
      case T::decimal:
        return one_of({"d1", "d2", "0.5", "12.25", "999999999999.999999"});
      case T::money:
        return one_of({"m1", "m2", "fee", "10.5 BRL", "3 USD", "0 BRL"});
      case T::date:
        if (!v.empty() && chance(50)) return v + ".when";
        return one_of(
            {"t1", "t2", "cut", "filing_date", "2009-02-01", "9999-12-31", "0001-01-01", "r.when"});
      case T::period:
        return one_of({"p1", "2 years", "90 days", "1 year 6 months", "1 month", "0 days"});
      case T::string:
        if (!v.empty() && chance(50)) return v + ".kind";
        return one_of({"s1", "\"a\"", "\"passport\"", "r.kind"});
      case T::country:
        return one_of({"c1", "c1"});
    }
    return "true";
  }

  std::mt19937_64 rng_;
  std::vector<std::string> vars_;
};

struct World {
  std::shared_ptr<const RecordType> rec = RecordType::make("rec", {{"flag", Type::boolean()},
                                                                   {"n", Type::integer()},
                                                                   {"when", Type::date()},
                                                                   {"kind", Type::string()}});
  std::shared_ptr<const RecordType> doc = RecordType::make("doc", {{"type", Type::string()}});
  std::shared_ptr<const RecordType> absence =
      RecordType::make("absence", {{"from", Type::date()}, {"to", Type::date()}});
  MapEnvironment env;
  Compiler compiler;

  World() {
    for (const char* b : {"b1", "b2", "b3"}) env.add(b, Type::boolean());
    env.add("i1", Type::integer()).add("i2", Type::integer());
    env.add("d1", Type::decimal()).add("d2", Type::decimal());
    env.add("m1", Type::money()).add("m2", Type::money());
    env.add("t1", Type::date()).add("t2", Type::date());
    env.add("p1", Type::period()).add("s1", Type::string()).add("c1", Type::country());
    env.add("ls", Type::list_of(Type::string()));
    env.add("lc", Type::list_of(Type::country()));
    env.add("li", Type::list_of(Type::integer()));
    env.add("recs", Type::list_of(Type::record(rec)));
    env.add("r", Type::record(rec));
    env.add("documents", Type::list_of(Type::record(doc)));
    env.add("absences", Type::list_of(Type::record(absence)));
    Diagnostics d;
    compiler.define_parameter("cut", Constant::date(day("2009-02-01")), {}, d);
    compiler.define_parameter("limit", Constant::integer(18), {}, d);
    compiler.define_parameter("fee", Constant::money(money("64.58 BRL")), {}, d);
    compiler.define_parameter(
        "names", Constant::list({Constant::string("a"), Constant::string("passport")}), {}, d);
    REQUIRE(d.empty());
  }
};

// Random slot values for every slot of the table.
class Valuation {
 public:
  Valuation(const SlotTable& table, Generator& g) : slots(table), g_(g) {
    for (const FactInfo& f : table.facts()) {
      if (f.is_slot()) slots.set(f.path, value(f.type, 0));
    }
  }
  Slots slots;

 private:
  Value value(const Type& t, int level) {
    if (g_.chance(15)) return Value::unknown();
    if (g_.chance(1)) return Value::boolean(true);  // occasionally the wrong kind
    switch (t.kind()) {
      case TypeKind::boolean:
        return Value::boolean(g_.chance(50));
      case TypeKind::integer: {
        const std::int64_t small[] = {0, 1, 3, 18, -2, INT64_MAX, INT64_MIN, 1000000};
        return Value::integer(small[g_.pick(8)]);
      }
      case TypeKind::decimal: {
        const char* ds[] = {"0.5", "12.25", "-3", "999999999999.999999", "1"};
        return Value::decimal(dec(ds[g_.pick(5)]));
      }
      case TypeKind::money: {
        const char* ms[] = {"64.58 BRL", "31.05 BRL", "10 USD", "0 BRL"};
        return Value::money(money(ms[g_.pick(4)]));
      }
      case TypeKind::date: {
        const char* ds[] = {"2009-02-01", "2009-02-02", "2008-11-03", "1990-02-28",
                            "2000-02-29", "9999-12-31", "0001-01-01"};
        return Value::date(day(ds[g_.pick(7)]));
      }
      case TypeKind::period: {
        const Period ps[] = {Period::years(2), Period::days(90), Period(1, 6, 0),
                             Period::months(-1), Period(0, 0, 0)};
        return Value::period(ps[g_.pick(5)]);
      }
      case TypeKind::string: {
        const char* ss[] = {"a", "b", "passport", "lease"};
        return slots.str(ss[g_.pick(4)]);
      }
      case TypeKind::country: {
        const char* cs[] = {"BR", "AR", "BO"};
        return Value::country(country(cs[g_.pick(3)]));
      }
      case TypeKind::list: {
        std::vector<Value> items;
        const std::uint64_t n = g_.pick(4);
        for (std::uint64_t i = 0; i < n; ++i) items.push_back(value(t.element(), level + 1));
        return slots.list(std::move(items));
      }
      case TypeKind::record: {
        std::vector<Value> fields;
        for (const auto& f : t.record().fields()) fields.push_back(value(f.type, level + 1));
        if (g_.chance(5) && !fields.empty()) fields.pop_back();  // a short record
        return slots.record(std::move(fields));
      }
    }
    return Value::unknown();
  }
  Generator& g_;
};

}  // namespace

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
