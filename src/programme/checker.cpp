// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Stage 2, check: walks the loaded YAML tree, reports every problem at once
// (unknown, missing and duplicate keys, wrong shapes, bad literals, version
// and window order, texts missing in the default language, undefined names)
// and builds the Programme model. Every expression is type-checked and
// compiled by the rules module (rules::Compiler) against the schema of the
// application format plus the file's `facts:` declarations, one Compiler
// (so one slot table) per version, parameters folded as constants; the
// rules diagnostics are moved to the expression's place inside the YAML
// file. A file with any error yields no CheckedProgramme.
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/file.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "programme/environment.hpp"
#include "programme/programme_impl.hpp"
#include "programme/source_impl.hpp"
#include "regularis/calendar/deadline.hpp"
#include "regularis/core/error.hpp"
#include "regularis/facts/fact_path.hpp"
#include "regularis/programme/calendar_file.hpp"
#include "regularis/programme/check.hpp"

namespace regularis {

namespace {

using detail::did_you_mean;
using detail::NodeKind;
using detail::ProgrammeEnvironment;
using detail::SourceDocument;
using detail::SourceEntry;
using detail::SourceNode;

// ---------------------------------------------------------------------------
// Small helpers

// Quotes a value from the file with control bytes escaped (\x1b, not a raw
// escape sequence that a terminal would act on).
std::string quoted(std::string_view s) { return detail::quoted(s); }

/// How a node looks, for "must be X, not Y" messages.
std::string describe(const SourceNode& n) {
  switch (n.kind) {
    case NodeKind::null:
      return "empty";
    case NodeKind::sequence:
      return n.items.empty() ? "an empty list" : "a list";
    case NodeKind::mapping:
      return n.entries.empty() ? "an empty mapping" : "a mapping";
    case NodeKind::scalar:
      break;
  }
  std::string s = n.scalar;
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return quoted(s);
}

bool is_programme_id(std::string_view s) {
  if (s.empty() || !(std::islower(static_cast<unsigned char>(s[0])) != 0)) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) != 0 ||
           std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
  });
}

