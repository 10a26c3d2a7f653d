// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// `regularis explain -p PROGRAMME APPLICATION`: one application evaluated
// with explanations, printed for a person: every criterion with its status,
// the programme's text and legal basis and the values it used; the
// documents and fees with their notes in --lang, the missing facts with
// their questions, the deadline, and the receipt (programme id, version,
// SHA-256 of the programme file) that lets the answer be reproduced, and any
// warnings (with `--strict`, fields the format does not define). Exit 0 for
// a valid record, 1 for an invalid one, 2 on a usage or programme error;
// warnings never change it.
#include <iostream>
#include <iterator>
#include <string_view>

#include "commands.hpp"
#include "phrases.hpp"
#include "regularis/engine/engine.hpp"
#include "regularis/facts/read.hpp"

namespace checker {

namespace {

/// "[met]" padded to a fixed width so the ids line up.
std::string tag(std::string_view status) {
  std::string s = "[" + std::string(status) + "]";
  if (s.size() < 15) s.resize(15, ' ');
  return s;
}

void print_criteria(const regularis::Evaluation& e, std::ostream& out) {
  out << "\nCriteria\n";
  for (const auto& c : e.criteria) {
    out << "  " << tag(to_string(c.status)) << c.id;
    if (!c.basis.empty()) out << " (" << c.basis << ')';
    out << '\n';
    if (!c.text.empty()) out << "                   " << c.text << '\n';
    for (const auto& v : c.values) out << "                   used: " << v << '\n';
    for (const auto& f : c.unknown_facts) out << "                   unknown: " << f << '\n';
  }
}

/// The notes on a document or a fee, in `language`.
void print_notes(const std::vector<regularis::Note>& notes, const std::string& language,
                 std::ostream& out) {
  for (const auto& n : notes) out << "                   note: " << note_text(n, language) << '\n';
}

void print_documents(const regularis::Evaluation& e, const std::string& language,
                     std::ostream& out) {
  if (e.documents.empty()) return;
  out << "\nDocuments\n";
  for (const auto& d : e.documents) {
    out << "  " << tag(to_string(d.status)) << d.id;
    if (!d.holder.empty()) out << " (for " << d.holder << ')';
    out << '\n';
    if (!d.text.empty()) out << "                   " << d.text << '\n';
    for (const auto& m : d.matched) out << "                   matched: " << m << '\n';
    print_notes(d.coded_notes, language, out);
  }
}

void print_fees(const regularis::Evaluation& e, const std::string& language, std::ostream& out) {
  if (e.fees.empty()) return;
  out << "\nFees\n";
  for (const auto& f : e.fees) {
    out << "  " << tag(to_string(f.status)) << f.id << ": " << f.amount.to_string();
    if (f.status == regularis::FeeStatus::partly_paid ||
        f.status == regularis::FeeStatus::overpaid) {
      out << " (paid " << f.paid.to_string() << ')';
    }
    out << '\n';
    if (!f.text.empty()) out << "                   " << f.text << '\n';
    print_notes(f.coded_notes, language, out);
  }
}

void print_missing(const regularis::Evaluation& e, std::ostream& out) {
  if (e.missing.empty()) return;
  out << "\nStill needed (next question first)\n";
  int n = 0;
  for (const auto& m : e.missing) {
    out << "  " << ++n << ". " << m.fact;
    if (m.decisive) out << " (decisive)";
    out << '\n';
    if (!m.question.empty()) out << "     " << m.question << '\n';
  }
}

/// Warnings that accompany a valid record: the reader's (`--strict`) and the
/// engine's (a payment in another currency than its fee's).
void print_warnings(const regularis::Evaluation& e, std::ostream& out) {
  if (e.diagnostics.empty()) return;
  out << "\nWarnings\n";
  for (const auto& d : e.diagnostics) out << "  " << d.to_string() << '\n';
}

}  // namespace

int run_explain(const ExplainOptions& options) {
  bool as_of_ok = true;
  const std::optional<regularis::Date> as_of = parse_as_of(options.as_of, as_of_ok, std::cerr);
  if (!as_of_ok) return kExitUsage;
  const std::optional<regularis::Programme> programme =
      load_programme_reporting(options.programme, std::cerr);
  if (!programme) return kExitUsage;

  std::string text;
  if (options.application == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else if (!read_text_file(options.application, text, std::cerr)) {
    return kExitUsage;
  }
  regularis::ReadOptions read_options;
  read_options.strict = options.strict;
  const regularis::ReadResult record = regularis::read_application(text, read_options);

  regularis::EvaluationOptions evaluation_options;
  evaluation_options.as_of = as_of;
  evaluation_options.language = options.language;
  evaluation_options.explain = true;
  const regularis::Evaluation e =
      regularis::Engine{}.evaluate(*programme, record, evaluation_options);

  std::ostream& out = std::cout;
  const std::string id = e.application_id.empty() ? record.id : e.application_id;
  const std::string& language = options.language;
  out << "Application " << (id.empty() ? "(no id)" : id) << '\n';
  out << "Programme   " << programme->id() << ": " << programme->title().text(language) << '\n';
  if (!e.version.empty()) out << "Version     " << e.version << '\n';
  if (e.filing_date) out << "Filed on    " << e.filing_date->to_string() << '\n';
  if (as_of) out << "As of       " << as_of->to_string() << '\n';
  out << "Outcome     " << to_string(e.outcome) << '\n';

  if (e.outcome == regularis::Outcome::invalid) {
    out << "\nThe record is not a valid application:\n";
    const regularis::Diagnostics& diagnostics =
        e.diagnostics.empty() ? record.diagnostics : e.diagnostics;
    for (const auto& d : diagnostics) out << "  " << d.to_string() << '\n';
  } else {
    print_criteria(e, out);
    print_documents(e, language, out);
    print_fees(e, language, out);
    print_missing(e, out);
    print_warnings(e, out);
  }
  out << '\n';
  if (e.deadline) out << "Deadline    " << e.deadline->to_string() << '\n';
  for (const auto& d : e.deadlines) {
    if (d.id == "window_closes") continue;
    out << "            " << d.date.to_string() << "  " << phrase("deadline." + d.id, language)
        << (d.programme.empty() ? "" : " (" + d.programme + ")") << '\n';
  }
  out << "Reasons     ";
  if (e.reasons.empty()) {
    out << "none";
  } else {
    for (std::size_t i = 0; i < e.reasons.size(); ++i) out << (i ? ", " : "") << e.reasons[i];
  }
  out << '\n';
  out << "Receipt     programme " << (e.programme_id.empty() ? programme->id() : e.programme_id)
      << ", version " << (e.version.empty() ? std::string("-") : e.version) << ", sha256 "
      << (e.programme_sha256.empty() ? std::string("-") : e.programme_sha256) << '\n';
  return e.outcome == regularis::Outcome::invalid ? kExitInvalidRecords : kExitOk;
}

}  // namespace checker
