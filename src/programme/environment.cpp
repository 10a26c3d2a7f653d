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

ProgrammeEnvironment::ProgrammeEnvironment() : document_type_(StandardTypes::get().document()) {}

bool ProgrammeEnvironment::declare(const std::string& path, Type type) {
  return declared_.emplace(path, std::move(type)).second;
}

std::optional<Type> ProgrammeEnvironment::lookup(std::string_view dotted_name) const {
  if (dotted_name == "facts" || dotted_name.substr(0, 6) == "facts.") {
    auto it = declared_.find(dotted_name);
    if (it == declared_.end()) return std::nullopt;
    return it->second;
  }
  return StandardTypes::get().lookup(dotted_name);
}

}  // namespace regularis::detail