bool is_language(std::string_view s) {
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  std::size_t n = 0;
  while (n < s.size() && lower(s[n])) ++n;
  if (n < 2 || n > 3) return false;
  if (n == s.size()) return true;
  return s.size() == n + 3 && s[n] == '-' && upper(s[n + 1]) && upper(s[n + 2]);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

/// "64.58", "-3", "1200".
bool looks_decimal(std::string_view s) {
  if (!s.empty() && s[0] == '-') s.remove_prefix(1);
  auto dot = s.find('.');
  if (dot == std::string_view::npos) return all_digits(s);
  return all_digits(s.substr(0, dot)) && all_digits(s.substr(dot + 1));
}

/// "2009-07-03", "2009-7-3": something meant as a date.
bool looks_date(std::string_view s) {
  auto a = s.find('-');
  if (a != 4 || !all_digits(s.substr(0, 4))) return false;
  auto b = s.find('-', a + 1);
  if (b == std::string_view::npos) return false;
  return all_digits(s.substr(a + 1, b - a - 1)) && all_digits(s.substr(b + 1));
}

bool is_period_unit(std::string_view w) {
  static const char* const kUnits[] = {"year", "years", "month", "months",
                                       "week", "weeks", "day",   "days"};
  return std::any_of(std::begin(kUnits), std::end(kUnits), [&](const char* u) { return w == u; });
}

/// "2 years", "1 year 6 months", "180 dias": a number then a word.
bool looks_period(std::string_view s) {
  auto sp = s.find(' ');
  if (sp == std::string_view::npos || !all_digits(s.substr(0, sp))) return false;
  auto rest = s.substr(sp + 1);
  auto end = rest.find(' ');
  auto word = rest.substr(0, end);
  return is_period_unit(word) ||
         !(word.size() == 3 &&
           std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
}

/// "64.58 BRL": a decimal then three letters.
bool looks_money(std::string_view s) {
  auto sp = s.find(' ');
  if (sp == std::string_view::npos || !looks_decimal(s.substr(0, sp))) return false;
  auto cur = s.substr(sp + 1);
  return cur.size() == 3 && std::all_of(cur.begin(), cur.end(), [](char c) {
           return std::isalpha(static_cast<unsigned char>(c)) != 0;
         });
}

// ---------------------------------------------------------------------------
// The keys a mapping has, after unknown and duplicate keys were reported.

class Fields {
 public:
  Fields() = default;
  explicit Fields(const SourceNode* map) : map_(map) {}
  const SourceNode* get(std::string_view key) const {
    for (const auto& [k, v] : seen_) {
      if (k == key) return v;
    }
    return nullptr;
  }
  const SourceNode* map() const { return map_; }
  void add(std::string_view key, const SourceNode* value) { seen_.emplace_back(key, value); }

 private:
  const SourceNode* map_ = nullptr;
  std::vector<std::pair<std::string_view, const SourceNode*>> seen_;
};

// ---------------------------------------------------------------------------
// One version as read, before its expressions are compiled.

/// What an expression is checked against: facts (a condition), facts and
/// `document` (a document's condition), or facts giving a date (a deadline).
enum class ExpressionKind { facts, document, deadline };

struct VersionDraft {
  const SourceNode* node = nullptr;
  std::string context;  // "version 1"
  std::optional<Date> from;
  std::optional<Date> until;
  ProgrammeVersion model;
  bool has_window = false;
  /// The scalar node of each expression, by its location (line, column).
  std::map<std::pair<int, int>, const SourceNode*> expression_nodes;
  /// Parameters whose value was wrong (already reported): expressions that
  /// name them are not reported again as naming an unknown name.
  std::set<std::string> broken_parameters;
  /// Expressions of parts left out of the model for an error already
  /// reported (a bad or duplicate id, a bad amount): compiled all the same,
  /// so that their own problems are reported at once too.
  std::vector<std::pair<Expression, ExpressionKind>> unplaced;
};

/// Keeps the expression of a part left out of the model (VersionDraft::unplaced).
void unplace(VersionDraft& v, std::optional<Expression>& e, ExpressionKind kind) {
  if (e) v.unplaced.emplace_back(std::move(*e), kind);
  e.reset();
}

void unplace(VersionDraft& v, Window& w) {
  unplace(v, w.per_applicant, ExpressionKind::facts);
  unplace(v, w.deadline, ExpressionKind::deadline);
}

class Checker {
 public:
  explicit Checker(const SourceDocument& doc) : doc_(doc) {}

  void run();
  Diagnostics& diagnostics() { return diags_; }
  Programme::Impl& result() { return out_; }

 private:
  // Diagnostics
  SourceLocation at(const SourceNode& n) const { return doc_.location(n.mark); }
  void error(std::string code, std::string message, const SourceNode& n) {
    diags_.error(std::move(code), std::move(message), at(n));
  }
  void wrong_type(const SourceNode& n, std::string_view key, std::string_view expected) {
    error("programme.wrong_type",
          quoted(key) + " must be " + std::string(expected) + ", not " + describe(n), n);
  }

  Fields fields(const SourceNode& map, const std::string& context,
                const std::vector<std::string_view>& allowed);
  const SourceNode* required(const Fields& f, std::string_view key, const std::string& context);

  // Values
  std::optional<std::string> string_of(const SourceNode* n, std::string_view key);
  std::optional<std::string> id_of(const SourceNode* n, std::string_view key);
  std::optional<bool> bool_of(const SourceNode* n, std::string_view key);
  std::optional<Date> date_of(const SourceNode* n, std::string_view key);
  std::optional<Period> period_of(const SourceNode* n, std::string_view key);
  std::optional<Money> money_of(const SourceNode* n, std::string_view key);
  std::optional<TimeOfDay> time_of(const SourceNode* n, std::string_view key);
  std::optional<std::string> choice_of(const SourceNode* n, std::string_view key,
                                       const std::vector<std::string_view>& choices);
  std::vector<std::string> strings_of(const SourceNode* n, std::string_view key);
  std::vector<std::string> ids_of(const SourceNode* n, std::string_view key);
  std::optional<Text> text_of(const SourceNode* n, std::string_view key,
                              const std::string& context);
  std::optional<Constant> literal_of(const SourceNode& n, const std::string& what);
  std::optional<Type> type_named(const SourceNode& n, std::string_view text,
                                 const std::string& fact);
  Expression expression_of(const SourceNode& n, VersionDraft& v);

  // Parts
  void read_header(const Fields& f);
  void read_facts(const SourceNode& n);
  void read_questions(const SourceNode& n);
  bool question_key_known(const std::string& path) const;
  void read_lifecycle(const SourceNode& n);
  std::optional<std::string> state_of(const SourceNode* n, std::string_view key,
                                      const LifecycleDefinition& l, const std::string& context);
  void read_versions(const SourceNode& n);
  void read_version(const SourceNode& n, std::size_t index);
  Window read_window(const SourceNode& n, VersionDraft& v, const std::string& context);
  void read_routes(const SourceNode& n, VersionDraft& v);
  void read_parameters(const SourceNode& n, VersionDraft& v);
  void read_criteria(const SourceNode& n, VersionDraft& v);
  void read_documents(const SourceNode& n, VersionDraft& v);
  void read_fees(const SourceNode& n, VersionDraft& v);
  void read_grant(const SourceNode& n, VersionDraft& v);
  void read_calendar(const SourceNode& n);
  void check_route_refs(const std::vector<std::string>& routes, const SourceNode* node,
                        const VersionDraft& v);
  void check_version_order();
  void compile_versions();
  bool compile_segment(VersionDraft& v, ProgrammeVersion& model, Date segment_start,
                       Diagnostics& sink);
  std::optional<CompiledExpression> compile_expression(Compiler& c, const Expression& e,
                                                       const VersionDraft& v,
                                                       const TypeEnvironment& env,
                                                       Diagnostics& sink, const Type& expected);

  /// Remembers the first place an id was defined; reports a duplicate.
  bool unique_id(std::map<std::string, int>& seen, const std::string& id, const SourceNode& n,
                 std::string_view what);

  const SourceDocument& doc_;
  Diagnostics diags_;
  Programme::Impl out_;
  bool counts_years_ = false;  // some rule counts years: the leap-day rule matters
  ProgrammeEnvironment env_;
  std::vector<VersionDraft> drafts_;
};

// ---------------------------------------------------------------------------
// Mappings and values

Fields Checker::fields(const SourceNode& map, const std::string& context,
                       const std::vector<std::string_view>& allowed) {
  Fields f(&map);
  std::map<std::string_view, int> first_line;
  for (const SourceEntry& e : map.entries) {
    if (!e.key.is_scalar()) {
      error("programme.wrong_type",
            "a key in " + context + " must be a name, not " + describe(e.key), e.key);
      continue;
    }
    const std::string& k = e.key.scalar;
    auto dup = first_line.find(k);
    if (dup != first_line.end()) {
      error("programme.duplicate_key",
            "duplicate key " + quoted(k) + " in " + context + " (first at line " +
                std::to_string(dup->second) + ")",
            e.key);
      continue;
    }
    first_line.emplace(k, e.key.mark.line + 1);
    if (std::find(allowed.begin(), allowed.end(), std::string_view(k)) == allowed.end()) {
      error("programme.unknown_key",
            "unknown key " + quoted(k) + " in " + context + did_you_mean(k, allowed), e.key);
      continue;
    }
    f.add(k, &e.value);
  }
  return f;
}

const SourceNode* Checker::required(const Fields& f, std::string_view key,
                                    const std::string& context) {
  const SourceNode* n = f.get(key);
  if (n == nullptr) {
    error("programme.missing_key", "missing key " + quoted(key) + " in " + context, *f.map());
  }
  return n;
}

std::optional<std::string> Checker::string_of(const SourceNode* n, std::string_view key) {
  if (n == nullptr) return std::nullopt;
  if (!n->is_scalar()) {
    wrong_type(*n, key, "a string");
    return std::nullopt;
  }
  return n->scalar;
}

std::optional<std::string> Checker::id_of(const SourceNode* n, std::string_view key) {
  auto s = string_of(n, key);
  if (!s) return std::nullopt;
  if (!is_snake_case(*s)) {
    error("programme.bad_id",
          quoted(key) + ": " + quoted(*s) + " is not a snake_case id ([a-z][a-z0-9_]*)", *n);
    return std::nullopt;
  }
  return s;
}

std::optional<bool> Checker::bool_of(const SourceNode* n, std::string_view key) {
  if (n == nullptr) return std::nullopt;
  if (n->is_scalar() && !n->is_quoted() && (n->scalar == "true" || n->scalar == "false")) {
    return n->scalar == "true";
  }
  wrong_type(*n, key, "true or false");
  return std::nullopt;
}

std::optional<Date> Checker::date_of(const SourceNode* n, std::string_view key) {
  auto s = string_of(n, key);
  if (!s) return std::nullopt;
  auto d = Date::parse(*s);
  if (!d) {
    error("programme.bad_date", quoted(key) + ": " + d.error(), *n);
    return std::nullopt;
  }
  return *d;
}

std::optional<Period> Checker::period_of(const SourceNode* n, std::string_view key) {
  auto s = string_of(n, key);
  if (!s) return std::nullopt;
  auto p = Period::parse(*s);
  if (!p) {
    error("programme.bad_period", quoted(key) + ": " + p.error(), *n);
    return std::nullopt;
  }
  return *p;
}

std::optional<Money> Checker::money_of(const SourceNode* n, std::string_view key) {
  auto s = string_of(n, key);
  if (!s) return std::nullopt;
  auto m = Money::parse(*s, MinorUnits::strict);
  if (!m) {
    error("programme.bad_money", quoted(key) + ": " + m.error(), *n);
    return std::nullopt;
  }
  return *m;
}

std::optional<TimeOfDay> Checker::time_of(const SourceNode* n, std::string_view key) {
  auto s = string_of(n, key);
  if (!s) return std::nullopt;
  const std::string& t = *s;
  if (t.size() == 5 && t[2] == ':' && all_digits(t.substr(0, 2)) && all_digits(t.substr(3))) {
    int h = std::stoi(t.substr(0, 2));
    int m = std::stoi(t.substr(3));
    if (h < 24 && m < 60) return TimeOfDay{h, m};
  }
  error("programme.bad_time",
        quoted(key) + ": " + quoted(t) + " is not a local time in the form HH:MM (00:00 to 23:59)",
        *n);
  return std::nullopt;
}

std::optional<std::string> Checker::choice_of(const SourceNode* n, std::string_view key,
                                              const std::vector<std::string_view>& choices) {
  auto s = string_of(n, key);
  if (!s) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), std::string_view(*s)) != choices.end()) return s;
  std::string list;
  for (auto c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
  error("programme.bad_value",
        quoted(key) + ": " + quoted(*s) + " is not one of " + list + did_you_mean(*s, choices), *n);
  return std::nullopt;
}

std::vector<std::string> Checker::strings_of(const SourceNode* n, std::string_view key) {
  std::vector<std::string> out;
  if (n == nullptr) return out;
  if (!n->is_sequence()) {
    wrong_type(*n, key, "a list of strings");
    return out;
  }
  for (const SourceNode& item : n->items) {
    if (!item.is_scalar()) {
      wrong_type(item, std::string(key) + "[]", "a string");
      continue;
    }
    out.push_back(item.scalar);
  }
  return out;
}

std::vector<std::string> Checker::ids_of(const SourceNode* n, std::string_view key) {
  std::vector<std::string> out;
  if (n == nullptr) return out;
  if (!n->is_sequence()) {
    wrong_type(*n, key, "a list of ids");
    return out;
  }
  for (const SourceNode& item : n->items) {
    if (auto id = id_of(&item, std::string(key) + "[]")) out.push_back(*id);
  }
  return out;
}

