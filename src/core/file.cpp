// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// read_whole_file (core/file.hpp).
#include "core/file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "regularis/core/error.hpp"

namespace regularis::detail {

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    throw IoError("io.open", "cannot open " + path + ": " + std::strerror(err), {}, err);
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError("io.read", "cannot read " + path);
  return buffer.str();
}

std::string path_beside(const std::string& file, const std::string& path) {
  std::filesystem::path p(path);
  if (p.is_relative()) p = std::filesystem::path(file).parent_path() / p;
  return p.lexically_normal().generic_string();
}

}  // namespace regularis::detail
