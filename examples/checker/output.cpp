// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Writing results (JSON Lines, CSV, text, JSON array) and the summary. The
// JSON shapes follow the result line of shared/application-format.md, keys
// in its order, written compactly with nlohmann-json's ordered_json; then
// "errors" for an invalid record, "line" (where the record starts in its
// input) for a record that is invalid or has no id, when there are any the
// optional "warnings" (the reader's with `check --strict`, the engine's such
// as a payment in another currency), and, when known, the optional
// "filing_date" and "nationalities" that `regularis report` counts by. CSV
// keeps its four columns: errors and warnings go to standard error instead
// (problem_lines).
//
// Text taken from the application (an id can hold anything a JSON string
// can) never reaches a terminal or a spreadsheet as it is: the text format
// and the warning lines escape control characters (terminal_text), and a
// CSV cell that a spreadsheet would read as a formula starts with a quote
// (regularis::append_csv_field). JSON escapes what it must by itself.
#include "output.hpp"

#include <algorithm>
#include <iomanip>
#include <ostream>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "regularis/core/utf8.hpp"

namespace checker {

using regularis::Evaluation;
using regularis::Outcome;
using Json = nlohmann::ordered_json;

std::optional<Format> parse_format(std::string_view name) {
  if (name == "jsonl") return Format::jsonl;
  if (name == "csv") return Format::csv;
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  return std::nullopt;
}

namespace {

// "column: message" for JSON, with the cell's file:line:col first for CSV.
std::string located_message(const regularis::Diagnostic& d) {
  std::string text = d.location.line > 0 ? d.location.to_string() + ": " : std::string();
  if (!d.json_path.empty()) text += d.json_path + ": ";
  return text + d.message;
}

}  // namespace

RecordResult make_result(const Evaluation& evaluation, const regularis::ReadResult& record) {
  RecordResult r;
  r.evaluation = &evaluation;
  r.line = record.line;
  r.id = evaluation.application_id.empty() ? record.id : evaluation.application_id;
  r.programme = evaluation.programme_id.empty() ? record.programme : evaluation.programme_id;
  if (!record.programme.empty() && record.programme != r.programme) {
    r.other_programme = record.programme;
  }
  if (record.facts) {
    if (const auto* list = record.facts->find("applicant.nationalities").as_list()) {
      for (const regularis::FactValue& n : *list) {
        if (const auto country = n.as_country()) r.nationalities.emplace_back(country->code());
      }
    }
  }
  // The evaluation holds the record's diagnostics (and its own, if any); an
  // evaluation made without the record may not.
  const regularis::Diagnostics& diagnostics =
      evaluation.diagnostics.empty() ? record.diagnostics : evaluation.diagnostics;
  for (const regularis::Diagnostic& d : diagnostics) {
    if (d.severity == regularis::Severity::warning) r.warnings.push_back(located_message(d));
  }
  if (evaluation.outcome != Outcome::invalid) {
    r.reasons = evaluation.reasons;
    return r;
  }
  // An invalid record: its reasons are the codes of its errors, each once.
  for (const regularis::Diagnostic& d : diagnostics) {
    if (d.severity != regularis::Severity::error) continue;
    if (std::find(r.reasons.begin(), r.reasons.end(), d.code) == r.reasons.end()) {
      r.reasons.push_back(d.code);
    }
    r.errors.push_back(located_message(d));
  }
  if (r.reasons.empty()) r.reasons = evaluation.reasons;
  return r;
}

RecordResult make_result(const Evaluation& evaluation, const regularis::BatchRecord& record) {
  RecordResult r;
  r.evaluation = &evaluation;
  r.line = record.line;
  r.id = evaluation.application_id;
  r.programme = evaluation.programme_id;
  if (!record.programme.empty() && record.programme != r.programme) {
    r.other_programme = record.programme;
  }
  r.reasons = evaluation.reasons;
  for (std::size_t k = 0; k + 1 < record.nationalities.size(); k += 2) {
    r.nationalities.push_back(record.nationalities.substr(k, 2));
  }
  return r;
}

namespace {

// Code points that move the cursor or reorder text on a terminal: C1
// controls, the line and paragraph separators, and the bidirectional marks,
// embeddings, overrides and isolates.
bool is_unsafe_code_point(char32_t c) {
  return (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0x061C || c == 0x200E ||
         c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

std::string terminal_text(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto printable_ascii = [](char c) { return c >= 0x20 && c < 0x7F; };
  if (std::all_of(text.begin(), text.end(), printable_ascii)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  const auto hex_byte = [&](unsigned char c) {
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  };
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (printable_ascii(text[i])) {
      out += text[i++];
      continue;
    }
    if (c < 0x80) {  // C0 controls and DEL
      if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else {
        hex_byte(c);
      }
      ++i;
      continue;
    }
    const auto [length, code_point] = regularis::utf8_at(text, i);
    if (length == 0) {  // a byte that is not UTF-8
      hex_byte(c);
      ++i;
    } else if (is_unsafe_code_point(code_point)) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code_point >> shift) & 0xF];
      i += length;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

std::string problem_lines(const RecordResult& result) {
  std::string lines;
  const auto add = [&](std::string_view severity, const std::string& message) {
    lines += "regularis: ";
    lines += result.id.empty() ? std::string("(no id)") : terminal_text(result.id);
    if (result.line > 0) lines += " (line " + std::to_string(result.line) + ')';
    lines += ": ";
    lines += severity;
    lines += ": " + terminal_text(message) + '\n';
  };
  for (const std::string& error : result.errors) add("error", error);
  for (const std::string& warning : result.warnings) add("warning", warning);
  return lines;
}

namespace {

Json string_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

std::string str(std::string_view s) { return std::string(s); }

Json result_json(const RecordResult& r) {
  const Evaluation& e = *r.evaluation;
  Json j = Json::object();
  j["id"] = string_or_null(r.id);
  j["programme"] = string_or_null(r.programme);
  j["version"] = string_or_null(e.version);
  j["outcome"] = str(to_string(e.outcome));
  Json criteria = Json::array();
  for (const auto& c : e.criteria) {
    Json criterion{{"id", c.id}, {"status", str(to_string(c.status))}};
    if (r.explained) {  // optional extras of `check --explain`
      if (!c.basis.empty()) criterion["basis"] = c.basis;
      criterion["values"] = c.values;
      if (!c.unknown_facts.empty()) criterion["unknown_facts"] = c.unknown_facts;
    }
    criteria.push_back(std::move(criterion));
  }
  j["criteria"] = std::move(criteria);
  Json missing = Json::array();
  for (const auto& m : e.missing) {
    missing.push_back(Json{{"fact", m.fact}, {"question", m.question}});
  }
  j["missing"] = std::move(missing);
  Json documents = Json::array();
  for (const auto& d : e.documents) {
    Json doc{{"id", d.id}, {"status", str(to_string(d.status))}};
    if (!d.holder.empty()) doc["holder"] = d.holder;
    documents.push_back(std::move(doc));
  }
  j["documents"] = std::move(documents);
  Json fees = Json::array();
  for (const auto& f : e.fees) {
    fees.push_back(Json{{"id", f.id},
                        {"status", str(to_string(f.status))},
                        {"amount", f.amount.amount().to_string()},
                        {"currency", str(f.amount.currency().code())}});
  }
  j["fees"] = std::move(fees);
  j["deadline"] = e.deadline ? Json(e.deadline->to_string()) : Json(nullptr);
  j["reasons"] = r.reasons;
  if (e.outcome == Outcome::invalid) j["errors"] = r.errors;
  // Where to find a record that has no id, or is invalid, in its input.
  if ((r.id.empty() || e.outcome == Outcome::invalid) && r.line > 0) j["line"] = r.line;
  // Optional extras after the format's keys: warnings, then what `regularis
  // report` counts by.
  if (!r.warnings.empty()) j["warnings"] = r.warnings;
  if (e.filing_date) j["filing_date"] = e.filing_date->to_string();
  if (!r.nationalities.empty()) j["nationalities"] = r.nationalities;
  return j;
}

std::string dump(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string s;
  for (const auto& item : items) {
    if (!s.empty()) s += separator;
    s += item;
  }
  return s;
}

// Every text of a result goes through terminal_text: ids, values used and
// holders come from the application, and the rest is escaped all the same.
void write_text(std::ostream& out, const RecordResult& r) {
  const Evaluation& e = *r.evaluation;
  const auto t = [](std::string_view text) { return terminal_text(text); };
  out << (r.id.empty() ? std::string("(no id)") : t(r.id)) << "  " << to_string(e.outcome);
  if (r.line > 0) out << "  (line " << r.line << ')';
  out << '\n';
  constexpr int kLabel = 12;
  auto label = [&out](std::string_view name) {
    out << "  " << std::left << std::setw(kLabel) << name << std::right;
  };
  auto more = [&out]() { out << std::string(2 + kLabel, ' '); };
  auto lines = [&](std::string_view name, const std::vector<std::string>& items) {
    bool first = true;
    for (const auto& item : items) {
      first ? label(name) : more();
      first = false;
      out << t(item) << '\n';
    }
  };

  if (e.outcome == Outcome::invalid) {
    lines("errors", r.errors);
    lines("warnings", r.warnings);
    label("reasons");
    out << t(joined(r.reasons, ", ")) << "\n\n";
    return;
  }
  label("programme");
  out << t(r.programme);
  if (!e.version.empty()) out << ", version " << t(e.version);
  if (e.deadline) out << ", deadline " << e.deadline->to_string();
  out << '\n';
  bool first = true;
  for (const auto& c : e.criteria) {
    first ? label("criteria") : more();
    first = false;
    out << t(c.id) << ": " << to_string(c.status);
    if (r.explained && !c.basis.empty()) out << " (" << t(c.basis) << ')';
    out << '\n';
    if (!r.explained) continue;
    for (const auto& v : c.values) {
      more();
      out << "  used: " << t(v) << '\n';
    }
  }
  first = true;
  for (const auto& d : e.documents) {
    first ? label("documents") : more();
    first = false;
    out << t(d.id);
    if (!d.holder.empty()) out << " (" << t(d.holder) << ')';
    out << ": " << to_string(d.status) << '\n';
  }
  first = true;
  for (const auto& f : e.fees) {
    first ? label("fees") : more();
    first = false;
    out << t(f.id) << ": " << to_string(f.status) << " (" << f.amount.to_string() << ")\n";
  }
  first = true;
  for (const auto& m : e.missing) {
    first ? label("missing") : more();
    first = false;
    out << t(m.fact);
    if (!m.question.empty()) out << ": " << t(m.question);
    out << '\n';
  }
  lines("warnings", r.warnings);
  label("reasons");
  out << (r.reasons.empty() ? std::string("none") : t(joined(r.reasons, ", "))) << "\n\n";
}

}  // namespace

namespace {

// `s` as a JSON string, as dump() writes it: most text (printable ASCII
// without quotes or backslashes) as it is, anything else through nlohmann.
void append_json_string(std::string& out, std::string_view s) {
  bool plain = true;
  for (char c : s) plain &= c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
  if (!plain) {
    out.append(dump(Json(std::string(s))));
    return;
  }
  out.push_back('"');
  out.append(s);
  out.push_back('"');
}

}  // namespace

void FastResultJson::prepare(const regularis::BatchRecord& record,
                             const regularis::BatchEvaluator& batch) {
  // materialize() gives every fast record of one evaluator the same
  // programme, version, criteria and deadline, and no missing facts,
  // documents or fees: those parts are written once.
  Evaluation e;
  batch.materialize(record, e);
  after_id_ = ",\"programme\":" + dump(string_or_null(e.programme_id)) +
              ",\"version\":" + dump(string_or_null(e.version)) + ",\"outcome\":\"";
  for (const auto& c : e.criteria) {
    criteria_.push_back((criteria_.empty() ? "{\"id\":" : ",{\"id\":") + dump(Json(c.id)) +
                        ",\"status\":\"");
  }
  after_criteria_ = "],\"missing\":[],\"documents\":[],\"fees\":[],\"deadline\":" +
                    dump(e.deadline ? Json(e.deadline->to_string()) : Json(nullptr)) +
                    ",\"reasons\":[";
  prepared_ = true;
}

void FastResultJson::append(std::string& out, const regularis::BatchRecord& record,
                            const regularis::BatchEvaluator& batch) {
  if (!prepared_) prepare(record, batch);
  out.append("{\"id\":");
  if (record.id.empty()) {
    out.append("null");
  } else {
    append_json_string(out, record.id);
  }
  out.append(after_id_);
  out.append(regularis::to_string(record.outcome));
  out.append("\",\"criteria\":[");
  for (std::size_t k = 0; k < record.statuses.size(); ++k) {
    out.append(criteria_.at(k));
    out.append(regularis::to_string(record.statuses[k]));
    out.append("\"}");
  }
  out.append(after_criteria_);
  for (std::size_t k = 0; k < record.reasons.size(); ++k) {
    if (k != 0) out.push_back(',');
    append_json_string(out, record.reasons[k]);
  }
  out.push_back(']');
  if (record.id.empty() && record.line > 0) {  // as result_json: a record without an id
    out.append(",\"line\":");
    out.append(std::to_string(record.line));
  }
  out.append(",\"filing_date\":\"");
  out.append(record.filing_date.to_string());
  out.push_back('"');
  if (!record.nationalities.empty()) {
    out.append(",\"nationalities\":[");
    for (std::size_t k = 0; k + 1 < record.nationalities.size(); k += 2) {
      if (k != 0) out.push_back(',');
      append_json_string(out, std::string_view(record.nationalities).substr(k, 2));
    }
    out.push_back(']');
  }
  out.push_back('}');
}

void ResultWriter::begin() {
  if (format_ == Format::csv) out_ << "id,programme,outcome,reasons\n";
  if (format_ == Format::json) out_ << '[';
}

std::string format_result(const RecordResult& result, Format format) {
  switch (format) {
    case Format::jsonl:
      return dump(result_json(result)) + '\n';
    case Format::json:
      return dump(result_json(result));
    case Format::csv:
      return csv_field(result.id) + ',' + csv_field(result.programme) + ',' +
             str(to_string(result.evaluation->outcome)) + ',' +
             csv_field(joined(result.reasons, ";")) + '\n';
    case Format::text: {
      std::ostringstream out;
      write_text(out, result);
      return out.str();
    }
  }
  return {};
}

void ResultWriter::write(const RecordResult& result) {
  if (format_ == Format::json) out_ << (written_ == 0 ? "\n" : ",\n");
  out_ << format_result(result, format_);
  ++written_;
}

void ResultWriter::end() {
  if (format_ == Format::json) out_ << (written_ == 0 ? "]\n" : "\n]\n");
  out_.flush();
}

void Summary::add(const RecordResult& result) {
  ++records_;
  ++outcomes_[str(to_string(result.evaluation->outcome))];
  for (const auto& reason : result.reasons) ++reasons_[reason];
  if (!result.other_programme.empty()) ++other_programmes_[result.other_programme];
}

void Summary::add_other_programme(std::string_view name, std::size_t records) {
  if (records != 0) other_programmes_[str(name)] += records;
}

void Summary::merge(const Summary& other) {
  records_ += other.records_;
  for (const auto& [name, count] : other.outcomes_) outcomes_[name] += count;
  for (const auto& [name, count] : other.reasons_) reasons_[name] += count;
  for (const auto& [name, count] : other.other_programmes_) other_programmes_[name] += count;
}

void Summary::add_outcome(std::string_view outcome, std::size_t records) {
  if (records == 0) return;
  records_ += records;
  outcomes_[str(outcome)] += records;
}

void Summary::add_reason(std::string_view reason, std::size_t count) {
  if (count != 0) reasons_[str(reason)] += count;
}

std::size_t Summary::invalid() const noexcept {
  auto it = outcomes_.find("invalid");
  return it == outcomes_.end() ? 0 : it->second;
}

namespace {

std::vector<std::pair<std::string, std::size_t>> by_count(
    const std::map<std::string, std::size_t>& counts) {
  std::vector<std::pair<std::string, std::size_t>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return v;
}

}  // namespace

void Summary::print(std::ostream& out) const {
  std::size_t width = 8;
  for (const auto& [name, count] : reasons_) width = std::max(width, name.size());
  const int w = static_cast<int>(width);
  out << "Summary: " << records_ << (records_ == 1 ? " record\n" : " records\n");
  out << "  by outcome:\n";
  for (const auto& [name, count] : by_count(outcomes_)) {
    // Whole per cent, rounded half up, in integers.
    const std::size_t percent = (count * 200 + records_) / (records_ * 2);
    out << "    " << std::left << std::setw(w) << name << std::right << std::setw(7) << count
        << std::setw(6) << percent << "%\n";
  }
  const auto counts = [&](const char* heading, const std::map<std::string, std::size_t>& m) {
    if (m.empty()) return;
    out << heading;
    for (const auto& [name, count] : by_count(m)) {
      out << "    " << std::left << std::setw(w) << terminal_text(name) << std::right
          << std::setw(7) << count << '\n';
    }
  };
  counts("  by reason:\n", reasons_);
  counts("  naming another programme (judged by the one given all the same):\n", other_programmes_);
  out.flush();
}

}  // namespace checker
