// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Engine::evaluate: picks the version in force on the filing date, fills the
// slot array from the facts, decides the window and every criterion in
// Kleene logic, checks the documents and fees, and folds it all into an
// outcome with reason codes and the missing facts, next question first. A
// dependant without an id (no document can name it) or whose `applying` is
// unknown leaves its documents and the fees that count it open, and the
// engine asks for that fact (`dependants[0].id`, `dependants[0].applying`).
// A rule left unknown by a dependant's own fact (`d.facts.x`) asks for it of
// each dependant whose absent fact the answer depends on
// (`dependants[1].facts.x`), not of the whole list.
// Each note on a document or a fee is recorded twice, as a code with the
// values it names (Note, for hosts to render in any language) and as an
// English sentence made from it. Nothing here reads a clock, a file or a
// global.
#include "regularis/engine/engine.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <utility>

#include "engine/slots.hpp"

namespace regularis {

std::string_view to_string(Outcome o) noexcept {
  switch (o) {
    case Outcome::eligible:
      return "eligible";
    case Outcome::ineligible:
      return "ineligible";
    case Outcome::incomplete:
      return "incomplete";
    case Outcome::invalid:
      return "invalid";
  }
  return "invalid";
}

std::string_view to_string(CriterionStatus s) noexcept {
  switch (s) {
    case CriterionStatus::met:
      return "met";
    case CriterionStatus::not_met:
      return "not_met";
    case CriterionStatus::unknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view to_string(DocumentStatus s) noexcept {
  switch (s) {
    case DocumentStatus::provided:
      return "provided";
    case DocumentStatus::missing:
      return "missing";
    case DocumentStatus::rejected:
      return "rejected";
    case DocumentStatus::expired:
      return "expired";
    case DocumentStatus::not_verified:
      return "not_verified";
    case DocumentStatus::not_required:
      return "not_required";
  }
  return "missing";
}

std::string_view to_string(FeeStatus s) noexcept {
  switch (s) {
    case FeeStatus::paid:
      return "paid";
    case FeeStatus::due:
      return "due";
    case FeeStatus::partly_paid:
      return "partly_paid";
    case FeeStatus::waived:
      return "waived";
    case FeeStatus::overpaid:
      return "overpaid";
    case FeeStatus::not_due_yet:
      return "not_due_yet";
  }
  return "due";
}

std::string_view to_string(NoteCode c) noexcept {
  switch (c) {
    case NoteCode::required_if:
      return "required_if";
    case NoteCode::required_if_applying:
      return "required_if_applying";
    case NoteCode::holder_unknown:
      return "holder_unknown";
    case NoteCode::not_verified:
      return "not_verified";
    case NoteCode::expired_before_filing:
      return "expired_before_filing";
    case NoteCode::condition_not_met:
      return "condition_not_met";
    case NoteCode::condition_unknown:
      return "condition_unknown";
    case NoteCode::amount_if_applying:
      return "amount_if_applying";
  }
  return "required_if";
}

namespace {

/// A note as the English sentence of DocumentResult::notes and FeeResult::notes.
std::string english(const Note& n) {
  const std::string first = n.paths.empty() ? std::string() : n.paths.front();
  const std::string document = first + " (" + n.document_type + ")";
  switch (n.code) {
    case NoteCode::required_if:
      return "required if " + n.expression;
    case NoteCode::required_if_applying:
      return "required if " + first + " applies";
    case NoteCode::holder_unknown:
      return "cannot be checked yet: " + first + " has no id for its documents to name as holder";
    case NoteCode::not_verified:
      return document + ": not verified";
    case NoteCode::expired_before_filing:
      return document + ": expired before the filing date";
    case NoteCode::condition_not_met:
      return document + ": does not satisfy " + n.expression;
    case NoteCode::condition_unknown:
      return document + ": cannot show " + n.expression;
    case NoteCode::amount_if_applying: {
      std::string who;
      for (std::size_t i = 0; i < n.paths.size(); ++i)
        who += (i == 0 ? "" : i + 1 == n.paths.size() ? " and " : ", ") + n.paths[i];
      const bool one = n.paths.size() == 1;
      return "the amount if " + who + (one ? " applies" : " apply") + "; " +
             (n.amount ? n.amount->to_string() : std::string("not due")) +
             (one ? " if not" : " if none of them does");
    }
  }
  return {};
}

/// Adds a note to a document's or a fee's result, as a code and in English.
template <class Result>
void add_note(Result& r, Note n) {
  r.notes.push_back(english(n));
  r.coded_notes.push_back(std::move(n));
}

constexpr std::string_view kWindowCriterion = "filed_in_window";
constexpr std::string_view kFactsPrefix = "facts.";  // of a declared fact's path
constexpr std::string_view kFiledAt = "filed_at";
constexpr std::string_view kOfficeZone = "office.time_zone";

/// A three-valued answer and the facts whose absence left it open.
struct Verdict {
  CriterionStatus status = CriterionStatus::unknown;
  std::vector<std::string> unknown_facts;  ///< in the programme's order, each once
  std::optional<std::string> error;        ///< an evaluation error code
};

/// Adds a fact path to a list of unknown facts, keeping first-seen order.
void note_unknown(std::vector<std::string>& facts, const std::string& path) {
  if (std::find(facts.begin(), facts.end(), path) == facts.end()) facts.push_back(path);
}

bool applies_to_route(const std::vector<std::string>& routes, const std::string& route) {
  return routes.empty() || std::find(routes.begin(), routes.end(), route) != routes.end();
}

/// Whose documents a requirement is checked for.
struct HolderRef {
  std::string holder;     ///< "" = the applicant, else the dependant's id
  std::string path;       ///< "applicant" or "dependants[2]"
  std::size_t index = 0;  ///< a dependant's place in `dependants`
  /// A dependant without an id: no document can name it as its holder.
  bool id_unknown = false;
  /// A dependant whose `applying` is unknown: required only if they apply.
  bool applying_unknown = false;
};

/// The default question for a dependant's field the engine asks about itself
/// (`id`, `applying`, and with "facts" one of its own facts, "{fact}") when
/// the programme has none; "{n}" is the dependant's number from 1, "{path}"
/// its path.
const Text& default_dependant_question(std::string_view field) {
  static const Text id("en", {{"en",
                               "Which id do you give family member {n} ({path}), so that "
                               "their documents can name them as holder?"},
                              {"pt",
                               "Que identificador você dá ao familiar {n} ({path}), para que "
                               "os documentos dele o indiquem como titular?"},
                              {"es",
                               "¿Qué identificador da al familiar {n} ({path}), para que sus "
                               "documentos lo indiquen como titular?"},
                              {"fr",
                               "Quel identifiant donnez-vous au membre de la famille {n} "
                               "({path}), pour que ses documents le désignent comme "
                               "titulaire ?"}});
  static const Text applying("en", {{"en", "Does family member {n} ({path}) apply with you?"},
                                    {"pt", "O familiar {n} ({path}) faz o pedido com você?"},
                                    {"es", "¿El familiar {n} ({path}) solicita con usted?"},
                                    {"fr",
                                     "Le membre de la famille {n} ({path}) demande-t-il "
                                     "avec vous ?"}});
  static const Text facts("en",
                          {{"en", "What is {fact} for family member {n} ({path})?"},
                           {"pt", "Qual é o valor de {fact} para o familiar {n} ({path})?"},
                           {"es", "¿Cuál es el valor de {fact} para el familiar {n} ({path})?"},
                           {"fr",
                            "Quelle est la valeur de {fact} pour le membre de la famille {n} "
                            "({path}) ?"}});
  static const Text none;
  if (field == "id") return id;
  if (field == "applying") return applying;
  if (field == "facts") return facts;
  return none;
}

/// "dependants[2]": how the application names a dependant by its place.
std::string dependant_path(std::size_t index) {
  return "dependants[" + std::to_string(index) + "]";
}

/// Replaces every "{key}" in `text` with `value`.
std::string fill_in(std::string text, std::string_view key, const std::string& value) {
  const std::string mark = "{" + std::string(key) + "}";
  for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at + value.size()))
    text.replace(at, mark.size(), value);
  return text;
}

/// A question about family member `index`: its {n} (counted from 1) and
/// {path} ("dependants[0]") filled in.
std::string fill_in_dependant(std::string text, std::size_t index) {
  text = fill_in(std::move(text), "path", dependant_path(index));
  return fill_in(std::move(text), "n", std::to_string(index + 1));
}

/// Everything one evaluation needs while it runs.
class Run {
 public:
  Run(const Programme& p, const Facts& f, const EvaluationOptions& o, Evaluation& out)
      : programme_(p), facts_(f), options_(o), out_(out) {}

  void evaluate();

 private:
  std::string language() const {
    return options_.language.empty() ? programme_.default_language() : options_.language;
  }
  Verdict verdict_of(const Expression& e, std::vector<std::string>* values);
  Verdict window_verdict(const Window& w, std::vector<std::string>* values);
  void criteria();
  void documents();
  void document_requirement(const DocumentRequirement& req, const HolderRef& who,
                            const std::vector<FactValue>* docs);
  void fees();
  void note_dependant_unknown(std::size_t index, std::string_view field);
  void keep_dependant_question(std::size_t index, const std::string& path, std::string_view field,
                               const std::string& fact);
  /// A field of a family member (`dependants[].date_of_birth`, read as
  /// `d.date_of_birth`) or of their own facts (`dependants[].facts.x`, read
  /// as `d.facts.x`): the `dependants` slot and where the field is in a
  /// dependant's record (one index, or `facts` then the fact).
  struct DependantFact {
    FactId list = 0;
    std::vector<std::size_t> route;
    std::string name;  // "date_of_birth", "facts.undocumented_since"
  };
  std::optional<DependantFact> dependant_fact(FactId id) const;
  std::vector<std::string> dependants_missing(const CompiledExpression& e, FactId id,
                                              const DependantFact& f);
  std::string question_for(const std::string& fact, const std::string& lang) const;
  void conclude();
  void deadlines();
  void screen_from(Date as_of);
  void personal_deadline();
  void choose_filing_zone();
  void check_declared_values();
  std::string fact_path(FactId id) const;
  /// What to ask for before a filing can be dated: filed_at, or
  /// office.time_zone for an instant to date in an office zone not given.
  std::string filing_fact() const {
    return std::string(office_zone_unknown_ ? kOfficeZone : kFiledAt);
  }

  const Programme& programme_;
  const Facts& facts_;
  const EvaluationOptions& options_;
  Evaluation& out_;

  const ProgrammeVersion* version_ = nullptr;
  bool not_open_yet_ = false;  // screening: the first day to file is after the as-of date
  const TimeZone* filing_zone_ = nullptr;  // where a filing instant is dated
  std::optional<TimeZone> office_zone_;
  bool office_zone_unknown_ = false;  // an instant to date in an office zone not given
  std::string route_;
  detail::SlotFiller filler_;
  std::vector<Value> slots_;
  std::optional<FactId> document_slot_;
  std::vector<Verdict> verdicts_;            // parallel to out_.criteria
  std::vector<std::string> extra_unknowns_;  // from `when` conditions and the route fact
  bool route_unknown_ = false;
  // Reason codes for a dependant's unknown id or `applying` that leave a
  // document or a fee open ("dependants.id.unknown"), each once.
  std::vector<std::string> dependant_reasons_;
  // For each of those facts: the dependant and field it names, and the
  // engine's own question for it in the answer's language.
  struct DependantQuestion {
    std::size_t index = 0;
    std::string field;  // "applying", "facts.undocumented_since"
    std::string own;
  };
  std::map<std::string, DependantQuestion> dependant_questions_;
};

std::string Run::fact_path(FactId id) const {
  const FactInfo& info = (*version_->slots)[id];
  // A field of a list element names its list: "applicant.criminal.convictions".
  const FactInfo* f = &info;
  while (f->parent) f = &(*version_->slots)[*f->parent];
  return f->path == "filing_date" ? filing_fact() : f->path;
}

Verdict Run::verdict_of(const Expression& e, std::vector<std::string>* values) {
  Verdict v;
  if (!e.compiled) return v;
  Trace trace;
  Value result = e.compiled->evaluate(ValueSpan{slots_.data(), slots_.size()},
                                      values != nullptr ? &trace : nullptr);
  if (result.is_true()) {
    v.status = CriterionStatus::met;
  } else if (result.is_false()) {
    v.status = CriterionStatus::not_met;
  } else if (result.is_unknown()) {
    // Fact ids follow the programme's order (the order the compiler met them).
    for (FactId id : result.unknown_facts().to_vector()) {
      if (auto f = dependant_fact(id)) {
        for (const auto& path : dependants_missing(*e.compiled, id, *f))
          note_unknown(v.unknown_facts, path);
      } else {
        note_unknown(v.unknown_facts, fact_path(id));
      }
    }
  } else if (result.is_error()) {
    v.error = std::string(to_code(result.error_code()));
  }
  if (values != nullptr) {
    const auto& nodes = e.compiled->nodes();
    for (NodeId n = 0; n < nodes.size(); ++n) {
      if (nodes[n].op != "name" && nodes[n].op != "field") continue;
      const Value* seen = trace.value_of(n);
      if (seen == nullptr) continue;
      std::string line =
          nodes[n].text + " = " + (seen->is_unknown() ? "unknown" : to_string(*seen));
      if (std::find(values->begin(), values->end(), line) == values->end()) values->push_back(line);
    }
  }
  return v;
}

std::optional<Run::DependantFact> Run::dependant_fact(FactId id) const {
  const SlotTable& table = *version_->slots;
  auto is_dependants = [](const FactInfo& f) {
    return f.is_slot() && f.path == "dependants" && f.type.kind() == TypeKind::list &&
           f.type.element().kind() == TypeKind::record;
  };
  const FactInfo& field = table[id];
  if (!field.parent) return std::nullopt;
  const FactInfo& parent = table[*field.parent];
  if (is_dependants(parent)) {  // d.date_of_birth
    auto index = parent.type.element().record().find(field.field);
    if (!index) return std::nullopt;
    return DependantFact{parent.id, {*index}, field.field};
  }
  // d.facts.x
  if (parent.field != "facts" || !parent.parent || parent.type.kind() != TypeKind::record)
    return std::nullopt;
  const FactInfo& list = table[*parent.parent];
  if (!is_dependants(list)) return std::nullopt;
  auto facts_index = list.type.element().record().find("facts");
  auto field_index = parent.type.record().find(field.field);
  if (!facts_index || !field_index) return std::nullopt;
  return DependantFact{list.id, {*facts_index, *field_index}, "facts." + field.field};
}

namespace {

// The value at `route` in a dependant's record, or null where it has none.
const Value* value_at(const Value& dependant, const std::vector<std::size_t>& route) {
  const Value* v = &dependant;
  for (std::size_t index : route) {
    if (v->kind() != ValueKind::record || v->as_record().size <= index) return nullptr;
    v = &v->as_record()[index];
  }
  return v;
}

// `v` with the value at route[depth..] made `with`; the records made are
// kept in `store`, which must outlive the result.
Value replaced(const Value& v, const std::vector<std::size_t>& route, std::size_t depth,
               const Value& with, std::deque<std::vector<Value>>& store) {
  if (depth == route.size()) return with;
  if (v.kind() != ValueKind::record || v.as_record().size <= route[depth]) return v;
  std::vector<Value>& fields = store.emplace_back(v.as_record().begin(), v.as_record().end());
  fields[route[depth]] = replaced(fields[route[depth]], route, depth + 1, with, store);
  return Value::record(fields);
}

}  // namespace

// The dependants whose absent field `id` left `e` unknown, as paths
// ("dependants[1].date_of_birth", "dependants[1].facts.undocumented_since").
// With one such dependant it is that one. With several, `e` is evaluated
// again for each, the others' field made an error: neither an error nor
// unknown decides `and`, `or`, any or all, and unknown beats error wherever
// they meet, so the result names the field exactly when this dependant's
// absence reaches it (a child's, skipped by `d.relationship != "child" or
// ...`, does not).
std::vector<std::string> Run::dependants_missing(const CompiledExpression& e, FactId id,
                                                 const DependantFact& f) {
  std::vector<std::size_t> absent;
  const Value& list = slots_[f.list];
  const ValueSpan dependants = list.kind() == ValueKind::list ? list.as_list() : ValueSpan{};
  for (std::size_t i = 0; i < dependants.size; ++i) {
    const Value* v = value_at(dependants[i], f.route);
    if (v != nullptr && v->is_unknown()) absent.push_back(i);
  }
  std::vector<std::size_t> asked = absent;
  if (absent.size() > 1) {
    asked.clear();
    std::deque<std::vector<Value>> store;
    std::vector<Value> masked(dependants.size);
    const Value error = Value::error(EvalError::bad_slot_value);
    for (std::size_t j : absent) masked[j] = replaced(dependants[j], f.route, 0, error, store);
    std::vector<Value> elements(dependants.begin(), dependants.end());
    std::vector<Value> trial = slots_;
    for (std::size_t i : absent) {
      for (std::size_t j : absent) elements[j] = j == i ? dependants[j] : masked[j];
      trial[f.list] = Value::list(elements);
      const Value r = e.evaluate(ValueSpan{trial.data(), trial.size()});
      if (r.is_unknown() && r.unknown_facts().contains(id)) asked.push_back(i);
    }
  }
  std::vector<std::string> paths;
  for (std::size_t i : asked) {
    const std::string path = dependant_path(i) + "." + f.name;
    keep_dependant_question(i, path, "facts", f.name);
    paths.push_back(path);
  }
  if (paths.empty()) paths.push_back(fact_path(id));  // not placed: the whole list
  return paths;
}

Verdict Run::window_verdict(const Window& w, std::vector<std::string>* values) {
  Verdict v;
  const auto filing = out_.filing_date;
  if (!filing) {
    note_unknown(v.unknown_facts, filing_fact());
  } else if ((w.opens && *filing < *w.opens) || (w.closes && *filing > *w.closes)) {
    v.status = CriterionStatus::not_met;
  } else if (not_open_yet_) {  // not filed, and it cannot be yet: a question, not a no
    note_unknown(v.unknown_facts, std::string(kFiledAt));
  } else {
    v.status = CriterionStatus::met;
    auto on_edge = [&](const std::optional<Date>& day, const std::optional<TimeOfDay>& at,
                       bool closing) {
      if (!day || !at || *filing != *day) return;
      auto instant = facts_.find(kFiledAt).as_instant();
      if (!instant) {  // a bare date on the day the window opens or closes at a given hour
        v.status = CriterionStatus::unknown;
        note_unknown(v.unknown_facts, std::string(kFiledAt));
        return;
      }
      auto local = filing_zone_->to_local(*instant).seconds_of_day;
      if (closing ? local >= at->seconds_of_day() : local < at->seconds_of_day())
        v.status = CriterionStatus::not_met;
    };
    on_edge(w.opens, w.opens_at, false);
    on_edge(w.closes, w.closes_at, true);
  }
  if (w.per_applicant && v.status != CriterionStatus::not_met) {
    Verdict p = verdict_of(*w.per_applicant, values);
    if (p.status == CriterionStatus::not_met || p.error) return p;
    if (p.status == CriterionStatus::unknown) {
      v.status = CriterionStatus::unknown;
      for (const auto& f : p.unknown_facts) note_unknown(v.unknown_facts, f);
    }
  }
  return v;
}

void Run::criteria() {
  const std::string lang = language();
  out_.criteria.reserve(version_->criteria.size() + 1);
  verdicts_.reserve(version_->criteria.size() + 1);
  {
    const Window& w = version_->window_for(route_);
    CriterionResult r;
    r.id = w.id;
    if (options_.explain && out_.filing_date) {
      r.values.push_back("filing_date = " + out_.filing_date->to_string() +
                         (not_open_yet_ ? " (not filed: the first day it can be, as of " +
                                              options_.as_of->to_string() + ")"
                                        : ""));
      if (w.opens) r.values.push_back("opens = " + w.opens->to_string());
      if (w.closes) r.values.push_back("closes = " + w.closes->to_string());
      if (w.closes_at) r.values.push_back("closes_at = " + w.closes_at->to_string());
    }
    Verdict v = window_verdict(w, options_.explain ? &r.values : nullptr);
    r.status = v.status;
    r.unknown_facts = v.unknown_facts;
    out_.criteria.push_back(std::move(r));
    verdicts_.push_back(std::move(v));
  }
  for (const Criterion& c : version_->criteria) {
    if (!applies_to_route(c.routes, route_)) continue;
    CriterionResult r;
    r.id = c.id;
    r.text = c.text.text(lang);
    r.basis = c.basis;
    Verdict v = verdict_of(c.require, options_.explain ? &r.values : nullptr);
    if (v.error) {
      out_.diagnostics.error_at_path(
          "engine." + *v.error, "criterion " + c.id + " could not be evaluated: " + *v.error, "");
    }
    r.status = v.status;
    r.unknown_facts = v.unknown_facts;
    out_.criteria.push_back(std::move(r));
    verdicts_.push_back(std::move(v));
  }
}

// `docs`: the record's documents (null when it has none).
void Run::document_requirement(const DocumentRequirement& req, const HolderRef& who,
                               const std::vector<FactValue>* docs) {
  DocumentResult r;
  r.id = req.id;
  r.text = req.text.text(language());
  // A dependant without an id is named by its place in the list.
  r.holder = who.id_unknown ? who.path : who.holder;
  std::vector<std::string> when_unknown;
  if (req.when) {
    Verdict w = verdict_of(*req.when, nullptr);
    if (w.status == CriterionStatus::not_met) {
      r.status = DocumentStatus::not_required;
      out_.documents.push_back(std::move(r));
      return;
    }
    if (w.status == CriterionStatus::unknown)
      add_note(r, Note{NoteCode::required_if, {}, {}, req.when->text});
    when_unknown = w.status == CriterionStatus::unknown ? std::move(w.unknown_facts)
                                                        : std::vector<std::string>{};
  }
  if (who.applying_unknown) add_note(r, Note{NoteCode::required_if_applying, {who.path}});
  if (who.id_unknown)  // documents[].holder names a dependant by id: none can name this one
    add_note(r, Note{NoteCode::holder_unknown, {who.path}});
  if (who.id_unknown) docs = nullptr;
  bool rejected = false, expired = false, unverified = false;
  for (std::size_t i = 0; docs != nullptr && i < docs->size(); ++i) {
    const FactValue& doc = (*docs)[i];
    const FactValue* type_fact = doc.field("type");
    const std::string* type = type_fact != nullptr ? type_fact->as_string() : nullptr;
    if (type == nullptr ||
        std::find(req.any_of.begin(), req.any_of.end(), *type) == req.any_of.end())
      continue;
    const FactValue* doc_holder = doc.field("holder");
    const std::string* holder_id = doc_holder != nullptr ? doc_holder->as_string() : nullptr;
    if ((holder_id == nullptr ? std::string_view() : std::string_view(*holder_id)) != who.holder)
      continue;
    const std::string path = "documents[" + std::to_string(i) + "]";
    const FactValue* verified = doc.field("verified");
    if (verified != nullptr && verified->as_bool() == std::optional<bool>(false)) {
      unverified = true;
      add_note(r, Note{NoteCode::not_verified, {path}, *type});
      continue;
    }
    const FactValue* expired_flag = doc.field("expired");
    const FactValue* expires_on = doc.field("expires_on");
    if (std::find(req.accept_expired.begin(), req.accept_expired.end(), *type) ==
            req.accept_expired.end() &&
        ((expired_flag != nullptr && expired_flag->as_bool() == std::optional<bool>(true)) ||
         (expires_on != nullptr && expires_on->as_date() && out_.filing_date &&
          *expires_on->as_date() < *out_.filing_date))) {
      expired = true;
      add_note(r, Note{NoteCode::expired_before_filing, {path}, *type});
      continue;
    }
    if (req.condition && document_slot_) {
      const Type& t = (*version_->slots)[*document_slot_].type;
      slots_[*document_slot_] = filler_.convert(doc, t, path, out_.diagnostics);
      Verdict c = verdict_of(*req.condition, nullptr);
      slots_[*document_slot_] = Value::unknown();
      if (c.status != CriterionStatus::met) {
        rejected = true;
        add_note(r, Note{c.status == CriterionStatus::not_met ? NoteCode::condition_not_met
                                                              : NoteCode::condition_unknown,
                         {path},
                         *type,
                         req.condition->text});
        continue;
      }
    }
    r.matched.push_back(*type);
  }
  // A requirement that may not apply is only a question while it is unmet.
  if (r.matched.empty()) {
    for (auto& f : when_unknown) note_unknown(extra_unknowns_, f);
    if (who.applying_unknown) note_dependant_unknown(who.index, "applying");
    if (who.id_unknown) note_dependant_unknown(who.index, "id");
  }
  if (!r.matched.empty()) {
    r.status = DocumentStatus::provided;
  } else if (rejected) {
    r.status = DocumentStatus::rejected;
  } else if (expired) {
    r.status = DocumentStatus::expired;
  } else if (unverified) {
    r.status = DocumentStatus::not_verified;
  } else {
    r.status = DocumentStatus::missing;
  }
  out_.documents.push_back(std::move(r));
}

void Run::documents() {
  const auto* docs = facts_.find("documents").as_list();
  out_.documents.reserve(out_.documents.size() + version_->documents.size());
  for (const DocumentRequirement& req : version_->documents) {
    if (!applies_to_route(req.routes, route_)) continue;
    if (req.per == Holder::applicant) {
      document_requirement(req, HolderRef{"", "applicant"}, docs);
      continue;
    }
    const auto* dependants = facts_.find("dependants").as_list();
    for (std::size_t i = 0; dependants != nullptr && i < dependants->size(); ++i) {
      const FactValue& d = (*dependants)[i];
      const FactValue* applying_fact = d.field("applying");
      const std::optional<bool> applying =
          applying_fact != nullptr ? applying_fact->as_bool() : std::nullopt;
      if (applying == std::optional<bool>(false)) continue;
      const FactValue* id_fact = d.field("id");
      const std::string* id = id_fact != nullptr ? id_fact->as_string() : nullptr;
      HolderRef who;
      who.path = dependant_path(i);
      who.index = i;
      // "" is the applicant's holder key, so an empty id names no one either.
      who.id_unknown = id == nullptr || id->empty();
      who.holder = who.id_unknown ? std::string() : *id;
      who.applying_unknown = !applying;
      document_requirement(req, who, docs);
    }
  }
}

void Run::fees() {
  const auto* payments = facts_.find("payments").as_list();
  const auto* waivers = facts_.find("waivers").as_list();
  // Dependants known to apply, and those whose `applying` is unknown.
  std::int64_t dependants_applying = 0;
  std::vector<std::size_t> undecided;  // their places in `dependants`
  if (const auto* deps = facts_.find("dependants").as_list()) {
    for (std::size_t i = 0; i < deps->size(); ++i) {
      const FactValue* a = (*deps)[i].field("applying");
      const std::optional<bool> applying = a != nullptr ? a->as_bool() : std::nullopt;
      if (!applying) {
        undecided.push_back(i);
      } else if (*applying) {
        ++dependants_applying;
      }
    }
  }
  const auto undecided_count = static_cast<std::int64_t>(undecided.size());
  // The amount of a fee when `n` dependants apply; nullopt when none is due
  // (a fee per dependant with none applying) or it cannot be represented.
  auto amount_for = [](const Fee& fee, std::int64_t n) -> std::optional<Money> {
    const Money& base = fee.family_amount && n > 0 ? *fee.family_amount : fee.amount;
    if (fee.per != Holder::dependant) return base;
    if (n == 0) return std::nullopt;
    auto total = base.amount().checked_mul(Decimal::from_integer(n));
    if (!total) return std::nullopt;
    return Money::of(*total, base.currency());
  };
  const std::string lang = language();
  for (const Fee& fee : version_->fees) {
    if (!applies_to_route(fee.routes, route_)) continue;
    // The most the fee can be: every dependant whose `applying` is unknown
    // counted as applying. It is the amount asked, so a payment is never
    // taken as enough when it might not be.
    const std::optional<Money> most = amount_for(fee, dependants_applying + undecided_count);
    if (!most) continue;
    const Money amount = *most;
    // The least it can be (none of them applying); differs only when the
    // amount depends on who applies (a family amount, a fee per dependant).
    std::optional<Money> least = most;
    if (undecided_count > 0) least = amount_for(fee, dependants_applying);
    const bool amount_open = !least || Decimal::compare(least->amount(), most->amount()) != 0;
    Money paid = Money::of(Decimal::from_integer(0), amount.currency());
    for (std::size_t i = 0; payments != nullptr && i < payments->size(); ++i) {
      const FactValue& p = (*payments)[i];
      const FactValue* id = p.field("fee");
      const FactValue* currency = p.field("currency");
      const FactValue* sum_part = p.field("amount");
      if (id == nullptr || id->as_string() == nullptr || *id->as_string() != fee.id) continue;
      if (currency == nullptr || currency->as_string() == nullptr) continue;
      if (*currency->as_string() != amount.currency().code()) {
        // Not converted: an official decides what a payment in another currency is worth.
        out_.diagnostics.add(
            Diagnostic{Severity::warning,
                       "engine.other_currency",
                       "paid in " + *currency->as_string() + ", but fee " + fee.id + " is in " +
                           std::string(amount.currency().code()) + ": this payment does not count",
                       {},
                       "payments[" + std::to_string(i) + "].currency"});
        continue;
      }
      if (sum_part == nullptr || !sum_part->as_decimal()) continue;
      auto sum = paid.checked_add(Money::of(*sum_part->as_decimal(), amount.currency()));
      if (!sum) {
        out_.diagnostics.error_at_path("facts.overflow", sum.error(),
                                       "payments[" + std::to_string(i) + "].amount");
        continue;
      }
      paid = *sum;
    }
    bool waived = false;
    for (std::size_t i = 0; fee.waivable && waivers != nullptr && i < waivers->size(); ++i) {
      const FactValue& w = (*waivers)[i];
      const FactValue* id = w.field("fee");
      const FactValue* granted = w.field("granted");
      if (id != nullptr && id->as_string() != nullptr && *id->as_string() == fee.id &&
          granted != nullptr && granted->as_bool() == std::optional<bool>(true))
        waived = true;
    }
    if (fee.waived_when && verdict_of(*fee.waived_when, nullptr).status == CriterionStatus::met)
      waived = true;
    const int cmp = Decimal::compare(paid.amount(), amount.amount());
    FeeStatus status = FeeStatus::partly_paid;
    if (fee.due == FeeDue::after_approval) {
      status = FeeStatus::not_due_yet;
    } else if (cmp > 0) {
      status = FeeStatus::overpaid;
    } else if (cmp == 0) {
      status = FeeStatus::paid;
    } else if (waived) {
      status = FeeStatus::waived;
    } else if (paid.amount().is_zero()) {
      status = FeeStatus::due;
    }
    FeeResult result{fee.id, status, amount, paid, fee.text.text(lang)};
    if (amount_open) {
      Note note{NoteCode::amount_if_applying};
      for (std::size_t d : undecided) note.paths.push_back(dependant_path(d));
      note.amount = least;
      add_note(result, std::move(note));
      // Paid, waived or not due yet whatever the amount: settled either way.
      // Otherwise what is owed depends on who applies, so that is asked.
      if (status == FeeStatus::due || status == FeeStatus::partly_paid) {
        for (std::size_t d : undecided) note_dependant_unknown(d, "applying");
      }
    }
    out_.fees.push_back(std::move(result));
  }
}

void Run::note_dependant_unknown(std::size_t index, std::string_view field) {
  const std::string path = dependant_path(index) + "." + std::string(field);
  note_unknown(extra_unknowns_, path);
  // One reason code whichever dependant it is ("dependants.id.unknown"), so
  // reports can count it; the missing fact says which.
  note_unknown(dependant_reasons_, "dependants." + std::string(field) + ".unknown");
  keep_dependant_question(index, path, field, "");
}

// The engine's own question for a dependant's fact `path` (its `field`:
// id, applying, or one of its own facts, named `fact`), for question_for.
void Run::keep_dependant_question(std::size_t index, const std::string& path,
                                  std::string_view field, const std::string& fact) {
  DependantQuestion& q = dependant_questions_[path];
  q.index = index;
  q.field = fact.empty() ? std::string(field) : fact;
  q.own = fill_in_dependant(default_dependant_question(field).text(language()), index);
  q.own = fill_in(std::move(q.own), "fact", fact);
}

// The programme's question for a fact. For a family member's field
// ("dependants[1].date_of_birth"): the programme's question for that field
// of every family member ("dependants[].date_of_birth", its {n} and {path}
// filled in), else its question for `dependants`, else the engine's own.
std::string Run::question_for(const std::string& fact, const std::string& lang) const {
  if (const Text* q = programme_.question(fact)) return q->text(lang);
  const auto own = dependant_questions_.find(fact);
  if (own == dependant_questions_.end()) return {};
  const DependantQuestion& d = own->second;
  if (const Text* q = programme_.question(std::string(kEachDependant) + "." + d.field))
    return fill_in_dependant(q->text(lang), d.index);
  if (const Text* q = programme_.question("dependants")) return q->text(lang);
  return d.own;
}

void Run::conclude() {
  bool not_met = false, unknown = false;
  for (std::size_t i = 0; i < out_.criteria.size(); ++i) {
    const auto& c = out_.criteria[i];
    if (c.status == CriterionStatus::not_met) not_met = true;
    if (c.status == CriterionStatus::unknown) unknown = true;
    if (c.status != CriterionStatus::met)
      out_.reasons.push_back(c.id + "." + std::string(to_string(c.status)));
  }
  bool file_incomplete = !extra_unknowns_.empty();
  if (route_unknown_) out_.reasons.push_back(version_->route_fact + ".unknown");
  for (const auto& r : dependant_reasons_) out_.reasons.push_back(r);
  for (const auto& d : out_.documents) {
    if (d.status == DocumentStatus::provided || d.status == DocumentStatus::not_required) continue;
    file_incomplete = true;
    out_.reasons.push_back(d.id + "." + std::string(to_string(d.status)));
  }
  for (const auto& f : out_.fees) {
    if (f.status != FeeStatus::due && f.status != FeeStatus::partly_paid) continue;
    file_incomplete = true;
    out_.reasons.push_back(f.id + "." + std::string(to_string(f.status)));
  }
  if (out_.diagnostics.has_errors()) {
    out_.outcome = Outcome::invalid;
    out_.reasons.clear();
    for (const auto& d : out_.diagnostics)
      if (d.severity == Severity::error &&
          std::find(out_.reasons.begin(), out_.reasons.end(), d.code) == out_.reasons.end())
        out_.reasons.push_back(d.code);
  } else if (not_met) {
    out_.outcome = Outcome::ineligible;
  } else if (unknown || file_incomplete) {
    out_.outcome = Outcome::incomplete;
  } else {
    out_.outcome = Outcome::eligible;
  }
  if (out_.outcome != Outcome::incomplete) return;

  // Missing facts, next question first: a fact that alone leaves some
  // criterion open could settle the outcome by itself (if that criterion
  // then fails, the application is ineligible whatever else is answered).
  std::vector<std::string> order;
  std::set<std::string> decisive;
  auto note = [&](const std::string& path) {
    if (std::find(order.begin(), order.end(), path) == order.end()) order.push_back(path);
  };
  for (const auto& v : verdicts_) {
    if (v.status != CriterionStatus::unknown) continue;
    for (const auto& f : v.unknown_facts) note(f);
    if (v.unknown_facts.size() == 1) decisive.insert(*v.unknown_facts.begin());
  }
  for (const auto& f : extra_unknowns_) note(f);
  std::stable_partition(order.begin(), order.end(),
                        [&](const std::string& f) { return decisive.count(f) != 0; });
  const std::string lang = language();
  for (const auto& f : order) {
    MissingFact m;
    m.fact = f;
    m.question = question_for(f, lang);
    m.decisive = decisive.count(f) != 0;
    out_.missing.push_back(std::move(m));
  }
}

/// Every programme-specific fact a record gives, the applicant's and each
/// dependant's, is checked by its declaration, whether a rule of this
/// version reads it or not: its type (a fact read is checked as its slot is
/// filled, the others here) and, when declared with a list of values, that
/// it holds one of them (a route the programme does not have is an invalid
/// record, not a silent evaluation of the shared rules only).
void Run::check_declared_values() {
  const FactValue& root = facts_.root();
  const FactValue* own = root.field("facts");
  const FactValue* family = root.field("dependants");
  const auto* dependants = family != nullptr ? family->as_list() : nullptr;
  for (const FactDeclaration& d : programme_.facts()) {
    const std::string_view name = std::string_view(d.path).substr(kFactsPrefix.size());
    // The value of `d` in a `facts` object, when given; whether a rule reads
    // it (then its slot checks its type) and its path are asked only then.
    auto check = [&](const FactValue* facts, auto read, auto where) {
      const FactValue* node = facts != nullptr ? detail::declared_field(*facts, name) : nullptr;
      if (node == nullptr || node->is_unknown()) return;
      if (!read()) filler_.convert(*node, d.type, where(), out_.diagnostics);
      const std::string* value = node->as_string();
      if (d.values.empty() || value == nullptr ||
          std::find(d.values.begin(), d.values.end(), *value) != d.values.end())
        return;
      std::string allowed;
      for (const auto& v : d.values) allowed += (allowed.empty() ? "" : ", ") + v;
      out_.diagnostics.error_at_path("facts.bad_vocabulary",
                                     "\"" + *value + "\" is not one of " + allowed, where());
    };
    check(
        own, [&] { return version_->slots->find(d.path).has_value(); }, [&] { return d.path; });
    for (std::size_t i = 0; dependants != nullptr && i < dependants->size(); ++i) {
      // A dependant's facts are checked with the `dependants` slot, when a rule reads it.
      check((*dependants)[i].field("facts"),
            [&] { return version_->slots->find("dependants").has_value(); },
            [&] { return dependant_path(i) + "." + d.path; });
    }
  }
}

void Run::deadlines() {
  if (not_open_yet_ && out_.filing_date)
    out_.deadlines.push_back({"window_opens", *out_.filing_date, ""});
  if (out_.deadline) out_.deadlines.push_back({"window_closes", *out_.deadline, ""});
  const auto& grant = version_->grant;
  const bool may_be_granted =
      out_.outcome == Outcome::eligible || out_.outcome == Outcome::incomplete;
  if (grant && out_.filing_date && may_be_granted && grant->validity_from != "decision") {
    for (Deadline& d : grant_deadlines(*grant, *out_.filing_date))
      out_.deadlines.push_back(std::move(d));
  }
  std::stable_sort(out_.deadlines.begin(), out_.deadlines.end(),
                   [](const Deadline& a, const Deadline& b) { return a.date < b.date; });
}

// Where a filing instant is dated: the programme's zone, or with
// `window_time_zone: office` the receiving office's (`office.time_zone`). An
// instant with that zone unknown has no filing date yet: office.time_zone is
// asked for (a bare date is the office's own date already).
void Run::choose_filing_zone() {
  filing_zone_ = &programme_.time_zone();
  if (!programme_.windows_in_office_zone()) return;
  const std::string* name = facts_.find("office.time_zone").as_string();
  auto zone = name != nullptr ? TimeZone::locate(*name) : Parsed<TimeZone>::failure("");
  if (zone) {
    office_zone_ = *zone;
    filing_zone_ = &*office_zone_;
  } else if (facts_.find(kFiledAt).as_instant()) {
    office_zone_unknown_ = true;
  }
}

// A window per applicant may say the applicant's own last day (`deadline:`):
// the evaluation's deadline is then the earlier of it and the window's close.
void Run::personal_deadline() {
  const std::optional<Expression>& e = version_->window_for(route_).deadline;
  if (!e || !e->compiled) return;
  const Value v = e->compiled->evaluate(ValueSpan{slots_.data(), slots_.size()});
  if (v.kind() != ValueKind::date) return;  // unknown: no date to give yet
  if (!out_.deadline || v.as_date() < *out_.deadline) out_.deadline = v.as_date();
}

// Screening before filing: the application is judged as filed on the first
// day it can be, from the as-of date on (a version in force whose window is
// open). Before a window opens that day is later than the as-of date, and
// the window criterion is a question (filed_at), not a reason to say no.
// When no window is open then or later, the as-of date stands (too late).
void Run::screen_from(Date as_of) {
  std::vector<Date> days{as_of};
  for (const ProgrammeVersion& v : programme_.versions()) {
    if (v.effective_from > as_of) days.push_back(v.effective_from);
    if (v.window.opens && *v.window.opens > as_of) days.push_back(*v.window.opens);
  }
  std::sort(days.begin(), days.end());
  out_.filing_date = as_of;
  for (Date day : days) {
    const ProgrammeVersion* v = programme_.version_in_force(day);
    if (v == nullptr) continue;
    const Window& w = v->window;
    if ((w.opens && day < *w.opens) || (w.closes && day > *w.closes)) continue;
    out_.filing_date = day;
    not_open_yet_ = day > as_of;
    return;
  }
}

void Run::evaluate() {
  out_.application_id = facts_.id();
  out_.programme_id = programme_.id();
  out_.programme_sha256 = programme_.sha256();
  choose_filing_zone();
  if (!office_zone_unknown_) out_.filing_date = facts_.filing_date(*filing_zone_);
  if (!out_.filing_date && options_.as_of && !office_zone_unknown_) screen_from(*options_.as_of);

  // The rules in force on the filing date (or, before filing, on the as-of date).
  if (out_.filing_date) {
    version_ = programme_.version_in_force(*out_.filing_date);
  } else if (!programme_.versions().empty()) {
    version_ = &programme_.versions().back();
  }
  if (version_ == nullptr) {
    const std::string window_id = programme_.versions().empty()
                                      ? std::string(kWindowCriterion)
                                      : programme_.versions().front().window.id;
    out_.outcome = Outcome::ineligible;
    out_.reasons.push_back(window_id + ".not_met");
    CriterionResult r;
    r.id = window_id;
    r.status = CriterionStatus::not_met;
    if (out_.filing_date)
      r.values.push_back("filing_date = " + out_.filing_date->to_string() +
                         " (no version of the programme in force)");
    out_.criteria.push_back(std::move(r));
    return;
  }
  out_.version = version_->label();
  if (version_->window_for(route_).closes) out_.deadline = version_->window_for(route_).closes;

  if (!version_->route_fact.empty()) {
    const std::string* route = facts_.find(version_->route_fact).as_string();
    if (route == nullptr) {
      note_unknown(extra_unknowns_, version_->route_fact);
      route_unknown_ = true;
    } else {
      for (const Route& r : version_->routes)
        if (r.value == *route) route_ = r.id;
    }
    if (version_->window_for(route_).closes) out_.deadline = version_->window_for(route_).closes;
  }

  check_declared_values();
  slots_ =
      filler_.fill(*version_->slots, facts_, out_.filing_date, options_.as_of, out_.diagnostics);
  document_slot_ = version_->slots->find("document");
  personal_deadline();
  criteria();
  documents();
  fees();
  conclude();
  deadlines();
}

}  // namespace

std::vector<Deadline> grant_deadlines(const Grant& grant, Date start) {
  std::vector<Deadline> out;
  if (!grant.validity) return out;
  const Date expires = start.plus(*grant.validity);
  if (!grant.then.empty() && grant.then_opens_before_expiry) {
    out.push_back({"follow_on_opens", expires.plus(-*grant.then_opens_before_expiry), grant.then});
  }
  out.push_back({"grant_expires", expires, ""});
  if (!grant.then.empty() && grant.then_opens_before_expiry) {
    out.push_back({"follow_on_closes", expires, grant.then});
  }
  return out;
}

Evaluation Engine::evaluate(const Programme& programme, const Facts& facts,
                            const EvaluationOptions& options) const {
  Evaluation out;
  Run(programme, facts, options, out).evaluate();
  return out;
}

Evaluation Engine::evaluate(const Programme& programme, const ReadResult& record,
                            const EvaluationOptions& options) const {
  if (record.facts) {
    Evaluation out = evaluate(programme, *record.facts, options);
    for (const auto& d : record.diagnostics) out.diagnostics.add(d);  // warnings
    return out;
  }
  Evaluation out;
  out.application_id = record.id;
  out.programme_id = programme.id();
  out.programme_sha256 = programme.sha256();
  out.outcome = Outcome::invalid;
  out.diagnostics = record.diagnostics;
  for (const auto& d : record.diagnostics) {
    if (d.severity == Severity::error &&
        std::find(out.reasons.begin(), out.reasons.end(), d.code) == out.reasons.end())
      out.reasons.push_back(d.code);
  }
  return out;
}

std::vector<Evaluation> Engine::screen(const std::vector<const Programme*>& programmes,
                                       const Facts& facts, const EvaluationOptions& options) const {
  std::vector<Evaluation> results;
  results.reserve(programmes.size());
  for (const Programme* p : programmes) results.push_back(evaluate(*p, facts, options));
  auto rank = [](Outcome o) {
    switch (o) {
      case Outcome::eligible:
        return 0;
      case Outcome::incomplete:
        return 1;
      case Outcome::ineligible:
        return 2;
      case Outcome::invalid:
        return 3;
    }
    return 3;
  };
  std::stable_sort(results.begin(), results.end(), [&](const Evaluation& a, const Evaluation& b) {
    return rank(a.outcome) < rank(b.outcome);
  });
  return results;
}

}  // namespace regularis
