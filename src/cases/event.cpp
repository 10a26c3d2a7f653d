// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Events: kind names, well-formedness per kind, the canonical serialisation
// (a nlohmann::json object, whose keys std::map keeps sorted, dumped without
// whitespace), SHA-256 over it (core/sha256.hpp), sealing into a chain,
// reading a stored text back and verifying a chain. The canonical text is the
// one source of truth: the store keeps it and reads events back from it.
#include "regularis/cases/event.hpp"

#include <array>
#include <nlohmann/json.hpp>

#include "core/sha256.hpp"
#include "regularis/core/error.hpp"

namespace regularis {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 17> kKindNames = {"opened",
                                                         "facts_amended",
                                                         "document_added",
                                                         "document_verified",
                                                         "document_rejected",
                                                         "fee_paid",
                                                         "fee_waived",
                                                         "submitted",
                                                         "review_started",
                                                         "evidence_requested",
                                                         "evidence_received",
                                                         "decided",
                                                         "appealed",
                                                         "withdrawn",
                                                         "closed",
                                                         "note_added",
                                                         "step_completed"};

/// The canonical object: every non-empty field of the event plus the chain fields.
json canonical_object(const std::string& case_id, std::uint64_t sequence,
                      const std::string& previous_hash, const Event& e) {
  json j = json::object();
  j["case"] = case_id;
  j["seq"] = sequence;
  j["prev"] = previous_hash;
  j["kind"] = std::string(to_string(e.kind));
  j["actor"] = e.actor;
  j["role"] = e.role;
  j["at"] = e.at.to_string();
  if (!e.state.empty()) j["state"] = e.state;
  if (!e.programme.empty()) j["programme"] = e.programme;
  if (!e.data.empty()) j["data"] = e.data;
  if (!e.document_id.empty()) j["document"] = e.document_id;
  if (e.due) j["due"] = e.due->to_string();
  if (!e.outcome.empty()) j["outcome"] = e.outcome;
  if (!e.reasons.empty()) j["reasons"] = e.reasons;
  if (!e.programme_version.empty()) j["version"] = e.programme_version;
  if (!e.evaluation_summary.empty()) j["summary"] = e.evaluation_summary;
  if (!e.note.empty()) j["note"] = e.note;
  if (!e.linked_case.empty()) j["linked"] = e.linked_case;
  if (!e.deadlines.empty()) {
    json list = json::array();
    for (const Deadline& d : e.deadlines) {
      json item = {{"id", d.id}, {"date", d.date.to_string()}};
      if (!d.programme.empty()) item["programme"] = d.programme;
      list.push_back(std::move(item));
    }
    j["deadlines"] = std::move(list);
  }
  return j;
}

std::string dump(const json& j) {
  // Strict UTF-8: a string that is not UTF-8 is an error, never silently changed.
  return j.dump(-1, ' ', false, json::error_handler_t::strict);
}

bool is_hex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char ch : s)
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  return true;
}

/// Requires a string member; "" when absent, error text when of another type.
bool read_string(const json& j, const char* key, std::string& out, std::string& error,
                 bool required) {
  auto it = j.find(key);
  if (it == j.end()) {
    if (required) error = std::string("\"") + key + "\" is missing";
    return !required;
  }
  if (!it->is_string()) {
    error = std::string("\"") + key + "\" is not a string";
    return false;
  }
  out = it->get<std::string>();
  return true;
}

// One pass over an event's data: whether it is an object, and the first
// number a double cannot carry: more than 15 significant digits (64.58 is
// safe, 12345678901234567.5 is not), or a non-zero value too small to be
// anything but zero. The case fold reads data through nlohmann, whose
// numbers with a fraction or beyond 64 bits are doubles, so such a number
// would reach the engine changed. Its path is written as fact paths are
// ("applicant.income", "documents[2].amount"). sax_parse() is false when the
// text is not JSON.
class DataScan : public nlohmann::json_sax<json> {
 public:
  bool object = false;  ///< the text is a JSON object
  std::string found;    ///< the number's path, "" when none (not its value: it may be personal)

