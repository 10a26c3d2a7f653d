// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The lexer and Pratt parser of the rules language: text in, an Ast or
// diagnostics out. Depth and size are checked before recursing, so any input
// ends in a tree or a diagnostic, never a stack overflow.
#pragma once

#include <optional>
#include <string_view>

#include "regularis/core/diagnostic.hpp"
#include "rules/ast.hpp"

namespace regularis::detail {

/// Parses `text`, whose first character is at `start`. Adds one diagnostic
/// and returns nullopt on the first syntax error.
std::optional<Ast> parse_expression(std::string_view text, const SourceLocation& start,
                                    Diagnostics& diagnostics);

/// The location of a mark in text that starts at `start`.
SourceLocation location_of(const SourceLocation& start, const Mark& mark);

}  // namespace regularis::detail
