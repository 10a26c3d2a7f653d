// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Differential test of FastProgram: 50,000 random boolean expressions (fixed
// seed, generator.hpp's extended flavour), each compiled a second time by
// FastProgram and evaluated over random slot values laid out as FastCells
// (as fast.hpp documents and the batch reader does), against
// CompiledExpression::evaluate. A fast 0 or 1 must be the exact answer; an
// unknown or error answer must be a fast 2. Groups of expressions are also
// compiled into one FastProgram, which shares closed calls, comprehensions
// and has_document's bit set between them.
#include <catch2/catch.hpp>

#include <cstdio>
#include <sstream>

#include "regularis/rules/fast.hpp"
#include "rules/generator.hpp"
#include "rules/support.hpp"

using namespace regularis;
using namespace regularis::test;

namespace {

constexpr int kExpressions = 50000;
constexpr int kValuations = 3;  // per expression
constexpr std::size_t kGroup = 4;

// Slot values as FastCells, laid out as fast.hpp documents: scalars in the
// slot's own cell, lists and records in the arena. An unknown value, an
// error or a value of the wrong kind is an unknown cell.
class Cells {
 public:
  Cells(const FastProgram& fast, const SlotTable& table, const std::vector<Value>& values)
      : slots(fast.slot_count()), fast_(fast) {
    arena.reserve(64);  // a non-null arena, as the batch reader's after its first record
    for (const FastSlot& s : fast.slots())
      slots[s.id] = slot_cell(s, table[s.id].type, values[s.id]);
  }

  std::vector<FastCell> slots;
  std::vector<FastCell> arena;

 private:
  const FastProgram& fast_;

  FastCell scalar(const Value& v, ValueKind kind) const {
    FastCell c;
    if (v.kind() != kind) return c;
    c.known = true;
    switch (kind) {
      case ValueKind::boolean:
        c.i = v.as_bool() ? 1 : 0;
        break;
      case ValueKind::integer:
        c.i = v.as_integer();
        break;
      case ValueKind::decimal:
        c.i = v.as_decimal().coefficient();
        c.n = v.as_decimal().scale();
        break;
      case ValueKind::date: {
        const Date d = v.as_date();
        c.i = d.days_since_epoch();
        c.n = d.year() * 10000 + d.month() * 100 + d.day();
        break;
      }
      case ValueKind::string: {
        const std::string_view s = v.as_string();
        c.text = s.data();
        c.n = static_cast<std::int32_t>(s.size());
        c.id = fast_.string_id(s);
        break;
      }
      case ValueKind::country: {
        const Country country_value = v.as_country();
        const std::string_view code = country_value.code();
        c.i = static_cast<unsigned char>(code[0]) * 256 + static_cast<unsigned char>(code[1]);
        break;
      }
      default:  // money, period: FastProgram reads none
        c.known = false;
        break;
    }
    return c;
  }

  // The record's fields that `s` lays out, appended to the arena (unknown
  // cells for a record that is unknown, of the wrong kind or too short).
  void record(const FastSlot& s, const RecordType& type, const Value& v) {
    for (std::size_t k = 0; k < s.fields.size(); ++k) {
      FastCell c;
      if (v.kind() == ValueKind::record) {
        const auto& fields = type.fields();
        std::size_t index = 0;
        while (index < fields.size() && fields[index].name != s.fields[k]) ++index;
        REQUIRE(index < fields.size());
        const ValueSpan values = v.as_record();
        if (index < values.size) c = scalar(values[index], s.field_kinds[k]);
      }
      arena.push_back(c);
    }
  }

