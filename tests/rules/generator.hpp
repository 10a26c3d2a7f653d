// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The random inputs of the differential tests: Generator makes random
// well-typed expressions over the facts of a World, and Valuation random
// values for every slot of a SlotTable (with unknowns, short records, values
// of the wrong kind and values that overflow or mix currencies).
// differential_test.cpp feeds them to the compiled evaluator and the
// reference interpreter (Flavour::basic, whose random sequence must stay as
// it is); fast_differential_test.cpp to FastProgram and the compiled
// evaluator (Flavour::extended: more facts, more shapes of boolean
// expressions and values that sit on the constants' edges).
#pragma once

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "rules/support.hpp"

namespace regularis::test {

enum class T { boolean, integer, decimal, money, date, period, string, country };

/// basic: what differential_test.cpp has always used. extended: also the
/// facts `items`, `ld` and `lt`, comprehensions over them and over `li`, and
/// boolean expressions FastProgram compiles (chains, comparisons with
/// constants, count/sum, `in`, date functions, has_document).
enum class Flavour { basic, extended };

class Generator {
 public:
  explicit Generator(std::uint64_t seed, Flavour flavour = Flavour::basic)
      : rng_(seed), extended_(flavour == Flavour::extended) {}

  std::string expr(T t, int depth) { return gen(t, depth); }
  std::uint64_t pick(std::uint64_t n) { return rng_() % n; }
  bool chance(int percent) { return static_cast<int>(pick(100)) < percent; }
  bool extended() const { return extended_; }

 private:
  // What a comprehension's variable ranges over: a conviction-like element
  // of `recs`, an element of `items` or of `li` (extended only).
  enum class Over { recs, items, integers };
  struct Var {
    std::string name;  // "" when no variable is in scope
    Over over = Over::recs;
  };

  template <std::size_t N>
  const char* one_of(const char* const (&items)[N]) {
    return items[pick(N)];
  }

  // A variable in scope, or one with an empty name.
  Var var() { return vars_.empty() ? Var{} : vars_[pick(vars_.size())]; }

  // The list a new comprehension ranges over (always `recs` in basic).
  Over over(bool scalars_allowed) {
    if (!extended_ || chance(40)) return Over::recs;
    return scalars_allowed && chance(30) ? Over::integers : Over::items;
  }

  static const char* list_of(Over o) {
    return o == Over::recs ? "recs" : o == Over::items ? "items" : "li";
  }

  std::string comprehension(const char* fn, int depth) {
    const std::string name = "x" + std::to_string(vars_.size());
    const Over o = over(true);
    vars_.push_back({name, o});
    std::string body = gen(T::boolean, depth - 1);
    vars_.pop_back();
    return std::string(fn) + "(" + name + " in " + list_of(o) + ": " + body + ")";
  }

  // sum(x in recs: condition, value) with an integer or decimal value.
  std::string sum_of(const char* kind, int depth) {
    const std::string name = "x" + std::to_string(vars_.size());
    const bool integer = std::string(kind) == "integer";
    const Over o = over(integer);
    vars_.push_back({name, o});
    std::string body = gen(T::boolean, depth - 1);
    std::string value;
    if (extended_ && chance(60)) {  // the element itself, mostly
      if (o == Over::integers) value = name;
      if (o == Over::items) value = name + (integer ? ".qty" : ".amount");
      if (o == Over::recs && integer) value = name + ".n";
    }
    if (value.empty()) value = gen(integer ? T::integer : T::decimal, depth - 1);
    vars_.pop_back();
    return "sum(" + name + " in " + list_of(o) + ": " + body + ", " + value + ")";
  }

  std::string gen(T t, int depth) {
    if (depth <= 0 || chance(25)) return leaf(t);
    if (t == T::boolean) return "(" + boolean(depth) + ")";
    return other(t, depth);
  }

