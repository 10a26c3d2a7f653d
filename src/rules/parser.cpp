// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Lexer and Pratt parser of the rules language. The lexer reads the whole
// text into tokens, counting lines and columns from the caller's start
// location; the parser builds the Ast, folding the literal forms (dates,
// money, periods) into Constants as it goes. Every recursive call checks the
// depth first (rules.too_deep) and every new node the size (rules.too_large).
#include "rules/parser.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "regularis/core/date.hpp"
#include "regularis/core/decimal.hpp"
#include "regularis/core/money.hpp"
#include "regularis/core/period.hpp"
#include "regularis/rules/expression.hpp"

namespace regularis::detail {

const char* op_text(Op op) noexcept {
  switch (op) {
    case Op::none:
      return "";
    case Op::or_:
      return "or";
    case Op::and_:
      return "and";
    case Op::not_:
      return "not";
    case Op::neg:
      return "-";
    case Op::eq:
      return "==";
    case Op::ne:
      return "!=";
    case Op::lt:
      return "<";
    case Op::le:
      return "<=";
    case Op::gt:
      return ">";
    case Op::ge:
      return ">=";
    case Op::in:
      return "in";
    case Op::not_in:
      return "not in";
    case Op::add:
      return "+";
    case Op::sub:
      return "-";
    case Op::mul:
      return "*";
  }
  return "";
}

SourceLocation location_of(const SourceLocation& start, const Mark& mark) {
  return SourceLocation{start.file, mark.line, mark.column};
}

namespace {

enum class Tok {
  end,
  integer,
  decimal,
  date,
  string,
  ident,
  lparen,
  rparen,
  lbracket,
  rbracket,
  comma,
  colon,
  dot,
  plus,
  minus,
  star,
  eq,
  ne,
  lt,
  le,
  gt,
  ge
};

struct Token {
  Tok kind = Tok::end;
  Mark mark;
  std::size_t end = 0;
  std::string text;  // as written; for strings, the unescaped contents
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c); }

// Reads the whole text into tokens, ending with Tok::end.
class Lexer {
 public:
  Lexer(std::string_view text, const SourceLocation& start, Diagnostics& diags)
      : text_(text), start_(start), diags_(diags), line_(start.line), column_(start.column) {}

  bool run(std::vector<Token>& out) {
    while (true) {
      skip_space();
      Token t;
      t.mark = Mark{pos_, line_, column_};
      if (pos_ >= text_.size()) {
        t.kind = Tok::end;
        t.end = pos_;
        out.push_back(std::move(t));
        return true;
      }
      if (!next(t)) return false;
      t.end = pos_;
      if (t.kind != Tok::string)
        t.text = std::string(text_.substr(t.mark.offset, pos_ - t.mark.offset));
      out.push_back(std::move(t));
    }
  }

