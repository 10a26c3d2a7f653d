// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Stage 1, load: YAML text → ProgrammeSource. yaml-cpp parses; its tree is
// copied into our own SourceNode tree with every node's mark and scalar style,
// duplicate keys kept. A YAML syntax error becomes one diagnostic at the mark
// yaml-cpp gives. This is the only file that includes yaml-cpp.
#include <yaml-cpp/yaml.h>

#include <string>
#include <utility>

#include "programme/source_impl.hpp"
#include "regularis/programme/load.hpp"

namespace regularis {

namespace {

using detail::NodeKind;
using detail::ScalarStyle;
using detail::SourceDocument;
using detail::SourceEntry;
using detail::SourceNode;
using detail::YamlMark;

YamlMark to_mark(const YAML::Mark& m) { return YamlMark{m.pos, m.line, m.column}; }

ScalarStyle style_of(const YAML::Node& node, const std::string& text) {
  if (node.Tag() != "!") return ScalarStyle::plain;
  const auto pos = node.Mark().pos;
  if (pos < 0 || static_cast<std::size_t>(pos) >= text.size()) return ScalarStyle::double_quoted;
  switch (text[static_cast<std::size_t>(pos)]) {
    case '\'':
      return ScalarStyle::single_quoted;
    case '|':
      return ScalarStyle::literal;
    case '>':
      return ScalarStyle::folded;
    default:
      return ScalarStyle::double_quoted;
  }
}

SourceNode convert(const YAML::Node& node, const std::string& text) {
  SourceNode out;
  out.mark = to_mark(node.Mark());
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      out.kind = NodeKind::scalar;
      out.scalar = node.Scalar();
      out.style = style_of(node, text);
      break;
    case YAML::NodeType::Sequence:
      out.kind = NodeKind::sequence;
      for (const auto& child : node) out.items.push_back(convert(child, text));
      break;
    case YAML::NodeType::Map:
      out.kind = NodeKind::mapping;
      for (auto it = node.begin(); it != node.end(); ++it) {
        SourceEntry e{convert(it->first, text), convert(it->second, text)};
        // yaml-cpp marks an empty value at the start of the next token; the
        // key is where an author looks.
        if (e.value.is_null()) e.value.mark = e.key.mark;
        out.entries.push_back(std::move(e));
      }
      break;
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      out.kind = NodeKind::null;
      break;
  }
  return out;
}

void index_lines(SourceDocument& doc) {
  doc.line_starts.clear();
  doc.line_starts.push_back(0);
  for (std::size_t i = 0; i < doc.text.size(); ++i) {
    if (doc.text[i] == '\n') doc.line_starts.push_back(i + 1);
  }
}

}  // namespace

const std::string& ProgrammeSource::file_name() const noexcept { return impl_->doc.file_name; }
const std::string& ProgrammeSource::source_text() const noexcept { return impl_->doc.text; }
const Diagnostics& ProgrammeSource::diagnostics() const noexcept { return impl_->doc.diagnostics; }

ProgrammeSource load(std::string text, std::string file_name) {
  auto impl = std::make_shared<ProgrammeSource::Impl>();
  SourceDocument& doc = impl->doc;
  doc.file_name = std::move(file_name);
  doc.text = std::move(text);
  index_lines(doc);
  try {
    std::vector<YAML::Node> documents = YAML::LoadAll(doc.text);
    if (documents.size() > 1) {
      // The second document starts where its "---" is; yaml-cpp marks its root.
      doc.diagnostics.error(
          "programme.yaml_syntax",
          "a programme file holds one YAML document, found " + std::to_string(documents.size()),
          doc.location(to_mark(documents[1].Mark())));
    }
    if (!documents.empty()) doc.root = convert(documents.front(), doc.text);
    if (doc.root.is_null()) doc.root.mark = YamlMark{0, 0, 0};
    doc.parsed = true;
  } catch (const YAML::Exception& e) {
    doc.diagnostics.error("programme.yaml_syntax", "YAML syntax error: " + e.msg,
                          doc.location(to_mark(e.mark)));
  }
  return ProgrammeSource(std::move(impl));
}

}  // namespace regularis
