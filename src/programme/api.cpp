// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The one-call entry points: load → check → compile from text or a file
// (throwing ProgrammeError with every diagnostic for a wrong file), and the
// lint call that only collects diagnostics.
#include <cstring>

#include "core/file.hpp"
#include "regularis/core/error.hpp"
#include "regularis/programme/check.hpp"
#include "regularis/programme/load.hpp"

namespace regularis {

Programme load_programme_text(std::string text, std::string file_name) {
  CheckResult r = check(load(std::move(text), std::move(file_name)));
  if (!r.ok()) {
    const Diagnostics& d = r.diagnostics();
    std::string first = d.empty() ? std::string("unknown problem") : d[0].to_string();
    throw ProgrammeError("programme.invalid",
                         "the programme has " + std::to_string(d.size()) + " problem" +
                             (d.size() == 1 ? "" : "s") + "; first: " + first,
                         d);
  }
  return compile(r.programme());
}

Programme load_programme_file(const std::string& path) {
  return load_programme_text(detail::read_whole_file(path), path);
}

Diagnostics check_programme_text(std::string text, std::string file_name) {
  return check(load(std::move(text), std::move(file_name))).diagnostics();
}

}  // namespace regularis
