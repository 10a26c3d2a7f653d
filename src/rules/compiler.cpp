// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Compiler: parse -> check -> emit. The emitter turns the checked Ast into
// the flat program (program.hpp), numbering nodes in preorder for the node
// table, copying constants into the program's own storage, and computing the
// largest stack the program needs. Also SlotTable, CompiledExpression and
// parse_constant.
#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "regularis/rules/expression.hpp"
#include "rules/checker.hpp"
#include "rules/ops.hpp"
#include "rules/parser.hpp"
#include "rules/program.hpp"

namespace regularis {

namespace detail {
namespace {

class Emitter {
 public:
  Emitter(CompiledProgram& p, const SourceLocation& start, std::string_view text)
      : p_(p), start_(start), text_(text) {}

  void run() {
    emit(p_.ast.root);
    std::sort(facts_.begin(), facts_.end());
    facts_.erase(std::unique(facts_.begin(), facts_.end()), facts_.end());
    p_.facts_read = facts_;
  }

 private:
  Node& node(int i) { return p_.ast.nodes[static_cast<std::size_t>(i)]; }

  std::size_t add(Instr in) {
    p_.code.push_back(in);
    return p_.code.size() - 1;
  }
  void push(int n = 1) {
    sp_ += n;
    p_.max_stack = std::max(p_.max_stack, static_cast<std::size_t>(std::max(sp_, 0)));
  }
  void pop(int n = 1) { sp_ -= n; }
  std::int32_t here() const { return static_cast<std::int32_t>(p_.code.size()); }

  void read_fact(std::optional<FactId> f) {
    if (f) facts_.push_back(*f);
  }
  void read_slot(FactId s) {
    facts_.push_back(s);
    p_.slot_count = std::max(p_.slot_count, std::size_t{s} + 1);
  }
  static std::int32_t id_or_none(std::optional<FactId> f) { return f ? *f : -1; }

  Value to_value(const Constant& c) {
    if (const auto* s = std::get_if<std::string>(&c.value)) {
      for (const std::string& have : p_.strings) {
        if (have == *s) return Value::string(have);
      }
      p_.strings.push_back(*s);
      return Value::string(p_.strings.back());
    }
    if (const auto* items = std::get_if<std::vector<Constant>>(&c.value)) {
      std::vector<Value> values;
      for (const Constant& item : *items) values.push_back(to_value(item));
      p_.lists.push_back(std::move(values));
      return Value::list(p_.lists.back());
    }
    return std::visit(
        [](const auto& v) -> Value {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, bool>) return Value::boolean(v);
          if constexpr (std::is_same_v<T, std::int64_t>) return Value::integer(v);
          if constexpr (std::is_same_v<T, Decimal>) return Value::decimal(v);
          if constexpr (std::is_same_v<T, Money>) return Value::money(v);
          if constexpr (std::is_same_v<T, Date>) return Value::date(v);
          if constexpr (std::is_same_v<T, Period>) return Value::period(v);
          if constexpr (std::is_same_v<T, Country>) return Value::country(v);
          return Value::unknown();
        },
        c.value);
  }

  void push_const(const Constant& c, std::int32_t id) {
    p_.constants.push_back(to_value(c));
    add({Code::push_const, static_cast<std::int32_t>(p_.constants.size() - 1), 0, -1, -1, -1, id});
    push();
  }

