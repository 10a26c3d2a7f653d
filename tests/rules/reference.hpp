// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The reference interpreter of the rules language: a plain recursive walk of
// the checked syntax tree that evaluates every operand (no short-circuits),
// written from the language's definition, not from the flat evaluator. It
// shares only the scalar operations of ops.hpp (comparing, adding, ... two
// known values). The differential test requires it and the compiled
// evaluator to agree exactly.
#pragma once

#include "regularis/rules/expression.hpp"

namespace regularis::test {

/// Evaluates a compiled expression's syntax tree over the same slot array.
/// Constants in the result stay valid until the next call.
Value reference_evaluate(const CompiledExpression& expression, ValueSpan slots);

}  // namespace regularis::test
