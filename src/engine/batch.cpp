// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// BatchEvaluator (batch.hpp). The plan, made once per programme: the
// criteria's FastProgram and a walk tree over the application format's
// standard schema saying, for every JSON position, what the strict reader
// would check there and which slot (or field of a list slot) its value
// fills. A record is walked once with simdjson On-Demand; any value the walk
// cannot vouch for (a syntax or schema problem, a number or key it does not
// read the simple way, an instant, a dependant) makes the record go the
// ordinary way: read_application + Engine::evaluate. A list element written
// byte for byte as one walked before (most documents and payments) is not
// walked again: its cells are copied (SeenElements). Steady state allocates
// nothing: the parser, slot array, arena and remembered elements are kept
// between records.
#include "regularis/engine/batch.hpp"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <utility>

#include "regularis/core/country.hpp"
#include "regularis/core/money.hpp"
#include "regularis/facts/fact_path.hpp"
#include "regularis/facts/schema.hpp"
#include "regularis/rules/fast.hpp"

namespace regularis {

static_assert(kBatchPadding >= simdjson::SIMDJSON_PADDING, "padding for simdjson");

namespace {

namespace od = simdjson::ondemand;

constexpr std::string_view kFormat = "regularis.application/1";
constexpr std::string_view kWindowCriterion = "filed_in_window";
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
constexpr int kMaxGenericDepth = 32;
// Known keys of one object (the standard schema's fields, a programme's
// declared facts) the walk tells apart; a programme declaring more facts
// goes the ordinary way.
constexpr std::size_t kMaxKnownKeys = 256;

bool is_blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }

// Valid ISO 3166-1 alpha-2 codes, as Country::parse says, by letter pair:
// a walk checks a country with one load.
class CountryTable {
 public:
  static const CountryTable& get() {
    static const CountryTable table;
    return table;
  }
  bool valid(std::string_view s) const noexcept {
    return s.size() == 2 && is_upper(s[0]) && is_upper(s[1]) &&
           valid_[static_cast<std::size_t>((s[0] - 'A') * 26 + (s[1] - 'A'))];
  }

 private:
  CountryTable() {
    char code[2];
    for (int a = 0; a < 26; ++a) {
      for (int b = 0; b < 26; ++b) {
        code[0] = static_cast<char>('A' + a);
        code[1] = static_cast<char>('A' + b);
        valid_[static_cast<std::size_t>(a * 26 + b)] =
            static_cast<bool>(Country::parse(std::string_view(code, 2)));
      }
    }
  }
  std::array<bool, 26 * 26> valid_{};
};

// ISO 4217 codes as Currency::parse says, remembered per code of three
// capital letters as they are met (asking for all 17,576 up front would
// cost milliseconds). One per walker: not shared between threads.
class CurrencyMemo {
 public:
  bool valid(std::string_view s) {
    if (s.size() != 3 || !is_upper(s[0]) || !is_upper(s[1]) || !is_upper(s[2])) return false;
    std::int8_t& known =
        known_[static_cast<std::size_t>(((s[0] - 'A') * 26 + (s[1] - 'A')) * 26 + (s[2] - 'A'))];
    if (known == 0) known = Currency::parse(s) ? 1 : -1;
    return known > 0;
  }

 private:
  std::array<std::int8_t, 26 * 26 * 26> known_{};  // 0 not asked, 1 valid, -1 not
};

// A country code's cell value: first letter * 256 + second.
std::int64_t country_value(std::string_view s) noexcept {
  return static_cast<unsigned char>(s[0]) * 256 + static_cast<unsigned char>(s[1]);
}

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// A date YYYY-MM-DD that Date::parse accepts, into a cell (days and ymd).
bool parse_date(std::string_view s, FastCell& cell) noexcept {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
    if (!is_digit(s[i])) return false;
  }
  auto num = [&](std::size_t from, std::size_t count) {
    int n = 0;
    for (std::size_t i = from; i < from + count; ++i) n = n * 10 + (s[i] - '0');
    return n;
  };
  const int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int last = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  if (d > last) return false;
  cell.known = true;
  cell.i = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  cell.n = y * 10000 + m * 100 + d;
  return true;
}

// A number the simple way: -?(0|[1-9][0-9]*)(\.[0-9]+)? with at most 18
// digits in all: the value Decimal::parse (or the reader's int64) gives.
// `scale` is the number of fraction digits; false for anything else.
bool parse_number(std::string_view s, std::int64_t& coefficient, int& scale) noexcept {
  std::size_t i = 0;
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) ++i;
  if (i >= s.size() || !is_digit(s[i])) return false;
  if (s[i] == '0' && i + 1 < s.size() && is_digit(s[i + 1])) return false;
  std::int64_t value = 0;
  int digits = 0;
  while (i < s.size() && is_digit(s[i])) {
    value = value * 10 + (s[i++] - '0');
    if (++digits > 18) return false;
  }
  scale = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (i >= s.size() || !is_digit(s[i])) return false;
    while (i < s.size() && is_digit(s[i])) {
      value = value * 10 + (s[i++] - '0');
      ++scale;
      if (++digits > 18) return false;
    }
  }
  if (i != s.size()) return false;
  coefficient = negative ? -value : value;
  return true;
}

// A key as written, when it has no escape (else false: the ordinary way).
bool plain_key(od::field& f, std::string_view& key) noexcept {
  const char* start = f.key().raw();
  const char* end = start;
  while (*end != '"') {
    if (*end == '\\') return false;
    ++end;
  }
  key = std::string_view(start, static_cast<std::size_t>(end - start));
  return true;
}

// The known keys (by index) an object has had so far, to find a repeated
// one: one word for an object of the standard schema (at most 64 fields:
// checked when the plan is made), several for a programme's declared facts.
template <std::size_t kWords>
class SeenKeys {
 public:
  /// False when key `k` was had before.
  bool insert(std::size_t k) noexcept {
    const std::uint64_t bit = std::uint64_t{1} << (k % 64);
    std::uint64_t& word = words_[k / 64];
    if ((word & bit) != 0) return false;
    word |= bit;
    return true;
  }