  bool null() override { return next(); }
  bool boolean(bool) override { return next(); }
  bool number_integer(number_integer_t) override { return next(); }
  bool number_unsigned(number_unsigned_t) override { return next(); }
  bool number_float(number_float_t value, const string_t& text) override {
    if (found.empty() && !exact(value, text)) found = path();
    return next();
  }
  bool string(string_t&) override { return next(); }
  bool binary(binary_t&) override { return next(); }
  bool start_object(std::size_t) override {
    if (!started_) object = true;
    started_ = true;
    frames_.push_back({false, 0, ""});
    return true;
  }
  bool key(string_t& name) override {
    frames_.back().key = name;
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override {
    started_ = true;
    frames_.push_back({true, 0, ""});
    return true;
  }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  bool started_ = false;  // a value was met
  struct Frame {
    bool array;
    std::size_t index;  ///< of the next element, in an array
    std::string key;    ///< of the current member, in an object
  };

  bool next() {
    started_ = true;
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return true;
  }
  bool close() {
    frames_.pop_back();
    return next();
  }
  std::string path() const {
    std::string p;
    for (const Frame& f : frames_) {
      if (f.array) {
        p += "[" + std::to_string(f.index) + "]";
      } else {
        if (!p.empty()) p += '.';
        p += f.key;
      }
    }
    return p.empty() ? "the data" : p;
  }
  static bool exact(double value, const std::string& text) {
    std::size_t digits = 0, zeros = 0;  // zeros: trailing, not yet counted
    bool leading = true;
    for (char ch : text) {
      if (ch == 'e' || ch == 'E') break;
      if (ch < '0' || ch > '9') continue;
      if (ch == '0') {
        if (!leading) ++zeros;
        continue;
      }
      leading = false;
      digits += zeros + 1;
      zeros = 0;
    }
    if (digits > 15) return false;
    return digits == 0 || value != 0.0;
  }

  std::vector<Frame> frames_;
};

bool same_deadlines(const std::vector<Deadline>& a, const std::vector<Deadline>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].id != b[i].id || a[i].date != b[i].date || a[i].programme != b[i].programme)
      return false;
  return true;
}

}  // namespace

std::string_view to_string(EventKind kind) noexcept {
  return kKindNames[static_cast<std::size_t>(kind)];
}

Parsed<EventKind> parse_event_kind(std::string_view name) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i)
    if (kKindNames[i] == name) return static_cast<EventKind>(i);
  return Parsed<EventKind>::failure("\"" + std::string(name) + "\" is not an event kind");
}

const std::vector<EventKind>& all_event_kinds() {
  static const std::vector<EventKind> kinds = [] {
    std::vector<EventKind> v;
    for (std::size_t i = 0; i < kKindNames.size(); ++i) v.push_back(static_cast<EventKind>(i));
    return v;
  }();
  return kinds;
}

bool operator==(const Event& a, const Event& b) {
  return a.kind == b.kind && a.actor == b.actor && a.role == b.role && a.at == b.at &&
         a.state == b.state && a.programme == b.programme && a.data == b.data &&
         a.document_id == b.document_id && a.due == b.due && a.outcome == b.outcome &&
         a.reasons == b.reasons && a.programme_version == b.programme_version &&
         a.evaluation_summary == b.evaluation_summary && a.note == b.note &&
         a.linked_case == b.linked_case && same_deadlines(a.deadlines, b.deadlines);
}

Event make_event(EventKind kind, std::string actor, std::string role, Instant at) {
  Event e;
  e.kind = kind;
  e.actor = std::move(actor);
  e.role = std::move(role);
  e.at = at;
  return e;
}

