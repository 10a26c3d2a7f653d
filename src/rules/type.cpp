// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Type, RecordType and MapEnvironment: the static types of the rules
// language and the table-backed TypeEnvironment.
#include "regularis/rules/type.hpp"
#include "regularis/rules/environment.hpp"
#include "regularis/rules/value.hpp"

namespace regularis {

Type Type::list_of(Type element) {
  Type t(TypeKind::list);
  t.element_ = std::make_shared<const Type>(std::move(element));
  return t;
}

Type Type::record(std::shared_ptr<const RecordType> record) {
  Type t(TypeKind::record);
  t.record_ = std::move(record);
  return t;
}

std::string Type::to_string() const {
  switch (kind_) {
    case TypeKind::boolean:
      return "bool";
    case TypeKind::integer:
      return "integer";
    case TypeKind::decimal:
      return "decimal";
    case TypeKind::money:
      return "money";
    case TypeKind::date:
      return "date";
    case TypeKind::period:
      return "period";
    case TypeKind::string:
      return "string";
    case TypeKind::country:
      return "country";
    case TypeKind::list:
      return "list<" + element_->to_string() + ">";
    case TypeKind::record:
      return record_ ? record_->name() : "record";
  }
  return "?";
}

bool operator==(const Type& a, const Type& b) {
  if (a.kind() != b.kind()) return false;
  if (a.kind() == TypeKind::list) return a.element() == b.element();
  if (a.kind() == TypeKind::record) {
    const auto& ra = a.record_ptr();
    const auto& rb = b.record_ptr();
    if (ra == rb) return true;
    if (!ra || !rb) return false;
    const auto& fa = ra->fields();
    const auto& fb = rb->fields();
    if (ra->name() != rb->name() || fa.size() != fb.size()) return false;
    for (std::size_t i = 0; i < fa.size(); ++i) {
      if (fa[i].name != fb[i].name || fa[i].type != fb[i].type) return false;
    }
  }
  return true;
}

std::optional<std::size_t> RecordType::find(std::string_view field_name) const {
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i].name == field_name) return i;
  }
  return std::nullopt;
}

TypeEnvironment::~TypeEnvironment() = default;

std::optional<Type> MapEnvironment::lookup(std::string_view dotted_name) const {
  auto it = types_.find(dotted_name);
  if (it != types_.end()) return it->second;
  if (parent_ != nullptr) return parent_->lookup(dotted_name);
  return std::nullopt;
}

ValueKind kind_of(const Type& t) noexcept {
  switch (t.kind()) {
    case TypeKind::boolean:
      return ValueKind::boolean;
    case TypeKind::integer:
      return ValueKind::integer;
    case TypeKind::decimal:
      return ValueKind::decimal;
    case TypeKind::money:
      return ValueKind::money;
    case TypeKind::date:
      return ValueKind::date;
    case TypeKind::period:
      return ValueKind::period;
    case TypeKind::string:
      return ValueKind::string;
    case TypeKind::country:
      return ValueKind::country;
    case TypeKind::list:
      return ValueKind::list;
    case TypeKind::record:
      return ValueKind::record;
  }
  return ValueKind::unknown;
}

}  // namespace regularis
