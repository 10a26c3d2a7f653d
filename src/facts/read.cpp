// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Reading one record: simdjson On-Demand walks the JSON once while the
// standard schema (schema.cpp) says what each field must be. Every problem
// becomes a diagnostic at its JSON path and reading goes on; a syntax error
// stops the record (the JSON cannot be walked further) and is then its only
// diagnostic. Numbers are taken from their raw token text, never as double.
#include <algorithm>
#include <cstring>
#include <numeric>

#include "facts/record_reader.hpp"
#include "regularis/core/country.hpp"
#include "regularis/core/money.hpp"
#include "regularis/facts/schema.hpp"

namespace regularis::detail {

namespace {

namespace od = simdjson::ondemand;

constexpr std::string_view kFormat = "regularis.application/1";
// Nesting deeper than this is refused (the format itself needs 6 levels).
constexpr int kMaxDepth = 256;

// Limits on one record, each reported as a diagnostic that names it. With the
// batch reader's record size limit they bound the memory and time a record
// can cost whatever it holds; values past a limit are walked for their
// syntax only and not kept.
constexpr std::size_t kMaxStringBytes = 64 * 1024;  // a string value or a field name
constexpr std::size_t kMaxNumberBytes = 64;  // a number's token (18 digits are the most kept)
constexpr std::size_t kMaxItems = 10000;     // elements of a list, fields of an object
constexpr std::size_t kMaxDependants = 100;  // elements of `dependants`
constexpr std::size_t kMaxDocuments = 1000;  // elements of `documents`
constexpr std::size_t kMaxValues = 100000;   // values in the whole record

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// The JSON number grammar (RFC 8259): -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_json_number(std::string_view s) noexcept {
  std::size_t i = 0;
  auto digits = [&] {
    std::size_t start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

// An integer token (already a JSON number) that fits in int64.
std::optional<std::int64_t> parse_int64(std::string_view s) noexcept {
  bool negative = !s.empty() && s.front() == '-';
  if (negative) s.remove_prefix(1);
  if (s.empty() || s.size() > 19) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : s) {
    if (!is_digit(c)) return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  constexpr auto kMax = static_cast<std::uint64_t>(INT64_MAX);
  if (n > kMax + (negative ? 1U : 0U)) return std::nullopt;
  if (negative) return n == kMax + 1 ? INT64_MIN : -static_cast<std::int64_t>(n);
  return static_cast<std::int64_t>(n);
}

// ISO 3166-2: an alpha-2 country, '-', one to three upper-case letters or digits.
bool is_region(std::string_view s) {
  if (s.size() < 4 || s.size() > 6 || s[2] != '-') return false;
  if (!Country::parse(s.substr(0, 2))) return false;
  for (char c : s.substr(3)) {
    if (!((c >= 'A' && c <= 'Z') || is_digit(c))) return false;
  }
  return true;
}

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string expected(const SchemaNode& node) {
  switch (node.type) {
    case FieldType::boolean:
      return "true or false";
    case FieldType::integer:
      return "an integer";
    case FieldType::decimal:
      return "a number or a decimal string";
    case FieldType::string:
      return "a string";
    case FieldType::date:
      return "a date string (YYYY-MM-DD)";
    case FieldType::date_or_instant:
      return "a date or date-time string";
    case FieldType::country:
      return "a country code string";
    case FieldType::list:
      return "a list";
    case FieldType::object:
    case FieldType::map:
      return "an object";
    case FieldType::any:
      return "a value";
  }
  return "a value";
}

std::string syntax_message(simdjson::error_code e) {
  if (e == simdjson::UTF8_ERROR) return "the record is not valid UTF-8";
  return std::string("the record is not valid JSON (") + simdjson::error_message(e) + ")";
}

// What a value is read as: against the schema, as a programme-specific value
// (anything goes, numbers must be exact), as an unknown field (kept, never an
// error), or skipped (walked for its syntax only, nothing kept: the content
// of a value of the wrong type, values past a limit).
enum class Mode { checked, generic, ignored, skipped };

class Walker {
 public:
  Walker(Diagnostics& diagnostics, bool strict) : diagnostics_(diagnostics), strict_(strict) {}

  FactValue read_root(od::object root) {
    return FactValue::object(read_fields(root, &Schema::standard().root(), Mode::checked));
  }

  simdjson::error_code error() const noexcept { return error_; }
  void fail(simdjson::error_code e) noexcept {
    if (error_ == simdjson::SUCCESS) error_ = e;
  }

  std::string id;
  std::string programme;

 private:
  bool failed(simdjson::error_code e) noexcept {
    if (e != simdjson::SUCCESS) fail(e);
    return error_ != simdjson::SUCCESS;
  }

  FactValue problem(std::string_view code, std::string message) {
    diagnostics_.error_at_path(std::string(code), std::move(message), path_);
    return FactValue();
  }
  FactValue wrong_type(const SchemaNode& node, std::string_view found) {
    return problem("facts.wrong_type",
                   "expected " + expected(node) + ", found " + std::string(found));
  }

  std::size_t push(std::string_view key) {
    std::size_t mark = path_.size();
    if (!path_.empty()) path_ += '.';
    path_ += key;
    return mark;
  }
  std::size_t push(std::size_t index) {
    std::size_t mark = path_.size();
    path_ += '[' + std::to_string(index) + ']';
    return mark;
  }
  void pop(std::size_t mark) { path_.resize(mark); }

  FactValue read(od::value v, const SchemaNode* node, Mode mode) {
    if (depth_ >= kMaxDepth) {
      fail(simdjson::DEPTH_ERROR);
      return {};
    }
    if (mode != Mode::skipped && ++values_ > kMaxValues) {
      if (values_ == kMaxValues + 1) {
        problem("facts.too_many_values",
                "the record holds more than " + std::to_string(kMaxValues) + " values (the limit)");
      }
      mode = Mode::skipped;
    }
    ++depth_;
    FactValue value = read_value(v, node, mode);
    --depth_;
    return value;
  }

  FactValue read_value(od::value v, const SchemaNode* node, Mode mode) {
    if (mode == Mode::checked && node->type == FieldType::any) mode = Mode::generic;
    od::json_type type{};
    if (failed(v.type().get(type))) return {};
    bool checked = mode == Mode::checked;
    switch (type) {
      case od::json_type::null: {
        bool is_null = false;
        if (failed(v.is_null().get(is_null))) return {};
        if (!is_null) fail(simdjson::N_ATOM_ERROR);
        return FactValue::null();
      }
      case od::json_type::boolean: {
        bool b = false;
        if (failed(v.get_bool().get(b)) || mode == Mode::skipped) return {};
        if (checked && node->type != FieldType::boolean) return wrong_type(*node, "a boolean");
        return FactValue::boolean(b);
      }
      case od::json_type::number: {
        std::string_view token = trim(v.raw_json_token());
        if (!is_json_number(token)) {
          fail(simdjson::NUMBER_ERROR);
          return {};
        }
        if (mode == Mode::skipped) return {};
        if (token.size() > kMaxNumberBytes) {
          return problem("facts.too_long", "the number is " + std::to_string(token.size()) +
                                               " characters long; the limit is " +
                                               std::to_string(kMaxNumberBytes));
        }
        return number(token, node, mode);
      }
      case od::json_type::string: {
        std::string_view s;
        if (failed(v.get_string().get(s)) || mode == Mode::skipped) return {};
        if (s.size() > kMaxStringBytes) {
          return problem("facts.too_long", "the string is " + std::to_string(s.size()) +
                                               " bytes long; the limit is " +
                                               std::to_string(kMaxStringBytes));
        }
        return checked ? checked_string(s, *node) : FactValue::string(std::string(s));
      }
      case od::json_type::array: {
        od::array a;
        if (failed(v.get_array().get(a))) return {};
        if (mode == Mode::skipped || (checked && node->type != FieldType::list)) {
          if (mode != Mode::skipped) wrong_type(*node, "a list");
          read_list(a, nullptr, Mode::skipped);  // still checks the syntax
          return {};
        }
        return FactValue::list(read_list(a, checked ? node->element.get() : nullptr, mode));
      }
      case od::json_type::object: {
        od::object o;
        if (failed(v.get_object().get(o))) return {};
        if (mode == Mode::skipped ||
            (checked && node->type != FieldType::object && node->type != FieldType::map)) {
          if (mode != Mode::skipped) wrong_type(*node, "an object");
          read_fields(o, nullptr, Mode::skipped);
          return {};
        }
        return FactValue::object(read_fields(o, node, mode));
      }
    }
    return {};
  }

  // How many elements the list at the current path may have.
  std::size_t item_limit() const noexcept {
    if (path_ == "dependants") return kMaxDependants;
    if (path_ == "documents") return kMaxDocuments;
    return kMaxItems;
  }

  std::vector<FactValue> read_list(od::array a, const SchemaNode* element, Mode mode) {
    std::vector<FactValue> items;
    std::size_t index = 0;
    const std::size_t limit = item_limit();
    for (auto item : a) {
      od::value v;
      if (failed(std::move(item).get(v))) break;
      Mode item_mode = mode;
      if (index >= limit) {
        if (index == limit && mode != Mode::skipped) {
          problem("facts.too_many_items",
                  "the list has more than " + std::to_string(limit) + " elements (the limit)");
        }
        item_mode = Mode::skipped;
      }
      std::size_t mark = push(index++);
      FactValue value = read(v, element, item_mode);
      pop(mark);
      if (failed(simdjson::SUCCESS)) break;
      if (item_mode == Mode::skipped) continue;
      if (items.empty()) items.reserve(4);  // most lists are short: one allocation
      items.push_back(std::move(value));
    }
    return items;
  }

  std::vector<FactField> read_fields(od::object o, const SchemaNode* node, Mode mode) {
    std::vector<FactField> fields;
    // At the first field, room for those the schema knows (or a few, for a
    // generic object), so that growing the vector moves no field in most
    // records; an empty object allocates nothing.
    const std::size_t room =
        mode == Mode::checked && node->type == FieldType::object ? node->fields.size() : 4;
    bool at_root = path_.empty();
    std::size_t count = 0;
    for (auto item : o) {
      od::field f;
      std::string_view key;
      if (failed(std::move(item).get(f)) || failed(f.unescaped_key().get(key))) break;
      bool skip = mode == Mode::skipped || count > kMaxItems;
      if (!skip && count == kMaxItems) {
        ++count;  // past the limit: reported once, then every further field is skipped
        problem("facts.too_many_items",
                "the object has more than " + std::to_string(kMaxItems) + " fields (the limit)");
        skip = true;
      }
      if (!skip && key.size() > kMaxStringBytes) {
        problem("facts.too_long", "a field name is " + std::to_string(key.size()) +
                                      " bytes long; the limit is " +
                                      std::to_string(kMaxStringBytes));
        skip = true;
      }
      if (skip) {
        read(f.value(), nullptr, Mode::skipped);
        if (failed(simdjson::SUCCESS)) break;
        continue;
      }
      ++count;
      std::string name(key);
      const SchemaNode* child = nullptr;
      Mode child_mode = mode;
      if (mode == Mode::checked) {
        child = node->type == FieldType::map ? node->element.get() : node->field(name);
        if (child == nullptr) child_mode = Mode::ignored;
      }
      std::size_t mark = push(name);
      if (mode == Mode::checked && child == nullptr && strict_) {
        diagnostics_.add(Diagnostic{Severity::warning,
                                    "facts.unknown_field",
                                    "unknown field " + in_quotes(name),
                                    {},
                                    path_});
      }
      FactValue value = read(f.value(), child, child_mode);
      pop(mark);
      if (failed(simdjson::SUCCESS)) break;
      if (at_root && value.as_string() != nullptr) {
        if (name == "id" && id.empty()) id = *value.as_string();
        if (name == "programme" && programme.empty()) programme = *value.as_string();
      }
      if (fields.empty()) fields.reserve(room);
      fields.push_back({std::move(name), std::move(value)});
    }
    remove_duplicates(fields);
    return fields;
  }

  // Whether two of a small object's fields share a name, compared pairwise
  // (no allocation).
  static bool has_duplicate_pairwise(const std::vector<FactField>& fields) {
    for (std::size_t k = 1; k < fields.size(); ++k) {
      for (std::size_t j = 0; j < k; ++j) {
        if (fields[j].name == fields[k].name) return true;
      }
    }
    return false;
  }

  // Reports every repeated key (after its first occurrence) and drops it.
  void remove_duplicates(std::vector<FactField>& fields) {
    constexpr std::size_t kPairwise = 24;  // up to this many fields, compared without sorting
    if (fields.size() < 2) return;
    if (fields.size() <= kPairwise && !has_duplicate_pairwise(fields)) return;
    std::vector<std::size_t> order(fields.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return fields[a].name < fields[b].name; });
    std::vector<bool> repeated(fields.size(), false);
    bool any = false;
    for (std::size_t k = 1; k < order.size(); ++k) {
      if (fields[order[k]].name == fields[order[k - 1]].name) repeated[order[k]] = any = true;
    }
    if (!any) return;
    std::vector<FactField> kept;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (!repeated[i]) {
        kept.push_back(std::move(fields[i]));
        continue;
      }
      std::size_t mark = push(fields[i].name);
      problem("facts.duplicate_key", "duplicate key " + in_quotes(fields[i].name));
      pop(mark);
    }
    fields = std::move(kept);
  }

