// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// `regularis case ...`: open a case, apply one event to it, show it (state,
// summary, deadlines, every event with its hashes, the chain check), list
// cases from the store's projection, count them (by state, programme and
// outcome, deadlines, days to a decision), verify chains, and draw a programme's
// lifecycle as Graphviz dot. Every change goes through CaseService, so the
// lifecycle (the programme's own or the standard one), its guards and the
// optimistic concurrency apply; a refused event prints the rule that refused
// it and writes nothing. A request for evidence is due on a date (`--due`)
// or after a period (`--due-in "30 business days"`), which regularis::due_date
// counts from the request's local day on the programme's holiday calendar.
// The store is opened by open_store(), the one place that routes
// postgresql:// URIs to the PostgreSQL store.
#include "case.hpp"

#include "regularis/store/postgres_store.hpp"

#include <filesystem>
#include <iomanip>
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "regularis/cases/case_service.hpp"
#include "regularis/cases/lifecycle.hpp"
#include "regularis/core/error.hpp"
#include "regularis/store/sqlite_store.hpp"

namespace checker {
namespace {

using regularis::Case;
using regularis::CaseId;
using regularis::Event;
using regularis::EventKind;

constexpr int kExitRefused = 1;

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::optional<CaseId> parse_id(const std::string& text, const char* what) {
  auto id = CaseId::parse(text);
  if (!id) {
    std::cerr << "regularis: " << what << ": " << id.error() << '\n';
    return std::nullopt;
  }
  return *id;
}

/// The programme files to try for programme `id`: the files given, and
/// <folder>/<id>.yaml for each folder given.
std::vector<std::string> candidate_files(const std::vector<std::string>& given,
                                         const std::string& id) {
  std::vector<std::string> out;
  for (const auto& g : given) {
    std::error_code ec;
    if (std::filesystem::is_directory(g, ec))
      out.push_back((std::filesystem::path(g) / (id + ".yaml")).string());
    else
      out.push_back(g);
  }
  return out;
}

/// Loads the programme `id` from the -p files and folders; reports and
/// returns nothing when none loads or none has that id.
std::optional<regularis::Programme> programme_for(const std::vector<std::string>& given,
                                                  const std::string& id) {
  for (const auto& file : candidate_files(given, id)) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) continue;
    auto p = load_programme_reporting(file, std::cerr);
    if (!p) return std::nullopt;
    if (p->id() == id) return p;
  }
  std::cerr << "regularis: no programme \"" << id << "\" among the -p files and folders\n";
  return std::nullopt;
}

/// Prints a programme's lifecycle diagnostics with their source lines.
bool lifecycle_ok(const regularis::Programme& p) {
  regularis::LifecycleBuild b = regularis::lifecycle_of(p, regularis::Guards::standard());
  for (const auto& d : b.diagnostics) std::cerr << regularis::render(d, p.source_text());
  if (!b.lifecycle)
    std::cerr << "regularis: " << p.file_name() << ": the lifecycle has " << b.diagnostics.size()
              << (b.diagnostics.size() == 1 ? " error" : " errors") << '\n';
  return b.lifecycle.has_value();
}

std::optional<regularis::Instant> parse_at(const std::string& text) {
  auto at = regularis::Instant::parse(text);
  if (!at) {
    std::cerr << "regularis: --at: " << at.error() << '\n';
    return std::nullopt;
  }
  return *at;
}

void print_refusal(const regularis::Rejection& r) {
  std::cout << "refused: " << r.message << '\n';
  if (!r.rule.empty()) std::cout << "  rule: " << r.rule << '\n';
  std::cout << "  code: " << r.code << '\n';
  std::cout << "nothing was written\n";
}

void print_recorded(const regularis::RecordedEvent& r) {
  std::cout << r.case_id << ": event " << r.sequence << " " << regularis::to_string(r.event.kind)
            << " -> " << r.event.state << '\n';
  std::cout << "  hash " << r.hash << '\n';
}

