// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// open_file, read_whole_file and path_beside (core/file.hpp).
#include "core/file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "regularis/core/error.hpp"

namespace regularis::detail {

std::unique_ptr<std::ifstream> open_file(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    throw IoError("io.open", "cannot read " + path + ": it is a directory", {}, EISDIR);
  }
  errno = 0;
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!in->is_open()) {
    const int err = errno;
    throw IoError("io.open",
                  "cannot open " + path + (err != 0 ? ": " + std::string(std::strerror(err)) : ""),
                  {}, err);
  }
  return in;
}

std::string read_whole_file(const std::string& path) {
  const std::unique_ptr<std::ifstream> in = open_file(path);
  std::ostringstream buffer;
  buffer << in->rdbuf();
  if (in->bad()) throw IoError("io.read", "cannot read " + path);
  return buffer.str();
}

std::string path_beside(const std::string& file, const std::string& path) {
  std::filesystem::path p(path);
  if (p.is_relative()) p = std::filesystem::path(file).parent_path() / p;
  return p.lexically_normal().generic_string();
}

}  // namespace regularis::detail