  FactValue number(std::string_view token, const SchemaNode* node, Mode mode) {
    bool integral = token.find_first_of(".eE") == std::string_view::npos;
    if (mode != Mode::checked) {
      if (integral) {
        if (auto n = parse_int64(token)) return FactValue::integer(*n);
      }
      auto d = Decimal::parse(token);
      if (d) return FactValue::decimal(*d);
      return mode == Mode::generic ? problem("facts.bad_decimal", d.error()) : FactValue();
    }
    switch (node->type) {
      case FieldType::integer: {
        if (!integral) return wrong_type(*node, std::string(token));
        if (auto n = parse_int64(token)) return FactValue::integer(*n);
        return problem("facts.bad_integer", std::string(token) + " is out of range");
      }
      case FieldType::decimal:
        return decimal(token, *node);
      default:
        return wrong_type(*node, "a number");
    }
  }

  FactValue decimal(std::string_view text, const SchemaNode& node) {
    auto d = Decimal::parse(text);
    if (!d) return problem("facts.bad_decimal", d.error());
    if (node.check == FieldCheck::non_negative && d->is_negative()) {
      return problem("facts.negative_amount", std::string(text) + " is negative");
    }
    return FactValue::decimal(*d);
  }

  FactValue checked_string(std::string_view s, const SchemaNode& node) {
    switch (node.type) {
      case FieldType::string:
        return text(s, node);
      case FieldType::decimal:
        return decimal(s, node);
      case FieldType::date: {
        auto d = Date::parse(s);
        return d ? FactValue::date(*d) : problem("facts.bad_date", d.error());
      }
      case FieldType::date_or_instant: {
        if (s.size() == 10) {
          auto d = Date::parse(s);
          return d ? FactValue::date(*d) : problem("facts.bad_date", d.error());
        }
        auto t = Instant::parse(s);
        return t ? FactValue::instant(*t) : problem("facts.bad_instant", t.error());
      }
      case FieldType::country: {
        auto c = Country::parse(s);
        return c ? FactValue::country(*c) : problem("facts.bad_country", c.error());
      }
      default:
        return wrong_type(node, "a string");
    }
  }

