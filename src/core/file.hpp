// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Opening a file for the readers and loaders (applications, programme,
// calendar and programme test files), with the errors every one reports the
// same way, and finding the files one names.
#pragma once

#include <fstream>
#include <memory>
#include <string>

namespace regularis::detail {

/// `path` opened for reading bytes. Throws IoError `io.open` naming the path
/// and why: "cannot read X: it is a directory" (a directory opens, then
/// every read fails), or "cannot open X: <the system's reason>" with errno.
std::unique_ptr<std::ifstream> open_file(const std::string& path);

/// The file's bytes. Throws IoError `io.open` as open_file does, `io.read`
/// when reading it fails.
std::string read_whole_file(const std::string& path);

/// A path written in `file` (a programme's `calendar`, a test file's
/// `programme`): relative to the folder `file` is in unless absolute,
/// tidied ("a/../b" is "b").
///
///     path_beside("examples/programmes/br.yaml", "../calendars/br.yaml");
///     // "examples/calendars/br.yaml"
std::string path_beside(const std::string& file, const std::string& path);

}  // namespace regularis::detail
