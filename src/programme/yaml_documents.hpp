// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Reading YAML text with yaml-cpp without its endless loop: yaml-cpp 0.7's
// LoadAll never consumes a stray flow indicator at document level (a file
// that is just ",", or "[a, b]\n,") and yields empty documents until memory
// runs out. load_yaml_documents builds the first document and only counts
// the others, and a document that starts where the previous one started is
// a syntax error at that place. A tree nested past yaml-cpp's own depth guard
// becomes TooDeep at the first node deeper than the caller's limit (yaml-cpp
// marks where it gave up, far deeper). For the programme and calendar
// loaders; private to the programme module.
#pragma once

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <limits>
#include <sstream>
#include <string>

namespace regularis::detail {

struct YamlDocuments {
  YAML::Node first;  ///< the first document (a null node when there is none)
  std::size_t count = 0;
  YAML::Mark second;  ///< the root of the second document, when count > 1
};

/// Nested past yaml-cpp's guard; `mark` is the first node past the caller's limit.
class TooDeep : public YAML::ParserException {
 public:
  using YAML::ParserException::ParserException;
};

namespace yaml_documents_detail {

// Counts documents and notes where each starts, where the second's root is,
// and the first node nested deeper than `max_depth` (the root is at depth 0).
class Counter : public YAML::EventHandler {
 public:
  Counter(const std::string& text, int max_depth) : text_(text), max_depth_(max_depth) {}
  void OnDocumentStart(const YAML::Mark& mark) override {
    previous_start = start;
    start = mark;
    ++count;
    awaiting_root_ = true;
    depth_ = 0;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { node(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    node(mark);
    check_quote(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    node(mark);
    ++depth_;
  }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    node(mark);
    ++depth_;
  }
  void OnMapEnd() override { --depth_; }

  std::size_t count = 0;
  YAML::Mark start;
  YAML::Mark previous_start;
  YAML::Mark second_root;
  bool too_deep = false;  ///< a node deeper than max_depth was seen, at too_deep_at
  YAML::Mark too_deep_at;
  bool unclosed = false;  ///< a quoted scalar is never closed; it starts at unclosed_at
  YAML::Mark unclosed_at;

 private:
  // yaml-cpp 0.7 ends a quoted scalar that is never closed at the end of the
  // text, with no error: one missing quote swallows the rest of the file.
  void check_quote(const YAML::Mark& mark) {
    if (unclosed || mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text_.size()) return;
    const auto opening = static_cast<std::size_t>(mark.pos);
    const char quote = text_[opening];
    if (quote != '"' && quote != '\'') return;
    for (std::size_t k = opening + 1; k < text_.size(); ++k) {
      if (quote == '"' && text_[k] == '\\') {
        ++k;  // an escape: the next character is not the closing quote
      } else if (text_[k] == quote) {
        if (quote == '\'' && k + 1 < text_.size() && text_[k + 1] == '\'') {
          ++k;  // '' is a quote inside single quotes
          continue;
        }
        return;
      }
    }
    unclosed = true;
    unclosed_at = mark;
  }

  void node(const YAML::Mark& mark) {
    if (awaiting_root_ && count == 2) second_root = mark;
    awaiting_root_ = false;
    if (depth_ > max_depth_ && !too_deep) {
      too_deep = true;
      too_deep_at = mark;
    }
  }
  const std::string& text_;
  bool awaiting_root_ = false;
  int max_depth_;
  int depth_ = 0;
};

}  // namespace yaml_documents_detail

/// Parses `text` as a stream of YAML documents. Throws YAML::Exception for a
/// syntax error, as yaml-cpp does, also for a quoted string never closed
/// (which yaml-cpp lets run to the end of the text), and TooDeep when the
/// text is nested past yaml-cpp's guard with a node deeper than `max_depth`
/// on the way.
///
///     YamlDocuments d = load_yaml_documents(text, 64);
///     if (d.count > 1) report("one document, found " + std::to_string(d.count), d.second);
inline YamlDocuments load_yaml_documents(const std::string& text,
                                         int max_depth = std::numeric_limits<int>::max()) {
  YamlDocuments out;
  std::istringstream in(text);
  YAML::Parser parser(in);
  yaml_documents_detail::Counter counter(text, max_depth);
  const auto never_closed = [&] {
    return YAML::ParserException(counter.unclosed_at,
                                 "the quoted string that starts here is never closed");
  };
  try {
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
  } catch (const YAML::DeepRecursion& e) {
    if (!counter.too_deep) throw;
    throw TooDeep(counter.too_deep_at, e.msg);
  } catch (const YAML::Exception&) {
    if (counter.unclosed) throw never_closed();  // the cause of what followed
    throw;
  }
  if (counter.unclosed) throw never_closed();
  out.count = counter.count;
  out.second = counter.second_root;
  if (out.count > 0) out.first = YAML::Load(text);
  return out;
}

}  // namespace regularis::detail