std::optional<Text> Checker::text_of(const SourceNode* n, std::string_view key,
                                     const std::string& context) {
  if (n == nullptr) return std::nullopt;
  const std::string& lang = out_.default_language;
  if (n->is_scalar()) return Text(lang, {{lang, n->scalar}});  // the default language
  if (!n->is_mapping()) {
    wrong_type(*n, key, "a mapping of language codes to texts");
    return std::nullopt;
  }
  std::vector<std::pair<std::string, std::string>> texts;
  std::set<std::string> seen;
  for (const SourceEntry& e : n->entries) {
    if (!e.key.is_scalar()) {
      wrong_type(e.key, key, "a mapping of language codes to texts");
      continue;
    }
    if (!is_language(e.key.scalar)) {
      error("programme.bad_language",
            quoted(e.key.scalar) + " is not a language code (ISO 639-1 such as en, pt, es, fr)",
            e.key);
      continue;
    }
    if (!seen.insert(e.key.scalar).second) {
      error("programme.duplicate_key",
            "duplicate key " + quoted(e.key.scalar) + " in " + quoted(key) + " of " + context,
            e.key);
      continue;
    }
    if (!e.value.is_scalar()) {
      wrong_type(e.value, std::string(key) + "." + e.key.scalar, "a string");
      continue;
    }
    texts.emplace_back(e.key.scalar, e.value.scalar);
  }
  if (seen.count(lang) == 0) {
    error("programme.missing_text",
          quoted(key) + " of " + context + " has no text in " + quoted(lang) +
              ", the programme's default language",
          *n);
  }
  return Text(lang, std::move(texts));
}

/// A parameter's value: a quoted scalar is a string; a plain one is a bool,
/// integer, decimal, date, money or period when it looks like one (and must
/// then be a good one), else a string; a list holds such values.
std::optional<Constant> Checker::literal_of(const SourceNode& n, const std::string& what) {
  if (n.is_sequence()) {
    if (n.items.empty()) {
      wrong_type(n, what, "a value or a non-empty list of values");
      return std::nullopt;
    }
    std::vector<Constant> items;
    std::optional<Type> first;
    bool ok = true;
    for (const SourceNode& item : n.items) {
      if (!item.is_scalar()) {
        wrong_type(item, what + "[]", "a value");
        ok = false;
        continue;
      }
      auto c = literal_of(item, what + "[]");
      if (!c) {
        ok = false;
        continue;
      }
      auto t = type_of(*c);
      if (first && t && *t != *first) {
        error("programme.wrong_type",
              quoted(what) + ": a list mixes " + first->to_string() + " and " + t->to_string(),
              item);
        ok = false;
        continue;
      }
      if (!first) first = t;
      items.push_back(std::move(*c));
    }
    if (!ok) return std::nullopt;
    return Constant::list(std::move(items));
  }
  if (!n.is_scalar()) {
    wrong_type(n, what, "a value (date, money, period, number, true/false or text)");
    return std::nullopt;
  }
  const std::string& s = n.scalar;
  if (n.is_quoted()) return Constant::string(s);
  if (s == "true" || s == "false") return Constant::boolean(s == "true");
  if (looks_decimal(s)) {
    if (s.find('.') == std::string::npos) {
      auto d = Decimal::parse(s);
      if (d && d->scale() == 0) return Constant::integer(d->coefficient());
    } else if (auto d = Decimal::parse(s)) {
      return Constant::decimal(*d);
    }
    error("programme.wrong_type", quoted(what) + ": " + s + " is out of range", n);
    return std::nullopt;
  }
  if (looks_date(s)) {
    auto d = Date::parse(s);
    if (!d) {
      error("programme.bad_date", quoted(what) + ": " + d.error(), n);
      return std::nullopt;
    }
    return Constant::date(*d);
  }
  if (looks_money(s) && !is_period_unit(s.substr(s.find(' ') + 1))) {
    auto m = Money::parse(s, MinorUnits::strict);
    if (!m) {
      error("programme.bad_money", quoted(what) + ": " + m.error(), n);
      return std::nullopt;
    }
    return Constant::money(*m);
  }
  if (looks_period(s)) {
    auto p = Period::parse(s);
    if (!p) {
      error("programme.bad_period", quoted(what) + ": " + p.error(), n);
      return std::nullopt;
    }
    return Constant::period(*p);
  }
  return Constant::string(s);
}

std::optional<Type> Checker::type_named(const SourceNode& n, std::string_view text,
                                        const std::string& fact) {
  static const std::vector<std::string_view> kNames = {
      "bool", "boolean", "integer", "decimal", "money", "date", "period", "string", "country"};
  if (text == "bool" || text == "boolean") return Type::boolean();
  if (text == "integer") return Type::integer();
  if (text == "decimal") return Type::decimal();
  if (text == "money") return Type::money();
  if (text == "date") return Type::date();
  if (text == "period") return Type::period();
  if (text == "string") return Type::string();
  if (text == "country") return Type::country();
  if (text.size() > 6 && text.substr(0, 5) == "list<" && text.back() == '>') {
    auto inner = type_named(n, text.substr(5, text.size() - 6), fact);
    if (!inner) return std::nullopt;
    return Type::list_of(*inner);
  }
  error("programme.bad_type",
        "unknown type " + quoted(text) + " for fact " + quoted(fact) +
            " (bool, integer, decimal, money, date, period, string, country, list<T>)" +
            did_you_mean(text, kNames),
        n);
  return std::nullopt;
}

Expression Checker::expression_of(const SourceNode& n, VersionDraft& v) {
  Expression e;
  e.text = n.scalar;
  e.location = doc_.location_in_scalar(n, 0);
  v.expression_nodes[{e.location.line, e.location.column}] = &n;
  return e;
}

bool Checker::unique_id(std::map<std::string, int>& seen, const std::string& id,
                        const SourceNode& n, std::string_view what) {
  auto [it, inserted] = seen.emplace(id, n.mark.line + 1);
  if (!inserted) {
    error("programme.duplicate_id",
          "duplicate " + std::string(what) + " id " + quoted(id) + " (first defined at line " +
              std::to_string(it->second) + ")",
          n);
  }
  return inserted;
}

// ---------------------------------------------------------------------------
// The programme

void Checker::run() {
  out_.file_name = doc_.file_name;
  out_.source_text = doc_.text;
  out_.sha256 = detail::sha256_hex(out_.source_text);
  const SourceNode& root = doc_.root;
  if (!root.is_mapping()) {
    error("programme.wrong_type",
          "a programme file must be a mapping (programme, title, versions, ...), not " +
              describe(root),
          root);
    return;
  }
  Fields f =
      fields(root, "the programme",
             {"programme", "title", "default_language", "jurisdiction", "time_zone", "calendar",
              "leap_day_anniversary", "window_time_zone", "legal_basis", "authority", "sources",
              "notes", "unconfirmed", "facts", "questions", "lifecycle", "versions"});
  read_header(f);
  if (const SourceNode* n = f.get("facts")) read_facts(*n);
  if (const SourceNode* n = f.get("questions")) read_questions(*n);
  if (const SourceNode* n = f.get("lifecycle")) read_lifecycle(*n);
  if (const SourceNode* n = required(f, "versions", "the programme")) read_versions(*n);
  check_version_order();
  compile_versions();  // with the parts that were read, so type errors come too
  if (counts_years_ && f.get("leap_day_anniversary") == nullptr) {
    diags_.warning("programme.leap_day_unstated",
                   "the rules count years (age_on, years_between or a date plus a period) but "
                   "the programme does not say where a 29 February anniversary falls in a "
                   "common year: add leap_day_anniversary: march_1 or february_28 (march_1 "
                   "is used)",
                   at(root));
  }
}

void Checker::read_header(const Fields& f) {
  const std::string ctx = "the programme";
  if (const SourceNode* n = f.get("default_language")) {
    if (auto s = string_of(n, "default_language")) {
      if (is_language(*s)) {
        out_.default_language = *s;
      } else {
        error("programme.bad_language",
              quoted(*s) + " is not a language code (ISO 639-1 such as en, pt, es, fr)", *n);
      }
    }
  }
  if (const SourceNode* n = required(f, "programme", ctx)) {
    if (auto s = string_of(n, "programme")) {
      if (is_programme_id(*s)) {
        out_.id = *s;
      } else {
        error("programme.bad_id",
              quoted("programme") + ": " + quoted(*s) +
                  " is not a programme id (lower-case letters, digits, '-' and '_')",
              *n);
      }
    }
  }
  if (auto t = text_of(required(f, "title", ctx), "title", ctx)) out_.title = std::move(*t);
  if (const SourceNode* n = required(f, "jurisdiction", ctx)) {
    if (auto s = string_of(n, "jurisdiction")) {
      auto c = Country::parse(*s);
      if (c) {
        out_.jurisdiction = *c;
      } else {
        error("programme.bad_country", quoted("jurisdiction") + ": " + c.error(), *n);
      }
    }
  }
  if (const SourceNode* n = required(f, "time_zone", ctx)) {
    if (auto s = string_of(n, "time_zone")) {
      auto z = TimeZone::locate(*s);
      if (z) {
        out_.time_zone = *z;
      } else {
        error("programme.bad_time_zone", quoted("time_zone") + ": " + z.error(), *n);
      }
    }
  }
  if (const SourceNode* n = f.get("calendar")) read_calendar(*n);
  if (auto zone = choice_of(f.get("window_time_zone"), "window_time_zone", {"programme", "office"}))
    out_.windows_in_office_zone = *zone == "office";
  if (auto rule = choice_of(f.get("leap_day_anniversary"), "leap_day_anniversary",
                            {"march_1", "february_28"})) {
    out_.leap_day = *rule == "march_1" ? LeapDayBirthday::march_1 : LeapDayBirthday::february_28;
  }
  if (auto s = string_of(f.get("legal_basis"), "legal_basis")) out_.legal_basis = *s;
  if (auto t = text_of(f.get("authority"), "authority", ctx)) out_.authority = std::move(*t);
  out_.sources = strings_of(f.get("sources"), "sources");
  out_.notes = strings_of(f.get("notes"), "notes");
  out_.unconfirmed = strings_of(f.get("unconfirmed"), "unconfirmed");
}

