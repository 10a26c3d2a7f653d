// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Value: what a rules expression evaluates to, and what the caller puts in
// the slots it reads. Three-valued: besides the ordinary values there is
// `unknown` (carrying the set of facts whose absence made it unknown) and
// `error` (a run-time problem such as adding BRL to USD, with a stable code).
// Also Constant, the owning form of a value that parameters are given in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "regularis/core/country.hpp"
#include "regularis/core/date.hpp"
#include "regularis/core/decimal.hpp"
#include "regularis/core/money.hpp"
#include "regularis/core/period.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// Index of a fact in a SlotTable (see expression.hpp).
using FactId = std::uint16_t;

/// The most facts (slots and element fields) one SlotTable may hold; going
/// beyond it is the diagnostic `rules.too_many_facts`.
inline constexpr std::size_t kMaxFacts = 128;

/// A set of FactIds (a fixed bitset: no allocation).
///
///     FactSet s = FactSet::of(3);
///     s.merge(FactSet::of(7));
///     s.to_vector();   // {3, 7}
class REGULARIS_API FactSet {
 public:
  constexpr FactSet() = default;
  static FactSet of(FactId id) {
    FactSet s;
    s.insert(id);
    return s;
  }
  void insert(FactId id) noexcept { bits_[id / 64] |= std::uint64_t{1} << (id % 64); }
  bool contains(FactId id) const noexcept {
    return id < kMaxFacts && ((bits_[id / 64] >> (id % 64)) & 1U) != 0;
  }
  void merge(const FactSet& other) noexcept {
    for (std::size_t i = 0; i < kWords; ++i) bits_[i] |= other.bits_[i];
  }
  bool empty() const noexcept {
    for (auto w : bits_)
      if (w != 0) return false;
    return true;
  }
  /// The ids in increasing order.
  std::vector<FactId> to_vector() const;
  friend bool operator==(const FactSet& a, const FactSet& b) noexcept {
    for (std::size_t i = 0; i < kWords; ++i)
      if (a.bits_[i] != b.bits_[i]) return false;
    return true;
  }
  friend bool operator!=(const FactSet& a, const FactSet& b) noexcept { return !(a == b); }

 private:
  static constexpr std::size_t kWords = kMaxFacts / 64;
  std::uint64_t bits_[kWords] = {};
};

/// Run-time errors of an evaluation. to_code() gives the stable code.
enum class EvalError : std::uint8_t {
  currency_mismatch,  ///< "rules.currency_mismatch": BRL + USD, BRL < USD
  overflow,           ///< "rules.overflow": integer or decimal out of range
  date_out_of_range,  ///< "rules.date_out_of_range": a date beyond 0001..9999
  bad_slot_value,  ///< "rules.bad_slot_value": the caller put a value of the wrong kind in a slot
};

/// "rules.currency_mismatch", ...
REGULARIS_API std::string_view to_code(EvalError e) noexcept;

class Value;

/// A non-owning view of list elements (or record fields, in field order).
struct ValueSpan {
  const Value* data = nullptr;
  std::size_t size = 0;
  const Value* begin() const noexcept { return data; }
  inline const Value* end() const noexcept;
  inline const Value& operator[](std::size_t i) const noexcept;
};

/// The kinds of Value. `unknown` and `error` can stand in for any type.
enum class ValueKind : std::uint8_t {
  unknown,
  error,
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

class Type;
/// The kind the values of type `t` have (a list type's values are lists).
REGULARIS_API ValueKind kind_of(const Type& t) noexcept;

/// A value of the rules language. Small and trivially copyable; strings,
/// lists and records do NOT own their contents: they point into storage kept
/// alive by whoever made them (the caller's slot data, or the compiled
/// expression's constants). A record's fields are in RecordType field order.
///
///     std::vector<Value> fields = {Value::date(d), Value::string("felony")};
///     std::vector<Value> convictions = {Value::record(fields)};
///     Value v = Value::list(convictions);     // valid while `convictions` and `fields` live
///     Value::unknown().is_unknown();          // true: a fact that is absent
class REGULARIS_API Value {
 public:
  /// Unknown with an empty set.
  Value() = default;
  static Value unknown(FactSet facts = {}) { return Value(facts); }
  static Value error(EvalError e) { return Value(e); }
  static Value boolean(bool b) { return Value(b); }
  static Value integer(std::int64_t i) { return Value(i); }
  static Value decimal(Decimal d) { return Value(d); }
  static Value money(Money m) { return Value(m); }
  static Value date(Date d) { return Value(d); }
  static Value period(Period p) { return Value(p); }
  static Value string(std::string_view s) { return Value(s); }
  static Value country(Country c) { return Value(c); }
  static Value list(const std::vector<Value>& items) {
    return Value(ListTag{}, ValueSpan{items.data(), items.size()});
  }
  static Value list(ValueSpan items) { return Value(ListTag{}, items); }
  static Value record(const std::vector<Value>& fields) {
    return Value(RecordTag{}, ValueSpan{fields.data(), fields.size()});
  }
  static Value record(ValueSpan fields) { return Value(RecordTag{}, fields); }

