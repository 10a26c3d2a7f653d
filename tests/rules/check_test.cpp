// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Diagnostics of the rules compiler: syntax and type errors with their exact
// code, message and file:line:col, the depth and size limits, literals.
#include <catch2/catch.hpp>

#include "rules/support.hpp"

using namespace regularis;
using namespace regularis::test;

namespace {

// Compiles `text` starting at br.yaml:10:5 and returns the diagnostics, one per line.
std::string errors(const std::string& text, std::optional<Type> expected = Type::boolean()) {
  RulesFixture fx;
  Compiler compiler;
  Diagnostics diags;
  compiler.define_parameter("entry_cutoff", Constant::date(day("2009-02-01")), {"br.yaml", 3, 1},
                            diags);
  compiler.define_parameter("fee", Constant::money(money("64.58 BRL")), {"br.yaml", 4, 1}, diags);
  compiler.define_parameter("eur_fees", Constant::list({Constant::money(money("10 EUR"))}),
                            {"br.yaml", 5, 1}, diags);
  auto e = compiler.compile(text, {"br.yaml", 10, 5}, fx.env, diags, expected);
  CHECK(e.has_value() == diags.empty());
  std::string out;
  for (const auto& d : diags) out += (out.empty() ? "" : "\n") + d.to_string();
  return out;
}

std::string literal(const std::string& text) {
  Diagnostics diags;
  auto c = parse_constant(text, {"p.yaml", 1, 1}, diags);
  if (!c) return diags.empty() ? "?" : diags[0].to_string();
  Compiler compiler;
  MapEnvironment env;
  REQUIRE(compiler.define_parameter("x", *c, {"p.yaml", 1, 1}, diags));
  auto e = compiler.compile("x", {"p.yaml", 1, 1}, env, diags, std::nullopt);
  REQUIRE(e);
  return e->type().to_string() + " " + to_string(e->evaluate(std::vector<Value>{}));
}

}  // namespace

TEST_CASE("literals") {
  CHECK(literal("2009-02-01") == "date 2009-02-01");
  CHECK(literal("64.58 BRL") == "money 64.58 BRL");
  CHECK(literal("100 JPY") == "money 100 JPY");
  CHECK(literal("2 years") == "period 2 years");
  CHECK(literal("90 days") == "period 90 days");
  CHECK(literal("1 year 6 months") == "period 1 year 6 months");
  CHECK(literal("3 weeks") == "period 21 days");
  CHECK(literal("42") == "integer 42");
  CHECK(literal("-3") == "integer -3");
  CHECK(literal("12.50") == "decimal 12.50");
  CHECK(literal("\"a \\\"b\\\"\"") == "string \"a \"b\"\"");
  CHECK(literal("true") == "bool true");
  CHECK(literal("[\"agriculture\", \"domestic_work\"]") ==
        "list<string> [\"agriculture\", \"domestic_work\"]");
  CHECK(literal("[1, -2]") == "list<integer> [1, -2]");
  CHECK(literal("2009-02-30") == "p.yaml:1:1: error: 2009-02-30 is not a date [rules.bad_literal]");
  CHECK(literal("5 XYZ") ==
        "p.yaml:1:1: error: \"XYZ\" is not an ISO 4217 currency code [rules.bad_literal]");
  CHECK(literal("99999999999999999999") ==
        "p.yaml:1:1: error: integer 99999999999999999999 is too large [rules.bad_literal]");
  CHECK(literal("6 months 1 year").find("[rules.bad_literal]") != std::string::npos);
  // No more decimals than the currency has, as for a fee's amount.
  CHECK(literal("64.587 BRL") ==
        "p.yaml:1:1: error: \"64.587\" has more decimals than BRL allows (2) [rules.bad_literal]");
  CHECK(literal("1.5 JPY") ==
        "p.yaml:1:1: error: \"1.5\" has more decimals than JPY allows (0) [rules.bad_literal]");
  CHECK(literal("64.580 BRL") == "money 64.580 BRL");
  CHECK(literal("1.234 BHD") == "money 1.234 BHD");
  CHECK(literal("[]") == "p.yaml:1:1: error: an empty list has no element type [rules.empty_list]");
  CHECK(literal("[1, \"a\"]") ==
        "p.yaml:1:5: error: list elements must have one type: found integer and string "
        "[rules.type_mismatch]");
  CHECK(literal("1 + 2") == "p.yaml:1:1: error: expected a constant [rules.not_constant]");
  CHECK(literal("agriculture") ==
        "p.yaml:1:1: error: unknown name \"agriculture\" [rules.unknown_name]");
}