  // Emits node i; returns its NodeId.
  std::int32_t emit(int i) {
    const auto id = static_cast<std::int32_t>(p_.nodes.size());
    {
      const Node& n = node(i);
      NodeInfo info;
      info.op = op_name(n);
      info.function = n.kind == NodeKind::call || n.kind == NodeKind::comprehension ? n.name : "";
      info.text = std::string(text_.substr(n.begin.offset, n.end - n.begin.offset));
      info.location = location_of(start_, n.begin);
      info.type = *n.type;
      if (n.kind == NodeKind::path || n.kind == NodeKind::field) {
        if (!n.steps.empty()) {
          info.fact = n.steps.back().fact;
        } else if (n.base == Node::Base::slot) {
          info.fact = n.slot;
        }
      }
      p_.nodes.push_back(std::move(info));
    }
    std::vector<NodeId> children;
    auto child = [&](int k) { children.push_back(static_cast<NodeId>(emit(k))); };
    Node& n = node(i);
    switch (n.kind) {
      case NodeKind::literal:
      case NodeKind::list:
        push_const(*n.constant, id);
        break;
      case NodeKind::path: {
        const bool has_steps = !n.steps.empty();
        const std::int32_t base_id = has_steps ? -1 : id;
        const auto kind = static_cast<std::int32_t>(kind_of(*n.base_type));
        if (n.base == Node::Base::constant) {
          push_const(*n.constant, base_id);
        } else if (n.base == Node::Base::slot) {
          read_slot(n.slot);
          add({Code::load_slot, n.slot, kind, -1, -1, -1, base_id});
          push();
        } else {
          read_fact(n.var_fact);
          add({Code::load_var, n.var_level, kind, id_or_none(n.var_fact), -1, -1, base_id});
          push();
        }
        emit_steps(n, id);
        break;
      }
      case NodeKind::field:
        child(n.kids[0]);
        emit_steps(node(i), id);
        break;
      case NodeKind::unary:
        child(n.kids[0]);
        add({node(i).op == Op::not_ ? Code::not_ : Code::neg, 0, 0, -1, -1, -1, id});
        break;
      case NodeKind::binary:
        emit_binary(i, id, children);
        break;
      case NodeKind::call:
        emit_call(i, id, children);
        break;
      case NodeKind::comprehension: {
        const auto f = static_cast<std::int32_t>(n.function);
        const int body = n.kids[1];
        const bool is_sum = n.function == Function::sum;
        const int value = is_sum ? n.kids[2] : -1;
        // sum: the result's kind, for the empty list's zero
        const auto kind = static_cast<std::int32_t>(kind_of(*n.type));
        child(n.kids[0]);
        const std::size_t begin = add({Code::iter_begin, f, 0, -1, kind, -1, id});
        pop();
        const std::int32_t body_start = here();
        child(body);
        if (is_sum) {
          child(value);
          pop();
        }
        add({Code::iter_next, f, body_start, -1, -1, -1, id});
        p_.code[begin].b = here();
        break;
      }
    }
    p_.nodes[static_cast<std::size_t>(id)].children = std::move(children);
    return id;
  }

  void emit_steps(const Node& n, std::int32_t id) {
    for (std::size_t s = 0; s < n.steps.size(); ++s) {
      const FieldStep& step = n.steps[s];
      read_fact(step.fact);
      add({Code::get_field, static_cast<std::int32_t>(step.index),
           static_cast<std::int32_t>(kind_of(step.type)), id_or_none(step.fact), -1, -1,
           s + 1 == n.steps.size() ? id : -1});
    }
  }

  void emit_binary(int i, std::int32_t id, std::vector<NodeId>& children) {
    const Op op = node(i).op;
    const int l = node(i).kids[0];
    const int r = node(i).kids[1];
    if (op == Op::and_ || op == Op::or_) {
      children.push_back(static_cast<NodeId>(emit(l)));
      const std::size_t jump =
          add({op == Op::and_ ? Code::jump_if_false : Code::jump_if_true, 0, 0, -1, -1, -1, id});
      children.push_back(static_cast<NodeId>(emit(r)));
      add({op == Op::and_ ? Code::and_ : Code::or_, 0, 0, -1, -1, -1, id});
      pop();
      p_.code[jump].a = here();
      return;
    }
    children.push_back(static_cast<NodeId>(emit(l)));
    if (node(i).promote_left) add({Code::to_decimal, 0, 0, -1, -1, -1, -1});
    children.push_back(static_cast<NodeId>(emit(r)));
    if (node(i).promote_right) add({Code::to_decimal, 0, 0, -1, -1, -1, -1});
    Instr in{Code::compare, static_cast<std::int32_t>(op), 0, -1, -1, -1, id};
    switch (op) {
      case Op::in:
      case Op::not_in:
        in.code = Code::in;
        in.a = op == Op::not_in ? 1 : 0;
        in.c = id_or_none(node(r).origin.fact);
        break;
      case Op::add:
      case Op::sub:
        in.code = op == Op::add ? Code::add : Code::sub;
        if (node(i).type && node(i).type->kind() == TypeKind::date && !whole_days(l) &&
            !whole_days(r))
          p_.counts_years = true;
        break;
      case Op::mul:
        in.code = Code::mul;
        break;
      default:
        break;
    }
    add(in);
    pop();
  }

  // A constant period of days only (`90 days`): moving a date by it never
  // meets the leap-day rule.
  bool whole_days(int i) {
    const auto& c = node(i).constant;
    if (!c) return false;
    const Period* p = std::get_if<Period>(&c->value);
    return p != nullptr && p->years() == 0 && p->months() == 0;
  }

