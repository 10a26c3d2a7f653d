// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// FactValue: construction, typed access and path lookup in the fact tree.
#include "regularis/facts/fact_value.hpp"

namespace regularis {

std::string_view to_string(FactKind kind) noexcept {
  switch (kind) {
    case FactKind::unknown:
      return "unknown";
    case FactKind::boolean:
      return "boolean";
    case FactKind::integer:
      return "integer";
    case FactKind::decimal:
      return "decimal";
    case FactKind::string:
      return "string";
    case FactKind::date:
      return "date";
    case FactKind::instant:
      return "instant";
    case FactKind::country:
      return "country";
    case FactKind::list:
      return "list";
    case FactKind::object:
      return "object";
  }
  return "unknown";
}

template <class T>
FactValue FactValue::make(T value) {
  FactValue v;
  v.value_ = std::move(value);
  return v;
}

FactValue FactValue::null() { return make(Unknown{true}); }
FactValue FactValue::boolean(bool b) { return make(b); }
FactValue FactValue::integer(std::int64_t n) { return make(n); }
FactValue FactValue::decimal(Decimal d) { return make(d); }
FactValue FactValue::string(std::string s) { return make(std::move(s)); }
FactValue FactValue::date(Date d) { return make(d); }
FactValue FactValue::instant(Instant t) { return make(t); }
FactValue FactValue::country(Country c) { return make(c); }
FactValue FactValue::list(std::vector<FactValue> items) { return make(std::move(items)); }
FactValue FactValue::object(std::vector<FactField> fields) { return make(std::move(fields)); }

// The variant's alternatives are in FactKind's order.
FactKind FactValue::kind() const noexcept { return static_cast<FactKind>(value_.index()); }

bool FactValue::was_null() const noexcept {
  const auto* u = std::get_if<Unknown>(&value_);
  return u != nullptr && u->null;
}

namespace {
template <class T, class V>
std::optional<T> get_opt(const V& v) {
  if (const auto* p = std::get_if<T>(&v)) return *p;
  return std::nullopt;
}
}  // namespace

std::optional<bool> FactValue::as_bool() const noexcept { return get_opt<bool>(value_); }
std::optional<std::int64_t> FactValue::as_integer() const noexcept {
  return get_opt<std::int64_t>(value_);
}
std::optional<Decimal> FactValue::as_decimal() const noexcept {
  if (const auto* n = std::get_if<std::int64_t>(&value_)) return Decimal::from_integer(*n);
  return get_opt<Decimal>(value_);
}
const std::string* FactValue::as_string() const noexcept {
  return std::get_if<std::string>(&value_);
}
std::optional<Date> FactValue::as_date() const noexcept { return get_opt<Date>(value_); }
std::optional<Instant> FactValue::as_instant() const noexcept { return get_opt<Instant>(value_); }
std::optional<Country> FactValue::as_country() const noexcept { return get_opt<Country>(value_); }
const std::vector<FactValue>* FactValue::as_list() const noexcept {
  return std::get_if<std::vector<FactValue>>(&value_);
}
const std::vector<FactField>* FactValue::as_object() const noexcept {
  return std::get_if<std::vector<FactField>>(&value_);
}

const FactValue* FactValue::field(std::string_view name) const noexcept {
  const auto* fields = as_object();
  if (fields == nullptr) return nullptr;
  for (const auto& f : *fields) {
    if (f.name == name) return &f.value;
  }
  return nullptr;
}

const FactValue& FactValue::unknown() noexcept {
  static const FactValue kUnknown;
  return kUnknown;
}

namespace {
// Finds segments[from..count) below `node`. A key may span several segments
// ("custom.anything" matches custom, anything); nothing is allocated.
template <class Segment>
const FactValue* find_from(const FactValue& node, const Segment* segments, std::size_t count,
                           std::size_t from) noexcept {
  if (from == count) return &node;
  const auto* fields = node.as_object();
  if (fields == nullptr) return nullptr;
  // Most keys differ from the segment in their first byte: those are passed
  // over without a compare call (segments are never empty).
  const char head = std::string_view(segments[from]).front();
  for (const auto& f : *fields) {
    const std::string_view name = f.name;
    if (name.empty() || name.front() != head) continue;
    std::size_t pos = 0;
    for (std::size_t end = from; end < count; ++end) {
      const std::string_view seg = segments[end];
      if (name.compare(pos, seg.size(), seg) != 0) break;
      pos += seg.size();
      if (pos == name.size()) {
        if (const FactValue* found = find_from(f.value, segments, count, end + 1)) return found;
        break;
      }
      if (name[pos] != '.') break;
      ++pos;
    }
  }
  return nullptr;
}
}  // namespace

const FactValue& FactValue::find(const FactPath& path) const noexcept {
  const auto& segments = path.segments();
  const FactValue* found = find_from(*this, segments.data(), segments.size(), 0);
  return found != nullptr ? *found : unknown();
}

const FactValue& FactValue::find(std::string_view dotted) const {
  // The segments as views of `dotted`, checked as FactPath::parse checks
  // them, so that a lookup per evaluation allocates nothing.
  constexpr std::size_t kMaxSegments = 16;
  std::string_view segments[kMaxSegments];
  std::size_t count = 0;
  for (std::size_t start = 0;;) {
    const std::size_t dot = dotted.find('.', start);
    const std::string_view segment =
        dotted.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (!is_snake_case(segment)) return unknown();
    if (count == kMaxSegments) {
      auto path = FactPath::parse(dotted);
      return path ? find(*path) : unknown();
    }
    segments[count++] = segment;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  const FactValue* found = find_from(*this, segments, count, 0);
  return found != nullptr ? *found : unknown();
}

bool operator==(const FactValue& a, const FactValue& b) {
  if (a.value_.index() != b.value_.index()) return false;
  if (a.is_unknown()) return true;  // null and absent are the same fact
  return std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, FactValue::Unknown>) {
          return true;
        } else {
          return x == std::get<T>(b.value_);
        }
      },
      a.value_);
}

}  // namespace regularis