  FastCell slot_cell(const FastSlot& s, const Type& type, const Value& v) {
    FastCell c;
    if (s.kind == ValueKind::list) {
      if (v.kind() != ValueKind::list) return c;
      c.known = true;
      c.i = static_cast<std::int64_t>(arena.size());
      c.n = static_cast<std::int32_t>(v.as_list().size);
      for (const Value& element : v.as_list()) {
        if (s.element == ValueKind::record) {
          record(s, type.element().record(), element);
        } else {
          arena.push_back(scalar(element, s.element));
        }
      }
      return c;
    }
    if (s.kind == ValueKind::record) {
      if (v.kind() != ValueKind::record) return c;
      c.known = true;
      c.i = static_cast<std::int64_t>(arena.size());
      record(s, type.record(), v);
      return c;
    }
    return scalar(v, s.kind);
  }
};

std::string describe(const SlotTable& table, const std::vector<Value>& values) {
  std::ostringstream out;
  for (const FactInfo& f : table.facts()) {
    if (f.is_slot()) out << "  " << f.path << " = " << to_string(values[f.id]) << "\n";
  }
  return out.str();
}

// Whether the fast answer is allowed for the reference's.
bool agrees(std::uint8_t fast, const Value& want) {
  if (!want.is_known()) return fast == 2;
  if (fast == 0) return want.is_false();
  if (fast == 1) return want.is_true();
  return fast == 2 && (want.is_true() || want.is_false());
}

struct Tally {
  int evaluations = 0;
  int results[3] = {0, 0, 0};
  int decided_references = 0;  // the reference is true or false
  int decided_both = 0;        // ... and so is FastProgram
  int disagreements = 0;
  std::string smallest_text;  // the shortest failing expression
  std::string smallest;       // and its report

  void count(std::uint8_t fast, const Value& want) {
    ++evaluations;
    if (fast <= 2) ++results[fast];
    if (want.is_true() || want.is_false()) {
      ++decided_references;
      if (fast != 2) ++decided_both;
    }
  }

  void fail(const std::string& text, const std::string& report) {
    ++disagreements;
    if (disagreements <= 20) FAIL_CHECK(report);
    if (smallest.empty() || text.size() < smallest_text.size()) {
      smallest_text = text;
      smallest = report;
    }
  }
};

std::string report(const std::string& text, const SlotTable& table,
                   const std::vector<Value>& values, std::uint8_t fast, const Value& want) {
  std::ostringstream out;
  out << text << "\nfast:      " << int{fast} << "\nreference: " << to_string(want) << "\nslots:\n"
      << describe(table, values);
  return out.str();
}

// Evaluates `e` and its FastProgram over `n` random valuations; counts the
// answers and every disagreement in `tally`.
void compare_over_valuations(const std::string& text, const CompiledExpression& e,
                             const FastProgram& fast, const SlotTable& table, Generator& g, int n,
                             Tally& tally) {
  for (int k = 0; k < n; ++k) {
    Valuation v(table, g);
    const auto& values = v.slots.values();
    const Cells cells(fast, table, values);
    std::uint8_t got = 9;
    fast.evaluate(cells.slots.data(), cells.arena.data(), &got);
    const Value want = e.evaluate(values);
    tally.count(got, want);
    if (!agrees(got, want)) tally.fail(text, report(text, table, values, got, want));
  }
}

}  // namespace