std::string deadline_line(const regularis::Deadline& d) {
  return d.date.to_string() + "  " + d.id + (d.programme.empty() ? "" : " (" + d.programme + ")");
}

int run_open(const CaseCommandOptions& o) {
  auto id = parse_id(o.id, "--id");
  auto at = parse_at(o.at);
  if (!id || !at) return kExitUsage;
  auto programme = load_programme_reporting(o.programmes.front(), std::cerr);
  if (!programme || !lifecycle_ok(*programme)) return kExitUsage;
  std::string data = "{}";
  if (!o.application.empty() && !read_text_file(o.application, data, std::cerr)) return kExitUsage;
  auto store = open_store(o.store);
  regularis::CaseService service(*store, {&*programme});
  Event e = regularis::make_event(EventKind::opened, o.actor, o.role, *at);
  e.programme = programme->id();
  e.data = data;
  e.linked_case = o.linked_case;
  regularis::ApplyResult r = service.open(*id, e);
  if (!r.accepted()) {
    print_refusal(*r.rejection);
    return kExitRefused;
  }
  print_recorded(*r.recorded);
  return kExitOk;
}

int run_advance(const CaseCommandOptions& o) {
  auto id = parse_id(o.id, "--id");
  auto at = parse_at(o.at);
  if (!id || !at) return kExitUsage;
  auto kind = regularis::parse_event_kind(o.event);
  if (!kind) {
    std::cerr << "regularis: --event: " << kind.error() << '\n';
    return kExitUsage;
  }
  if (*kind == EventKind::opened) {
    std::cerr << "regularis: --event: use `regularis case open` to open a case\n";
    return kExitUsage;
  }
  auto store = open_store(o.store);
  std::vector<regularis::RecordedEvent> events = store->load(*id);
  if (events.empty()) {
    std::cerr << "regularis: no case \"" << id->str() << "\" in " << o.store << '\n';
    return kExitUsage;
  }
  const std::string programme_id = regularis::fold(*id, events).programme;
  auto programme = programme_for(o.programmes, programme_id);
  if (!programme || !lifecycle_ok(*programme)) return kExitUsage;

  Event e = regularis::make_event(*kind, o.actor, o.role, *at);
  e.data = o.data;
  e.document_id = o.document;
  e.outcome = o.outcome;
  e.reasons = o.reasons;
  e.note = o.note;
  if (!o.due.empty() && !o.due_in.empty()) {
    std::cerr << "regularis: --due and --due-in exclude each other\n";
    return kExitUsage;
  }
  if (*kind == EventKind::evidence_requested && o.due.empty() && o.due_in.empty()) {
    std::cerr << "regularis: evidence_requested needs --due (a date) or --due-in (a period, "
                 "such as \"30 business days\")\n";
    return kExitUsage;
  }
  if (!o.due_in.empty() && *kind != EventKind::evidence_requested) {
    std::cerr << "regularis: --due-in: only evidence_requested has a due date\n";
    return kExitUsage;
  }
  if (!o.due.empty()) {
    auto due = regularis::Date::parse(o.due);
    if (!due) {
      std::cerr << "regularis: --due: " << due.error() << '\n';
      return kExitUsage;
    }
    e.due = *due;
  }
  regularis::CaseService service(*store, {&*programme});
  std::optional<regularis::DeadlineRule> due_in;
  if (!o.due_in.empty()) {
    auto rule = regularis::DeadlineRule::parse(o.due_in);
    if (!rule) {
      std::cerr << "regularis: --due-in: " << rule.error() << '\n';
      return kExitUsage;
    }
    due_in = *rule;
    try {
      e.due = service.due_date(*id, *at, *due_in);
    } catch (const regularis::UsageError& u) {
      std::cerr << "regularis: --due-in: " << u.what() << '\n';
      return kExitUsage;
    }
  }
  std::optional<std::uint64_t> expected;
  if (o.expected_version >= 0) expected = static_cast<std::uint64_t>(o.expected_version);
  try {
    regularis::ApplyResult r = service.apply(*id, e, expected);
    if (!r.accepted()) {
      print_refusal(*r.rejection);
      return kExitRefused;
    }
    print_recorded(*r.recorded);
    if (due_in) {
      // The day counted from, for the clerk to check: the request's local day.
      const regularis::HolidayCalendar* calendar = programme->calendar();
      std::cout << "  due " << e.due->to_string() << ", \"" << due_in->to_string() << "\" from "
                << programme->time_zone().local_date(*at).to_string() << " ("
                << programme->time_zone().name() << "), "
                << (calendar != nullptr ? "calendar " + calendar->id() : "no holiday calendar")
                << '\n';
    }
  } catch (const regularis::ConflictError& c) {
    std::cout << "refused: " << c.what() << "\nnothing was written\n";
    return kExitRefused;
  }
  return kExitOk;
}

