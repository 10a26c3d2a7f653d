// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// CaseId: the identifier of one case, as the host names it
// ("BR-2009-000123"). A vocabulary type so that a case id is never confused
// with an actor, a programme id or free text; it is checked once, when made,
// and then flows unchanged into events, the store and queries.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "regularis/core/parsed.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// The id of a case: 1 to 128 bytes of text without control characters.
/// Anything else is allowed (quotes, semicolons, non-ASCII): the store only
/// ever passes it as a parameter. Case ids are logged (they are how an
/// operator finds a case), so a host must choose ids that are not personal
/// data: a file number, never a name, a birth date or a document number.
///
///     auto id = CaseId::parse("BR-2009-000123");
///     id->str();                         // "BR-2009-000123"
///     CaseId::parse("").error();         // "a case id cannot be empty"
class REGULARIS_API CaseId {
 public:
  static constexpr std::size_t kMaxBytes = 128;

  /// Errors: `a case id cannot be empty`, `a case id has at most 128 bytes`,
  /// `a case id cannot contain control characters`.
  static Parsed<CaseId> parse(std::string_view text);

  const std::string& str() const noexcept { return value_; }

  friend bool operator==(const CaseId& a, const CaseId& b) { return a.value_ == b.value_; }
  friend bool operator!=(const CaseId& a, const CaseId& b) { return a.value_ != b.value_; }
  friend bool operator<(const CaseId& a, const CaseId& b) { return a.value_ < b.value_; }

 private:
  explicit CaseId(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

}  // namespace regularis

template <>
struct std::hash<regularis::CaseId> {
  std::size_t operator()(const regularis::CaseId& id) const noexcept {
    return std::hash<std::string>{}(id.str());
  }
};
