// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// `regularis screen APPLICATION.json [-p DIR_OR_FILE...]`: one person against
// every programme found (the *.yaml files of a folder that are not
// *.test.yaml), in Engine::screen's order: which they qualify or may qualify
// for, what is still missing and the next question to ask. With `--strict`
// the reader's warnings about the application (fields the format does not
// define) go to standard error first; they never change the outcome.
//
// `regularis screen --interactive -p PROGRAMME.yaml [APPLICATION.json]`: an
// interview. Starting from an empty application (or the one given), it
// evaluates, asks the next missing fact's question in --lang, reads one line
// from standard input, checks the answer by the fact's type (dates must
// exist; yes/no in four languages; "none" for a list of records) and by the
// application reader itself, sets it (a field of one family member, such as
// dependants[0].applying, is asked under the family question and named, and
// set in that element), and evaluates again, until nothing is
// missing or the outcome no longer waits for a fact. Then it prints the
// outcome, the document checklist and the fees due (with the engine's notes
// on them, in --lang) and the deadline. End of
// input ends the interview with what is known so far (exit 0). Works through
// a plain pipe: answers are echoed when standard input is not a terminal.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "phrases.hpp"
#include "regularis/core/country.hpp"
#include "regularis/core/decimal.hpp"
#include "regularis/core/instant.hpp"
#include "regularis/core/period.hpp"
#include "regularis/engine/engine.hpp"
#include "regularis/facts/fact_path.hpp"
#include "regularis/facts/read.hpp"
#include "regularis/facts/schema.hpp"
#include "regularis/rules/expression.hpp"

namespace checker {

namespace {

using Json = nlohmann::ordered_json;
using regularis::Evaluation;
using regularis::Outcome;

// --- programmes --------------------------------------------------------------

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// Programme files named by -p: a folder gives its *.yaml files that are not
/// *.test.yaml, sorted by name; a file is taken as it is.
std::vector<std::string> programme_files(const std::vector<std::string>& names, bool& ok) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  ok = true;
  for (const std::string& name : names) {
    std::error_code ec;
    if (fs::is_directory(name, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::directory_iterator(name, ec)) {
        const std::string file = entry.path().filename().string();
        if (entry.is_regular_file() && ends_with(file, ".yaml") && !ends_with(file, ".test.yaml")) {
          found.push_back(entry.path().generic_string());
        }
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(name, ec)) {
      files.push_back(name);
    } else {
      std::cerr << "regularis: no programme file or folder " << name << '\n';
      ok = false;
    }
  }
  return files;
}

// --- reading applications -----------------------------------------------------

bool read_input(const std::string& path, std::string& text) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    text = buffer.str();
    return true;
  }
  return read_text_file(path, text, std::cerr);
}

void print_record_errors(const regularis::Diagnostics& diagnostics) {
  for (const regularis::Diagnostic& d : diagnostics) {
    if (d.severity == regularis::Severity::error) std::cerr << d.to_string() << '\n';
  }
}

/// The application as given, read strictly when asked (`--strict`); its
/// warnings go to standard error.
regularis::ReadResult read_application_reporting(const std::string& text,
                                                 const ScreenOptions& options) {
  regularis::ReadOptions read_options;
  read_options.strict = options.strict;
  regularis::ReadResult record = regularis::read_application(text, read_options);
  for (const regularis::Diagnostic& d : record.diagnostics) {
    if (d.severity == regularis::Severity::warning) std::cerr << d.to_string() << '\n';
  }
  return record;
}

// --- printing results --------------------------------------------------------

std::string outcome_phrase(Outcome o, const std::string& language) {
  return phrase("outcome." + std::string(to_string(o)), language);
}

/// The notes on a document or a fee, in `language`, under its line.
void print_notes(const std::vector<regularis::Note>& notes, const std::string& language,
                 std::ostream& out) {
  for (const regularis::Note& n : notes) out << "      " << note_text(n, language) << '\n';
}

