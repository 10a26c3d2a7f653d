// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The syntax tree of one rules expression: made by the parser, annotated in
// place by the checker (types, resolved names, field indices, fact ids), then
// read by the emitter that makes the flat program and by the reference
// interpreter in tests/rules. Private to the rules module.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "regularis/rules/type.hpp"
#include "regularis/rules/value.hpp"

namespace regularis::detail {

enum class NodeKind { literal, path, field, list, unary, binary, call, comprehension };

enum class Op { none, or_, and_, not_, neg, eq, ne, lt, le, gt, ge, in, not_in, add, sub, mul };

/// "or", "<=", "not in", ...
const char* op_text(Op op) noexcept;

/// The fixed function table.
enum class Function {
  none,
  age_on,
  years_between,
  days_between,
  count,
  any,
  all,
  sum,
  has_document,
  continuous_residence
};

/// A place in the expression text.
struct Mark {
  std::size_t offset = 0;
  int line = 0;
  int column = 0;
};

/// One field access, resolved by the checker.
struct FieldStep {
  std::string name;
  Mark mark;                   ///< where the field name is
  std::size_t index = 0;       ///< in the record's field order
  Type type;                   ///< the field's type
  std::optional<FactId> fact;  ///< the fact that names it, when the record came from a fact
};

/// Where a record or list value came from, so that its fields can be named.
struct Origin {
  std::string path;            ///< "documents[]", "applicant.last_permit"; empty for constants
  std::optional<FactId> fact;  ///< the slot or field fact of that path (or of its list)
};

struct Node {
  NodeKind kind = NodeKind::literal;
  Op op = Op::none;
  Mark begin;             ///< first character
  std::size_t end = 0;    ///< one past the last character
  Mark op_mark;           ///< the operator (binary, unary) or function name (call)
  int depth = 1;          ///< height of the subtree
  std::vector<int> kids;  ///< child node indices

  // literal: the value. path whose base is a parameter: the parameter's value.
  // list (after checking): the folded value.
  std::optional<Constant> constant;

  // path: the dotted name as written (the checker turns a suffix of it into steps).
  std::vector<std::string> segments;
  std::vector<Mark> segment_marks;
  // call / comprehension: function name; comprehension: variable name.
  std::string name;
  std::string var;

  // ---- filled by the checker ----
  std::optional<Type> type;
  std::optional<Type> base_type;  ///< path: the type of the base, before the field steps
  enum class Base { none, slot, constant, variable } base = Base::none;
  FactId slot = 0;    ///< base == slot
  int var_level = 0;  ///< base == variable: nesting level of the comprehension
  std::optional<FactId>
      var_fact;  ///< base == variable: the list's fact (an unknown element names it)
  std::vector<FieldStep> steps;  ///< path and field: field accesses after the base
  Origin origin;                 ///< for list and record values
  Function function = Function::none;
  bool promote_left = false;  ///< integer operand converted to decimal
  bool promote_right = false;
  // has_document: the `documents` slot and its `type` field.
  FactId documents_slot = 0;
  std::size_t documents_type_index = 0;
  std::optional<FactId> documents_type_fact;
  // continuous_residence: the absences' `from` and `to` fields.
  std::size_t from_index = 0;
  std::size_t to_index = 0;
  std::optional<FactId> from_fact;
  std::optional<FactId> to_fact;
};

/// A parsed expression: nodes (children before parents) and the root.
struct Ast {
  std::vector<Node> nodes;
  int root = -1;
};

}  // namespace regularis::detail
