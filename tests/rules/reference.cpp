// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The reference interpreter (see reference.hpp).
#include "rules/reference.hpp"

#include <deque>
#include <string>
#include <vector>

#include "rules/ops.hpp"
#include "rules/program.hpp"

namespace regularis::test {

namespace {

using detail::Function;
using detail::Node;
using detail::NodeKind;
using detail::Op;

Value unknown_of(int fact) {
  return fact >= 0 ? Value::unknown(FactSet::of(static_cast<FactId>(fact))) : Value::unknown();
}

int fact_or_none(std::optional<FactId> f) { return f ? *f : -1; }

// Kleene, written out from the truth tables.
Value k_and(const std::vector<Value>& xs) {
  for (const Value& x : xs) {
    if (x.kind() == ValueKind::boolean && !x.as_bool()) return Value::boolean(false);
  }
  bool any_unknown = false;
  FactSet s;
  for (const Value& x : xs) {
    if (x.is_unknown()) {
      any_unknown = true;
      s.merge(x.unknown_facts());
    }
  }
  if (any_unknown) return Value::unknown(s);
  for (const Value& x : xs) {
    if (x.is_error()) return x;
  }
  return Value::boolean(true);
}

Value k_or(const std::vector<Value>& xs) {
  std::vector<Value> negated;
  for (const Value& x : xs) {
    negated.push_back(x.kind() == ValueKind::boolean ? Value::boolean(!x.as_bool()) : x);
  }
  Value r = k_and(negated);
  return r.kind() == ValueKind::boolean ? Value::boolean(!r.as_bool()) : r;
}

// Strict: the union of unknowns, else the first error, else nullopt.
std::optional<Value> strict(const std::vector<Value>& xs) {
  bool any_unknown = false;
  FactSet s;
  for (const Value& x : xs) {
    if (x.is_unknown()) {
      any_unknown = true;
      s.merge(x.unknown_facts());
    }
  }
  if (any_unknown) return Value::unknown(s);
  for (const Value& x : xs) {
    if (x.is_error()) return x;
  }
  return std::nullopt;
}

Value bad() { return Value::error(EvalError::bad_slot_value); }

// An input value that should have the kind of `type`.
Value input(const Value& v, const Type& type, int fact) {
  if (v.is_unknown()) return unknown_of(fact);
  if (v.is_error()) return v;
  if (v.kind() != kind_of(type)) return bad();
  return v;
}

class Reference {
 public:
  struct Storage {
    std::deque<std::string> strings;
    std::deque<std::vector<Value>> lists;
  };
  Reference(const detail::Ast& ast, LeapDayBirthday leap, ValueSpan slots, Storage& storage)
      : ast_(ast), leap_(leap), slots_(slots), strings_(storage.strings), lists_(storage.lists) {}

  Value eval(int i) {
    const Node& n = ast_.nodes[static_cast<std::size_t>(i)];
    switch (n.kind) {
      case NodeKind::literal:
      case NodeKind::list:
        return constant(*n.constant);
      case NodeKind::path:
        return steps(n, base(n));
      case NodeKind::field:
        return steps(n, eval(n.kids[0]));
      case NodeKind::unary: {
        Value v = eval(n.kids[0]);
        if (n.op == Op::not_)
          return v.kind() == ValueKind::boolean ? Value::boolean(!v.as_bool()) : v;
        if (auto r = strict({v})) return *r;
        return detail::negate_known(v);
      }
      case NodeKind::binary:
        return binary(n);
      case NodeKind::call:
        return call(n);
      case NodeKind::comprehension:
        return comprehension(n);
    }
    return bad();
  }