TEST_CASE("FastProgram agrees with the compiled evaluator") {
  World world(Flavour::extended);
  Generator g(20260419, Flavour::extended);
  Diagnostics diags;
  int compiled = 0;
  int unsupported = 0;
  int groups = 0;
  Tally single;
  Tally grouped;
  std::vector<std::pair<std::string, CompiledExpression>> pending;  // for the next group
  for (int i = 0; i < kExpressions; ++i) {
    const std::string text = g.expr(T::boolean, 1 + static_cast<int>(g.pick(5)));
    auto e = world.compiler.compile(text, {"gen", 1, 1}, world.env, diags);
    if (!e) {
      FAIL_CHECK(text << "\n" << diags[0].to_string());
      diags = Diagnostics();
      continue;
    }
    const SlotTable& table = world.compiler.slots();
    auto fast = FastProgram::compile({&*e}, table);
    if (!fast) {
      ++unsupported;
      continue;
    }
    ++compiled;
    compare_over_valuations(text, *e, *fast, table, g, kValuations, single);

    // Every kGroup expressions FastProgram compiled: the same, as one program.
    pending.emplace_back(text, *e);
    if (pending.size() < kGroup) continue;
    std::vector<const CompiledExpression*> all;
    for (const auto& p : pending) all.push_back(&p.second);
    auto program = FastProgram::compile(all, table);
    REQUIRE(program);
    REQUIRE(program->size() == kGroup);
    ++groups;
    Valuation v(table, g);
    const auto& values = v.slots.values();
    const Cells cells(*program, table, values);
    std::uint8_t got[kGroup] = {9, 9, 9, 9};
    program->evaluate(cells.slots.data(), cells.arena.data(), got);
    for (std::size_t k = 0; k < kGroup; ++k) {
      const Value want = pending[k].second.evaluate(values);
      grouped.count(got[k], want);
      if (!agrees(got[k], want)) {
        grouped.fail(pending[k].first, "in a group of " + std::to_string(kGroup) + "\n" +
                                           report(pending[k].first, table, values, got[k], want));
      }
    }
    pending.clear();
  }

  std::printf(
      "FastProgram differential: %d expressions, %d compiled by FastProgram, %d unsupported\n"
      "  single: %d evaluations, fast 0/1/2 = %d/%d/%d, reference decided %d, fast decided %d of "
      "those, %d disagreements\n"
      "  groups: %d of %zu, %d evaluations, fast 0/1/2 = %d/%d/%d, reference decided %d, fast "
      "decided %d of those, %d disagreements\n",
      kExpressions, compiled, unsupported, single.evaluations, single.results[0], single.results[1],
      single.results[2], single.decided_references, single.decided_both, single.disagreements,
      groups, kGroup, grouped.evaluations, grouped.results[0], grouped.results[1],
      grouped.results[2], grouped.decided_references, grouped.decided_both, grouped.disagreements);
  if (!single.smallest.empty()) std::printf("smallest disagreement:\n%s", single.smallest.c_str());
  if (!grouped.smallest.empty()) {
    std::printf("smallest disagreement in a group:\n%s", grouped.smallest.c_str());
  }

  CHECK(single.disagreements == 0);
  CHECK(grouped.disagreements == 0);
  // The test does not degenerate: FastProgram compiles a good share, every
  // answer occurs often, and it decides most of what the reference decides.
  CHECK(compiled + unsupported == kExpressions);
  CHECK(compiled > kExpressions / 5);
  for (int r : single.results) CHECK(r > 5000);
  for (int r : grouped.results) CHECK(r > 500);
  CHECK(single.decided_both > single.decided_references / 10 * 8);
  CHECK(grouped.decided_both > grouped.decided_references / 10 * 8);
}

TEST_CASE("FastProgram's comprehensions that begin by requiring a key agree with the evaluator") {
  // An element whose key is known and another string is skipped (any) or
  // settles the answer (all) without its body: the same answers as the
  // compiled evaluator over unknown, missing, empty and uninterned strings.
  World world(Flavour::extended);
  Generator g(20261130, Flavour::extended);
  const char* const texts[] = {
      R"(any(x in recs: x.kind == "a" and x.flag))",
      R"(all(x in recs: x.kind == "passport" and x.n > 1))",
      R"(any(d in documents: d.type == "passport" and b1))",
      R"(not any(x in items: x.code == "visa" and x.on < filing_date))",
      R"(any(x in recs: x.kind == "a" and x.flag and x.n > 0))",
      R"(all(x in items: x.code == "zzz" and x.ok))",
      R"(any(x in recs: x.kind == "b" and any(y in items: y.code == "a" and y.ok)))",
      // not keyed: the key is not the variable's (or an outer one's), not a
      // constant, or on the left
      R"(any(x in recs: any(y in items: x.kind == "a" and y.ok)))",
      R"(any(x in recs: r.kind == "a" and x.flag))",
      R"(any(x in recs: x.kind == s1 and x.flag))",
      R"(all(x in recs: "a" == x.kind and x.flag))",
  };
  Tally tally;
  Diagnostics diags;
  for (const char* text : texts) {
    auto e = world.compiler.compile(text, {"keyed", 1, 1}, world.env, diags);
    REQUIRE(e);
    const SlotTable& table = world.compiler.slots();
    auto fast = FastProgram::compile({&*e}, table);
    REQUIRE(fast);
    compare_over_valuations(text, *e, *fast, table, g, 3000, tally);
  }
  CHECK(tally.disagreements == 0);
  for (int r : tally.results) CHECK(r > 1000);
}
