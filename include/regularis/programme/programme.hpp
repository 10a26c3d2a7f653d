// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The programme model the engine evaluates against: a Programme (id, texts,
// zone, fact declarations, questions) with its versions by effective date,
// each holding the filing window (per route), parameters, criteria,
// documents, fees and grant, with every expression compiled. A Programme is
// made only by `compile` from a CheckedProgramme, so a programme that did not
// pass its checks cannot be evaluated. docs/programme-format.md describes the
// file this is read from.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "regularis/calendar/holiday_calendar.hpp"
#include "regularis/core/country.hpp"
#include "regularis/core/date.hpp"
#include "regularis/core/decimal.hpp"
#include "regularis/core/diagnostic.hpp"
#include "regularis/core/instant.hpp"
#include "regularis/core/money.hpp"
#include "regularis/core/period.hpp"
#include "regularis/export.hpp"
#include "regularis/rules/expression.hpp"
#include "regularis/rules/value.hpp"

namespace regularis {

class CheckedProgramme;

/// A text in several languages ("en", "pt", ...) with the programme's default
/// language as the fallback.
///
///     t.text("pt");   // the Portuguese text, or the default language's
///     t.text("de");   // no German: the default language's text
class REGULARIS_API Text {
 public:
  Text() = default;
  Text(std::string default_language, std::vector<std::pair<std::string, std::string>> texts)
      : default_language_(std::move(default_language)), texts_(std::move(texts)) {}

  /// The text in `language`, else in the default language, else "".
  const std::string& text(std::string_view language) const noexcept;
  /// True when the text exists in exactly this language.
  bool has(std::string_view language) const noexcept;
  bool empty() const noexcept { return texts_.empty(); }
  /// (language, text) pairs in file order.
  const std::vector<std::pair<std::string, std::string>>& translations() const noexcept {
    return texts_;
  }
  const std::string& default_language() const noexcept { return default_language_; }

 private:
  std::string default_language_;
  std::vector<std::pair<std::string, std::string>> texts_;
};

/// A local time of day ("22:00"), in the programme's time zone.
struct TimeOfDay {
  int hour = 0;    ///< 0..23
  int minute = 0;  ///< 0..59
  std::int32_t seconds_of_day() const noexcept { return (hour * 60 + minute) * 60; }
  /// "22:00".
  REGULARIS_API std::string to_string() const;
  friend bool operator==(TimeOfDay a, TimeOfDay b) {
    return a.hour == b.hour && a.minute == b.minute;
  }
};

/// How a law counts a term "within N days of publication".
enum class Counting {
  exclude_first_day,  ///< day 1 is the day after publication (Brazil, Código Civil art. 132)
  include_first_day,  ///< the day of publication is day 1
};

/// The law's own statement of a window, from which opens/closes were computed.
///
///     {published: 2009-07-03, within: 180 days, counting: exclude_first_day}
///     // closes 2009-12-30 (day 1 = 4 July, day 180 = 30 December)
struct WindowRule {
  Date published;
  Period within;
  Counting counting = Counting::exclude_first_day;
};

/// An expression of the file (`require:`, `condition:`, `when:`), with where
/// it is written and its compiled form (always set in a Programme).
///
///     const CompiledExpression& e = *criterion.require.compiled;
///     Value v = e.evaluate(slots);   // slots laid out by version.slots
struct Expression {
  std::string text;
  SourceLocation location;  ///< of its first character in the file
  std::optional<CompiledExpression> compiled;
};

/// When a filing is on time. Dates are inclusive local dates in the
/// programme's time zone; `closes_at` (if any) is the local closing time on
/// `closes`, `opens_at` the opening time on `opens`. A window may instead (or
/// also) be a test per applicant (`per_applicant`, an expression over facts
/// and `filing_date`). The engine reports it as criterion `filed_in_window`.
struct Window {
  /// The criterion id the engine reports the window as (`id:` in the file).
  std::string id = "filed_in_window";
  std::optional<Date> opens;
  std::optional<Date> closes;
  std::optional<TimeOfDay> opens_at;
  std::optional<TimeOfDay> closes_at;
  std::optional<WindowRule> rule;           ///< set when opens/closes were computed
  std::optional<Expression> per_applicant;  ///< bool over facts and filing_date
  /// A date over facts: the applicant's own last day to file (`deadline:`,
  /// for a window per applicant, e.g. `applicant.last_permit.to`); the
  /// evaluation's deadline is the earlier of it and `closes`.
  std::optional<Expression> deadline;
  /// The closing day as the file states or computes it, when `if_closed:`
  /// moved `closes` off a holiday or weekend (`closes` is then the day the
  /// window really closes).
  std::optional<Date> closes_as_stated;
  SourceLocation location;
};

/// Who a document or fee is for: the applicant, or each dependant applying.
enum class Holder { applicant, dependant };

/// When a fee is payable: at filing (due for completeness) or after approval
/// (listed, not due at filing).
enum class FeeDue { at_filing, after_approval };

/// One way of applying inside a version (it-2020: employer_declaration or
/// temporary_permit), chosen by the value of the version's `route_fact`.
struct Route {
  std::string id;
  std::string value;  ///< the route fact's value selecting this route (default: id)
  Text text;
  Window window;  ///< its own, or the version's when the file gives none
  SourceLocation location;
};

/// A named constant of a version; its value may change on dates (by filing
/// date). Expressions see it folded as a constant.
struct Parameter {
  struct Step {
    std::optional<Date> from;  ///< none: from the version's start
    Constant value;
  };
  std::string name;
  std::vector<Step> steps;  ///< sorted by `from`, the first possibly without one
  SourceLocation location;