 private:
  std::uint64_t words_[kWords] = {};
};
using FewKeys = SeenKeys<1>;
using ManyKeys = SeenKeys<kMaxKnownKeys / 64>;

// Keys of one object, to find a repeated one (the reader reports it). The
// arrays are left uninitialised: only the first size_ entries are read.
class KeySet {
 public:
  KeySet() {}  // NOLINT: deliberately uninitialised
  bool insert(std::string_view key) {
    std::uint64_t print = key.size();
    std::memcpy(&print, key.data(), std::min<std::size_t>(key.size(), 7));
    print = (print << 8) | (key.size() & 0xFF);
    for (std::size_t k = 0; k < size_; ++k) {
      if (prints_[k] == print && sizes_[k] == key.size() &&
          std::memcmp(data_[k], key.data(), key.size()) == 0) {
        return false;
      }
    }
    if (size_ == kCapacity) return false;  // too many to track: the ordinary way
    data_[size_] = key.data();
    sizes_[size_] = key.size();
    prints_[size_] = print;
    ++size_;
    return true;
  }

 private:
  static constexpr std::size_t kCapacity = 64;
  const char* data_[kCapacity];
  std::size_t sizes_[kCapacity];
  std::uint64_t prints_[kCapacity];  // the first 7 bytes and the length
  std::size_t size_ = 0;
};

// Elements of lists of objects already walked, by their exact bytes. An
// element written byte for byte as one that passed the walk passes it again
// and fills the same cells (an element's walk reads nothing outside it and
// writes only its own cells), so its cells are copied and On-Demand skips
// it. Most records repeat most of their documents and payments. Direct-
// mapped by the list and the element's first 32 bytes; an element met often
// keeps its place against ones met once. One per walker.
class SeenElements {
 public:
  struct Entry {
    const void* list = nullptr;
    std::string text;             // '{' to '}', as written
    std::vector<FastCell> cells;  // what it fills; strings point into `strings`
    std::string strings;
    std::uint32_t hits = 0;
  };

  /// The entry for the element of `list` whose bytes start at `at` (the
  /// record's end at `end`, padding after it), or null.
  const Entry* find(const void* list, const char* at, const char* end) {
    Entry& e = table_[index(list, at)];
    if (e.list != list || e.text.size() > static_cast<std::size_t>(end - at) ||
        std::memcmp(e.text.data(), at, e.text.size()) != 0) {
      return nullptr;
    }
    if (e.hits < kMaxHits) ++e.hits;
    return &e;
  }

  /// Remembers the element `text` of `list`, just walked, and its `n` cells.
  void remember(const void* list, std::string_view text, const FastCell* cells, std::size_t n) {
    if (text.size() > kMaxText) return;
    Entry& e = table_[index(list, text.data())];
    if (e.list != nullptr && e.hits > 0) {  // a frequent element keeps its place a while
      --e.hits;
      return;
    }
    e.list = list;
    e.text.assign(text);
    e.hits = 0;
    e.cells.assign(cells, cells + n);
    e.strings.clear();
    for (const FastCell& c : e.cells) {
      if (c.text != nullptr) e.strings.append(c.text, static_cast<std::size_t>(c.n));
    }
    std::size_t offset = 0;
    for (FastCell& c : e.cells) {
      if (c.text == nullptr) continue;
      c.text = e.strings.data() + offset;
      offset += static_cast<std::size_t>(c.n);
    }
  }

 private:
  static constexpr int kBits = 6;
  static constexpr std::size_t kMaxText = 256;
  static constexpr std::uint32_t kMaxHits = 1U << 20;

  // Reads 32 bytes at `at` (past a short element they are the record's next
  // bytes or its padding): elements often share their first 16.
  static std::size_t index(const void* list, const char* at) noexcept {
    std::uint64_t w[4];
    std::memcpy(w, at, sizeof w);
    const std::uint64_t h = ((w[0] ^ w[2]) * 0x9E3779B97F4A7C15ULL) ^
                            ((w[1] ^ w[3]) * 0xC2B2AE3D27D4EB4FULL) ^
                            static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(list));
    return static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ULL) >> (64 - kBits));
  }

  std::vector<Entry> table_ = std::vector<Entry>(std::size_t{1} << kBits);
};

}  // namespace

// ---- the plan --------------------------------------------------------------

namespace {

// A field name as it is compared with keys written in a record: the first
// 32 bytes of the name and its closing quote, as four words and masks, so
// that keys are matched with four loads and no call.
class KeyName {
 public:
  KeyName() = default;
  explicit KeyName(std::string name) : name_(std::move(name)) {
    char text[kBytes] = {};
    char ones[kBytes] = {};
    const std::string quoted = name_ + '"';
    const std::size_t n = std::min(quoted.size(), kBytes);
    std::memcpy(text, quoted.data(), n);
    std::memset(ones, 0xFF, n);
    std::memcpy(word_, text, kBytes);
    std::memcpy(mask_, ones, kBytes);
    words_ = (n + 7) / 8;
  }
  const std::string& str() const noexcept { return name_; }

  /// `key` is a key as written, readable for 32 bytes (simdjson's padding
  /// makes it so). A key with escapes matches no name. Most names differ
  /// from a key in their first word, and most are shorter than 16 bytes.
  bool matches(od::raw_json_string key) const noexcept {
    std::uint64_t k[kWords];
    std::memcpy(k, key.raw(), kBytes);
    if (((k[0] & mask_[0]) ^ word_[0]) != 0) return false;
    if (words_ == 1) return true;
    std::uint64_t diff = (k[1] & mask_[1]) ^ word_[1];
    if (words_ > 2) diff |= ((k[2] & mask_[2]) ^ word_[2]) | ((k[3] & mask_[3]) ^ word_[3]);
    if (diff != 0) return false;
    return name_.size() < kBytes || key.unsafe_is_equal(name_);
  }

