// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// FastProgram (fast.hpp): the checked syntax tree of each expression turned
// into a tree of typed nodes (virtual eval per node, no Value variants),
// with Kleene's and/or/not, where every value that is unknown or an error
// is just "undecided". Closed calls and comprehensions that several
// criteria share (age_on(applicant.date_of_birth, filing_date), a sum over
// payments) are computed once per record. Strings are compared by the ids
// of the constants they equal.
//
// Speed comes from doing less per node: comparisons are templates on their
// operator and kind, the common shapes (a slot, a comprehension variable's
// field or a memoised call against a constant; `not slot`; a string slot in
// constants; and/or chains) are one node each, has_document nodes over
// one list share a bit set of the record's types, and any/all whose body
// begins `x.f == "s" and` pass over elements with another `f` unevaluated.
// Exactness is checked by tests/rules/fast_differential_test.cpp against
// the compiled evaluator.
#include "regularis/rules/fast.hpp"

#include <algorithm>
#include <cstring>
#include <deque>
#include <map>
#include <utility>

#include "regularis/core/country.hpp"
#include "regularis/core/date.hpp"
#include "regularis/core/decimal.hpp"
#include "rules/ops.hpp"
#include "rules/program.hpp"

namespace regularis::detail {

namespace {

constexpr int kUndecided = 2;
constexpr std::size_t kMaxMemo = 64;
constexpr std::int32_t kTypeBits = 256;  // string ids has_document looks up in a bit set

// Per evaluation; the arrays are left uninitialised (only memo_state is
// cleared, and only as far as the program uses it).
struct Ctx {
  Ctx() {}  // NOLINT: deliberately leaves the arrays uninitialised
  const FastCell* slots = nullptr;
  const FastCell* arena = nullptr;
  const FastCell* vars[kMaxExpressionDepth];
  union {
    FastCell memo[kMaxMemo];
  };
  std::uint8_t memo_state[kMaxMemo];  // 0: not yet; 1: known; 2: undecided
  // The document types of the record (has_document), by string id, made on
  // first use: `types_state` 0 not yet, 1 made, 2 the list is unknown.
  std::uint8_t types_state = 0;
  bool some_type_unknown = false;
  std::uint64_t types[kTypeBits / 64];
};

class Scalar {
 public:
  virtual ~Scalar() = default;
  /// False when undecided (unknown or an error).
  virtual bool eval(Ctx& c, FastCell& out) const = 0;
};

class Bool {
 public:
  virtual ~Bool() = default;
  /// 0, 1 or kUndecided.
  virtual int eval(Ctx& c) const = 0;
};

using ScalarPtr = std::unique_ptr<Scalar>;
using BoolPtr = std::unique_ptr<Bool>;

std::optional<Decimal> decimal_of(const FastCell& c) { return Decimal::from_parts(c.i, c.n); }

FastCell cell_of(const Decimal& d) {
  FastCell c;
  c.known = true;
  c.i = d.coefficient();
  c.n = d.scale();
  return c;
}

std::int64_t country_code(Country c) {
  const std::string_view s = c.code();
  return static_cast<unsigned char>(s[0]) * 256 + static_cast<unsigned char>(s[1]);
}

// ---- scalar nodes ----------------------------------------------------------

class ConstScalar final : public Scalar {
 public:
  explicit ConstScalar(FastCell v) : v_(v) {}
  bool eval(Ctx&, FastCell& out) const override {
    out = v_;
    return true;
  }

 private:
  FastCell v_;
};

class SlotScalar final : public Scalar {
 public:
  explicit SlotScalar(FactId slot) : slot_(slot) {}
  bool eval(Ctx& c, FastCell& out) const override {
    out = c.slots[slot_];
    return out.known;
  }

 private:
  FactId slot_;
};

class RecordSlotField final : public Scalar {
 public:
  RecordSlotField(FactId slot, std::size_t field) : slot_(slot), field_(field) {}
  bool eval(Ctx& c, FastCell& out) const override {
    const FastCell& r = c.slots[slot_];
    if (!r.known) return false;
    out = c.arena[static_cast<std::size_t>(r.i) + field_];
    return out.known;
  }

 private:
  FactId slot_;
  std::size_t field_;
};

class VarField final : public Scalar {
 public:
  VarField(int level, std::size_t field) : level_(static_cast<std::size_t>(level)), field_(field) {}
  bool eval(Ctx& c, FastCell& out) const override {
    out = c.vars[level_][field_];
    return out.known;
  }

 private:
  std::size_t level_;
  std::size_t field_;
};

class ToDecimal final : public Scalar {
 public:
  explicit ToDecimal(ScalarPtr a) : a_(std::move(a)) {}
  bool eval(Ctx& c, FastCell& out) const override {
    if (!a_->eval(c, out) || out.i == INT64_MIN) return false;
    out.n = 0;
    return true;
  }

 private:
  ScalarPtr a_;
};

class Negate final : public Scalar {
 public:
  Negate(ScalarPtr a, bool is_decimal) : a_(std::move(a)), decimal_(is_decimal) {}
  bool eval(Ctx& c, FastCell& out) const override {
    if (!a_->eval(c, out) || out.i == INT64_MIN) return false;
    out.i = -out.i;
    (void)decimal_;  // a decimal's coefficient negates the same way
    return true;
  }

 private:
  ScalarPtr a_;
  bool decimal_;
};

class Arithmetic final : public Scalar {
 public:
  Arithmetic(Op op, bool is_decimal, ScalarPtr a, ScalarPtr b)
      : op_(op), decimal_(is_decimal), a_(std::move(a)), b_(std::move(b)) {}
  bool eval(Ctx& c, FastCell& out) const override {
    FastCell x, y;
    const bool kx = a_->eval(c, x);
    const bool ky = b_->eval(c, y);
    if (!kx || !ky) return false;
    if (!decimal_) {
      std::int64_t r = 0;
      bool over = false;
      if (op_ == Op::add) over = __builtin_add_overflow(x.i, y.i, &r);
      if (op_ == Op::sub) over = __builtin_sub_overflow(x.i, y.i, &r);
      if (op_ == Op::mul) over = __builtin_mul_overflow(x.i, y.i, &r);
      if (over) return false;
      out = x;
      out.i = r;
      return true;
    }
    auto dx = decimal_of(x);
    auto dy = decimal_of(y);
    if (!dx || !dy) return false;
    std::optional<Decimal> r = op_ == Op::add   ? dx->checked_add(*dy)
                               : op_ == Op::sub ? dx->checked_sub(*dy)
                                                : dx->checked_mul(*dy);
    if (!r) return false;
    out = cell_of(*r);
    return true;
  }

