// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Facts: one application, read and checked against the interchange format
// (shared/application-format.md). Only the reader (regularis/facts/read.hpp)
// makes one, so every Facts the engine sees has passed the format's rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "regularis/core/date.hpp"
#include "regularis/core/instant.hpp"
#include "regularis/export.hpp"
#include "regularis/facts/fact_path.hpp"
#include "regularis/facts/fact_value.hpp"

namespace regularis {

namespace detail {
class RecordReader;
}

/// One checked application. Owns its data; immutable and shareable across
/// threads once made.
///
///     ReadResult r = read_application(json_text);
///     const Facts& f = *r.facts;
///     f.find("applicant.entry_date").as_date();                  // 2008-11-03
///     f.find("applicant.criminal.pending_proceedings").as_bool(); // false
///     f.find("declarations.missing").is_unknown();                // true
///     f.filing_date(*TimeZone::locate("America/Sao_Paulo"));      // 2009-12-30
class REGULARIS_API Facts {
 public:
  /// The whole record as an object node.
  const FactValue& root() const noexcept { return root_; }

  /// The node at a path, or an unknown node when absent or null.
  const FactValue& find(const FactPath& path) const noexcept { return root_.find(path); }
  /// Same with a dotted string; an ill-formed path gives an unknown node.
  const FactValue& find(std::string_view dotted) const;

  /// `id`, `programme`, `format` (empty when absent).
  const std::string& id() const noexcept { return id_; }
  const std::string& programme() const noexcept { return programme_; }
  const std::string& format() const noexcept { return format_; }

  /// `filed_at` as a local date in `zone`: a bare date is already local; an
  /// instant is converted. nullopt when `filed_at` is unknown.
  std::optional<Date> filing_date(const TimeZone& zone) const;

 private:
  friend class detail::RecordReader;
  explicit Facts(FactValue root);

  FactValue root_;
  std::string id_;
  std::string programme_;
  std::string format_;
};

}  // namespace regularis
