// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Parsing and applying the paths of `set` and `remove` (json_path.hpp). A
// path is keys separated by dots, each optionally followed by indexes
// `[n]` or `[+]`; a key is any text without `.`, `[` or `]`.
#include "authoring/json_path.hpp"

namespace regularis::detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// The path made of the first `n` steps, as written: "documents[0]".
std::string prefix(const std::vector<PathStep>& steps, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n && i < steps.size(); ++i) {
    const PathStep& step = steps[i];
    switch (step.kind) {
      case PathStep::Kind::key:
        if (!s.empty()) s += '.';
        s += step.key;
        break;
      case PathStep::Kind::index:
        s += '[' + std::to_string(step.index) + ']';
        break;
      case PathStep::Kind::append:
        s += "[+]";
        break;
    }
  }
  return s;
}

std::string kind_name(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "a list";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "a boolean";
    default:
      return "a number";
  }
}

std::string elements(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " element" : " elements");
}

}  // namespace

bool parse_json_path(std::string_view text, std::vector<PathStep>& steps, std::string& reason) {
  steps.clear();
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (n == 0) {
    reason = "an empty path";
    return false;
  }
  while (i < n) {
    // A key.
    const std::size_t start = i;
    while (i < n && text[i] != '.' && text[i] != '[' && text[i] != ']') ++i;
    if (i == start) {
      reason = "a key is missing at character " + std::to_string(start + 1);
      return false;
    }
    PathStep key;
    key.key = std::string(text.substr(start, i - start));
    steps.push_back(std::move(key));
    // Its indexes.
    while (i < n && text[i] == '[') {
      const std::size_t open = i++;
      PathStep step;
      if (i < n && text[i] == '+') {
        step.kind = PathStep::Kind::append;
        ++i;
      } else {
        const std::size_t digits = i;
        std::size_t value = 0;
        while (i < n && is_digit(text[i]) && i - digits < 9) {
          value = value * 10 + static_cast<std::size_t>(text[i] - '0');
          ++i;
        }
        if (i == digits) {
          reason = "expected a number or + after [ at character " + std::to_string(open + 1);
          return false;
        }
        step.kind = PathStep::Kind::index;
        step.index = value;
      }
      if (i >= n || text[i] != ']') {
        reason = "expected ] at character " + std::to_string(i + 1);
        return false;
      }
      ++i;
      steps.push_back(std::move(step));
    }
    if (i < n) {
      if (text[i] != '.') {
        reason = "unexpected " + std::string(1, text[i]) + " at character " + std::to_string(i + 1);
        return false;
      }
      ++i;
      if (i == n) {
        reason = "the path ends with a dot";
        return false;
      }
    }
  }
  return true;
}

std::string set_at_path(Json& root, const std::vector<PathStep>& steps, Json value) {
  Json* node = &root;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const PathStep& step = steps[i];
    const std::string here = i == 0 ? std::string("the application") : prefix(steps, i);
    switch (step.kind) {
      case PathStep::Kind::key:
        if (node->is_null()) *node = Json::object();
        if (!node->is_object()) {
          return here + " is " + kind_name(*node) + ", not an object, so it has no field \"" +
                 step.key + "\"";
        }
        node = &(*node)[step.key];
        break;
      case PathStep::Kind::index:
        if (!node->is_array()) return here + " is " + kind_name(*node) + ", not a list";
        if (step.index >= node->size()) {
          return here + " has " + elements(node->size()) + ", so [" + std::to_string(step.index) +
                 "] is out of range (write [+] to append)";
        }
        node = &(*node)[step.index];
        break;
      case PathStep::Kind::append:
        if (node->is_null()) *node = Json::array();
        if (!node->is_array()) return here + " is " + kind_name(*node) + ", not a list";
        node->push_back(Json());
        node = &node->back();
        break;
    }
  }
  *node = std::move(value);
  return {};
}

std::string remove_at_path(Json& root, const std::vector<PathStep>& steps) {
  Json* node = &root;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const PathStep& step = steps[i];
    const bool last = i + 1 == steps.size();
    const std::string here = i == 0 ? std::string("the application") : prefix(steps, i);
    switch (step.kind) {
      case PathStep::Kind::key: {
        if (!node->is_object()) {
          return here + " is " + kind_name(*node) + ", not an object, so it has no field \"" +
                 step.key + "\"";
        }
        auto it = node->find(step.key);
        if (it == node->end()) return "there is no " + prefix(steps, i + 1) + " to remove";
        if (last) {
          node->erase(it);
          return {};
        }
        node = &*it;
        break;
      }
      case PathStep::Kind::index:
        if (!node->is_array()) return here + " is " + kind_name(*node) + ", not a list";
        if (step.index >= node->size()) {
          return here + " has " + elements(node->size()) + ", so there is no [" +
                 std::to_string(step.index) + "] to remove";
        }
        if (last) {
          node->erase(step.index);
          return {};
        }
        node = &(*node)[step.index];
        break;
      case PathStep::Kind::append:
        return "[+] appends; it cannot name something to remove";
    }
  }
  return "nothing to remove";
}

}  // namespace regularis::detail
