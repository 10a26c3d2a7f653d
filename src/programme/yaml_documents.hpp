// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Reading YAML text with yaml-cpp without its endless loop: yaml-cpp 0.7's
// LoadAll never consumes a stray flow indicator at document level (a file
// that is just ",", or "[a, b]\n,") and yields empty documents until memory
// runs out. load_yaml_documents builds the first document and only counts
// the others, and a document that starts where the previous one started is
// a syntax error at that place. For the programme and calendar loaders;
// private to the programme module.
#pragma once

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <sstream>
#include <string>

namespace regularis::detail {

struct YamlDocuments {
  YAML::Node first;  ///< the first document (a null node when there is none)
  std::size_t count = 0;
  YAML::Mark second;  ///< the root of the second document, when count > 1
};

namespace yaml_documents_detail {

// Counts documents and notes where each starts and where the second's root is.
class Counter : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override {
    previous_start = start;
    start = mark;
    ++count;
    awaiting_root_ = true;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { node(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    node(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    node(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    node(mark);
  }
  void OnMapEnd() override {}

  std::size_t count = 0;
  YAML::Mark start;
  YAML::Mark previous_start;
  YAML::Mark second_root;

 private:
  void node(const YAML::Mark& mark) {
    if (awaiting_root_ && count == 2) second_root = mark;
    awaiting_root_ = false;
  }
  bool awaiting_root_ = false;
};

}  // namespace yaml_documents_detail

/// Parses `text` as a stream of YAML documents. Throws YAML::Exception for a
/// syntax error, as yaml-cpp does.
///
///     YamlDocuments d = load_yaml_documents(text);
///     if (d.count > 1) report("one document, found " + std::to_string(d.count), d.second);
inline YamlDocuments load_yaml_documents(const std::string& text) {
  YamlDocuments out;
  std::istringstream in(text);
  YAML::Parser parser(in);
  yaml_documents_detail::Counter counter;
  while (parser.HandleNextDocument(counter)) {
    if (counter.count > 1 && counter.start.pos == counter.previous_start.pos) {
      const auto pos = static_cast<std::size_t>(counter.start.pos);
      const char c = pos < text.size() ? text[pos] : '\0';
      const bool printable = c > ' ' && c < 0x7f;
      throw YAML::ParserException(counter.start, printable
                                                     ? "unexpected \"" + std::string(1, c) + "\""
                                                     : "unexpected text");
    }
  }
  out.count = counter.count;
  out.second = counter.second_root;
  if (out.count > 0) out.first = YAML::Load(text);
  return out;
}

}  // namespace regularis::detail
