// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Hostile programme files: too large, nested too deep (YAML and
// expressions, 100,000 levels of `((((` and `not not not` through the
// loader), "billion laughs" aliases, very long scalars. Each gives its exact
// diagnostic and never a crash, a stack overflow or a runaway allocation.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "regularis/programme/calendar_file.hpp"
#include "regularis/programme/check.hpp"
#include "regularis/programme/load.hpp"

using namespace regularis;

namespace {

using Lines = std::vector<std::string>;

// A small valid programme whose one criterion requires `@`.
const std::string kProgramme = R"(programme: hostile-1
title: {en: Hostile test programme}
default_language: en
jurisdiction: BR
time_zone: America/Sao_Paulo
legal_basis: Test Law 1/2009
versions:
  - effective_from: 2009-07-02
    window: {published: 2009-07-03, within: 180 days}
    parameters:
      entry_cutoff: 2009-02-01
    criteria:
      - id: entered_by_cutoff
        basis: art. 1
        text: {en: Entered on or before 1 February 2009}
        require: @
    grant: {status: temporary_residence, validity: 2 years}
)";

std::string with_require(const std::string& expression) {
  std::string s = kProgramme;
  s.replace(s.find('@'), 1, expression);
  return s;
}

Lines diagnostics_of(const std::string& text) {
  Lines out;
  for (const Diagnostic& d : check_programme_text(text, "h.yaml")) out.push_back(d.to_string());
  return out;
}

}  // namespace

TEST_CASE("the hostile tests' base programme is valid") {
  CHECK(diagnostics_of(with_require("applicant.entry_date <= entry_cutoff")).empty());
}

TEST_CASE("a programme file larger than 1 MiB is refused before parsing") {
  std::string text = with_require("applicant.entry_date <= entry_cutoff");
  text += "# " + std::string((1u << 20) - text.size() - 3, 'x') + "\n";
  REQUIRE(text.size() == (1u << 20));
  CHECK(diagnostics_of(text).empty());
  text += "#\n";
  CHECK(diagnostics_of(text) ==
        Lines{"h.yaml: error: the file is 1048578 bytes long; the limit is 1048576 "
              "[programme.too_large]"});
}

TEST_CASE("100,000 nested parentheses or nots in a criterion are too deep, not a crash") {
  const std::string parens =
      std::string(100000, '(') + "applicant.entry_date <= entry_cutoff" + std::string(100000, ')');
  CHECK(diagnostics_of(with_require(parens)) ==
        Lines{"h.yaml:16:82: error: expression nested more than 64 deep [rules.too_deep]"});
  std::string nots;
  for (int i = 0; i < 100000; ++i) nots += "not ";
  CHECK(diagnostics_of(with_require(nots + "applicant.criminal.pending_proceedings")) ==
        Lines{"h.yaml:16:274: error: expression nested more than 64 deep [rules.too_deep]"});
  std::string negs(100000, '-');
  CHECK(diagnostics_of(with_require("applicant.entry_date <= " + negs + "1")) ==
        Lines{"h.yaml:16:105: error: expression nested more than 64 deep [rules.too_deep]"});
}

TEST_CASE("an expression with too many nodes is too large") {
  std::string list = "[";
  for (int i = 0; i < 5000; ++i) list += (i ? ", " : "") + std::to_string(i);
  list += "]";
  CHECK(diagnostics_of(with_require("count(applicant.nationalities) in " + list)) ==
        Lines{"h.yaml:16:23507: error: expression has more than 4096 nodes [rules.too_large]"});
}

TEST_CASE("deeply nested YAML is refused") {
  // Past the loader's limit of 64 levels.
  std::string flow = std::string(100, '[') + std::string(100, ']');
  CHECK(diagnostics_of(kProgramme.substr(0, kProgramme.find("versions:")) + "sources: " + flow +
                       "\n") ==
        Lines{"h.yaml:7:74: error: the YAML is nested more than 64 deep (the limit) "
              "[programme.too_deep]"});
  // Past yaml-cpp's own guard: too deep, at the first node past our limit,
  // not a stack overflow.
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK(diagnostics_of("sources: " + deep + "\n") ==
        Lines{"h.yaml:1:74: error: the YAML is nested more than 64 deep (the limit) "
              "[programme.too_deep]"});
  std::string deep_maps;
  for (int i = 0; i < 100000; ++i) deep_maps += "{a: ";
  CHECK(diagnostics_of("sources: " + deep_maps + "\n") ==
        Lines{"h.yaml:1:263: error: the YAML is nested more than 64 deep (the limit) "
              "[programme.too_deep]"});
}

