// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// FactValue: one node of an application's fact tree, typed by the reader
// (a date is a Date, an amount a Decimal, a country a Country). A node is
// unknown when its field was absent or null; an empty list is a known "none".
// The engine reads these nodes; nothing here knows JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "regularis/core/country.hpp"
#include "regularis/core/date.hpp"
#include "regularis/core/decimal.hpp"
#include "regularis/core/instant.hpp"
#include "regularis/export.hpp"
#include "regularis/facts/fact_path.hpp"

namespace regularis {

enum class FactKind {
  unknown,  ///< absent or null
  boolean,
  integer,  ///< int64
  decimal,  ///< exact Decimal
  string,
  date,
  instant,  ///< only `filed_at` given with a time and an offset
  country,
  list,
  object,
};

/// "unknown", "boolean", "integer", ...
REGULARIS_API std::string_view to_string(FactKind kind) noexcept;

struct FactField;

/// A typed fact: a scalar, a list or an object with ordered fields. Immutable
/// once built; cheap to move.
///
///     FactValue v = FactValue::boolean(false);
///     v.as_bool();                      // std::optional<bool>(false): a known "no"
///     FactValue u;                      // unknown
///     u.is_unknown();                   // true
///     FactValue::list({}).is_known();   // true: an empty list is a known "none"
class REGULARIS_API FactValue {
 public:
  /// Unknown (absent).
  FactValue() = default;
  /// Unknown, written as `null`.
  static FactValue null();
  static FactValue boolean(bool b);
  static FactValue integer(std::int64_t n);
  static FactValue decimal(Decimal d);
  static FactValue string(std::string s);
  static FactValue date(Date d);
  static FactValue instant(Instant t);
  static FactValue country(Country c);
  static FactValue list(std::vector<FactValue> items);
  static FactValue object(std::vector<FactField> fields);

  FactKind kind() const noexcept;
  bool is_unknown() const noexcept { return kind() == FactKind::unknown; }
  bool is_known() const noexcept { return !is_unknown(); }
  /// Unknown because the record said `null` (rather than leaving the field out).
  bool was_null() const noexcept;

  std::optional<bool> as_bool() const noexcept;
  std::optional<std::int64_t> as_integer() const noexcept;
  /// A decimal, or an integer as a Decimal.
  std::optional<Decimal> as_decimal() const noexcept;
  /// Null when not a string.
  const std::string* as_string() const noexcept;
  std::optional<Date> as_date() const noexcept;
  std::optional<Instant> as_instant() const noexcept;
  std::optional<Country> as_country() const noexcept;
  /// Null when not a list.
  const std::vector<FactValue>* as_list() const noexcept;
  /// Null when not an object.
  const std::vector<FactField>* as_object() const noexcept;

  /// The field of an object, or null (also when this is not an object).
  ///
  ///     const FactValue* c = applicant.field("criminal");
  const FactValue* field(std::string_view name) const noexcept;

  /// The node at `path` below this one, or an unknown node. An object key that
  /// itself contains dots (`facts: {"custom.anything": 1}`) is found too:
  /// `facts.custom.anything`.
  const FactValue& find(const FactPath& path) const noexcept;

  /// The same by a dotted path ("applicant.entry_date"), allocating nothing
  /// for paths of up to 16 segments; a path FactPath::parse rejects finds
  /// an unknown node.
  const FactValue& find(std::string_view dotted) const;

  /// A shared unknown node.
  static const FactValue& unknown() noexcept;

  friend REGULARIS_API bool operator==(const FactValue& a, const FactValue& b);
  friend bool operator!=(const FactValue& a, const FactValue& b) { return !(a == b); }

 private:
  struct Unknown {
    bool null;  // value-initialised to false
  };
  using Storage = std::variant<Unknown, bool, std::int64_t, Decimal, std::string, Date, Instant,
                               Country, std::vector<FactValue>, std::vector<FactField>>;
  template <class T>
  static FactValue make(T value);

  Storage value_;
};

/// One field of an object node, in the order the record gave it.
struct FactField {
  std::string name;
  FactValue value;

  friend bool operator==(const FactField& a, const FactField& b) {
    return a.name == b.name && a.value == b.value;
  }
};

}  // namespace regularis