 private:
  Op op_;
  bool decimal_;
  ScalarPtr a_;
  ScalarPtr b_;
};

class DateFunction final : public Scalar {
 public:
  DateFunction(Function f, ScalarPtr a, ScalarPtr b, LeapDayBirthday leap)
      : f_(f), a_(std::move(a)), b_(std::move(b)), feb_28_(leap == LeapDayBirthday::february_28) {}
  bool eval(Ctx& c, FastCell& out) const override {
    FastCell from, to;
    const bool kf = a_->eval(c, from);
    const bool kt = b_->eval(c, to);
    if (!kf || !kt) return false;
    out = FastCell{};
    out.known = true;
    if (f_ == Function::days_between) {
      out.i = to.i - from.i;
      return true;
    }
    // Completed years. A 29 February anniversary falls on 1 March in common
    // years (LeapDayBirthday::march_1), which plain (month, day) order gives,
    // or on 28 February (february_28).
    const std::int32_t to_year = to.n / 10000;
    std::int32_t from_day = from.n % 10000;
    if (feb_28_ && from_day == 229 && !is_leap_year(to_year)) from_day = 228;
    const std::int32_t years = to_year - from.n / 10000;
    out.i = years - ((to.n % 10000) < from_day ? 1 : 0);
    return true;
  }

 private:
  Function f_;
  ScalarPtr a_;
  ScalarPtr b_;
  bool feb_28_;
};

// The list held by a slot: its first element cell, count and element size.
struct ListSource {
  FactId slot = 0;
  std::size_t stride = 1;
};

class CountList final : public Scalar {
 public:
  explicit CountList(ListSource list) : list_(list) {}
  bool eval(Ctx& c, FastCell& out) const override {
    const FastCell& l = c.slots[list_.slot];
    if (!l.known) return false;
    out = FastCell{};
    out.known = true;
    out.i = l.n;
    return true;
  }

 private:
  ListSource list_;
};

// total += v, exactly as Decimal::checked_add: the coefficients alone when
// the scales agree and nothing overflows, else by Decimal. False on overflow.
bool add_decimal(FastCell& total, const FastCell& v) {
  std::int64_t sum = 0;
  if (v.n == total.n && v.i != INT64_MIN && !__builtin_add_overflow(total.i, v.i, &sum) &&
      sum != INT64_MIN) {
    total.i = sum;
    return true;
  }
  if (total.i == 0 && total.n <= v.n && v.n <= Decimal::kMaxScale && v.i != INT64_MIN) {
    total.i = v.i;  // 0 + v, at v's scale
    total.n = v.n;
    return true;
  }
  const auto a = decimal_of(total);
  const auto b = decimal_of(v);
  const auto r = a && b ? a->checked_add(*b) : std::nullopt;
  if (!r) return false;
  total = cell_of(*r);
  return true;
}

// count(x in l: c) and sum(x in l: c, v).
class Fold final : public Scalar {
 public:
  Fold(ListSource list, int level, BoolPtr cond, ScalarPtr value, bool is_decimal)
      : list_(list),
        level_(static_cast<std::size_t>(level)),
        cond_(std::move(cond)),
        value_(std::move(value)),
        decimal_(is_decimal) {}
  bool eval(Ctx& c, FastCell& out) const override {
    const FastCell& l = c.slots[list_.slot];
    if (!l.known) return false;
    std::int64_t count = 0;
    FastCell total = cell_of(Decimal::from_integer(0));
    // Any unknown or error condition or selected value, or an overflow,
    // leaves the result undecided.
    for (std::int32_t k = 0; k < l.n; ++k) {
      c.vars[level_] =
          c.arena + static_cast<std::size_t>(l.i) + static_cast<std::size_t>(k) * list_.stride;
      const int r = cond_->eval(c);
      if (r == kUndecided) return false;
      if (r == 0) continue;
      if (!value_) {
        ++count;
        continue;
      }
      FastCell v;
      if (!value_->eval(c, v)) return false;
      if (decimal_) {
        if (!add_decimal(total, v)) return false;
      } else if (__builtin_add_overflow(count, v.i, &count)) {
        return false;
      }
    }
    out = decimal_ ? total : FastCell{};
    out.known = true;
    if (!decimal_) out.i = count;
    return true;
  }

 private:
  ListSource list_;
  std::size_t level_;
  BoolPtr cond_;
  ScalarPtr value_;  // null: count
  bool decimal_;
};

class MemoScalar final : public Scalar {
 public:
  MemoScalar(std::size_t index, ScalarPtr inner) : index_(index), inner_(std::move(inner)) {}
  std::size_t index() const { return index_; }
  /// The computation, for a node that reads the memo itself.
  ScalarPtr take_inner() { return std::move(inner_); }
  bool eval(Ctx& c, FastCell& out) const override {
    std::uint8_t& state = c.memo_state[index_];
    if (state == 0) state = inner_->eval(c, c.memo[index_]) ? 1 : 2;
    out = c.memo[index_];
    return state == 1;
  }

 private:
  std::size_t index_;
  ScalarPtr inner_;
};

// ---- boolean nodes ---------------------------------------------------------

class BoolOf final : public Bool {
 public:
  explicit BoolOf(ScalarPtr a) : a_(std::move(a)) {}
  int eval(Ctx& c) const override {
    FastCell v;
    if (!a_->eval(c, v)) return kUndecided;
    return v.i != 0 ? 1 : 0;
  }

 private:
  ScalarPtr a_;
};

class BoolSlot final : public Bool {
 public:
  explicit BoolSlot(FactId slot, bool negate = false) : slot_(slot), negate_(negate) {}
  int eval(Ctx& c) const override {
    const FastCell& v = c.slots[slot_];
    return !v.known ? kUndecided : (v.i != 0) != negate_ ? 1 : 0;
  }

 private:
  FactId slot_;
  bool negate_;
};

class Not final : public Bool {
 public:
  explicit Not(BoolPtr a) : a_(std::move(a)) {}
  int eval(Ctx& c) const override {
    const int r = a_->eval(c);
    return r == kUndecided ? r : 1 - r;
  }

 private:
  BoolPtr a_;
};

// a and b and ... (or: a or b or ...), Kleene's way: one operand that
// decides the answer settles it, else any undecided operand leaves it
// undecided. A chain of the same operator is one node.
template <bool kAnd>
class AndOr final : public Bool {
 public:
  explicit AndOr(std::vector<BoolPtr> operands) : operands_(std::move(operands)) {}
  int eval(Ctx& c) const override {
    constexpr int decide = kAnd ? 0 : 1;
    int worst = 1 - decide;
    for (const BoolPtr& operand : operands_) {
      const int r = operand->eval(c);
      if (r == decide) return decide;
      worst = std::max(worst, r);  // kUndecided is the largest
    }
    return worst;
  }

 private:
  std::vector<BoolPtr> operands_;
};

// The same with two operands, the common case.
template <bool kAnd>
class AndOr2 final : public Bool {
 public:
  AndOr2(BoolPtr a, BoolPtr b) : a_(std::move(a)), b_(std::move(b)) {}
  int eval(Ctx& c) const override {
    constexpr int decide = kAnd ? 0 : 1;
    const int x = a_->eval(c);
    if (x == decide) return decide;
    const int y = b_->eval(c);
    if (y == decide) return decide;
    return std::max(x, y);  // 1 - decide, or kUndecided
  }