/// Outcome, conditions not met, documents (with their notes), fees due and the deadline.
void print_result(const Evaluation& e, const std::string& language, std::ostream& out) {
  out << '\n' << phrase("result", language) << ": " << outcome_phrase(e.outcome, language) << '\n';
  bool first = true;
  for (const regularis::CriterionResult& c : e.criteria) {
    if (c.status != regularis::CriterionStatus::not_met) continue;
    if (first) out << '\n' << phrase("not_met", language) << '\n';
    first = false;
    const std::string text = !c.text.empty()             ? c.text
                             : c.id == "filed_in_window" ? phrase("criterion." + c.id, language)
                                                         : c.id;
    out << "  - " << text;
    if (!c.basis.empty()) out << " (" << c.basis << ')';
    if (c.id == "filed_in_window" && e.deadline) {
      out << " (" << phrase("deadline", language) << ": " << e.deadline->to_string() << ')';
    }
    out << '\n';
  }
  if (e.outcome == Outcome::ineligible) return;  // no checklist for a closed door
  if (!e.missing.empty()) {
    out << '\n' << phrase("still_needed", language) << '\n';
    for (const regularis::MissingFact& m : e.missing) {
      out << "  - " << (m.question.empty() ? m.fact : m.question) << '\n';
    }
  }
  if (!e.documents.empty()) {
    out << '\n' << phrase("documents", language) << '\n';
    for (const regularis::DocumentResult& d : e.documents) {
      if (d.status == regularis::DocumentStatus::not_required) continue;
      const std::string status = phrase("document." + std::string(to_string(d.status)), language);
      out << "  [" << status << "] " << (d.text.empty() ? d.id : d.text);
      if (!d.holder.empty()) out << " (" << d.holder << ')';
      out << '\n';
      print_notes(d.coded_notes, language, out);
    }
  }
  out << '\n' << phrase("fees_due", language) << '\n';
  bool any_fee = false;
  for (const regularis::FeeResult& f : e.fees) {
    using regularis::FeeStatus;
    if (f.status != FeeStatus::due && f.status != FeeStatus::partly_paid &&
        f.status != FeeStatus::not_due_yet) {
      continue;
    }
    any_fee = true;
    out << "  - " << f.amount.to_string() << "  " << (f.text.empty() ? f.id : f.text);
    if (f.status == FeeStatus::partly_paid) {
      out << " (" << phrase("paid_so_far", language) << ": " << f.paid.to_string() << ')';
    }
    if (f.status == FeeStatus::not_due_yet)
      out << " (" << phrase("after_approval", language) << ')';
    out << '\n';
    print_notes(f.coded_notes, language, out);
  }
  if (!any_fee) out << "  " << phrase("no_fees_due", language) << '\n';
  if (e.deadline) {
    out << '\n' << phrase("deadline", language) << ": " << e.deadline->to_string() << '\n';
  }
}

// --- screening against many programmes ----------------------------------------

