// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Running the built `regularis` checker from a test, as a user would: from
// the repository root, with shell words, standard input from a file (or the
// answers a person would type), and its exit status, standard output and
// standard error read back. A test target that includes this defines
// REGULARIS_SOURCE_DIR and REGULARIS_CHECKER (the checker's path).
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace regularis::test {

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

/// A whole file as bytes ("" when it cannot be read).
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Runs `<feed> regularis <arguments> <redirect>` from the repository root:
/// `feed` comes before the checker on the shell line (a pipe into it) or is
/// "", `redirect` is its standard input (" < file") or "".
inline Run run_checker_shell(const std::string& feed, const std::string& arguments,
                             const std::string& redirect) {
  namespace fs = std::filesystem;
  static int counter = 0;
  const std::string stem =
      "regularis-test-" + std::to_string(getpid()) + "-" + std::to_string(++counter);
  const fs::path out = fs::temp_directory_path() / (stem + ".out");
  const fs::path err = fs::temp_directory_path() / (stem + ".err");
  const std::string command = "cd '" REGULARIS_SOURCE_DIR "' && " + feed + "'" +
                              REGULARIS_CHECKER "' " + arguments + redirect + " > '" +
                              out.string() + "' 2> '" + err.string() + "'";
  const int raw = std::system(command.c_str());
  Run r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

/// `regularis <arguments> < input` ("" = /dev/null; a path relative to the
/// repository root).
inline Run run_checker(const std::string& arguments, const std::string& input = "") {
  return run_checker_shell("", arguments, " < " + (input.empty() ? "/dev/null" : input));
}

/// `printf '<answers>' | regularis <arguments>`: what a person types, "\n"
/// ending each answer (no single quotes).
inline Run run_checker_answering(const std::string& arguments, const std::string& answers) {
  return run_checker_shell("printf '" + answers + "' | ", arguments, "");
}

}  // namespace regularis::test
