// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Single-value operations of the rules language (see ops.hpp).
#include "rules/ops.hpp"

#include <climits>
#include <cstdint>

namespace regularis::detail {

Value kleene_and(const Value& a, const Value& b) {
  if (a.is_false() || b.is_false()) return Value::boolean(false);
  if (a.is_unknown() || b.is_unknown()) {
    FactSet s;
    if (a.is_unknown()) s.merge(a.unknown_facts());
    if (b.is_unknown()) s.merge(b.unknown_facts());
    return Value::unknown(s);
  }
  if (a.is_error()) return a;
  if (b.is_error()) return b;
  return Value::boolean(true);
}

Value kleene_or(const Value& a, const Value& b) {
  if (a.is_true() || b.is_true()) return Value::boolean(true);
  if (a.is_unknown() || b.is_unknown()) {
    FactSet s;
    if (a.is_unknown()) s.merge(a.unknown_facts());
    if (b.is_unknown()) s.merge(b.unknown_facts());
    return Value::unknown(s);
  }
  if (a.is_error()) return a;
  if (b.is_error()) return b;
  return Value::boolean(false);
}

Value kleene_not(const Value& a) {
  if (a.kind() == ValueKind::boolean) return Value::boolean(!a.as_bool());
  return a;
}

std::optional<Value> strict_prelude(const Value& a) {
  if (a.is_known()) return std::nullopt;
  return a;
}

std::optional<Value> strict_prelude(const Value& a, const Value& b) {
  if (a.is_known() && b.is_known()) return std::nullopt;
  if (a.is_unknown() || b.is_unknown()) {
    FactSet s;
    if (a.is_unknown()) s.merge(a.unknown_facts());
    if (b.is_unknown()) s.merge(b.unknown_facts());
    return Value::unknown(s);
  }
  return a.is_error() ? a : b;
}

std::optional<Value> strict_prelude(const Value& a, const Value& b, const Value& c) {
  if (a.is_known() && b.is_known() && c.is_known()) return std::nullopt;
  if (a.is_unknown() || b.is_unknown() || c.is_unknown()) {
    FactSet s;
    for (const Value* v : {&a, &b, &c}) {
      if (v->is_unknown()) s.merge(v->unknown_facts());
    }
    return Value::unknown(s);
  }
  return a.is_error() ? a : b.is_error() ? b : c;
}

namespace {

Value bad() { return Value::error(EvalError::bad_slot_value); }

bool is_number(const Value& v) {
  return v.kind() == ValueKind::integer || v.kind() == ValueKind::decimal;
}

Decimal as_dec(const Value& v) {
  return v.kind() == ValueKind::integer ? Decimal::from_integer(v.as_integer()) : v.as_decimal();
}

Value order(Op op, int c) {
  switch (op) {
    case Op::eq:
      return Value::boolean(c == 0);
    case Op::ne:
      return Value::boolean(c != 0);
    case Op::lt:
      return Value::boolean(c < 0);
    case Op::le:
      return Value::boolean(c <= 0);
    case Op::gt:
      return Value::boolean(c > 0);
    case Op::ge:
      return Value::boolean(c >= 0);
    default:
      return bad();
  }
}

int sign(std::int64_t d) { return d < 0 ? -1 : d > 0 ? 1 : 0; }

bool period_fits(Period p) {
  return p.years() != INT32_MIN && p.months() != INT32_MIN && p.days() != INT32_MIN;
}

}  // namespace

Value compare_known(Op op, const Value& a, const Value& b) {
  const bool equality = op == Op::eq || op == Op::ne;
  if (is_number(a) && is_number(b)) {
    if (a.kind() == ValueKind::integer && b.kind() == ValueKind::integer) {
      return order(op, a.as_integer() < b.as_integer()   ? -1
                       : a.as_integer() > b.as_integer() ? 1
                                                         : 0);
    }
    return order(op, Decimal::compare(as_dec(a), as_dec(b)));
  }
  if (a.kind() != b.kind()) return bad();
  switch (a.kind()) {
    case ValueKind::money: {
      auto c = a.as_money().compare(b.as_money());
      if (!c) return Value::error(EvalError::currency_mismatch);
      return order(op, *c);
    }
    case ValueKind::date:
      return order(
          op, sign(std::int64_t{a.as_date().days_since_epoch()} - b.as_date().days_since_epoch()));
    case ValueKind::boolean:
      if (!equality) return bad();
      return order(op, a.as_bool() == b.as_bool() ? 0 : 1);
    case ValueKind::period:
      if (!equality) return bad();
      return order(op, a.as_period() == b.as_period() ? 0 : 1);
    case ValueKind::string:
      if (!equality) return bad();
      return order(op, a.as_string() == b.as_string() ? 0 : 1);
    case ValueKind::country:
      if (!equality) return bad();
      return order(op, a.as_country() == b.as_country() ? 0 : 1);
    default:
      return bad();
  }
}

std::optional<Date> checked_plus(Date d, Period p, LeapDayBirthday leap) {
  static const std::int32_t min_days = Date::from_ymd(1, 1, 1)->days_since_epoch();
  static const std::int32_t max_days = Date::from_ymd(9999, 12, 31)->days_since_epoch();
  const std::int64_t month_index = std::int64_t{d.year()} * 12 + (d.month() - 1) + p.total_months();
  if (month_index < 12 || month_index > std::int64_t{9999} * 12 + 11) return std::nullopt;
  const Date moved = d.plus(Period(p.years(), p.months(), 0));  // 29 Feb clamps to 28 Feb
  const bool to_march_1 = leap == LeapDayBirthday::march_1 && d.month() == 2 && d.day() == 29 &&
                          moved.month() == 2 && moved.day() == 28;
  const std::int64_t days =
      std::int64_t{moved.days_since_epoch()} + (to_march_1 ? 1 : 0) + p.days();
  if (days < min_days || days > max_days) return std::nullopt;
  return Date::from_days_since_epoch(static_cast<std::int32_t>(days));
}

Value arithmetic_known(Op op, const Value& a, const Value& b, LeapDayBirthday leap) {
  const ValueKind ka = a.kind();
  const ValueKind kb = b.kind();
  const Value overflow = Value::error(EvalError::overflow);
  if (ka == ValueKind::integer && kb == ValueKind::integer) {
    std::int64_t r = 0;
    bool over = false;
    if (op == Op::add) over = __builtin_add_overflow(a.as_integer(), b.as_integer(), &r);
    if (op == Op::sub) over = __builtin_sub_overflow(a.as_integer(), b.as_integer(), &r);
    if (op == Op::mul) over = __builtin_mul_overflow(a.as_integer(), b.as_integer(), &r);
    return over ? overflow : Value::integer(r);
  }
  if (ka == ValueKind::decimal && kb == ValueKind::decimal) {
    std::optional<Decimal> r;
    if (op == Op::add) r = a.as_decimal().checked_add(b.as_decimal());
    if (op == Op::sub) r = a.as_decimal().checked_sub(b.as_decimal());
    if (op == Op::mul) r = a.as_decimal().checked_mul(b.as_decimal());
    return r ? Value::decimal(*r) : overflow;
  }
  if (op == Op::mul) {
    const bool money_first = ka == ValueKind::money && kb == ValueKind::decimal;
    const bool money_second = ka == ValueKind::decimal && kb == ValueKind::money;
    if (!money_first && !money_second) return bad();
    const Money& m = money_first ? a.as_money() : b.as_money();
    const Decimal factor = money_first ? b.as_decimal() : a.as_decimal();
    auto r = m.amount().checked_mul(factor);
    return r ? Value::money(Money::of(*r, m.currency())) : overflow;
  }
  if (ka == ValueKind::money && kb == ValueKind::money) {
    if (a.as_money().currency() != b.as_money().currency()) {
      return Value::error(EvalError::currency_mismatch);
    }
    auto r = op == Op::add ? a.as_money().checked_add(b.as_money())
                           : a.as_money().checked_sub(b.as_money());
    return r ? Value::money(*r) : overflow;
  }
  if (ka == ValueKind::period && kb == ValueKind::period) {
    const Period x = a.as_period();
    const Period y = b.as_period();
    std::int32_t r[3];
    const std::int32_t xs[3] = {x.years(), x.months(), x.days()};
    const std::int32_t ys[3] = {y.years(), y.months(), y.days()};
    for (int i = 0; i < 3; ++i) {
      const bool over = op == Op::add ? __builtin_add_overflow(xs[i], ys[i], &r[i])
                                      : __builtin_sub_overflow(xs[i], ys[i], &r[i]);
      if (over) return overflow;
    }
    return Value::period(Period(r[0], r[1], r[2]));
  }
  const bool date_period = ka == ValueKind::date && kb == ValueKind::period;
  const bool period_date = op == Op::add && ka == ValueKind::period && kb == ValueKind::date;
  if (date_period || period_date) {
    const Date d = date_period ? a.as_date() : b.as_date();
    Period p = date_period ? b.as_period() : a.as_period();
    if (op == Op::sub) {
      if (!period_fits(p)) return overflow;
      p = -p;
    }
    auto r = checked_plus(d, p, leap);
    return r ? Value::date(*r) : Value::error(EvalError::date_out_of_range);
  }
  return bad();
}

Value member(const Value& x, ValueSpan list, int list_fact) {
  Value result = Value::boolean(false);
  for (const Value& e : list) {
    Value eq;
    if (e.is_unknown()) {
      eq = list_fact >= 0 ? Value::unknown(FactSet::of(static_cast<FactId>(list_fact)))
                          : Value::unknown();
    } else if (e.is_error()) {
      eq = e;
    } else {
      eq = compare_known(Op::eq, x, e);
    }
    result = kleene_or(result, eq);
    if (result.is_true()) break;
  }
  return result;
}

Value negate_known(const Value& a) {
  switch (a.kind()) {
    case ValueKind::integer:
      if (a.as_integer() == INT64_MIN) return Value::error(EvalError::overflow);
      return Value::integer(-a.as_integer());
    case ValueKind::decimal:
      return Value::decimal(a.as_decimal().negated());
    case ValueKind::money:
      return Value::money(Money::of(a.as_money().amount().negated(), a.as_money().currency()));
    case ValueKind::period:
      if (!period_fits(a.as_period())) return Value::error(EvalError::overflow);
      return Value::period(-a.as_period());
    default:
      return bad();
  }
}

Value integer_to_decimal(const Value& a) {
  if (a.kind() != ValueKind::integer) return a;
  // Decimal's coefficient range is symmetric: INT64_MIN does not fit.
  if (a.as_integer() == INT64_MIN) return Value::error(EvalError::overflow);
  return Value::decimal(Decimal::from_integer(a.as_integer()));
}

Value date_function_known(Function f, const Value& a, const Value& b, LeapDayBirthday leap) {
  if (a.kind() != ValueKind::date || b.kind() != ValueKind::date) return bad();
  switch (f) {
    case Function::age_on:
      return Value::integer(age_on(a.as_date(), b.as_date(), leap));
    case Function::years_between:
      return Value::integer(years_between(a.as_date(), b.as_date(), leap));
    case Function::days_between:
      return Value::integer(days_between(a.as_date(), b.as_date()));
    default:
      return bad();
  }
}

Value checked_input(const Value& v, ValueKind expected, int fact) {
  if (v.kind() == expected || v.is_error()) return v;
  if (v.is_unknown()) {
    return fact >= 0 ? Value::unknown(FactSet::of(static_cast<FactId>(fact))) : Value::unknown();
  }
  return bad();
}

Value read_field(const Value& record, std::size_t index, ValueKind expected, int fact) {
  if (!record.is_known()) return record;
  if (record.kind() != ValueKind::record) return bad();
  const ValueSpan fields = record.as_record();
  if (index >= fields.size) return checked_input(Value::unknown(), expected, fact);
  return checked_input(fields[index], expected, fact);
}

}  // namespace regularis::detail