  /// The value in force on a date (the last step whose `from` <= date).
  REGULARIS_API const Constant& value_on(Date date) const;
};

/// A condition of eligibility.
struct Criterion {
  std::string id;
  std::string basis;
  Text text;
  Expression require;               ///< bool
  std::vector<std::string> routes;  ///< empty: every route
  std::vector<std::string> notes;
  SourceLocation location;
};

/// A document the file must contain. Any document whose type is in `any_of`
/// and for which `condition` (over `document`) holds satisfies it; `when`
/// makes the requirement apply only when true.
struct DocumentRequirement {
  std::string id;
  std::string basis;
  Text text;
  std::vector<std::string> any_of;  ///< accepted document types (default: {id})
  std::optional<Expression> condition;
  std::optional<Expression> when;
  bool self_declaration = false;
  /// Accepted types that still count when known to be expired: all of
  /// `any_of` (`accept_expired: true`) or those listed (`accept_expired:
  /// [passport]`, for "a passport, valid or expired").
  std::vector<std::string> accept_expired;
  Holder per = Holder::applicant;
  std::vector<std::string> routes;
  std::vector<std::string> notes;
  SourceLocation location;
};

/// A fee, with the payments' `fee` id to match.
struct Fee {
  std::string id;
  Money amount;
  FeeDue due = FeeDue::at_filing;
  Holder per = Holder::applicant;
  /// The amount when dependants apply too (one amount per family), if the
  /// programme has one: `family_amount: 700 EUR`.
  std::optional<Money> family_amount;
  /// Waived without a request when true (minors, refugees): `waived_when:`.
  std::optional<Expression> waived_when;
  /// False when no waiver may cover it (`waivable: false`); waivers[] are then ignored.
  bool waivable = true;
  std::string basis;
  Text text;
  std::vector<std::string> routes;
  std::vector<std::string> notes;
  SourceLocation location;
};

/// What an eligible applicant receives.
struct Grant {
  std::string status;              ///< "provisional_residence"
  std::optional<Period> validity;  ///< "2 years"
  std::string validity_from;       ///< "filing_date" or "decision" ("" when not said)
  std::string then;                ///< the programme id that follows ("" when none)
  /// How long before the status expires the follow-on may be requested
  /// (`then_opens_before_expiry: 90 days`); its window closes on expiry.
  std::optional<Period> then_opens_before_expiry;
  std::string basis;
  Text text;
  SourceLocation location;
};

/// The rules in force from `effective_from` (to `effective_until` when set,
/// else until the next version). Only `compile` makes one; read-only. A file
/// version whose parameters change on dates is compiled into one
/// ProgrammeVersion per stretch of constant parameters: each has its own
/// `effective_from`, and `declared_from` is the file version's date.
struct ProgrammeVersion {
  Date effective_from;
  Date declared_from;                   ///< the file version's effective_from (how results name it)
  std::optional<Date> effective_until;  ///< inclusive
  Window window;
  std::string route_fact;  ///< "facts.route" ("" without routes)
  std::vector<Route> routes;
  std::vector<Parameter> parameters;
  std::vector<Criterion> criteria;
  std::vector<DocumentRequirement> documents;
  std::vector<Fee> fees;
  std::optional<Grant> grant;
  /// The facts every compiled expression of this version reads; slot ids
  /// index the Value array given to CompiledExpression::evaluate.
  std::shared_ptr<const SlotTable> slots;
  SourceLocation location;