 private:
  static constexpr std::size_t kWords = 4;
  static constexpr std::size_t kBytes = kWords * 8;
  std::string name_;
  std::uint64_t word_[kWords] = {};
  std::uint64_t mask_[kWords] = {};
  std::size_t words_ = 1;  // words holding the name and its quote
};

static_assert(kBatchPadding >= 32, "KeyName and SeenElements read 32 bytes at a time");

// One JSON position of the standard schema, with what fills from it.
struct WalkNode {
  const SchemaNode* schema = nullptr;  // null: generic (`facts`)
  KeyName name;
  std::vector<WalkNode> children;     // object fields, in schema order
  std::unique_ptr<WalkNode> element;  // list and map
  int slot = -1;                      // the slot this value fills (index into FastProgram::slots())
  std::size_t field = kNone;          // compact field index in the enclosing bound record
  bool ordinary_if_given = false;     // a value here needs the whole record (documents[].holder)
  // root fields, and applicant.nationalities (kept for BatchRecord)
  enum class Role {
    none,
    id,
    programme,
    dependants,
    format,
    facts,
    nationalities
  } role = Role::none;
  // map (declarations) and generic (facts): keys filling slots
  std::vector<std::pair<std::string, int>> bound_keys;
  // a declared fact (a key of `facts`): its type, and its values (none: any)
  ValueKind declared = ValueKind::string;
  const std::vector<std::string>* values = nullptr;
};

std::unique_ptr<WalkNode> build_walk(const SchemaNode& schema, std::string name) {
  auto n = std::make_unique<WalkNode>();
  n->schema = &schema;
  n->name = KeyName(std::move(name));
  if (schema.type == FieldType::object) {
    n->children.reserve(schema.fields.size());
    for (const SchemaField& f : schema.fields) {
      n->children.push_back(std::move(*build_walk(f.node, f.name)));
    }
  } else if ((schema.type == FieldType::list || schema.type == FieldType::map) && schema.element) {
    n->element = build_walk(*schema.element, "");
  }
  return n;
}

// Whether every object below `n` has at most 64 fields (FewKeys tells them apart).
bool few_keys(const WalkNode& n) {
  if (n.children.size() > 64) return false;
  for (const WalkNode& c : n.children) {
    if (!few_keys(c)) return false;
  }
  return n.element == nullptr || few_keys(*n.element);
}

WalkNode* child_of(WalkNode& n, std::string_view name) {
  for (auto& c : n.children) {
    if (c.name.str() == name) return &c;
  }
  return nullptr;
}

bool scalar_matches(FieldType type, ValueKind kind) {
  switch (type) {
    case FieldType::boolean:
      return kind == ValueKind::boolean;
    case FieldType::integer:
      return kind == ValueKind::integer;
    case FieldType::decimal:
      return kind == ValueKind::decimal;
    case FieldType::string:
      return kind == ValueKind::string;
    case FieldType::date:
      return kind == ValueKind::date;
    case FieldType::country:
      return kind == ValueKind::country;
    default:
      return false;  // date_or_instant only as filed_at -> filing_date
  }
}

bool generic_kind_ok(ValueKind kind) {
  return kind == ValueKind::boolean || kind == ValueKind::integer || kind == ValueKind::decimal ||
         kind == ValueKind::string || kind == ValueKind::date || kind == ValueKind::country;
}

}  // namespace

struct BatchEvaluator::Plan {
  Programme programme;
  EvaluationOptions options;
  ReadOptions read_options;
  Engine engine;
  std::string sha256;
  bool accelerated = false;
  // fast only
  const ProgrammeVersion* version = nullptr;
  std::optional<FastProgram> fast;
  std::unique_ptr<WalkNode> root;
  int filing_slot = -1;  // FactId of filing_date, or -1
  int as_of_slot = -1;
  std::vector<std::string> not_met;  // "<criterion>.not_met"
  std::string window_not_met;
  std::vector<bool> snake_case_ids;  // by string id: is the constant snake_case

  Plan(const Programme& p, EvaluationOptions o, ReadOptions r)
      : programme(p), options(std::move(o)), read_options(r) {
    sha256 = programme.sha256();
    accelerated = prepare();
  }

