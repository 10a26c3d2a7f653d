// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Value helpers: error codes, exact comparison (identical) and printing, the
// static type of a Constant, and the Trace's recording.
#include "regularis/rules/value.hpp"

#include "regularis/rules/expression.hpp"

namespace regularis {

std::vector<FactId> FactSet::to_vector() const {
  std::vector<FactId> ids;
  for (std::size_t i = 0; i < kMaxFacts; ++i) {
    if (contains(static_cast<FactId>(i))) ids.push_back(static_cast<FactId>(i));
  }
  return ids;
}

std::string_view to_code(EvalError e) noexcept {
  switch (e) {
    case EvalError::currency_mismatch:
      return "rules.currency_mismatch";
    case EvalError::overflow:
      return "rules.overflow";
    case EvalError::date_out_of_range:
      return "rules.date_out_of_range";
    case EvalError::bad_slot_value:
      return "rules.bad_slot_value";
  }
  return "rules.error";
}

bool identical(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case ValueKind::unknown:
      return a.unknown_facts() == b.unknown_facts();
    case ValueKind::error:
      return a.error_code() == b.error_code();
    case ValueKind::boolean:
      return a.as_bool() == b.as_bool();
    case ValueKind::integer:
      return a.as_integer() == b.as_integer();
    case ValueKind::decimal:
      return a.as_decimal() == b.as_decimal() && a.as_decimal().scale() == b.as_decimal().scale();
    case ValueKind::money:
      return a.as_money() == b.as_money() &&
             a.as_money().amount().scale() == b.as_money().amount().scale();
    case ValueKind::date:
      return a.as_date() == b.as_date();
    case ValueKind::period:
      return a.as_period() == b.as_period();
    case ValueKind::string:
      return a.as_string() == b.as_string();
    case ValueKind::country:
      return a.as_country() == b.as_country();
    case ValueKind::list:
    case ValueKind::record: {
      ValueSpan x = a.kind() == ValueKind::list ? a.as_list() : a.as_record();
      ValueSpan y = b.kind() == ValueKind::list ? b.as_list() : b.as_record();
      if (x.size != y.size) return false;
      for (std::size_t i = 0; i < x.size; ++i) {
        if (!identical(x[i], y[i])) return false;
      }
      return true;
    }
  }
  return false;
}

std::string to_string(const Value& v) {
  switch (v.kind()) {
    case ValueKind::unknown: {
      std::string s = "unknown{";
      bool first = true;
      for (FactId id : v.unknown_facts().to_vector()) {
        if (!first) s += ", ";
        s += std::to_string(id);
        first = false;
      }
      return s + "}";
    }
    case ValueKind::error:
      return "error(" + std::string(to_code(v.error_code())) + ")";
    case ValueKind::boolean:
      return v.as_bool() ? "true" : "false";
    case ValueKind::integer:
      return std::to_string(v.as_integer());
    case ValueKind::decimal:
      return v.as_decimal().to_string();
    case ValueKind::money:
      return v.as_money().to_string();
    case ValueKind::date:
      return v.as_date().to_string();
    case ValueKind::period:
      return v.as_period().to_string();
    case ValueKind::string:
      return "\"" + std::string(v.as_string()) + "\"";
    case ValueKind::country:
      return std::string(v.as_country().code());
    case ValueKind::list:
    case ValueKind::record: {
      const bool list = v.kind() == ValueKind::list;
      ValueSpan items = list ? v.as_list() : v.as_record();
      std::string s = list ? "[" : "{";
      for (std::size_t i = 0; i < items.size; ++i) {
        if (i > 0) s += ", ";
        s += to_string(items[i]);
      }
      return s + (list ? "]" : "}");
    }
  }
  return "?";
}

std::optional<Type> type_of(const Constant& c) {
  switch (c.value.index()) {
    case 0:
      return Type::boolean();
    case 1:
      return Type::integer();
    case 2:
      return Type::decimal();
    case 3:
      return Type::money();
    case 4:
      return Type::date();
    case 5:
      return Type::period();
    case 6:
      return Type::string();
    case 7:
      return Type::country();
    default:
      break;
  }
  const auto& items = std::get<std::vector<Constant>>(c.value);
  if (items.empty()) return std::nullopt;
  std::optional<Type> element = type_of(items[0]);
  if (!element) return std::nullopt;
  for (const auto& item : items) {
    auto t = type_of(item);
    if (!t || *t != *element) return std::nullopt;
  }
  return Type::list_of(*element);
}

void Trace::record(NodeId node, const Value& v) {
  if (node >= values_.size()) {
    values_.resize(node + 1);
    seen_.resize(node + 1);
  }
  values_[node] = v;
  seen_[node] = true;
}

}  // namespace regularis
