// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The evaluator: runs a compiled program over the caller's slot array with a
// fixed-size value stack and iteration frames on the C++ stack. One loop, no
// recursion, no allocation (except in the optional Trace).
//
// Why every evaluation ends, in bounded time and space, whatever the
// programme and the record:
// - No recursion over anything a user wrote. The parser refuses an
//   expression deeper than kMaxExpressionDepth (64) or larger than
//   kMaxExpressionNodes (4096) nodes before the checker or compiler walk it;
//   the compiled program is a flat vector of instructions run by the one
//   loop below. The value stack is a fixed array of kMaxStack cells (the
//   compiler refuses a program that needs more: rules.too_large) and the
//   iteration frames a fixed array of kMaxExpressionDepth, so a hostile
//   expression cannot overflow the C++ stack here.
// - Every jump goes forward (and/or short-circuits, iter_begin on an empty
//   or unknown list), except iter_next, which goes back to its body only
//   while its frame's index, which only grows, is below the length of a list
//   that the evaluation cannot change. So the loop runs at most
//   (program length) x (product of the lengths of the lists of the nested
//   comprehensions) steps; the application reader caps every list (10,000
//   elements; 100 dependants, 1,000 documents) and every record (16 MiB,
//   100,000 values).
// - The built-in functions (has_document, continuous_residence, `in`) make
//   one pass over their list; arithmetic is on fixed-size values (Decimal,
//   Money, Date, Period), overflow is an error value, not a wrap or a trap.
// - There are no loops in the language, no recursion, no user functions and
//   no I/O.
#include <new>

#include "regularis/core/error.hpp"
#include "rules/ops.hpp"
#include "rules/program.hpp"

namespace regularis::detail {

namespace {

// An iteration of any/all/count/sum over a list.
struct Frame {
  ValueSpan list;
  std::size_t index = 0;
  Value acc;  // any/all: the Kleene fold so far
  std::int64_t count = 0;
  FactSet unknowns;  // count: union of the unknown conditions
  bool has_unknown = false;
  Value first_error;  // count, sum: the first error condition (or value), if any
  bool has_error = false;
  Value overflow;  // sum: the error of an addition, which input errors beat
  bool has_overflow = false;
};

// Uninitialised storage for N trivially destructible T (nothing is built
// until used, so a run does not pay for the largest possible stack).
template <class T, std::size_t N>
class Storage {
 public:
  T& emplace(std::size_t i, const T& v) { return *new (&cells_[i].v) T(v); }
  T& operator[](std::size_t i) { return cells_[i].v; }

 private:
  union Cell {
    Cell() {}
    T v;
  };
  Cell cells_[N];
};

class ValueStack {
 public:
  void push(const Value& v) { cells_.emplace(size_++, v); }
  Value pop() { return cells_[--size_]; }
  Value& top() { return cells_[size_ - 1]; }