 private:
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  void advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    ++pos_;
  }
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      advance();
    }
  }
  bool fail(const Mark& at, std::string message) {
    diags_.error("rules.syntax", std::move(message), location_of(start_, at));
    return false;
  }

  bool next(Token& t) {
    const char c = peek();
    if (is_digit(c)) return number(t);
    if (is_ident_start(c)) {
      while (is_ident_char(peek())) advance();
      t.kind = Tok::ident;
      return true;
    }
    if (c == '"') return string(t);
    const char d = peek(1);
    auto one = [&](Tok k) {
      advance();
      t.kind = k;
      return true;
    };
    auto two = [&](Tok k) {
      advance();
      advance();
      t.kind = k;
      return true;
    };
    switch (c) {
      case '(':
        return one(Tok::lparen);
      case ')':
        return one(Tok::rparen);
      case '[':
        return one(Tok::lbracket);
      case ']':
        return one(Tok::rbracket);
      case ',':
        return one(Tok::comma);
      case ':':
        return one(Tok::colon);
      case '.':
        return one(Tok::dot);
      case '+':
        return one(Tok::plus);
      case '-':
        return one(Tok::minus);
      case '*':
        return one(Tok::star);
      case '=':
        if (d == '=') return two(Tok::eq);
        return fail(t.mark, "unexpected \"=\"; write \"==\" to compare");
      case '!':
        if (d == '=') return two(Tok::ne);
        return fail(t.mark, "unexpected \"!\"; write \"not\" or \"!=\"");
      case '<':
        return d == '=' ? two(Tok::le) : one(Tok::lt);
      case '>':
        return d == '=' ? two(Tok::ge) : one(Tok::gt);
      default:
        break;
    }
    std::string shown(1, c);
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
      shown = "\\x";
      const char* hex = "0123456789abcdef";
      shown += hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
      shown += hex[static_cast<unsigned char>(c) & 0xF];
    }
    return fail(t.mark, "unexpected character \"" + shown + "\"");
  }

  bool number(Token& t) {
    std::size_t digits = 0;
    while (is_digit(peek(digits))) ++digits;
    // YYYY-MM-DD is a date.
    if (digits == 4 && peek(4) == '-' && is_digit(peek(5)) && is_digit(peek(6)) && peek(7) == '-' &&
        is_digit(peek(8)) && is_digit(peek(9)) && !is_digit(peek(10))) {
      for (int i = 0; i < 10; ++i) advance();
      t.kind = Tok::date;
      return true;
    }
    for (std::size_t i = 0; i < digits; ++i) advance();
    t.kind = Tok::integer;
    if (peek() == '.' && is_digit(peek(1))) {
      advance();
      while (is_digit(peek())) advance();
      t.kind = Tok::decimal;
    }
    if (is_ident_char(peek())) {
      return fail(Mark{pos_, line_, column_},
                  "a number must be followed by a space or an operator");
    }
    return true;
  }

  bool string(Token& t) {
    advance();  // opening quote
    while (true) {
      if (pos_ >= text_.size()) return fail(t.mark, "unterminated string");
      const char c = peek();
      if (c == '"') {
        advance();
        t.kind = Tok::string;
        return true;
      }
      if (c == '\n') return fail(t.mark, "unterminated string");
      if (c == '\\') {
        const char e = peek(1);
        if (e != '"' && e != '\\') {
          return fail(Mark{pos_, line_, column_}, "unknown escape in string (only \\\" and \\\\)");
        }
        advance();
        t.text += e;
        advance();
        continue;
      }
      t.text += c;
      advance();
    }
  }

  std::string_view text_;
  const SourceLocation& start_;
  Diagnostics& diags_;
  std::size_t pos_ = 0;
  int line_;
  int column_;
};

bool is_unit(const std::string& s) {
  return s == "year" || s == "years" || s == "month" || s == "months" || s == "week" ||
         s == "weeks" || s == "day" || s == "days";
}