int run_show(const CaseCommandOptions& o) {
  auto id = parse_id(o.id, "--id");
  if (!id) return kExitUsage;
  auto store = open_store(o.store);
  std::vector<regularis::RecordedEvent> events = store->load(*id);
  if (events.empty()) {
    std::cerr << "regularis: no case \"" << id->str() << "\" in " << o.store << '\n';
    return kExitUsage;
  }
  const Case c = regularis::fold(*id, events);
  const regularis::CaseSummary s = regularis::summarise(c);
  std::cout << "case " << c.id.str() << "\n";
  std::cout << "  programme      " << c.programme << '\n';
  std::cout << "  state          " << c.state << '\n';
  std::cout << "  version        " << c.version << '\n';
  if (!c.outcome.empty()) std::cout << "  outcome        " << c.outcome << '\n';
  if (!c.linked_case.empty()) std::cout << "  follows        " << c.linked_case << '\n';
  std::cout << "  opened         " << c.opened_at.to_string() << '\n';
  std::cout << "  updated        " << c.updated_at.to_string() << '\n';
  std::cout << "  next deadline  "
            << (s.next_deadline ? s.next_deadline->to_string() : std::string("none")) << '\n';
  const auto deadlines = regularis::deadlines_of(c);
  std::cout << "deadlines:" << (deadlines.empty() ? " none\n" : "\n");
  for (const auto& d : deadlines) std::cout << "  " << deadline_line(d) << '\n';
  std::cout << "history:\n";
  for (const auto& r : events) {
    const Event& e = r.event;
    std::cout << "  " << r.sequence << "  " << e.at.to_string() << "  "
              << regularis::to_string(e.kind);
    if (!e.outcome.empty()) std::cout << "(" << e.outcome << ")";
    std::cout << " -> " << e.state << "  by " << e.actor << " (" << e.role << ")\n";
    if (!e.document_id.empty()) std::cout << "       document " << e.document_id << '\n';
    if (e.due) std::cout << "       due " << e.due->to_string() << '\n';
    for (const auto& reason : e.reasons) std::cout << "       reason " << reason << '\n';
    if (!e.evaluation_summary.empty())
      std::cout << "       evaluation " << e.evaluation_summary << " (version "
                << e.programme_version << ")\n";
    if (!e.linked_case.empty()) std::cout << "       follows " << e.linked_case << '\n';
    if (!e.data.empty()) std::cout << "       data " << e.data.size() << " bytes\n";
    std::cout << "       hash " << r.hash << "\n       prev " << r.previous_hash << '\n';
  }
  const regularis::ChainCheck check = regularis::verify(events);
  std::cout << (check.ok ? "chain: ok (" + std::to_string(events.size()) + " events)"
                         : "chain: BROKEN: " + check.reason)
            << '\n';
  return check.ok ? kExitOk : kExitRefused;
}

