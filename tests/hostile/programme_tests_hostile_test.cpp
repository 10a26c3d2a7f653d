// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Hostile programme test files (`*.test.yaml`): deep nesting, long scalars,
// aliases that expand without bound (the loader copies aliases into each
// case's application JSON, within a budget), a stray comma (YAML::LoadAll
// loops forever on it; found by fuzz_programme_tests).
#include <string>

#include <catch2/catch.hpp>

#include "regularis/authoring/programme_tests.hpp"

using namespace regularis;

namespace {

const std::string kHead = "programme: x.yaml\n";
const std::string kCase = "cases:\n  - name: one\n    expect: {outcome: eligible}\n";

}  // namespace

TEST_CASE("a test file nested deeper than yaml-cpp allows is a syntax error") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  ProgrammeTestFile f =
      load_programme_tests_text(kHead + "base: {x: " + deep + "}\n" + kCase, "x.test.yaml");
  REQUIRE(f.diagnostics.size() == 1);
  CHECK(f.diagnostics[0].code == "tests.yaml_syntax");
}

TEST_CASE("a test file with long scalars loads") {
  ProgrammeTestFile f = load_programme_tests_text(
      kHead + "base: {id: " + std::string(500000, 'i') + "}\n" + kCase, "x.test.yaml");
  CHECK(f.ok());
  REQUIRE(f.cases.size() == 1);
  CHECK(f.cases[0].application_json.size() > 500000);
}

TEST_CASE("billion laughs in a test file's base are refused, not expanded", "[authoring]") {
  std::string base = "base:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 9; ++i) {
    base += "  a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) base += (k ? ", *a" : "*a") + std::to_string(i - 1);
    base += "]\n";
  }
  ProgrammeTestFile f = load_programme_tests_text(kHead + base + kCase, "x.test.yaml");
  CHECK_FALSE(f.ok());
}

TEST_CASE("fuzz regression: a stray comma in a test file is a syntax error, not a hang",
          "[authoring]") {
  ProgrammeTestFile f = load_programme_tests_text("{programme: x.yaml}\n,\n", "x.test.yaml");
  REQUIRE(f.diagnostics.size() == 1);
  CHECK(f.diagnostics[0].code == "tests.yaml_syntax");
}
