// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Calendar files: YAML text → HolidayCalendar. yaml-cpp parses; this file
// walks its tree, checks every key and value, and reports every mistake at
// once at the file:line:col of the node at fault (yaml-cpp marks are 0-based;
// locations are 1-based). The grammar of a holiday's `date:` is the calendar
// module's (HolidayDate::parse); the format is documented at the top of each
// file in examples/calendars/.
#include "regularis/programme/calendar_file.hpp"
#include "core/file.hpp"

#include <yaml-cpp/yaml.h>

#include <cstring>
#include <set>
#include <string_view>
#include <utility>

#include "programme/yaml_documents.hpp"
#include "regularis/core/error.hpp"

namespace regularis {

namespace {

constexpr int kFirstYear = 1583;
constexpr int kLastYear = 9999;

const char* const kTopKeys =
    "calendar, title, jurisdiction, weekend, optional_days, sources, holidays";
const char* const kHolidayKeys = "name, date, kind, moves, from, until, basis, confirmed, note";

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

class Reader {
 public:
  Reader(const std::string& text, std::string file_name)
      : text_(text), file_(std::move(file_name)) {}

  CalendarFile read() {
    detail::YamlDocuments documents;
    try {
      documents = detail::load_yaml_documents(text_);
    } catch (const YAML::Exception& e) {
      error("calendar.yaml_syntax", "YAML syntax error: " + e.msg, at(e.mark));
      return std::move(out_);
    }
    if (documents.count > 1) {
      error("calendar.yaml_syntax",
            "a calendar file holds one YAML document, found " + std::to_string(documents.count),
            at(documents.second));
    }
    if (documents.count == 0 || !documents.first.IsMap()) {
      const SourceLocation where =
          documents.count == 0 ? SourceLocation{file_, 1, 1} : at(documents.first.Mark());
      error("calendar.not_a_mapping",
            "a calendar file is a mapping with the keys " + std::string(kTopKeys), where);
      return std::move(out_);
    }
    read_top(documents.first);
    if (!out_.diagnostics.has_errors()) {
      out_.calendar.emplace(id_, std::move(rules_), options_);
    }
    return std::move(out_);
  }

 private:
  struct Entry {
    std::string key;
    YAML::Node key_node;
    YAML::Node value;
  };

  SourceLocation at(const YAML::Mark& m) const {
    if (m.line < 0) return SourceLocation{file_, 0, 0};
    return SourceLocation{file_, m.line + 1, m.column + 1};
  }

  void error(const char* code, std::string message, SourceLocation where) {
    out_.diagnostics.error(code, std::move(message), std::move(where));
  }

  // The value's place, or its key's when the value is empty (yaml-cpp marks
  // an empty value at the next token).
  SourceLocation value_at(const Entry& e) const {
    return at(e.value.IsNull() ? e.key_node.Mark() : e.value.Mark());
  }

  // The entries of a mapping; unknown and duplicate keys are reported.
  std::vector<Entry> entries(const YAML::Node& map, const std::set<std::string>& known,
                             const char* known_text) {
    std::vector<Entry> out;
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (!it->first.IsScalar()) {
        error("calendar.unknown_key", "a key must be a word", at(it->first.Mark()));
        continue;
      }
      const std::string key = it->first.Scalar();
      if (known.count(key) == 0) {
        error("calendar.unknown_key",
              "unknown key " + quoted(key) + " (expected " + known_text + ")",
              at(it->first.Mark()));
        continue;
      }
      if (!seen.insert(key).second) {
        error("calendar.duplicate_key", "duplicate key " + quoted(key), at(it->first.Mark()));
        continue;
      }
      out.push_back(Entry{key, it->first, it->second});
    }
    return out;
  }

  // A non-empty scalar, or a diagnostic.
  std::optional<std::string> scalar(const Entry& e) {
    if (!e.value.IsScalar() || e.value.Scalar().empty()) {
      error("calendar.bad_value", e.key + " must be a single value (text)", value_at(e));
      return std::nullopt;
    }
    return e.value.Scalar();
  }

  std::optional<int> year(const Entry& e) {
    const std::optional<std::string> text = scalar(e);
    if (!text) return std::nullopt;
    int n = 0;
    bool digits = text->size() == 4;
    for (char c : *text) {
      digits = digits && c >= '0' && c <= '9';
      if (digits) n = n * 10 + (c - '0');
    }
    if (!digits || n < kFirstYear || n > kLastYear) {
      error("calendar.bad_year", e.key + ": " + quoted(*text) + " is not a year from 1583 to 9999",
            value_at(e));
      return std::nullopt;
    }
    return n;
  }