int run_list(const CaseCommandOptions& o) {
  regularis::CaseQuery q;
  if (o.overdue || o.due_within >= 0) {
    bool ok = true;
    auto as_of = parse_as_of(o.as_of, ok, std::cerr);
    if (!ok) return kExitUsage;
    if (!as_of) {
      std::cerr << "regularis: --overdue and --due-within need --as-of\n";
      return kExitUsage;
    }
    if (o.overdue && o.due_within >= 0) {
      std::cerr << "regularis: --overdue and --due-within exclude each other\n";
      return kExitUsage;
    }
    q = o.overdue ? regularis::CaseQuery::overdue(*as_of)
                  : regularis::CaseQuery::due_within(*as_of, o.due_within);
  }
  if (!o.state.empty()) q.state = o.state;
  if (!o.programme_filter.empty()) q.programme = o.programme_filter;
  auto store = open_store(o.store);
  std::size_t total = 0;
  for (q.offset = 0;; q.offset += q.limit) {
    regularis::CasePage page = store->find(q);
    total = page.total;
    for (const auto& s : page.cases) {
      std::cout << std::left << std::setw(20) << s.case_id << ' ' << std::setw(20) << s.programme
                << ' ' << std::setw(20) << s.state << " v" << s.version;
      if (!s.outcome.empty()) std::cout << "  " << s.outcome;
      if (s.next_deadline) std::cout << "  due " << s.next_deadline->to_string();
      std::cout << '\n';
    }
    if (page.cases.size() < q.limit) break;
  }
  std::cout << total << (total == 1 ? " case\n" : " cases\n");
  return kExitOk;
}

nlohmann::json counts_json(const std::vector<regularis::CaseCount>& counts) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : counts) out.push_back({{"key", c.key}, {"count", c.count}});
  return out;
}

void print_counts(const char* title, const std::vector<regularis::CaseCount>& counts) {
  std::cout << title << (counts.empty() ? " none\n" : "\n");
  for (const auto& c : counts)
    std::cout << "  " << std::left << std::setw(24) << c.key << ' ' << c.count << '\n';
}

int run_stats(const CaseCommandOptions& o) {
  bool ok = true;
  const auto as_of = parse_as_of(o.as_of, ok, std::cerr);  // given: --as-of is required
  if (!ok || !as_of) return kExitUsage;
  const std::optional<std::string> programme =
      o.programme_filter.empty() ? std::nullopt : std::optional<std::string>(o.programme_filter);
  const regularis::CaseStatistics s = open_store(o.store)->statistics(*as_of, programme);
  const auto& d = s.days_to_decision;
  if (o.format == "json") {
    nlohmann::json days = {{"cases", d.cases}, {"histogram", nlohmann::json::array()}};
    days["median"] = d.median ? nlohmann::json(*d.median) : nlohmann::json();
    days["p90"] = d.p90 ? nlohmann::json(*d.p90) : nlohmann::json();
    days["max"] = d.max ? nlohmann::json(*d.max) : nlohmann::json();
    for (const auto& [n, count] : d.histogram)
      days["histogram"].push_back({{"days", n}, {"count", count}});
    nlohmann::json out = {{"as_of", as_of->to_string()},
                          {"programme", programme ? nlohmann::json(*programme) : nlohmann::json()},
                          {"cases", s.cases},
                          {"by_state", counts_json(s.by_state)},
                          {"by_programme", counts_json(s.by_programme)},
                          {"by_outcome", counts_json(s.by_outcome)},
                          {"overdue", s.overdue},
                          {"due_within_30_days", s.due_within_30_days},
                          {"days_to_decision", std::move(days)}};
    std::cout << out.dump(2) << '\n';
    return kExitOk;
  }
  std::cout << s.cases << (s.cases == 1 ? " case" : " cases")
            << (programme ? " of " + *programme : std::string()) << ", as of " << as_of->to_string()
            << '\n';
  print_counts("by state:", s.by_state);
  print_counts("by programme:", s.by_programme);
  print_counts("by decision:", s.by_outcome);
  std::cout << "deadlines: " << s.overdue << " passed, " << s.due_within_30_days
            << " within 30 days\n";
  std::cout << "days from opening to decision: ";
  if (d.cases == 0)
    std::cout << "no case decided yet\n";
  else
    std::cout << d.cases << " decided, median " << *d.median << ", 90th percentile " << *d.p90
              << ", longest " << *d.max << '\n';
  return kExitOk;
}

