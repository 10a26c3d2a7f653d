// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Reading a whole text file for the loaders (programme, calendar and
// programme test files), with the errors every loader reports the same way,
// and finding the files one names.
#pragma once

#include <string>

namespace regularis::detail {

/// The file's bytes. Throws IoError `io.open` (with the system's errno and
/// reason) when it cannot be opened, `io.read` when reading it fails.
std::string read_whole_file(const std::string& path);

/// A path written in `file` (a programme's `calendar`, a test file's
/// `programme`): relative to the folder `file` is in unless absolute,
/// tidied ("a/../b" is "b").
///
///     path_beside("examples/programmes/br.yaml", "../calendars/br.yaml");
///     // "examples/calendars/br.yaml"
std::string path_beside(const std::string& file, const std::string& path);

}  // namespace regularis::detail