bool is_currency_like(const Token& t) {
  return t.kind == Tok::ident && t.text.size() == 3 &&
         std::all_of(t.text.begin(), t.text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool is_keyword(const std::string& s) {
  return s == "and" || s == "or" || s == "not" || s == "in" || s == "true" || s == "false";
}

constexpr int kPrecOr = 1;
constexpr int kPrecAnd = 2;
constexpr int kPrecNot = 3;
constexpr int kPrecCompare = 4;
constexpr int kPrecAdd = 5;
constexpr int kPrecMul = 6;
constexpr int kPrecUnary = 7;

class Parser {
 public:
  Parser(std::vector<Token> tokens, const SourceLocation& start, Diagnostics& diags)
      : tokens_(std::move(tokens)), start_(start), diags_(diags) {}

  std::optional<Ast> run() {
    int root = expr(kPrecOr, 1);
    if (root < 0) return std::nullopt;
    if (cur().kind != Tok::end) {
      fail("syntax", cur().mark, "expected an operator or the end, found " + shown(cur()));
      return std::nullopt;
    }
    ast_.root = root;
    return std::move(ast_);
  }

 private:
  const Token& cur() const { return tokens_[pos_]; }
  const Token& ahead(std::size_t n) const {
    return tokens_[std::min(pos_ + n, tokens_.size() - 1)];
  }
  bool at_ident(const char* word) const { return cur().kind == Tok::ident && cur().text == word; }
  const Token& take() {
    const Token& t = tokens_[pos_];
    if (t.kind != Tok::end) ++pos_;
    return t;
  }
  std::size_t last_end() const { return pos_ == 0 ? 0 : tokens_[pos_ - 1].end; }

  static std::string shown(const Token& t) {
    if (t.kind == Tok::end) return "the end of the expression";
    if (t.kind == Tok::string) return "a string";
    return "\"" + t.text + "\"";
  }

  int fail(const char* code, const Mark& at, std::string message) {
    if (!failed_)
      diags_.error(std::string("rules.") + code, std::move(message), location_of(start_, at));
    failed_ = true;
    return -1;
  }

  bool expect(Tok kind, const char* what) {
    if (cur().kind == kind) {
      take();
      return true;
    }
    fail("syntax", cur().mark, std::string("expected ") + what + ", found " + shown(cur()));
    return false;
  }

  // Adds a node whose first token is `first`; checks size and depth.
  int add(Node n, const Mark& first) {
    if (ast_.nodes.size() >= static_cast<std::size_t>(kMaxExpressionNodes)) {
      return fail("too_large", first,
                  "expression has more than " + std::to_string(kMaxExpressionNodes) + " nodes");
    }
    n.begin = first;
    n.end = last_end();
    int depth = 0;
    for (int k : n.kids) depth = std::max(depth, ast_.nodes[static_cast<std::size_t>(k)].depth);
    n.depth = depth + 1;
    if (n.depth > kMaxExpressionDepth) {
      return fail("too_deep", first,
                  "expression nested more than " + std::to_string(kMaxExpressionDepth) + " deep");
    }
    ast_.nodes.push_back(std::move(n));
    return static_cast<int>(ast_.nodes.size() - 1);
  }

  const Mark& mark_of(int node) const { return ast_.nodes[static_cast<std::size_t>(node)].begin; }

  bool check_depth(int depth) {
    if (depth > kMaxExpressionDepth) {
      fail("too_deep", cur().mark,
           "expression nested more than " + std::to_string(kMaxExpressionDepth) + " deep");
      return false;
    }
    return true;
  }

  // Binary operator at the current token, with its precedence; Op::none if none.
  Op infix(int& prec, int& width) const {
    width = 1;
    switch (cur().kind) {
      case Tok::plus:
        prec = kPrecAdd;
        return Op::add;
      case Tok::minus:
        prec = kPrecAdd;
        return Op::sub;
      case Tok::star:
        prec = kPrecMul;
        return Op::mul;
      case Tok::eq:
        prec = kPrecCompare;
        return Op::eq;
      case Tok::ne:
        prec = kPrecCompare;
        return Op::ne;
      case Tok::lt:
        prec = kPrecCompare;
        return Op::lt;
      case Tok::le:
        prec = kPrecCompare;
        return Op::le;
      case Tok::gt:
        prec = kPrecCompare;
        return Op::gt;
      case Tok::ge:
        prec = kPrecCompare;
        return Op::ge;
      case Tok::ident:
        if (cur().text == "and") {
          prec = kPrecAnd;
          return Op::and_;
        }
        if (cur().text == "or") {
          prec = kPrecOr;
          return Op::or_;
        }
        if (cur().text == "in") {
          prec = kPrecCompare;
          return Op::in;
        }
        if (cur().text == "not" && ahead(1).kind == Tok::ident && ahead(1).text == "in") {
          prec = kPrecCompare;
          width = 2;
          return Op::not_in;
        }
        return Op::none;
      default:
        return Op::none;
    }
  }

  int expr(int min_prec, int depth) {
    if (!check_depth(depth)) return -1;
    const Mark first = cur().mark;
    int left = prefix(depth);
    if (left < 0) return -1;
    bool compared = false;
    while (true) {
      int prec = 0;
      int width = 1;
      Op op = infix(prec, width);
      if (op == Op::none || prec < min_prec) break;
      const Mark op_mark = cur().mark;
      if (prec == kPrecCompare && compared) {
        return fail("syntax", op_mark, "comparisons do not chain; combine them with \"and\"");
      }
      for (int i = 0; i < width; ++i) take();
      int right = expr(prec + 1, depth + 1);
      if (right < 0) return -1;
      Node n;
      n.kind = NodeKind::binary;
      n.op = op;
      n.op_mark = op_mark;
      n.kids = {left, right};
      left = add(std::move(n), first);
      if (left < 0) return -1;
      compared = prec == kPrecCompare;
    }
    return left;
  }

  int literal(Constant c, const Mark& first) {
    Node n;
    n.kind = NodeKind::literal;
    n.constant = std::move(c);
    return add(std::move(n), first);
  }

  int bad_literal(const Mark& at, const std::string& message) {
    return fail("bad_literal", at, message);
  }

  int number() {
    const Token& t = take();
    const Mark first = t.mark;
    // money: a number then a three-letter upper-case code, with no more
    // decimals than the currency has (64.587 BRL is a mistake, as in a fee)
    if (is_currency_like(cur())) {
      const Token& code = take();
      auto m = Money::parse(t.text, code.text, MinorUnits::strict);
      if (!m) return bad_literal(first, m.error());
      return literal(Constant::money(*m), first);
    }
    if (t.kind == Tok::decimal) {
      auto d = Decimal::parse(t.text);
      if (!d) return bad_literal(first, d.error());
      return literal(Constant::decimal(*d), first);
    }
    // period: integer unit [integer unit]...
    if (cur().kind == Tok::ident && is_unit(cur().text)) {
      std::string text = t.text + " " + take().text;
      while (cur().kind == Tok::integer && ahead(1).kind == Tok::ident && is_unit(ahead(1).text)) {
        text += " " + take().text;
        text += " " + take().text;
      }
      auto p = Period::parse(text);
      if (!p) return bad_literal(first, p.error());
      return literal(Constant::period(*p), first);
    }
    std::int64_t value = 0;
    for (char c : t.text) {
      const int digit = c - '0';
      if (value > (INT64_MAX - digit) / 10) {
        return bad_literal(first, "integer " + t.text + " is too large");
      }
      value = value * 10 + digit;
    }
    return literal(Constant::integer(value), first);
  }

  int path(int depth) {
    Node n;
    n.kind = NodeKind::path;
    const Mark first = cur().mark;
    const Token& head = take();
    // a call: name(...)
    if (cur().kind == Tok::lparen) return call(head, depth);
    n.segments.push_back(head.text);
    n.segment_marks.push_back(head.mark);
    while (cur().kind == Tok::dot) {
      take();
      if (cur().kind != Tok::ident) {
        return fail("syntax", cur().mark,
                    "expected a field name after \".\", found " + shown(cur()));
      }
      n.segments.push_back(cur().text);
      n.segment_marks.push_back(cur().mark);
      take();
    }
    if (cur().kind == Tok::lparen) {
      return fail("syntax", cur().mark, "only functions can be called");
    }
    return add(std::move(n), first);
  }

  int call(const Token& name, int depth) {
    Node n;
    n.name = name.text;
    n.op_mark = name.mark;
    const Mark first = name.mark;
    take();  // (
    const bool comprehension_name =
        name.text == "any" || name.text == "all" || name.text == "count" || name.text == "sum";
    if (comprehension_name && cur().kind == Tok::ident && !is_keyword(cur().text) &&
        ahead(1).kind == Tok::ident && ahead(1).text == "in") {
      n.kind = NodeKind::comprehension;
      n.var = take().text;
      take();  // in
      int list = expr(kPrecAdd, depth + 1);
      if (list < 0) return -1;
      if (!expect(Tok::colon, "\":\" after the list")) return -1;
      int body = expr(kPrecOr, depth + 1);
      if (body < 0) return -1;
      n.kids = {list, body};
      if (name.text == "sum") {  // sum(x in list: condition, value)
        if (!expect(Tok::comma, "\",\" and the value to add after the condition")) return -1;
        int value = expr(kPrecOr, depth + 1);
        if (value < 0) return -1;
        n.kids.push_back(value);
      }
      if (!expect(Tok::rparen, "\")\"")) return -1;
      return add(std::move(n), first);
    }
    n.kind = NodeKind::call;
    if (cur().kind != Tok::rparen) {
      while (true) {
        int arg = expr(kPrecOr, depth + 1);
        if (arg < 0) return -1;
        n.kids.push_back(arg);
        if (cur().kind == Tok::comma) {
          take();
          continue;
        }
        break;
      }
    }
    if (!expect(Tok::rparen, "\",\" or \")\"")) return -1;
    return add(std::move(n), first);
  }

  int prefix(int depth) {
    const Token& t = cur();
    const Mark first = t.mark;
    switch (t.kind) {
      case Tok::integer:
      case Tok::decimal:
        return postfix(number(), depth);
      case Tok::date: {
        auto d = Date::parse(t.text);
        take();
        if (!d) return bad_literal(first, d.error());
        return postfix(literal(Constant::date(*d), first), depth);
      }
      case Tok::string: {
        std::string s = take().text;
        return postfix(literal(Constant::string(std::move(s)), first), depth);
      }
      case Tok::lparen: {
        take();
        int inner = expr(kPrecOr, depth + 1);
        if (inner < 0) return -1;
        if (!expect(Tok::rparen, "\")\"")) return -1;
        return postfix(inner, depth);
      }
      case Tok::lbracket: {
        take();
        Node n;
        n.kind = NodeKind::list;
        if (cur().kind != Tok::rbracket) {
          while (true) {
            int item = expr(kPrecOr, depth + 1);
            if (item < 0) return -1;
            n.kids.push_back(item);
            if (cur().kind == Tok::comma) {
              take();
              continue;
            }
            break;
          }
        }
        if (!expect(Tok::rbracket, "\",\" or \"]\"")) return -1;
        return postfix(add(std::move(n), first), depth);
      }
      case Tok::minus: {
        take();
        int operand = expr(kPrecUnary, depth + 1);
        if (operand < 0) return -1;
        Node n;
        n.kind = NodeKind::unary;
        n.op = Op::neg;
        n.op_mark = first;
        n.kids = {operand};
        return add(std::move(n), first);
      }
      case Tok::ident: {
        if (t.text == "true" || t.text == "false") {
          const bool b = t.text == "true";
          take();
          return postfix(literal(Constant::boolean(b), first), depth);
        }
        if (t.text == "not") {
          take();
          int operand = expr(kPrecNot, depth + 1);
          if (operand < 0) return -1;
          Node n;
          n.kind = NodeKind::unary;
          n.op = Op::not_;
          n.op_mark = first;
          n.kids = {operand};
          return add(std::move(n), first);
        }
        if (is_keyword(t.text)) {
          return fail("syntax", first, "expected an expression, found " + shown(t));
        }
        return postfix(path(depth), depth);
      }
      default:
        return fail("syntax", first, "expected an expression, found " + shown(t));
    }
  }

  // `.field` after something that is not a plain name: (expr).field, f(x).field
  int postfix(int node, int depth) {
    if (node < 0) return -1;
    while (cur().kind == Tok::dot) {
      if (!check_depth(depth)) return -1;
      const Mark first = mark_of(node);
      take();
      if (cur().kind != Tok::ident) {
        return fail("syntax", cur().mark,
                    "expected a field name after \".\", found " + shown(cur()));
      }
      Node n;
      n.kind = NodeKind::field;
      n.segments.push_back(cur().text);
      n.segment_marks.push_back(cur().mark);
      n.op_mark = cur().mark;
      take();
      n.kids = {node};
      node = add(std::move(n), first);
      if (node < 0) return -1;
    }
    return node;
  }

  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  const SourceLocation& start_;
  Diagnostics& diags_;
  Ast ast_;
  bool failed_ = false;
};

}  // namespace

std::optional<Ast> parse_expression(std::string_view text, const SourceLocation& start,
                                    Diagnostics& diagnostics) {
  std::vector<Token> tokens;
  Lexer lexer(text, start, diagnostics);
  if (!lexer.run(tokens)) return std::nullopt;
  Parser parser(std::move(tokens), start, diagnostics);
  return parser.run();
}

}  // namespace regularis::detail