int run_verify(const CaseCommandOptions& o) {
  auto store = open_store(o.store);
  std::vector<std::string> ids;
  if (!o.id.empty()) {
    ids.push_back(o.id);
  } else {
    regularis::CaseQuery q;
    for (q.offset = 0;; q.offset += q.limit) {
      regularis::CasePage page = store->find(q);
      for (const auto& s : page.cases) ids.push_back(s.case_id);
      if (page.cases.size() < q.limit) break;
    }
  }
  std::size_t broken = 0;
  for (const auto& text : ids) {
    auto id = parse_id(text, "--id");
    if (!id) return kExitUsage;
    std::vector<regularis::RecordedEvent> events = store->load(*id);
    if (events.empty()) {
      std::cerr << "regularis: no case \"" << text << "\" in " << o.store << '\n';
      return kExitUsage;
    }
    const regularis::ChainCheck c = regularis::verify(events);
    if (c.ok) {
      std::cout << text << ": ok (" << events.size() << " events)\n";
    } else {
      ++broken;
      std::cout << text << ": BROKEN: " << c.reason << '\n';
    }
  }
  std::cout << ids.size() << (ids.size() == 1 ? " case, " : " cases, ") << broken << " broken\n";
  return broken == 0 ? kExitOk : kExitRefused;
}

int run_dot(const CaseCommandOptions& o) {
  auto programme = load_programme_reporting(o.programmes.front(), std::cerr);
  if (!programme) return kExitUsage;
  regularis::LifecycleBuild b = regularis::lifecycle_of(*programme, regularis::Guards::standard());
  if (!lifecycle_ok(*programme)) return kExitUsage;
  std::cout << b.lifecycle->to_dot();
  return kExitOk;
}

void add_store(CLI::App& c, CaseCommandOptions& o) {
  c.add_option("--store", o.store,
               "Case store: a SQLite file (created when missing) or a postgresql:// URI")
      ->required();
}

void add_header(CLI::App& c, CaseCommandOptions& o) {
  c.add_option("--actor", o.actor, "Who acts (an account id, never a name)")->required();
  c.add_option("--role", o.role, "The actor's role (clerk, supervisor, ...)")->required();
  c.add_option("--at", o.at, "When, an instant with its offset (2009-08-10T10:00:00-03:00)")
      ->required();
}

}  // namespace

std::unique_ptr<regularis::CaseStore> open_store(const std::string& spec) {
  if (starts_with(spec, "postgresql://") || starts_with(spec, "postgres://"))
    return std::make_unique<regularis::PostgresStore>(spec);
  return std::make_unique<regularis::SqliteStore>(spec);
}

