// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The names a programme's expressions may read, for the rules type checker:
// the application format's standard fields (facts/schema.hpp, turned into
// rules types: objects become records, lists lists) and the programme's own
// `facts.` declarations. Those declarations type a dependant's own facts too:
// the `dependants[]` element record has a field `facts`, a record with one
// field per declared fact (`d.facts.undocumented_since`). Document conditions
// add `document`, a record of the `documents[]` element.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "regularis/facts/schema.hpp"
#include "regularis/rules/environment.hpp"
#include "regularis/rules/type.hpp"

namespace regularis::detail {

/// The rules type of a schema node; nullopt for `any` and maps (no rules
/// type). `name` names a record ("document", "conviction").
std::optional<Type> type_of_schema(const SchemaNode& node, const std::string& name);

/// Standard fields plus declared `facts.` paths; `dependants` is a list of
/// records whose field `facts` has the declared facts as its fields.
class ProgrammeEnvironment : public TypeEnvironment {
 public:
  ProgrammeEnvironment();
  /// Declares `facts.<name>`; false when already declared.
  bool declare(const std::string& path, Type type);
  bool is_declared(std::string_view path) const { return declared_.count(path) != 0; }
  std::optional<Type> lookup(std::string_view dotted_name) const override;
  /// The record type of a `documents[]` element.
  const Type& document_type() const noexcept { return document_type_; }

 private:
  void make_dependants_type();

  std::map<std::string, Type, std::less<>> declared_;
  Type document_type_;
  std::optional<Type> dependants_type_;  // list<dependant>, with `facts` as declared
};

}  // namespace regularis::detail
