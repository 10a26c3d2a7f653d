// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Facts: the checked record's accessors and the filing date in a zone.
#include "regularis/facts/facts.hpp"

namespace regularis {

namespace {
std::string string_field(const FactValue& root, std::string_view name) {
  const FactValue* v = root.field(name);
  const std::string* s = v != nullptr ? v->as_string() : nullptr;
  return s != nullptr ? *s : std::string();
}
}  // namespace

Facts::Facts(FactValue root)
    : root_(std::move(root)),
      id_(string_field(root_, "id")),
      programme_(string_field(root_, "programme")),
      format_(string_field(root_, "format")) {}

const FactValue& Facts::find(std::string_view dotted) const { return root_.find(dotted); }

std::optional<Date> Facts::filing_date(const TimeZone& zone) const {
  const FactValue* filed = root_.field("filed_at");
  if (filed == nullptr) return std::nullopt;
  if (auto d = filed->as_date()) return d;
  if (auto t = filed->as_instant()) return zone.local_date(*t);
  return std::nullopt;
}

}  // namespace regularis
