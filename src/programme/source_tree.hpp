// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The programme file as the loader keeps it: a YAML tree of our own (null,
// scalar, sequence, mapping) where every node keeps the yaml-cpp mark of its
// first character, every scalar keeps its style, and mappings keep duplicate
// keys so the checker can report them. load.cpp builds it from yaml-cpp;
// checker.cpp walks it. Nothing here depends on yaml-cpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "regularis/core/diagnostic.hpp"

namespace regularis::detail {

/// A yaml-cpp mark: 0-based byte offset, line and column (-1 when unknown).
struct YamlMark {
  int pos = -1;
  int line = -1;
  int column = -1;
};

enum class NodeKind { null, scalar, sequence, mapping };
enum class ScalarStyle { plain, single_quoted, double_quoted, literal, folded };

struct SourceEntry;

/// One YAML node with its place in the file.
struct SourceNode {
  NodeKind kind = NodeKind::null;
  ScalarStyle style = ScalarStyle::plain;
  std::string scalar;  ///< the scalar's value (kind == scalar)
  YamlMark mark;
  std::vector<SourceNode> items;     ///< kind == sequence
  std::vector<SourceEntry> entries;  ///< kind == mapping, in file order, duplicates kept

  bool is_scalar() const noexcept { return kind == NodeKind::scalar; }
  bool is_mapping() const noexcept { return kind == NodeKind::mapping; }
  bool is_sequence() const noexcept { return kind == NodeKind::sequence; }
  bool is_null() const noexcept { return kind == NodeKind::null; }
  /// A quoted or block scalar: always a string, never a number or date.
  bool is_quoted() const noexcept {
    return kind == NodeKind::scalar && style != ScalarStyle::plain;
  }
  /// The first value under `key` (mapping only), or nullptr.
  const SourceNode* find(std::string_view key) const noexcept;
};

struct SourceEntry {
  SourceNode key;
  SourceNode value;
};

/// The loaded file: its name, its exact text, the tree, and the problems
/// found while parsing (YAML syntax).
struct SourceDocument {
  std::string file_name;
  std::string text;
  SourceNode root;
  bool parsed = false;
  Diagnostics diagnostics;
  std::vector<std::size_t> line_starts;  ///< byte offset of each line

  /// file:line:col (1-based) of a mark.
  SourceLocation location(const YamlMark& mark) const;
  /// file:line:col of the byte at `pos` in the text.
  SourceLocation location_of_byte(std::size_t pos) const;
  /// Where the character at byte `offset` of a scalar's value is in the file:
  /// plain single-line scalars map one to one from the mark; quoted, folded,
  /// multi-line and block scalars are aligned with the raw text.
  SourceLocation location_in_scalar(const SourceNode& scalar, std::size_t offset) const;
};

}  // namespace regularis::detail
