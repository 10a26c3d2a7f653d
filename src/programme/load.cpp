// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Stage 1, load: YAML text → ProgrammeSource. yaml-cpp parses; its tree is
// copied into our own SourceNode tree with every node's mark and scalar style,
// duplicate keys kept. A YAML syntax error becomes one diagnostic at the mark
// yaml-cpp gives. This is the only file that includes yaml-cpp.
//
// Limits, each a diagnostic naming it: the file's size (checked before
// parsing), the nesting depth of the tree (ours, and past yaml-cpp's own
// guard), and its size once aliases are expanded (an alias is copied where it
// is used, so "billion laughs" files would otherwise grow without bound).
// The text must be UTF-8 (checked before parsing: yaml-cpp reads other bytes
// in ways that lose the rest of the file, and they would be printed raw).
#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <utility>

#include "programme/source_impl.hpp"
#include "programme/yaml_documents.hpp"
#include "regularis/core/utf8.hpp"
#include "regularis/programme/load.hpp"

namespace regularis {

namespace {

using detail::NodeKind;
using detail::ScalarStyle;
using detail::SourceDocument;
using detail::SourceEntry;
using detail::SourceNode;
using detail::YamlMark;

constexpr std::size_t kMaxFileBytes = std::size_t{1} << 20;    // 1 MiB; programmes are ~30 KiB
constexpr int kMaxNesting = 64;                                // the format needs about 10
constexpr std::size_t kMaxNodes = 100000;                      // after expanding aliases
constexpr std::size_t kMaxScalarBytes = std::size_t{4} << 20;  // after expanding aliases
constexpr std::size_t kMaxUtf8Reports = 10;                    // lines with bad bytes

std::string too_deep_message() {
  return "the YAML is nested more than " + std::to_string(kMaxNesting) + " deep (the limit)";
}

// One error per line that has bytes which are not UTF-8, at the first of
// them, for the first kMaxUtf8Reports such lines; true when there was none.
bool check_utf8(SourceDocument& doc) {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::string& text = doc.text;
  std::size_t reported = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_at(text, i).length;
    if (length > 0) {
      i += length;
      continue;
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    if (++reported > kMaxUtf8Reports) break;
    doc.diagnostics.error("programme.bad_utf8",
                          std::string("the text is not UTF-8 here (byte 0x") + kHex[byte >> 4] +
                              kHex[byte & 0xf] + "); save the file as UTF-8",
                          doc.location_of_byte(i));
    const std::size_t nl = text.find('\n', i);
    i = nl == std::string::npos ? text.size() : nl + 1;
  }
  return reported == 0;
}

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

// Copies yaml-cpp's tree into ours within the limits; the first limit hit
// is recorded and the rest of the tree is left out.
class Converter {
 public:
  explicit Converter(const std::string& text) : text_(text) {}

  SourceNode convert(const YAML::Node& node, int depth) {
    SourceNode out;
    out.mark = to_mark(node.Mark());
    if (!within_limits(out.mark, depth)) return out;
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        out.kind = NodeKind::scalar;
        scalar_bytes_ += node.Scalar().size();
        if (scalar_bytes_ > kMaxScalarBytes) {
          exceeded("programme.too_large",
                   "the file's text, with aliases expanded, is longer than " +
                       std::to_string(kMaxScalarBytes) + " bytes (the limit)",
                   out.mark);
          return out;
        }
        out.scalar = node.Scalar();
        out.style = style_of(node, text_);
        break;
      case YAML::NodeType::Sequence:
        out.kind = NodeKind::sequence;
        for (const auto& child : node) {
          out.items.push_back(convert(child, depth + 1));
          if (problem_) break;
        }
        break;
      case YAML::NodeType::Map:
        out.kind = NodeKind::mapping;
        for (auto it = node.begin(); it != node.end() && !problem_; ++it) {
          SourceEntry e{convert(it->first, depth + 1), convert(it->second, depth + 1)};
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

  /// The limit hit, if any: code, message, mark.
  bool exceeded() const noexcept { return problem_; }
  const std::string& code() const noexcept { return code_; }
  const std::string& message() const noexcept { return message_; }
  const YamlMark& mark() const noexcept { return mark_; }

 private:
  bool within_limits(const YamlMark& mark, int depth) {
    if (problem_) return false;
    if (depth > kMaxNesting) {
      exceeded("programme.too_deep", too_deep_message(), mark);
      return false;
    }
    if (++nodes_ > kMaxNodes) {
      exceeded("programme.too_large",
               "the file has, with aliases expanded, more than " + std::to_string(kMaxNodes) +
                   " YAML nodes (the limit)",
               mark);
      return false;
    }
    return true;
  }
  void exceeded(std::string code, std::string message, const YamlMark& mark) {
    problem_ = true;
    code_ = std::move(code);
    message_ = std::move(message);
    mark_ = mark;
  }

  const std::string& text_;
  std::size_t nodes_ = 0;
  std::size_t scalar_bytes_ = 0;
  bool problem_ = false;
  std::string code_;
  std::string message_;
  YamlMark mark_;
};

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
  if (doc.text.size() > kMaxFileBytes) {
    doc.diagnostics.error("programme.too_large",
                          "the file is " + std::to_string(doc.text.size()) +
                              " bytes long; the limit is " + std::to_string(kMaxFileBytes),
                          SourceLocation{doc.file_name, 0, 0});
    return ProgrammeSource(std::move(impl));
  }
  if (!check_utf8(doc)) return ProgrammeSource(std::move(impl));
  try {
    detail::YamlDocuments documents = detail::load_yaml_documents(doc.text, kMaxNesting);
    if (documents.count > 1) {
      // The second document starts where its "---" is; yaml-cpp marks its root.
      doc.diagnostics.error(
          "programme.yaml_syntax",
          "a programme file holds one YAML document, found " + std::to_string(documents.count),
          doc.location(to_mark(documents.second)));
    }
    if (documents.count > 0) {
      Converter converter(doc.text);
      doc.root = converter.convert(documents.first, 0);
      if (converter.exceeded()) {
        doc.diagnostics.error(converter.code(), converter.message(),
                              doc.location(converter.mark()));
        doc.root = SourceNode();
        return ProgrammeSource(std::move(impl));
      }
    }
    if (doc.root.is_null()) doc.root.mark = YamlMark{0, 0, 0};
    doc.parsed = true;
  } catch (const detail::TooDeep& e) {
    // Past yaml-cpp's own guard, marked where our limit was passed.
    doc.diagnostics.error("programme.too_deep", too_deep_message(), doc.location(to_mark(e.mark)));
  } catch (const YAML::Exception& e) {
    doc.diagnostics.error("programme.yaml_syntax", "YAML syntax error: " + e.msg,
                          doc.location(to_mark(e.mark)));
  }
  return ProgrammeSource(std::move(impl));
}

}  // namespace regularis