// `calendar: ../calendars/br.yaml`: a holiday calendar file, relative to the
// programme file, for deadlines that move off holidays (`if_closed:`).
void Checker::read_calendar(const SourceNode& n) {
  auto path = string_of(&n, "calendar");
  if (!path) return;
  const std::string file = detail::path_beside(doc_.file_name, *path);
  try {
    CalendarFile c = load_calendar_file(file);
    if (c.calendar) {
      out_.calendar = std::move(c.calendar);
    } else {
      std::string first = c.diagnostics.empty() ? "" : ": " + c.diagnostics[0].to_string();
      error("programme.bad_calendar",
            quoted("calendar") + ": " + file + " has " + std::to_string(c.diagnostics.size()) +
                " problem(s)" + first,
            n);
    }
  } catch (const Error& e) {
    error("programme.bad_calendar", quoted("calendar") + ": " + e.message(), n);
  }
}

void Checker::read_facts(const SourceNode& n) {
  if (!n.is_mapping()) {
    wrong_type(n, "facts", "a mapping of fact names to types");
    return;
  }
  std::vector<std::string_view> names;
  for (const SourceEntry& e : n.entries) {
    if (e.key.is_scalar()) names.push_back(e.key.scalar);
  }
  Fields f = fields(n, "facts", names);  // duplicates only
  for (const SourceEntry& e : n.entries) {
    if (!e.key.is_scalar() || f.get(e.key.scalar) != &e.value) continue;
    const std::string& name = e.key.scalar;
    std::string path = "facts." + name;
    if (!FactPath::parse(path)) {
      error("programme.bad_id",
            quoted(name) + " is not a fact name (snake_case parts separated by dots)", e.key);
      continue;
    }
    FactDeclaration decl;
    decl.path = path;
    decl.location = at(e.key);
    std::optional<Type> type;
    if (e.value.is_scalar()) {
      type = type_named(e.value, e.value.scalar, path);
    } else if (e.value.is_mapping()) {
      std::string ctx = "fact " + quoted(path);
      Fields g = fields(e.value, ctx, {"type", "values", "question"});
      if (const SourceNode* t = required(g, "type", ctx)) {
        if (auto s = string_of(t, "type")) type = type_named(*t, *s, path);
      }
      if (const SourceNode* vals = g.get("values")) {
        decl.values = ids_of(vals, "values");
        if (type && *type != Type::string()) {
          error("programme.wrong_type",
                quoted("values") + " lists the values of a string fact; " + quoted(path) + " is " +
                    type->to_string(),
                *vals);
        }
      }
      if (auto q = text_of(g.get("question"), "question", ctx)) {
        out_.questions[path] = std::move(*q);
      }
    } else {
      wrong_type(e.value, path, "a type name or a mapping with a type");
      continue;
    }
    if (!type) continue;
    decl.type = *type;
    env_.declare(path, *type);
    out_.facts.push_back(std::move(decl));
  }
}

// A fact a question may name: a standard field, a declared fact, or a field
// of every family member: one of theirs ("dependants[].date_of_birth") or
// one of their own facts ("dependants[].facts.x", declared under facts:).
bool Checker::question_key_known(const std::string& path) const {
  const std::string each = std::string(kEachDependant) + ".";
  if (path.rfind(each, 0) == 0) {
    const std::string field = path.substr(each.size());
    if (field.rfind("facts.", 0) == 0) return env_.lookup(field).has_value();
    const SchemaNode* dependants = Schema::standard().find("dependants");
    const SchemaNode* member =
        dependants != nullptr && dependants->element ? dependants->element.get() : nullptr;
    return member != nullptr && field != "facts" && member->field(field) != nullptr;
  }
  return env_.lookup(path).has_value() ||
         (path.rfind("facts.", 0) != 0 && Schema::standard().find(path) != nullptr);
}

void Checker::read_questions(const SourceNode& n) {
  if (!n.is_mapping()) {
    wrong_type(n, "questions", "a mapping of fact paths to questions");
    return;
  }
  std::vector<std::string_view> names;
  for (const SourceEntry& e : n.entries) {
    if (e.key.is_scalar()) names.push_back(e.key.scalar);
  }
  Fields f = fields(n, "questions", names);
  for (const SourceEntry& e : n.entries) {
    if (!e.key.is_scalar() || f.get(e.key.scalar) != &e.value) continue;
    const std::string& path = e.key.scalar;
    if (!question_key_known(path)) {
      error("programme.undefined_name",
            "question for an unknown fact " + quoted(path) +
                " (not a standard field, a family member's field (dependants[].x) nor declared "
                "under facts:)",
            e.key);
      continue;
    }
    if (out_.questions.count(path) != 0) {
      error("programme.duplicate_id",
            "fact " + quoted(path) + " already has a question (in its facts: declaration)", e.key);
      continue;
    }
    if (auto t = text_of(&e.value, path, "questions")) out_.questions[path] = std::move(*t);
  }
}

// ---------------------------------------------------------------------------
// The programme's own lifecycle: states, roles and transition rows, kept as
// plain data. Event and guard names are the cases module's to check.

std::optional<std::string> Checker::state_of(const SourceNode* n, std::string_view key,
                                             const LifecycleDefinition& l,
                                             const std::string& context) {
  if (n == nullptr || n->is_null()) return std::string();
  auto s = string_of(n, key);
  if (!s) return std::nullopt;
  if (*s == "*") return s;
  if (!is_snake_case(*s)) {
    error("programme.bad_id",
          quoted(key) + ": " + quoted(*s) +
              " is not a snake_case state id ([a-z][a-z0-9_]*) or \"*\"",
          *n);
    return std::nullopt;
  }
  if (!l.states.empty() && l.state(*s) == nullptr) {
    std::vector<std::string_view> names;
    for (const auto& st : l.states) names.push_back(st.id);
    error("programme.undefined_name",
          quoted(key) + " of " + context + ": unknown state " + quoted(*s) +
              " (not under lifecycle: states:)" + did_you_mean(*s, names),
          *n);
    return std::nullopt;
  }
  return s;
}

