// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Error hierarchy: what() carries the stable code, diagnostics and the native
// code are kept, and every subclass is caught as regularis::Error.
#include <catch2/catch.hpp>

#include <type_traits>

#include "regularis/core/error.hpp"

using regularis::Diagnostics;
using regularis::Error;
using regularis::IoError;
using regularis::ProgrammeError;
using regularis::UsageError;

static_assert(std::has_virtual_destructor<Error>::value, "Error is polymorphic");
static_assert(std::is_base_of<std::runtime_error, Error>::value, "Error is a runtime_error");
static_assert(std::is_base_of<Error, IoError>::value, "IoError is an Error");
static_assert(std::is_base_of<Error, ProgrammeError>::value, "ProgrammeError is an Error");
static_assert(std::is_base_of<Error, UsageError>::value, "UsageError is an Error");

TEST_CASE("Error::what is [code] message", "[error]") {
  const Error e("io.open", "cannot open br.yaml: No such file", {}, 2);
  CHECK(std::string(e.what()) == "[io.open] cannot open br.yaml: No such file");
  CHECK(e.code() == "io.open");
  CHECK(e.message() == "cannot open br.yaml: No such file");  // to embed in another message
  CHECK(e.native_code() == 2);
  CHECK(e.diagnostics().empty());
}

TEST_CASE("Error keeps every diagnostic", "[error]") {
  Diagnostics all;
  all.error("programme.unknown_key", "unknown key \"critera\"", {"br.yaml", 12, 5});
  all.error("programme.bad_date", "2009-02-29 is not a date", {"br.yaml", 20, 11});
  try {
    throw ProgrammeError("programme.invalid", "br.yaml has 2 errors", all);
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "[programme.invalid] br.yaml has 2 errors");
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(e.diagnostics()[1].message == "2009-02-29 is not a date");
    CHECK(e.native_code() == 0);
  }
}

TEST_CASE("subclasses are caught as their own type and as Error", "[error]") {
  CHECK_THROWS_AS(throw IoError("io.read", "boom"), IoError);
  CHECK_THROWS_AS(throw UsageError("store.committed", "committed twice"), Error);
  CHECK_THROWS_WITH(throw UsageError("store.committed", "committed twice"),
                    "[store.committed] committed twice");
  CHECK_THROWS_AS(throw IoError("io.read", "boom"), std::runtime_error);
  const IoError original("io.write", "disk full", {}, 28);
  const IoError copy = original;  // NOLINT(performance-unnecessary-copy-initialization)
  CHECK(std::string(copy.what()) == "[io.write] disk full");
  CHECK(copy.native_code() == 28);
}