TEST_CASE("billion laughs: aliases that expand past the limits") {
  std::string laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    laughs += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) laughs += (k ? ", " : "") + prev;
    laughs += "]\n";
  }
  CHECK(diagnostics_of(laughs) ==
        Lines{"h.yaml:1:30: error: the file has, with aliases expanded, more than 100000 YAML "
              "nodes (the limit) [programme.too_large]"});
  // Few nodes, but a long scalar repeated: the expanded text is limited too.
  std::string wide = "a0: &a0 " + std::string(500000, 'x') + "\na1: [";
  for (int k = 0; k < 20; ++k) wide += (k ? ", " : "") + std::string("*a0");
  wide += "]\n";
  CHECK(diagnostics_of(wide) ==
        Lines{"h.yaml:1:5: error: the file's text, with aliases expanded, is longer than 4194304 "
              "bytes (the limit) [programme.too_large]"});
}

TEST_CASE("very long scalars are read and diagnosed like short ones") {
  std::string text = with_require("applicant.entry_date <= entry_cutoff");
  std::string long_title = std::string(900000, 'T');
  text.replace(text.find("Hostile test programme"), 22, long_title);
  CHECK(diagnostics_of(text).empty());
  std::string long_id = with_require("applicant.entry_date <= entry_cutoff");
  long_id.replace(long_id.find("entered_by_cutoff"), 17, std::string(100000, 'q'));
  CHECK(diagnostics_of(long_id).empty());
  std::string long_name = with_require("applicant." + std::string(500000, 'z') + " == 1");
  CHECK(diagnostics_of(long_name) == Lines{"h.yaml:16:28: error: record applicant has no field \"" +
                                           std::string(500000, 'z') + "\" [rules.unknown_field]"});
}

TEST_CASE("empty, blank and binary programme files") {
  const Lines empty{
      "h.yaml:1:1: error: a programme file must be a mapping (programme, title, versions, ...), "
      "not empty [programme.wrong_type]"};
  CHECK(diagnostics_of("") == empty);
  CHECK(diagnostics_of("\n\n   \n") == empty);
  CHECK(diagnostics_of("# only a comment\n") == empty);
  // Control bytes of a value are escaped in the message, never written raw
  // (a terminal would act on an escape sequence).
  // Bytes that are not UTF-8 stop the file before yaml-cpp misreads them.
  CHECK(diagnostics_of(std::string("\0\x01\x02\xff\xfe", 5)) ==
        Lines{"h.yaml:1:4: error: the text is not UTF-8 here (byte 0xff); save the file as "
              "UTF-8 [programme.bad_utf8]"});
  CHECK(diagnostics_of("\"\\e[31mred\"\n") ==
        Lines{"h.yaml:1:1: error: a programme file must be a mapping (programme, title, "
              "versions, ...), not \"\\x1b[31mred\" [programme.wrong_type]"});
}

// Found by fuzz_programme: yaml-cpp 0.7's LoadAll never consumes a stray ','
// at document level and yields empty documents until memory runs out.
TEST_CASE("fuzz regression: a stray comma at document level is a syntax error, not a hang") {
  CHECK(diagnostics_of(",") ==
        Lines{"h.yaml:1:1: error: YAML syntax error: unexpected \",\" [programme.yaml_syntax]"});
  CHECK(diagnostics_of("[a, b]\n,") ==
        Lines{"h.yaml:2:1: error: YAML syntax error: unexpected \",\" [programme.yaml_syntax]"});
  CHECK(diagnostics_of(with_require("applicant.entry_date <= entry_cutoff") + ",\n") ==
        Lines{"h.yaml:18:1: error: YAML syntax error: end of map not found "
              "[programme.yaml_syntax]"});
  // Several documents are still counted.
  CHECK(diagnostics_of("a: 1\n---\nb: 2\n---\nc: 3\n")[0] ==
        "h.yaml:3:1: error: a programme file holds one YAML document, found 3 "
        "[programme.yaml_syntax]");
  CalendarFile calendar = load_calendar_text("{a: 1}\n,", "c.yaml");
  REQUIRE(calendar.diagnostics.size() == 1);
  CHECK(calendar.diagnostics[0].to_string() ==
        "c.yaml:2:1: error: YAML syntax error: unexpected \",\" [calendar.yaml_syntax]");
}