int screen_many(const ScreenOptions& options, std::optional<regularis::Date> as_of) {
  const std::string& language = options.language;
  std::string text;
  if (!read_input(options.application, text)) return kExitUsage;
  const regularis::ReadResult record = read_application_reporting(text, options);
  if (!record.is_valid()) {
    std::cerr << "regularis: " << options.application << " is not a valid application\n";
    print_record_errors(record.diagnostics);
    return kExitInvalidRecords;
  }

  bool ok = true;
  const std::vector<std::string> files = programme_files(options.programmes, ok);
  if (!ok) return kExitUsage;
  std::vector<regularis::Programme> programmes;
  for (const std::string& file : files) {
    if (auto p = load_programme_reporting(file, std::cerr)) {
      programmes.push_back(std::move(*p));
    } else {
      std::cerr << "regularis: skipping " << file << '\n';
    }
  }
  if (programmes.empty()) {
    std::cerr << "regularis: no programme to screen against\n";
    return kExitUsage;
  }
  std::vector<const regularis::Programme*> pointers;
  for (const auto& p : programmes) pointers.push_back(&p);

  regularis::EvaluationOptions evaluation_options;
  evaluation_options.as_of = as_of;
  evaluation_options.language = language;
  evaluation_options.explain = false;
  const std::vector<Evaluation> results =
      regularis::Engine{}.screen(pointers, *record.facts, evaluation_options);

  std::ostream& out = std::cout;
  out << phrase("screening", language) << ' '
      << (record.id.empty() ? std::string("(no id)") : record.id) << ": " << results.size() << ' '
      << phrase("programmes", language) << '\n';
  for (const Evaluation& e : results) {
    const auto it = std::find_if(programmes.begin(), programmes.end(),
                                 [&](const auto& p) { return p.id() == e.programme_id; });
    out << '\n' << e.programme_id;
    if (it != programmes.end()) out << "  " << it->title().text(language);
    out << '\n';
    const char* verdict = e.outcome == Outcome::eligible     ? "qualifies"
                          : e.outcome == Outcome::incomplete ? "may_qualify"
                                                             : "does_not_qualify";
    out << "  " << to_string(e.outcome) << ": " << phrase(verdict, language);
    if (!e.version.empty()) out << "; " << phrase("version", language) << ' ' << e.version;
    if (e.deadline) out << "; " << phrase("deadline", language) << ' ' << e.deadline->to_string();
    out << '\n';
    if (e.outcome == Outcome::ineligible || e.outcome == Outcome::invalid) {
      std::vector<std::string> failed;
      for (const std::string& r : e.reasons) {
        if (ends_with(r, ".not_met")) failed.push_back(r);
      }
      if (failed.empty()) failed = e.reasons;
      out << "  " << phrase("reasons", language) << ": ";
      for (std::size_t i = 0; i < failed.size(); ++i) out << (i ? ", " : "") << failed[i];
      out << '\n';
      continue;
    }
    if (!e.missing.empty()) {
      const regularis::MissingFact& next = e.missing.front();
      out << "  " << phrase("next_question", language) << ": "
          << (next.question.empty() ? next.fact : next.question) << " (" << next.fact << ")\n";
      out << "  " << phrase("missing", language) << ": ";
      for (std::size_t i = 0; i < e.missing.size(); ++i) {
        out << (i ? ", " : "") << e.missing[i].fact;
      }
      out << '\n';
    }
    std::vector<std::string> rest;
    for (const std::string& r : e.reasons) {
      if (!ends_with(r, ".unknown")) rest.push_back(r);
    }
    if (!rest.empty()) {
      out << "  " << phrase("to_complete", language) << ": ";
      for (std::size_t i = 0; i < rest.size(); ++i) out << (i ? ", " : "") << rest[i];
      out << '\n';
    }
  }
  return kExitOk;
}

// --- the interview -----------------------------------------------------------

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

