// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The type checker of the rules language: resolves names (comprehension
// variables, built-ins, parameters, facts), checks every operator and
// function against its types, folds list literals and negated literals into
// constants, and registers the facts an expression reads. Annotates the Ast
// in place; reports every error it finds.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "regularis/core/diagnostic.hpp"
#include "regularis/rules/environment.hpp"
#include "rules/ast.hpp"

namespace regularis::detail {

/// Where the checker records the facts it sees (the Compiler's SlotTable).
class FactSink {
 public:
  virtual ~FactSink() = default;
  /// The id of the fact with this path, adding it if new; nullopt when the
  /// table is full.
  virtual std::optional<FactId> add(const std::string& path, const Type& type,
                                    std::optional<FactId> parent, const std::string& field) = 0;
};

struct CheckContext {
  const TypeEnvironment& env;
  const std::map<std::string, Constant, std::less<>>& parameters;
  FactSink& facts;
  const SourceLocation& start;
  Diagnostics& diagnostics;
};

/// Checks the whole tree; true when no error was found.
bool check_expression(Ast& ast, const CheckContext& context, const std::optional<Type>& expected);

}  // namespace regularis::detail
