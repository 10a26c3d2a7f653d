// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The flat form of a compiled rules expression: a vector of stack-machine
// instructions plus its constants, node table and the checked Ast (kept for
// the reference interpreter in tests). Made by the emitter in compiler.cpp,
// run by the evaluator in evaluator.cpp. Private to the rules module.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "regularis/rules/expression.hpp"
#include "rules/ast.hpp"

namespace regularis::detail {

/// Largest value stack an expression may need; more is rules.too_large.
inline constexpr std::size_t kMaxStack = 256;

enum class Code : std::uint8_t {
  push_const,  // a: constant index
  load_slot,   // a: slot id, b: expected ValueKind
  load_var,    // a: frame level, b: expected ValueKind, c: list fact or -1
  get_field,   // a: field index, b: expected ValueKind, c: fact or -1
  to_decimal,  // top: integer -> decimal
  not_,        // Kleene not
  neg,         // strict unary minus
  compare,     // a: Op (eq, ne, lt, le, gt, ge)
  in,          // a: 1 for `not in`
  add,         // strict arithmetic, by the operands' kinds
  sub,
  mul,
  and_,  // Kleene combination of the two top values
  or_,
  jump_if_false,         // a: target; jumps when the top is false (keeps it)
  jump_if_true,          // a: target; jumps when the top is true (keeps it)
  call,                  // a: Function (age_on, years_between, days_between, count)
  iter_begin,            // a: Function (any, all, count), b: end target; pops the list
  iter_next,             // a: Function, b: body start; pops the condition
  has_document,          // a: `type` field index, c: its fact or -1; pops type(s), documents
  continuous_residence,  // a: from index, b: to index, c: from fact, d: to fact, e: list fact
};

struct Instr {
  Code code = Code::push_const;
  std::int32_t a = 0;
  std::int32_t b = 0;
  std::int32_t c = -1;
  std::int32_t d = -1;
  std::int32_t e = -1;
  std::int32_t node = -1;  // the NodeId whose value this instruction completes, or -1
};

struct CompiledProgram {
  std::string source;
  Type type;
  std::vector<Instr> code;
  std::vector<Value> constants;
  std::deque<std::string> strings;       // storage for string constants
  std::deque<std::vector<Value>> lists;  // storage for list constants
  std::vector<NodeInfo> nodes;
  std::vector<FactId> facts_read;
  std::size_t slot_count = 0;
  std::size_t max_stack = 0;
  /// Where a 29 February anniversary falls in a common year (age_on,
  /// years_between, a date plus or minus whole years): the programme's rule.
  LeapDayBirthday leap_day = LeapDayBirthday::march_1;
  /// Whether that rule can matter: age_on, years_between, date +/- period.
  bool counts_years = false;
  Ast ast;  // the checked tree, for the reference interpreter
};

/// Runs a program (evaluator.cpp).
Value run_program(const CompiledProgram& program, ValueSpan slots, Trace* trace);

}  // namespace regularis::detail