 private:
  BoolPtr a_;
  BoolPtr b_;
};

enum class CmpKind { integer, decimal, string };

__extension__ typedef __int128 Wide;  // NOLINT(modernize-use-using): __extension__ needs typedef

// Two decimals (coefficient, scale 0..18) compared exactly.
inline int compare_decimals(const FastCell& a, const FastCell& b, bool& ok) {
  if (a.n == b.n) return (a.i > b.i) - (a.i < b.i);
  if (a.n < 0 || b.n < 0 || a.n > Decimal::kMaxScale || b.n > Decimal::kMaxScale) {
    ok = false;
    return 0;
  }
  static constexpr std::int64_t kPow10[] = {1,
                                            10,
                                            100,
                                            1000,
                                            10000,
                                            100000,
                                            1000000,
                                            10000000,
                                            100000000,
                                            1000000000,
                                            10000000000,
                                            100000000000,
                                            1000000000000,
                                            10000000000000,
                                            100000000000000,
                                            1000000000000000,
                                            10000000000000000,
                                            100000000000000000,
                                            1000000000000000000};
  Wide x = a.i, y = b.i;
  if (a.n < b.n) {
    x *= kPow10[b.n - a.n];
  } else {
    y *= kPow10[a.n - b.n];
  }
  return (x > y) - (x < y);
}

inline int compare_cells(CmpKind kind, const FastCell& a, const FastCell& b, bool& ok) {
  switch (kind) {
    case CmpKind::integer:
      return (a.i > b.i) - (a.i < b.i);
    case CmpKind::decimal:
      return compare_decimals(a, b, ok);
    case CmpKind::string:
      if (a.id >= 0 || b.id >= 0) return a.id == b.id ? 0 : 1;
      return a.n == b.n && std::memcmp(a.text, b.text, static_cast<std::size_t>(a.n)) == 0 ? 0 : 1;
  }
  return 0;
}

template <Op kOp>
constexpr bool holds(int cmp) {
  if constexpr (kOp == Op::eq) return cmp == 0;
  if constexpr (kOp == Op::ne) return cmp != 0;
  if constexpr (kOp == Op::lt) return cmp < 0;
  if constexpr (kOp == Op::le) return cmp <= 0;
  if constexpr (kOp == Op::gt) return cmp > 0;
  if constexpr (kOp == Op::ge) return cmp >= 0;
  return false;
}

// x op y with the operator and kind fixed when the node is made: 0, 1, or
// kUndecided when decimals cannot be compared.
template <Op kOp, CmpKind kKind>
int compare(const FastCell& x, const FastCell& y) {
  if constexpr (kKind == CmpKind::integer) {
    return holds<kOp>((x.i > y.i) - (x.i < y.i)) ? 1 : 0;
  } else {
    bool ok = true;
    const int cmp = compare_cells(kKind, x, y, ok);
    if (!ok) return kUndecided;
    return holds<kOp>(cmp) ? 1 : 0;
  }
}

// Two scalars compared.
template <Op kOp, CmpKind kKind>
class Compare final : public Bool {
 public:
  Compare(ScalarPtr a, ScalarPtr b) : a_(std::move(a)), b_(std::move(b)) {}
  int eval(Ctx& c) const override {
    FastCell x, y;
    const bool kx = a_->eval(c, x);
    const bool ky = b_->eval(c, y);
    if (!kx || !ky) return kUndecided;
    return compare<kOp, kKind>(x, y);
  }

 private:
  ScalarPtr a_;
  ScalarPtr b_;
};

// Any scalar against a constant.
template <Op kOp, CmpKind kKind>
class CompareConst final : public Bool {
 public:
  CompareConst(ScalarPtr a, FastCell k) : a_(std::move(a)), k_(k) {}
  int eval(Ctx& c) const override {
    FastCell x;
    if (!a_->eval(c, x)) return kUndecided;
    return compare<kOp, kKind>(x, k_);
  }

 private:
  ScalarPtr a_;
  FastCell k_;
};

// A memoised scalar (a closed call met more than once) against a constant.
template <Op kOp, CmpKind kKind>
class CompareMemoConst final : public Bool {
 public:
  CompareMemoConst(std::size_t index, ScalarPtr inner, FastCell k)
      : index_(index), inner_(std::move(inner)), k_(k) {}
  int eval(Ctx& c) const override {
    std::uint8_t& state = c.memo_state[index_];
    if (state == 0) state = inner_->eval(c, c.memo[index_]) ? 1 : 2;
    if (state == 2) return kUndecided;
    return compare<kOp, kKind>(c.memo[index_], k_);
  }

 private:
  std::size_t index_;
  ScalarPtr inner_;
  FastCell k_;
};

// A slot against a constant.
template <Op kOp, CmpKind kKind>
class CompareSlotConst final : public Bool {
 public:
  CompareSlotConst(FactId slot, FastCell k) : slot_(slot), k_(k) {}
  int eval(Ctx& c) const override {
    const FastCell& v = c.slots[slot_];
    if (!v.known) return kUndecided;
    return compare<kOp, kKind>(v, k_);
  }

 private:
  FactId slot_;
  FastCell k_;
};

// A field of a comprehension's variable (`p.fee`) against a constant.
template <Op kOp, CmpKind kKind>
class CompareVarConst final : public Bool {
 public:
  CompareVarConst(int level, std::size_t field, FastCell k)
      : level_(static_cast<std::size_t>(level)), field_(field), k_(k) {}
  int eval(Ctx& c) const override {
    const FastCell& x = c.vars[level_][field_];
    if (!x.known) return kUndecided;
    return compare<kOp, kKind>(x, k_);
  }