std::string check_event(const Event& e) {
  const std::string kind(to_string(e.kind));
  if (e.actor.empty()) return "an event needs an actor";
  if (e.role.empty()) return "an event needs a role";
  const bool needs_data = e.kind == EventKind::opened || e.kind == EventKind::facts_amended ||
                          e.kind == EventKind::document_added || e.kind == EventKind::fee_paid ||
                          e.kind == EventKind::fee_waived;
  if (needs_data) {
    if (e.data.empty()) return kind + " needs data (a JSON object)";
    DataScan scan;
    if (!json::sax_parse(e.data, &scan)) return "the data of " + kind + " is not JSON";
    if (!scan.object) return "the data of " + kind + " is not a JSON object";
    if (!scan.found.empty())
      return "the data of " + kind + ": the number at " + scan.found +
             " cannot be kept exactly (more than 15 significant digits, or too small for a "
             "double); write it as a string";
  } else if (!e.data.empty()) {
    return kind + " carries no data";
  }
  if (e.kind == EventKind::opened && e.programme.empty()) return "opened needs a programme";
  const bool needs_document = e.kind == EventKind::document_added ||
                              e.kind == EventKind::document_verified ||
                              e.kind == EventKind::document_rejected;
  if (needs_document && e.document_id.empty()) return kind + " needs a document id";
  if (e.kind == EventKind::evidence_requested && !e.due)
    return "evidence_requested needs a due date";
  if (e.kind == EventKind::decided && e.outcome != "approved" && e.outcome != "refused")
    return "decided needs an outcome, \"approved\" or \"refused\"";
  if (e.kind != EventKind::decided && !e.outcome.empty()) return kind + " carries no outcome";
  if (e.kind != EventKind::opened && !e.linked_case.empty()) return "only opened links a case";
  if (!e.linked_case.empty() && !CaseId::parse(e.linked_case))
    return "the linked case: " + CaseId::parse(e.linked_case).error();
  if (!e.deadlines.empty() && (e.kind != EventKind::decided || e.outcome != "approved"))
    return "only decided(approved) carries deadlines";
  for (const Deadline& d : e.deadlines)
    if (d.id.empty()) return "a deadline needs an id";
  // Everything serialised must be UTF-8, so that the canonical text exists.
  try {
    (void)dump(canonical_object("", 0, "", e));
  } catch (const json::exception&) {
    return "an event's text must be UTF-8";
  }
  return "";
}

const std::string& genesis_hash() {
  static const std::string zeros(64, '0');
  return zeros;
}

RecordedEvent seal(const CaseId& id, std::uint64_t sequence, const std::string& previous_hash,
                   const Event& e) {
  RecordedEvent r;
  r.case_id = id.str();
  r.sequence = sequence;
  r.event = e;
  r.previous_hash = previous_hash;
  try {
    r.canonical = dump(canonical_object(r.case_id, sequence, previous_hash, e));
  } catch (const json::exception&) {
    throw UsageError("cases.bad_event", "an event's text must be UTF-8");
  }
  r.hash = detail::sha256_hex(r.canonical);
  return r;
}

