// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Type and RecordType: the static types of the rules language (bool, integer,
// decimal, money, date, period, string, country, list<T>, records). The
// caller describes its facts with them through a TypeEnvironment; the checker
// uses them to reject a wrong expression before it is ever evaluated.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regularis/export.hpp"

namespace regularis {

/// The kinds of type. `list` has an element type, `record` a RecordType.
enum class TypeKind {
  boolean,
  integer,
  decimal,
  money,
  date,
  period,
  string,
  country,
  list,
  record
};

class RecordType;
class Type;

/// Same kind, same element type, records with the same name and fields.
REGULARIS_API bool operator==(const Type& a, const Type& b);
inline bool operator!=(const Type& a, const Type& b) { return !(a == b); }

/// A type of the rules language. Immutable value; cheap to copy.
///
///     Type t = Type::list_of(Type::string());
///     t.to_string();                 // "list<string>"
///     t.element() == Type::string(); // true
class REGULARIS_API Type {
 public:
  /// bool.
  Type() = default;
  static Type boolean() { return Type(TypeKind::boolean); }
  static Type integer() { return Type(TypeKind::integer); }
  static Type decimal() { return Type(TypeKind::decimal); }
  static Type money() { return Type(TypeKind::money); }
  static Type date() { return Type(TypeKind::date); }
  static Type period() { return Type(TypeKind::period); }
  static Type string() { return Type(TypeKind::string); }
  static Type country() { return Type(TypeKind::country); }
  static Type list_of(Type element);
  static Type record(std::shared_ptr<const RecordType> record);

  TypeKind kind() const noexcept { return kind_; }
  bool is_numeric() const noexcept {
    return kind_ == TypeKind::integer || kind_ == TypeKind::decimal;
  }
  /// The element type of a list. Precondition: kind() == TypeKind::list.
  const Type& element() const { return *element_; }
  /// The record type. Precondition: kind() == TypeKind::record.
  const RecordType& record() const { return *record_; }
  const std::shared_ptr<const RecordType>& record_ptr() const { return record_; }

  /// "bool", "integer", "list<date>", "document" (a record prints its name).
  std::string to_string() const;

 private:
  explicit Type(TypeKind k) : kind_(k) {}
  TypeKind kind_ = TypeKind::boolean;
  std::shared_ptr<const Type> element_;
  std::shared_ptr<const RecordType> record_;
};

/// A record: named, typed fields in a fixed order. A record Value holds its
/// field values in this order (field i of the value is fields()[i]).
///
///     auto conviction = RecordType::make("conviction", {{"date", Type::date()},
///                                                       {"category", Type::string()},
///                                                       {"country", Type::country()}});
///     conviction->find("category");   // 1
///     Type convictions = Type::list_of(Type::record(conviction));
class REGULARIS_API RecordType {
 public:
  struct Field {
    std::string name;
    Type type;
  };

  RecordType(std::string name, std::vector<Field> fields, std::string note = {})
      : name_(std::move(name)), fields_(std::move(fields)), note_(std::move(note)) {}
  static std::shared_ptr<const RecordType> make(std::string name, std::vector<Field> fields,
                                                std::string note = {}) {
    return std::make_shared<const RecordType>(std::move(name), std::move(fields), std::move(note));
  }

  /// Shown in diagnostics ("document", "conviction").
  const std::string& name() const noexcept { return name_; }
  const std::vector<Field>& fields() const noexcept { return fields_; }
  /// The index of a field, or nullopt. A field name may contain dots
  /// ("custom.anything"): an expression names it as `x.custom.anything`.
  std::optional<std::size_t> find(std::string_view field_name) const;
  /// Added, in parentheses, to the checker's error for a field the record
  /// does not have; empty for none. A dependant's `facts` record says where
  /// its fields come from: "a dependant's facts are those declared under facts:".
  const std::string& note() const noexcept { return note_; }

 private:
  std::string name_;
  std::vector<Field> fields_;
  std::string note_;
};

}  // namespace regularis