  /// The route with this id, or nullptr.
  REGULARIS_API const Route* route(std::string_view id) const noexcept;
  /// The window of a route (the version's window for "" or an unknown route).
  REGULARIS_API const Window& window_for(std::string_view route_id) const noexcept;
  /// The parameter with this name, or nullptr.
  REGULARIS_API const Parameter* parameter(std::string_view name) const noexcept;
  /// "2009-07-02": how results name the version.
  std::string label() const { return declared_from.to_string(); }
};

/// A state of a programme's own lifecycle (`lifecycle: states:`), with the
/// text people read for it.
struct LifecycleState {
  std::string id;  ///< "health_assessment"
  Text text;
  SourceLocation location;
};

/// One row of a programme's own lifecycle (`lifecycle: transitions:`), as
/// written. Plain data: the programme module checks its shape and the states
/// and roles it names; the cases module checks the event and guard names and
/// builds the Lifecycle from it (`lifecycle_of` in regularis/cases/lifecycle.hpp).
///
///     {from: health_assessment, event: step_completed, to: contract_and_visa, roles:
///     [iom_officer]}
struct LifecycleRow {
  std::string from;     ///< "" = no case yet (the `opened` row), "*" = any state
  std::string event;    ///< an event kind name ("step_completed")
  std::string outcome;  ///< for `decided`: "approved" or "refused"; "" = any
  std::string guard;    ///< a registered guard's name; "" = none
  std::string to;       ///< the state after; "*" = unchanged
  std::vector<std::string> roles;
  bool four_eyes = false;
  SourceLocation location;          ///< of the row
  SourceLocation event_location;    ///< of its `event:` value
  SourceLocation outcome_location;  ///< of its `outcome:` value (or the row)
  SourceLocation guard_location;    ///< of its `guard:` value (or the row)
};

/// A programme's own lifecycle, replacing the standard one for its cases.
///
///     if (const LifecycleDefinition* l = p.lifecycle())
///       for (const LifecycleRow& r : l->transitions) std::cout << r.from << " -> " << r.to;
struct LifecycleDefinition {
  std::vector<LifecycleState> states;  ///< as declared (may be empty)
  std::vector<std::string> roles;      ///< as declared (empty: any role name)
  std::vector<LifecycleRow> transitions;
  SourceLocation location;

