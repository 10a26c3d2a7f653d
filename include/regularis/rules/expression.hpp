// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The rules expression language: Compiler (parse, type-check and compile an
// expression such as `applicant.entry_date <= entry_cutoff` to a flat
// program), SlotTable (the facts the compiled expressions read, one slot
// each), CompiledExpression (evaluates over an array of slot values, in
// Kleene's three-valued logic) and Trace (the values each node produced, for
// explanations). Programme checking compiles; the engine evaluates.
//
// The language
// ------------
// Literals    true false, 42, 12.5, "text", 2009-02-01 (ISO date),
//             64.58 BRL (money: a number then an ISO 4217 code, with no
//             more decimals than the currency has: not 64.587 BRL),
//             2 years, 90 days, 1 year 6 months, 3 weeks (periods: years,
//             months, weeks, days in that order, singular or plural),
//             ["agriculture", "domestic_work"] (list of constants, not empty).
//             A string literal stands for a country where one is expected:
//             `document.issued_by == "BR"`, `"BO" in applicant.nationalities`.
// Names       fact paths (applicant.entry_date, documents), parameters
//             (entry_cutoff), filing_date and as_of (dates), a
//             comprehension variable and its fields (c.category), fields of
//             a record field too (d.facts.since). A field whose name has
//             dots takes several segments (d.facts.custom.level).
// Operators   by increasing precedence:
//               or
//               and
//               not
//               == != < <= > >= in, not in    (non-associative)
//               + -                           (left)
//               *                             (left)
//               unary -
//               .field  (call)  (parentheses)
//             == and != take two values of one type (integer and decimal mix);
//             < <= > >= take integers/decimals, money or dates; `x in list`.
//             + - : numbers; money + money (same currency, else run-time error
//             rules.currency_mismatch); date + period, period + date,
//             date - period; period + period, period - period.
//             * : numbers; money * number, number * money.
//             Money in two currencies that the expression itself fixes (a
//             literal or a parameter, and arithmetic on them) is an error
//             when compiling: `1.5 BRL < 2 EUR`, `fee + 1 USD` with fee in
//             BRL, `1 BRL in [1 BRL, 2 EUR]` (rules.currency_mismatch).
// Functions   age_on(birth: date, on: date) -> integer (completed years)
//             years_between(from: date, to: date) -> integer (completed years)
//             days_between(from: date, to: date) -> integer
//             count(list) -> integer
//             count(x in list: condition) -> integer
//             any(x in list: condition) -> bool   (false on an empty list)
//             all(x in list: condition) -> bool   (true on an empty list)
//             sum(x in list: condition, value) -> the value's type (integer
//                or decimal): the exact sum of `value` over the elements for
//                which `condition` holds (0 on an empty list), e.g.
//                sum(p in payments: p.fee == "registration", p.amount)
//             has_document(type: string or list<string>) -> bool: some element
//                of the fact `documents` (list of records with a string field
//                `type`) has that type (one of those types).
//             continuous_residence(since: date, absences: list of records with
//                date fields `from` and `to`, tolerance: period) -> bool: no
//                absence ending on or after `since` lasted longer than the
//                tolerance (a.to <= a.from + tolerance).
//
// Three-valued evaluation
// -----------------------
// A slot holding Value::unknown() (an absent fact) reads as unknown{that
// fact}; an unknown field of a record reads as unknown{that field's fact}.
// and/or/not and any/all are Kleene's: a deciding operand wins from either
// side (false and X = false, true or X = true); otherwise unknown beats error
// and unknown sets merge. Every other operator and function is strict: if an
// argument is unknown the result is unknown with the union of the unknown
// arguments' sets; else if one is an error, the (first) error passes through.
// `x in list` is `x == e1 or x == e2 or ...`; count(x in l: c) is unknown
// when some c is unknown; sum(x in l: c, v) is unknown when some c is
// unknown or a v it selects is, else the first error among them, else an
// overflow of the addition.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regularis/core/date.hpp"
#include "regularis/core/diagnostic.hpp"
#include "regularis/export.hpp"
#include "regularis/rules/environment.hpp"
#include "regularis/rules/type.hpp"
#include "regularis/rules/value.hpp"