  void emit_call(int i, std::int32_t id, std::vector<NodeId>& children) {
    const Function f = node(i).function;
    const std::vector<int> kids = node(i).kids;
    if (f == Function::has_document) {
      const Node& n = node(i);
      read_slot(n.documents_slot);
      read_fact(n.documents_type_fact);
      add({Code::load_slot, n.documents_slot, static_cast<std::int32_t>(ValueKind::list), -1, -1,
           -1, -1});
      push();
    }
    for (int k : kids) children.push_back(static_cast<NodeId>(emit(k)));
    const Node& n = node(i);
    Instr in{Code::call, static_cast<std::int32_t>(f), 0, -1, -1, -1, id};
    if (f == Function::age_on || f == Function::years_between) p_.counts_years = true;
    if (f == Function::has_document) {
      in.code = Code::has_document;
      in.a = static_cast<std::int32_t>(n.documents_type_index);
      in.c = id_or_none(n.documents_type_fact);
      in.e = n.documents_slot;
      in.b = id_or_none(node(kids[0]).origin.fact);
      pop();
    } else if (f == Function::continuous_residence) {
      in.code = Code::continuous_residence;
      in.a = static_cast<std::int32_t>(n.from_index);
      in.b = static_cast<std::int32_t>(n.to_index);
      in.c = id_or_none(n.from_fact);
      in.d = id_or_none(n.to_fact);
      in.e = id_or_none(node(kids[1]).origin.fact);
      read_fact(n.from_fact);
      read_fact(n.to_fact);
      pop(2);
    } else if (f != Function::count) {
      pop();
    }
    add(in);
  }

  static std::string op_name(const Node& n) {
    switch (n.kind) {
      case NodeKind::literal:
        return "literal";
      case NodeKind::list:
        return "list";
      case NodeKind::path:
        return n.steps.empty() ? "name" : "field";
      case NodeKind::field:
        return "field";
      case NodeKind::unary:
        return n.op == Op::not_ ? "not" : "neg";
      case NodeKind::binary:
        return op_text(n.op);
      case NodeKind::call:
      case NodeKind::comprehension:
        return "call";
    }
    return "";
  }

  CompiledProgram& p_;
  const SourceLocation& start_;
  std::string_view text_;
  int sp_ = 0;
  std::vector<FactId> facts_;
};

}  // namespace
}  // namespace detail

// ---- SlotTable -------------------------------------------------------------

std::optional<FactId> SlotTable::find(std::string_view path) const {
  const auto it = by_path_.find(path);
  if (it == by_path_.end()) return std::nullopt;
  return it->second;
}

std::vector<FactId> SlotTable::fields_of(FactId parent) const {
  std::vector<FactId> out;
  for (const FactInfo& f : facts_) {
    if (f.parent == parent) out.push_back(f.id);
  }
  return out;
}

// ---- CompiledExpression ----------------------------------------------------

Value CompiledExpression::evaluate(ValueSpan slots, Trace* trace) const {
  return detail::run_program(*program_, slots, trace);
}
const Type& CompiledExpression::type() const noexcept { return program_->type; }
const std::string& CompiledExpression::source() const noexcept { return program_->source; }
const std::vector<NodeInfo>& CompiledExpression::nodes() const noexcept { return program_->nodes; }
const std::vector<FactId>& CompiledExpression::facts_read() const noexcept {
  return program_->facts_read;
}
std::size_t CompiledExpression::slot_count() const noexcept { return program_->slot_count; }

// ---- Compiler --------------------------------------------------------------

struct Compiler::Impl : detail::FactSink {
  SlotTable table;
  std::map<std::string, Constant, std::less<>> parameters;
  LeapDayBirthday leap_day = LeapDayBirthday::march_1;
  bool counts_years = false;

  std::optional<FactId> add(const std::string& path, const Type& type, std::optional<FactId> parent,
                            const std::string& field) override {
    if (auto known = table.find(path)) return known;
    std::vector<FactInfo>& facts = table.facts_;
    if (facts.size() >= kMaxFacts) return std::nullopt;
    FactInfo info;
    info.id = static_cast<FactId>(facts.size());
    info.path = path;
    info.type = type;
    info.parent = parent;
    info.field = field;
    table.by_path_.emplace(path, info.id);
    facts.push_back(std::move(info));
    return facts.back().id;
  }
  void truncate(std::size_t size) {
    for (std::size_t k = size; k < table.facts_.size(); ++k)
      table.by_path_.erase(table.facts_[k].path);
    table.facts_.resize(size);
  }
};

