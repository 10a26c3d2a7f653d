// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The schema of the application format's standard fields (v1 and v1.1): the
// type of each dotted path and the checks the reader applies to its values.
// The reader checks records against it; the programme loader asks it for the
// type of `applicant.entry_date` and rejects `applicant.entry_dat`. Paths under
// `facts` are programme-specific and have type `any` here.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "regularis/export.hpp"
#include "regularis/facts/fact_path.hpp"

namespace regularis {

enum class FieldType {
  boolean,
  integer,          ///< a JSON integer (int64)
  decimal,          ///< a JSON number or decimal string, read exactly
  string,           ///< see `check` and `vocabulary` for its rules
  date,             ///< "YYYY-MM-DD"
  date_or_instant,  ///< `filed_at`: a date or an instant with an offset
  country,          ///< ISO 3166-1 alpha-2
  list,             ///< elements of type `element`
  object,           ///< the named `fields`
  map,              ///< any snake_case keys, each value of type `element`
  any,              ///< programme-specific (under `facts`): any JSON value
};

/// "boolean", "integer", ...
REGULARIS_API std::string_view to_string(FieldType type) noexcept;

/// Extra rules on a value beyond its type.
enum class FieldCheck {
  none,
  non_negative,  ///< decimal: an amount, never negative
  currency,      ///< string: ISO 4217 code
  snake_case,    ///< string: an id in snake_case
  region,        ///< string: ISO 3166-2 subdivision, e.g. MX-CHP
  time_zone,     ///< string: IANA zone name
  format_tag,    ///< string: exactly "regularis.application/1"
};

struct SchemaField;

/// The type of one standard field.
///
///     const SchemaNode* n = Schema::standard().find("applicant.immigration_status");
///     n->type;         // FieldType::string
///     n->vocabulary;   // {"irregular", "regular", "protection_applicant"}
struct SchemaNode {
  FieldType type = FieldType::any;
  FieldCheck check = FieldCheck::none;
  /// The allowed values of a string field; empty when free.
  std::vector<std::string> vocabulary;
  /// The element of a list, the value of a map; null otherwise.
  std::shared_ptr<const SchemaNode> element;
  /// The fields of an object, in the order of the format's description.
  std::vector<SchemaField> fields;

  /// The named field of an object node, or null.
  REGULARIS_API const SchemaNode* field(std::string_view name) const noexcept;
};

struct SchemaField {
  std::string name;
  SchemaNode node;
};

/// The standard fields. Immutable; shareable across threads.
///
///     const Schema& s = Schema::standard();
///     s.find("applicant.entry_date")->type;         // FieldType::date
///     s.find("applicant.entry_dat");                // nullptr: no such field
///     auto* c = s.find("applicant.criminal.convictions");   // FieldType::list
///     c->element->field("category")->vocabulary;    // felony, misdemeanor, minor_offence
///     s.find("facts.custom.anything")->type;        // FieldType::any
///     s.find("declarations.no_criminal_record")->type;  // FieldType::boolean (map of booleans)
class REGULARIS_API Schema {
 public:
  static const Schema& standard();

  /// The record itself (an object).
  const SchemaNode& root() const noexcept { return *root_; }

  /// The node a path names, or null when it names no field. Steps through
  /// objects, into maps (any key) and into `any` (anything below it); it does
  /// not step into list elements: use `element` on the list's node.
  const SchemaNode* find(const FactPath& path) const noexcept;
  /// Same with a dotted string; null for an ill-formed path.
  const SchemaNode* find(std::string_view dotted) const;

 private:
  explicit Schema(std::shared_ptr<const SchemaNode> root) : root_(std::move(root)) {}
  std::shared_ptr<const SchemaNode> root_;
};

}  // namespace regularis
