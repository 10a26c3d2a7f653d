// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Fact tree -> slot values (see slots.hpp). Standard fields arrive already
// typed by the reader; programme-specific facts (`facts.x`) arrive as plain
// JSON values and are converted here to the type the programme declares; so
// are a dependant's (`dependants[i].facts.x`, a field of its `facts` record).
#include "engine/slots.hpp"

#include <utility>

#include "regularis/core/country.hpp"
#include "regularis/core/period.hpp"
#include "regularis/facts/fact_path.hpp"

namespace regularis::detail {

namespace {

std::string describe(const FactValue& node) { return std::string(to_string(node.kind())); }

}  // namespace

const FactValue* declared_field(const FactValue& facts, std::string_view name) {
  const FactValue* child = facts.field(name);
  if (child == nullptr && name.find('.') != std::string_view::npos) {
    if (auto at = FactPath::parse(name)) child = &facts.find(*at);
  }
  return child;
}

std::vector<Value> SlotFiller::fill(const SlotTable& table, const Facts& facts,
                                    std::optional<Date> filing_date, std::optional<Date> as_of,
                                    Diagnostics& diagnostics) {
  std::vector<Value> slots(table.size());
  for (const FactInfo& info : table.facts()) {
    if (!info.is_slot()) continue;
    if (info.path == "filing_date") {
      slots[info.id] = filing_date ? Value::date(*filing_date) : Value::unknown();
    } else if (info.path == "as_of") {
      slots[info.id] = as_of ? Value::date(*as_of) : Value::unknown();
    } else if (info.path == "document") {
      slots[info.id] = Value::unknown();  // set per candidate document by the engine
    } else {
      slots[info.id] = convert(facts.find(info.path), info.type, info.path, diagnostics);
    }
  }
  return slots;
}

ValueSpan SlotFiller::store(std::vector<Value> values) {
  storage_.push_back(std::move(values));
  const auto& v = storage_.back();
  return ValueSpan{v.data(), v.size()};
}

std::string SlotFiller::Place::str() const {
  if (parent == nullptr) return std::string(name);
  std::string s = parent->str();
  if (name.empty()) return s + "[" + std::to_string(index) + "]";
  return s + "." + std::string(name);
}

Value SlotFiller::convert(const FactValue& node, const Type& type, const std::string& path,
                          Diagnostics& diagnostics) {
  return convert_at(node, type, Place{nullptr, path, 0}, diagnostics);
}

Value SlotFiller::convert_at(const FactValue& node, const Type& type, const Place& place,
                             Diagnostics& diagnostics) {
  if (node.is_unknown()) return Value::unknown();
  auto wrong = [&](const std::string& expected) {
    diagnostics.error_at_path("facts.wrong_type",
                              "expected " + expected + ", found " + describe(node), place.str());
    return Value::unknown();
  };
  const std::string* text = node.as_string();
  switch (type.kind()) {
    case TypeKind::boolean:
      if (auto b = node.as_bool()) return Value::boolean(*b);
      return wrong("a boolean");
    case TypeKind::integer:
      if (auto i = node.as_integer()) return Value::integer(*i);
      if (auto d = node.as_decimal(); d && d->significant_scale() == 0 && d->scale() == 0)
        return Value::integer(d->coefficient());
      return wrong("an integer");
    case TypeKind::decimal:
      if (auto d = node.as_decimal()) return Value::decimal(*d);
      return wrong("a number");
    case TypeKind::date:
      if (auto d = node.as_date()) return Value::date(*d);
      if (text != nullptr) {
        auto d = Date::parse(*text);
        if (d) return Value::date(*d);
        diagnostics.error_at_path("facts.bad_date", d.error(), place.str());
        return Value::unknown();
      }
      return wrong("a date");
    case TypeKind::period:
      if (text != nullptr) {
        auto p = Period::parse(*text);
        if (p) return Value::period(*p);
        diagnostics.error_at_path("facts.bad_period", p.error(), place.str());
        return Value::unknown();
      }
      return wrong("a period");
    case TypeKind::string:
      if (text != nullptr) return Value::string(*text);
      return wrong("a string");
    case TypeKind::country:
      if (auto c = node.as_country()) return Value::country(*c);
      if (text != nullptr) {
        auto c = Country::parse(*text);
        if (c) return Value::country(*c);
        diagnostics.error_at_path("facts.bad_country", c.error(), place.str());
        return Value::unknown();
      }
      return wrong("a country code");
    case TypeKind::money:
      return wrong("an amount with a currency");
    case TypeKind::list: {
      const auto* items = node.as_list();
      if (items == nullptr) return wrong("a list");
      std::vector<Value> values;
      values.reserve(items->size());
      for (std::size_t i = 0; i < items->size(); ++i) {
        values.push_back(
            convert_at((*items)[i], type.element(), Place{&place, {}, i}, diagnostics));
      }
      return Value::list(store(std::move(values)));
    }
    case TypeKind::record: {
      if (node.as_object() == nullptr) return wrong("an object");
      const auto& fields = type.record().fields();
      std::vector<Value> values;
      values.reserve(fields.size());
      for (const auto& f : fields) {
        // A field named with dots (a declared fact "custom.anything" in a
        // dependant's `facts`): a key with dots or nested objects.
        const FactValue* child = declared_field(node, f.name);
        if (child != nullptr && child->is_known()) {
          values.push_back(convert_at(*child, f.type, Place{&place, f.name, 0}, diagnostics));
        } else if (f.type.kind() == TypeKind::record) {
          // An absent record (a dependant without `facts`) has every field
          // unknown, so that reading one names that field, not the record.
          values.push_back(
              Value::record(store(std::vector<Value>(f.type.record().fields().size()))));
        } else {
          values.push_back(Value::unknown());
        }
      }
      return Value::record(store(std::move(values)));
    }
  }
  return Value::unknown();
}

}  // namespace regularis::detail