  bool prepare() {
    if (options.explain || read_options.strict) return false;
    if (programme.versions().size() != 1) return false;
    const ProgrammeVersion& v = programme.versions().front();
    if (!v.route_fact.empty() || !v.routes.empty() || !v.documents.empty() || !v.fees.empty()) {
      return false;
    }
    if (v.window.opens_at || v.window.closes_at || v.window.per_applicant) return false;
    std::vector<const CompiledExpression*> exprs;
    for (const Criterion& c : v.criteria) {
      if (!c.routes.empty() || !c.require.compiled) return false;
      exprs.push_back(&*c.require.compiled);
      not_met.push_back(c.id + ".not_met");
    }
    window_not_met = std::string(kWindowCriterion) + ".not_met";
    version = &v;
    fast = FastProgram::compile(exprs, *v.slots);
    if (!fast) return false;
    root = build_walk(Schema::standard().root(), "");
    if (!few_keys(*root)) return false;
    for (WalkNode& c : root->children) {
      if (c.name.str() == "id") c.role = WalkNode::Role::id;
      if (c.name.str() == "programme") c.role = WalkNode::Role::programme;
      if (c.name.str() == "dependants") c.role = WalkNode::Role::dependants;
      if (c.name.str() == "format") c.role = WalkNode::Role::format;
      if (c.name.str() == "facts") c.role = WalkNode::Role::facts;
    }
    // The programme's declared facts are the known keys of `facts`, each
    // checked by its declaration as the engine checks it; a declaration the
    // walk cannot check (a list, a period, a name with dots) leaves every
    // record to the ordinary way.
    if (WalkNode* facts = child_of(*root, "facts")) {
      for (const FactDeclaration& d : programme.facts()) {
        if (d.path.rfind("facts.", 0) != 0) return false;
        const std::string name = d.path.substr(6);
        const ValueKind kind = kind_of(d.type);
        if (name.find('.') != std::string::npos || facts->children.size() == kMaxKnownKeys ||
            !generic_kind_ok(kind)) {
          return false;
        }
        WalkNode key;
        key.name = KeyName(name);
        key.declared = kind;
        if (!d.values.empty()) key.values = &d.values;
        facts->children.push_back(std::move(key));
      }
    }
    if (WalkNode* applicant = child_of(*root, "applicant")) {
      if (WalkNode* n = child_of(*applicant, "nationalities"))
        n->role = WalkNode::Role::nationalities;
    }
    // A document's holder must name a dependant: checked across the record.
    if (WalkNode* docs = child_of(*root, "documents"); docs != nullptr && docs->element) {
      if (WalkNode* holder = child_of(*docs->element, "holder")) holder->ordinary_if_given = true;
    }
    for (std::size_t id = 0; id < fast->string_count(); ++id) {
      snake_case_ids.push_back(is_snake_case(fast->string_of(static_cast<std::int32_t>(id))));
    }
    const auto& slots = fast->slots();
    for (std::size_t k = 0; k < slots.size(); ++k) {
      if (!bind(slots[k], static_cast<int>(k))) return false;
    }
    return true;
  }

  // Ties a slot to the walk tree; false when the fast walk cannot fill it.
  bool bind(const FastSlot& s, int index) {
    if (s.path == "filing_date") {
      filing_slot = s.id;
      return s.kind == ValueKind::date;
    }
    if (s.path == "as_of") {
      as_of_slot = s.id;
      return s.kind == ValueKind::date;
    }
    if (s.path == "document") return true;  // only in document conditions: stays unknown
    auto path = FactPath::parse(s.path);
    if (!path) return false;
    const auto& segments = path->segments();
    WalkNode* n = root.get();
    for (std::size_t k = 0; k < segments.size(); ++k) {
      const std::string& seg = segments[k];
      const FieldType type = n->schema->type;
      if (type == FieldType::object) {
        n = child_of(*n, seg);
        if (n == nullptr) return false;
        continue;
      }
      // A map (declarations) or generic (facts) value: the last segment is a key.
      if (k + 1 != segments.size() || seg.find('.') != std::string::npos) return false;
      if (type == FieldType::map) {
        if (!n->element || !scalar_matches(n->element->schema->type, s.kind)) return false;
        n->bound_keys.emplace_back(seg, index);
        return true;
      }
      if (type != FieldType::any || n->role != WalkNode::Role::facts) return false;
      WalkNode* key = child_of(*n, seg);  // a declared fact
      if (key == nullptr || key->slot >= 0 || !generic_kind_ok(s.kind)) return false;
      key->slot = index;
      return true;
    }
    if (n->slot >= 0) return false;
    const FieldType type = n->schema->type;
    if (s.kind == ValueKind::list) {
      if (type != FieldType::list || !n->element) return false;
      WalkNode& e = *n->element;
      if (s.element == ValueKind::record) {
        if (e.schema->type != FieldType::object) return false;
        if (!bind_fields(e, s)) return false;
      } else if (!scalar_matches(e.schema->type, s.element)) {
        return false;
      }
    } else if (s.kind == ValueKind::record) {
      if (type != FieldType::object || !bind_fields(*n, s)) return false;
    } else if (!scalar_matches(type, s.kind)) {
      return false;
    }
    n->slot = index;
    return true;
  }

  static bool bind_fields(WalkNode& object, const FastSlot& s) {
    for (std::size_t f = 0; f < s.fields.size(); ++f) {
      WalkNode* c = child_of(object, s.fields[f]);
      if (c == nullptr || c->field != kNone || !scalar_matches(c->schema->type, s.field_kinds[f])) {
        return false;
      }
      c->field = f;
    }
    return true;
  }
};

// ---- the walk --------------------------------------------------------------

struct BatchEvaluator::Scratch {
  od::parser parser;
  std::vector<FastCell> slots;
  std::vector<FastCell> arena;  // cells [0, arena_used) belong to this record
  std::size_t arena_used = 0;
  std::vector<std::uint8_t> results;
  const Plan* plan = nullptr;
  const FastProgram* fast = nullptr;
  const FastSlot* fast_slots = nullptr;  // fast->slots(), looked up once
  const CountryTable& countries = CountryTable::get();
  CurrencyMemo currencies;
  SeenElements walked;  // list elements walked before, by their bytes
  // per record
  od::document* doc = nullptr;  // the record being walked
  const char* end = nullptr;    // its last byte's successor (padding follows)
  std::string_view id;
  std::string_view programme;           // the record's own `programme`
  std::string nationalities;            // two letters each
  std::string* countries_to = nullptr;  // where a list's countries go, while walking it
  bool has_format = false;
  bool filed = false;
  FastCell filing;

  explicit Scratch(const Plan& p) : plan(&p) {
    if (p.accelerated) {
      fast = &*p.fast;
      fast_slots = fast->slots().data();
      slots.resize(fast->slot_count());
      results.resize(fast->size());
    }
  }

  // `n` unknown cells at the end of the record's arena; the first one's index.
  // The arena only grows, so a steady state allocates nothing.
  std::size_t arena_push(std::size_t n) {
    const std::size_t at = arena_used;
    if (at + n > arena.size()) arena.resize(std::max(arena.size() * 2, at + n));
    std::fill_n(arena.begin() + static_cast<std::ptrdiff_t>(at), n, FastCell{});
    arena_used = at + n;
    return at;
  }