Compiler::Compiler() : impl_(std::make_unique<Impl>()) {}
Compiler::~Compiler() = default;

const SlotTable& Compiler::slots() const noexcept { return impl_->table; }

namespace {

bool is_identifier(const std::string& s) {
  if (s.empty()) return false;
  auto start = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!start(s[0])) return false;
  return std::all_of(s.begin(), s.end(),
                     [&](char c) { return start(c) || (c >= '0' && c <= '9'); });
}

bool is_reserved(const std::string& s) {
  static const std::set<std::string> reserved = {
      "and", "or", "not", "in", "true", "false", "as_of", "filing_date", "document", "documents"};
  return reserved.count(s) > 0;
}

}  // namespace

void Compiler::set_leap_day(LeapDayBirthday rule) noexcept { impl_->leap_day = rule; }
bool Compiler::counts_years() const noexcept { return impl_->counts_years; }

bool Compiler::define_parameter(const std::string& name, const Constant& value,
                                const SourceLocation& where, Diagnostics& diagnostics) {
  if (!is_identifier(name) || is_reserved(name)) {
    diagnostics.error("rules.bad_parameter",
                      "\"" + name +
                          "\" cannot be a parameter name (an identifier that is not a "
                          "keyword or built-in name)",
                      where);
    return false;
  }
  if (impl_->parameters.count(name) > 0) {
    diagnostics.error("rules.duplicate_parameter", "parameter \"" + name + "\" is already defined",
                      where);
    return false;
  }
  if (!type_of(value)) {
    const auto* items = std::get_if<std::vector<Constant>>(&value.value);
    if (items != nullptr && items->empty()) {
      diagnostics.error("rules.empty_list", "an empty list has no element type", where);
    } else {
      diagnostics.error("rules.type_mismatch",
                        "the elements of parameter \"" + name + "\" must have one type", where);
    }
    return false;
  }
  impl_->parameters.emplace(name, value);
  return true;
}

std::optional<CompiledExpression> Compiler::compile(std::string_view text,
                                                    const SourceLocation& start,
                                                    const TypeEnvironment& env,
                                                    Diagnostics& diagnostics,
                                                    std::optional<Type> expected) {
  auto ast = detail::parse_expression(text, start, diagnostics);
  if (!ast) return std::nullopt;
  const std::size_t table_size = impl_->table.size();
  detail::CheckContext ctx{env, impl_->parameters, *impl_, start, diagnostics};
  if (!detail::check_expression(*ast, ctx, expected)) {
    impl_->truncate(table_size);
    return std::nullopt;
  }
  auto program = std::make_shared<detail::CompiledProgram>();
  program->source = std::string(text);
  program->leap_day = impl_->leap_day;
  program->ast = std::move(*ast);
  program->type = *program->ast.nodes[static_cast<std::size_t>(program->ast.root)].type;
  detail::Emitter(*program, start, text).run();
  if (program->max_stack > detail::kMaxStack) {
    diagnostics.error("rules.too_large", "expression needs too large an evaluation stack", start);
    impl_->truncate(table_size);
    return std::nullopt;
  }
  impl_->counts_years = impl_->counts_years || program->counts_years;
  return CompiledExpression(std::move(program));
}

// ---- parse_constant --------------------------------------------------------

namespace {

class NoFacts : public detail::FactSink {
 public:
  std::optional<FactId> add(const std::string&, const Type&, std::optional<FactId>,
                            const std::string&) override {
    return std::nullopt;
  }
};

}  // namespace

std::optional<Constant> parse_constant(std::string_view text, const SourceLocation& start,
                                       Diagnostics& diagnostics) {
  auto ast = detail::parse_expression(text, start, diagnostics);
  if (!ast) return std::nullopt;
  const MapEnvironment env;
  const std::map<std::string, Constant, std::less<>> no_parameters;
  NoFacts no_facts;
  detail::CheckContext ctx{env, no_parameters, no_facts, start, diagnostics};
  if (!detail::check_expression(*ast, ctx, std::nullopt)) return std::nullopt;
  const detail::Node& root = ast->nodes[static_cast<std::size_t>(ast->root)];
  if (root.kind != detail::NodeKind::literal && root.kind != detail::NodeKind::list) {
    diagnostics.error("rules.not_constant", "expected a constant",
                      detail::location_of(start, root.begin));
    return std::nullopt;
  }
  return root.constant;
}

}  // namespace regularis
