// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Loading a programme test file (docs/programme-tests.md): yaml-cpp parses
// it; this file walks the tree, reporting every mistake at once at
// file:line:col, and builds each case's application as JSON text (base or
// `application`, then `set`, then `remove`). YAML values become JSON as JSON
// would type them: plain `true`/`false`, numbers and `null`/`~` are typed,
// everything else (dates too) and every quoted scalar is a string.
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>

#include <yaml-cpp/yaml.h>

#include "authoring/json_path.hpp"
#include "core/file.hpp"
#include "core/text.hpp"
#include "programme/yaml_documents.hpp"
#include "regularis/authoring/programme_tests.hpp"
#include "regularis/core/error.hpp"

namespace regularis {

namespace {

using detail::did_you_mean;
using detail::Json;

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

/// "a, b or c".
std::string one_of(const std::vector<std::string_view>& words) {
  std::string s;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) s += i + 1 == words.size() ? " or " : ", ";
    s += words[i];
  }
  return s;
}

const std::vector<std::string_view> kTopKeys{"programme", "base", "cases"};
const std::vector<std::string_view> kCaseKeys{"name",   "note",  "application", "set",
                                              "remove", "as_of", "language",    "expect"};
const std::vector<std::string_view> kExpectKeys{
    "outcome",   "reasons", "reasons_include", "missing", "missing_include", "criteria",
    "documents", "fees",    "deadline",        "version", "errors"};
const std::vector<std::string_view> kOutcomes{"eligible", "ineligible", "incomplete", "invalid"};
const std::vector<std::string_view> kCriterionStatuses{"met", "not_met", "unknown"};
const std::vector<std::string_view> kDocumentStatuses{"provided", "missing",      "rejected",
                                                      "expired",  "not_verified", "not_required"};
const std::vector<std::string_view> kFeeStatuses{"paid",   "due",      "partly_paid",
                                                 "waived", "overpaid", "not_due_yet"};

/// A JSON number as written: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_json_number(std::string_view s, bool& integral) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  auto digit = [&](std::size_t k) { return k < n && s[k] >= '0' && s[k] <= '9'; };
  integral = true;
  if (i < n && s[i] == '-') ++i;
  if (!digit(i)) return false;
  if (s[i] == '0') {
    ++i;
  } else {
    while (digit(i)) ++i;
  }
  if (i < n && s[i] == '.') {
    integral = false;
    ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    integral = false;
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  return i == n;
}

std::size_t significant_digits(std::string_view s) {
  std::size_t count = 0;
  bool started = false;
  for (char c : s) {
    if (c == 'e' || c == 'E') break;
    if (c < '0' || c > '9') continue;
    if (c != '0') started = true;
    if (started) ++count;
  }
  return count;
}

class Loader {
 public:
  explicit Loader(ProgrammeTestFile& out) : out_(out) {}

  void run() {
    YAML::Node root;
    try {
      // Not YAML::LoadAll: it loops forever on a stray ',' (see yaml_documents.hpp).
      detail::YamlDocuments documents = detail::load_yaml_documents(out_.source_text);
      if (documents.count > 1) {
        error("tests.yaml_syntax",
              "a test file holds one YAML document, found " + std::to_string(documents.count),
              {out_.file_name, documents.second.line + 1, documents.second.column + 1});
      }
      if (documents.count > 0) root = documents.first;
    } catch (const YAML::Exception& e) {
      error("tests.yaml_syntax", "YAML syntax error: " + e.msg,
            {out_.file_name, e.mark.line + 1, e.mark.column + 1});
      return;
    }
    if (!root.IsMap()) {
      error("tests.wrong_type", "a test file is a mapping with programme, base and cases",
            {out_.file_name, 1, 1});
      return;
    }
    const auto top = entries(root, kTopKeys, "the test file");
    const YAML::Node* programme = find(top, "programme");
    if (programme == nullptr) {
      error("tests.missing_key", "missing key \"programme\" (the programme file to test)",
            {out_.file_name, 1, 1});
    } else if (scalar(*programme, "programme")) {
      out_.programme = programme->Scalar();
      out_.programme_path = detail::path_beside(out_.file_name, out_.programme);
    }
    Json base = Json::object();
    if (const YAML::Node* b = find(top, "base")) {
      if (mapping(*b, "base")) base = to_json(*b);
    }
    const YAML::Node* cases = find(top, "cases");
    if (cases == nullptr) {
      error("tests.missing_key", "missing key \"cases\" (the list of test cases)",
            {out_.file_name, 1, 1});
      return;
    }
    if (cases->IsNull()) return;
    if (!cases->IsSequence()) {
      error("tests.wrong_type", "cases must be a list of cases", at(*cases));
      return;
    }
    std::map<std::string, int> names;  // name → line of its first use
    for (const YAML::Node& c : *cases) load_case(c, base, names);
  }

