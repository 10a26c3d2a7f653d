// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Tests of the report renderers over the fixture tests/report/data/results.jsonl:
// CSV and text byte for byte against tests/report/golden/ (REGULARIS_BLESS=1
// rewrites them), JSON read back, and the HTML page checked for what matters
// (well-formed tags, charts, the counts, nothing fetched from a network, text
// escaped), with its golden file kept for review.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "regularis/report/render.hpp"
#include "regularis/report/statistics.hpp"

using namespace regularis;

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Compares `actual` with tests/report/golden/<name>, or rewrites it when REGULARIS_BLESS=1.
void check_golden(const std::string& name, const std::string& actual) {
  const fs::path path = fs::path(REGULARIS_SOURCE_DIR) / "tests/report/golden" / name;
  const char* bless = std::getenv("REGULARIS_BLESS");
  if (bless != nullptr && std::string(bless) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("blessed " << path.string());
    return;
  }
  INFO("golden file " << path.string() << " (REGULARIS_BLESS=1 rewrites it)");
  REQUIRE(fs::exists(path));
  CHECK(actual == read_file(path));
}

Statistics fixture_statistics() {
  const std::string path = "tests/report/data/results.jsonl";
  std::ifstream in(path);
  REQUIRE(in);
  Statistics stats;
  REQUIRE(read_results(in, path, stats).added == 12);
  return stats;
}

const ReportOptions kOptions{"Fixture report", {"results.jsonl"}, 20};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// Checks that every tag is closed in order (void HTML elements and
/// self-closed SVG elements aside) and that no '<' or '&' appears in text
/// unescaped. Returns "" when fine, else the first problem.
std::string tag_problem(const std::string& html) {
  static const std::vector<std::string> kVoid{"meta", "br", "hr", "img", "input", "link"};
  std::vector<std::string> open;
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '&') {
      const std::size_t semi = html.find(';', i);
      const std::string entity = html.substr(i, semi == std::string::npos ? 8 : semi - i + 1);
      if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;" &&
          entity != "&#39;") {
        return "unknown entity " + entity + " at " + std::to_string(i);
      }
      i += entity.size();
      continue;
    }
    if (c != '<') {
      ++i;
      continue;
    }
    const std::size_t end = html.find('>', i);
    if (end == std::string::npos) return "unterminated tag at " + std::to_string(i);
    std::string tag = html.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.rfind("!DOCTYPE", 0) == 0) continue;
    if (tag.find('<') != std::string::npos) return "'<' inside tag " + tag;
    if (tag == "style") {  // CSS is not markup: skip to its end
      const std::size_t close = html.find("</style>", i);
      if (close == std::string::npos) return "unclosed style";
      i = close + 8;
      continue;
    }
    const bool closing = tag[0] == '/';
    const bool self_closed = tag.back() == '/';
    std::string name = tag.substr(closing ? 1 : 0);
    name = name.substr(0, name.find_first_of(" /"));
    if (closing) {
      if (open.empty() || open.back() != name) {
        return "</" + name + "> closes <" + (open.empty() ? "" : open.back()) + ">";
      }
      open.pop_back();
    } else if (!self_closed && std::find(kVoid.begin(), kVoid.end(), name) == kVoid.end()) {
      open.push_back(name);
    }
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  return "";
}

}  // namespace

TEST_CASE("CSV: one table per dimension, byte for byte") {
  const Statistics stats = fixture_statistics();
  std::ostringstream all;
  write_csv(all, stats);
  check_golden("results.csv", all.str());

  std::ostringstream outcome;
  write_csv(outcome, stats, Dimension::outcome);
  CHECK(outcome.str() ==
        "dimension,key,count\n"
        "outcome,eligible,5\n"
        "outcome,ineligible,2\n"
        "outcome,incomplete,3\n"
        "outcome,invalid,2\n");
}

namespace {

/// The reason dimension as CSV, for one ineligible result with `reasons`.
std::string reasons_csv(std::vector<std::string> reasons) {
  ResultSummary r;
  r.outcome = Outcome::ineligible;
  r.reasons = std::move(reasons);
  Statistics stats;
  stats.add(r);
  std::ostringstream out;
  write_csv(out, stats, Dimension::reason);
  return out.str();
}

}  // namespace

TEST_CASE("CSV quotes keys with commas and quotes") {
  CHECK(reasons_csv({"a,b.not_met", "say \"x\".missing"}) ==
        "dimension,key,count\n"
        "reason,\"a,b.not_met\",1\n"
        "reason,\"say \"\"x\"\".missing\",1\n");
}

TEST_CASE("CSV keys a spreadsheet would run as formulas are quoted with a leading quote") {
  // Result files can be edited by hand: a key is text from outside.
  CHECK(reasons_csv({"=HYPERLINK(\"x\")", "+1", "-2", "@3", "a-4"}) ==
        "dimension,key,count\n"
        "reason,\"'+1\",1\n"
        "reason,\"'-2\",1\n"
        "reason,\"'=HYPERLINK(\"\"x\"\")\",1\n"
        "reason,\"'@3\",1\n"
        "reason,a-4,1\n");
  CHECK(csv_field("A-1") == "A-1");
  CHECK(csv_field("\tT") == "\"'\tT\"");
}

TEST_CASE("text report, byte for byte") {
  std::ostringstream out;
  write_text(out, fixture_statistics(), kOptions);
  check_golden("results.txt", out.str());
}

