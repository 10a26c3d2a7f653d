// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// FactPath: the dotted name by which programme files and hosts refer to one
// fact of an application (`applicant.entry_date`, `facts.custom.anything`).
// It is checked once, when made; the facts tree and the schema are looked up
// with it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regularis/core/parsed.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// A dotted path of snake_case segments (`[a-z][a-z0-9_]*`), at least one.
///
///     auto p = FactPath::parse("applicant.criminal.convictions");
///     p->segments().size();              // 3
///     p->to_string();                    // "applicant.criminal.convictions"
///     FactPath::parse("applicant.Entry");  // fails: `"applicant.Entry" is not a fact path:
///                                          //  segment "Entry" is not snake_case`
class REGULARIS_API FactPath {
 public:
  static Parsed<FactPath> parse(std::string_view dotted);

  const std::vector<std::string>& segments() const noexcept { return segments_; }
  /// The first segment ("applicant").
  const std::string& head() const noexcept { return segments_.front(); }
  /// "applicant.entry_date".
  std::string to_string() const;

  friend bool operator==(const FactPath& a, const FactPath& b) {
    return a.segments_ == b.segments_;
  }
  friend bool operator!=(const FactPath& a, const FactPath& b) { return !(a == b); }
  friend bool operator<(const FactPath& a, const FactPath& b) { return a.segments_ < b.segments_; }

 private:
  explicit FactPath(std::vector<std::string> segments) : segments_(std::move(segments)) {}
  std::vector<std::string> segments_;
};

/// True for a snake_case identifier: `[a-z][a-z0-9_]*`.
REGULARIS_API bool is_snake_case(std::string_view text) noexcept;

/// One step of a path into an application's data as CSV headers and
/// diagnostics write it ("documents[0].type"): a snake_case key, and an index
/// when the key holds a list.
struct DataStep {
  std::string key;
  std::optional<std::size_t> index;
};

/// Splits a data path into its steps, or says why it is not one:
///
///     parse_data_path("dependants[0].facts.x");  // {dependants, 0}, {facts}, {x}
///     parse_data_path("documents[x].type").error();
///         // "\"documents[x].type\" is not a fact path: \"[x]\" is not an index like [0]"
REGULARIS_API Parsed<std::vector<DataStep>> parse_data_path(std::string_view path);

}  // namespace regularis