  void read_top(const YAML::Node& root) {
    static const std::set<std::string> kKnown{"calendar",      "title",   "jurisdiction", "weekend",
                                              "optional_days", "sources", "holidays"};
    bool have_id = false;
    bool have_holidays = false;
    for (const Entry& e : entries(root, kKnown, kTopKeys)) {
      if (e.key == "calendar") {
        have_id = true;
        read_id(e);
      } else if (e.key == "title") {
        if (auto t = scalar(e)) out_.title = *t;
      } else if (e.key == "jurisdiction") {
        if (auto t = scalar(e)) {
          const Parsed<Country> c = Country::parse(*t);
          if (c) {
            out_.jurisdiction = *c;
          } else {
            error("calendar.bad_value", "jurisdiction: " + c.error(), value_at(e));
          }
        }
      } else if (e.key == "weekend") {
        read_weekend(e);
      } else if (e.key == "optional_days") {
        if (auto t = scalar(e)) {
          if (*t == "closed" || *t == "open") {
            options_.optional_days = *t == "closed" ? OptionalDays::closed : OptionalDays::open;
          } else {
            error("calendar.bad_value", "optional_days must be closed or open, not " + quoted(*t),
                  value_at(e));
          }
        }
      } else if (e.key == "sources") {
        read_sources(e);
      } else if (e.key == "holidays") {
        have_holidays = true;
        read_holidays(e);
      }
    }
    const SourceLocation top = at(root.Mark());
    if (!have_id)
      error("calendar.missing_key", "missing key \"calendar\" (the calendar's id)", top);
    if (!have_holidays) error("calendar.missing_key", "missing key \"holidays\"", top);
  }

  void read_id(const Entry& e) {
    const std::optional<std::string> t = scalar(e);
    if (!t) return;
    bool ok = true;
    for (char c : *t) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
    if (!ok) {
      error("calendar.bad_value",
            "calendar id " + quoted(*t) + " must be lower-case letters, digits and '-'",
            value_at(e));
      return;
    }
    id_ = *t;
  }

  void read_weekend(const Entry& e) {
    if (!e.value.IsSequence()) {
      error("calendar.not_a_list", "weekend must be a list of weekdays, e.g. [saturday, sunday]",
            value_at(e));
      return;
    }
    std::vector<Weekday> days;
    unsigned mask = 0;
    for (const YAML::Node& item : e.value) {
      const Parsed<Weekday> w = item.IsScalar() ? parse_weekday(item.Scalar())
                                                : Parsed<Weekday>::failure("not a weekday name");
      if (!w) {
        error("calendar.bad_value", "weekend: " + w.error(), at(item.Mark()));
        continue;
      }
      days.push_back(*w);
      mask |= 1U << (static_cast<unsigned>(*w) - 1U);
    }
    if (mask == 0x7FU) {
      error("calendar.no_business_days", "every day of the week is a weekend day", value_at(e));
      return;
    }
    options_.weekend = std::move(days);
  }

  void read_sources(const Entry& e) {
    if (!e.value.IsSequence()) {
      error("calendar.not_a_list", "sources must be a list of citations", value_at(e));
      return;
    }
    for (const YAML::Node& item : e.value) {
      if (!item.IsScalar() || item.Scalar().empty()) {
        error("calendar.bad_value", "a source must be a citation (text)", at(item.Mark()));
        continue;
      }
      out_.sources.push_back(item.Scalar());
    }
  }

  void read_holidays(const Entry& e) {
    if (!e.value.IsSequence()) {
      error("calendar.not_a_list", "holidays must be a list of holidays", value_at(e));
      return;
    }
    for (const YAML::Node& item : e.value) read_holiday(item);
  }