  // Where a value goes: a slot cell, a field cell of a bound record, or nowhere.
  FastCell* target(const WalkNode& n, std::size_t record_base) {
    if (n.slot >= 0) return &slots[fast_slots[n.slot].id];
    if (n.field != kNone && record_base != kNone) return &arena[record_base + n.field];
    return nullptr;
  }

  bool string_value(od::value& v, std::string_view& s) {
    return v.get_string().get(s) == simdjson::SUCCESS;
  }

  static void store_string(FastCell* t, std::string_view s, std::int32_t id) {
    if (t == nullptr) return;
    t->known = true;
    t->text = s.data();
    t->n = static_cast<std::int32_t>(s.size());
    t->id = id;
  }

  // A scalar of the standard schema, checked as the reader checks it: read
  // as its type at once (null, or any other type, is false: the caller
  // decides whether null may stand there).
  bool scalar(od::value& v, const SchemaNode& schema, FastCell* t) {
    switch (schema.type) {
      case FieldType::boolean: {
        bool b = false;
        if (v.get_bool().get(b) != simdjson::SUCCESS) return false;
        if (t != nullptr) {
          t->known = true;
          t->i = b ? 1 : 0;
        }
        return true;
      }
      case FieldType::integer: {
        std::int64_t c = 0;
        if (!integer_value(v, c)) return false;
        if (t != nullptr) {
          t->known = true;
          t->i = c;
          t->n = 0;  // an integer's scale, should it meet a decimal
        }
        return true;
      }
      case FieldType::decimal: {  // a JSON number, or a string holding one
        std::string_view text = trim(v.raw_json_token());
        if (!text.empty() && text.front() == '"' && !string_value(v, text)) return false;
        std::int64_t c = 0;
        int scale = 0;
        if (!parse_number(text, c, scale)) return false;
        if (schema.check == FieldCheck::non_negative && c < 0) return false;
        if (t != nullptr) {
          t->known = true;
          t->i = c;
          t->n = scale;
        }
        return true;
      }
      case FieldType::string: {
        std::string_view s;
        if (!string_value(v, s)) return false;
        if (!schema.vocabulary.empty() &&
            std::find(schema.vocabulary.begin(), schema.vocabulary.end(), s) ==
                schema.vocabulary.end()) {
          return false;
        }
        std::int32_t sid = -2;  // not looked up
        switch (schema.check) {
          case FieldCheck::none:
          case FieldCheck::non_negative:
            break;
          case FieldCheck::snake_case:
            if (t == nullptr) {  // read by no criterion: only checked
              if (!is_snake_case(s)) return false;
              break;
            }
            sid = fast->string_id(s);
            if (sid >= 0 ? !plan->snake_case_ids[static_cast<std::size_t>(sid)]
                         : !is_snake_case(s)) {
              return false;
            }
            break;
          case FieldCheck::currency:
            if (!currencies.valid(s)) return false;
            break;
          case FieldCheck::format_tag:
            if (s != kFormat) return false;
            has_format = true;
            break;
          default:  // region, time zone: the ordinary way
            return false;
        }
        if (t != nullptr) store_string(t, s, sid == -2 ? fast->string_id(s) : sid);
        return true;
      }
      case FieldType::date: {
        std::string_view s;
        if (!string_value(v, s)) return false;
        FastCell d;
        if (!parse_date(s, d)) return false;
        if (t != nullptr) *t = d;
        return true;
      }
      case FieldType::date_or_instant: {  // filed_at: a bare date only
        std::string_view s;
        if (!string_value(v, s)) return false;
        if (!parse_date(s, filing)) return false;
        filed = true;
        return true;
      }
      case FieldType::country: {
        std::string_view s;
        if (!string_value(v, s) || !countries.valid(s)) return false;
        if (t != nullptr) {
          t->known = true;
          t->i = country_value(s);
        }
        if (countries_to != nullptr) countries_to->append(s);
        return true;
      }
      default:
        return false;
    }
  }

  // A value of the standard schema (null: absent), read as its type at
  // once; only when that fails is it tried as null.
  bool value(od::value& v, const WalkNode& n, std::size_t record_base) {
    if (n.ordinary_if_given) return is_null(v);
    const SchemaNode& schema = *n.schema;
    switch (schema.type) {
      case FieldType::object: {
        od::object o;
        if (v.get_object().get(o) != simdjson::SUCCESS) return is_null(v);
        (void)record_base;  // fields of a bound record are scalars: nothing below inherits it
        std::size_t base = kNone;
        if (n.slot >= 0) {  // a bound record
          base = arena_push(fast_slots[n.slot].fields.size());
          FastCell& cell = slots[fast_slots[n.slot].id];
          cell.known = true;
          cell.i = static_cast<std::int64_t>(base);
        }
        return object(o, n, base);
      }
      case FieldType::list: {
        od::array a;
        if (v.get_array().get(a) != simdjson::SUCCESS) return is_null(v);
        return list(a, n, record_base);
      }
      case FieldType::map:
        return map(v, n);
      case FieldType::any:
        if (n.role == WalkNode::Role::facts) {
          od::object o;
          if (v.get_object().get(o) == simdjson::SUCCESS) return facts_object(o, n);
        }
        return generic(v, 0);
      default:
        return scalar(v, schema, target(n, record_base)) || is_null(v);
    }
  }

  bool list(od::array a, const WalkNode& n, std::size_t record_base) {
    if (n.role == WalkNode::Role::nationalities) {
      countries_to = &nationalities;
      const bool ok = elements(a, n, record_base);
      countries_to = nullptr;
      return ok;
    }
    return elements(a, n, record_base);
  }

  // Where the value `v` starts in the record.
  static const char* start_of(od::value& v) { return v.raw_json_token().data(); }