 private:
  Value constant(const Constant& c) {
    if (const auto* s = std::get_if<std::string>(&c.value)) {
      strings_.push_back(*s);
      return Value::string(strings_.back());
    }
    if (const auto* items = std::get_if<std::vector<Constant>>(&c.value)) {
      std::vector<Value> values;
      for (const auto& item : *items) values.push_back(constant(item));
      lists_.push_back(std::move(values));
      return Value::list(lists_.back());
    }
    if (const auto* b = std::get_if<bool>(&c.value)) return Value::boolean(*b);
    if (const auto* v = std::get_if<std::int64_t>(&c.value)) return Value::integer(*v);
    if (const auto* d = std::get_if<Decimal>(&c.value)) return Value::decimal(*d);
    if (const auto* m = std::get_if<Money>(&c.value)) return Value::money(*m);
    if (const auto* d = std::get_if<Date>(&c.value)) return Value::date(*d);
    if (const auto* p = std::get_if<Period>(&c.value)) return Value::period(*p);
    return Value::country(std::get<Country>(c.value));
  }

  Value base(const Node& n) {
    switch (n.base) {
      case Node::Base::constant:
        return constant(*n.constant);
      case Node::Base::slot:
        return input(slots_[n.slot], *n.base_type, n.slot);
      case Node::Base::variable:
        return input(vars_[static_cast<std::size_t>(n.var_level)], *n.base_type,
                     fact_or_none(n.var_fact));
      case Node::Base::none:
        break;
    }
    return bad();
  }

  static Value field(const Value& record, std::size_t index, const Type& type, int fact) {
    if (record.is_unknown() || record.is_error()) return record;
    if (record.kind() != ValueKind::record) return bad();
    if (index >= record.as_record().size) return unknown_of(fact);
    return input(record.as_record()[index], type, fact);
  }

  static Value steps(const Node& n, Value v) {
    for (const auto& s : n.steps) v = field(v, s.index, s.type, fact_or_none(s.fact));
    return v;
  }

  Value binary(const Node& n) {
    Value a = eval(n.kids[0]);
    Value b = eval(n.kids[1]);
    if (n.op == Op::and_) return k_and({a, b});
    if (n.op == Op::or_) return k_or({a, b});
    if (n.promote_left) a = detail::integer_to_decimal(a);
    if (n.promote_right) b = detail::integer_to_decimal(b);
    if (auto r = strict({a, b})) return *r;
    switch (n.op) {
      case Op::in:
      case Op::not_in: {
        const Node& list = ast_.nodes[static_cast<std::size_t>(n.kids[1])];
        Value r = in_list(a, b, fact_or_none(list.origin.fact));
        if (n.op == Op::not_in && r.kind() == ValueKind::boolean) r = Value::boolean(!r.as_bool());
        return r;
      }
      case Op::add:
      case Op::sub:
      case Op::mul:
        return detail::arithmetic_known(n.op, a, b, leap_);
      default:
        return detail::compare_known(n.op, a, b);
    }
  }

  // x in list, for known x and list.
  static Value in_list(const Value& x, const Value& list, int list_fact) {
    if (list.kind() != ValueKind::list) return bad();
    std::vector<Value> eqs;
    for (const Value& e : list.as_list()) {
      if (e.is_unknown()) {
        eqs.push_back(unknown_of(list_fact));
      } else if (e.is_error()) {
        eqs.push_back(e);
      } else {
        eqs.push_back(detail::compare_known(Op::eq, x, e));
      }
    }
    return k_or(eqs);
  }