Parsed<RecordedEvent> parse_recorded(std::string_view canonical, std::string hash) {
  using Result = Parsed<RecordedEvent>;
  json j = json::parse(canonical, nullptr, false);
  if (j.is_discarded()) return Result::failure("not JSON");
  if (!j.is_object()) return Result::failure("not a JSON object");
  RecordedEvent r;
  r.canonical = std::string(canonical);
  r.hash = std::move(hash);
  std::string error, kind, at, due;
  if (!read_string(j, "case", r.case_id, error, true) ||
      !read_string(j, "prev", r.previous_hash, error, true) ||
      !read_string(j, "kind", kind, error, true) ||
      !read_string(j, "actor", r.event.actor, error, true) ||
      !read_string(j, "role", r.event.role, error, true) ||
      !read_string(j, "at", at, error, true) ||
      !read_string(j, "state", r.event.state, error, false) ||
      !read_string(j, "programme", r.event.programme, error, false) ||
      !read_string(j, "data", r.event.data, error, false) ||
      !read_string(j, "document", r.event.document_id, error, false) ||
      !read_string(j, "due", due, error, false) ||
      !read_string(j, "outcome", r.event.outcome, error, false) ||
      !read_string(j, "version", r.event.programme_version, error, false) ||
      !read_string(j, "summary", r.event.evaluation_summary, error, false) ||
      !read_string(j, "note", r.event.note, error, false) ||
      !read_string(j, "linked", r.event.linked_case, error, false))
    return Result::failure(error);
  auto seq = j.find("seq");
  if (seq == j.end() || !seq->is_number_unsigned())
    return Result::failure("\"seq\" is not a positive integer");
  r.sequence = seq->get<std::uint64_t>();
  auto k = parse_event_kind(kind);
  if (!k) return Result::failure(k.error());
  r.event.kind = *k;
  auto instant = Instant::parse(at);
  if (!instant) return Result::failure("\"at\": " + instant.error());
  r.event.at = *instant;
  if (!due.empty()) {
    auto d = Date::parse(due);
    if (!d) return Result::failure("\"due\": " + d.error());
    r.event.due = *d;
  }
  auto reasons = j.find("reasons");
  if (reasons != j.end()) {
    if (!reasons->is_array()) return Result::failure("\"reasons\" is not a list");
    for (const auto& item : *reasons) {
      if (!item.is_string()) return Result::failure("\"reasons\" holds a non-string");
      r.event.reasons.push_back(item.get<std::string>());
    }
  }
  auto deadlines = j.find("deadlines");
  if (deadlines != j.end()) {
    if (!deadlines->is_array()) return Result::failure("\"deadlines\" is not a list");
    for (const auto& item : *deadlines) {
      if (!item.is_object()) return Result::failure("\"deadlines\" holds a non-object");
      Deadline d;
      std::string date;
      if (!read_string(item, "id", d.id, error, true) ||
          !read_string(item, "date", date, error, true) ||
          !read_string(item, "programme", d.programme, error, false))
        return Result::failure("\"deadlines\": " + error);
      auto parsed = Date::parse(date);
      if (!parsed) return Result::failure("\"deadlines\": " + parsed.error());
      d.date = *parsed;
      r.event.deadlines.push_back(std::move(d));
    }
  }
  return r;
}

ChainCheck verify(const std::vector<RecordedEvent>& events) {
  std::string previous = genesis_hash();
  const std::string* case_id = events.empty() ? nullptr : &events.front().case_id;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const RecordedEvent& r = events[i];
    const std::uint64_t position = i + 1;
    const std::string where = "event " + std::to_string(position) + ": ";
    auto broken = [&](std::string why) { return ChainCheck{false, position, where + why}; };

    if (detail::sha256_hex(r.canonical) != r.hash)
      return broken("its content does not match its hash (edited)");
    auto parsed = parse_recorded(r.canonical, r.hash);
    if (!parsed) return broken("its text is not an event (" + parsed.error() + ")");
    std::string expected_text;
    try {
      expected_text = dump(canonical_object(r.case_id, r.sequence, r.previous_hash, r.event));
    } catch (const json::exception&) {
      return broken("its fields are not UTF-8 (edited)");
    }
    if (expected_text != r.canonical || parsed->case_id != r.case_id ||
        parsed->sequence != r.sequence || parsed->previous_hash != r.previous_hash)
      return broken("its fields differ from its hashed text (edited)");
    if (r.case_id != *case_id) return broken("belongs to another case");
    if (r.sequence != position)
      return broken("carries sequence " + std::to_string(r.sequence) +
                    " (an event is missing or out of order)");
    if (!is_hex64(r.previous_hash) || r.previous_hash != previous)
      return broken(position == 1 ? std::string("does not start the chain (previous hash differs)")
                                  : "does not follow event " + std::to_string(position - 1) +
                                        " (previous hash differs)");
    previous = r.hash;
  }
  return {};
}

}  // namespace regularis