  // The element of `list` that started at `start` and was just walked,
  // filling `n` cells at `cells`: remembered when it is an object as written.
  void remember_element(const WalkNode& list, const char* start, const FastCell* cells,
                        std::size_t n) {
    const char* after = nullptr;
    if (start == nullptr || doc->current_location().get(after) != simdjson::SUCCESS) return;
    std::string_view text(start, static_cast<std::size_t>(after - start));
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    if (text.size() < 2 || text.front() != '{' || text.back() != '}') return;
    walked.remember(&list, text, cells, n);
  }

  bool elements(od::array a, const WalkNode& n, std::size_t record_base) {
    const WalkNode& e = *n.element;
    const bool objects = e.schema->type == FieldType::object;
    if (n.slot < 0) {
      for (auto item : a) {
        if (item.error() != simdjson::SUCCESS) return false;
        od::value& v = item.value_unsafe();
        const char* start = objects ? start_of(v) : nullptr;
        if (start != nullptr && walked.find(&n, start, end) != nullptr) continue;
        if (!value(v, e, kNone)) return false;
        if (start != nullptr) remember_element(n, start, nullptr, 0);
      }
      (void)record_base;
      return true;
    }
    const FastSlot& s = fast_slots[n.slot];
    // The elements are laid out after everything read so far; an element
    // may not itself fill the arena (no nested lists), so they stay together.
    const std::size_t stride = s.element == ValueKind::record ? s.fields.size() : 1;
    const std::size_t base = arena_used;
    std::int32_t count = 0;
    for (auto item : a) {
      if (item.error() != simdjson::SUCCESS) return false;
      od::value& v = item.value_unsafe();
      const char* start = objects ? start_of(v) : nullptr;
      if (start != nullptr) {
        if (const SeenElements::Entry* known = walked.find(&n, start, end)) {
          const std::size_t at = arena_push(stride);
          std::copy(known->cells.begin(), known->cells.end(),
                    arena.begin() + static_cast<std::ptrdiff_t>(at));
          ++count;
          continue;  // On-Demand skips the element
        }
      }
      const std::size_t at = arena_push(stride);
      if (s.element == ValueKind::record) {  // null elements fail, as other types
        od::object o;
        if (v.get_object().get(o) != simdjson::SUCCESS || !object(o, e, at)) return false;
        if (start != nullptr) remember_element(n, start, &arena[at], stride);
      } else if (!scalar(v, *e.schema, &arena[at])) {
        return false;
      }
      ++count;
    }
    FastCell& cell = slots[s.id];
    cell.known = true;
    cell.i = static_cast<std::int64_t>(base);
    cell.n = count;
    return true;
  }

  // The fields of an object whose known keys are `n`'s children: each known
  // field (once: a repeated key fails) goes to `known(child, value)`; an
  // unknown key (once) is checked as a generic value `depth` deep; a key
  // written with escapes fails (the ordinary way reads it).
  template <typename Seen = FewKeys, typename Known>
  bool fields(od::object& o, const WalkNode& n, int depth, Known&& known) {
    Seen seen;
    std::size_t cursor = 0;
    KeySet unknown;
    const std::size_t count = n.children.size();
    for (auto item : o) {
      if (item.error() != simdjson::SUCCESS) return false;
      od::field& f = item.value_unsafe();  // used in place: copying it stalls
      const std::size_t found = find_child(n, f.key(), cursor);
      if (found == kNone) {
        std::string_view key;
        if (!plain_key(f, key) || !unknown.insert(key) || !generic(f.value(), depth)) {
          return false;
        }
        continue;
      }
      if (!seen.insert(found)) return false;  // a repeated key
      cursor = found + 1 == count ? 0 : found + 1;
      if (!known(n.children[found], f.value())) return false;
    }
    return true;
  }

  bool object(od::object o, const WalkNode& n, std::size_t record_base) {
    return fields(
        o, n, 0, [&](const WalkNode& child, od::value& v) { return value(v, child, record_base); });
  }

  // Fields of the record itself: `id` and `programme` are kept; dependants
  // are left to the ordinary way (their ids and document holders are checked
  // across the record).
  bool root_field(od::value& v, const WalkNode& child) {
    if (child.role == WalkNode::Role::id || child.role == WalkNode::Role::programme) {
      std::string_view s;
      if (!string_value(v, s)) return is_null(v);
      (child.role == WalkNode::Role::id ? id : programme) = s;
      return true;
    }
    if (child.role == WalkNode::Role::dependants) {
      od::array a;
      if (v.get_array().get(a) != simdjson::SUCCESS) return is_null(v);
      std::size_t count = 0;
      if (a.count_elements().get(count) != simdjson::SUCCESS || count != 0) return false;
      if (child.slot >= 0) {  // a known empty list
        FastCell& cell = slots[fast_slots[child.slot].id];
        cell.known = true;
        cell.i = static_cast<std::int64_t>(arena_used);
        cell.n = 0;
      }
      return true;
    }
    if (child.role == WalkNode::Role::format) return scalar(v, *child.schema, nullptr);  // not null
    return value(v, child, kNone);
  }

  // declarations: an object of booleans.
  bool map(od::value& v, const WalkNode& n) {
    od::object o;
    if (v.get_object().get(o) != simdjson::SUCCESS) return is_null(v);
    KeySet keys;
    for (auto item : o) {
      if (item.error() != simdjson::SUCCESS) return false;
      od::field& f = item.value_unsafe();  // used in place: copying it stalls
      std::string_view key;
      if (!plain_key(f, key) || !keys.insert(key)) return false;
      FastCell* t = nullptr;
      for (const auto& [name, slot] : n.bound_keys) {
        if (name == key) t = &slots[fast_slots[slot].id];
      }
      od::value& child = f.value();
      if (!scalar(child, *n.element->schema, t) && !is_null(child)) return false;
    }
    return true;
  }

  // A programme-specific or unknown value: any JSON, numbers exact, no
  // repeated keys.
  bool generic(od::value& v, int depth) {
    od::json_type type{};
    if (v.type().get(type) != simdjson::SUCCESS) return false;
    return generic(v, type, depth);
  }