  void read_holiday(const YAML::Node& item) {
    static const std::set<std::string> kKnown{"name",  "date",  "kind",      "moves", "from",
                                              "until", "basis", "confirmed", "note"};
    if (!item.IsMap()) {
      error("calendar.not_a_mapping",
            "a holiday is a mapping with the keys " + std::string(kHolidayKeys), at(item.Mark()));
      return;
    }
    const std::size_t errors_before = error_count();
    HolidayRule rule;
    bool have_name = false;
    bool have_date = false;
    std::optional<Entry> until_entry;
    for (const Entry& e : entries(item, kKnown, kHolidayKeys)) {
      if (e.key == "name") {
        have_name = true;
        if (auto t = scalar(e)) rule.name = *t;
      } else if (e.key == "date") {
        have_date = true;
        read_date(e, rule);
      } else if (e.key == "kind") {
        if (auto t = scalar(e)) {
          if (*t == "holiday" || *t == "optional") {
            rule.kind = *t == "holiday" ? HolidayKind::holiday : HolidayKind::optional_day;
          } else {
            error("calendar.bad_value", "kind must be holiday or optional, not " + quoted(*t),
                  value_at(e));
          }
        }
      } else if (e.key == "moves") {
        read_move(e, rule);
      } else if (e.key == "from") {
        rule.from_year = year(e);
      } else if (e.key == "until") {
        rule.until_year = year(e);
        until_entry = e;
      } else if (e.key == "basis") {
        if (auto t = scalar(e)) rule.basis = *t;
      } else if (e.key == "confirmed") {
        if (auto t = scalar(e)) {
          if (*t == "true" || *t == "false") {
            rule.confirmed = *t == "true";
          } else {
            error("calendar.bad_value", "confirmed must be true or false, not " + quoted(*t),
                  value_at(e));
          }
        }
      } else if (e.key == "note") {
        scalar(e);
      }
    }
    const SourceLocation here = at(item.Mark());
    if (!have_name) error("calendar.missing_key", "a holiday needs a \"name\"", here);
    if (!have_date) error("calendar.missing_key", "a holiday needs a \"date\"", here);
    if (rule.from_year && rule.until_year && *rule.from_year > *rule.until_year) {
      error("calendar.bad_year",
            "until (" + std::to_string(*rule.until_year) + ") is before from (" +
                std::to_string(*rule.from_year) + ")",
            value_at(*until_entry));
    }
    if (error_count() != errors_before) return;
    for (const auto& [other, line] : seen_rules_) {
      if (other.date == rule.date && other.from_year == rule.from_year &&
          other.until_year == rule.until_year) {
        out_.diagnostics.warning("calendar.duplicate_holiday",
                                 quoted(rule.name) + " has the same date (" +
                                     rule.date.to_string() + ") and years as " +
                                     quoted(other.name) + " on line " + std::to_string(line),
                                 here);
        break;
      }
    }
    seen_rules_.emplace_back(rule, here.line);
    rules_.push_back(std::move(rule));
  }

  void read_date(const Entry& e, HolidayRule& rule) {
    const std::optional<std::string> t = scalar(e);
    if (!t) return;
    const Parsed<HolidayDate> d = HolidayDate::parse(*t);
    if (!d) {
      error("calendar.bad_holiday_date", d.error(), value_at(e));
      return;
    }
    rule.date = *d;
  }

  void read_move(const Entry& e, HolidayRule& rule) {
    const std::optional<std::string> t = scalar(e);
    if (!t) return;
    for (HolidayMove m : {HolidayMove::none, HolidayMove::next_monday, HolidayMove::nearest_weekday,
                          HolidayMove::sunday_to_monday, HolidayMove::next_monday_unless_friday}) {
      if (*t == to_string(m)) {
        rule.move = m;
        return;
      }
    }
    error("calendar.bad_value",
          "moves must be none, next_monday, nearest_weekday, sunday_to_monday or "
          "next_monday_unless_friday, not " +
              quoted(*t),
          value_at(e));
  }

  std::size_t error_count() const {
    std::size_t n = 0;
    for (const Diagnostic& d : out_.diagnostics) n += d.severity == Severity::error ? 1 : 0;
    return n;
  }

  const std::string& text_;
  std::string file_;
  CalendarFile out_;
  std::string id_;
  std::vector<HolidayRule> rules_;
  std::vector<std::pair<HolidayRule, int>> seen_rules_;
  CalendarOptions options_;
};

}  // namespace

CalendarFile load_calendar_text(const std::string& text, const std::string& file_name) {
  return Reader(text, file_name).read();
}

CalendarFile load_calendar_file(const std::string& path) {
  return load_calendar_text(detail::read_whole_file(path), path);
}

}  // namespace regularis