  /// The declared state with this id, or nullptr.
  REGULARIS_API const LifecycleState* state(std::string_view id) const noexcept;
};

/// A programme-specific fact under `facts.` declared by the file.
struct FactDeclaration {
  std::string path;  ///< "facts.route"
  Type type;
  std::vector<std::string> values;  ///< allowed values of a string fact (empty: any)
  SourceLocation location;
};

/// The head of a question key for a field of every family member:
/// "dependants[]" + ".date_of_birth".
inline constexpr std::string_view kEachDependant = "dependants[]";

/// A checked and compiled programme: immutable and shareable across threads
/// (every member is const after `compile`; copies share the same data).
///
///     Programme p = load_programme_file("examples/programmes/br-2009.yaml");
///     const ProgrammeVersion* v = p.version_in_force(*Date::parse("2009-08-01"));
///     v->window.closes->to_string();            // "2009-12-30"
///     p.title().text("pt");                     // Portuguese title
class REGULARIS_API Programme {
 public:
  const std::string& id() const noexcept;
  const Text& title() const noexcept;
  const std::string& default_language() const noexcept;
  Country jurisdiction() const noexcept;
  const TimeZone& time_zone() const noexcept;
  /// The holiday calendar the file names (`calendar:`), or nullptr.
  const HolidayCalendar* calendar() const noexcept;
  /// Where a 29 February anniversary falls in a common year in this
  /// programme's rules (`leap_day_anniversary:`; march_1 when not stated).
  LeapDayBirthday leap_day_anniversary() const noexcept;
  /// Whether a filing instant is dated in the receiving office's zone
  /// (`window_time_zone: office`, the application's `office.time_zone`)
  /// rather than in time_zone() (`programme`, the default).
  bool windows_in_office_zone() const noexcept;
  const std::string& legal_basis() const noexcept;
  /// Who receives applications (may be empty).
  const Text& authority() const noexcept;
  const std::vector<std::string>& sources() const noexcept;
  const std::vector<std::string>& notes() const noexcept;
  /// Figures the file marks as not confirmed by its sources.
  const std::vector<std::string>& unconfirmed() const noexcept;
  const std::vector<FactDeclaration>& facts() const noexcept;
  /// The question asking for a fact (standard path or `facts.x`), or nullptr.
  /// A field of every family member has its key under kEachDependant
  /// ("dependants[].date_of_birth", "dependants[].facts.x"); its text may
  /// name the member as {n} (counted from 1) and {path} ("dependants[0]").
  const Text* question(std::string_view fact_path) const noexcept;
  const std::map<std::string, Text, std::less<>>& questions() const noexcept;

  /// Versions sorted by effective_from.
  const std::vector<ProgrammeVersion>& versions() const noexcept;
  /// The version in force on a (local) filing date, or nullptr before the
  /// first version or after an `effective_until` with no later version.
  const ProgrammeVersion* version_in_force(Date filing_date) const noexcept;

  /// The programme's own case lifecycle (`lifecycle:` in the file), or
  /// nullptr: its cases follow the standard lifecycle.
  const LifecycleDefinition* lifecycle() const noexcept;

  /// Every fact path any expression of the programme reads, sorted, unique:
  /// what a host must supply (the slots of the compiled expressions).
  const std::vector<std::string>& fact_paths() const noexcept;

  const std::string& file_name() const noexcept;
  /// The file's text exactly as loaded (hash it to identify the programme).
  const std::string& source_text() const noexcept;
  /// SHA-256 of source_text() (64 lower-case hex digits), computed once when
  /// the programme was checked: the receipt every evaluation carries.
  const std::string& sha256() const noexcept;

  class Impl;

 private:
  explicit Programme(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
  friend REGULARIS_API Programme compile(const CheckedProgramme& checked);
};

/// Stage 3: compiles every expression of a checked programme (parameters
/// folded as constants) and returns the immutable Programme. Cannot fail for
/// a CheckedProgramme.
///
///     CheckResult r = check(load(text, "br-2009.yaml"));
///     if (r.ok()) { Programme p = compile(r.programme()); }
REGULARIS_API Programme compile(const CheckedProgramme& checked);

}  // namespace regularis