 private:
  std::size_t level_;
  std::size_t field_;
  FastCell k_;
};

// One of the comparison nodes above for a run-time operator and kind.
template <template <Op, CmpKind> class Node, CmpKind kKind, typename... Args>
BoolPtr make_comparison_of(Op op, Args&&... args) {
  switch (op) {
    case Op::eq:
      return std::make_unique<Node<Op::eq, kKind>>(std::forward<Args>(args)...);
    case Op::ne:
      return std::make_unique<Node<Op::ne, kKind>>(std::forward<Args>(args)...);
    case Op::lt:
      return std::make_unique<Node<Op::lt, kKind>>(std::forward<Args>(args)...);
    case Op::le:
      return std::make_unique<Node<Op::le, kKind>>(std::forward<Args>(args)...);
    case Op::gt:
      return std::make_unique<Node<Op::gt, kKind>>(std::forward<Args>(args)...);
    case Op::ge:
      return std::make_unique<Node<Op::ge, kKind>>(std::forward<Args>(args)...);
    default:
      return nullptr;
  }
}

template <template <Op, CmpKind> class Node, typename... Args>
BoolPtr make_comparison(Op op, CmpKind kind, Args&&... args) {
  switch (kind) {
    case CmpKind::integer:
      return make_comparison_of<Node, CmpKind::integer>(op, std::forward<Args>(args)...);
    case CmpKind::decimal:
      return make_comparison_of<Node, CmpKind::decimal>(op, std::forward<Args>(args)...);
    case CmpKind::string:
      return make_comparison_of<Node, CmpKind::string>(op, std::forward<Args>(args)...);
  }
  return nullptr;
}

// A string slot in [string constants], by the ids of the constants.
class StringSlotIn final : public Bool {
 public:
  StringSlotIn(FactId slot, const std::vector<FastCell>& items, bool negate)
      : slot_(slot), negate_(negate) {
    for (const FastCell& it : items) {
      if (it.id < 0) continue;
      const auto id = static_cast<std::size_t>(it.id);
      if (id >= ids_.size()) ids_.resize(id + 1, 0);
      ids_[id] = 1;
    }
  }
  int eval(Ctx& c) const override {
    const FastCell& x = c.slots[slot_];
    if (!x.known) return kUndecided;
    const bool found = x.id >= 0 && static_cast<std::size_t>(x.id) < ids_.size() &&
                       ids_[static_cast<std::size_t>(x.id)] != 0;
    return found != negate_ ? 1 : 0;
  }

 private:
  FactId slot_;
  std::vector<std::uint8_t> ids_;
  bool negate_;
};

// x in [constants]: strings by id, other kinds by value.
class InConstants final : public Bool {
 public:
  InConstants(ScalarPtr x, CmpKind kind, std::vector<FastCell> items, bool negate)
      : x_(std::move(x)), kind_(kind), items_(std::move(items)), negate_(negate) {
    for (const FastCell& it : items_) {
      if (kind_ == CmpKind::string && it.id >= 0) {
        const auto id = static_cast<std::size_t>(it.id);
        if (id >= ids_.size()) ids_.resize(id + 1, false);
        ids_[id] = true;
      }
    }
  }
  int eval(Ctx& c) const override {
    FastCell x;
    if (!x_->eval(c, x)) return kUndecided;
    bool found = false;
    if (kind_ == CmpKind::string) {
      found = x.id >= 0 && static_cast<std::size_t>(x.id) < ids_.size() &&
              ids_[static_cast<std::size_t>(x.id)];
    } else {
      for (const FastCell& it : items_) {
        bool ok = true;
        if (compare_cells(kind_, x, it, ok) == 0 && ok) {
          found = true;
          break;
        }
        if (!ok) return kUndecided;
      }
    }
    return found != negate_ ? 1 : 0;
  }

 private:
  ScalarPtr x_;
  CmpKind kind_;
  std::vector<FastCell> items_;
  std::vector<bool> ids_;
  bool negate_;
};

// x in a list slot of scalars.
class InList final : public Bool {
 public:
  InList(ScalarPtr x, CmpKind kind, FactId slot, bool negate)
      : x_(std::move(x)), kind_(kind), slot_(slot), negate_(negate) {}
  int eval(Ctx& c) const override {
    FastCell x;
    const bool kx = x_->eval(c, x);
    const FastCell& l = c.slots[slot_];
    if (!kx || !l.known) return kUndecided;
    bool undecided = false;
    for (std::int32_t k = 0; k < l.n; ++k) {
      const FastCell& e = c.arena[static_cast<std::size_t>(l.i + k)];
      if (!e.known) {
        undecided = true;
        continue;
      }
      bool ok = true;
      const int cmp = compare_cells(kind_, x, e, ok);
      if (!ok) {
        undecided = true;
      } else if (cmp == 0) {
        return negate_ ? 0 : 1;
      }
    }
    if (undecided) return kUndecided;
    return negate_ ? 1 : 0;
  }

 private:
  ScalarPtr x_;
  CmpKind kind_;
  FactId slot_;
  bool negate_;
};

// has_document(types): whether some document has one of the types. Nodes
// over the programme's document list (`shared`) and types that have small
// ids share one bit set of the record's types, made once per evaluation.
class HasDocument final : public Bool {
 public:
  HasDocument(ListSource docs, std::size_t type_field, std::vector<std::int32_t> ids)
      : docs_(docs), field_(type_field), ids_(std::move(ids)) {}
  /// Uses the shared bit set (worth it when several nodes read it).
  void share() {
    shared_ = true;
    for (std::int32_t id : ids_) shared_ = shared_ && id < kTypeBits;
  }
  bool reads(FactId slot, std::size_t field) const { return docs_.slot == slot && field_ == field; }
  FactId slot() const { return docs_.slot; }
  std::size_t field() const { return field_; }
  int eval(Ctx& c) const override {
    if (!shared_) return scan(c);
    if (c.types_state == 0) collect(c);
    if (c.types_state == 2) return kUndecided;
    for (std::int32_t id : ids_) {
      const auto bit = static_cast<std::uint32_t>(id);
      if ((c.types[bit / 64] >> (bit % 64)) & 1U) return 1;
    }
    return c.some_type_unknown ? kUndecided : 0;
  }

 private:
  int scan(Ctx& c) const {
    const FastCell& l = c.slots[docs_.slot];
    if (!l.known) return kUndecided;
    bool undecided = false;
    const FastCell* e = c.arena + static_cast<std::size_t>(l.i) + field_;
    for (std::int32_t k = 0; k < l.n; ++k, e += docs_.stride) {
      if (!e->known) {
        undecided = true;
        continue;
      }
      if (e->id < 0) continue;
      for (std::int32_t id : ids_) {
        if (e->id == id) return 1;
      }
    }
    return undecided ? kUndecided : 0;
  }

  void collect(Ctx& c) const {
    const FastCell& l = c.slots[docs_.slot];
    if (!l.known) {
      c.types_state = 2;
      return;
    }
    c.types_state = 1;
    c.some_type_unknown = false;
    std::memset(c.types, 0, sizeof c.types);
    const FastCell* e = c.arena + static_cast<std::size_t>(l.i) + field_;
    for (std::int32_t k = 0; k < l.n; ++k, e += docs_.stride) {
      if (!e->known) {
        c.some_type_unknown = true;
      } else if (e->id >= 0 && e->id < kTypeBits) {
        const auto bit = static_cast<std::uint32_t>(e->id);
        c.types[bit / 64] |= std::uint64_t{1} << (bit % 64);
      }
    }
  }

