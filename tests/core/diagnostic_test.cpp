// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Diagnostic: the one-line form, rendering with the source line and a caret
// (gutter, tabs, UTF-8, missing lines), and the Diagnostics collection.
#include <catch2/catch.hpp>

#include "regularis/core/diagnostic.hpp"

using regularis::Diagnostic;
using regularis::Diagnostics;
using regularis::Severity;
using regularis::SourceLocation;

TEST_CASE("Diagnostic::to_string", "[diagnostic]") {
  const Diagnostic d{Severity::error,
                     "programme.unknown_key",
                     "unknown key \"critera\"",
                     {"br-2009.yaml", 12, 5},
                     ""};
  CHECK(d.to_string() ==
        "br-2009.yaml:12:5: error: unknown key \"critera\" [programme.unknown_key]");
  const Diagnostic j{
      Severity::error, "facts.bad_date", "2009-02-30 is not a date", {}, "applicant.date_of_birth"};
  CHECK(j.to_string() ==
        "applicant.date_of_birth: error: 2009-02-30 is not a date [facts.bad_date]");
  const Diagnostic w{Severity::warning,
                     "programme.unused",
                     "criterion \"x\" is never used",
                     {"br.yaml", 3, 0},
                     ""};
  CHECK(w.to_string() == "br.yaml:3: warning: criterion \"x\" is never used [programme.unused]");
  const Diagnostic n{Severity::note, "", "declared here", {"br.yaml", 0, 0}, ""};
  CHECK(n.to_string() == "br.yaml: note: declared here");
  const Diagnostic bare{Severity::error, "io.empty", "no input", {}, ""};
  CHECK(bare.to_string() == "error: no input [io.empty]");
  const Diagnostic both{Severity::error,
                        "facts.bad_date",
                        "2009-02-30 is not a date",
                        {"batch.jsonl", 3, 0},
                        "applicant.date_of_birth"};
  CHECK(both.to_string() ==
        "batch.jsonl:3: applicant.date_of_birth: error: 2009-02-30 is not a date "
        "[facts.bad_date]");
  CHECK(regularis::to_string(Severity::error) == "error");
  CHECK(regularis::to_string(Severity::warning) == "warning");
  CHECK(regularis::to_string(Severity::note) == "note");
  CHECK(SourceLocation{"a.yaml", 1, 2}.to_string() == "a.yaml:1:2");
  CHECK(SourceLocation{"a.yaml", 0, 2}.to_string() == "a.yaml");
  CHECK(SourceLocation{}.to_string().empty());
  CHECK(SourceLocation{"a.yaml", 1, 2} == SourceLocation{"a.yaml", 1, 2});
}

TEST_CASE("render shows the source line and a caret", "[diagnostic]") {
  std::string source;
  for (int i = 1; i <= 11; ++i) source += "line" + std::to_string(i) + ": x\n";
  source += "    critera:\n      - age\n";
  const Diagnostic d{Severity::error,
                     "programme.unknown_key",
                     "unknown key \"critera\"",
                     {"br-2009.yaml", 12, 5},
                     ""};
  CHECK(regularis::render(d, source) ==
        "br-2009.yaml:12:5: error: unknown key \"critera\" [programme.unknown_key]\n"
        "   12 |     critera:\n"
        "      |     ^\n");
}

TEST_CASE("render edge cases", "[diagnostic]") {
  auto at = [](int line, int column) {
    return Diagnostic{Severity::error, "c", "m", {"f.yaml", line, column}, ""};
  };
  // Tabs before the column are kept so the caret lines up.
  CHECK(regularis::render(at(1, 3), "\t\tkey: 1\n") ==
        "f.yaml:1:3: error: m [c]\n"
        "    1 | \t\tkey: 1\n"
        "      | \t\t^\n");
  // A multi-byte UTF-8 character takes one place: the caret under "x" (byte
  // 9, character 8).
  CHECK(regularis::render(at(1, 9), "nome: \xC3\xA9x\n") ==
        "f.yaml:1:8: error: m [c]\n"
        "    1 | nome: \xC3\xA9x\n"
        "      |        ^\n");
  // CRLF line ends and a last line without a newline.
  CHECK(regularis::render(at(2, 1), "a\r\nb: 2") ==
        "f.yaml:2:1: error: m [c]\n"
        "    2 | b: 2\n"
        "      | ^\n");
  // A column past the end puts the caret just after the line.
  CHECK(regularis::render(at(1, 50), "ab\n") ==
        "f.yaml:1:50: error: m [c]\n"
        "    1 | ab\n"
        "      |   ^\n");
  // No column: the line without a caret.
  CHECK(regularis::render(at(1, 0), "ab\n") ==
        "f.yaml:1: error: m [c]\n"
        "    1 | ab\n");
  // No such line, no line, or no source: only the diagnostic.
  CHECK(regularis::render(at(3, 1), "a\nb\n") == "f.yaml:3:1: error: m [c]\n");
  CHECK(regularis::render(at(0, 0), "a\n") == "f.yaml: error: m [c]\n");
  CHECK(regularis::render(at(1, 1), "") == "f.yaml:1:1: error: m [c]\n    1 | \n      | ^\n");
  // Wide line numbers widen the gutter.
  std::string many;
  for (int i = 0; i < 123456; ++i) many += "x\n";
  CHECK(regularis::render(at(123456, 1), many) ==
        "f.yaml:123456:1: error: m [c]\n"
        "123456 | x\n"
        "       | ^\n");
}