CLI::App* add_case_command(CLI::App& app, CaseCommandOptions& o) {
  CLI::App* cmd = app.add_subcommand("case",
                                     "Cases in a case store: open, advance, show, list, "
                                     "stats, verify, and a lifecycle as Graphviz (dot)");
  cmd->require_subcommand(1);

  CLI::App* open = cmd->add_subcommand("open", "Open a case");
  add_store(*open, o);
  open->add_option("-p,--programme", o.programmes, "Programme file (YAML)")
      ->required()
      ->expected(1);
  open->add_option("--id", o.id, "The case id")->required();
  add_header(*open, o);
  open->add_option("--application", o.application, "The application (JSON file; default {})");
  open->add_option("--linked-case", o.linked_case, "The approved case this one follows");
  open->callback([&o] { o.action = "open"; });

  CLI::App* advance = cmd->add_subcommand("advance", "Apply one event to a case");
  add_store(*advance, o);
  advance->add_option("--id", o.id, "The case id")->required();
  advance->add_option("--event", o.event, "The event kind (submitted, decided, ...)")->required();
  add_header(*advance, o);
  advance->add_option("--data", o.data, "The event's data (a JSON object)");
  advance->add_option("--document", o.document, "The document id (document_* events)");
  advance->add_option("--outcome", o.outcome, "decided: approved or refused");
  advance->add_option("--due", o.due, "evidence_requested: the due date (YYYY-MM-DD)");
  advance->add_option("--due-in", o.due_in,
                      "evidence_requested: due after a period from --at, in the programme's "
                      "zone and on its holiday calendar (\"30 business days\", \"60 days\")");
  advance->add_option("--reason", o.reasons, "A reason (repeatable)");
  advance->add_option("--note", o.note, "A note");
  advance->add_option("--expected-version", o.expected_version,
                      "Apply only if the case is still at this version");
  o.programmes = {"examples/programmes"};
  advance
      ->add_option("-p,--programmes", o.programmes,
                   "Programme files or folders (a folder gives <folder>/<programme id>.yaml)")
      ->capture_default_str();
  advance->callback([&o] { o.action = "advance"; });

  CLI::App* show = cmd->add_subcommand("show", "A case: state, deadlines, history, chain");
  add_store(*show, o);
  show->add_option("--id", o.id, "The case id")->required();
  show->callback([&o] { o.action = "show"; });

  CLI::App* list = cmd->add_subcommand("list", "Cases from the store's projection");
  add_store(*list, o);
  list->add_option("--state", o.state, "Only cases in this state");
  list->add_option("--programme", o.programme_filter, "Only cases of this programme id");
  list->add_flag("--overdue", o.overdue, "Only cases whose next deadline is before --as-of");
  list->add_option("--due-within", o.due_within,
                   "Only cases whose next deadline is within N days from --as-of")
      ->check(CLI::Range(0, 36500));
  list->add_option("--as-of", o.as_of, "The day of --overdue / --due-within (YYYY-MM-DD)");
  list->callback([&o] { o.action = "list"; });

  CLI::App* stats = cmd->add_subcommand(
      "stats", "Counts by state, programme and decision; deadlines; days to a decision");
  add_store(*stats, o);
  stats->add_option("--programme", o.programme_filter, "Only cases of this programme id");
  stats->add_option("--as-of", o.as_of, "The day deadlines are judged on (YYYY-MM-DD)")->required();
  stats->add_option("--format", o.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  stats->callback([&o] { o.action = "stats"; });

  CLI::App* verify = cmd->add_subcommand("verify", "Verify the hash chain of one or every case");
  add_store(*verify, o);
  verify->add_option("--id", o.id, "The case id (default: every case)");
  verify->callback([&o] { o.action = "verify"; });

  CLI::App* dot = cmd->add_subcommand("dot", "A programme's lifecycle as Graphviz dot");
  dot->add_option("-p,--programme", o.programmes, "Programme file (YAML)")->required()->expected(1);
  dot->callback([&o] { o.action = "dot"; });
  return cmd;
}

int run_case(const CaseCommandOptions& o) {
  try {
    if (o.action == "open") return run_open(o);
    if (o.action == "advance") return run_advance(o);
    if (o.action == "show") return run_show(o);
    if (o.action == "list") return run_list(o);
    if (o.action == "stats") return run_stats(o);
    if (o.action == "verify") return run_verify(o);
    if (o.action == "dot") return run_dot(o);
  } catch (const regularis::StoreError& e) {
    std::cout.flush();
    std::cerr << "regularis: " << e.what() << '\n';
    return kExitUsage;
  }
  return kExitUsage;
}

}  // namespace checker