  ListSource docs_;
  std::size_t field_;
  std::vector<std::int32_t> ids_;
  bool shared_ = false;
};

// The element field and string a comprehension's body begins by requiring,
// `x.type == "passport" and ...`: an element whose field is known and holds
// another string makes the body 0 without evaluating it.
struct LeadingKey {
  std::size_t field = 0;
  std::int32_t id = -1;  // the string's id
};

class AnyAll final : public Bool {
 public:
  AnyAll(bool is_any, ListSource list, int level, BoolPtr body, std::optional<LeadingKey> key)
      : any_(is_any),
        list_(list),
        level_(static_cast<std::size_t>(level)),
        body_(std::move(body)),
        key_(key) {}
  int eval(Ctx& c) const override {
    const FastCell& l = c.slots[list_.slot];
    if (!l.known) return kUndecided;
    const int decide = any_ ? 1 : 0;
    bool undecided = false;
    const FastCell* e = c.arena + static_cast<std::size_t>(l.i);
    for (std::int32_t k = 0; k < l.n; ++k, e += list_.stride) {
      if (key_ && e[key_->field].known && e[key_->field].id != key_->id) {
        if (decide == 0) return 0;  // all(): this element's body is 0
        continue;
      }
      c.vars[level_] = e;
      const int r = body_->eval(c);
      if (r == decide) return decide;
      if (r == kUndecided) undecided = true;
    }
    return undecided ? kUndecided : 1 - decide;
  }

 private:
  bool any_;
  ListSource list_;
  std::size_t level_;
  BoolPtr body_;
  std::optional<LeadingKey> key_;
};

class MemoBool final : public Bool {
 public:
  MemoBool(std::size_t index, BoolPtr inner) : index_(index), inner_(std::move(inner)) {}
  int eval(Ctx& c) const override {
    std::uint8_t& state = c.memo_state[index_];
    if (state == 0) state = static_cast<std::uint8_t>(inner_->eval(c) + 1);
    return state - 1;
  }

 private:
  std::size_t index_;
  BoolPtr inner_;
};

// ---- string ids ------------------------------------------------------------

// The first 8 bytes of `s`, zero-padded, read with whole loads only (a
// memcpy of a variable length becomes byte stores that the next 8-byte load
// must wait for): two overlapping loads of 4, or three single bytes.
std::uint64_t first_8(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  if (n >= 8) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, 8);
    return v;
  }
  if (n >= 4) {
    std::uint32_t lo = 0, hi = 0;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return lo | (std::uint64_t{hi} << ((n - 4) * 8));
  }
  if (n == 0) return 0;
  return std::uint64_t{p[0]} | (std::uint64_t{p[n / 2]} << (n / 2 * 8)) |
         (std::uint64_t{p[n - 1]} << ((n - 1) * 8));
}

// Length and up to 16 bytes (the first and last 8), mixed: strings here are
// short identifiers that differ early or late.
std::uint64_t hash_bytes(std::string_view s, std::uint64_t first) noexcept {
  std::uint64_t b = 0;
  const std::size_t n = s.size();
  if (n >= 8) std::memcpy(&b, s.data() + n - 8, 8);
  std::uint64_t h = (first ^ (b * 0x9E3779B97F4A7C15ULL) ^ n) * 0xBF58476D1CE4E5B9ULL;
  return h ^ (h >> 31);
}

}  // namespace

struct FastImpl {
  std::vector<FastSlot> slots;
  std::size_t slot_count = 0;
  std::vector<BoolPtr> roots;
  std::deque<std::string> strings;  // by id
  std::size_t memo_count = 0;       // memo cells the program uses

  // The string table, open addressing. An entry holds what a lookup
  // compares first (the length and the first 8 bytes), so most lookups,
  // found or not, touch one entry and no string; longer strings compare
  // their tail in `pool`.
  struct Entry {
    std::uint64_t head = 0;  // the first 8 bytes, zero-padded
    std::uint32_t size = 0;
    std::int32_t id = -1;    // -1: empty
    std::uint32_t tail = 0;  // where bytes 8.. are in `pool`
  };
  std::vector<Entry> table;
  std::string pool;
  std::size_t mask = 0;

  std::int32_t find(std::string_view s) const noexcept {
    if (table.empty()) return -1;
    const std::uint64_t head = first_8(s);
    for (std::size_t h = hash_bytes(s, head) & mask;; h = (h + 1) & mask) {
      const Entry& e = table[h];
      if (e.id < 0) return -1;
      if (e.head == head && e.size == s.size() &&
          (s.size() <= 8 || std::memcmp(pool.data() + e.tail, s.data() + 8, s.size() - 8) == 0)) {
        return e.id;
      }
    }
  }
  void build_table() {
    std::size_t size = 16;
    while (size < strings.size() * 4) size *= 2;
    table.assign(size, Entry{});
    pool.clear();
    mask = size - 1;
    for (std::size_t id = 0; id < strings.size(); ++id) {
      const std::string& s = strings[id];
      std::size_t h = hash_bytes(s, first_8(s)) & mask;
      while (table[h].id >= 0) h = (h + 1) & mask;
      Entry& e = table[h];
      e.head = first_8(s);
      e.size = static_cast<std::uint32_t>(s.size());
      e.id = static_cast<std::int32_t>(id);
      e.tail = static_cast<std::uint32_t>(pool.size());
      if (s.size() > 8) pool.append(s, 8, std::string::npos);
    }
  }
};

namespace {

class Builder {
 public:
  Builder(FastImpl& impl, const SlotTable& table) : impl_(impl), table_(table) {}

  bool layout() {
    for (const FactInfo& f : table_.facts()) {
      if (!f.is_slot()) {
        const FactInfo& parent = table_[*f.parent];
        if (!parent.is_slot()) return false;  // a field of a field: nested records
        continue;
      }
      FastSlot s;
      s.id = f.id;
      s.path = f.path;
      s.kind = kind_of(f.type);
      impl_.slot_count = std::max<std::size_t>(impl_.slot_count, std::size_t{f.id} + 1);
      const Type* record = nullptr;
      if (s.kind == ValueKind::list) {
        s.element = kind_of(f.type.element());
        if (s.element == ValueKind::record) record = &f.type.element();
        if (s.element == ValueKind::list) return false;
      } else if (s.kind == ValueKind::record) {
        record = &f.type;
      }
      if (record != nullptr) {
        for (FactId field : table_.fields_of(f.id)) {
          const FactInfo& info = table_[field];
          const ValueKind k = kind_of(info.type);
          if (k == ValueKind::list || k == ValueKind::record) return false;
          s.fields.push_back(info.field);
          s.field_kinds.push_back(k);
          field_index_[field] = s.fields.size() - 1;
        }
      }
      stride_[f.id] = s.fields.empty() ? 1 : s.fields.size();
      impl_.slots.push_back(std::move(s));
    }
    return true;
  }

  // Counts the closed calls and comprehensions of an expression: only those
  // met more than once (across all the expressions) are computed once per
  // record; memoising the others would only cost.
  void count_shared(const CompiledExpression& e) {
    program_ = &e.program();
    ast_ = &program_->ast;
    for (std::size_t k = 0; k < ast_->nodes.size(); ++k) {
      const int i = static_cast<int>(k);
      if (const char kind = memo_kind(i)) ++uses_[std::string(1, kind) + text_of(i)];
    }
  }