 private:
  Storage<Value, kMaxStack> cells_;
  std::size_t size_ = 0;
};

// The sum of no elements, of the kind the sum's value has.
Value sum_zero(ValueKind kind) {
  return kind == ValueKind::decimal ? Value::decimal(Decimal::from_integer(0)) : Value::integer(0);
}

// One element of sum(x in list: condition, value): adds `value` when the
// condition holds. An unknown condition (or an unknown value it selects)
// makes the sum unknown; otherwise the first error (or overflow) wins.
void sum_step(Frame& fr, const Value& cond, const Value& value, LeapDayBirthday leap) {
  auto note = [&fr](const Value& v) {
    if (v.is_unknown()) {
      fr.has_unknown = true;
      fr.unknowns.merge(v.unknown_facts());
    } else if (v.is_error() && !fr.has_error) {
      fr.has_error = true;
      fr.first_error = v;
    }
  };
  if (!cond.is_known()) return note(cond);
  if (!cond.is_true()) return;
  if (!value.is_known()) return note(value);
  if (fr.has_overflow) return;
  const Value total = arithmetic_known(Op::add, fr.acc, value, leap);
  if (total.is_error()) {
    fr.has_overflow = true;
    fr.overflow = total;
    return;
  }
  fr.acc = total;
}

Value has_document(const Value& docs, const Value& types, const Instr& in) {
  if (auto r = strict_prelude(docs, types)) return *r;
  if (docs.kind() != ValueKind::list) return Value::error(EvalError::bad_slot_value);
  Value acc = Value::boolean(false);
  for (const Value& doc : docs.as_list()) {
    const Value element = checked_input(doc, ValueKind::record, in.e);
    const Value type = read_field(element, static_cast<std::size_t>(in.a), ValueKind::string, in.c);
    Value cond;
    if (!type.is_known()) {
      cond = type;
    } else if (types.kind() == ValueKind::list) {
      cond = member(type, types.as_list(), in.b);
    } else {
      cond = compare_known(Op::eq, type, types);
    }
    acc = kleene_or(acc, cond);
    if (acc.is_true()) break;
  }
  return acc;
}

Value continuous_residence(const Value& since, const Value& absences, const Value& tolerance,
                           const Instr& in, LeapDayBirthday leap) {
  if (auto r = strict_prelude(since, absences, tolerance)) return *r;
  if (absences.kind() != ValueKind::list) return Value::error(EvalError::bad_slot_value);
  Value acc = Value::boolean(true);
  for (const Value& item : absences.as_list()) {
    const Value absence = checked_input(item, ValueKind::record, in.e);
    const Value from = read_field(absence, static_cast<std::size_t>(in.a), ValueKind::date, in.c);
    const Value to = read_field(absence, static_cast<std::size_t>(in.b), ValueKind::date, in.d);
    // ended before `since`
    Value before = to;
    if (to.is_known()) before = compare_known(Op::lt, to, since);
    // lasted no longer than the tolerance
    Value within;
    if (auto r = strict_prelude(to, from)) {
      within = *r;
    } else {
      const Value limit = arithmetic_known(Op::add, from, tolerance, leap);
      within = limit.is_known() ? compare_known(Op::le, to, limit) : limit;
    }
    acc = kleene_and(acc, kleene_or(before, within));
    if (acc.is_false()) break;
  }
  return acc;
}

}  // namespace

Value run_program(const CompiledProgram& program, ValueSpan slots, Trace* trace) {
  if (slots.size < program.slot_count) {
    throw UsageError("rules.slots",
                     "[rules.slots] the slot array has " + std::to_string(slots.size) +
                         " entries; the expression needs " + std::to_string(program.slot_count));
  }
  ValueStack stack;
  Storage<Frame, kMaxExpressionDepth> frames;
  int level = -1;  // innermost active frame
  const std::vector<Instr>& code = program.code;
  const std::size_t n = code.size();
  std::size_t pc = 0;
  while (pc < n) {
    const Instr& in = code[pc];
    bool record = true;
    std::size_t next = pc + 1;
    switch (in.code) {
      case Code::push_const:
        stack.push(program.constants[static_cast<std::size_t>(in.a)]);
        break;
      case Code::load_slot:
        stack.push(checked_input(slots[static_cast<std::size_t>(in.a)],
                                 static_cast<ValueKind>(in.b), in.a));
        break;
      case Code::load_var: {
        const Frame& f = frames[static_cast<std::size_t>(in.a)];
        stack.push(checked_input(f.list[f.index], static_cast<ValueKind>(in.b), in.c));
        break;
      }
      case Code::get_field: {
        const Value r = stack.pop();
        stack.push(
            read_field(r, static_cast<std::size_t>(in.a), static_cast<ValueKind>(in.b), in.c));
        break;
      }
      case Code::to_decimal:
        stack.top() = integer_to_decimal(stack.top());
        record = false;
        break;
      case Code::not_:
        stack.top() = kleene_not(stack.top());
        break;
      case Code::neg: {
        const Value a = stack.pop();
        if (auto r = strict_prelude(a)) {
          stack.push(*r);
        } else {
          stack.push(negate_known(a));
        }
        break;
      }
      case Code::compare:
      case Code::add:
      case Code::sub:
      case Code::mul: {
        const Value b = stack.pop();
        const Value a = stack.pop();
        if (auto r = strict_prelude(a, b)) {
          stack.push(*r);
        } else if (in.code == Code::compare) {
          stack.push(compare_known(static_cast<Op>(in.a), a, b));
        } else {
          const Op op = in.code == Code::add ? Op::add : in.code == Code::sub ? Op::sub : Op::mul;
          stack.push(arithmetic_known(op, a, b, program.leap_day));
        }
        break;
      }
      case Code::in: {
        const Value list = stack.pop();
        const Value x = stack.pop();
        Value result;
        if (auto r = strict_prelude(x, list)) {
          result = *r;
        } else if (list.kind() != ValueKind::list) {
          result = Value::error(EvalError::bad_slot_value);
        } else {
          result = member(x, list.as_list(), in.c);
          if (in.a == 1) result = kleene_not(result);
        }
        stack.push(result);
        break;
      }
      case Code::and_: {
        const Value b = stack.pop();
        stack.top() = kleene_and(stack.top(), b);
        break;
      }
      case Code::or_: {
        const Value b = stack.pop();
        stack.top() = kleene_or(stack.top(), b);
        break;
      }
      case Code::jump_if_false:
      case Code::jump_if_true: {
        const bool jump =
            in.code == Code::jump_if_false ? stack.top().is_false() : stack.top().is_true();
        record = jump;
        if (jump) next = static_cast<std::size_t>(in.a);
        break;
      }
      case Code::call: {
        const auto f = static_cast<Function>(in.a);
        if (f == Function::count) {
          const Value list = stack.pop();
          if (auto r = strict_prelude(list)) {
            stack.push(*r);
          } else if (list.kind() != ValueKind::list) {
            stack.push(Value::error(EvalError::bad_slot_value));
          } else {
            stack.push(Value::integer(static_cast<std::int64_t>(list.as_list().size)));
          }
        } else {
          const Value b = stack.pop();
          const Value a = stack.pop();
          if (auto r = strict_prelude(a, b)) {
            stack.push(*r);
          } else {
            stack.push(date_function_known(f, a, b, program.leap_day));
          }
        }
        break;
      }
      case Code::has_document: {
        const Value types = stack.pop();
        const Value docs = stack.pop();
        stack.push(has_document(docs, types, in));
        break;
      }
      case Code::continuous_residence: {
        const Value tolerance = stack.pop();
        const Value absences = stack.pop();
        const Value since = stack.pop();
        stack.push(continuous_residence(since, absences, tolerance, in, program.leap_day));
        break;
      }
      case Code::iter_begin: {
        const auto f = static_cast<Function>(in.a);
        const Value list = stack.pop();
        Value done;
        bool finished = true;
        if (!list.is_known()) {
          done = list;
        } else if (list.kind() != ValueKind::list) {
          done = Value::error(EvalError::bad_slot_value);
        } else if (list.as_list().size == 0) {
          done = f == Function::count ? Value::integer(0)
                 : f == Function::sum ? sum_zero(static_cast<ValueKind>(in.d))
                                      : Value::boolean(f == Function::all);
        } else {
          finished = false;
          Frame& fr = frames.emplace(static_cast<std::size_t>(++level), Frame{});
          fr.list = list.as_list();
          fr.acc = f == Function::sum ? sum_zero(static_cast<ValueKind>(in.d))
                                      : Value::boolean(f == Function::all);
        }
        record = finished;
        if (finished) {
          stack.push(done);
          next = static_cast<std::size_t>(in.b);
        }
        break;
      }
      case Code::iter_next: {
        const auto f = static_cast<Function>(in.a);
        const Value value = f == Function::sum ? stack.pop() : Value();
        const Value cond = stack.pop();
        Frame& fr = frames[static_cast<std::size_t>(level)];
        bool decided = false;
        if (f == Function::sum) {
          sum_step(fr, cond, value, program.leap_day);
        } else if (f == Function::count) {
          if (cond.is_true()) ++fr.count;
          if (cond.is_unknown()) {
            fr.has_unknown = true;
            fr.unknowns.merge(cond.unknown_facts());
          }
          if (cond.is_error() && !fr.has_error) {
            fr.has_error = true;
            fr.first_error = cond;
          }
        } else if (f == Function::any) {
          fr.acc = kleene_or(fr.acc, cond);
          decided = fr.acc.is_true();
        } else {
          fr.acc = kleene_and(fr.acc, cond);
          decided = fr.acc.is_false();
        }
        ++fr.index;
        if (!decided && fr.index < fr.list.size) {
          record = false;
          next = static_cast<std::size_t>(in.b);
          break;
        }
        if (f == Function::count || f == Function::sum) {
          stack.push(fr.has_unknown         ? Value::unknown(fr.unknowns)
                     : fr.has_error         ? fr.first_error
                     : f == Function::count ? Value::integer(fr.count)
                     : fr.has_overflow      ? fr.overflow
                                            : fr.acc);
        } else {
          stack.push(fr.acc);
        }
        --level;
        break;
      }
    }
    if (trace != nullptr && record && in.node >= 0) {
      trace->record(static_cast<NodeId>(in.node), stack.top());
    }
    pc = next;
  }
  return stack.pop();
}

}  // namespace regularis::detail