  std::string boolean(int depth) {
    auto sub = [&](T u) { return gen(u, depth - 1); };
    const std::uint64_t which = pick(extended_ ? 16 + kExtraCases : 16);
    if (which >= 16) return extra_boolean(which - 16, depth);
    switch (which) {
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

  // ---- extended only ---------------------------------------------------------

  static constexpr std::uint64_t kExtraCases = 10;

  std::string extra_boolean(std::uint64_t which, int depth) {
    auto sub = [&](T u) { return gen(u, depth - 1); };
    const char* cmp = one_of({"==", "!=", "<", "<=", ">", ">="});
    switch (which) {
      case 0:
      case 1: {  // a chain of 3 to 5 operands of one operator
        const char* op = chance(50) ? " and " : " or ";
        const std::uint64_t n = 3 + pick(3);
        std::string s = sub(T::boolean);
        for (std::uint64_t k = 1; k < n; ++k) s += op + sub(T::boolean);
        return s;
      }
      case 2:
      case 3:
      case 4:
        return scalar_vs_constant();
      case 5:  // count and sum against constants
        switch (pick(4)) {
          case 0:
            return comprehension("count", depth) + " " + cmp + " " + one_of({"0", "1", "2", "3"});
          case 1:
            return sum_of("decimal", depth) + " " + cmp + " " +
                   one_of({"0", "1.5", "3.75", "6.75", "4.5", "2.250", "-3"});
          case 2:
            return sum_of("integer", depth) + " " + cmp + " " + one_of({"0", "3", "6", "18", "-2"});
          default:
            return std::string("count(") +
                   one_of({"ls", "recs", "li", "items", "ld", "lt", "documents"}) + ") " + cmp +
                   " " + one_of({"0", "1", "2", "3"});
        }
      case 6:
        return membership();
      case 7: {  // the date functions against constants
        const std::string f = one_of({"age_on(", "years_between(", "days_between("});
        const std::string a = date_operand();
        return f + a + ", " + date_operand() + ") " + cmp + " " +
               one_of({"0", "18", "1", "-1", "90", "3", "limit"});
      }
      case 8:
        return std::string("has_document(") +
               one_of({"\"passport\"", "[\"lease\", \"passport\"]", "\"visa\"", "[\"a\", \"b\"]",
                       "names"}) +
               ")";
      default:
        return comprehension(chance(50) ? "any" : "all", depth);
    }
  }

  // A field of a variable in scope of the given kind, or "".
  std::string var_field(T t) {
    const Var v = var();
    if (v.name.empty() || !chance(60)) return "";
    switch (v.over) {
      case Over::recs:
        if (t == T::boolean) return v.name + ".flag";
        if (t == T::integer) return v.name + ".n";
        if (t == T::date) return v.name + ".when";
        if (t == T::string) return v.name + ".kind";
        return "";
      case Over::items:
        if (t == T::boolean) return v.name + ".ok";
        if (t == T::integer) return v.name + ".qty";
        if (t == T::decimal) return v.name + ".amount";
        if (t == T::date) return v.name + ".on";
        if (t == T::string) return v.name + ".code";
        if (t == T::country) return v.name + ".origin";
        return "";
      case Over::integers:
        return t == T::integer ? v.name : "";
    }
    return "";
  }

  std::string date_operand() {
    std::string v = var_field(T::date);
    if (v.empty()) {
      v = one_of(
          {"t1", "t2", "cut", "filing_date", "r.when", "2000-02-29", "1990-02-28", "2009-02-01"});
    }
    return v;
  }

  // A slot, record field or variable's field against a constant of its kind
  // (sometimes the constant first).
  std::string scalar_vs_constant() {
    const char* cmp = one_of({"==", "!=", "<", "<=", ">", ">="});
    const char* eq = one_of({"==", "!="});
    std::string x, k, op = cmp;
    switch (pick(6)) {
      case 0:
        x = var_field(T::integer);
        if (x.empty()) x = one_of({"i1", "i2", "r.n"});
        k = one_of({"0", "3", "18", "-2", "limit", "9223372036854775807", "-9223372036854775807"});
        break;
      case 1:  // decimal constants of several scales, and integer constants
        x = var_field(T::decimal);
        if (x.empty()) x = one_of({"d1", "d2"});
        k = one_of({"0.5", "0.50", "12.25", "1.5", "2.25", "3", "0", "-3", "1", "4.75",
                    "999999999999.999999", "3.000"});
        break;
      case 2:
        x = var_field(T::string);
        if (x.empty()) x = one_of({"s1", "r.kind"});
        k = one_of({"\"a\"", "\"b\"", "\"passport\"", "\"zzz\""});
        op = eq;
        break;
      case 3:
        x = var_field(T::date);
        if (x.empty()) x = one_of({"t1", "t2", "r.when", "filing_date"});
        k = one_of({"2009-02-01", "2000-02-29", "0001-01-01", "9999-12-31", "cut", "1990-02-28"});
        break;
      case 4:
        x = var_field(T::country);
        if (x.empty()) x = "c1";
        k = one_of({"\"BR\"", "\"AR\"", "\"BO\""});
        op = eq;
        break;
      default:
        x = var_field(T::boolean);
        if (x.empty()) x = one_of({"b1", "b2", "r.flag"});
        k = one_of({"true", "false"});
        op = eq;
        break;
    }
    if (chance(15)) return k + " " + op + " " + x;
    return x + " " + op + " " + k;
  }

  // x in a constant list or a list slot, of every scalar kind (numbers
  // also in lists of the other numeric kind).
  std::string membership() {
    const char* in = one_of({" in ", " not in "});
    std::string x;
    switch (pick(5)) {
      case 0:
        x = var_field(T::integer);
        if (x.empty()) x = one_of({"i1", "i2", "r.n"});
        return x + in + one_of({"li", "[1, 2, 3]", "[3, 18, -2]", "ld", "[1.5, 3.0]"});
      case 1:
        x = var_field(T::decimal);
        if (x.empty()) x = one_of({"d1", "d2"});
        return x + in +
               one_of(
                   {"ld", "[1.5, 2.25, 3.0]", "[0.5, 12.25]", "[0.50, 4.75]", "li", "[1, 2, 3]"});
      case 2:
        x = var_field(T::string);
        if (x.empty()) x = one_of({"s1", "r.kind"});
        return x + in + one_of({"ls", "names", "[\"a\", \"b\"]", "[\"passport\", \"zzz\"]"});
      case 3:
        x = var_field(T::date);
        if (x.empty()) x = one_of({"t1", "t2", "r.when"});
        return x + in + one_of({"lt", "[2009-02-01, 2000-02-29]", "[cut]"});
      default:
        x = var_field(T::country);
        if (x.empty()) x = "c1";
        return x + in + one_of({"lc", "[\"BR\", \"AR\"]", "[\"BO\"]"});
    }
  }

  // ---- basic and extended ----------------------------------------------------

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
    const Var var_in_scope = var();
    const std::string& v = var_in_scope.name;
    const Over over = var_in_scope.over;
    switch (t) {
      case T::boolean:
        if (!v.empty() && over != Over::integers && chance(50)) {
          return v + (over == Over::items ? ".ok" : ".flag");
        }
        return one_of({"b1", "b2", "b3", "true", "false", "r.flag"});
      case T::integer:
        if (!v.empty() && chance(50)) {
          return over == Over::integers ? v : v + (over == Over::items ? ".qty" : ".n");
        }
        return one_of({"i1", "i2", "0", "3", "limit", "9223372036854775807", "r.n"});
      case T::decimal:
        if (extended_) {
          if (over == Over::items && chance(50)) return v + ".amount";
          return one_of({"d1", "d2", "0.5", "12.25", "999999999999.999999", "1.5", "2.25", "0.50"});
        }
        return one_of({"d1", "d2", "0.5", "12.25", "999999999999.999999"});
      case T::money:
        // One currency: two the expression fixes do not compile
        // (rules.currency_mismatch); the slot values mix currencies.
        return one_of({"m1", "m2", "fee", "10.5 BRL", "3 BRL", "0 BRL"});
      case T::date:
        if (!v.empty() && over != Over::integers && chance(50)) {
          return v + (over == Over::items ? ".on" : ".when");
        }
        return one_of(
            {"t1", "t2", "cut", "filing_date", "2009-02-01", "9999-12-31", "0001-01-01", "r.when"});
      case T::period:
        return one_of({"p1", "2 years", "90 days", "1 year 6 months", "1 month", "0 days"});
      case T::string:
        if (!v.empty() && over != Over::integers && chance(50)) {
          return v + (over == Over::items ? ".code" : ".kind");
        }
        return one_of({"s1", "\"a\"", "\"passport\"", "r.kind"});
      case T::country:
        if (over == Over::items && chance(50)) return v + ".origin";
        return one_of({"c1", "c1"});
    }
    return "true";
  }

  std::mt19937_64 rng_;
  bool extended_;
  std::vector<Var> vars_;
};

struct World {
  std::shared_ptr<const RecordType> rec = RecordType::make("rec", {{"flag", Type::boolean()},
                                                                   {"n", Type::integer()},
                                                                   {"when", Type::date()},
                                                                   {"kind", Type::string()}});
  std::shared_ptr<const RecordType> doc = RecordType::make("doc", {{"type", Type::string()}});
  std::shared_ptr<const RecordType> absence =
      RecordType::make("absence", {{"from", Type::date()}, {"to", Type::date()}});
  // extended only: an element of `items`
  std::shared_ptr<const RecordType> item = RecordType::make("item", {{"ok", Type::boolean()},
                                                                     {"qty", Type::integer()},
                                                                     {"amount", Type::decimal()},
                                                                     {"on", Type::date()},
                                                                     {"code", Type::string()},
                                                                     {"origin", Type::country()}});
  MapEnvironment env;
  Compiler compiler;