namespace regularis {

/// Deepest nesting of an expression; deeper is `rules.too_deep`.
inline constexpr int kMaxExpressionDepth = 64;
/// Most nodes in one expression; more is `rules.too_large`.
inline constexpr int kMaxExpressionNodes = 4096;

/// One fact a compiled expression reads. Facts with no parent are SLOTS: the
/// caller puts their values in the slot array at index `id`. Facts with a
/// parent are fields of the parent's records (for a list: of its elements,
/// path "applicant.criminal.convictions[].category"); the caller does not
/// fill them, they only name what was unknown.
struct FactInfo {
  FactId id = 0;
  std::string path;  ///< "applicant.entry_date", "documents[].type", "document.shows_date"
  Type type;
  std::optional<FactId> parent;  ///< the list or record this field belongs to
  std::string field;             ///< field name when parent is set
  bool is_slot() const noexcept { return !parent.has_value(); }
};

/// The facts read by every expression a Compiler compiled, in the order they
/// were first met. Slot ids are shared by all those expressions.
///
///     for (const FactInfo& f : compiler.slots().facts())
///       if (f.is_slot()) slots[f.id] = value_of(f.path, f.type);   // or Value::unknown()
class REGULARIS_API SlotTable {
 public:
  const std::vector<FactInfo>& facts() const noexcept { return facts_; }
  std::size_t size() const noexcept { return facts_.size(); }
  const FactInfo& operator[](FactId id) const { return facts_.at(id); }
  /// The fact with this path (engines look some up per evaluation: by index).
  std::optional<FactId> find(std::string_view path) const;
  /// The element/record fields read of a list or record slot.
  std::vector<FactId> fields_of(FactId parent) const;

 private:
  friend class Compiler;
  std::vector<FactInfo> facts_;
  std::map<std::string, FactId, std::less<>> by_path_;  // facts_, by path
};

/// Index of a node of an expression's syntax tree (0 is the root).
using NodeId = std::uint32_t;

/// One node of a compiled expression, for explanations and error messages.
struct NodeInfo {
  /// "literal", "name", "field", "list", "and", "or", "not", "neg", "==", "!=",
  /// "<", "<=", ">", ">=", "in", "not in", "+", "-", "*", "call".
  std::string op;
  std::string function;     ///< for "call": "age_on", "any", ...
  std::string text;         ///< the node's source text: "applicant.entry_date"
  SourceLocation location;  ///< of its first character
  Type type;
  std::vector<NodeId> children;
  std::optional<FactId> fact;  ///< for a name or field that reads a fact
};

/// The values nodes produced during one evaluation (the last one, for nodes
/// inside any/all/count). Nodes skipped by and/or are absent. Values that
/// point into slot data are valid only as long as that data.
///
///     Trace trace;
///     Value v = expr.evaluate(slots, &trace);
///     for (NodeId child : expr.nodes()[0].children)
///       if (const Value* cv = trace.value_of(child)) explain(expr.nodes()[child].text, *cv);
class REGULARIS_API Trace {
 public:
  const Value* value_of(NodeId node) const {
    return node < seen_.size() && seen_[node] ? &values_[node] : nullptr;
  }
  void clear() {
    values_.clear();
    seen_.clear();
  }
  /// Used by the evaluator.
  void record(NodeId node, const Value& v);

 private:
  std::vector<Value> values_;
  std::vector<bool> seen_;
};

namespace detail {
struct CompiledProgram;
}

/// A checked, compiled expression. Immutable; cheap to copy (shared); safe
/// to evaluate from many threads at once. Only Compiler makes them.
///
///     std::vector<Value> slots(compiler.slots().size());
///     slots[*compiler.slots().find("applicant.entry_date")] = Value::date(entry);
///     Value v = expr.evaluate(slots);   // true, false, unknown{...} or error(...)
class REGULARIS_API CompiledExpression {
 public:
  /// Evaluates over slot values indexed by FactId. `slots` must have at least
  /// slot_count() entries (else UsageError); entries of facts with a parent
  /// are ignored. A slot value of the wrong kind evaluates as
  /// error(rules.bad_slot_value). Iterative, no allocation unless `trace`.
  Value evaluate(ValueSpan slots, Trace* trace = nullptr) const;
  Value evaluate(const std::vector<Value>& slots, Trace* trace = nullptr) const {
    return evaluate(ValueSpan{slots.data(), slots.size()}, trace);
  }

