// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The dotted paths of a test file's `set` and `remove` (`applicant.entry_date`,
// `documents[0].shows_date`, `documents[+]`), parsed and applied to an
// application held as nlohmann JSON. Used by the test-file loader; the
// reasons it returns become `tests.bad_path` diagnostics.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace regularis::detail {

using Json = nlohmann::ordered_json;

/// One step of a path: a key, an index `[2]`, or `[+]` (append).
struct PathStep {
  enum class Kind { key, index, append };
  Kind kind = Kind::key;
  std::string key;
  std::size_t index = 0;
};

/// Parses a path; on failure returns false and sets `reason`.
bool parse_json_path(std::string_view text, std::vector<PathStep>& steps, std::string& reason);

/// Sets `value` at the path, creating missing objects (and the list of a
/// `[+]`). Returns "" on success, else why it cannot be applied.
std::string set_at_path(Json& root, const std::vector<PathStep>& steps, Json value);

/// Removes what the path names (a key of an object or an element of a list).
/// Returns "" on success, else why not (nothing there, a `[+]`, ...).
std::string remove_at_path(Json& root, const std::vector<PathStep>& steps);

}  // namespace regularis::detail