/// ASCII lower case; other bytes (accents) are kept, so "Não" → "não".
std::string lowered(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::optional<bool> yes_or_no(const std::string& answer) {
  static const char* const kYes[] = {"yes", "y", "true", "sim", "s", "sí", "si", "oui", "o"};
  static const char* const kNo[] = {"no", "n", "false", "não", "nao", "non"};
  const std::string a = lowered(answer);
  for (const char* w : kYes) {
    if (a == w) return true;
  }
  for (const char* w : kNo) {
    if (a == w) return false;
  }
  return std::nullopt;
}

bool is_none(const std::string& answer) {
  static const char* const kNone[] = {"none",   "0",     "no",      "nenhuma", "nenhum",
                                      "não",    "nao",   "ninguna", "ninguno", "ningunas",
                                      "aucune", "aucun", "non",     "nada",    "rien"};
  const std::string a = lowered(answer);
  return std::any_of(std::begin(kNone), std::end(kNone), [&](const char* w) { return a == w; });
}

/// The type of a fact path from the programme's slot tables (the version in
/// force first), or nullopt when no expression reads it.
std::optional<regularis::Type> fact_type(const regularis::Programme& programme, const Evaluation& e,
                                         const std::string& path) {
  std::vector<const regularis::ProgrammeVersion*> versions;
  if (e.filing_date) {
    if (const auto* v = programme.version_in_force(*e.filing_date)) versions.push_back(v);
  }
  for (const auto& v : programme.versions()) versions.push_back(&v);
  for (const auto* v : versions) {
    if (!v->slots) continue;
    if (auto id = v->slots->find(path)) return (*v->slots)[*id].type;
  }
  return std::nullopt;
}

/// The allowed values of a programme-declared string fact (empty: any).
std::vector<std::string> allowed_values(const regularis::Programme& programme,
                                        const std::string& path) {
  for (const auto& f : programme.facts()) {
    if (f.path == path) return f.values;
  }
  return {};
}

/// What to ask for a path into a list ("dependants[0].applying"), which no
/// expression names as such: its type and allowed values from the format's
/// schema, or, for a programme-specific fact of a record
/// ("dependants[0].facts.undocumented_since"), from the programme's
/// declaration of "facts.undocumented_since". No type when neither says.
std::pair<std::optional<regularis::Type>, std::vector<std::string>> indexed_fact(
    const regularis::Programme& programme, const std::string& path) {
  using regularis::FieldType;
  const auto steps = regularis::parse_data_path(path);
  if (!steps) return {};
  const regularis::SchemaNode* node = &regularis::Schema::standard().root();
  for (std::size_t i = 0; i < steps->size() && node != nullptr; ++i) {
    const regularis::DataStep& s = (*steps)[i];
    if (node->type == FieldType::any) {  // under `facts`: the programme declares it
      std::string declared = "facts";
      for (std::size_t k = i; k < steps->size(); ++k) {
        if ((*steps)[k].index) return {};
        declared += "." + (*steps)[k].key;
      }
      for (const auto& f : programme.facts()) {
        if (f.path == declared) return {f.type, f.values};
      }
      return {};
    }
    node = node->field(s.key);
    if (node != nullptr && s.index) node = node->element.get();
  }
  if (node == nullptr) return {};
  switch (node->type) {
    case FieldType::boolean:
      return {regularis::Type::boolean(), {}};
    case FieldType::integer:
      return {regularis::Type::integer(), {}};
    case FieldType::decimal:
      return {regularis::Type::decimal(), {}};
    case FieldType::date:
      return {regularis::Type::date(), {}};
    case FieldType::country:
      return {regularis::Type::country(), {}};
    case FieldType::string:
      return {regularis::Type::string(), node->vocabulary};
    default:
      return {};
  }
}

/// An answer converted to JSON, or the reason to ask again.
struct Converted {
  std::optional<Json> value;
  std::string problem;
};

Converted convert_scalar(const std::string& answer, const regularis::Type& type,
                         const std::vector<std::string>& allowed, const std::string& language) {
  using regularis::TypeKind;
  Converted c;
  switch (type.kind()) {
    case TypeKind::boolean:
      if (auto b = yes_or_no(answer)) {
        c.value = Json(*b);
      } else {
        c.problem = phrase("answer_yes_no", language);
      }
      return c;
    case TypeKind::integer: {
      const bool digits = !answer.empty() &&
                          std::all_of(answer.begin() + (answer[0] == '-' ? 1 : 0), answer.end(),
                                      [](char ch) { return ch >= '0' && ch <= '9'; }) &&
                          answer != "-" && answer.size() < 18;
      if (digits) {
        c.value = Json(std::stoll(answer));
      } else {
        c.problem = phrase("answer_integer", language);
      }
      return c;
    }
    case TypeKind::decimal: {
      auto d = regularis::Decimal::parse(answer);
      if (d) {
        c.value = Json::parse(answer, nullptr, false);
        if (c.value->is_discarded() || !c.value->is_number()) c.value = Json(answer);
      } else {
        c.problem = d.error() + ". " + phrase("answer_decimal", language);
      }
      return c;
    }
    case TypeKind::date: {
      auto d = regularis::Date::parse(answer);
      if (d) {
        c.value = Json(d->to_string());
      } else {
        c.problem = d.error() + ". " + phrase("answer_date", language);
      }
      return c;
    }
    case TypeKind::country: {
      std::string code = answer;
      for (char& ch : code) {
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
      }
      auto country = regularis::Country::parse(code);
      if (country) {
        c.value = Json(code);
      } else {
        c.problem = country.error() + ". " + phrase("answer_country", language);
      }
      return c;
    }
    case TypeKind::period: {
      auto p = regularis::Period::parse(answer);
      if (p) {
        c.value = Json(answer);
      } else {
        c.problem = p.error();
      }
      return c;
    }
    default:
      break;
  }
  // Strings (and money, written as the application format wants it).
  if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), answer) == allowed.end()) {
    std::string list;
    for (const auto& v : allowed) list += (list.empty() ? " " : ", ") + v;
    c.problem = phrase("answer_one_of", language) + list;
    return c;
  }
  c.value = Json(answer);
  return c;
}