  // After every add(): the has_document nodes over the first document list
  // share one bit set of the record's types when there are several.
  void finish() {
    if (has_documents_.empty()) return;
    const HasDocument& first = *has_documents_.front();
    std::vector<HasDocument*> same;
    for (HasDocument* h : has_documents_) {
      if (h->reads(first.slot(), first.field())) same.push_back(h);
    }
    if (same.size() < 2) return;
    for (HasDocument* h : same) h->share();
  }

  bool add(const CompiledExpression& e) {
    program_ = &e.program();
    ast_ = &program_->ast;
    comprehension_depth_ = 0;
    BoolPtr root = boolean(ast_->root);
    if (!root) return false;
    impl_.roots.push_back(std::move(root));
    return true;
  }

 private:
  const Node& node(int i) const { return ast_->nodes[static_cast<std::size_t>(i)]; }
  std::string text_of(int i) const {
    const Node& n = node(i);
    return program_->source.substr(n.begin.offset, n.end - n.begin.offset);
  }

  std::int32_t intern(const std::string& s) {
    std::int32_t id = impl_.find(s);
    if (id >= 0) return id;
    // Rebuilt at the end; a linear search meanwhile.
    for (std::size_t k = 0; k < impl_.strings.size(); ++k) {
      if (impl_.strings[k] == s) return static_cast<std::int32_t>(k);
    }
    impl_.strings.push_back(s);
    return static_cast<std::int32_t>(impl_.strings.size() - 1);
  }

  std::optional<FastCell> constant_cell(const Constant& c) {
    FastCell cell;
    cell.known = true;
    if (const auto* b = std::get_if<bool>(&c.value)) {
      cell.i = *b ? 1 : 0;
    } else if (const auto* i = std::get_if<std::int64_t>(&c.value)) {
      cell.i = *i;
    } else if (const auto* d = std::get_if<Decimal>(&c.value)) {
      cell = cell_of(*d);
    } else if (const auto* day = std::get_if<Date>(&c.value)) {
      cell.i = day->days_since_epoch();
      cell.n = day->year() * 10000 + day->month() * 100 + day->day();
    } else if (const auto* s = std::get_if<std::string>(&c.value)) {
      cell.id = intern(*s);
      const std::string& stored = impl_.strings[static_cast<std::size_t>(cell.id)];
      cell.text = stored.data();
      cell.n = static_cast<std::int32_t>(stored.size());
    } else if (const auto* country = std::get_if<Country>(&c.value)) {
      cell.i = country_code(*country);
    } else {
      return std::nullopt;  // money, period, list
    }
    return cell;
  }

  static std::optional<CmpKind> cmp_kind(const Type& t) {
    switch (t.kind()) {
      case TypeKind::boolean:
      case TypeKind::integer:
      case TypeKind::date:
      case TypeKind::country:
        return CmpKind::integer;
      case TypeKind::decimal:
        return CmpKind::decimal;
      case TypeKind::string:
        return CmpKind::string;
      default:
        return std::nullopt;
    }
  }

  static bool scalar_type(const Type& t) { return cmp_kind(t).has_value(); }

  // How two operands compare: an integer with a decimal compares as decimals
  // (as the compiled evaluator does; an integer cell has scale 0).
  static std::optional<CmpKind> comparison_kind(const Type& a, const Type& b) {
    if (a.is_numeric() && b.is_numeric() && a.kind() != b.kind()) return CmpKind::decimal;
    return cmp_kind(a);
  }

  // The list slot a comprehension, count or `in` reads, or nullopt.
  std::optional<ListSource> list_slot(int i) const {
    const Node& n = node(i);
    if (n.kind != NodeKind::path || n.base != Node::Base::slot || !n.steps.empty()) {
      return std::nullopt;
    }
    auto it = stride_.find(n.slot);
    if (it == stride_.end()) return std::nullopt;
    return ListSource{n.slot, it->second};
  }

  std::optional<std::size_t> field_index(const FieldStep& step) const {
    if (!step.fact) return std::nullopt;
    auto it = field_index_.find(*step.fact);
    if (it == field_index_.end()) return std::nullopt;
    return it->second;
  }

  // What a node memoised would hold: 's' a scalar, 'b' a boolean, 0 never.
  char memo_kind(int i) const {
    const Node& n = node(i);
    if (n.kind == NodeKind::call) {
      switch (n.function) {
        case Function::age_on:
        case Function::years_between:
        case Function::days_between:
        case Function::count:
          return 's';
        case Function::has_document:
          return 'b';
        default:
          return 0;
      }
    }
    if (n.kind == NodeKind::comprehension) {
      if (n.function == Function::count || n.function == Function::sum) return 's';
      if (n.function == Function::any || n.function == Function::all) return 'b';
    }
    return 0;
  }

  // A memo wrapper for a closed call or comprehension met more than once.
  std::optional<std::size_t> memo_slot(int i, char kind) {
    if (comprehension_depth_ != 0) return std::nullopt;
    const std::string key = std::string(1, kind) + text_of(i);
    auto used = uses_.find(key);
    if (used == uses_.end() || used->second < 2) return std::nullopt;
    auto it = memo_.find(key);
    if (it != memo_.end()) return it->second;
    if (memo_.size() >= kMaxMemo) return std::nullopt;
    const std::size_t index = memo_.size();
    memo_.emplace(key, index);
    impl_.memo_count = memo_.size();
    return index;
  }

  ScalarPtr with_promotion(ScalarPtr p, bool promote) {
    if (!p || !promote) return p;
    return std::make_unique<ToDecimal>(std::move(p));
  }

  ScalarPtr scalar(int i) {
    const Node& n = node(i);
    if (!n.type || !scalar_type(*n.type)) return nullptr;
    switch (n.kind) {
      case NodeKind::literal: {
        auto c = constant_cell(*n.constant);
        if (!c) return nullptr;
        return std::make_unique<ConstScalar>(*c);
      }
      case NodeKind::path:
        return path(i);
      case NodeKind::unary: {
        if (n.op != Op::neg) return nullptr;
        auto a = scalar(n.kids[0]);
        if (!a) return nullptr;
        return std::make_unique<Negate>(std::move(a), n.type->kind() == TypeKind::decimal);
      }
      case NodeKind::binary: {
        if (n.op != Op::add && n.op != Op::sub && n.op != Op::mul) return nullptr;
        const TypeKind k = n.type->kind();
        if (k != TypeKind::integer && k != TypeKind::decimal) return nullptr;
        auto a = with_promotion(scalar(n.kids[0]), n.promote_left);
        auto b = with_promotion(scalar(n.kids[1]), n.promote_right);
        if (!a || !b) return nullptr;
        return std::make_unique<Arithmetic>(n.op, k == TypeKind::decimal, std::move(a),
                                            std::move(b));
      }
      case NodeKind::call:
        return call(i);
      case NodeKind::comprehension:
        return fold(i);
      default:
        return nullptr;
    }
  }