  explicit World(Flavour flavour = Flavour::basic) {
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
    if (flavour == Flavour::extended) {
      env.add("items", Type::list_of(Type::record(item)));
      env.add("ld", Type::list_of(Type::decimal()));
      env.add("lt", Type::list_of(Type::date()));
    }
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
  template <class V, std::size_t B, std::size_t E>
  V one_of(const V (&basic)[B], const V (&extended)[E]) {
    return g_.extended() ? extended[g_.pick(E)] : basic[g_.pick(B)];
  }

  Value value(const Type& t, int level) {
    if (g_.chance(15)) return Value::unknown();
    if (g_.chance(1)) return Value::boolean(true);  // occasionally the wrong kind
    switch (t.kind()) {
      case TypeKind::boolean:
        return Value::boolean(g_.chance(50));
      case TypeKind::integer: {
        const std::int64_t small[] = {0, 1, 3, 18, -2, INT64_MAX, INT64_MIN, 1000000};
        const std::int64_t more[] = {0, 1, 3, 18, -2, INT64_MAX, INT64_MIN, 1000000, 2, 6, -1};
        return Value::integer(one_of(small, more));
      }
      case TypeKind::decimal: {
        const char* ds[] = {"0.5", "12.25", "-3", "999999999999.999999", "1"};
        const char* more[] = {"0.5",  "12.25", "-3",   "999999999999.999999",
                              "1",    "1.5",   "2.25", "3",
                              "0.50", "3.000", "4.75", "-0.5"};
        return Value::decimal(dec(one_of(ds, more)));
      }
      case TypeKind::money: {
        const char* ms[] = {"64.58 BRL", "31.05 BRL", "10 USD", "0 BRL"};
        return Value::money(money(ms[g_.pick(4)]));
      }
      case TypeKind::date: {
        const char* ds[] = {"2009-02-01", "2009-02-02", "2008-11-03", "1990-02-28",
                            "2000-02-29", "9999-12-31", "0001-01-01"};
        const char* more[] = {"2009-02-01", "2009-02-02", "2008-11-03", "1990-02-28",
                              "2000-02-29", "9999-12-31", "0001-01-01", "2001-02-28",
                              "2001-03-01", "1991-02-28", "2009-01-31", "2027-02-01"};
        return Value::date(day(one_of(ds, more)));
      }
      case TypeKind::period: {
        const Period ps[] = {Period::years(2), Period::days(90), Period(1, 6, 0),
                             Period::months(-1), Period(0, 0, 0)};
        return Value::period(ps[g_.pick(5)]);
      }
      case TypeKind::string: {
        const char* ss[] = {"a", "b", "passport", "lease"};
        const char* more[] = {"a", "b", "passport", "lease", "zzz", "visa", ""};
        return slots.str(one_of(ss, more));
      }
      case TypeKind::country: {
        const char* cs[] = {"BR", "AR", "BO"};
        return Value::country(country(cs[g_.pick(3)]));
      }
      case TypeKind::list: {
        std::vector<Value> items;
        const std::uint64_t n = g_.pick(g_.extended() ? 5 : 4);
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

}  // namespace regularis::test