  Value call(const Node& n) {
    std::vector<Value> args;
    for (int k : n.kids) args.push_back(eval(k));
    switch (n.function) {
      case Function::has_document: {
        const Value docs = input(slots_[n.documents_slot],
                                 Type::list_of(Type::boolean()) /* kind list */, n.documents_slot);
        if (auto r = strict({docs, args[0]})) return *r;
        std::vector<Value> matches;
        for (const Value& d : docs.as_list()) {
          Value rec = d.is_unknown() ? unknown_of(n.documents_slot) : d;
          if (rec.is_known() && rec.kind() != ValueKind::record) rec = bad();
          Value type = field(rec, n.documents_type_index, Type::string(),
                             fact_or_none(n.documents_type_fact));
          if (!type.is_known()) {
            matches.push_back(type);
            continue;
          }
          if (args[0].kind() == ValueKind::list) {
            const Node& list = ast_.nodes[static_cast<std::size_t>(n.kids[0])];
            matches.push_back(in_list(type, args[0], fact_or_none(list.origin.fact)));
          } else {
            matches.push_back(detail::compare_known(Op::eq, type, args[0]));
          }
        }
        return k_or(matches);
      }
      case Function::continuous_residence: {
        if (auto r = strict(args)) return *r;
        if (args[1].kind() != ValueKind::list) return bad();
        const Node& list = ast_.nodes[static_cast<std::size_t>(n.kids[1])];
        std::vector<Value> conds;
        for (const Value& a : args[1].as_list()) {
          Value rec = a.is_unknown() ? unknown_of(fact_or_none(list.origin.fact)) : a;
          if (rec.is_known() && rec.kind() != ValueKind::record) rec = bad();
          const Value from = field(rec, n.from_index, Type::date(), fact_or_none(n.from_fact));
          const Value to = field(rec, n.to_index, Type::date(), fact_or_none(n.to_fact));
          Value before = to.is_known() ? detail::compare_known(Op::lt, to, args[0]) : to;
          Value within;
          if (auto r = strict({to, from})) {
            within = *r;
          } else {
            auto limit = detail::checked_plus(from.as_date(), args[2].as_period(), leap_);
            within = limit ? Value::boolean(to.as_date() <= *limit)
                           : Value::error(EvalError::date_out_of_range);
          }
          conds.push_back(k_or({before, within}));
        }
        return k_and(conds);
      }
      default:
        break;
    }
    if (auto r = strict(args)) return *r;
    if (n.function == Function::count) {
      if (args[0].kind() != ValueKind::list) return bad();
      return Value::integer(static_cast<std::int64_t>(args[0].as_list().size));
    }
    return detail::date_function_known(n.function, args[0], args[1], leap_);
  }

  Value comprehension(const Node& n) {
    const Value list = eval(n.kids[0]);
    if (!list.is_known()) return list;
    if (list.kind() != ValueKind::list) return bad();
    if (n.function == Function::sum) return sum(n, list.as_list());
    std::vector<Value> conds;
    for (const Value& e : list.as_list()) {
      vars_.push_back(e);
      conds.push_back(eval(n.kids[1]));
      vars_.pop_back();
    }
    if (n.function == Function::any) return k_or(conds);
    if (n.function == Function::all) return k_and(conds);
    if (auto r = strict(conds)) return *r;
    std::int64_t count = 0;
    for (const Value& c : conds) count += c.as_bool() ? 1 : 0;
    return Value::integer(count);
  }

  // sum(x in list: c, v): the values v of the elements where c holds, added
  // in order. Unknown when some c is unknown or a selected v is; else the
  // first error among the c and the selected v, or of an addition.
  Value sum(const Node& n, ValueSpan list) {
    std::vector<Value> parts;  // in element order: c when not known, else v when c holds
    for (const Value& e : list) {
      vars_.push_back(e);
      const Value c = eval(n.kids[1]);
      if (!c.is_known()) {
        parts.push_back(c);
      } else if (c.is_true()) {
        parts.push_back(eval(n.kids[2]));
      }
      vars_.pop_back();
    }
    if (auto r = strict(parts)) return *r;
    Value total = n.type->kind() == TypeKind::decimal ? Value::decimal(Decimal::from_integer(0))
                                                      : Value::integer(0);
    for (const Value& v : parts) {
      total = detail::arithmetic_known(detail::Op::add, total, v, leap_);
      if (total.is_error()) return total;
    }
    return total;
  }

  const detail::Ast& ast_;
  LeapDayBirthday leap_;
  ValueSpan slots_;
  std::vector<Value> vars_;
  std::deque<std::string>& strings_;
  std::deque<std::vector<Value>>& lists_;
};

}  // namespace

Value reference_evaluate(const CompiledExpression& expression, ValueSpan slots) {
  const detail::Ast& ast = expression.program().ast;
  static Reference::Storage storage;
  storage = Reference::Storage{};
  Reference r(ast, expression.program().leap_day, slots, storage);
  return r.eval(ast.root);
}

}  // namespace regularis::test