void Checker::read_lifecycle(const SourceNode& n) {
  const std::string ctx = "lifecycle";
  if (!n.is_mapping()) {
    wrong_type(n, "lifecycle", "a mapping (states, roles, transitions)");
    return;
  }
  LifecycleDefinition l;
  l.location = at(n);
  const std::size_t errors_before = diags_.size();
  Fields f = fields(n, ctx, {"states", "roles", "transitions", "notes"});
  if (const SourceNode* states = f.get("states")) {
    if (!states->is_mapping()) {
      wrong_type(*states, "states", "a mapping of state ids to texts");
    } else {
      std::map<std::string, int> seen;
      for (const SourceEntry& e : states->entries) {
        if (!e.key.is_scalar()) {
          wrong_type(e.key, "states", "a mapping of state ids to texts");
          continue;
        }
        auto id = id_of(&e.key, "states");
        if (!id || !unique_id(seen, *id, e.key, "state")) continue;
        LifecycleState st;
        st.id = *id;
        st.location = at(e.key);
        if (auto t = text_of(&e.value, *id, "lifecycle states")) st.text = std::move(*t);
        l.states.push_back(std::move(st));
      }
    }
  }
  if (const SourceNode* roles = f.get("roles")) {
    l.roles = ids_of(roles, "roles");
    if (roles->is_sequence() && roles->items.empty())
      wrong_type(*roles, "roles", "a non-empty list of role ids");
  }
  const SourceNode* rows = required(f, "transitions", ctx);
  if (rows != nullptr && (!rows->is_sequence() || rows->items.empty())) {
    wrong_type(*rows, "transitions", "a non-empty list of transitions");
    rows = nullptr;
  }
  if (rows != nullptr) {
    for (std::size_t i = 0; i < rows->items.size(); ++i) {
      const SourceNode& r = rows->items[i];
      const std::string rctx = "transition " + std::to_string(i + 1);
      if (!r.is_mapping()) {
        wrong_type(r, "transitions[]", "a mapping (from, event, to, roles, ...)");
        continue;
      }
      Fields rf =
          fields(r, rctx, {"from", "event", "outcome", "guard", "to", "roles", "four_eyes"});
      LifecycleRow row;
      row.location = at(r);
      row.outcome_location = row.location;
      row.guard_location = row.location;
      row.event_location = row.location;
      if (auto from = state_of(rf.get("from"), "from", l, rctx)) row.from = *from;
      if (const SourceNode* ev = required(rf, "event", rctx)) {
        row.event_location = at(*ev);
        if (auto e = id_of(ev, "event")) row.event = *e;
      }
      if (const SourceNode* to = required(rf, "to", rctx)) {
        if (to->is_null()) {
          wrong_type(*to, "to", "a state id or \"*\"");
        } else if (auto t = state_of(to, "to", l, rctx)) {
          row.to = *t;
        }
      }
      if (const SourceNode* o = rf.get("outcome")) {
        row.outcome_location = at(*o);
        if (auto v = string_of(o, "outcome")) row.outcome = *v;
      }
      if (const SourceNode* g = rf.get("guard")) {
        row.guard_location = at(*g);
        if (auto v = id_of(g, "guard")) row.guard = *v;
      }
      if (auto fe = bool_of(rf.get("four_eyes"), "four_eyes")) row.four_eyes = *fe;
      if (const SourceNode* rs = required(rf, "roles", rctx)) {
        if (!rs->is_sequence() || rs->items.empty()) {
          wrong_type(*rs, "roles", "a non-empty list of role ids");
        } else {
          for (const SourceNode& item : rs->items) {
            auto role = id_of(&item, "roles[]");
            if (!role) continue;
            if (!l.roles.empty() &&
                std::find(l.roles.begin(), l.roles.end(), *role) == l.roles.end()) {
              std::vector<std::string_view> names(l.roles.begin(), l.roles.end());
              error("programme.undefined_name",
                    "\"roles\" of " + rctx + ": unknown role " + quoted(*role) +
                        " (not under lifecycle: roles:)" + did_you_mean(*role, names),
                    item);
              continue;
            }
            row.roles.push_back(*role);
          }
        }
      }
      l.transitions.push_back(std::move(row));
    }
  }
  if (diags_.size() == errors_before) out_.lifecycle = std::move(l);
}

// ---------------------------------------------------------------------------
// Versions

void Checker::read_versions(const SourceNode& n) {
  if (!n.is_sequence() || n.items.empty()) {
    wrong_type(n, "versions", "a non-empty list of versions");
    return;
  }
  for (std::size_t i = 0; i < n.items.size(); ++i) read_version(n.items[i], i);
}

void Checker::read_version(const SourceNode& n, std::size_t index) {
  VersionDraft v;
  v.node = &n;
  v.context = "version " + std::to_string(index + 1);
  if (!n.is_mapping()) {
    wrong_type(n, "versions[]", "a mapping");
    return;
  }
  Fields f = fields(n, v.context,
                    {"effective_from", "effective_until", "window", "route_fact", "routes",
                     "parameters", "criteria", "documents", "fees", "grant", "notes"});
  v.model.location = at(n);
  v.from = date_of(required(f, "effective_from", v.context), "effective_from");
  v.until = date_of(f.get("effective_until"), "effective_until");
  if (v.from) {
    v.model.effective_from = *v.from;
    v.model.declared_from = *v.from;
  }
  v.model.effective_until = v.until;
  if (v.from && v.until && *v.until < *v.from) {
    error("programme.version_order",
          v.context + " is in force until " + v.until->to_string() + ", before it starts (" +
              v.from->to_string() + ")",
          *f.get("effective_until"));
  }
  if (const SourceNode* w = f.get("window")) {
    v.model.window = read_window(*w, v, "the window of " + v.context);
    v.has_window = true;
  }
  if (const SourceNode* r = f.get("routes")) read_routes(*r, v);
  if (const SourceNode* rf = f.get("route_fact")) {
    if (auto s = string_of(rf, "route_fact")) {
      auto t = env_.lookup(*s);
      if (!t) {
        error("programme.undefined_name",
              quoted("route_fact") + ": unknown fact " + quoted(*s) + " (declare it under facts:)",
              *rf);
      } else if (*t != Type::string()) {
        error("programme.wrong_type",
              quoted("route_fact") + ": " + quoted(*s) + " is " + t->to_string() +
                  ", a route fact must be a string",
              *rf);
      } else {
        v.model.route_fact = *s;
      }
    }
    if (v.model.routes.empty() && f.get("routes") == nullptr) {
      error("programme.missing_key",
            "missing key \"routes\" in " + v.context + " (it has a route_fact)", n);
    }
  } else if (f.get("routes") != nullptr) {
    error("programme.missing_key",
          "missing key \"route_fact\" in " + v.context + " (the fact that selects the route)", n);
  }
  if (!v.has_window) {
    bool all_routes = !v.model.routes.empty();
    if (const SourceNode* r = f.get("routes"); r != nullptr && r->is_sequence()) {
      for (const SourceNode& item : r->items) {
        if (item.is_mapping() && item.find("window") == nullptr) all_routes = false;
      }
    }
    if (!all_routes) {
      error("programme.missing_key", "missing key \"window\" in " + v.context, n);
    }
  }
  if (const SourceNode* p = f.get("parameters")) read_parameters(*p, v);
  if (const SourceNode* c = required(f, "criteria", v.context)) read_criteria(*c, v);
  if (const SourceNode* d = f.get("documents")) read_documents(*d, v);
  if (const SourceNode* fe = f.get("fees")) read_fees(*fe, v);
  if (const SourceNode* g = f.get("grant")) read_grant(*g, v);
  strings_of(f.get("notes"), "notes");
  // Routes without a window of their own use the version's.
  for (Route& r : v.model.routes) {
    if (!r.window.opens && !r.window.closes && !r.window.per_applicant) {
      r.window = v.model.window;
    }
  }
  drafts_.push_back(std::move(v));
}

