// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Parsed<T>: the result of reading a value from text that came from outside
// (an application, a programme file): either the value, or a one-line reason
// that a caller turns into a Diagnostic with a location. Parsing never throws.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace regularis {

/// A value read from outside, or why it could not be read.
///
///     auto d = Date::parse("2009-02-29");
///     if (!d) std::cerr << d.error();   // "2009-02-29 is not a date"
template <class T>
class Parsed {
 public:
  Parsed(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  static Parsed failure(std::string reason) { return Parsed(std::move(reason), 0); }

  explicit operator bool() const noexcept { return value_.has_value(); }
  bool ok() const noexcept { return value_.has_value(); }
  const T& value() const& { return value_.value(); }
  T&& value() && { return std::move(value_).value(); }
  const T& operator*() const& { return *value_; }
  const T* operator->() const { return &*value_; }
  /// Empty when ok().
  const std::string& error() const noexcept { return error_; }

 private:
  Parsed(std::string reason, int) : error_(std::move(reason)) {}
  std::optional<T> value_;
  std::string error_;
};

}  // namespace regularis