TEST_CASE("render counts the column in characters, not bytes", "[diagnostic]") {
  // The audit's line: the "1" is byte 60 but character 59, after one "á".
  const std::string line = "        require: '\"irregul\xC3\xA1r\" == applicant.entry_mode and 1'";
  const Diagnostic d{Severity::error,
                     "rules.type_mismatch",
                     "\"and\" needs bool operands, found integer",
                     {"iso4.yaml", 2, 60},
                     ""};
  const std::string out = regularis::render(d, "rules:\n" + line + "\n");
  CHECK(out ==
        "iso4.yaml:2:59: error: \"and\" needs bool operands, found integer "
        "[rules.type_mismatch]\n"
        "    2 | " +
            line + "\n" + "      | " + std::string(58, ' ') + "^\n");
  // The stored location keeps its byte column, and so does the one-line form.
  CHECK(d.location.column == 60);
  CHECK(d.to_string().rfind("iso4.yaml:2:60: ", 0) == 0);

  auto at = [](int column) {
    return Diagnostic{Severity::error, "c", "m", {"f.yaml", 1, column}, ""};
  };
  // Two-, three- and four-byte characters (é, €, 😀) and a tab before "x",
  // which is byte 12 and character 6. The emoji is two places wide on a
  // terminal, so the caret moves two places for it.
  const std::string mixed = "\t\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 x\n";
  CHECK(regularis::render(at(12), mixed) ==
        "f.yaml:1:6: error: m [c]\n"
        "    1 | " +
            mixed + "      | \t     ^\n");
}

TEST_CASE("render puts the caret under wide and combined characters", "[diagnostic]") {
  auto at = [](int column) {
    return Diagnostic{Severity::error, "c", "m", {"f.yaml", 1, column}, ""};
  };
  // "title: 申请 x": two CJK ideographs take two places each; "x" is byte
  // 15, character 11, and the caret has 12 places before it.
  const std::string cjk = "title: \xE7\x94\xB3\xE8\xAF\xB7 x\n";
  CHECK(regularis::render(at(15), cjk) ==
        "f.yaml:1:11: error: m [c]\n    1 | " + cjk + "      | " + std::string(12, ' ') + "^\n");
  // Hangul and a fullwidth letter are wide too.
  CHECK(regularis::render(at(7), "\xED\x95\x9C\xEF\xBC\xA1x\n") ==
        "f.yaml:1:3: error: m [c]\n    1 | \xED\x95\x9C\xEF\xBC\xA1x\n      |     ^\n");
  // "e" and a combining acute accent are one place: the caret under "x".
  CHECK(regularis::render(at(4), "e\xCC\x81x\n") ==
        "f.yaml:1:3: error: m [c]\n    1 | e\xCC\x81x\n      |  ^\n");
  // A byte that is not UTF-8 shows as one replacement character.
  CHECK(regularis::render(at(2), "\xFFx\n") ==
        "f.yaml:1:2: error: m [c]\n    1 | \xFFx\n      |  ^\n");
}

TEST_CASE("character_column", "[diagnostic]") {
  using regularis::character_column;
  CHECK(character_column("abc", 1) == 1);
  CHECK(character_column("abc", 3) == 3);
  CHECK(character_column("abc", 4) == 4);    // just after the line
  CHECK(character_column("abc", 10) == 10);  // past it, a column a byte
  CHECK(character_column("\xC3\xA9x", 3) == 2);
  CHECK(character_column("\xC3\xA9x", 4) == 3);
  CHECK(character_column("\xC3\xA9x", 6) == 5);  // past the end: bytes after 3 characters
  // A byte inside a character is in that character's column.
  CHECK(character_column("a\xE2\x82\xAC"
                         "b",
                         2) == 2);
  CHECK(character_column("a\xE2\x82\xAC"
                         "b",
                         3) == 2);
  CHECK(character_column("a\xE2\x82\xAC"
                         "b",
                         4) == 2);
  CHECK(character_column("a\xE2\x82\xAC"
                         "b",
                         5) == 3);
  CHECK(character_column("\xF0\x9F\x98\x80x", 5) == 2);
  CHECK(character_column("\tx", 2) == 2);  // a tab is one column
  // Bytes that are not valid UTF-8 (Latin-1 "é", a lone continuation byte, a
  // truncated or overlong sequence, a surrogate) count one column each.
  CHECK(character_column("\xE9x", 2) == 2);
  CHECK(character_column("\x80\x80x", 3) == 3);
  CHECK(character_column("\xE2\x82x", 3) == 3);
  CHECK(character_column("\xC0\xAFx", 3) == 3);
  CHECK(character_column("\xED\xA0\x80x", 4) == 4);
  CHECK(character_column("", 1) == 1);
  CHECK(character_column("abc", 0) == 0);
}

TEST_CASE("Diagnostics collects in order", "[diagnostic]") {
  Diagnostics all;
  CHECK(all.empty());
  CHECK_FALSE(all.has_errors());
  all.warning("programme.unused", "unused", {"a.yaml", 1, 1});
  CHECK_FALSE(all.has_errors());
  all.error("programme.unknown_key", "unknown key", {"a.yaml", 2, 3});
  all.error_at_path("facts.bad_date", "bad", "applicant.date_of_birth");
  CHECK(all.has_errors());
  REQUIRE(all.size() == 3);
  CHECK(all[0].severity == Severity::warning);
  CHECK(all[1].to_string() == "a.yaml:2:3: error: unknown key [programme.unknown_key]");
  CHECK(all[2].to_string() == "applicant.date_of_birth: error: bad [facts.bad_date]");
  Diagnostics more;
  more.add(Diagnostic{Severity::note, "n", "note", {}, ""});
  more.append(all);
  REQUIRE(more.size() == 4);
  CHECK(more.items()[3].code == "facts.bad_date");
  int count = 0;
  for (const auto& d : more) count += d.severity == Severity::error ? 1 : 0;
  CHECK(count == 2);
}