TEST_CASE("syntax errors point at the offending character") {
  CHECK(errors("applicant.entry_date <= ") ==
        "br.yaml:10:29: error: expected an expression, found the end of the expression "
        "[rules.syntax]");
  CHECK(errors("applicant.entry_date = entry_cutoff") ==
        "br.yaml:10:26: error: unexpected \"=\"; write \"==\" to compare [rules.syntax]");
  CHECK(errors("(applicant.entry_date <= entry_cutoff") ==
        "br.yaml:10:42: error: expected \")\", found the end of the expression [rules.syntax]");
  CHECK(errors("1 < 2 < 3") ==
        "br.yaml:10:11: error: comparisons do not chain; combine them with \"and\" [rules.syntax]");
  CHECK(errors("\"abc") == "br.yaml:10:5: error: unterminated string [rules.syntax]");
  CHECK(errors("a # b") == "br.yaml:10:7: error: unexpected character \"#\" [rules.syntax]");
  CHECK(errors("2years") ==
        "br.yaml:10:6: error: a number must be followed by a space or an operator [rules.syntax]");
  CHECK(errors("any(applicant.criminal.convictions)") ==
        "br.yaml:10:5: error: any takes the form any(x in list: condition) [rules.syntax]");
  CHECK(errors("any(c in applicant.criminal.convictions c.date)") ==
        "br.yaml:10:45: error: expected \":\" after the list, found \"c\" [rules.syntax]");
  CHECK(errors("sum(applicant.criminal.convictions) > 0") ==
        "br.yaml:10:5: error: sum takes the form sum(x in list: condition, value) [rules.syntax]");
  CHECK(errors("sum(c in applicant.criminal.convictions: true) > 0") ==
        "br.yaml:10:50: error: expected \",\" and the value to add after the condition, found "
        "\")\" [rules.syntax]");
  CHECK(errors("sum(c in applicant.criminal.convictions: true, c.date) > 0") ==
        "br.yaml:10:52: error: the value of sum must be integer or decimal, found date "
        "[rules.type_mismatch]");
}

TEST_CASE("multi-line text counts lines and restarts columns at 1") {
  CHECK(errors("applicant.entry_date <= entry_cutoff\n  and applicant.criminal.pending\n") ==
        "br.yaml:11:7: error: unknown name \"applicant.criminal.pending\" [rules.unknown_name]");
  CHECK(errors("not\n\n   applicant.entry_date") ==
        "br.yaml:12:4: error: \"not\" needs bool, found date [rules.type_mismatch]");
}

TEST_CASE("name, field and function errors") {
  CHECK(errors("applicant.entry_dat <= entry_cutoff") ==
        "br.yaml:10:5: error: unknown name \"applicant.entry_dat\" [rules.unknown_name]");
  CHECK(errors("applicant.entry_date <= entry_cutof") ==
        "br.yaml:10:29: error: unknown name \"entry_cutof\" [rules.unknown_name]");
  CHECK(errors("applicant.last_permit.too < filing_date") ==
        "br.yaml:10:27: error: record permit has no field \"too\" [rules.unknown_field]");
  CHECK(errors("applicant.entry_date.year > 2000") ==
        "br.yaml:10:26: error: date has no field \"year\" [rules.unknown_field]");
  CHECK(errors("applicant.criminal.convictions.category == \"felony\"") ==
        "br.yaml:10:36: error: list<conviction> has no field \"category\"; use any(x in list: "
        "x.category ...) [rules.unknown_field]");
  CHECK(errors("agee_on(applicant.date_of_birth, filing_date) >= 18") ==
        "br.yaml:10:5: error: unknown function \"agee_on\" [rules.unknown_function]");
  CHECK(errors("age_on(applicant.date_of_birth) >= 18") ==
        "br.yaml:10:5: error: age_on takes 2 arguments, found 1 [rules.wrong_arity]");
  CHECK(errors("age_on(applicant.date_of_birth, \"2009\") >= 18") ==
        "br.yaml:10:37: error: argument 2 of age_on must be date, found string "
        "[rules.type_mismatch]");
}

