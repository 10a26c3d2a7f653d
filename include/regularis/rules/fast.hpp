// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// FastProgram: the boolean expressions of one programme version (its
// criteria) compiled a second time, for batches, into a tree of typed
// operations over a flat array of FastCell (no Value variants, no unknown
// sets, no trace). It answers true or false exactly as CompiledExpression
// would, and answers "undecided" whenever the exact answer is unknown or an
// error: the caller then evaluates that record the ordinary way, which
// explains what is missing. Expressions using what it does not support
// (money, periods, continuous_residence, nested records) make compile()
// return nothing. The engine's batch path (engine/batch.hpp) fills the cells
// straight from JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regularis/export.hpp"
#include "regularis/rules/expression.hpp"
#include "regularis/rules/value.hpp"

namespace regularis {

/// One value as a FastProgram reads it. `known` false: absent or null.
///
///     FastCell c;                  // unknown
///     c.known = true; c.i = 1;     // a bool true, the integer 1, ...
struct FastCell {
  /// bool (0/1), integer, date (days since 1970-01-01), country (first
  /// letter * 256 + second), decimal coefficient; a list or record: the
  /// index of its first cell in the arena.
  std::int64_t i = 0;
  const char* text = nullptr;  ///< string: its bytes (not owned)
  /// string: length; decimal: scale; integer: 0 (its scale, when it is
  /// compared with a decimal); date: year * 10000 + month * 100 + day; list:
  /// element count.
  std::int32_t n = 0;
  /// string: FastProgram::string_id() of its text (-1: no constant has it).
  std::int32_t id = -1;
  bool known = false;
};

/// How one slot's value is laid out in cells. Scalars take the slot's own
/// cell. A list takes `count` elements of `fields.size()` cells each (1 for a
/// list of scalars) in the arena, starting at the slot cell's `i`; a record
/// takes `fields.size()` cells there. Only the fields the expressions read
/// are laid out, in this order.
struct FastSlot {
  FactId id = 0;
  std::string path;                        ///< "documents", "facts.photo_count"
  ValueKind kind = ValueKind::boolean;     ///< scalar kind, list or record
  ValueKind element = ValueKind::boolean;  ///< list: scalar element kind, or record
  std::vector<std::string> fields;         ///< record fields read (list of records, record)
  std::vector<ValueKind> field_kinds;
};

namespace detail {
struct FastImpl;
}

/// Boolean expressions over one SlotTable, compiled for batches. Immutable;
/// cheap to copy (shared); evaluate() may run on many threads at once and
/// allocates nothing.
///
///     auto fast = FastProgram::compile({&*criterion.require.compiled}, *version.slots);
///     std::vector<FastCell> slots(fast->slot_count()), arena;
///     ... fill slots[s.id] for every s in fast->slots() ...
///     std::uint8_t results[1];
///     fast->evaluate(slots.data(), arena.data(), results);   // 0 false, 1 true, 2 undecided
class REGULARIS_API FastProgram {
 public:
  /// nullopt when some expression uses what the fast form does not support.
  static std::optional<FastProgram> compile(
      const std::vector<const CompiledExpression*>& expressions, const SlotTable& slots);

  /// The slots the expressions read (without fields of lists and records).
  const std::vector<FastSlot>& slots() const noexcept;
  /// One more than the highest slot id (the slot array's size).
  std::size_t slot_count() const noexcept;
  std::size_t size() const noexcept;
  /// The id of a string constant of the expressions, or -1. Cells holding
  /// strings must carry it in FastCell::id.
  std::int32_t string_id(std::string_view text) const noexcept;
  /// How many string constants there are; the text of one by id.
  std::size_t string_count() const noexcept;
  std::string_view string_of(std::int32_t id) const;

  /// Evaluates every expression: results[k] is 0 (false), 1 (true) or 2
  /// (unknown or an error: evaluate that record with CompiledExpression).
  void evaluate(const FastCell* slots, const FastCell* arena, std::uint8_t* results) const;

 private:
  explicit FastProgram(std::shared_ptr<const detail::FastImpl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const detail::FastImpl> impl_;
};

}  // namespace regularis
