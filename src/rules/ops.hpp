// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The operations of the rules language on single values: Kleene and/or/not,
// the strict prelude (unknown and error arguments), comparison, arithmetic,
// the date functions and reading a record field. Used by the evaluator (and
// by the reference interpreter in tests for the scalar operations only).
#pragma once

#include <optional>

#include "regularis/rules/value.hpp"
#include "rules/ast.hpp"

namespace regularis::detail {

Value kleene_and(const Value& a, const Value& b);
Value kleene_or(const Value& a, const Value& b);
Value kleene_not(const Value& a);

/// When an argument is unknown: unknown with the union of the unknown
/// arguments' sets; else when one is an error: the first error. Otherwise
/// nullopt (all known).
std::optional<Value> strict_prelude(const Value& a);
std::optional<Value> strict_prelude(const Value& a, const Value& b);
std::optional<Value> strict_prelude(const Value& a, const Value& b, const Value& c);

/// Known operands only. eq/ne/lt/le/gt/ge: a bool or an error.
Value compare_known(Op op, const Value& a, const Value& b);
/// Known operands only. add/sub/mul; a date plus or minus whole years from
/// 29 February lands as `leap` says in a common year.
Value arithmetic_known(Op op, const Value& a, const Value& b, LeapDayBirthday leap);
Value negate_known(const Value& a);
/// Integer to decimal (INT64_MIN is an overflow error); other values pass through.
Value integer_to_decimal(const Value& a);
/// age_on, years_between (a 29 February anniversary as `leap` says),
/// days_between on known dates.
Value date_function_known(Function f, const Value& a, const Value& b, LeapDayBirthday leap);

/// `x in list` for a known x and list elements: Kleene or of x == e; an
/// unknown element is unknown{list_fact} (empty set when list_fact < 0).
Value member(const Value& x, ValueSpan list, int list_fact);

/// Date + period, or nullopt beyond 0001-01-01 .. 9999-12-31. Months past
/// the end of the target month clamp to it, except that 29 February moved
/// to a common year's February lands as `leap` says (an anniversary).
std::optional<Date> checked_plus(Date d, Period p, LeapDayBirthday leap);

/// Field `index` of a record value that should have kind `expected`: an
/// unknown or error record passes through; an absent or unknown field is
/// unknown{fact} (empty set when fact < 0); a wrong kind is bad_slot_value.
Value read_field(const Value& record, std::size_t index, ValueKind expected, int fact);

/// A value read from a slot (or list element) that should have kind `expected`:
/// unknown becomes unknown{fact} (empty set when fact < 0), an error passes,
/// a wrong kind is bad_slot_value.
Value checked_input(const Value& v, ValueKind expected, int fact);

}  // namespace regularis::detail