Converted convert(const std::string& answer, const std::string& path,
                  const std::optional<regularis::Type>& type,
                  const std::vector<std::string>& allowed, const std::string& language) {
  Converted c;
  if (answer.empty()) {
    c.problem = phrase("answer_something", language);
    return c;
  }
  if (path == "filed_at") {  // a date, or an instant with its offset
    if (answer.size() == 10) {
      auto d = regularis::Date::parse(answer);
      if (d) {
        c.value = Json(answer);
      } else {
        c.problem = d.error() + ". " + phrase("answer_date_or_time", language);
      }
    } else if (auto i = regularis::Instant::parse(answer)) {
      c.value = Json(answer);
    } else {
      c.problem = i.error() + ". " + phrase("answer_date_or_time", language);
    }
    return c;
  }
  if (!type) return convert_scalar(answer, regularis::Type::string(), allowed, language);
  if (type->kind() == regularis::TypeKind::list) {
    const regularis::Type& element = type->element();
    if (element.kind() == regularis::TypeKind::record) {
      if (is_none(answer)) {
        c.value = Json::array();
      } else {
        c.problem = phrase("answer_none_only", language);
      }
      return c;
    }
    if (is_none(answer)) {
      c.value = Json::array();
      return c;
    }
    Json items = Json::array();
    std::stringstream parts(answer);
    std::string part;
    while (std::getline(parts, part, ',')) {
      Converted one = convert_scalar(trimmed(part), element, allowed, language);
      if (!one.value) return one;
      items.push_back(std::move(*one.value));
    }
    c.value = std::move(items);
    return c;
  }
  if (type->kind() == regularis::TypeKind::record) {
    c.problem = phrase("cannot_ask", language) + ' ' + path;
    return c;
  }
  return convert_scalar(answer, *type, allowed, language);
}

/// Sets a path in the application, creating objects; an index must name an
/// element the list already has ("dependants[0].applying"). False when a
/// step is not an object, or not a list holding that element.
bool set_path(Json& application, const std::string& path, Json value) {
  const auto steps = regularis::parse_data_path(path);
  if (!steps) return false;
  Json* node = &application;
  for (const regularis::DataStep& s : *steps) {
    if (node->is_null()) *node = Json::object();
    if (!node->is_object()) return false;
    if (!s.index) {
      node = &(*node)[s.key];
      continue;
    }
    const auto list = node->find(s.key);
    if (list == node->end() || !list->is_array() || *s.index >= list->size()) return false;
    node = &(*list)[*s.index];
  }
  *node = std::move(value);
  return true;
}

/// The reader's own complaint about a path, if any ("" when it accepts it).
std::string reader_problem(const Json& application, const std::string& path) {
  const regularis::ReadResult r = regularis::read_application(application.dump());
  for (const regularis::Diagnostic& d : r.diagnostics) {
    if (d.severity != regularis::Severity::error) continue;
    if (d.json_path == path || d.json_path.rfind(path + ".", 0) == 0 ||
        d.json_path.rfind(path + "[", 0) == 0) {
      return d.message;
    }
  }
  return {};
}

class Interview {
 public:
  Interview(const regularis::Programme& programme, const ScreenOptions& options,
            std::optional<regularis::Date> as_of)
      : programme_(programme), language_(options.language), echo_(isatty(STDIN_FILENO) == 0) {
    options_.as_of = as_of;
    options_.language = options.language;
    options_.explain = false;
  }

  Evaluation evaluate(const Json& application) const {
    const regularis::ReadResult record = regularis::read_application(application.dump());
    return engine_.evaluate(programme_, record, options_);
  }