Window Checker::read_window(const SourceNode& n, VersionDraft& v, const std::string& context) {
  Window w;
  w.location = at(n);
  if (!n.is_mapping()) {
    wrong_type(n, "window", "a mapping (opens/closes, or published/within)");
    return w;
  }
  Fields f = fields(n, context,
                    {"id", "opens", "closes", "opens_at", "closes_at", "published", "within",
                     "counting", "if_closed", "require", "deadline"});
  if (const SourceNode* idn = f.get("id")) {
    if (auto id = id_of(idn, "id")) w.id = *id;
  }
  w.opens_at = time_of(f.get("opens_at"), "opens_at");
  w.closes_at = time_of(f.get("closes_at"), "closes_at");
  if (const SourceNode* r = f.get("require")) {
    if (auto s = string_of(r, "require")) w.per_applicant = expression_of(*r, v);
  }
  if (const SourceNode* d = f.get("deadline")) {
    if (auto s = string_of(d, "deadline")) w.deadline = expression_of(*d, v);
  }
  const SourceNode* published = f.get("published");
  const SourceNode* within = f.get("within");
  std::optional<Date> opens = date_of(f.get("opens"), "opens");
  std::optional<Date> closes = date_of(f.get("closes"), "closes");
  if (published != nullptr || within != nullptr) {
    // The law's way: "within N days of publication".
    auto pub = date_of(required(f, "published", context), "published");
    auto period = period_of(required(f, "within", context), "within");
    Counting counting = Counting::exclude_first_day;
    if (auto c =
            choice_of(f.get("counting"), "counting", {"exclude_first_day", "include_first_day"})) {
      counting =
          *c == "include_first_day" ? Counting::include_first_day : Counting::exclude_first_day;
    }
    if (period && (period->years() < 0 || period->months() < 0 || period->days() < 0 ||
                   *period == Period())) {
      error("programme.bad_period", quoted("within") + ": a term must be positive", *within);
      period.reset();
    }
    if (pub && period) {
      Date computed = pub->plus(*period);
      if (counting == Counting::include_first_day) computed = computed.add_days(-1);
      if (closes && *closes != computed) {
        error("programme.window_order",
              "the window closes on " + closes->to_string() + " but " + period->to_string() +
                  " from " + pub->to_string() + " (" +
                  (counting == Counting::exclude_first_day ? "first day excluded"
                                                           : "first day included") +
                  ") ends on " + computed.to_string(),
              *f.get("closes"));
      }
      w.rule = WindowRule{*pub, *period, counting};
      w.opens = opens ? opens : pub;
      w.closes = computed;
    }
  } else if (w.per_applicant) {
    w.opens = opens;  // an optional envelope
    w.closes = closes;
  } else {
    if (f.get("opens") == nullptr) required(f, "opens", context);
    if (f.get("closes") == nullptr) required(f, "closes", context);
    w.opens = opens;
    w.closes = closes;
  }
  // "If the last day is not a business day, the term ends on the next one."
  if (auto r = choice_of(f.get("if_closed"), "if_closed",
                         {"next_business_day", "previous_business_day", "unchanged"})) {
    Roll roll = *r == "next_business_day"       ? Roll::next_business_day
                : *r == "previous_business_day" ? Roll::previous_business_day
                                                : Roll::unchanged;
    if (!out_.calendar) {
      error("programme.missing_key",
            quoted("if_closed") + " needs the programme's holiday calendar (" + quoted("calendar") +
                " at the top of the file)",
            *f.get("if_closed"));
    } else if (w.closes) {
      Date moved = regularis::roll(*w.closes, roll, *out_.calendar);
      if (moved != *w.closes) {
        w.closes_as_stated = w.closes;
        w.closes = moved;
      }
    }
  }
  if (w.opens && w.closes) {
    bool bad = *w.closes < *w.opens;
    if (!bad && *w.closes == *w.opens && w.opens_at && w.closes_at &&
        w.closes_at->seconds_of_day() <= w.opens_at->seconds_of_day()) {
      bad = true;
    }
    if (bad) {
      error("programme.window_order",
            "the window closes (" + w.closes->to_string() + ") before it opens (" +
                w.opens->to_string() + ")",
            n);
    }
  }
  return w;
}

void Checker::read_routes(const SourceNode& n, VersionDraft& v) {
  if (!n.is_sequence() || n.items.empty()) {
    wrong_type(n, "routes", "a non-empty list of routes");
    return;
  }
  std::map<std::string, int> ids;
  for (const SourceNode& item : n.items) {
    if (!item.is_mapping()) {
      wrong_type(item, "routes[]", "a mapping");
      continue;
    }
    std::string ctx = "a route of " + v.context;
    Fields f = fields(item, ctx, {"id", "value", "text", "window"});
    Route r;
    r.location = at(item);
    const SourceNode* idn = required(f, "id", ctx);
    auto id = id_of(idn, "id");
    if (id) {
      ctx = "route " + quoted(*id);
      r.id = *id;
      r.value = *id;
    }
    if (auto s = string_of(f.get("value"), "value")) r.value = *s;
    if (auto t = text_of(f.get("text"), "text", ctx)) r.text = std::move(*t);
    if (const SourceNode* w = f.get("window")) {
      r.window = read_window(*w, v, "the window of " + ctx);
    }
    if (id && unique_id(ids, *id, *idn, "route")) {
      v.model.routes.push_back(std::move(r));
    } else {
      unplace(v, r.window);
    }
  }
}

void Checker::read_parameters(const SourceNode& n, VersionDraft& v) {
  if (!n.is_mapping()) {
    wrong_type(n, "parameters", "a mapping of names to values");
    return;
  }
  std::vector<std::string_view> names;
  for (const SourceEntry& e : n.entries) {
    if (e.key.is_scalar()) names.push_back(e.key.scalar);
  }
  Fields f = fields(n, "the parameters of " + v.context, names);
  for (const SourceEntry& e : n.entries) {
    if (!e.key.is_scalar() || f.get(e.key.scalar) != &e.value) continue;
    const std::string& name = e.key.scalar;
    if (!is_snake_case(name)) {
      error("programme.bad_id", quoted(name) + " is not a parameter name (snake_case)", e.key);
      continue;
    }
    if (Schema::standard().root().field(name) != nullptr || name == "filing_date" ||
        name == "as_of" || name == "document") {
      error("programme.bad_id",
            "parameter " + quoted(name) + " would hide the fact or built-in of that name", e.key);
      continue;
    }
    Parameter p;
    p.name = name;
    p.location = at(e.key);
    v.broken_parameters.insert(name);  // until its value is read
    if (e.value.is_mapping()) {
      std::string ctx = "parameter " + quoted(name);
      Fields g = fields(e.value, ctx, {"values"});
      const SourceNode* values = required(g, "values", ctx);
      if (values == nullptr) continue;
      if (!values->is_sequence() || values->items.empty()) {
        wrong_type(*values, "values", "a non-empty list of {from, value}");
        continue;
      }
      bool ok = true;
      std::optional<Type> first_type;
      for (std::size_t i = 0; i < values->items.size(); ++i) {
        const SourceNode& item = values->items[i];
        if (!item.is_mapping()) {
          wrong_type(item, "values[]", "a mapping {from: DATE, value: VALUE}");
          ok = false;
          continue;
        }
        Fields h = fields(item, ctx, {"from", "value"});
        Parameter::Step step;
        const SourceNode* from = h.get("from");
        if (from == nullptr && i > 0) {
          required(h, "from", ctx);
          ok = false;
        }
        step.from = date_of(from, "from");
        if (from != nullptr && !step.from) ok = false;
        const SourceNode* value = required(h, "value", ctx);
        if (value == nullptr) {
          ok = false;
          continue;
        }
        auto c = literal_of(*value, name);
        if (!c) {
          ok = false;
          continue;
        }
        auto t = type_of(*c);
        if (first_type && t && *t != *first_type) {
          error("programme.wrong_type",
                "parameter " + quoted(name) + " changes type: " + first_type->to_string() +
                    ", then " + t->to_string(),
                *value);
          ok = false;
          continue;
        }
        if (!first_type) first_type = t;
        if (!p.steps.empty() && step.from && p.steps.back().from &&
            *step.from <= *p.steps.back().from) {
          error("programme.parameter_order",
                "the values of parameter " + quoted(name) +
                    " must be in increasing \"from\" order: " + step.from->to_string() +
                    " comes after " + p.steps.back().from->to_string(),
                *from);
          ok = false;
        }
        step.value = std::move(*c);
        p.steps.push_back(std::move(step));
      }
      if (!ok) continue;
      if (!p.steps.empty() && p.steps.front().from && v.from && *p.steps.front().from > *v.from) {
        error("programme.parameter_order",
              "parameter " + quoted(name) + " has no value from " + v.from->to_string() +
                  " (the version's start) to " + p.steps.front().from->to_string(),
              e.value);
        continue;
      }
    } else {
      auto c = literal_of(e.value, name);
      if (!c) continue;
      p.steps.push_back(Parameter::Step{std::nullopt, std::move(*c)});
    }
    v.broken_parameters.erase(name);
    v.model.parameters.push_back(std::move(p));
  }
}

void Checker::check_route_refs(const std::vector<std::string>& routes, const SourceNode* node,
                               const VersionDraft& v) {
  if (node == nullptr) return;
  std::vector<std::string_view> known;
  for (const Route& r : v.model.routes) known.push_back(r.id);
  for (std::size_t i = 0; i < routes.size() && i < node->items.size(); ++i) {
    if (v.model.route(routes[i]) == nullptr) {
      error("programme.undefined_name",
            "unknown route " + quoted(routes[i]) + did_you_mean(routes[i], known), node->items[i]);
    }
  }
}

