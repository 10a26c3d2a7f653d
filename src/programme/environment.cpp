// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// ProgrammeEnvironment: schema nodes → rules types, and the lookup the rules
// checker calls for every dotted name of an expression.
#include "programme/environment.hpp"

#include <memory>
#include <utility>
#include <vector>

namespace regularis::detail {

std::optional<Type> type_of_schema(const SchemaNode& node, const std::string& name) {
  switch (node.type) {
    case FieldType::boolean:
      return Type::boolean();
    case FieldType::integer:
      return Type::integer();
    case FieldType::decimal:
      return Type::decimal();
    case FieldType::string:
      return Type::string();
    case FieldType::date:
    case FieldType::date_or_instant:
      return Type::date();
    case FieldType::country:
      return Type::country();
    case FieldType::list: {
      if (!node.element) return std::nullopt;
      // "convictions" → records named "conviction", "documents" → "document".
      std::string element_name = name;
      if (element_name.size() > 1 && element_name.back() == 's') element_name.pop_back();
      auto element = type_of_schema(*node.element, element_name);
      if (!element) return std::nullopt;
      return Type::list_of(*element);
    }
    case FieldType::object: {
      std::vector<RecordType::Field> fields;
      for (const SchemaField& f : node.fields) {
        if (auto t = type_of_schema(f.node, f.name)) fields.push_back({f.name, *t});
      }
      return Type::record(RecordType::make(name, std::move(fields)));
    }
    case FieldType::map:
    case FieldType::any:
      return std::nullopt;
  }
  return std::nullopt;
}

namespace {

/// The standard paths' types, converted once (records are shared, so a
/// `document` is the same record type wherever it appears).
class StandardTypes {
 public:
  static const StandardTypes& get() {
    static const StandardTypes instance;
    return instance;
  }
  std::optional<Type> lookup(std::string_view dotted) const {
    auto it = cache_.find(dotted);
    if (it != cache_.end()) return it->second;
    const SchemaNode* node = Schema::standard().find(dotted);
    if (node == nullptr) return std::nullopt;
    auto dot = dotted.rfind('.');
    std::string last(dot == std::string_view::npos ? dotted : dotted.substr(dot + 1));
    return type_of_schema(*node, last);
  }
  const Type& document() const { return document_; }

 private:
  StandardTypes() {
    // Top-level fields, so that nested paths reuse the same record types.
    for (const SchemaField& f : Schema::standard().root().fields) {
      if (auto t = type_of_schema(f.node, f.name)) cache_.emplace(f.name, *t);
    }
    auto docs = cache_.find("documents");
    if (docs != cache_.end() && docs->second.kind() == TypeKind::list) {
      document_ = docs->second.element();
    }
  }
  std::map<std::string, Type, std::less<>> cache_;
  Type document_;
};

}  // namespace

ProgrammeEnvironment::ProgrammeEnvironment() : document_type_(StandardTypes::get().document()) {
  make_dependants_type();
}

bool ProgrammeEnvironment::declare(const std::string& path, Type type) {
  if (!declared_.emplace(path, std::move(type)).second) return false;
  make_dependants_type();
  return true;
}

// The standard `dependants[]` record (whose `facts` the schema leaves
// untyped) with `facts`: a record of every declared fact, named without the
// "facts." prefix ("undocumented_since", "custom.anything").
void ProgrammeEnvironment::make_dependants_type() {
  auto standard = StandardTypes::get().lookup("dependants");
  if (!standard || standard->kind() != TypeKind::list ||
      standard->element().kind() != TypeKind::record) {
    dependants_type_ = standard;
    return;
  }
  std::vector<RecordType::Field> facts;
  for (const auto& [path, type] : declared_) {
    if (path.rfind("facts.", 0) == 0) facts.push_back({path.substr(6), type});
  }
  const RecordType& dependant = standard->element().record();
  std::vector<RecordType::Field> fields = dependant.fields();
  fields.push_back({"facts", Type::record(RecordType::make(
                                 "facts", std::move(facts),
                                 "a dependant's facts are those declared under facts:"))});
  dependants_type_ =
      Type::list_of(Type::record(RecordType::make(dependant.name(), std::move(fields))));
}

std::optional<Type> ProgrammeEnvironment::lookup(std::string_view dotted_name) const {
  if (dotted_name == "facts" || dotted_name.substr(0, 6) == "facts.") {
    auto it = declared_.find(dotted_name);
    if (it == declared_.end()) return std::nullopt;
    return it->second;
  }
  if (dotted_name == "dependants") return dependants_type_;
  return StandardTypes::get().lookup(dotted_name);
}

}  // namespace regularis::detail
