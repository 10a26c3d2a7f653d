// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The HTML report: one self-contained page (inline CSS, inline SVG, no
// script, no link to anything outside it) with summary cards, a stacked bar
// chart of filings by month and a bar chart per dimension. Each chart is an
// <svg role="img"> with a <title> and a <desc>, prints its numbers next to
// its bars, and is followed by the full table. Layout is computed in whole
// pixels of a fixed viewBox that the page scales; every text that came from
// the results is escaped.
#include <algorithm>
#include <array>
#include <ostream>
#include <string>
#include <vector>

#include "regularis/core/country.hpp"
#include "regularis/report/render.hpp"
#include "report/format.hpp"

namespace regularis {

namespace {

using detail::grouped;
using detail::html_escape;
using detail::percent;

constexpr std::array<Outcome, 4> kOutcomes{Outcome::eligible, Outcome::ineligible,
                                           Outcome::incomplete, Outcome::invalid};

/// Fill colours of the outcomes, dark enough for 3:1 against white.
constexpr std::array<const char*, 4> kOutcomeColour{"#0b7a5a", "#c0392b", "#b7791f", "#6e7781"};
constexpr const char* kBarColour = "#3a6ea5";

const char* colour_of(Outcome o) { return kOutcomeColour[static_cast<std::size_t>(o)]; }

std::string capitalised(std::string_view word) {
  std::string s(word);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

constexpr const char* kStyle = R"(
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:980px;margin:0 auto;padding:32px 24px 40px}
h1{font-size:1.7rem;line-height:1.2;margin:0 0 6px}
h2{font-size:1.25rem;margin:0 0 4px}
p{margin:0 0 8px}
.meta,.note,figcaption{color:var(--muted)}
.note{font-size:.9rem;max-width:46rem}
section{border-top:1px solid var(--line);margin-top:32px;padding-top:24px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin:20px 0 4px}
.card{border:1px solid var(--line);border-top:5px solid var(--c);border-radius:6px;padding:10px 14px 12px}
.card .n{display:block;font-size:1.8rem;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.card .l{display:block;font-weight:600}
.card .p{display:block;color:var(--muted);font-size:.9rem}
figure{margin:16px 0 12px}
figcaption{font-size:.85rem;margin-top:4px}
svg{display:block;width:100%;height:auto}
svg text{fill:var(--ink)}
svg .axis{fill:var(--muted)}
.scroll{max-height:26rem;overflow:auto;border:1px solid var(--line);border-radius:6px}
.scroll:focus{outline:2px solid #0969da;outline-offset:2px}
table{border-collapse:collapse;width:100%;font-size:.875rem;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:0 0 6px}
.scroll caption{padding:8px 10px 6px}
th,td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:var(--soft);border-bottom:2px solid var(--line)}
tbody th{font-weight:500}
th code{font-weight:400}
.scroll thead th{position:sticky;top:0}
tfoot td,tfoot th{font-weight:700;border-top:2px solid var(--line);border-bottom:0}
.num{text-align:right;white-space:nowrap}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;overflow-wrap:anywhere}
.swatch{display:inline-block;width:.75em;height:.75em;border-radius:2px;margin-right:6px;vertical-align:baseline}
footer{border-top:1px solid var(--line);margin-top:36px;padding-top:12px;color:var(--muted);font-size:.8rem}
)";

// ---- bar chart (horizontal) ------------------------------------------------

struct Bar {
  std::string label;  ///< shown (may be cut)
  std::string full;   ///< in the tooltip
  std::uint64_t count = 0;
  const char* colour = kBarColour;
};

constexpr int kWidth = 880;  // viewBox units; the page scales it to its width

void bar_chart(std::ostream& out, const std::string& id, const std::string& title,
               const std::string& description, const std::vector<Bar>& bars) {
  constexpr int kRow = 28;
  constexpr int kBarHeight = 18;
  constexpr int kCharWidth = 7;  // at 12.5px, an average glyph
  constexpr std::size_t kMaxLabel = 40;
  std::size_t longest = 0;
  std::uint64_t max = 1;
  for (const Bar& b : bars) {
    longest = std::max(longest, detail::utf8_length(detail::utf8_truncate(b.label, kMaxLabel)));
    max = std::max(max, b.count);
  }
  const int label_width = std::clamp(static_cast<int>(longest) * kCharWidth + 16, 90, 310);
  const int x0 = label_width;
  const int area = kWidth - x0 - 70;
  const int height = static_cast<int>(bars.size()) * kRow + 8;

  out << "<svg viewBox=\"0 0 " << kWidth << ' ' << height << "\" role=\"img\" aria-labelledby=\""
      << id << "-t " << id << "-d\" font-size=\"12.5\">\n";
  out << "<title id=\"" << id << "-t\">" << html_escape(title) << "</title>\n";
  out << "<desc id=\"" << id << "-d\">" << html_escape(description) << "</desc>\n";
  out << "<line x1=\"" << x0 << "\" y1=\"2\" x2=\"" << x0 << "\" y2=\"" << height - 4
      << "\" stroke=\"#afb8c1\"/>\n";
  int y = 4;
  for (const Bar& b : bars) {
    const int w =
        b.count == 0
            ? 0
            : std::max(2, static_cast<int>(b.count * static_cast<std::uint64_t>(area) / max));
    const int middle = y + kRow / 2;
    out << "<g><title>" << html_escape(b.full) << ": " << grouped(b.count) << "</title>";
    out << "<text x=\"" << x0 - 8 << "\" y=\"" << middle
        << "\" text-anchor=\"end\" dominant-baseline=\"central\">"
        << html_escape(detail::utf8_truncate(b.label, kMaxLabel)) << "</text>";
    out << "<rect x=\"" << x0 << "\" y=\"" << middle - kBarHeight / 2 << "\" width=\"" << w
        << "\" height=\"" << kBarHeight << "\" rx=\"2\" fill=\"" << b.colour << "\"/>";
    out << "<text x=\"" << x0 + w + 6 << "\" y=\"" << middle
        << "\" dominant-baseline=\"central\" font-weight=\"600\">" << grouped(b.count)
        << "</text></g>\n";
    y += kRow;
  }
  out << "</svg>\n";
}

// ---- filings by month (stacked columns) ------------------------------------

constexpr std::array<const char*, 12> kMonthNames{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/// "2009-08" as a month number (year * 12 + month - 1); -1 for other keys.
long month_index(const std::string& key) {
  if (key.size() != 7 || key[4] != '-') return -1;
  for (std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U}) {
    if (key[i] < '0' || key[i] > '9') return -1;
  }
  const long year = std::stol(key.substr(0, 4));
  const long month = std::stol(key.substr(5, 2));
  if (month < 1 || month > 12) return -1;
  return year * 12 + month - 1;
}

std::string month_key(long index) {
  const long year = index / 12;
  const long month = index % 12 + 1;
  std::string y = std::to_string(year);
  while (y.size() < 4) y.insert(0, "0");
  return y + (month < 10 ? "-0" : "-") + std::to_string(month);
}

/// 1, 2, 5, 10, 20, 50, ...: the smallest such step with at most 5 steps up to `max`.
std::uint64_t nice_step(std::uint64_t max) {
  std::uint64_t magnitude = 1;
  while (true) {
    for (std::uint64_t f : {1U, 2U, 5U}) {
      if (f * magnitude * 5 >= max) return f * magnitude;
    }
    magnitude *= 10;
  }
}

/// The dated months, with the empty months between them when the span is short.
std::vector<MonthCounts> dated_months(const std::vector<MonthCounts>& months) {
  std::vector<MonthCounts> dated;
  for (const MonthCounts& m : months) {
    if (month_index(m.month) >= 0) dated.push_back(m);
  }
  if (dated.size() < 2) return dated;
  const long first = month_index(dated.front().month);
  const long last = month_index(dated.back().month);
  if (last - first >= 120) return dated;
  std::vector<MonthCounts> filled;
  std::size_t next = 0;
  for (long i = first; i <= last; ++i) {
    if (month_index(dated[next].month) == i) {
      filled.push_back(dated[next++]);
    } else {
      filled.push_back({month_key(i), {}});
    }
  }
  return filled;
}

void month_chart(std::ostream& out, const std::vector<MonthCounts>& months) {
  constexpr int kHeight = 330;
  constexpr int kLeft = 52;
  constexpr int kRight = 12;
  constexpr int kTop = 44;
  constexpr int kBottom = kHeight - 46;
  constexpr int kPlotWidth = kWidth - kLeft - kRight;
  constexpr int kPlotHeight = kBottom - kTop;

  std::uint64_t max = 1;
  std::uint64_t total = 0;
  for (const MonthCounts& m : months) {
    max = std::max(max, m.total());
    total += m.total();
  }
  const std::uint64_t step = nice_step(max);
  const std::uint64_t top = (max + step - 1) / step * step;
  auto height_of = [&](std::uint64_t n) {
    return static_cast<int>(n * static_cast<std::uint64_t>(kPlotHeight) / top);
  };

  out << "<svg viewBox=\"0 0 " << kWidth << ' ' << kHeight
      << "\" role=\"img\" aria-labelledby=\"chart-month-t chart-month-d\" font-size=\"12\">\n";
  out << "<title id=\"chart-month-t\">Applications by filing month and outcome</title>\n";
  out << "<desc id=\"chart-month-d\">Stacked bar chart of " << grouped(total)
      << " dated applications from " << months.front().month << " to " << months.back().month
      << "; the table below gives every number.</desc>\n";

  // Legend.
  int x = kLeft;
  for (Outcome o : kOutcomes) {
    const std::string name = capitalised(to_string(o));
    out << "<rect x=\"" << x << "\" y=\"10\" width=\"12\" height=\"12\" rx=\"2\" fill=\""
        << colour_of(o) << "\"/><text x=\"" << x + 18
        << "\" y=\"16\" dominant-baseline=\"central\">" << name << "</text>\n";
    x += 18 + static_cast<int>(name.size()) * 7 + 26;
  }

  // Grid and scale.
  for (std::uint64_t v = 0; v <= top; v += step) {
    const int y = kBottom - height_of(v);
    out << "<line x1=\"" << kLeft << "\" y1=\"" << y << "\" x2=\"" << kWidth - kRight << "\" y2=\""
        << y << "\" stroke=\"" << (v == 0 ? "#8c959f" : "#e4e8ec") << "\"/>";
    out << "<text class=\"axis\" x=\"" << kLeft - 8 << "\" y=\"" << y
        << "\" text-anchor=\"end\" dominant-baseline=\"central\">" << grouped(v) << "</text>\n";
  }

  const int n = static_cast<int>(months.size());
  const int slot = std::max(1, kPlotWidth / n);
  const int bar = std::clamp(slot * 7 / 10, 2, 56);
  const int label_every = std::max(1, (40 + slot - 1) / slot);
  long shown_year = -1;
  for (int i = 0; i < n; ++i) {
    const MonthCounts& m = months[static_cast<std::size_t>(i)];
    const int centre = kLeft + slot * i + slot / 2;
    out << "<g><title>" << m.month << ": " << grouped(m.total()) << " (";
    bool first = true;
    for (Outcome o : kOutcomes) {
      out << (first ? "" : ", ") << to_string(o) << ' '
          << grouped(m.by_outcome[static_cast<std::size_t>(o)]);
      first = false;
    }
    out << ")</title>";
    std::uint64_t below = 0;
    for (Outcome o : kOutcomes) {
      const std::uint64_t count = m.by_outcome[static_cast<std::size_t>(o)];
      if (count == 0) continue;
      const int y0 = kBottom - height_of(below);
      const int y1 = kBottom - height_of(below + count);
      out << "<rect x=\"" << centre - bar / 2 << "\" y=\"" << y1 << "\" width=\"" << bar
          << "\" height=\"" << std::max(1, y0 - y1) << "\" fill=\"" << colour_of(o) << "\"/>";
      below += count;
    }
    if (slot >= 22 && m.total() > 0) {
      out << "<text x=\"" << centre << "\" y=\"" << kBottom - height_of(m.total()) - 6
          << "\" text-anchor=\"middle\" font-weight=\"600\">" << grouped(m.total()) << "</text>";
    }
    if (i % label_every == 0) {
      const long index = month_index(m.month);
      const long year = index / 12;
      out << "<text class=\"axis\" x=\"" << centre << "\" y=\"" << kBottom + 16
          << "\" text-anchor=\"middle\">" << kMonthNames[static_cast<std::size_t>(index % 12)]
          << "</text>";
      if (year != shown_year) {
        out << "<text class=\"axis\" x=\"" << centre << "\" y=\"" << kBottom + 32
            << "\" text-anchor=\"middle\">" << year << "</text>";
        shown_year = year;
      }
    }
    out << "</g>\n";
  }
  out << "</svg>\n";
}

// ---- tables ----------------------------------------------------------------

void open_table(std::ostream& out, std::size_t rows, const std::string& caption) {
  if (rows > 12) {
    out << "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\""
        << html_escape(caption) << "\">\n";
  }
  out << "<table>\n<caption>" << html_escape(caption) << "</caption>\n";
}

void close_table(std::ostream& out, std::size_t rows) {
  out << "</table>\n";
  if (rows > 12) out << "</div>\n";
}

void month_table(std::ostream& out, const std::vector<MonthCounts>& months) {
  open_table(out, months.size(), "Applications by filing month and outcome");
  out << "<thead><tr><th scope=\"col\">Month</th>";
  for (Outcome o : kOutcomes) {
    out << "<th scope=\"col\" class=\"num\"><span class=\"swatch\" style=\"background:"
        << colour_of(o) << "\"></span>" << capitalised(to_string(o)) << "</th>";
  }
  out << "<th scope=\"col\" class=\"num\">Total</th></tr></thead>\n<tbody>\n";
  std::array<std::uint64_t, 4> sums{};
  for (const MonthCounts& m : months) {
    out << "<tr><th scope=\"row\">" << html_escape(m.month) << "</th>";
    for (std::size_t i = 0; i < 4; ++i) {
      out << "<td class=\"num\">" << grouped(m.by_outcome[i]) << "</td>";
      sums[i] += m.by_outcome[i];
    }
    out << "<td class=\"num\">" << grouped(m.total()) << "</td></tr>\n";
  }
  out << "</tbody>\n<tfoot><tr><th scope=\"row\">Total</th>";
  for (std::uint64_t s : sums) out << "<td class=\"num\">" << grouped(s) << "</td>";
  out << "<td class=\"num\">" << grouped(sums[0] + sums[1] + sums[2] + sums[3])
      << "</td></tr></tfoot>\n";
  close_table(out, months.size());
}

/// The column heading of a dimension's keys.
const char* key_heading(Dimension d) {
  switch (d) {
    case Dimension::outcome:
      return "Outcome";
    case Dimension::reason:
      return "Reason";
    case Dimension::programme:
      return "Programme";
    case Dimension::nationality:
      return "Nationality";
    case Dimension::filing_month:
      return "Month";
    case Dimension::missing_item:
      return "Missing item";
  }
  return "";
}

/// "Bolivia (Plurinational State of)" for "BO"; "" for other keys.
std::string country_name(const std::string& key) {
  const Parsed<Country> c = Country::parse(key);
  return c ? std::string(c->english_name()) : std::string();
}

void dimension_table(std::ostream& out, Dimension d, const std::vector<ReportEntry>& rows,
                     std::uint64_t base, const std::string& caption) {
  const bool code =
      d == Dimension::reason || d == Dimension::missing_item || d == Dimension::programme;
  open_table(out, rows.size(), caption);
  out << "<thead><tr><th scope=\"col\">" << key_heading(d) << "</th>";
  if (d == Dimension::nationality) out << "<th scope=\"col\">Country</th>";
  out << "<th scope=\"col\" class=\"num\">Applications</th><th scope=\"col\" "
         "class=\"num\">Share</th></tr></thead>\n<tbody>\n";
  for (const ReportEntry& row : rows) {
    out << "<tr><th scope=\"row\">";
    if (d == Dimension::outcome) {
      const auto o = std::find_if(kOutcomes.begin(), kOutcomes.end(),
                                  [&](Outcome x) { return to_string(x) == row.key; });
      if (o != kOutcomes.end()) {
        out << "<span class=\"swatch\" style=\"background:" << colour_of(*o) << "\"></span>";
      }
    }
    const std::string key = d == Dimension::outcome ? capitalised(row.key) : row.key;
    out << (code ? "<code>" : "") << html_escape(key) << (code ? "</code>" : "") << "</th>";
    if (d == Dimension::nationality) {
      const std::string country = country_name(row.key);
      out << "<td>" << (country.empty() ? "\u2014" : html_escape(country)) << "</td>";
    }
    out << "<td class=\"num\">" << grouped(row.count) << "</td><td class=\"num\">"
        << percent(row.count, base) << "</td></tr>\n";
  }
  out << "</tbody>\n";
  close_table(out, rows.size());
}

// ---- sections --------------------------------------------------------------

std::string plural(std::uint64_t n, const char* one, const char* many) {
  return grouped(n) + " " + (n == 1 ? one : many);
}

void outcome_section(std::ostream& out, const Statistics& stats) {
  const std::vector<ReportEntry> rows = stats.entries(Dimension::outcome);
  out << "<section aria-labelledby=\"h-outcome\">\n<h2 id=\"h-outcome\">Outcomes</h2>\n";
  out << "<p class=\"note\">Eligible: every criterion met, documents and fees complete. "
         "Ineligible: some criterion is definitely not met. Incomplete: nothing fails but "
         "facts, documents or fees are missing. Invalid: the record itself is malformed.</p>\n";
  out << "<div class=\"cards\">\n";
  out << "<div class=\"card\" style=\"--c:#24292f\"><span class=\"l\">Applications</span>"
         "<span class=\"n\">"
      << grouped(stats.records()) << "</span><span class=\"p\">in the results</span></div>\n";
  for (const ReportEntry& row : rows) {
    const auto o = std::find_if(kOutcomes.begin(), kOutcomes.end(),
                                [&](Outcome x) { return to_string(x) == row.key; });
    out << "<div class=\"card\" style=\"--c:" << colour_of(*o) << "\"><span class=\"l\">"
        << capitalised(row.key) << "</span><span class=\"n\">" << grouped(row.count)
        << "</span><span class=\"p\">" << percent(row.count, stats.records()) << "</span></div>\n";
  }
  out << "</div>\n";
  if (stats.records() > 0) {
    std::vector<Bar> bars;
    std::string description = "Bar chart: ";
    for (const ReportEntry& row : rows) {
      const auto o = std::find_if(kOutcomes.begin(), kOutcomes.end(),
                                  [&](Outcome x) { return to_string(x) == row.key; });
      bars.push_back({capitalised(row.key), row.key, row.count, colour_of(*o)});
      description += (bars.size() == 1 ? "" : ", ") + row.key + " " + grouped(row.count);
    }
    out << "<figure>\n";
    bar_chart(out, "chart-outcome", "Applications by outcome", description + ".", bars);
    out << "</figure>\n";
  }
  dimension_table(out, Dimension::outcome, rows, stats.records(), "Applications by outcome");
  out << "</section>\n";
}

void month_section(std::ostream& out, const Statistics& stats) {
  const std::vector<MonthCounts> months = stats.months();
  const std::vector<MonthCounts> dated = dated_months(months);
  std::uint64_t undated = 0;
  for (const MonthCounts& m : months) {
    if (month_index(m.month) < 0) undated += m.total();
  }
  out << "<section aria-labelledby=\"h-month\">\n<h2 id=\"h-month\">Filings over time</h2>\n";
  out << "<p class=\"note\">Applications by the month of their filing date (local to the "
         "programme), split by outcome.";
  if (undated > 0) {
    out << " " << plural(undated, "application has", "applications have")
        << " no filing date in the results: the table counts them under "
           "<code>unknown</code>; the chart leaves them out.";
  }
  out << "</p>\n";
  if (!dated.empty()) {
    out << "<figure>\n";
    month_chart(out, dated);
    out << "<figcaption>Each column is one month; the number above it is the month's total. "
           "Hover a column for its split.</figcaption>\n</figure>\n";
  } else {
    out << "<p class=\"note\">No result carries a filing date, so there is no chart.</p>\n";
  }
  if (!months.empty()) month_table(out, months);
  out << "</section>\n";
}

void dimension_section(std::ostream& out, const Statistics& stats, Dimension d,
                       const ReportOptions& options) {
  const std::vector<ReportEntry> rows = stats.entries(d);
  const std::uint64_t base = detail::share_base(stats, d);
  const std::string name(to_string(d));
  std::string title;
  std::string note;
  switch (d) {
    case Dimension::reason:
      title = "Reasons";
      note =
          "Codes of what failed or is missing, as the checker reports them: "
          "<code>criterion.not_met</code>, <code>criterion.unknown</code>, "
          "<code>document.missing</code>, <code>fee.due</code>, and <code>facts.*</code> "
          "errors for invalid records. An application counts once under each of its reasons, "
          "so the shares (of all applications) add up to more than 100%.";
      break;
    case Dimension::missing_item:
      title = "What incomplete applications lack";
      note = "For the " + plural(base, "incomplete application", "incomplete applications") +
             ": the facts still to ask for (by their path in the application), and documents "
             "and fees with their status. Shares are of incomplete applications.";
      break;
    case Dimension::nationality:
      title = "Nationalities";
      note =
          "A dual national counts under each nationality; <code>unknown</code> counts results "
          "that carry no nationality.";
      break;
    case Dimension::programme:
      title = "Programmes";
      break;
    default:
      return;
  }
  out << "<section aria-labelledby=\"h-" << name << "\">\n<h2 id=\"h-" << name << "\">" << title
      << "</h2>\n";
  if (!note.empty()) out << "<p class=\"note\">" << note << "</p>\n";
  if (rows.empty()) {
    out << "<p class=\"note\">None.</p>\n</section>\n";
    return;
  }
  const std::size_t shown = std::min(rows.size(), std::max<std::size_t>(1, options.chart_rows));
  std::vector<Bar> bars;
  std::string description = "Bar chart";
  description += shown < rows.size() ? " of the " + std::to_string(shown) + " largest of " +
                                           std::to_string(rows.size()) + ": "
                                     : ": ";
  for (std::size_t i = 0; i < shown; ++i) {
    const ReportEntry& row = rows[i];
    std::string label = row.key;
    if (d == Dimension::nationality) {
      const std::string country = country_name(row.key);
      if (!country.empty()) label += " \u2013 " + country;
    }
    bars.push_back({label, label, row.count, kBarColour});
    description += (i == 0 ? "" : ", ") + row.key + " " + grouped(row.count);
  }
  out << "<figure>\n";
  bar_chart(out, "chart-" + name, title, description + ".", bars);
  if (shown < rows.size()) {
    out << "<figcaption>The " << shown << " largest of " << rows.size()
        << "; the table lists every one.</figcaption>\n";
  }
  out << "</figure>\n";
  std::string caption = title;
  if (d == Dimension::missing_item) caption = "Incomplete applications by missing item";
  if (d == Dimension::reason) caption = "Applications by reason";
  if (d == Dimension::nationality) caption = "Applications by nationality";
  if (d == Dimension::programme) caption = "Applications by programme";
  dimension_table(out, d, rows, base, caption);
  out << "</section>\n";
}

}  // namespace

void write_html(std::ostream& out, const Statistics& stats, const ReportOptions& options) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"regularis\">\n"
         "<title>"
      << html_escape(options.title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n";
  out << "<body>\n<main>\n<header>\n<h1>" << html_escape(options.title) << "</h1>\n";
  out << "<p class=\"meta\">" << plural(stats.records(), "application", "applications");
  if (!options.sources.empty()) {
    out << " from ";
    for (std::size_t i = 0; i < options.sources.size(); ++i) {
      out << (i == 0 ? "" : ", ") << "<code>" << html_escape(options.sources[i]) << "</code>";
    }
  }
  out << "</p>\n</header>\n";
  outcome_section(out, stats);
  month_section(out, stats);
  for (Dimension d : kDimensions) {
    if (d == Dimension::outcome || d == Dimension::filing_month) continue;
    dimension_section(out, stats, d, options);
  }
  out << "<footer>Made by regularis from the checker's result lines. Every count is a number "
         "of applications; no record is kept or shown.</footer>\n";
  out << "</main>\n</body>\n</html>\n";
  out.flush();
}

}  // namespace regularis