void Checker::read_criteria(const SourceNode& n, VersionDraft& v) {
  if (!n.is_sequence()) {
    wrong_type(n, "criteria", "a list of criteria");
    return;
  }
  std::map<std::string, int> ids;
  for (const SourceNode& item : n.items) {
    if (!item.is_mapping()) {
      wrong_type(item, "criteria[]", "a mapping");
      continue;
    }
    std::string ctx = "a criterion of " + v.context;
    Fields f = fields(item, ctx, {"id", "basis", "text", "require", "routes", "notes"});
    const SourceNode* idn = required(f, "id", ctx);
    auto id = id_of(idn, "id");
    if (id) ctx = "criterion " + quoted(*id);
    Criterion c;
    c.location = at(item);
    bool window_id = id && *id == v.model.window.id;
    for (const Route& r : v.model.routes) window_id = window_id || (id && *id == r.window.id);
    if (window_id) {
      error("programme.reserved_id",
            quoted(*id) + " is the window's criterion; state the window under \"window:\"", *idn);
      id.reset();
    }
    if (auto s = string_of(f.get("basis"), "basis")) c.basis = *s;
    auto text = text_of(required(f, "text", ctx), "text", ctx);
    if (text) c.text = std::move(*text);
    if (const SourceNode* r = required(f, "require", ctx)) {
      if (string_of(r, "require")) c.require = expression_of(*r, v);
    }
    c.routes = ids_of(f.get("routes"), "routes");
    check_route_refs(c.routes, f.get("routes"), v);
    c.notes = strings_of(f.get("notes"), "notes");
    if (id && unique_id(ids, *id, *idn, "criterion")) {
      c.id = *id;
      v.model.criteria.push_back(std::move(c));
    } else if (!c.require.text.empty()) {
      v.unplaced.emplace_back(std::move(c.require), ExpressionKind::facts);
    }
  }
}

void Checker::read_documents(const SourceNode& n, VersionDraft& v) {
  if (!n.is_sequence()) {
    wrong_type(n, "documents", "a list of documents");
    return;
  }
  std::map<std::string, int> ids;
  for (const SourceNode& item : n.items) {
    if (!item.is_mapping()) {
      wrong_type(item, "documents[]", "a mapping");
      continue;
    }
    std::string ctx = "a document of " + v.context;
    Fields f = fields(item, ctx,
                      {"id", "basis", "text", "any_of", "condition", "when", "self_declaration",
                       "accept_expired", "per", "routes", "notes"});
    const SourceNode* idn = required(f, "id", ctx);
    auto id = id_of(idn, "id");
    if (id) ctx = "document " + quoted(*id);
    DocumentRequirement d;
    d.location = at(item);
    if (auto s = string_of(f.get("basis"), "basis")) d.basis = *s;
    if (auto t = text_of(required(f, "text", ctx), "text", ctx)) d.text = std::move(*t);
    if (const SourceNode* a = f.get("any_of")) {
      d.any_of = ids_of(a, "any_of");
      if (a->is_sequence() && a->items.empty()) {
        wrong_type(*a, "any_of", "a non-empty list of document types");
      }
    } else if (id) {
      d.any_of = {*id};
    }
    if (const SourceNode* c = f.get("condition")) {
      if (string_of(c, "condition")) d.condition = expression_of(*c, v);
    }
    if (const SourceNode* w = f.get("when")) {
      if (string_of(w, "when")) d.when = expression_of(*w, v);
    }
    if (auto b = bool_of(f.get("self_declaration"), "self_declaration")) d.self_declaration = *b;
    if (const SourceNode* e = f.get("accept_expired")) {
      // true: every accepted type; a list: those types only.
      if (e->is_sequence()) {
        const std::vector<std::string_view> accepted(d.any_of.begin(), d.any_of.end());
        for (const SourceNode& type : e->items) {
          auto t = id_of(&type, "accept_expired[]");
          if (!t) continue;
          if (std::find(accepted.begin(), accepted.end(), *t) == accepted.end()) {
            error("programme.undefined_name",
                  quoted("accept_expired") + " of " + ctx + ": " + quoted(*t) +
                      " is not an accepted type (any_of)" + did_you_mean(*t, accepted),
                  type);
            continue;
          }
          d.accept_expired.push_back(*t);
        }
      } else if (auto b = bool_of(e, "accept_expired")) {
        if (*b) d.accept_expired = d.any_of;
      }
    }
    if (auto p = choice_of(f.get("per"), "per", {"applicant", "dependant"})) {
      d.per = *p == "dependant" ? Holder::dependant : Holder::applicant;
    }
    d.routes = ids_of(f.get("routes"), "routes");
    check_route_refs(d.routes, f.get("routes"), v);
    d.notes = strings_of(f.get("notes"), "notes");
    if (id && unique_id(ids, *id, *idn, "document")) {
      d.id = *id;
      v.model.documents.push_back(std::move(d));
    } else {
      unplace(v, d.condition, ExpressionKind::document);
      unplace(v, d.when, ExpressionKind::facts);
    }
  }
}

void Checker::read_fees(const SourceNode& n, VersionDraft& v) {
  if (!n.is_sequence()) {
    wrong_type(n, "fees", "a list of fees");
    return;
  }
  std::map<std::string, int> ids;
  for (const SourceNode& item : n.items) {
    if (!item.is_mapping()) {
      wrong_type(item, "fees[]", "a mapping");
      continue;
    }
    std::string ctx = "a fee of " + v.context;
    Fields f = fields(item, ctx,
                      {"id", "amount", "family_amount", "waived_when", "waivable", "due", "per",
                       "basis", "text", "routes", "notes"});
    const SourceNode* idn = required(f, "id", ctx);
    auto id = id_of(idn, "id");
    if (id) ctx = "fee " + quoted(*id);
    auto amount = money_of(required(f, "amount", ctx), "amount");
    std::optional<Money> family_amount;
    if (const SourceNode* fa = f.get("family_amount")) {
      family_amount = money_of(fa, "family_amount");
      if (family_amount && amount && family_amount->currency() != amount->currency()) {
        error("programme.bad_money",
              quoted("family_amount") + " must be in " + std::string(amount->currency().code()) +
                  ", the currency of " + quoted("amount"),
              *fa);
      }
    }
    std::optional<Expression> waived_when;
    if (const SourceNode* w = f.get("waived_when")) {
      if (string_of(w, "waived_when")) waived_when = expression_of(*w, v);
    }
    bool waivable = true;
    if (auto b = bool_of(f.get("waivable"), "waivable")) waivable = *b;
    FeeDue due = FeeDue::at_filing;
    if (auto s = choice_of(f.get("due"), "due", {"at_filing", "after_approval"})) {
      due = *s == "after_approval" ? FeeDue::after_approval : FeeDue::at_filing;
    }
    Holder per = Holder::applicant;
    if (auto p = choice_of(f.get("per"), "per", {"applicant", "dependant"})) {
      per = *p == "dependant" ? Holder::dependant : Holder::applicant;
    }
    std::string basis;
    if (auto s = string_of(f.get("basis"), "basis")) basis = *s;
    auto text = text_of(required(f, "text", ctx), "text", ctx);
    auto routes = ids_of(f.get("routes"), "routes");
    check_route_refs(routes, f.get("routes"), v);
    auto notes = strings_of(f.get("notes"), "notes");
    // A duplicate id is reported even when the amount is wrong too.
    if (!id || !unique_id(ids, *id, *idn, "fee") || !amount) {
      unplace(v, waived_when, ExpressionKind::facts);
      continue;
    }
    Fee fee{*id,
            *amount,
            due,
            per,
            family_amount,
            std::move(waived_when),
            waivable,
            std::move(basis),
            text ? std::move(*text) : Text(),
            std::move(routes),
            std::move(notes),
            at(item)};
    v.model.fees.push_back(std::move(fee));
  }
}