 private:
  using Entries = std::vector<std::pair<std::string, std::pair<YAML::Node, YAML::Node>>>;

  SourceLocation at(const YAML::Node& node) const {
    const YAML::Mark m = node.Mark();
    if (m.line < 0) return {out_.file_name, 0, 0};
    return {out_.file_name, m.line + 1, m.column + 1};
  }
  /// Where to point for a value: the value, or its key when the value is empty.
  SourceLocation at_value(const std::pair<YAML::Node, YAML::Node>& kv) const {
    return kv.second.IsNull() ? at(kv.first) : at(kv.second);
  }

  void error(std::string code, std::string message, SourceLocation where) {
    out_.diagnostics.error(std::move(code), std::move(message), std::move(where));
    ++errors_;
  }

  /// A mapping's entries in file order; unknown and duplicate keys reported.
  Entries entries(const YAML::Node& map, const std::vector<std::string_view>& allowed,
                  const std::string& what) {
    Entries result;
    for (auto it = map.begin(); it != map.end(); ++it) {
      const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        error("tests.unknown_key",
              "unknown key " + in_quotes(key) + " in " + what + did_you_mean(key, allowed),
              at(it->first));
        continue;
      }
      const bool seen =
          std::any_of(result.begin(), result.end(), [&](const auto& e) { return e.first == key; });
      if (seen) {
        error("tests.duplicate_key", "duplicate key " + in_quotes(key) + " in " + what,
              at(it->first));
        continue;
      }
      YAML::Node value = it->second;
      result.push_back({key, {it->first, value}});
    }
    return result;
  }

  static const YAML::Node* find(const Entries& e, std::string_view key) {
    for (const auto& [k, kv] : e) {
      if (k == key) return &kv.second;
    }
    return nullptr;
  }
  static const std::pair<YAML::Node, YAML::Node>* find_entry(const Entries& e,
                                                             std::string_view key) {
    for (const auto& [k, kv] : e) {
      if (k == key) return &kv;
    }
    return nullptr;
  }

  bool scalar(const YAML::Node& node, const std::string& what) {
    if (node.IsScalar()) return true;
    error("tests.wrong_type", what + " must be a single value", at(node));
    return false;
  }
  bool mapping(const YAML::Node& node, const std::string& what) {
    if (node.IsMap()) return true;
    error("tests.wrong_type", what + " must be a mapping", at(node));
    return false;
  }

  /// A list of single values; `ok` false after reporting when it is not.
  std::vector<std::string> string_list(const YAML::Node& node, const std::string& what, bool& ok) {
    std::vector<std::string> items;
    ok = true;
    if (!node.IsSequence()) {
      error("tests.wrong_type", what + " must be a list (write [] for none)", at(node));
      ok = false;
      return items;
    }
    for (const YAML::Node& item : node) {
      if (!item.IsScalar()) {
        error("tests.wrong_type", "each item of " + what + " must be a single value", at(item));
        ok = false;
        continue;
      }
      items.push_back(item.Scalar());
    }
    return items;
  }

  std::optional<Date> date(const YAML::Node& node, const std::string& what) {
    if (!scalar(node, what)) return std::nullopt;
    auto d = Date::parse(node.Scalar());
    if (!d) {
      error("tests.bad_date", what + ": " + d.error(), at(node));
      return std::nullopt;
    }
    return *d;
  }

  /// YAML → JSON, typed as JSON would type a plain scalar. Aliases are
  /// copied where they are used, so the copy has a budget (nodes and scalar
  /// bytes over the whole file): a "billion laughs" file is refused, not
  /// expanded.
  Json to_json(const YAML::Node& node) {
    if (++json_nodes_ > kMaxJsonNodes || json_bytes_ > kMaxJsonBytes) {
      if (!over_budget_) {
        over_budget_ = true;
        error("tests.too_large",
              "the applications expand to more than " + std::to_string(kMaxJsonNodes) +
                  " values or " + std::to_string(kMaxJsonBytes) + " bytes (the limit)",
              at(node));
      }
      return Json();
    }
    if (node.IsScalar()) json_bytes_ += node.Scalar().size();
    switch (node.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        return Json();
      case YAML::NodeType::Sequence: {
        Json a = Json::array();
        for (const YAML::Node& item : node) a.push_back(to_json(item));
        return a;
      }
      case YAML::NodeType::Map: {
        Json o = Json::object();
        for (auto it = node.begin(); it != node.end(); ++it) {
          // Duplicates: the strict reader would report them; keep the first
          // and say so here, where the author can see the line.
          const std::string key = it->first.Scalar();
          if (o.contains(key)) {
            error("tests.duplicate_key", "duplicate key " + in_quotes(key) + " in an application",
                  at(it->first));
            continue;
          }
          o[key] = to_json(it->second);
        }
        return o;
      }
      case YAML::NodeType::Scalar:
        break;
    }
    const std::string& s = node.Scalar();
    if (node.Tag() == "!") return Json(s);  // quoted or block: a string
    if (s == "true") return Json(true);
    if (s == "false") return Json(false);
    if (s == "null" || s == "~" || s.empty()) return Json();
    bool integral = true;
    if (is_json_number(s, integral)) {
      if (significant_digits(s) > 15) {
        error("tests.bad_number",
              s + " has more digits than a JSON number keeps exactly; quote it (\"" + s + "\")",
              at(node));
        return Json(s);
      }
      if (integral) {
        try {
          return Json(std::stoll(s));
        } catch (const std::exception&) {
          return Json(s);
        }
      }
      return Json(std::stod(s));
    }
    return Json(s);
  }

  void load_case(const YAML::Node& node, const Json& base, std::map<std::string, int>& names) {
    if (!node.IsMap()) {
      error("tests.wrong_type", "a case must be a mapping with name and expect", at(node));
      return;
    }
    const std::size_t errors_before = errors_;
    ProgrammeTestCase c;
    c.location = at(node);
    const Entries e = entries(node, kCaseKeys, "a case");

    if (const auto* name = find_entry(e, "name")) {
      if (scalar(name->second, "name")) {
        c.name = name->second.Scalar();
        c.location = at(name->second);
        auto [it, inserted] = names.emplace(c.name, c.location.line);
        if (!inserted) {
          error("tests.duplicate_name",
                "duplicate case name " + in_quotes(c.name) + "; the first is at line " +
                    std::to_string(it->second),
                at(name->second));
        }
      }
    } else {
      error("tests.missing_key", "missing key \"name\" in a case", at(node));
    }
    const std::string what = c.name.empty() ? std::string("a case") : "case " + in_quotes(c.name);
    if (const auto* note = find(e, "note")) scalar(*note, "note");

    Json application = base;
    if (const auto* a = find(e, "application")) {
      if (mapping(*a, "application")) application = to_json(*a);
    }
    if (const auto* set = find(e, "set")) {
      if (!set->IsNull() && mapping(*set, "set")) {
        for (auto it = set->begin(); it != set->end(); ++it) {
          if (!scalar(it->first, "a path of set")) continue;
          std::vector<detail::PathStep> steps;
          std::string reason;
          const std::string path = it->first.Scalar();
          if (!detail::parse_json_path(path, steps, reason)) {
            error("tests.bad_path", "set " + in_quotes(path) + ": " + reason, at(it->first));
            continue;
          }
          reason = detail::set_at_path(application, steps, to_json(it->second));
          if (!reason.empty()) {
            error("tests.bad_path", "cannot set " + in_quotes(path) + ": " + reason, at(it->first));
          }
        }
      }
    }
    if (const auto* remove = find(e, "remove")) {
      bool ok = true;
      const std::vector<std::string> paths = string_list(*remove, "remove", ok);
      std::size_t i = 0;
      for (const YAML::Node& item : *remove) {
        if (!item.IsScalar() || i >= paths.size()) continue;
        const std::string& path = paths[i++];
        std::vector<detail::PathStep> steps;
        std::string reason;
        if (!detail::parse_json_path(path, steps, reason)) {
          error("tests.bad_path", "remove " + in_quotes(path) + ": " + reason, at(item));
          continue;
        }
        reason = detail::remove_at_path(application, steps);
        if (!reason.empty()) {
          error("tests.bad_path", "cannot remove " + in_quotes(path) + ": " + reason, at(item));
        }
      }
    }
    if (const auto* as_of = find(e, "as_of")) c.as_of = date(*as_of, "as_of");
    if (const auto* language = find(e, "language")) {
      if (scalar(*language, "language")) c.language = language->Scalar();
    }
    if (const auto* expect = find_entry(e, "expect")) {
      load_expect(expect->second, c.expect, at_value(*expect));
    } else {
      error("tests.missing_key", "missing key \"expect\" in " + what, c.location);
    }
    c.application_json = application.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (errors_ == errors_before) out_.cases.push_back(std::move(c));
  }

  template <class Status>
  bool status_of(const YAML::Node& node, const std::vector<std::string_view>& words,
                 const std::string& what, Status& out) {
    if (!scalar(node, what)) return false;
    const std::string& s = node.Scalar();
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (words[i] == s) {
        out = static_cast<Status>(i);
        return true;
      }
    }
    error("tests.bad_value",
          "unknown " + what + " " + in_quotes(s) + "; expected " + one_of(words) +
              did_you_mean(s, words),
          at(node));
    return false;
  }

  template <class Status>
  void status_map(const YAML::Node& node, const std::vector<std::string_view>& words,
                  const std::string& what, const std::string& status_name,
                  std::vector<std::pair<std::string, Status>>& out) {
    if (!mapping(node, what)) return;
    for (auto it = node.begin(); it != node.end(); ++it) {
      const std::string id = it->first.Scalar();
      const bool seen =
          std::any_of(out.begin(), out.end(), [&](const auto& p) { return p.first == id; });
      if (seen) {
        error("tests.duplicate_key", "duplicate key " + in_quotes(id) + " in " + what,
              at(it->first));
        continue;
      }
      Status s{};
      const YAML::Node value = it->second;
      if (value.IsNull()) {
        error("tests.wrong_type", what + ": " + in_quotes(id) + " needs a status", at(it->first));
        continue;
      }
      if (status_of(value, words, status_name, s)) out.emplace_back(id, s);
    }
  }

  void load_expect(const YAML::Node& node, CaseExpectation& x, SourceLocation where) {
    if (!node.IsMap()) {
      error("tests.wrong_type", "expect must be a mapping with at least an outcome", where);
      return;
    }
    const Entries e = entries(node, kExpectKeys, "expect");
    if (const auto* outcome = find(e, "outcome")) {
      status_of(*outcome, kOutcomes, "outcome", x.outcome);
    } else {
      error("tests.missing_key", "missing key \"outcome\" in expect", at(node));
    }
    bool ok = true;
    if (const auto* v = find(e, "reasons")) {
      auto items = string_list(*v, "reasons", ok);
      if (ok) x.reasons = std::move(items);
    }
    if (const auto* v = find(e, "reasons_include")) {
      x.reasons_include = string_list(*v, "reasons_include", ok);
    }
    if (const auto* v = find(e, "missing")) {
      auto items = string_list(*v, "missing", ok);
      if (ok) x.missing = std::move(items);
    }
    if (const auto* v = find(e, "missing_include")) {
      x.missing_include = string_list(*v, "missing_include", ok);
    }
    if (const auto* v = find(e, "criteria")) {
      status_map(*v, kCriterionStatuses, "criteria", "criterion status", x.criteria);
    }
    if (const auto* v = find(e, "documents")) {
      status_map(*v, kDocumentStatuses, "documents", "document status", x.documents);
    }
    if (const auto* v = find(e, "fees")) status_map(*v, kFeeStatuses, "fees", "fee status", x.fees);
    if (const auto* v = find(e, "deadline")) x.deadline = date(*v, "deadline");
    if (const auto* v = find(e, "errors")) {
      auto items = string_list(*v, "errors", ok);
      if (ok) x.errors = std::move(items);
    }
    if (const auto* v = find(e, "version")) {
      if (scalar(*v, "version")) x.version = v->Scalar();
    }
  }

  ProgrammeTestFile& out_;
  static constexpr std::size_t kMaxJsonNodes = 1000000;
  static constexpr std::size_t kMaxJsonBytes = std::size_t{64} << 20;
  std::size_t json_nodes_ = 0;
  std::size_t json_bytes_ = 0;
  bool over_budget_ = false;
  std::size_t errors_ = 0;
};

}  // namespace

ProgrammeTestFile load_programme_tests_text(const std::string& text, const std::string& file_name) {
  ProgrammeTestFile file;
  file.file_name = file_name;
  file.source_text = text;
  Loader(file).run();
  // In file order, whatever order the checks ran in.
  std::vector<Diagnostic> items = file.diagnostics.items();
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.location.line, a.location.column) <
           std::pair(b.location.line, b.location.column);
  });
  file.diagnostics = Diagnostics();
  for (Diagnostic& d : items) file.diagnostics.add(std::move(d));
  return file;
}

ProgrammeTestFile load_programme_tests(const std::string& path) {
  return load_programme_tests_text(detail::read_whole_file(path), path);
}

}  // namespace regularis
