// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The standard fields of the application format, v1 and the v1.1 additions
// (shared/application-format.md), written once as data. The reader checks
// records against this tree; the programme loader type-checks paths with it.
#include "regularis/facts/schema.hpp"

#include <utility>

namespace regularis {

std::string_view to_string(FieldType type) noexcept {
  switch (type) {
    case FieldType::boolean:
      return "boolean";
    case FieldType::integer:
      return "integer";
    case FieldType::decimal:
      return "decimal";
    case FieldType::string:
      return "string";
    case FieldType::date:
      return "date";
    case FieldType::date_or_instant:
      return "date or instant";
    case FieldType::country:
      return "country";
    case FieldType::list:
      return "list";
    case FieldType::object:
      return "object";
    case FieldType::map:
      return "map";
    case FieldType::any:
      return "any";
  }
  return "any";
}

const SchemaNode* SchemaNode::field(std::string_view name) const noexcept {
  for (const auto& f : fields) {
    // Length and first byte before the bytes: most names differ there.
    if (f.name.size() == name.size() && (name.empty() || f.name[0] == name[0]) && f.name == name) {
      return &f.node;
    }
  }
  return nullptr;
}

namespace {

SchemaNode of(FieldType type, FieldCheck check = FieldCheck::none) {
  SchemaNode n;
  n.type = type;
  n.check = check;
  return n;
}
SchemaNode boolean() { return of(FieldType::boolean); }
SchemaNode integer() { return of(FieldType::integer); }
SchemaNode decimal() { return of(FieldType::decimal); }
SchemaNode amount() { return of(FieldType::decimal, FieldCheck::non_negative); }
SchemaNode text() { return of(FieldType::string); }
SchemaNode identifier() { return of(FieldType::string, FieldCheck::snake_case); }
SchemaNode currency() { return of(FieldType::string, FieldCheck::currency); }
SchemaNode date() { return of(FieldType::date); }
SchemaNode country() { return of(FieldType::country); }
SchemaNode any() { return of(FieldType::any); }
SchemaNode vocabulary(std::vector<std::string> words) {
  SchemaNode n = of(FieldType::string);
  n.vocabulary = std::move(words);
  return n;
}
SchemaNode list(SchemaNode element) {
  SchemaNode n = of(FieldType::list);
  n.element = std::make_shared<const SchemaNode>(std::move(element));
  return n;
}
SchemaNode map(SchemaNode value) {
  SchemaNode n = of(FieldType::map);
  n.element = std::make_shared<const SchemaNode>(std::move(value));
  return n;
}
SchemaNode object(std::vector<SchemaField> fields) {
  SchemaNode n = of(FieldType::object);
  n.fields = std::move(fields);
  return n;
}

SchemaNode conviction() {
  return object({
      {"date", date()},
      {"category", vocabulary({"felony", "misdemeanor", "minor_offence"})},
      {"country", country()},
      {"offence", identifier()},
      {"sentence", text()},
      {"custody_days", integer()},
      {"max_custody_days", integer()},
      {"disclosed", boolean()},
  });
}

SchemaNode applicant() {
  return object({
      {"given_names", text()},
      {"family_name", text()},
      {"date_of_birth", date()},
      {"nationalities", list(country())},
      {"entry_date", date()},
      {"residence_since", date()},
      {"absences", list(object({{"from", date()}, {"to", date()}}))},
      {"immigration_status", vocabulary({"irregular", "regular", "protection_applicant"})},
      {"criminal",
       object({{"pending_proceedings", boolean()}, {"convictions", list(conviction())}})},
      {"employment", object({{"employed", boolean()}, {"since", date()}})},
      {"education", object({
                        {"level", vocabulary({"none", "primary", "secondary", "ged", "tertiary"})},
                        {"enrolled", boolean()},
                        {"completed_on", date()},
                        {"enrolled_since", date()},
                    })},
      {"entry_mode", vocabulary({"regular", "irregular"})},
      {"present_at_filing", boolean()},
      {"last_permit", object({{"type", identifier()}, {"from", date()}, {"to", date()}})},
      {"prior_procedure", object({{"pending", boolean()}, {"withdrawn", boolean()}})},
      {"removal", object({
                      {"proceedings_pending", boolean()},
                      {"order_in_force", boolean()},
                      {"detained", boolean()},
                  })},
      {"job_offer",
       object({
           {"sector", vocabulary({"agriculture", "domestic_work", "personal_care", "construction",
                                  "hospitality", "manufacturing", "commerce", "other"})},
           {"occupation", identifier()},
           {"region", of(FieldType::string, FieldCheck::region)},
           {"municipality", text()},
           {"duration_months", integer()},
           {"hours_per_week", decimal()},
           {"full_time", boolean()},
           {"employer", object({
                            {"type", vocabulary({"company", "household", "individual"})},
                            {"country", country()},
                            {"annual_income", amount()},
                            {"income_currency", currency()},
                            {"income_earners", integer()},
                            {"convictions", list(conviction())},
                        })},
       })},
  });
}

SchemaNode standard_root() {
  return object({
      {"format", of(FieldType::string, FieldCheck::format_tag)},
      {"id", text()},
      {"programme", text()},
      {"filed_at", of(FieldType::date_or_instant)},
      {"filed_by", vocabulary({"applicant", "employer", "representative"})},
      {"channel", vocabulary({"in_person", "online", "post"})},
      {"office",
       object({{"name", text()}, {"time_zone", of(FieldType::string, FieldCheck::time_zone)}})},
      {"applicant", applicant()},
      {"dependants",
       list(object({
           {"id", text()},
           {"relationship", vocabulary({"spouse", "partner", "child", "parent", "other"})},
           {"date_of_birth", date()},
           {"nationalities", list(country())},
           {"applying", boolean()},
           {"residence_since", date()},
           {"cohabiting_since", date()},
           {"facts", any()},
       }))},
      {"documents", list(object({
                        {"type", identifier()},
                        {"holder", text()},
                        {"number_last4", text()},
                        {"issued_on", date()},
                        {"expires_on", date()},
                        {"issued_by", country()},
                        {"expired", boolean()},
                        {"shows_date", date()},
                        {"verified", boolean()},
                        {"self_declared", boolean()},
                        {"signed_on", date()},
                    }))},
      {"payments", list(object({
                       {"fee", identifier()},
                       {"amount", amount()},
                       {"currency", currency()},
                       {"paid_on", date()},
                       {"receipt", text()},
                   }))},
      {"waivers", list(object({
                      {"fee", identifier()},
                      {"ground", identifier()},
                      {"granted", boolean()},
                      {"requested_on", date()},
                      {"decided_on", date()},
                  }))},
      {"declarations", map(boolean())},
      {"facts", any()},
  });
}

}  // namespace

const Schema& Schema::standard() {
  static const Schema kStandard(std::make_shared<const SchemaNode>(standard_root()));
  return kStandard;
}

const SchemaNode* Schema::find(const FactPath& path) const noexcept {
  const SchemaNode* node = root_.get();
  for (const auto& segment : path.segments()) {
    switch (node->type) {
      case FieldType::any:
        return node;
      case FieldType::map:
        node = node->element.get();
        break;
      case FieldType::object:
        node = node->field(segment);
        break;
      default:
        return nullptr;
    }
    if (node == nullptr) return nullptr;
  }
  return node;
}

const SchemaNode* Schema::find(std::string_view dotted) const {
  auto path = FactPath::parse(dotted);
  return path ? find(*path) : nullptr;
}

}  // namespace regularis