  FactValue text(std::string_view s, const SchemaNode& node) {
    const auto& words = node.vocabulary;
    if (!words.empty() && std::find(words.begin(), words.end(), s) == words.end()) {
      std::string list;
      for (const auto& w : words) list += (list.empty() ? "" : ", ") + w;
      return problem("facts.bad_vocabulary", in_quotes(s) + " is not one of: " + list);
    }
    switch (node.check) {
      case FieldCheck::currency: {
        auto c = Currency::parse(s);
        if (!c) return problem("facts.bad_currency", c.error());
        break;
      }
      case FieldCheck::snake_case:
        if (!is_snake_case(s)) {
          return problem("facts.bad_identifier", in_quotes(s) + " is not a snake_case identifier");
        }
        break;
      case FieldCheck::region:
        if (!is_region(s)) {
          return problem("facts.bad_region",
                         in_quotes(s) + " is not an ISO 3166-2 subdivision code (like MX-CHP)");
        }
        break;
      case FieldCheck::time_zone: {
        auto z = TimeZone::locate(s);
        if (!z) return problem("facts.bad_time_zone", z.error());
        break;
      }
      case FieldCheck::format_tag:
        if (s != kFormat) {
          return problem(
              "facts.bad_format",
              in_quotes(s) + " is not a supported format (expected " + in_quotes(kFormat) + ")");
        }
        break;
      case FieldCheck::none:
      case FieldCheck::non_negative:
        break;
    }
    return FactValue::string(std::string(s));
  }