  ScalarPtr path(int i) {
    const Node& n = node(i);
    if (n.base == Node::Base::constant && n.steps.empty()) {
      auto c = constant_cell(*n.constant);
      if (!c) return nullptr;
      return std::make_unique<ConstScalar>(*c);
    }
    if (n.base == Node::Base::slot) {
      if (n.steps.empty()) return std::make_unique<SlotScalar>(n.slot);
      if (n.steps.size() != 1) return nullptr;
      auto field = field_index(n.steps[0]);
      if (!field) return nullptr;
      return std::make_unique<RecordSlotField>(n.slot, *field);
    }
    if (n.base == Node::Base::variable) {
      if (n.steps.empty()) return std::make_unique<VarField>(n.var_level, 0);
      if (n.steps.size() != 1) return nullptr;
      auto field = field_index(n.steps[0]);
      if (!field) return nullptr;
      return std::make_unique<VarField>(n.var_level, *field);
    }
    return nullptr;
  }

  ScalarPtr call(int i) {
    const Node& n = node(i);
    ScalarPtr inner;
    switch (n.function) {
      case Function::age_on:
      case Function::years_between:
      case Function::days_between: {
        auto a = scalar(n.kids[0]);
        auto b = scalar(n.kids[1]);
        if (!a || !b) return nullptr;
        inner = std::make_unique<DateFunction>(n.function, std::move(a), std::move(b),
                                               program_->leap_day);
        break;
      }
      case Function::count: {
        auto list = list_slot(n.kids[0]);
        if (!list) return nullptr;
        inner = std::make_unique<CountList>(*list);
        break;
      }
      default:
        return nullptr;
    }
    if (auto m = memo_slot(i, 's')) return std::make_unique<MemoScalar>(*m, std::move(inner));
    return inner;
  }

  ScalarPtr fold(int i) {
    const Node& n = node(i);
    if (n.function != Function::count && n.function != Function::sum) return nullptr;
    auto list = list_slot(n.kids[0]);
    if (!list) return nullptr;
    const auto memo = memo_slot(i, 's');
    const int level = comprehension_depth_++;
    BoolPtr cond = boolean(n.kids[1]);
    ScalarPtr value = n.function == Function::sum ? scalar(n.kids[2]) : nullptr;
    --comprehension_depth_;
    if (!cond || (n.function == Function::sum && !value)) return nullptr;
    ScalarPtr inner = std::make_unique<Fold>(*list, level, std::move(cond), std::move(value),
                                             n.type->kind() == TypeKind::decimal);
    if (memo) return std::make_unique<MemoScalar>(*memo, std::move(inner));
    return inner;
  }

  BoolPtr boolean(int i) {
    const Node& n = node(i);
    if (!n.type || n.type->kind() != TypeKind::boolean) return nullptr;
    switch (n.kind) {
      case NodeKind::unary: {
        if (n.op != Op::not_) return nullptr;
        const Node& kid = node(n.kids[0]);
        if (kid.kind == NodeKind::path && kid.base == Node::Base::slot && kid.steps.empty()) {
          return std::make_unique<BoolSlot>(kid.slot, true);  // not a boolean slot: one node
        }
        auto a = boolean(n.kids[0]);
        if (!a) return nullptr;
        return std::make_unique<Not>(std::move(a));
      }
      case NodeKind::binary:
        return binary(i);
      case NodeKind::call:
        if (n.function == Function::has_document) return has_document(i);
        return nullptr;
      case NodeKind::comprehension:
        return any_all(i);
      case NodeKind::path:
        if (n.base == Node::Base::slot && n.steps.empty()) {
          return std::make_unique<BoolSlot>(n.slot);
        }
        [[fallthrough]];
      default: {
        auto s = scalar(i);
        if (!s) return nullptr;
        return std::make_unique<BoolOf>(std::move(s));
      }
    }
  }

  // A literal or a named constant (a parameter).
  static bool is_constant(const Node& n) {
    return n.kind == NodeKind::literal ||
           (n.kind == NodeKind::path && n.base == Node::Base::constant && n.steps.empty());
  }

  BoolPtr binary(int i) {
    const Node& n = node(i);
    const int l = n.kids[0];
    const int r = n.kids[1];
    if (n.op == Op::and_ || n.op == Op::or_) {
      std::vector<BoolPtr> operands;
      if (!chain(i, n.op, operands)) return nullptr;
      const bool is_and = n.op == Op::and_;
      if (operands.size() == 2) {
        if (is_and)
          return std::make_unique<AndOr2<true>>(std::move(operands[0]), std::move(operands[1]));
        return std::make_unique<AndOr2<false>>(std::move(operands[0]), std::move(operands[1]));
      }
      if (is_and) return std::make_unique<AndOr<true>>(std::move(operands));
      return std::make_unique<AndOr<false>>(std::move(operands));
    }
    if (n.op == Op::in || n.op == Op::not_in) return membership(i);
    if (n.op != Op::eq && n.op != Op::ne && n.op != Op::lt && n.op != Op::le && n.op != Op::gt &&
        n.op != Op::ge) {
      return nullptr;
    }
    auto kind = comparison_kind(*node(l).type, *node(r).type);
    if (!kind) return nullptr;
    const Node& ln = node(l);
    const Node& rn = node(r);
    const bool right_is_constant = is_constant(rn);
    // A slot against a constant: one node.
    if (right_is_constant && ln.kind == NodeKind::path && ln.base == Node::Base::slot &&
        ln.steps.empty()) {
      if (auto c = constant_cell(*rn.constant)) {
        return make_comparison<CompareSlotConst>(n.op, *kind, ln.slot, *c);
      }
    }
    // A field of a comprehension's variable against a constant: one node.
    if (right_is_constant && ln.kind == NodeKind::path && ln.base == Node::Base::variable &&
        ln.steps.size() <= 1) {
      const auto field =
          ln.steps.empty() ? std::optional<std::size_t>(0) : field_index(ln.steps[0]);
      const auto k = constant_cell(*rn.constant);
      if (field && k) {
        return make_comparison<CompareVarConst>(n.op, *kind, ln.var_level, *field, *k);
      }
    }
    auto a = scalar(l);
    if (a && right_is_constant) {
      if (auto k = constant_cell(*rn.constant)) {
        if (auto* memo = dynamic_cast<MemoScalar*>(a.get())) {
          return make_comparison<CompareMemoConst>(n.op, *kind, memo->index(), memo->take_inner(),
                                                   *k);
        }
        return make_comparison<CompareConst>(n.op, *kind, std::move(a), *k);
      }
    }
    auto b = scalar(r);
    if (!a || !b) return nullptr;
    return make_comparison<Compare>(n.op, *kind, std::move(a), std::move(b));
  }

