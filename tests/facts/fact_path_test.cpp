// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Tests of FactPath (dotted names of facts) and FactValue (nodes of the fact
// tree): parsing, lookup through objects and dotted keys, unknown vs known.
#include <catch2/catch.hpp>

#include "regularis/facts/fact_path.hpp"
#include "regularis/facts/fact_value.hpp"

using namespace regularis;

TEST_CASE("FactPath parses snake_case dotted paths") {
  auto p = FactPath::parse("applicant.criminal.convictions");
  REQUIRE(p);
  CHECK(p->segments() == std::vector<std::string>{"applicant", "criminal", "convictions"});
  CHECK(p->head() == "applicant");
  CHECK(p->to_string() == "applicant.criminal.convictions");
  CHECK(FactPath::parse("facts.x2_y")->segments().size() == 2);
  CHECK(*FactPath::parse("a.b") == *FactPath::parse("a.b"));
  CHECK(*FactPath::parse("a.b") != *FactPath::parse("a.c"));
}

TEST_CASE("FactPath reports bad paths") {
  CHECK(FactPath::parse("").error() == "\"\" is not a fact path: it is empty");
  CHECK(FactPath::parse("applicant..entry").error() ==
        "\"applicant..entry\" is not a fact path: empty segment");
  CHECK(FactPath::parse("applicant.").error() ==
        "\"applicant.\" is not a fact path: empty segment");
  CHECK(FactPath::parse("applicant.Entry").error() ==
        "\"applicant.Entry\" is not a fact path: segment \"Entry\" is not snake_case");
  CHECK(FactPath::parse("1st").error() ==
        "\"1st\" is not a fact path: segment \"1st\" is not snake_case");
  CHECK_FALSE(FactPath::parse("applicant.entry-date"));
  CHECK_FALSE(FactPath::parse("applicant[0]"));
}

TEST_CASE("FactValue kinds and typed access") {
  FactValue unknown;
  CHECK(unknown.is_unknown());
  CHECK_FALSE(unknown.was_null());
  CHECK(FactValue::null().is_unknown());
  CHECK(FactValue::null().was_null());
  CHECK(FactValue::null() == unknown);

  CHECK(FactValue::boolean(false).as_bool() == false);
  CHECK(FactValue::boolean(false).is_known());
  CHECK_FALSE(FactValue::boolean(true).as_integer());
  CHECK(FactValue::integer(7).as_integer() == 7);
  CHECK(FactValue::integer(7).as_decimal() == Decimal::from_integer(7));
  CHECK(FactValue::string("x").as_string() != nullptr);
  CHECK(FactValue::string("x").as_date() == std::nullopt);

  FactValue empty = FactValue::list({});
  CHECK(empty.is_known());
  REQUIRE(empty.as_list() != nullptr);
  CHECK(empty.as_list()->empty());
  CHECK(to_string(FactKind::date) == "date");
  CHECK(to_string(empty.kind()) == "list");
}

TEST_CASE("FactValue::find walks objects, including keys that contain dots") {
  FactValue tree = FactValue::object({
      {"applicant",
       FactValue::object({{"criminal", FactValue::object({{"pending_proceedings",
                                                           FactValue::boolean(false)}})}})},
      {"facts",
       FactValue::object({{"custom.anything", FactValue::integer(3)},
                          {"custom", FactValue::object({{"other", FactValue::integer(4)}})}})},
  });
  CHECK(tree.find(*FactPath::parse("applicant.criminal.pending_proceedings")).as_bool() == false);
  CHECK(tree.find(*FactPath::parse("facts.custom.anything")).as_integer() == 3);
  CHECK(tree.find(*FactPath::parse("facts.custom.other")).as_integer() == 4);
  CHECK(tree.find(*FactPath::parse("facts.custom")).kind() == FactKind::object);
  CHECK(tree.find(*FactPath::parse("applicant.criminal.convictions")).is_unknown());
  CHECK(tree.find(*FactPath::parse("applicant.criminal.pending_proceedings.x")).is_unknown());
  CHECK(tree.find(*FactPath::parse("nothing")).is_unknown());
}

TEST_CASE("parse_data_path splits keys and list indexes, and says why a path is not one") {
  auto p = parse_data_path("dependants[1].facts.undocumented_since");
  REQUIRE(p.ok());
  REQUIRE(p->size() == 3);
  CHECK((*p)[0].key == "dependants");
  CHECK((*p)[0].index == std::optional<std::size_t>(1));
  CHECK((*p)[1].key == "facts");
  CHECK_FALSE((*p)[1].index.has_value());
  CHECK((*p)[2].key == "undocumented_since");
  CHECK(parse_data_path("documents[x].type").error() ==
        "\"documents[x].type\" is not a fact path: \"[x]\" is not an index like [0]");
  CHECK(parse_data_path("documents[1234567]").error() ==
        "\"documents[1234567]\" is not a fact path: \"[1234567]\" is not an index like [0]");
  CHECK(parse_data_path("a..b").error() == "\"a..b\" is not a fact path: empty segment");
  CHECK(parse_data_path("").error() == "\"\" is not a fact path: empty segment");
  CHECK(parse_data_path("[0]").error() == "\"[0]\" is not a fact path: empty segment");
  CHECK(parse_data_path("Applicant").error() ==
        "\"Applicant\" is not a fact path: segment \"Applicant\" is not snake_case");
}