  Diagnostics& diagnostics_;
  bool strict_;
  simdjson::error_code error_ = simdjson::SUCCESS;
  std::string path_;
  int depth_ = 0;
  std::size_t values_ = 0;
};

// Checks that need the whole record: `format` present, dependant ids unique,
// document holders naming a dependant.
void check_record(const FactValue& root, Diagnostics& diagnostics) {
  const FactValue* format = root.field("format");
  if (format == nullptr || format->was_null()) {
    diagnostics.error_at_path("facts.bad_format",
                              "the record has no format (expected " + in_quotes(kFormat) + ")",
                              "format");
  }
  std::vector<std::string> ids;
  if (const auto* dependants = root.find("dependants").as_list()) {
    for (std::size_t i = 0; i < dependants->size(); ++i) {
      const FactValue* id_fact = (*dependants)[i].field("id");  // per element: no path to check
      const std::string* id = id_fact != nullptr ? id_fact->as_string() : nullptr;
      if (id == nullptr) continue;
      if (std::find(ids.begin(), ids.end(), *id) != ids.end()) {
        diagnostics.error_at_path("facts.duplicate_id", "duplicate dependant id " + in_quotes(*id),
                                  "dependants[" + std::to_string(i) + "].id");
      }
      ids.push_back(*id);
    }
  }
  if (const auto* documents = root.find("documents").as_list()) {
    for (std::size_t i = 0; i < documents->size(); ++i) {
      const FactValue* holder_fact = (*documents)[i].field("holder");
      const std::string* holder = holder_fact != nullptr ? holder_fact->as_string() : nullptr;
      if (holder != nullptr && std::find(ids.begin(), ids.end(), *holder) == ids.end()) {
        diagnostics.error_at_path("facts.unknown_holder",
                                  "no dependant has id " + in_quotes(*holder),
                                  "documents[" + std::to_string(i) + "].holder");
      }
    }
  }
}

std::string_view found_at_root(char c) {
  switch (c) {
    case '[':
      return "a list";
    case '"':
      return "a string";
    case 't':
    case 'f':
      return "a boolean";
    case 'n':
      return "null";
    default:
      return (c == '-' || is_digit(c)) ? "a number" : "";
  }
}

// For a record that is not valid JSON: finds top-level "id" and "programme"
// string values by a plain scan, so a batch report can still name the record.
void salvage_names(std::string_view text, ReadResult& result) {
  int depth = 0;
  std::string_view last_string;  // the last string read at depth 1
  bool after_colon = false;
  std::string_view key;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      std::size_t end = i + 1;
      bool plain = true;
      while (end < text.size() && text[end] != '"') {
        if (text[end] == '\\') {
          plain = false;
          ++end;
        } else if (static_cast<unsigned char>(text[end]) < 0x20) {
          plain = false;  // a raw control character: not a name (a string running across lines)
        }
        ++end;
      }
      if (end >= text.size()) return;
      std::string_view s = text.substr(i + 1, end - i - 1);
      // Only names that are valid UTF-8: a report writes them out as JSON.
      if (depth == 1 && after_colon && plain && simdjson::validate_utf8(s.data(), s.size())) {
        if (key == "id" && result.id.empty()) result.id = std::string(s);
        if (key == "programme" && result.programme.empty()) result.programme = std::string(s);
      }
      last_string = s;
      after_colon = false;
      i = end;
    } else if (c == ':') {
      key = last_string;
      after_colon = depth == 1;
    } else if (c == '{' || c == '[') {
      ++depth;
      after_colon = false;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (!is_space(c)) {
      after_colon = false;
    }
  }
}

}  // namespace