TEST_CASE("type errors") {
  CHECK(errors("applicant.entry_date <= 5 BRL") ==
        "br.yaml:10:26: error: \"<=\" needs two numbers, two amounts of money or two dates; found "
        "date and money [rules.type_mismatch]");
  CHECK(errors("applicant.entry_date") ==
        "br.yaml:10:5: error: expected bool, found date [rules.type_mismatch]");
  CHECK(errors("applicant.entry_date and true") ==
        "br.yaml:10:5: error: \"and\" needs bool operands, found date [rules.type_mismatch]");
  CHECK(errors("applicant.entry_date + applicant.entry_date > 1") ==
        "br.yaml:10:26: error: \"+\" cannot add date and date [rules.type_mismatch]");
  CHECK(errors("applicant.entry_date == \"2009-02-01\"") ==
        "br.yaml:10:26: error: \"==\" cannot compare date with string [rules.type_mismatch]");
  CHECK(errors("\"BOL\" in applicant.nationalities") ==
        "br.yaml:10:5: error: \"BOL\" is not an ISO 3166-1 alpha-2 code (two letters) "
        "[rules.bad_literal]");
  CHECK(errors("1 in applicant.nationalities") ==
        "br.yaml:10:7: error: \"in\" cannot look for integer in list<country> "
        "[rules.type_mismatch]");
  CHECK(errors("applicant.entry_date in 2009-01-01") ==
        "br.yaml:10:26: error: \"in\" needs a list on the right, found date [rules.type_mismatch]");
  CHECK(errors("any(c in applicant.criminal.convictions: c.date)") ==
        "br.yaml:10:46: error: the condition of any must be bool, found date "
        "[rules.type_mismatch]");
  CHECK(errors("2 years < 1 year") ==
        "br.yaml:10:13: error: \"<\" needs two numbers, two amounts of money or two dates; found "
        "period and period [rules.type_mismatch]");
  CHECK(errors("has_document(3)") ==
        "br.yaml:10:18: error: argument 1 of has_document must be string or list<string>, found "
        "integer [rules.type_mismatch]");
  CHECK(errors("-applicant.entry_date < 1") ==
        "br.yaml:10:5: error: \"-\" cannot negate date [rules.type_mismatch]");
  CHECK(errors("[applicant.entry_date] == 1") ==
        "br.yaml:10:6: error: list elements must be constants [rules.not_constant]");
}

TEST_CASE("a money literal with too many decimals is placed at the literal") {
  CHECK(errors("applicant.income > 64.587 BRL") ==
        "br.yaml:10:24: error: \"64.587\" has more decimals than BRL allows (2) "
        "[rules.bad_literal]");
}

TEST_CASE("money in two currencies known when compiling") {
  // Literals and parameters: every evaluation would be rules.currency_mismatch.
  CHECK(errors("1.5 BRL < 2 EUR") ==
        "br.yaml:10:13: error: \"<\" cannot compare money in BRL with money in EUR "
        "[rules.currency_mismatch]");
  CHECK(errors("fee == 64.58 EUR") ==
        "br.yaml:10:9: error: \"==\" cannot compare money in BRL with money in EUR "
        "[rules.currency_mismatch]");
  CHECK(errors("fee + 1 USD", Type::money()) ==
        "br.yaml:10:9: error: \"+\" cannot add money in BRL and money in USD "
        "[rules.currency_mismatch]");
  CHECK(errors("-fee - 1 USD", Type::money()) ==
        "br.yaml:10:10: error: \"-\" cannot subtract money in BRL and money in USD "
        "[rules.currency_mismatch]");
  // Through arithmetic: a sum or a product keeps its currency.
  CHECK(errors("applicant.income + 1 USD > 10 BRL") ==
        "br.yaml:10:30: error: \">\" cannot compare money in USD with money in BRL "
        "[rules.currency_mismatch]");
  CHECK(errors("2 * fee >= -(3 EUR)") ==
        "br.yaml:10:13: error: \">=\" cannot compare money in BRL with money in EUR "
        "[rules.currency_mismatch]");
  CHECK(errors("fee in [64.58 BRL, 1 EUR]") ==
        "br.yaml:10:9: error: \"in\" cannot look for money in BRL among money in EUR "
        "[rules.currency_mismatch]");
  CHECK(errors("fee not in eur_fees") ==
        "br.yaml:10:9: error: \"not in\" cannot look for money in BRL among money in EUR "
        "[rules.currency_mismatch]");
  // Every such comparison of an expression is reported.
  CHECK(errors("1 BRL < 2 EUR or 1 USD > fee") ==
        "br.yaml:10:11: error: \"<\" cannot compare money in BRL with money in EUR "
        "[rules.currency_mismatch]\n"
        "br.yaml:10:28: error: \">\" cannot compare money in USD with money in BRL "
        "[rules.currency_mismatch]");
  // A fact's currency is the application's: only evaluation can tell.
  CHECK(errors("applicant.income > 10 EUR and applicant.income < fee").empty());
  CHECK(errors("applicant.income + fee > 1 BRL and fee * 2 == 129.16 BRL").empty());
  CHECK(errors("sum(p in payments: p.fee == \"a\", 1) > 0 and "
               "any(p in payments: p.amount > 1 EUR)")
            .empty());
}