  /// Asks for one fact until the answer is usable; nullopt at end of input
  /// (`eof` set) or when the fact cannot be answered here.
  std::optional<Json> ask(const regularis::MissingFact& fact, const Evaluation& e,
                          const Json& application, bool& eof) {
    std::optional<regularis::Type> type = fact_type(programme_, e, fact.fact);
    std::vector<std::string> allowed = allowed_values(programme_, fact.fact);
    if (!type && fact.fact.find('[') != std::string::npos)
      std::tie(type, allowed) = indexed_fact(programme_, fact.fact);
    std::ostream& out = std::cout;
    // A field of one list element shares its list's question: name the field.
    const std::string question = fact.question.empty() ? fact.fact
                                 : fact.fact.find('[') != std::string::npos
                                     ? fact.question + "\n(" + fact.fact + ")"
                                     : fact.question;
    for (;;) {
      out << '\n' << question << "\n> " << std::flush;
      std::string line;
      if (!std::getline(std::cin, line)) {
        if (echo_) out << '\n';
        eof = true;
        return std::nullopt;
      }
      const std::string answer = trimmed(line);
      if (echo_) out << answer << '\n';
      Converted c = convert(answer, fact.fact, type, allowed, language_);
      if (!c.value) {
        out << c.problem << '\n';
        if (c.problem.rfind(phrase("cannot_ask", language_), 0) == 0) return std::nullopt;
        continue;
      }
      Json trial = application;
      if (!set_path(trial, fact.fact, *c.value)) {
        out << phrase("cannot_ask", language_) << ' ' << fact.fact << '\n';
        return std::nullopt;
      }
      const std::string problem = reader_problem(trial, fact.fact);
      if (!problem.empty()) {
        out << phrase("answer_not_accepted", language_) << ' ' << problem << '\n';
        continue;
      }
      return c.value;
    }
  }

 private:
  const regularis::Programme& programme_;
  std::string language_;
  bool echo_;
  regularis::EvaluationOptions options_;
  regularis::Engine engine_;
};

int interview(const ScreenOptions& options, std::optional<regularis::Date> as_of) {
  const std::string& language = options.language;
  if (options.programmes.size() != 1 || std::filesystem::is_directory(options.programmes[0])) {
    std::cerr << "regularis: screen --interactive needs one programme file (-p FILE.yaml)\n";
    return kExitUsage;
  }
  const std::optional<regularis::Programme> programme =
      load_programme_reporting(options.programmes[0], std::cerr);
  if (!programme) return kExitUsage;

  Json application = Json{{"format", "regularis.application/1"}, {"id", "interview"}};
  if (!options.application.empty()) {
    std::string text;
    if (options.application == "-") {
      std::cerr << "regularis: screen --interactive reads answers from standard input; give the "
                   "application as a file\n";
      return kExitUsage;
    }
    if (!read_text_file(options.application, text, std::cerr)) return kExitUsage;
    application = Json::parse(text, nullptr, false);
    const regularis::ReadResult record = read_application_reporting(text, options);
    if (application.is_discarded() || !application.is_object() || !record.is_valid()) {
      std::cerr << "regularis: " << options.application << " is not a valid application\n";
      print_record_errors(record.diagnostics);
      return kExitInvalidRecords;
    }
  }

  std::ostream& out = std::cout;
  out << phrase("screening", language) << ": " << programme->title().text(language) << " ("
      << programme->id() << ")\n"
      << phrase("how_to_answer", language) << '\n';

  Interview session(*programme, options, as_of);
  Evaluation e = session.evaluate(application);
  bool stopped = false;
  std::string last_asked;
  while (e.outcome == Outcome::incomplete && !e.missing.empty()) {
    const regularis::MissingFact next = e.missing.front();
    if (next.fact == last_asked) {  // the answer did not settle it: do not loop
      stopped = true;
      break;
    }
    bool eof = false;
    std::optional<Json> value = session.ask(next, e, application, eof);
    if (!value) {
      stopped = true;
      break;
    }
    set_path(application, next.fact, std::move(*value));
    last_asked = next.fact;
    e = session.evaluate(application);
  }
  if (e.outcome == Outcome::invalid) {
    print_record_errors(e.diagnostics);
    return kExitInvalidRecords;
  }
  if (stopped) out << '\n' << phrase("stopped_early", language) << '\n';
  print_result(e, language, out);
  return kExitOk;
}

}  // namespace

int run_screen(const ScreenOptions& options) {
  bool as_of_ok = true;
  const std::optional<regularis::Date> as_of = parse_as_of(options.as_of, as_of_ok, std::cerr);
  if (!as_of_ok) return kExitUsage;
  if (options.interactive) return interview(options, as_of);
  if (options.application.empty()) {
    std::cerr << "regularis: screen needs an application (or --interactive)\n";
    return kExitUsage;
  }
  return screen_many(options, as_of);
}

}  // namespace checker
