// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Statistics: reducing an Evaluation or a checker result line to a
// ResultSummary, counting summaries into bounded maps, and streaming a JSON
// Lines results file into them. nlohmann-json reads the lines and stays in
// this folder.
#include "regularis/report/statistics.hpp"

#include <algorithm>
#include <cstdio>
#include <istream>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "regularis/core/error.hpp"
#include "report/keys.hpp"

namespace regularis {

namespace {

using Json = nlohmann::json;

std::size_t index_of(Dimension d) noexcept { return static_cast<std::size_t>(d); }

/// Documents and fees an incomplete case still lacks, by status.
bool document_lacking(std::string_view status) noexcept {
  return status == "missing" || status == "rejected" || status == "expired" ||
         status == "not_verified";
}
bool fee_lacking(std::string_view status) noexcept {
  return status == "due" || status == "partly_paid";
}

/// Sorts and removes repeats, so a record counts once per key.
void unique_sorted(std::vector<std::string>& items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
}

std::string month_key(Date d) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", d.year(), d.month());
  return text;
}

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

/// Reads an optional list of strings at `key` into `out`; "" when fine, else why not.
std::string string_list(const Json& object, const char* key, std::vector<std::string>& out) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return "";
  if (!it->is_array()) return std::string(key) + ": " + dump(*it) + " is not a list of strings";
  std::size_t i = 0;
  for (const Json& item : *it) {
    if (!item.is_string()) {
      return std::string(key) + "[" + std::to_string(i) + "]: " + dump(item) + " is not a string";
    }
    out.push_back(item.get<std::string>());
    ++i;
  }
  return "";
}

/// Reads an optional list of objects at `key`, each with string fields `id_key`
/// and (when not null) `status_key`, calling `on_item(id, status)`.
template <class F>
std::string object_list(const Json& object, const char* key, const char* id_key,
                        const char* status_key, F on_item) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return "";
  if (!it->is_array()) return std::string(key) + ": " + dump(*it) + " is not a list";
  std::size_t i = 0;
  for (const Json& item : *it) {
    const std::string where = std::string(key) + "[" + std::to_string(i) + "]";
    if (!item.is_object()) return where + ": " + dump(item) + " is not an object";
    const auto id = item.find(id_key);
    if (id == item.end() || !id->is_string()) return where + "." + id_key + " is not a string";
    std::string status;
    if (status_key != nullptr) {
      const auto s = item.find(status_key);
      if (s == item.end() || !s->is_string()) {
        return where + "." + status_key + " is not a string";
      }
      status = s->get<std::string>();
    }
    on_item(id->get<std::string>(), status);
    ++i;
  }
  return "";
}

