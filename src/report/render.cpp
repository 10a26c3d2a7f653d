// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The text, CSV and JSON renderers of a Statistics (the HTML page is in
// html.cpp). JSON is written with nlohmann-json's ordered_json, keys in the
// order documented in render.hpp.
#include <algorithm>
#include <iomanip>
#include <ostream>

#include <nlohmann/json.hpp>

#include "regularis/report/render.hpp"
#include "report/format.hpp"

namespace regularis {

using detail::percent;

void write_text(std::ostream& out, const Statistics& stats, const ReportOptions& options) {
  out << options.title << '\n';
  out << stats.records() << (stats.records() == 1 ? " record" : " records");
  if (!options.sources.empty()) {
    out << " from ";
    for (std::size_t i = 0; i < options.sources.size(); ++i) {
      out << (i == 0 ? "" : ", ") << options.sources[i];
    }
  }
  out << '\n';
  for (Dimension d : kDimensions) {
    const std::vector<ReportEntry> rows = stats.entries(d);
    const std::uint64_t base = detail::share_base(stats, d);
    out << '\n' << detail::heading(d) << '\n';
    if (rows.empty()) {
      out << "  none\n";
      continue;
    }
    std::size_t key_width = 8;
    std::size_t count_width = 5;
    for (const ReportEntry& row : rows) {
      key_width = std::max(key_width, detail::utf8_length(row.key));
      count_width = std::max(count_width, std::to_string(row.count).size());
    }
    for (const ReportEntry& row : rows) {
      const std::size_t pad = key_width - detail::utf8_length(row.key);
      out << "  " << row.key << std::string(pad, ' ') << "  "
          << std::setw(static_cast<int>(count_width)) << row.count << std::setw(8)
          << percent(row.count, base) << '\n';
    }
  }
  out.flush();
}

namespace {

void csv_rows(std::ostream& out, const Statistics& stats, Dimension dimension) {
  const std::string name(to_string(dimension));
  for (const ReportEntry& row : stats.entries(dimension)) {
    out << name << ',' << csv_field(row.key) << ',' << row.count << '\n';
  }
}

}  // namespace

void write_csv(std::ostream& out, const Statistics& stats, Dimension dimension) {
  out << "dimension,key,count\n";
  csv_rows(out, stats, dimension);
  out.flush();
}

void write_csv(std::ostream& out, const Statistics& stats) {
  out << "dimension,key,count\n";
  for (Dimension d : kDimensions) csv_rows(out, stats, d);
  out.flush();
}

void write_json(std::ostream& out, const Statistics& stats) {
  using Json = nlohmann::ordered_json;
  Json j = Json::object();
  j["records"] = stats.records();
  for (Dimension d : kDimensions) {
    Json rows = Json::array();
    for (const ReportEntry& row : stats.entries(d)) {
      rows.push_back(Json{{"key", row.key}, {"count", row.count}});
    }
    j[std::string(to_string(d))] = std::move(rows);
  }
  Json months = Json::array();
  for (const MonthCounts& m : stats.months()) {
    Json row{{"month", m.month}};
    for (Outcome o :
         {Outcome::eligible, Outcome::ineligible, Outcome::incomplete, Outcome::invalid}) {
      row[std::string(to_string(o))] = m.by_outcome[static_cast<std::size_t>(o)];
    }
    row["total"] = m.total();
    months.push_back(std::move(row));
  }
  j["filings_by_month"] = std::move(months);
  out << j.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  out.flush();
}

}  // namespace regularis