  bool generic(od::value& v, od::json_type type, int depth) {
    if (depth > kMaxGenericDepth) return false;
    switch (type) {
      case od::json_type::null: {
        bool is_null = false;
        return v.is_null().get(is_null) == simdjson::SUCCESS && is_null;
      }
      case od::json_type::boolean: {
        bool b = false;
        return v.get_bool().get(b) == simdjson::SUCCESS;
      }
      case od::json_type::number: {
        std::int64_t c = 0;
        int scale = 0;
        return parse_number(trim(v.raw_json_token()), c, scale);
      }
      case od::json_type::string: {
        std::string_view s;
        return string_value(v, s);
      }
      case od::json_type::array: {
        od::array a;
        if (v.get_array().get(a) != simdjson::SUCCESS) return false;
        for (auto item : a) {
          if (item.error() != simdjson::SUCCESS || !generic(item.value_unsafe(), depth + 1)) {
            return false;
          }
        }
        return true;
      }
      case od::json_type::object: {
        od::object o;
        if (v.get_object().get(o) != simdjson::SUCCESS) return false;
        KeySet keys;
        for (auto item : o) {
          if (item.error() != simdjson::SUCCESS) return false;
          od::field& f = item.value_unsafe();  // used in place: copying it stalls
          std::string_view key;
          if (!plain_key(f, key) || !keys.insert(key)) return false;
          if (!generic(f.value(), depth + 1)) return false;
        }
        return true;
      }
    }
    return false;
  }

  // The record's `facts`: the declared facts are known keys, each checked
  // by its declaration (those the programme reads fill their slots); any
  // other key is a generic value.
  bool facts_object(od::object o, const WalkNode& n) {
    const auto declared = [&](const WalkNode& child, od::value& v) {
      FastCell unread;
      FastCell& t = child.slot >= 0 ? slots[fast_slots[child.slot].id] : unread;
      if (!fact_value(v, child.declared, t, child.slot >= 0)) return false;
      return child.values == nullptr || !t.known ||
             std::find(child.values->begin(), child.values->end(),
                       std::string_view(t.text, static_cast<std::size_t>(t.n))) !=
                 child.values->end();
    };
    return fields<ManyKeys>(o, n, 1, declared);
  }

  // The index of the child whose name the key is, looking from `cursor` on
  // (keys usually come in schema order), or kNone. The key is compared as
  // written (simdjson's padding makes that safe): a key with escapes
  // matches no name, and the caller then reads it the careful way.
  static std::size_t find_child(const WalkNode& n, od::raw_json_string key, std::size_t cursor) {
    const std::size_t count = n.children.size();
    for (std::size_t at = cursor; at < count; ++at) {
      if (n.children[at].name.matches(key)) return at;
    }
    for (std::size_t at = 0; at < cursor && at < count; ++at) {
      if (n.children[at].name.matches(key)) return at;
    }
    return kNone;
  }

  // An integer as parse_number reads one (at most 18 digits, no fraction or
  // exponent), read and consumed by simdjson; false for anything else.
  static bool integer_value(od::value& v, std::int64_t& c) {
    constexpr std::int64_t kLimit = 1000000000000000000;  // 10^18: 19 digits
    return v.get_int64().get(c) == simdjson::SUCCESS && c < kLimit && c > -kLimit;
  }

  // True when `v` is null (a value that is absent: its cell stays unknown).
  static bool is_null(od::value& v) {
    bool null = false;
    return v.is_null().get(null) == simdjson::SUCCESS && null;
  }

  // A declared `facts.x` of `kind` into `t`, converted as the engine
  // converts it; a string's id is looked up only when a rule reads it. The
  // value is read as its kind at once: null is tried only when that fails.
  bool fact_value(od::value& v, ValueKind kind, FastCell& t, bool read) {
    switch (kind) {
      case ValueKind::boolean: {
        bool b = false;
        if (v.get_bool().get(b) != simdjson::SUCCESS) return is_null(v);
        t.known = true;
        t.i = b ? 1 : 0;
        return true;
      }
      case ValueKind::integer: {
        std::int64_t c = 0;
        if (!integer_value(v, c)) return is_null(v);
        t.known = true;
        t.i = c;
        t.n = 0;
        return true;
      }
      case ValueKind::decimal: {
        std::int64_t c = 0;
        int scale = 0;
        // A token that is no number the simple way (a string, true, null, an
        // exponent) fails here; only null is then a value.
        if (!parse_number(trim(v.raw_json_token()), c, scale)) return is_null(v);
        t.known = true;
        t.i = c;
        t.n = scale;
        return true;
      }
      case ValueKind::string: {
        std::string_view text;
        if (!string_value(v, text)) return is_null(v);
        store_string(&t, text, read ? fast->string_id(text) : -1);
        return true;
      }
      case ValueKind::date: {
        std::string_view text;
        if (!string_value(v, text)) return is_null(v);
        return parse_date(text, t);
      }
      case ValueKind::country: {
        std::string_view text;
        if (!string_value(v, text)) return is_null(v);
        if (!countries.valid(text)) return false;
        t.known = true;
        t.i = country_value(text);
        return true;
      }
      default:
        return false;
    }
  }

