// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// TypeEnvironment: how the rules checker learns which fact paths exist and
// what their types are. The caller (the programme loader, the engine, a test)
// implements it; MapEnvironment is a ready-made one backed by a table.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "regularis/export.hpp"
#include "regularis/rules/type.hpp"

namespace regularis {

/// Names the facts an expression may read, with their types.
///
/// A dotted name in an expression (`applicant.last_permit.to`) is resolved as
/// follows: a comprehension variable first (`c` in `any(c in ...: ...)`),
/// then the built-ins `filing_date` and `as_of` (dates), then parameters
/// (Compiler::define_parameter), then the longest prefix for which lookup()
/// returns a type; the remaining parts must be fields of that (record) type.
/// So `applicant.last_permit.to` works whether the environment knows
/// `applicant.last_permit.to` (a date) or only `applicant.last_permit` (a
/// record with a field `to`). For document conditions, make `document` a name
/// of record type; the caller fills its slot with each document in turn.
class REGULARIS_API TypeEnvironment {
 public:
  virtual ~TypeEnvironment();
  /// The type of a fact path ("applicant.entry_date", "documents"), or nullopt
  /// when there is no such fact. Called only while compiling.
  virtual std::optional<Type> lookup(std::string_view dotted_name) const = 0;
};

/// A TypeEnvironment backed by a table, optionally layered over another one
/// (its own entries win).
///
///     MapEnvironment env;
///     env.add("applicant.entry_date", Type::date());
///     env.add("applicant.criminal.pending_proceedings", Type::boolean());
///     MapEnvironment doc_env(&env);          // the programme's facts plus `document`
///     doc_env.add("document", Type::record(document_type));
class REGULARIS_API MapEnvironment : public TypeEnvironment {
 public:
  explicit MapEnvironment(const TypeEnvironment* parent = nullptr) : parent_(parent) {}
  MapEnvironment& add(std::string dotted_name, Type type) {
    types_.insert_or_assign(std::move(dotted_name), std::move(type));
    return *this;
  }
  std::optional<Type> lookup(std::string_view dotted_name) const override;

 private:
  const TypeEnvironment* parent_ = nullptr;
  std::map<std::string, Type, std::less<>> types_;
};

}  // namespace regularis
