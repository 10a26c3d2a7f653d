// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Error: the one exception hierarchy, for broken infrastructure only (a file
// that cannot be read, a database that fails) and for programme files that did
// not pass their checks. A person's situation is never an exception. Each
// error has a stable code in its message and keeps every diagnostic of the
// failed operation, not only the first, and the native code of the layer below
// (SQLite, PostgreSQL, errno) when there is one.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "regularis/core/diagnostic.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// Base of every exception regularis throws.
///
///     try { ... } catch (const regularis::Error& e) {
///       std::cerr << e.what();                    // "[io.open] cannot open br.yaml: No such file"
///       for (auto& d : e.diagnostics()) std::cerr << d.to_string() << '\n';
///     }
class REGULARIS_API Error : public std::runtime_error {
 public:
  Error(std::string code, const std::string& message, Diagnostics diagnostics = {},
        int native_code = 0);
  ~Error() override;
  Error(const Error&) = default;
  Error& operator=(const Error&) = default;

  /// Stable code, e.g. "io.open", "programme.invalid", "store.conflict".
  const std::string& code() const noexcept { return code_; }
  /// The message without the code (what() is "[code] message").
  const std::string& message() const noexcept { return message_; }
  const Diagnostics& diagnostics() const noexcept { return diagnostics_; }
  /// errno, SQLite result code, ... (0 when none).
  int native_code() const noexcept { return native_code_; }

 private:
  std::string code_;
  std::string message_;
  Diagnostics diagnostics_;
  int native_code_ = 0;
};

/// A file or stream could not be read or written.
class REGULARIS_API IoError : public Error {
 public:
  using Error::Error;
  ~IoError() override;
};

/// A programme file failed its checks; diagnostics() has every problem.
class REGULARIS_API ProgrammeError : public Error {
 public:
  using Error::Error;
  ~ProgrammeError() override;
};

/// A caller broke an API precondition (e.g. committing a transaction twice).
class REGULARIS_API UsageError : public Error {
 public:
  using Error::Error;
  ~UsageError() override;
};

}  // namespace regularis