  ValueKind kind() const noexcept { return static_cast<ValueKind>(v_.index()); }
  bool is_unknown() const noexcept { return kind() == ValueKind::unknown; }
  bool is_error() const noexcept { return kind() == ValueKind::error; }
  /// Neither unknown nor error.
  bool is_known() const noexcept { return !is_unknown() && !is_error(); }
  bool is_true() const noexcept { return kind() == ValueKind::boolean && std::get<bool>(v_); }
  bool is_false() const noexcept { return kind() == ValueKind::boolean && !std::get<bool>(v_); }

  /// Accessors; each requires the matching kind().
  const FactSet& unknown_facts() const { return std::get<FactSet>(v_); }
  EvalError error_code() const { return std::get<EvalError>(v_); }
  bool as_bool() const { return std::get<bool>(v_); }
  std::int64_t as_integer() const { return std::get<std::int64_t>(v_); }
  Decimal as_decimal() const { return std::get<Decimal>(v_); }
  const Money& as_money() const { return std::get<Money>(v_); }
  Date as_date() const { return std::get<Date>(v_); }
  Period as_period() const { return std::get<Period>(v_); }
  std::string_view as_string() const { return std::get<std::string_view>(v_); }
  Country as_country() const { return std::get<Country>(v_); }
  ValueSpan as_list() const { return std::get<ListBox>(v_).span; }
  ValueSpan as_record() const { return std::get<RecordBox>(v_).span; }

 private:
  struct ListTag {};
  struct RecordTag {};
  struct ListBox {
    ValueSpan span;
  };
  struct RecordBox {
    ValueSpan span;
  };
  explicit Value(FactSet f) : v_(f) {}
  explicit Value(EvalError e) : v_(e) {}
  explicit Value(bool b) : v_(b) {}
  explicit Value(std::int64_t i) : v_(i) {}
  explicit Value(Decimal d) : v_(d) {}
  explicit Value(Money m) : v_(m) {}
  explicit Value(Date d) : v_(d) {}
  explicit Value(Period p) : v_(p) {}
  explicit Value(std::string_view s) : v_(s) {}
  explicit Value(Country c) : v_(c) {}
  Value(ListTag, ValueSpan s) : v_(ListBox{s}) {}
  Value(RecordTag, ValueSpan s) : v_(RecordBox{s}) {}

  // Alternative order is ValueKind's order.
  std::variant<FactSet, EvalError, bool, std::int64_t, Decimal, Money, Date, Period,
               std::string_view, Country, ListBox, RecordBox>
      v_;
};

inline const Value* ValueSpan::end() const noexcept { return data + size; }
inline const Value& ValueSpan::operator[](std::size_t i) const noexcept { return data[i]; }

/// Exactly the same value: same kind, same unknown set or error code, equal
/// contents (decimals and money also with the same scale), lists and records
/// element by element.
REGULARIS_API bool identical(const Value& a, const Value& b);

/// For explanations and tests: "2009-02-01", "64.58 BRL", "2 years", "\"felony\"",
/// "BR", "[1, 2]", "{date: 2001-05-01, category: \"felony\"}", "unknown{3, 7}",
/// "error(rules.currency_mismatch)". (A decimal prints as written: "12.50".)
REGULARIS_API std::string to_string(const Value& v);

/// An owning value, for parameters a programme defines (`entry_cutoff:
/// 2009-02-01`) and literals read by parse_constant(). Lists own their
/// elements; records are not constants.
///
///     Constant cutoff = Constant::date(*Date::parse("2009-02-01"));
///     Constant sectors = Constant::list({Constant::string("agriculture"),
///                                        Constant::string("domestic_work")});
struct REGULARIS_API Constant {
  std::variant<bool, std::int64_t, Decimal, Money, Date, Period, std::string, Country,
               std::vector<Constant>>
      value;

  static Constant boolean(bool b) { return {b}; }
  static Constant integer(std::int64_t i) { return {i}; }
  static Constant decimal(Decimal d) { return {d}; }
  static Constant money(Money m) { return {m}; }
  static Constant date(Date d) { return {d}; }
  static Constant period(Period p) { return {p}; }
  static Constant string(std::string s) { return {std::move(s)}; }
  static Constant country(Country c) { return {c}; }
  static Constant list(std::vector<Constant> items) { return {std::move(items)}; }
};

}  // namespace regularis