TEST_CASE("JSON report reads back with the same counts") {
  std::ostringstream out;
  write_json(out, fixture_statistics());
  const auto j = nlohmann::json::parse(out.str());
  CHECK(j["records"] == 12);
  CHECK(j["outcome"][0] == nlohmann::json{{"key", "eligible"}, {"count", 5}});
  CHECK(j["nationality"][0] == nlohmann::json{{"key", "BO"}, {"count", 5}});
  CHECK(j["missing_item"].size() == 4);
  CHECK(j["filings_by_month"][1] == nlohmann::json{{"month", "2009-09"},
                                                   {"eligible", 1},
                                                   {"ineligible", 1},
                                                   {"incomplete", 1},
                                                   {"invalid", 0},
                                                   {"total", 3}});
  // Keys in the documented order.
  std::vector<std::string> keys;
  const auto ordered = nlohmann::ordered_json::parse(out.str());
  for (auto it = ordered.begin(); it != ordered.end(); ++it) keys.push_back(it.key());
  CHECK(keys == std::vector<std::string>{"records", "outcome", "filing_month", "reason",
                                         "missing_item", "nationality", "programme",
                                         "filings_by_month"});
}

TEST_CASE("HTML report: self-contained, well-formed, with charts, tables and the counts") {
  std::ostringstream out;
  write_html(out, fixture_statistics(), kOptions);
  const std::string html = out.str();
  check_golden("results.html", html);

  CHECK(tag_problem(html).empty());
  INFO(tag_problem(html));
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK_FALSE(contains(html, "http://"));
  CHECK_FALSE(contains(html, "https://"));
  CHECK_FALSE(contains(html, "<script"));
  CHECK_FALSE(contains(html, "<link"));
  CHECK_FALSE(contains(html, "url("));
  CHECK(contains(html, "<title>Fixture report</title>"));
  CHECK(contains(html, "12 applications from <code>results.jsonl</code>"));

  // One chart per section (outcome, month, reason, missing item, nationality,
  // programme), each titled and described for screen readers, each followed by a table.
  std::size_t charts = 0;
  for (std::size_t at = html.find("<svg"); at != std::string::npos;
       at = html.find("<svg", at + 1)) {
    ++charts;
    const std::size_t svg_end = html.find("</svg>", at);
    const std::string svg = html.substr(at, svg_end - at);
    CHECK(contains(svg, "role=\"img\""));
    CHECK(contains(svg, "<title id="));
    CHECK(contains(svg, "<desc id="));
    CHECK(html.find("<table>", svg_end) != std::string::npos);
  }
  CHECK(charts == 6);

  // The counts are written on the bars and in the tables.
  CHECK(contains(html, "font-weight=\"600\">5</text>"));  // the eligible bar
  CHECK(contains(html,
                 "<th scope=\"row\"><code>proof_of_entry.missing</code></th>"
                 "<td class=\"num\">2</td><td class=\"num\">16.7%</td>"));
  CHECK(contains(html,
                 "<th scope=\"row\">BO</th><td>Bolivia (Plurinational State of)</td>"
                 "<td class=\"num\">5</td><td class=\"num\">41.7%</td>"));
  // Missing items are shares of the 3 incomplete applications.
  CHECK(contains(html,
                 "<code>applicant.entry_date</code></th><td class=\"num\">1</td>"
                 "<td class=\"num\">33.3%</td>"));
  // Months: the gap (2009-08, 2009-10, 2009-11) is drawn empty; undated ones are noted.
  CHECK(contains(html, "<title>2009-08: 0 (eligible 0, ineligible 0, incomplete 0, invalid 0)"));
  CHECK(contains(html, "3 applications have no filing date"));
  CHECK(contains(html,
                 "<tfoot><tr><th scope=\"row\">Total</th><td class=\"num\">5</td>"
                 "<td class=\"num\">2</td><td class=\"num\">3</td><td class=\"num\">2</td>"
                 "<td class=\"num\">12</td></tr></tfoot>"));
}

TEST_CASE("HTML report escapes every text that came from the results") {
  ResultSummary r;
  r.programme = "p&q";
  r.outcome = Outcome::incomplete;
  r.reasons = {"<script>alert('x')</script>.missing"};
  r.missing_items = r.reasons;
  r.nationalities = {"\"><img src=x>"};
  Statistics stats;
  stats.add(r);
  std::ostringstream out;
  write_html(out, stats, {"Report <b>&</b>", {"a<b>.jsonl"}, 20});
  const std::string html = out.str();
  CHECK(tag_problem(html).empty());
  CHECK_FALSE(contains(html, "<script"));
  CHECK_FALSE(contains(html, "<img"));
  CHECK_FALSE(contains(html, "<b>"));
  CHECK(contains(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;.missing"));
  CHECK(contains(html, "&quot;&gt;&lt;img src=x&gt;"));
  CHECK(contains(html, "<title>Report &lt;b&gt;&amp;&lt;/b&gt;</title>"));
  CHECK(contains(html, "<code>p&amp;q</code>"));
  CHECK(contains(html, "<code>a&lt;b&gt;.jsonl</code>"));
}

TEST_CASE("HTML report of nothing still renders") {
  std::ostringstream out;
  write_html(out, Statistics{}, {});
  const std::string html = out.str();
  CHECK(tag_problem(html).empty());
  CHECK(contains(html, "0 applications"));
  CHECK(contains(html, "No result carries a filing date"));
}

TEST_CASE("charts show the largest keys, tables list every key") {
  Statistics stats;
  for (int i = 0; i < 30; ++i) {
    ResultSummary r;
    r.outcome = Outcome::ineligible;
    r.reasons = {"reason_" + std::to_string(100 + i) + ".not_met"};
    stats.add(r);
  }
  std::ostringstream out;
  write_html(out, stats, {"t", {}, 5});
  const std::string html = out.str();
  CHECK(contains(html, "<figcaption>The 5 largest of 30; the table lists every one.</figcaption>"));
  CHECK(contains(html, "<code>reason_129.not_met</code>"));
  CHECK(contains(html, "class=\"scroll\" tabindex=\"0\" role=\"region\""));
}