std::string_view strip_bom(std::string_view text) noexcept {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

ReadResult RecordReader::read(const char* data, std::size_t length, std::size_t capacity) {
  ReadResult result;
  std::string_view text = trim(std::string_view(data, length));
  auto syntax = [&](std::string message) {
    result.diagnostics.error_at_path("facts.syntax", std::move(message), "");
    return std::move(result);
  };
  if (text.empty()) return syntax("the record is empty");
  if (text.front() != '{') {
    std::string_view found = found_at_root(text.front());
    if (found.empty()) return syntax("the record is not valid JSON");
    result.diagnostics.error_at_path("facts.wrong_type",
                                     "expected an object, found " + std::string(found), "");
    return result;
  }

  Walker walker(result.diagnostics, options_.strict);
  FactValue root;
  od::document doc;
  od::object object;
  simdjson::error_code e = parser_.iterate(data, length, capacity).get(doc);
  if (e == simdjson::SUCCESS) e = doc.get_object().get(object);
  if (e == simdjson::SUCCESS) root = walker.read_root(object);
  if (e == simdjson::SUCCESS) e = walker.error();
  if (e == simdjson::SUCCESS) {
    // Anything but whitespace after the object is an error.
    const char* rest = nullptr;
    if (doc.current_location().get(rest) == simdjson::SUCCESS) e = simdjson::TRAILING_CONTENT;
  }
  result.id = walker.id;
  result.programme = walker.programme;
  if (e != simdjson::SUCCESS) {
    for (std::string* name : {&result.id, &result.programme}) {
      if (!simdjson::validate_utf8(name->data(), name->size())) name->clear();
    }
    salvage_names(text, result);
    result.diagnostics = Diagnostics();
    // Bad UTF-8 inside a string surfaces as a string error; say what it is.
    if (!simdjson::validate_utf8(data, length)) e = simdjson::UTF8_ERROR;
    // A NUL byte ends the text for the parser, which then sees it cut short.
    if (const void* nul = std::memchr(data, '\0', length);
        nul != nullptr && e != simdjson::UTF8_ERROR) {
      const auto at = static_cast<std::size_t>(static_cast<const char*>(nul) - data);
      return syntax("the record holds a NUL byte (at byte " + std::to_string(at + 1) +
                    "), which JSON text cannot");
    }
    return syntax(syntax_message(e));
  }
  check_record(root, result.diagnostics);
  if (!result.diagnostics.has_errors()) result.facts = make_facts(std::move(root));
  return result;
}

ReadResult RecordReader::read(std::string_view text) {
  text = strip_bom(text);
  scratch_.assign(text.data(), text.size());
  scratch_.append(simdjson::SIMDJSON_PADDING, '\0');
  return read(scratch_.data(), text.size(), scratch_.size());
}

}  // namespace regularis::detail

namespace regularis {

ReadResult read_application(std::string_view json, const ReadOptions& options) {
  detail::RecordReader reader(options);
  return reader.read(json);
}

}  // namespace regularis