  /// The static type of the result.
  const Type& type() const noexcept;
  /// The expression's text, as given.
  const std::string& source() const noexcept;
  /// Nodes by NodeId; nodes()[0] is the root.
  const std::vector<NodeInfo>& nodes() const noexcept;
  /// The facts (slots and fields) this expression reads, in increasing order.
  const std::vector<FactId>& facts_read() const noexcept;
  /// One more than the highest slot id it reads (the slot array's minimum size).
  std::size_t slot_count() const noexcept;
  /// Internal: the program (for tests and the reference interpreter).
  const detail::CompiledProgram& program() const noexcept { return *program_; }

 private:
  friend class Compiler;
  explicit CompiledExpression(std::shared_ptr<const detail::CompiledProgram> p)
      : program_(std::move(p)) {}
  std::shared_ptr<const detail::CompiledProgram> program_;
};

/// Type-checks and compiles expressions, assigning slots across all of them
/// (one Compiler per programme version). Not thread-safe while compiling.
///
///     MapEnvironment env;
///     env.add("applicant.entry_date", Type::date());
///     Compiler compiler;
///     Diagnostics diags;
///     compiler.define_parameter("entry_cutoff", Constant::date(cutoff), {"br.yaml", 9, 21},
///     diags); auto expr = compiler.compile("applicant.entry_date <= entry_cutoff",
///                                  {"br.yaml", 14, 18}, env, diags);
///     // on failure: nullopt, and diags holds e.g.
///     // br.yaml:14:31: error: unknown name "entry_cutof" [rules.unknown_name]
class REGULARIS_API Compiler {
 public:
  Compiler();
  ~Compiler();
  Compiler(const Compiler&) = delete;
  Compiler& operator=(const Compiler&) = delete;

  /// Defines a parameter: a constant that expressions compiled afterwards can
  /// name, folded in at compile time. Fails (false, with a diagnostic at
  /// `where`) when the name is already defined (`rules.duplicate_parameter`),
  /// is not an identifier or a built-in name (`rules.bad_parameter`), or the
  /// value is an empty or mixed list (`rules.empty_list`, `rules.type_mismatch`).
  bool define_parameter(const std::string& name, const Constant& value, const SourceLocation& where,
                        Diagnostics& diagnostics);

  /// Parses, checks and compiles `text`, whose first character is at `start`
  /// (the lexer counts lines and columns from there; a newline moves to the
  /// next line, column 1). When `expected` is given the result must have that
  /// type (conditions: Type::boolean(), the default). Every problem found is
  /// added to `diagnostics`; returns nullopt when there was any. Codes:
  /// rules.syntax, rules.unknown_name, rules.unknown_field,
  /// rules.unknown_function, rules.wrong_arity, rules.type_mismatch,
  /// rules.bad_literal, rules.empty_list, rules.not_constant (a list element that is
  /// not a constant), rules.currency_mismatch (money in two currencies known
  /// here), rules.too_deep, rules.too_large, rules.too_many_facts.
  std::optional<CompiledExpression> compile(std::string_view text, const SourceLocation& start,
                                            const TypeEnvironment& env, Diagnostics& diagnostics,
                                            std::optional<Type> expected = Type::boolean());

  /// Where a 29 February anniversary falls in a common year for expressions
  /// compiled afterwards: `age_on`, `years_between`, and a date plus or minus
  /// whole years (`applicant.date_of_birth + 16 years`). The programme says
  /// which; march_1 (completed years, the default) or february_28.
  void set_leap_day(LeapDayBirthday rule) noexcept;
  /// Whether an expression compiled so far counts years, so that the rule
  /// above can change its value (age_on, years_between, date +/- period).
  bool counts_years() const noexcept;

  /// The slots and fields read by every expression compiled so far.
  const SlotTable& slots() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Reads a literal written in the rules language (`2009-02-01`, `64.58 BRL`,
/// `2 years`, `42`, `"text"`, `true`, `["a", "b"]`, `-3`) as a Constant, e.g. a
/// parameter's value in a programme file. On failure adds a diagnostic
/// (rules.syntax, rules.bad_literal, rules.empty_list) and returns nullopt.
///
///     auto c = parse_constant("64.58 BRL", {"br.yaml", 30, 17}, diags);
REGULARIS_API std::optional<Constant> parse_constant(std::string_view text,
                                                     const SourceLocation& start,
                                                     Diagnostics& diagnostics);

/// The static type of a constant (nullopt for an empty or mixed list).
REGULARIS_API std::optional<Type> type_of(const Constant& c);

}  // namespace regularis
