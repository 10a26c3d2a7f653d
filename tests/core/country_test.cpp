// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Country: every officially assigned ISO 3166-1 alpha-2 code is accepted with
// its English short name; everything else is rejected with an exact message.
#include <catch2/catch.hpp>

#include <string>

#include "regularis/core/country.hpp"

using regularis::Country;

TEST_CASE("Country::parse accepts assigned codes with their names", "[country]") {
  struct Case {
    const char* code;
    const char* name;
  };
  const Case cases[] = {
      {"BO", "Bolivia (Plurinational State of)"},
      {"BR", "Brazil"},
      {"GB", "United Kingdom of Great Britain and Northern Ireland"},
      {"US", "United States of America"},
      {"PY", "Paraguay"},
      {"PE", "Peru"},
      {"CN", "China"},
      {"KR", "Korea, Republic of"},
      {"CI", "Côte d'Ivoire"},
      {"AD", "Andorra"},
      {"ZW", "Zimbabwe"},
      {"SS", "South Sudan"},
      {"BQ", "Bonaire, Sint Eustatius and Saba"},
      {"AQ", "Antarctica"},
  };
  for (const auto& c : cases) {
    INFO(c.code);
    auto parsed = Country::parse(c.code);
    REQUIRE(parsed.ok());
    CHECK(parsed->code() == c.code);
    CHECK(parsed->english_name() == c.name);
  }
  CHECK(Country::parse("BR").value() == Country::parse("BR").value());
  CHECK(Country::parse("BR").value() != Country::parse("BO").value());
  CHECK(Country::parse("BO").value() < Country::parse("BR").value());
}

TEST_CASE("Country list has exactly the 249 assigned codes", "[country]") {
  int assigned = 0;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) {
      const std::string code{a, b};
      auto parsed = Country::parse(code);
      if (parsed) {
        ++assigned;
        CHECK_FALSE(parsed->english_name().empty());
      } else {
        CHECK(parsed.error().find("is not an assigned ISO 3166-1 alpha-2 code") !=
              std::string::npos);
      }
    }
  }
  CHECK(assigned == 249);
}

TEST_CASE("Country::parse rejects with exact messages", "[country]") {
  struct Case {
    const char* text;
    const char* error;
  };
  const Case cases[] = {
      {"bo", "\"bo\" is not an ISO 3166-1 alpha-2 code (upper case)"},
      {"Bo", "\"Bo\" is not an ISO 3166-1 alpha-2 code (upper case)"},
      {"XX", "\"XX\" is not an assigned ISO 3166-1 alpha-2 code"},
      {"UK", "\"UK\" is not an assigned ISO 3166-1 alpha-2 code (the United Kingdom is GB)"},
      {"EL", "\"EL\" is not an assigned ISO 3166-1 alpha-2 code (Greece is GR)"},
      {"EU", "\"EU\" is not an assigned ISO 3166-1 alpha-2 code"},
      {"XK", "\"XK\" is not an assigned ISO 3166-1 alpha-2 code"},
      {"AN", "\"AN\" is not an assigned ISO 3166-1 alpha-2 code"},  // withdrawn 2010
      {"BRA", "\"BRA\" is not an ISO 3166-1 alpha-2 code (two letters)"},
      {"B", "\"B\" is not an ISO 3166-1 alpha-2 code (two letters)"},
      {"", "\"\" is not an ISO 3166-1 alpha-2 code (two letters)"},
      {"B1", "\"B1\" is not an ISO 3166-1 alpha-2 code (two letters)"},
      {"076", "\"076\" is not an ISO 3166-1 alpha-2 code (two letters)"},
      {" BR", "\" BR\" is not an ISO 3166-1 alpha-2 code (two letters)"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto parsed = Country::parse(c.text);
    CHECK_FALSE(parsed.ok());
    CHECK(parsed.error() == c.error);
  }
}