void Checker::read_grant(const SourceNode& n, VersionDraft& v) {
  if (!n.is_mapping()) {
    wrong_type(n, "grant", "a mapping");
    return;
  }
  std::string ctx = "the grant of " + v.context;
  Fields f = fields(
      n, ctx,
      {"status", "validity", "validity_from", "then", "then_opens_before_expiry", "basis", "text"});
  Grant g;
  g.location = at(n);
  if (auto s = id_of(required(f, "status", ctx), "status")) g.status = *s;
  g.validity = period_of(f.get("validity"), "validity");
  if (auto s = choice_of(f.get("validity_from"), "validity_from", {"filing_date", "decision"})) {
    g.validity_from = *s;
  }
  if (const SourceNode* t = f.get("then")) {
    if (auto s = string_of(t, "then")) {
      if (is_programme_id(*s)) {
        g.then = *s;
      } else {
        error("programme.bad_id", quoted("then") + ": " + quoted(*s) + " is not a programme id",
              *t);
      }
    }
  }
  g.then_opens_before_expiry =
      period_of(f.get("then_opens_before_expiry"), "then_opens_before_expiry");
  if (auto s = string_of(f.get("basis"), "basis")) g.basis = *s;
  if (auto t = text_of(f.get("text"), "text", ctx)) g.text = std::move(*t);
  v.model.grant = std::move(g);
}

void Checker::check_version_order() {
  const VersionDraft* prev = nullptr;
  for (const VersionDraft& v : drafts_) {
    if (!v.from) continue;
    if (prev != nullptr) {
      const SourceNode* at_node = v.node->find("effective_from");
      if (*v.from <= *prev->from) {
        error("programme.version_order",
              v.context + " starts on " + v.from->to_string() +
                  ", not after the version before it (" + prev->from->to_string() +
                  "): list versions in increasing effective_from order",
              *at_node);
      } else if (prev->until && *prev->until >= *v.from) {
        error("programme.version_order",
              v.context + " starts on " + v.from->to_string() +
                  ", while the version before it is in force until " + prev->until->to_string(),
              *at_node);
      }
    }
    prev = &v;
  }
}

// ---------------------------------------------------------------------------
// Expressions

std::optional<CompiledExpression> Checker::compile_expression(Compiler& c, const Expression& e,
                                                              const VersionDraft& v,
                                                              const TypeEnvironment& env,
                                                              Diagnostics& sink,
                                                              const Type& expected) {
  Diagnostics local;
  auto compiled = c.compile(e.text, e.location, env, local, expected);
  auto it = v.expression_nodes.find({e.location.line, e.location.column});
  for (Diagnostic d : local) {
    bool cascade = false;
    for (const std::string& name : v.broken_parameters) {
      if (d.code == "rules.unknown_name" && d.message.find(quoted(name)) != std::string::npos) {
        cascade = true;
      }
    }
    if (cascade) continue;
    if (it != v.expression_nodes.end() && d.location.line > 0) {
      // The compiler counts lines and columns from `e.location` as if the
      // expression's text were the file's; recover the offset in the text
      // and find where that character really is (quotes, folding, indents).
      const std::string& text = e.text;
      std::size_t offset = 0;
      int line_delta = d.location.line - e.location.line;
      if (line_delta <= 0) {
        offset = static_cast<std::size_t>(std::max(0, d.location.column - e.location.column));
      } else {
        std::size_t p = 0;
        for (int k = 0; k < line_delta && p != std::string::npos; ++k) {
          p = text.find('\n', p);
          if (p != std::string::npos) ++p;
        }
        offset = (p == std::string::npos ? text.size() : p) +
                 static_cast<std::size_t>(std::max(0, d.location.column - 1));
      }
      d.location = doc_.location_in_scalar(*it->second, offset);
    }
    sink.add(std::move(d));
  }
  return compiled;
}

bool Checker::compile_segment(VersionDraft& v, ProgrammeVersion& model, Date segment_start,
                              Diagnostics& sink) {
  Compiler compiler;
  compiler.set_leap_day(out_.leap_day.value_or(LeapDayBirthday::march_1));
  bool ok = true;
  for (const Parameter& p : model.parameters) {
    if (!compiler.define_parameter(p.name, p.value_on(segment_start), p.location, sink)) {
      ok = false;
    }
  }
  MapEnvironment document_env(&env_);
  document_env.add("document", env_.document_type());
  auto compile_into = [&](Expression& e, const TypeEnvironment& env,
                          const Type& expected = Type::boolean()) {
    if (e.text.empty() && e.location.line == 0) return;
    e.compiled = compile_expression(compiler, e, v, env, sink, expected);
    if (!e.compiled) ok = false;
  };
  auto compile_window = [&](Window& w) {
    if (w.per_applicant) compile_into(*w.per_applicant, env_);
    if (w.deadline) compile_into(*w.deadline, env_, Type::date());
  };
  compile_window(model.window);
  for (Route& r : model.routes) compile_window(r.window);
  for (Criterion& c : model.criteria) compile_into(c.require, env_);
  for (DocumentRequirement& d : model.documents) {
    if (d.condition) compile_into(*d.condition, document_env);
    if (d.when) compile_into(*d.when, env_);
  }
  for (Fee& f : model.fees) {
    if (f.waived_when) compile_into(*f.waived_when, env_);
  }
  for (const auto& [unplaced, kind] : v.unplaced) {
    Expression e = unplaced;
    const TypeEnvironment& env =
        kind == ExpressionKind::document ? static_cast<const TypeEnvironment&>(document_env) : env_;
    compile_into(e, env, kind == ExpressionKind::deadline ? Type::date() : Type::boolean());
  }
  model.slots = std::make_shared<const SlotTable>(compiler.slots());
  counts_years_ = counts_years_ || compiler.counts_years();
  return ok;
}

void Checker::compile_versions() {
  std::set<std::string> paths;
  for (VersionDraft& v : drafts_) {
    // Stretches of constant parameters: the version's start, then every
    // date on which some parameter changes.
    std::set<Date> starts{v.model.effective_from};
    for (const Parameter& p : v.model.parameters) {
      for (const Parameter::Step& s : p.steps) {
        if (s.from && *s.from > v.model.effective_from &&
            (!v.model.effective_until || *s.from <= *v.model.effective_until)) {
          starts.insert(*s.from);
        }
      }
    }
    // Every stretch has the same types, but a parameter's value can change
    // (its currency, say): report each problem once, at its first stretch.
    using Place = std::tuple<int, int, std::string>;  // line, column, code
    std::set<Place> reported;                         // by the stretches before
    for (auto it = starts.begin(); it != starts.end(); ++it) {
      ProgrammeVersion segment = v.model;
      segment.effective_from = *it;
      auto next = std::next(it);
      if (next != starts.end()) segment.effective_until = next->add_days(-1);
      Diagnostics found;
      const bool ok = compile_segment(v, segment, *it, found);
      std::set<Place> here;
      for (Diagnostic d : found) {
        Place place{d.location.line, d.location.column, d.code};
        if (reported.count(place) != 0) continue;
        here.insert(std::move(place));
        if (it != starts.begin()) {
          d.message += " (with the parameters' values from " + it->to_string() + ")";
        }
        diags_.add(std::move(d));
      }
      reported.insert(here.begin(), here.end());
      if (!ok) continue;
      for (const FactInfo& f : segment.slots->facts()) {
        if (f.is_slot()) paths.insert(f.path);
      }
      out_.versions.push_back(std::move(segment));
    }
  }
  out_.fact_paths.assign(paths.begin(), paths.end());
}

}  // namespace

// ---------------------------------------------------------------------------

const std::string& CheckedProgramme::id() const noexcept { return impl_->programme->id; }
const ProgrammeSource& CheckedProgramme::source() const noexcept { return impl_->source; }

const CheckedProgramme& CheckResult::programme() const {
  if (!programme_) {
    throw UsageError("programme.not_checked",
                     "the programme did not pass its checks; see diagnostics()", diagnostics_);
  }
  return *programme_;
}

CheckResult check(const ProgrammeSource& source) {
  CheckResult result;
  const detail::SourceDocument& doc = source.impl_->doc;
  if (!doc.parsed || doc.diagnostics.has_errors()) {
    result.diagnostics_ = doc.diagnostics;
    return result;
  }
  Checker checker(doc);
  checker.run();
  Diagnostics& found = checker.diagnostics();
  std::vector<Diagnostic> items = found.items();
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.location.line != b.location.line) return a.location.line < b.location.line;
    return a.location.column < b.location.column;
  });
  for (Diagnostic& d : items) result.diagnostics_.add(std::move(d));
  if (result.diagnostics_.has_errors()) return result;
  auto impl = std::make_shared<CheckedProgramme::Impl>(CheckedProgramme::Impl{
      source, std::make_shared<const Programme::Impl>(std::move(checker.result()))});
  result.programme_ = CheckedProgramme(std::move(impl));
  return result;
}

}  // namespace regularis