TEST_CASE("every type error of an expression is reported at once") {
  CHECK(errors("applicant.entry_dat < 1 and foo and has_document(1)") ==
        "br.yaml:10:5: error: unknown name \"applicant.entry_dat\" [rules.unknown_name]\n"
        "br.yaml:10:33: error: unknown name \"foo\" [rules.unknown_name]\n"
        "br.yaml:10:54: error: argument 1 of has_document must be string or list<string>, found "
        "integer [rules.type_mismatch]");
}

TEST_CASE("depth and size limits give diagnostics, never a stack overflow") {
  const std::string parens = std::string(100000, '(') + "true" + std::string(100000, ')');
  CHECK(errors(parens) ==
        "br.yaml:10:69: error: expression nested more than 64 deep [rules.too_deep]");
  std::string nots;
  for (int i = 0; i < 100000; ++i) nots += "not ";
  CHECK(errors(nots + "true") ==
        "br.yaml:10:261: error: expression nested more than 64 deep [rules.too_deep]");
  std::string minus(100000, '-');
  CHECK(errors(minus + "1 > 0").find("[rules.too_deep]") != std::string::npos);
  std::string chain = "true";
  for (int i = 0; i < 100; ++i) chain += " and true";
  CHECK(errors(chain).find("[rules.too_deep]") != std::string::npos);
  std::string wide = "[1";
  for (int i = 0; i < 5000; ++i) wide += ", 1";
  CHECK(errors(wide + "] == 1") ==
        "br.yaml:10:12294: error: expression has more than 4096 nodes [rules.too_large]");
  std::string deep_ok = std::string(60, '(') + "true" + std::string(60, ')');
  CHECK(errors(deep_ok).empty());
}

TEST_CASE("too many facts is a diagnostic") {
  MapEnvironment env;
  for (int i = 0; i < 200; ++i) env.add("f" + std::to_string(i), Type::boolean());
  Compiler compiler;
  Diagnostics diags;
  for (int i = 0; i < 128; ++i) {
    REQUIRE(compiler.compile("f" + std::to_string(i), {"x.yaml", 1, 1}, env, diags));
  }
  CHECK_FALSE(compiler.compile("f1 and f128", {"x.yaml", 2, 1}, env, diags));
  REQUIRE(diags.size() == 1);
  CHECK(
      diags[0].to_string() ==
      "x.yaml:2:8: error: more than 128 facts and fields in one programme [rules.too_many_facts]");
  CHECK(compiler.slots().size() == 128);
}

TEST_CASE("parameters") {
  Compiler compiler;
  Diagnostics diags;
  CHECK(compiler.define_parameter("cutoff", Constant::date(day("2009-02-01")), {"a.yaml", 1, 1},
                                  diags));
  CHECK_FALSE(compiler.define_parameter("cutoff", Constant::integer(1), {"a.yaml", 2, 1}, diags));
  CHECK_FALSE(compiler.define_parameter("as_of", Constant::integer(1), {"a.yaml", 3, 1}, diags));
  CHECK_FALSE(compiler.define_parameter("none", Constant::list({}), {"a.yaml", 4, 1}, diags));
  REQUIRE(diags.size() == 3);
  CHECK(diags[0].to_string() ==
        "a.yaml:2:1: error: parameter \"cutoff\" is already defined [rules.duplicate_parameter]");
  CHECK(diags[1].code == "rules.bad_parameter");
  CHECK(diags[2].to_string() ==
        "a.yaml:4:1: error: an empty list has no element type [rules.empty_list]");
}