  // The fast path for one record; false: take the ordinary way.
  bool run(std::string_view text, BatchRecord& out) {
    text = trim(text);
    if (text.empty() || text.front() != '{') return false;
    std::fill(slots.begin(), slots.end(), FastCell{});
    arena_used = 0;
    id = {};
    programme = {};
    nationalities.clear();
    countries_to = nullptr;
    has_format = false;
    filed = false;
    od::document document;
    od::object root;
    if (parser.iterate(text.data(), text.size(), text.size() + kBatchPadding).get(document) !=
        simdjson::SUCCESS) {
      return false;
    }
    doc = &document;
    end = text.data() + text.size();
    if (document.get_object().get(root) != simdjson::SUCCESS) return false;
    const auto root_field_of = [&](const WalkNode& child, od::value& v) {
      return root_field(v, child);
    };
    if (!fields(root, *plan->root, 0, root_field_of)) return false;
    const char* rest = nullptr;
    if (document.current_location().get(rest) == simdjson::SUCCESS) return false;  // trailing
    if (!has_format || !filed) return false;

    const Plan& p = *plan;
    const Date filing_date = Date::from_days_since_epoch(static_cast<std::int32_t>(filing.i));
    if (p.programme.version_in_force(filing_date) != p.version) return false;
    if (p.filing_slot >= 0) slots[static_cast<std::size_t>(p.filing_slot)] = filing;
    if (p.as_of_slot >= 0 && p.options.as_of) {
      FastCell& c = slots[static_cast<std::size_t>(p.as_of_slot)];
      const Date d = *p.options.as_of;
      c.known = true;
      c.i = d.days_since_epoch();
      c.n = d.year() * 10000 + d.month() * 100 + d.day();
    }
    fast->evaluate(slots.data(), arena.data(), results.data());
    std::uint8_t worst = 0;  // 2: some criterion undecided
    for (std::uint8_t r : results) worst = std::max(worst, r);
    if (worst > 1) return false;
    const Window& w = p.version->window;
    const bool on_time =
        !((w.opens && filing_date < *w.opens) || (w.closes && filing_date > *w.closes));
    out.fast = true;
    out.id.assign(id.data(), id.size());
    out.programme.assign(programme.data(), programme.size());
    out.nationalities.assign(nationalities);
    out.filing_date = filing_date;
    out.statuses.resize(results.size() + 1);
    out.reasons.clear();
    out.statuses[0] = on_time ? CriterionStatus::met : CriterionStatus::not_met;
    if (!on_time) out.reasons.emplace_back(p.window_not_met);
    for (std::size_t k = 0; k < results.size(); ++k) {
      out.statuses[k + 1] = results[k] == 1 ? CriterionStatus::met : CriterionStatus::not_met;
    }
    for (std::size_t k = 0; k < results.size(); ++k) {
      if (results[k] != 1) out.reasons.emplace_back(p.not_met[k]);
    }
    out.outcome = out.reasons.empty() ? Outcome::eligible : Outcome::ineligible;
    return true;
  }
};

// ---- BatchEvaluator --------------------------------------------------------

BatchEvaluator::BatchEvaluator(const Programme& programme, EvaluationOptions options,
                               ReadOptions read_options)
    : plan_(std::make_shared<const Plan>(programme, std::move(options), read_options)),
      scratch_(std::make_unique<Scratch>(*plan_)) {}

BatchEvaluator::~BatchEvaluator() = default;
BatchEvaluator::BatchEvaluator(const BatchEvaluator& other)
    : plan_(other.plan_), scratch_(std::make_unique<Scratch>(*plan_)) {}
BatchEvaluator& BatchEvaluator::operator=(const BatchEvaluator& other) {
  if (this != &other) {
    plan_ = other.plan_;
    scratch_ = std::make_unique<Scratch>(*plan_);
  }
  return *this;
}
BatchEvaluator::BatchEvaluator(BatchEvaluator&&) noexcept = default;
BatchEvaluator& BatchEvaluator::operator=(BatchEvaluator&&) noexcept = default;

bool BatchEvaluator::accelerated() const noexcept { return plan_->accelerated; }
const Programme& BatchEvaluator::programme() const noexcept { return plan_->programme; }

void BatchEvaluator::evaluate(std::string_view text, std::size_t line, BatchRecord& out) {
  out.line = line;
  if (plan_->accelerated && scratch_->run(text, out)) return;
  evaluate_ordinary(text, line, out);
}

void BatchEvaluator::evaluate_ordinary(std::string_view text, std::size_t line,
                                       BatchRecord& out) const {
  out.line = line;
  out.fast = false;
  out.nationalities.clear();
  const std::string_view trimmed = trim(text);
  if (trimmed.size() >= 3 && trimmed.substr(0, 3) == "\xEF\xBB\xBF") {
    // Inside a batch a byte order mark is not skipped (read_application would).
    out.read = ReadResult();
    out.read.diagnostics.error_at_path("facts.syntax", "the record is not valid JSON", "");
  } else {
    out.read = read_application(text, plan_->read_options);
  }
  out.read.line = line;
  out.evaluation = plan_->engine.evaluate(plan_->programme, out.read, plan_->options);
}

void BatchEvaluator::materialize(const BatchRecord& record, Evaluation& out) const {
  if (!record.fast) {
    out = record.evaluation;
    return;
  }
  const Plan& p = *plan_;
  const ProgrammeVersion& v = *p.version;
  const std::string& lang =
      p.options.language.empty() ? p.programme.default_language() : p.options.language;
  out.application_id = record.id;
  out.programme_id = p.programme.id();
  out.version = v.label();
  out.programme_sha256 = p.sha256;
  out.filing_date = record.filing_date;
  out.outcome = record.outcome;
  out.criteria.resize(record.statuses.size());
  for (std::size_t k = 0; k < record.statuses.size(); ++k) {
    CriterionResult& c = out.criteria[k];
    c.status = record.statuses[k];
    c.values.clear();
    c.unknown_facts.clear();
    if (k == 0) {
      c.id = std::string(kWindowCriterion);
      c.text.clear();
      c.basis.clear();
    } else {
      const Criterion& crit = v.criteria[k - 1];
      c.id = crit.id;
      c.text = crit.text.text(lang);
      c.basis = crit.basis;
    }
  }
  out.missing.clear();
  out.documents.clear();
  out.fees.clear();
  out.deadline = v.window.closes;
  out.reasons.assign(record.reasons.begin(), record.reasons.end());
  out.diagnostics = Diagnostics();
}

}  // namespace regularis