  // The operands of a chain of `op` (and, or) from node i, left to right.
  bool chain(int i, Op op, std::vector<BoolPtr>& operands) {
    const Node& n = node(i);
    if (n.kind == NodeKind::binary && n.op == op) {
      return chain(n.kids[0], op, operands) && chain(n.kids[1], op, operands);
    }
    BoolPtr b = boolean(i);
    if (!b) return false;
    operands.push_back(std::move(b));
    return true;
  }

  BoolPtr membership(int i) {
    const Node& n = node(i);
    const bool negate = n.op == Op::not_in;
    const Node& rn = node(n.kids[1]);
    const Type& element = rn.type->element();
    auto kind = comparison_kind(*node(n.kids[0]).type, element);
    if (!kind) return nullptr;
    auto x = scalar(n.kids[0]);
    if (!x) return nullptr;
    if (rn.kind == NodeKind::list || is_constant(rn)) {
      const auto* items = std::get_if<std::vector<Constant>>(&rn.constant->value);
      if (items == nullptr) return nullptr;
      std::vector<FastCell> cells;
      for (const Constant& c : *items) {
        auto cell = constant_cell(c);
        if (!cell) return nullptr;
        cells.push_back(*cell);
      }
      const Node& xn = node(n.kids[0]);
      if (*kind == CmpKind::string && xn.kind == NodeKind::path && xn.base == Node::Base::slot &&
          xn.steps.empty()) {
        return std::make_unique<StringSlotIn>(xn.slot, cells, negate);
      }
      return std::make_unique<InConstants>(std::move(x), *kind, std::move(cells), negate);
    }
    auto list = list_slot(n.kids[1]);
    if (!list || list->stride != 1 || element.kind() == TypeKind::record) return nullptr;
    return std::make_unique<InList>(std::move(x), *kind, list->slot, negate);
  }

  BoolPtr has_document(int i) {
    const Node& n = node(i);
    const Node& arg = node(n.kids[0]);
    if (!n.documents_type_fact) return nullptr;
    auto field = field_index_.find(*n.documents_type_fact);
    auto stride = stride_.find(n.documents_slot);
    if (field == field_index_.end() || stride == stride_.end()) return nullptr;
    if (arg.kind != NodeKind::list && !is_constant(arg)) return nullptr;
    std::vector<std::int32_t> ids;
    if (const auto* s = std::get_if<std::string>(&arg.constant->value)) {
      ids.push_back(intern(*s));
    } else if (const auto* items = std::get_if<std::vector<Constant>>(&arg.constant->value)) {
      for (const Constant& c : *items) {
        const auto* s2 = std::get_if<std::string>(&c.value);
        if (s2 == nullptr) return nullptr;
        ids.push_back(intern(*s2));
      }
    } else {
      return nullptr;
    }
    const auto memo = memo_slot(i, 'b');
    auto node = std::make_unique<HasDocument>(ListSource{n.documents_slot, stride->second},
                                              field->second, std::move(ids));
    has_documents_.push_back(node.get());
    BoolPtr inner = std::move(node);
    if (memo) return std::make_unique<MemoBool>(*memo, std::move(inner));
    return inner;
  }

  BoolPtr any_all(int i) {
    const Node& n = node(i);
    if (n.function != Function::any && n.function != Function::all) return nullptr;
    auto list = list_slot(n.kids[0]);
    if (!list) return nullptr;
    const auto memo = memo_slot(i, 'b');
    const int level = comprehension_depth_++;
    BoolPtr body = boolean(n.kids[1]);
    --comprehension_depth_;
    if (!body) return nullptr;
    BoolPtr inner = std::make_unique<AnyAll>(n.function == Function::any, *list, level,
                                             std::move(body), leading_key(n.kids[1], level));
    if (memo) return std::make_unique<MemoBool>(*memo, std::move(inner));
    return inner;
  }

  // The key the body of a comprehension at `level` begins by requiring: its
  // leftmost conjunct is `x.f == "s"`, a string field of the variable equal
  // to a string constant (compared by id).
  std::optional<LeadingKey> leading_key(int body, int level) {
    int i = body;
    while (node(i).kind == NodeKind::binary && node(i).op == Op::and_) i = node(i).kids[0];
    const Node& n = node(i);
    if (n.kind != NodeKind::binary || n.op != Op::eq) return std::nullopt;
    const Node& ln = node(n.kids[0]);
    const Node& rn = node(n.kids[1]);
    if (!is_constant(rn) || ln.kind != NodeKind::path || ln.base != Node::Base::variable ||
        ln.var_level != level || ln.steps.size() != 1) {
      return std::nullopt;
    }
    if (comparison_kind(*ln.type, *rn.type) != CmpKind::string) return std::nullopt;
    const auto field = field_index(ln.steps[0]);
    const auto k = constant_cell(*rn.constant);
    if (!field || !k || k->id < 0) return std::nullopt;
    return LeadingKey{*field, k->id};
  }

  FastImpl& impl_;
  const SlotTable& table_;
  const CompiledProgram* program_ = nullptr;
  const Ast* ast_ = nullptr;
  int comprehension_depth_ = 0;
  std::map<FactId, std::size_t> field_index_;
  std::map<FactId, std::size_t> stride_;
  std::map<std::string, std::size_t> memo_;
  std::map<std::string, int> uses_;          // memo key -> how many nodes have it
  std::vector<HasDocument*> has_documents_;  // owned by the trees
};

}  // namespace
}  // namespace regularis::detail

namespace regularis {

std::optional<FastProgram> FastProgram::compile(
    const std::vector<const CompiledExpression*>& expressions, const SlotTable& slots) {
  auto impl = std::make_shared<detail::FastImpl>();
  detail::Builder builder(*impl, slots);
  if (!builder.layout()) return std::nullopt;
  for (const CompiledExpression* e : expressions) {
    if (e == nullptr) return std::nullopt;
    builder.count_shared(*e);
  }
  for (const CompiledExpression* e : expressions) {
    if (!builder.add(*e)) return std::nullopt;
  }
  builder.finish();
  impl->build_table();
  return FastProgram(std::move(impl));
}

const std::vector<FastSlot>& FastProgram::slots() const noexcept { return impl_->slots; }
std::size_t FastProgram::slot_count() const noexcept { return impl_->slot_count; }
std::size_t FastProgram::size() const noexcept { return impl_->roots.size(); }

std::int32_t FastProgram::string_id(std::string_view text) const noexcept {
  return impl_->find(text);
}

std::size_t FastProgram::string_count() const noexcept { return impl_->strings.size(); }
std::string_view FastProgram::string_of(std::int32_t id) const {
  return impl_->strings.at(static_cast<std::size_t>(id));
}

void FastProgram::evaluate(const FastCell* slots, const FastCell* arena,
                           std::uint8_t* results) const {
  detail::Ctx ctx;
  ctx.slots = slots;
  ctx.arena = arena;
  if (impl_->memo_count != 0) std::memset(ctx.memo_state, 0, impl_->memo_count);
  for (const auto& root : impl_->roots) *results++ = static_cast<std::uint8_t>(root->eval(ctx));
}

}  // namespace regularis
