// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// One helper for tests that build values from text they know is good: the
// value, or a failed REQUIRE that shows the text and the parser's reason.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "regularis/core/parsed.hpp"

/// `Date d(const char* t) { return parsed_or_fail(Date::parse(t), t); }`
template <class T>
T parsed_or_fail(regularis::Parsed<T> parsed, const std::string& text) {
  INFO(text << ": " << parsed.error());
  REQUIRE(parsed.ok());
  return std::move(parsed).value();
}
