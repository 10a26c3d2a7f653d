// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Type checking of a parsed rules expression (see checker.hpp). Recursion
// here is bounded by the parser's depth limit. Beside each money node's type
// it keeps the currency when the expression alone fixes it (a literal, a
// parameter, arithmetic on those), so that `1.5 BRL < 2 EUR` or `fee + 1
// USD` with a fee in BRL is an error here rather than in every evaluation.
#include "rules/checker.hpp"

#include <string>
#include <utility>
#include <vector>

#include "regularis/core/country.hpp"
#include "regularis/core/money.hpp"
#include "regularis/rules/expression.hpp"
#include "rules/parser.hpp"

namespace regularis::detail {

namespace {

struct Var {
  std::string name;
  Type element;
  Origin origin;  // of the elements: "documents[]"
};

bool is_ordered(const Type& t) {
  return t.is_numeric() || t.kind() == TypeKind::money || t.kind() == TypeKind::date;
}

bool is_scalar(const Type& t) { return t.kind() != TypeKind::list && t.kind() != TypeKind::record; }

// Equality-compatible: the same scalar type, or two numbers.
bool comparable(const Type& a, const Type& b) {
  if (a.is_numeric() && b.is_numeric()) return true;
  return a == b && is_scalar(a);
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

class Checker {
 public:
  Checker(Ast& ast, const CheckContext& ctx)
      : ast_(ast), ctx_(ctx), currencies_(ast.nodes.size()) {}

  bool run(const std::optional<Type>& expected) {
    bool ok = check(ast_.root);
    if (ok && expected && *node(ast_.root).type != *expected) {
      error("type_mismatch", node(ast_.root).begin,
            "expected " + expected->to_string() + ", found " + node(ast_.root).type->to_string());
      ok = false;
    }
    return ok && !failed_;
  }

 private:
  Node& node(int i) { return ast_.nodes[static_cast<std::size_t>(i)]; }
  Node& kid(int i, std::size_t k) { return node(node(i).kids[k]); }

  bool error(const char* code, const Mark& at, std::string message) {
    ctx_.diagnostics.error(std::string("rules.") + code, std::move(message),
                           location_of(ctx_.start, at));
    failed_ = true;
    return false;
  }

  bool set(int i, Type t) {
    node(i).type = std::move(t);
    return true;
  }

  std::optional<FactId> fact(const std::string& path, const Type& type,
                             std::optional<FactId> parent, const std::string& field,
                             const Mark& at) {
    auto id = ctx_.facts.add(path, type, parent, field);
    if (!id && !too_many_reported_) {
      too_many_reported_ = true;
      error("too_many_facts", at,
            "more than " + std::to_string(kMaxFacts) + " facts and fields in one programme");
    }
    return id;
  }

  bool check(int i) {
    if (!check_node(i)) return false;
    currency(i) = known_currency(i);
    return true;
  }

  bool check_node(int i) {
    switch (node(i).kind) {
      case NodeKind::literal:
        return set(i, *type_of(*node(i).constant));
      case NodeKind::list:
        return check_list(i);
      case NodeKind::path:
        return check_path(i);
      case NodeKind::field:
        return check_field(i);
      case NodeKind::unary:
        return check_unary(i);
      case NodeKind::binary:
        return check_binary(i);
      case NodeKind::call:
        return check_call(i);
      case NodeKind::comprehension:
        return check_comprehension(i);
    }
    return false;
  }

  std::optional<Currency>& currency(int i) { return currencies_[static_cast<std::size_t>(i)]; }

  // The currency of a checked money node when the expression fixes it: a
  // literal or a parameter, negated, added to or multiplied by anything.
  std::optional<Currency> known_currency(int i) {
    Node& n = node(i);
    if (n.type->kind() != TypeKind::money) return std::nullopt;
    if (const Constant* c = constant_of(i)) return std::get<Money>(c->value).currency();
    if (n.kind == NodeKind::unary) return currency(n.kids[0]);
    if (n.kind == NodeKind::binary) {
      if (currency(n.kids[0])) return currency(n.kids[0]);
      return currency(n.kids[1]);
    }
    return std::nullopt;
  }

  // Two amounts of money in currencies known to differ: the operator would
  // fail with rules.currency_mismatch for every application. "\"<\" cannot
  // compare money in BRL with money in EUR".
  bool same_currency(int l, int r, const Mark& op_mark, const std::string& verb,
                     const char* joiner) {
    const std::optional<Currency>& a = currency(l);
    const std::optional<Currency>& b = currency(r);
    if (!a || !b || *a == *b) return true;
    return error("currency_mismatch", op_mark,
                 verb + " money in " + std::string(a->code()) + joiner + "money in " +
                     std::string(b->code()));
  }

  // A constant node: a literal, or a parameter name without fields.
  const Constant* constant_of(int i) {
    Node& n = node(i);
    if (n.kind == NodeKind::literal) return &*n.constant;
    if (n.kind == NodeKind::path && n.base == Node::Base::constant && n.steps.empty()) {
      return &*n.constant;
    }
    return nullptr;
  }

  bool check_list(int i) {
    Node& n = node(i);
    if (n.kids.empty()) {
      return error("empty_list", n.begin, "an empty list has no element type");
    }
    std::vector<Constant> items;
    std::optional<Type> element;
    bool ok = true;
    for (int k : node(i).kids) {
      if (!check(k)) {
        ok = false;
        continue;
      }
      const Constant* c = constant_of(k);
      if (c == nullptr) {
        ok = error("not_constant", node(k).begin, "list elements must be constants");
        continue;
      }
      if (node(k).type->kind() == TypeKind::list) {
        ok = error("type_mismatch", node(k).begin, "lists cannot contain lists");
        continue;
      }
      if (element && *element != *node(k).type) {
        ok = error("type_mismatch", node(k).begin,
                   "list elements must have one type: found " + element->to_string() + " and " +
                       node(k).type->to_string());
        continue;
      }
      element = *node(k).type;
      items.push_back(*c);
    }
    if (!ok) return false;
    node(i).constant = Constant::list(std::move(items));
    return set(i, Type::list_of(*element));
  }

  bool check_path(int i) {
    Node& n = node(i);
    const std::vector<std::string>& seg = n.segments;
    std::size_t used = 0;
    Type type;
    Origin origin;
    // comprehension variables, innermost first
    for (std::size_t v = vars_.size(); v-- > 0;) {
      if (vars_[v].name == seg[0]) {
        n.base = Node::Base::variable;
        n.var_level = static_cast<int>(v);
        n.var_fact = vars_[v].origin.fact;
        type = vars_[v].element;
        origin = vars_[v].origin;
        used = 1;
        break;
      }
    }
    if (used == 0 && (seg[0] == "filing_date" || seg[0] == "as_of")) {
      auto id = fact(seg[0], Type::date(), std::nullopt, "", n.begin);
      if (!id) return false;
      n.base = Node::Base::slot;
      n.slot = *id;
      type = Type::date();
      used = 1;
    }
    if (used == 0) {
      auto p = ctx_.parameters.find(seg[0]);
      if (p != ctx_.parameters.end()) {
        n.base = Node::Base::constant;
        n.constant = p->second;
        type = *type_of(p->second);
        used = 1;
      }
    }
    if (used == 0) {
      std::string path;
      std::vector<std::string> prefixes;
      for (const auto& s : seg) {
        path += path.empty() ? s : "." + s;
        prefixes.push_back(path);
      }
      for (std::size_t k = seg.size(); k > 0; --k) {
        auto t = ctx_.env.lookup(prefixes[k - 1]);
        if (!t) continue;
        auto id = fact(prefixes[k - 1], *t, std::nullopt, "", n.begin);
        if (!id) return false;
        n.base = Node::Base::slot;
        n.slot = *id;
        type = *t;
        origin = Origin{prefixes[k - 1], id};
        used = k;
        break;
      }
      if (used == 0) {
        return error("unknown_name", n.begin, "unknown name " + quoted(path));
      }
    }
    return apply_fields(i, used, std::move(type), std::move(origin));
  }

  // Resolves segments[from..] of node i as fields of `type`.
  bool apply_fields(int i, std::size_t from, Type type, Origin origin) {
    Node& n = node(i);
    n.base_type = type;
    for (std::size_t s = from; s < n.segments.size(); ++s) {
      std::string name = n.segments[s];
      const Mark& at = n.segment_marks[s];
      if (type.kind() == TypeKind::list) {
        return error("unknown_field", at,
                     type.to_string() + " has no field " + quoted(name) +
                         "; use any(x in list: x." + name + " ...)");
      }
      if (type.kind() != TypeKind::record) {
        return error("unknown_field", at, type.to_string() + " has no field " + quoted(name));
      }
      // A field whose name has dots (a declared fact "custom.anything") takes
      // several segments; the longest name the record has wins.
      std::optional<std::size_t> index;
      std::size_t last = n.segments.size();
      while (!index && last > s) {
        --last;
        std::string joined = n.segments[s];
        for (std::size_t k = s + 1; k <= last; ++k) joined += "." + n.segments[k];
        index = type.record().find(joined);
        if (index) name = std::move(joined);
      }
      if (index) s = last;
      if (!index) {
        const std::string& note = type.record().note();
        return error("unknown_field", at,
                     "record " + type.record().name() + " has no field " + quoted(name) +
                         (note.empty() ? "" : " (" + note + ")"));
      }
      FieldStep step;
      step.name = name;
      step.mark = at;
      step.index = *index;
      step.type = type.record().fields()[*index].type;
      Origin next;
      if (origin.fact) {
        next.path = origin.path + "." + name;
        step.fact = fact(next.path, step.type, origin.fact, name, at);
        if (!step.fact) return false;
        next.fact = step.fact;
      }
      type = step.type;
      origin = std::move(next);
      n.steps.push_back(std::move(step));
    }
    n.origin = std::move(origin);
    return set(i, std::move(type));
  }

  bool check_field(int i) {
    if (!check(node(i).kids[0])) return false;
    Node& base = kid(i, 0);
    return apply_fields(i, 0, *base.type, base.origin);
  }

  bool check_unary(int i) {
    if (!check(node(i).kids[0])) return false;
    Node& n = node(i);
    const Type t = *kid(i, 0).type;
    if (n.op == Op::not_) {
      if (t.kind() != TypeKind::boolean) {
        return error("type_mismatch", kid(i, 0).begin,
                     "\"not\" needs bool, found " + t.to_string());
      }
      return set(i, t);
    }
    const bool negatable =
        t.is_numeric() || t.kind() == TypeKind::period || t.kind() == TypeKind::money;
    if (!negatable) {
      return error("type_mismatch", n.op_mark, "\"-\" cannot negate " + t.to_string());
    }
    // fold -literal
    if (kid(i, 0).kind == NodeKind::literal) {
      Constant c = *kid(i, 0).constant;
      if (auto* v = std::get_if<std::int64_t>(&c.value)) *v = -*v;
      if (auto* d = std::get_if<Decimal>(&c.value)) *d = d->negated();
      if (auto* p = std::get_if<Period>(&c.value)) *p = -*p;
      if (auto* m = std::get_if<Money>(&c.value))
        *m = Money::of(m->amount().negated(), m->currency());
      n.kind = NodeKind::literal;
      n.constant = std::move(c);
      n.kids.clear();
      n.op = Op::none;
    }
    return set(i, t);
  }

  // A string literal (or a literal list of strings) where a country is wanted.
  bool coerce_country(int i) {
    Node& n = node(i);
    if (n.kind == NodeKind::literal && n.type->kind() == TypeKind::string) {
      const auto& s = std::get<std::string>(n.constant->value);
      auto c = Country::parse(s);
      if (!c) return error("bad_literal", n.begin, c.error());
      n.constant = Constant::country(*c);
      return set(i, Type::country());
    }
    if (n.kind == NodeKind::list && n.type->element().kind() == TypeKind::string) {
      auto& items = std::get<std::vector<Constant>>(n.constant->value);
      for (std::size_t k = 0; k < items.size(); ++k) {
        auto c = Country::parse(std::get<std::string>(items[k].value));
        if (!c) return error("bad_literal", node(n.kids[k]).begin, c.error());
        items[k] = Constant::country(*c);
      }
      return set(i, Type::list_of(Type::country()));
    }
    return true;
  }

  bool check_binary(int i) {
    const bool left_ok = check(node(i).kids[0]);
    const bool right_ok = check(node(i).kids[1]);
    if (!left_ok || !right_ok) return false;
    const int l = node(i).kids[0];
    const int r = node(i).kids[1];
    const Op op = node(i).op;
    const Mark op_mark = node(i).op_mark;
    const std::string name = quoted(op_text(op));
    switch (op) {
      case Op::and_:
      case Op::or_: {
        for (int k : {l, r}) {
          if (node(k).type->kind() != TypeKind::boolean) {
            return error("type_mismatch", node(k).begin,
                         name + " needs bool operands, found " + node(k).type->to_string());
          }
        }
        return set(i, Type::boolean());
      }
      case Op::eq:
      case Op::ne: {
        if (node(l).type->kind() == TypeKind::country && !coerce_country(r)) return false;
        if (node(r).type->kind() == TypeKind::country && !coerce_country(l)) return false;
        const Type& a = *node(l).type;
        const Type& b = *node(r).type;
        if (!comparable(a, b)) {
          return error("type_mismatch", op_mark,
                       name + " cannot compare " + a.to_string() + " with " + b.to_string());
        }
        if (!same_currency(l, r, op_mark, name + " cannot compare", " with ")) return false;
        return set(i, Type::boolean());
      }
      case Op::lt:
      case Op::le:
      case Op::gt:
      case Op::ge: {
        const Type& a = *node(l).type;
        const Type& b = *node(r).type;
        const bool ok = (a.is_numeric() && b.is_numeric()) || (a == b && is_ordered(a));
        if (!ok) {
          return error("type_mismatch", op_mark,
                       name + " needs two numbers, two amounts of money or two dates; found " +
                           a.to_string() + " and " + b.to_string());
        }
        if (!same_currency(l, r, op_mark, name + " cannot compare", " with ")) return false;
        return set(i, Type::boolean());
      }
      case Op::in:
      case Op::not_in: {
        if (node(r).type->kind() != TypeKind::list) {
          return error("type_mismatch", op_mark,
                       name + " needs a list on the right, found " + node(r).type->to_string());
        }
        if (node(r).type->element().kind() == TypeKind::country && !coerce_country(l)) return false;
        if (node(l).type->kind() == TypeKind::country && !coerce_country(r)) return false;
        const Type& a = *node(l).type;
        const Type& e = node(r).type->element();
        if (!comparable(a, e)) {
          return error(
              "type_mismatch", op_mark,
              name + " cannot look for " + a.to_string() + " in " + node(r).type->to_string());
        }
        if (!in_currency(l, r, op_mark, name)) return false;
        return set(i, Type::boolean());
      }
      case Op::add:
      case Op::sub:
      case Op::mul:
        return check_arithmetic(i, l, r);
      default:
        return false;
    }
  }

  // `x in [1 BRL, 2 EUR]`: an element in another currency than x's.
  bool in_currency(int l, int r, const Mark& op_mark, const std::string& name) {
    const std::optional<Currency>& a = currency(l);
    const Constant* list = node(r).kind == NodeKind::list ? &*node(r).constant : constant_of(r);
    if (!a || list == nullptr) return true;
    for (const Constant& item : std::get<std::vector<Constant>>(list->value)) {
      const auto* m = std::get_if<Money>(&item.value);
      if (m != nullptr && m->currency() != *a) {
        return error("currency_mismatch", op_mark,
                     name + " cannot look for money in " + std::string(a->code()) +
                         " among money in " + std::string(m->currency().code()));
      }
    }
    return true;
  }

  bool check_arithmetic(int i, int l, int r) {
    Node& n = node(i);
    const Type a = *node(l).type;
    const Type b = *node(r).type;
    const TypeKind ka = a.kind();
    const TypeKind kb = b.kind();
    if (a.is_numeric() && b.is_numeric()) {
      if (ka == TypeKind::integer && kb == TypeKind::integer) return set(i, Type::integer());
      n.promote_left = ka == TypeKind::integer;
      n.promote_right = kb == TypeKind::integer;
      return set(i, Type::decimal());
    }
    if (n.op == Op::mul) {
      if (ka == TypeKind::money && b.is_numeric()) {
        n.promote_right = kb == TypeKind::integer;
        return set(i, Type::money());
      }
      if (a.is_numeric() && kb == TypeKind::money) {
        n.promote_left = ka == TypeKind::integer;
        return set(i, Type::money());
      }
    } else {
      if (ka == TypeKind::money && kb == TypeKind::money) {
        const char* verb = n.op == Op::add ? " cannot add" : " cannot subtract";
        if (!same_currency(l, r, n.op_mark, quoted(op_text(n.op)) + verb, " and ")) return false;
        return set(i, Type::money());
      }
      if (ka == TypeKind::period && kb == TypeKind::period) return set(i, Type::period());
      if (ka == TypeKind::date && kb == TypeKind::period) return set(i, Type::date());
      if (n.op == Op::add && ka == TypeKind::period && kb == TypeKind::date) {
        return set(i, Type::date());
      }
    }
    const char* verb = n.op == Op::add ? "add" : n.op == Op::sub ? "subtract" : "multiply";
    return error(
        "type_mismatch", n.op_mark,
        quoted(op_text(n.op)) + " cannot " + verb + " " + a.to_string() + " and " + b.to_string());
  }

  bool expect_arg(int i, std::size_t k, const Type& want) {
    const Node& a = kid(i, k);
    if (*a.type == want) return true;
    return error("type_mismatch", a.begin,
                 "argument " + std::to_string(k + 1) + " of " + node(i).name + " must be " +
                     want.to_string() + ", found " + a.type->to_string());
  }

  bool arity(int i, std::size_t want) {
    const std::size_t got = node(i).kids.size();
    if (got == want) return true;
    return error("wrong_arity", node(i).op_mark,
                 node(i).name + " takes " + std::to_string(want) +
                     (want == 1 ? " argument" : " arguments") + ", found " + std::to_string(got));
  }

  // The index of a field of the element records of a list type, with the wanted type.
  std::optional<std::size_t> element_field(const Type& list, const char* field, const Type& want) {
    if (list.kind() != TypeKind::list || list.element().kind() != TypeKind::record) {
      return std::nullopt;
    }
    auto index = list.element().record().find(field);
    if (!index || list.element().record().fields()[*index].type != want) return std::nullopt;
    return index;
  }

  bool check_call(int i) {
    Node& n = node(i);
    const std::string fname = n.name;
    Function f = Function::none;
    if (fname == "age_on") f = Function::age_on;
    if (fname == "years_between") f = Function::years_between;
    if (fname == "days_between") f = Function::days_between;
    if (fname == "count") f = Function::count;
    if (fname == "has_document") f = Function::has_document;
    if (fname == "continuous_residence") f = Function::continuous_residence;
    if (fname == "sum") {
      return error("syntax", n.op_mark, "sum takes the form sum(x in list: condition, value)");
    }
    if (fname == "any" || fname == "all") {
      return error("syntax", n.op_mark,
                   fname + " takes the form " + fname + "(x in list: condition)");
    }
    if (f == Function::none) {
      return error("unknown_function", n.op_mark, "unknown function " + quoted(fname));
    }
    n.function = f;
    bool ok = true;
    for (int k : node(i).kids) ok = check(k) && ok;
    if (!ok) return false;
    switch (f) {
      case Function::age_on:
      case Function::years_between:
      case Function::days_between:
        if (!arity(i, 2) || !expect_arg(i, 0, Type::date()) || !expect_arg(i, 1, Type::date())) {
          return false;
        }
        return set(i, Type::integer());
      case Function::count:
        if (!arity(i, 1)) return false;
        if (kid(i, 0).type->kind() != TypeKind::list) {
          return error("type_mismatch", kid(i, 0).begin,
                       "argument 1 of count must be a list, found " + kid(i, 0).type->to_string());
        }
        return set(i, Type::integer());
      case Function::has_document:
        return check_has_document(i);
      case Function::continuous_residence:
        return check_continuous_residence(i);
      default:
        return false;
    }
  }

  bool check_has_document(int i) {
    if (!arity(i, 1)) return false;
    const Type& arg = *kid(i, 0).type;
    const bool ok_arg = arg.kind() == TypeKind::string ||
                        (arg.kind() == TypeKind::list && arg.element().kind() == TypeKind::string);
    if (!ok_arg) {
      return error(
          "type_mismatch", kid(i, 0).begin,
          "argument 1 of has_document must be string or list<string>, found " + arg.to_string());
    }
    auto docs = ctx_.env.lookup("documents");
    auto type_index = docs ? element_field(*docs, "type", Type::string()) : std::nullopt;
    if (!type_index) {
      return error("type_mismatch", node(i).op_mark,
                   "has_document needs the fact \"documents\": a list of records with a string "
                   "field \"type\"");
    }
    auto slot = fact("documents", *docs, std::nullopt, "", node(i).op_mark);
    if (!slot) return false;
    auto type_fact = fact("documents[].type", Type::string(), slot, "type", node(i).op_mark);
    if (!type_fact) return false;
    Node& n = node(i);
    n.documents_slot = *slot;
    n.documents_type_index = *type_index;
    n.documents_type_fact = type_fact;
    return set(i, Type::boolean());
  }

  bool check_continuous_residence(int i) {
    if (!arity(i, 3) || !expect_arg(i, 0, Type::date()) || !expect_arg(i, 2, Type::period())) {
      return false;
    }
    const Node& list = kid(i, 1);
    auto from = element_field(*list.type, "from", Type::date());
    auto to = element_field(*list.type, "to", Type::date());
    if (!from || !to) {
      return error("type_mismatch", list.begin,
                   "argument 2 of continuous_residence must be a list of records with date "
                   "fields \"from\" and \"to\", found " +
                       list.type->to_string());
    }
    const Origin origin = list.origin;
    Node& n = node(i);
    n.from_index = *from;
    n.to_index = *to;
    if (origin.fact) {
      n.from_fact = fact(origin.path + "[].from", Type::date(), origin.fact, "from", n.op_mark);
      n.to_fact = fact(origin.path + "[].to", Type::date(), origin.fact, "to", n.op_mark);
      if (!n.from_fact || !n.to_fact) return false;
    }
    return set(i, Type::boolean());
  }

  bool check_comprehension(int i) {
    Node& n = node(i);
    n.function = n.name == "any"   ? Function::any
                 : n.name == "all" ? Function::all
                 : n.name == "sum" ? Function::sum
                                   : Function::count;
    const int list = n.kids[0];
    const int body = n.kids[1];
    if (!check(list)) return false;
    if (node(list).type->kind() != TypeKind::list) {
      return error(
          "type_mismatch", node(list).begin,
          node(i).name + " needs a list after \"in\", found " + node(list).type->to_string());
    }
    Origin element_origin;
    if (node(list).origin.fact) {
      element_origin = Origin{node(list).origin.path + "[]", node(list).origin.fact};
    }
    vars_.push_back(Var{node(i).var, node(list).type->element(), element_origin});
    bool ok = check(body);
    const bool is_sum = node(i).function == Function::sum;
    if (is_sum) ok = check(node(i).kids[2]) && ok;
    vars_.pop_back();
    if (!ok) return false;
    if (node(body).type->kind() != TypeKind::boolean) {
      return error("type_mismatch", node(body).begin,
                   "the condition of " + node(i).name + " must be bool, found " +
                       node(body).type->to_string());
    }
    if (is_sum) {
      const Node& value = node(node(i).kids[2]);
      if (!value.type->is_numeric()) {
        return error(
            "type_mismatch", value.begin,
            "the value of sum must be integer or decimal, found " + value.type->to_string());
      }
      return set(i, *value.type);
    }
    return set(i, node(i).function == Function::count ? Type::integer() : Type::boolean());
  }

  Ast& ast_;
  const CheckContext& ctx_;
  std::vector<Var> vars_;
  std::vector<std::optional<Currency>> currencies_;  ///< by node, see known_currency
  bool failed_ = false;
  bool too_many_reported_ = false;
};

}  // namespace

bool check_expression(Ast& ast, const CheckContext& context, const std::optional<Type>& expected) {
  Checker checker(ast, context);
  return checker.run(expected);
}

}  // namespace regularis::detail
