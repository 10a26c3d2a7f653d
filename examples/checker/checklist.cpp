// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// `regularis checklist -p PROGRAMME [--lang pt] [--as-of DATE]`: what a
// person should bring and pay before applying, read from the programme
// alone (no application): the filing window, the conditions, the documents
// with their accepted types and the fees with their amounts, for the version
// in force on --as-of (default: the latest version). Texts in --lang.
#include <iostream>
#include <map>

#include "commands.hpp"
#include "phrases.hpp"

namespace checker {

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& item : items) s += (s.empty() ? "" : ", ") + item;
  return s;
}

void print_routes_note(const std::vector<std::string>& routes, const std::string& language,
                       std::ostream& out) {
  if (!routes.empty())
    out << "      " << phrase("only_for", language) << ": " << joined(routes) << '\n';
}

void print_documents(const regularis::ProgrammeVersion& v, const std::string& language,
                     std::ostream& out) {
  if (v.documents.empty()) return;
  out << '\n' << phrase("documents_to_bring", language) << '\n';
  for (const regularis::DocumentRequirement& d : v.documents) {
    out << "  - " << d.id;
    const std::string& text = d.text.text(language);
    if (!text.empty()) out << ": " << text;
    if (!d.basis.empty()) out << " (" << d.basis << ')';
    out << '\n';
    if (d.self_declaration) out << "      " << phrase("self_declaration", language) << '\n';
    const bool only_itself = d.any_of.size() == 1 && d.any_of.front() == d.id;
    if (!d.any_of.empty() && !only_itself)
      out << "      " << phrase("accepted", language) << ": " << joined(d.any_of) << '\n';
    if (d.condition)
      out << "      " << phrase("which_must_show", language) << ": " << d.condition->text << '\n';
    if (d.when) out << "      " << phrase("needed_when", language) << ": " << d.when->text << '\n';
    if (d.per == regularis::Holder::dependant)
      out << "      " << phrase("per_dependant", language) << '\n';
    print_routes_note(d.routes, language, out);
  }
}

void print_fees(const regularis::ProgrammeVersion& v, const std::string& language,
                std::ostream& out) {
  if (v.fees.empty()) return;
  out << '\n' << phrase("fees_due", language) << '\n';
  std::map<std::string, regularis::Money> at_filing;  // by currency, the applicant's own
  for (const regularis::Fee& f : v.fees) {
    out << "  - " << f.id << ": " << f.amount.to_string();
    const std::string& text = f.text.text(language);
    if (!text.empty()) out << " (" << text << ')';
    out << '\n';
    if (f.due == regularis::FeeDue::after_approval)
      out << "      " << phrase("after_approval", language) << '\n';
    if (f.per == regularis::Holder::dependant)
      out << "      " << phrase("per_dependant", language) << '\n';
    if (!f.basis.empty()) out << "      basis: " << f.basis << '\n';
    print_routes_note(f.routes, language, out);
    if (f.due == regularis::FeeDue::at_filing && f.per == regularis::Holder::applicant &&
        f.routes.empty()) {
      const std::string currency(f.amount.currency().code());
      auto it = at_filing.find(currency);
      if (it == at_filing.end()) {
        at_filing.emplace(currency, f.amount);
      } else if (auto sum = it->second.checked_add(f.amount)) {
        it->second = *sum;
      }
    }
  }
  for (const auto& [currency, total] : at_filing) {
    out << "  " << phrase("total_at_filing", language) << ": " << total.to_string() << '\n';
  }
}

}  // namespace

int run_checklist(const ChecklistOptions& options) {
  bool as_of_ok = true;
  const std::optional<regularis::Date> as_of = parse_as_of(options.as_of, as_of_ok, std::cerr);
  if (!as_of_ok) return kExitUsage;
  const std::optional<regularis::Programme> programme =
      load_programme_reporting(options.programme, std::cerr);
  if (!programme) return kExitUsage;

  const regularis::ProgrammeVersion* version = nullptr;
  if (as_of) {
    version = programme->version_in_force(*as_of);
    if (version == nullptr) {
      std::cerr << "regularis: no version of " << programme->id() << " is in force on "
                << as_of->to_string() << '\n';
      return kExitUsage;
    }
  } else if (!programme->versions().empty()) {
    version = &programme->versions().back();
  } else {
    std::cerr << "regularis: " << programme->id() << " has no version\n";
    return kExitUsage;
  }

  const std::string& language = options.language;
  std::ostream& out = std::cout;
  out << programme->title().text(language) << " (" << programme->id() << ")\n";
  if (!programme->legal_basis().empty())
    out << phrase("legal_basis", language) << ": " << programme->legal_basis() << '\n';
  if (!programme->authority().empty()) {
    out << phrase("apply_to", language) << ": " << programme->authority().text(language) << '\n';
  }
  out << "Version " << version->label();
  if (as_of) out << " (in force on " << as_of->to_string() << ')';
  out << '\n';
  out << phrase("window", language) << ": " << window_dates(version->window);
  const std::string rule = window_rule(version->window);
  if (!rule.empty()) out << " (" << rule << ')';
  out << '\n';
  for (const regularis::Route& route : version->routes) {
    out << "  route " << route.id;
    const std::string& text = route.text.text(language);
    if (!text.empty()) out << " (" << text << ')';
    out << ": " << window_dates(route.window) << '\n';
  }

  if (!version->criteria.empty()) {
    out << '\n' << phrase("conditions", language) << '\n';
    for (const regularis::Criterion& c : version->criteria) {
      const std::string& text = c.text.text(language);
      out << "  - " << (text.empty() ? c.id : text);
      if (!c.basis.empty()) out << " (" << c.basis << ')';
      out << '\n';
      print_routes_note(c.routes, language, out);
    }
  }
  print_documents(*version, language, out);
  print_fees(*version, language, out);
  if (version->grant) {
    const regularis::Grant& g = *version->grant;
    out << '\n' << phrase("grant", language) << ": " << g.status;
    if (g.validity) out << " for " << g.validity->to_string();
    if (!g.then.empty()) out << ", then " << g.then;
    out << '\n';
  }
  return kExitOk;
}

}  // namespace checker