std::optional<Outcome> outcome_named(std::string_view name) noexcept {
  for (Outcome o :
       {Outcome::eligible, Outcome::ineligible, Outcome::incomplete, Outcome::invalid}) {
    if (to_string(o) == name) return o;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Dimension d) noexcept {
  switch (d) {
    case Dimension::outcome:
      return "outcome";
    case Dimension::reason:
      return "reason";
    case Dimension::programme:
      return "programme";
    case Dimension::nationality:
      return "nationality";
    case Dimension::filing_month:
      return "filing_month";
    case Dimension::missing_item:
      return "missing_item";
  }
  return "unknown";
}

ResultSummary summarize(const Evaluation& evaluation, const std::vector<Country>& nationalities) {
  ResultSummary r;
  r.programme = evaluation.programme_id;
  r.outcome = evaluation.outcome;
  r.reasons = evaluation.reasons;
  if (evaluation.outcome == Outcome::invalid && r.reasons.empty()) {
    // As the checker reports an invalid record: the codes of its errors.
    for (const Diagnostic& d : evaluation.diagnostics) {
      if (d.severity == Severity::error) r.reasons.push_back(d.code);
    }
  }
  for (Country c : nationalities) r.nationalities.emplace_back(c.code());
  r.filing_date = evaluation.filing_date;
  if (evaluation.outcome == Outcome::incomplete) {
    for (const MissingFact& m : evaluation.missing) r.missing_items.push_back(m.fact);
    for (const DocumentResult& d : evaluation.documents) {
      const std::string_view status = to_string(d.status);
      if (document_lacking(status)) r.missing_items.push_back(d.id + "." + std::string(status));
    }
    for (const FeeResult& f : evaluation.fees) {
      const std::string_view status = to_string(f.status);
      if (fee_lacking(status)) r.missing_items.push_back(f.id + "." + std::string(status));
    }
  }
  return r;
}

Parsed<ResultSummary> parse_result_line(std::string_view line) {
  using Failure = Parsed<ResultSummary>;
  Json j;
  // nlohmann's own messages quote the text read, which may be personal.
  try {
    j = Json::parse(line.begin(), line.end());
  } catch (const Json::parse_error& e) {
    return Failure::failure("not JSON: a syntax error at column " + std::to_string(e.byte));
  } catch (const Json::exception&) {
    return Failure::failure("not JSON that can be read: a number out of range");
  }
  if (!j.is_object()) return Failure::failure("not a JSON object");

  ResultSummary r;
  const auto outcome = j.find("outcome");
  if (outcome == j.end()) return Failure::failure("outcome is missing");
  std::optional<Outcome> o;
  if (outcome->is_string()) o = outcome_named(outcome->get<std::string>());
  if (!o) {
    return Failure::failure("outcome: " + dump(*outcome) +
                            " is not eligible, ineligible, incomplete or invalid");
  }
  r.outcome = *o;

  const auto programme = j.find("programme");
  if (programme != j.end() && !programme->is_null()) {
    if (!programme->is_string()) {
      return Failure::failure("programme: " + dump(*programme) + " is not a string");
    }
    r.programme = programme->get<std::string>();
  }

  std::string error = string_list(j, "reasons", r.reasons);
  if (error.empty()) error = string_list(j, "nationalities", r.nationalities);
  if (!error.empty()) return Failure::failure(error);

  const auto filed = j.find("filing_date");
  if (filed != j.end() && !filed->is_null()) {
    if (!filed->is_string()) {
      return Failure::failure("filing_date: " + dump(*filed) + " is not a date");
    }
    Parsed<Date> date = Date::parse(filed->get<std::string>());
    if (!date) return Failure::failure("filing_date: " + date.error());
    r.filing_date = *date;
  }

  const bool incomplete = r.outcome == Outcome::incomplete;
  std::vector<std::string>& items = r.missing_items;
  error =
      object_list(j, "missing", "fact", nullptr, [&](const std::string& fact, const std::string&) {
        if (incomplete) items.push_back(fact);
      });
  if (error.empty()) {
    error = object_list(j, "documents", "id", "status",
                        [&](const std::string& id, const std::string& status) {
                          if (incomplete && document_lacking(status)) {
                            items.push_back(id + "." + status);
                          }
                        });
  }
  if (error.empty()) {
    error = object_list(j, "fees", "id", "status",
                        [&](const std::string& id, const std::string& status) {
                          if (incomplete && fee_lacking(status)) items.push_back(id + "." + status);
                        });
  }
  if (!error.empty()) return Failure::failure(error);
  return r;
}

Statistics::Statistics(StatisticsOptions options) : options_(options) {}

void Statistics::bump(Dimension dimension, const std::string& key) {
  auto& counts = counts_[index_of(dimension)];
  auto it = counts.find(key);
  if (it != counts.end()) {
    ++it->second;
  } else if (counts.size() < options_.max_keys) {
    counts.emplace(key, 1);
  } else {
    ++counts[std::string(kOtherKey)];
  }
}

void Statistics::add(const ResultSummary& result) {
  ++records_;
  bump(Dimension::outcome, std::string(to_string(result.outcome)));
  bump(Dimension::programme,
       result.programme.empty() ? std::string(kUnknownKey) : result.programme);

  std::vector<std::string> keys = result.reasons;
  unique_sorted(keys);
  for (const std::string& k : keys) bump(Dimension::reason, k);

  keys = result.nationalities;
  unique_sorted(keys);
  if (keys.empty()) keys.emplace_back(kUnknownKey);
  for (const std::string& k : keys) bump(Dimension::nationality, k);

  if (result.outcome == Outcome::incomplete) {
    keys = result.missing_items;
    unique_sorted(keys);
    for (const std::string& k : keys) bump(Dimension::missing_item, k);
  }

  std::string month =
      result.filing_date ? month_key(*result.filing_date) : std::string(kUnknownKey);
  bump(Dimension::filing_month, month);
  auto it = months_.find(month);
  if (it == months_.end()) {
    if (months_.size() >= options_.max_keys) month = std::string(kOtherKey);
    it = months_.try_emplace(std::move(month)).first;
  }
  ++it->second[static_cast<std::size_t>(result.outcome)];
}

void Statistics::add(const Evaluation& evaluation, const std::vector<Country>& nationalities) {
  add(summarize(evaluation, nationalities));
}

std::uint64_t Statistics::count(Dimension dimension, std::string_view key) const {
  const auto& counts = counts_[index_of(dimension)];
  const auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}

std::vector<ReportEntry> Statistics::entries(Dimension dimension) const {
  std::vector<ReportEntry> rows;
  if (dimension == Dimension::outcome) {
    for (Outcome o :
         {Outcome::eligible, Outcome::ineligible, Outcome::incomplete, Outcome::invalid}) {
      const std::string key(to_string(o));
      rows.push_back({key, count(dimension, key)});
    }
    return rows;
  }
  for (const auto& [key, n] : counts_[index_of(dimension)]) rows.push_back({key, n});
  if (dimension == Dimension::filing_month) {
    std::stable_sort(rows.begin(), rows.end(), [](const ReportEntry& a, const ReportEntry& b) {
      return detail::month_before(a.key, b.key);
    });
    return rows;
  }
  std::stable_sort(rows.begin(), rows.end(), [](const ReportEntry& a, const ReportEntry& b) {
    const bool a_other = a.key == kOtherKey;
    const bool b_other = b.key == kOtherKey;
    if (a_other != b_other) return b_other;
    return a.count > b.count;  // keys are already in order within a count
  });
  return rows;
}

std::vector<MonthCounts> Statistics::months() const {
  std::vector<MonthCounts> rows;
  for (const auto& [month, counts] : months_) rows.push_back({month, counts});
  std::stable_sort(rows.begin(), rows.end(), [](const MonthCounts& a, const MonthCounts& b) {
    return detail::month_before(a.month, b.month);
  });
  return rows;
}

ResultsRead read_results(std::istream& in, const std::string& name, Statistics& stats,
                         std::size_t max_problems) {
  ResultsRead read;
  std::string line;
  while (std::getline(in, line)) {
    ++read.lines;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Parsed<ResultSummary> result = parse_result_line(line);
    if (result) {
      stats.add(*result);
      ++read.added;
      continue;
    }
    ++read.skipped;
    if (read.problems.size() < max_problems) {
      const int at = read.lines > 0x7fffffff ? 0 : static_cast<int>(read.lines);
      read.problems.error("report.bad_line", result.error(), SourceLocation{name, at, 0});
    }
  }
  if (in.bad()) throw IoError("io.read", "cannot read " + name);
  return read;
}

}  // namespace regularis
