// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Evaluation: everything the engine says about one application under one
// programme — the outcome, each criterion with the values it used, the facts
// still missing (next question first), the document checklist, the fees, the
// deadline and the reason codes — plus a receipt (programme id, version, the
// SHA-256 of the programme text) so the answer can be reproduced years later.
// A plain value: hosts render it (the checker writes it as JSON Lines, CSV or
// text).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regularis/core/date.hpp"
#include "regularis/core/diagnostic.hpp"
#include "regularis/core/money.hpp"
#include "regularis/export.hpp"

namespace regularis {

/// Outcome, in order of precedence: invalid, ineligible, incomplete, eligible.
enum class Outcome { eligible, ineligible, incomplete, invalid };
/// "eligible", "ineligible", "incomplete", "invalid".
REGULARIS_API std::string_view to_string(Outcome o) noexcept;

enum class CriterionStatus { met, not_met, unknown };
/// "met", "not_met", "unknown".
REGULARIS_API std::string_view to_string(CriterionStatus s) noexcept;

enum class DocumentStatus { provided, missing, rejected, expired, not_verified, not_required };
/// "provided", "missing", "rejected", "expired", "not_verified", "not_required".
REGULARIS_API std::string_view to_string(DocumentStatus s) noexcept;

enum class FeeStatus { paid, due, partly_paid, waived, overpaid, not_due_yet };
/// "paid", "due", "partly_paid", "waived", "overpaid", "not_due_yet".
REGULARIS_API std::string_view to_string(FeeStatus s) noexcept;

/// What a note on a document or a fee says, as a stable code; the English
/// sentence each gives in `notes` is shown with the values it names.
enum class NoteCode {
  required_if,            ///< "required if <expression>" (the requirement's `when` is unknown)
  required_if_applying,   ///< "required if dependants[0] applies"
  holder_unknown,         ///< "cannot be checked yet: dependants[0] has no id for its documents
                          ///< to name as holder"
  not_verified,           ///< "documents[2] (passport): not verified"
  expired_before_filing,  ///< "documents[2] (passport): expired before the filing date"
  condition_not_met,      ///< "documents[2] (lease): does not satisfy <expression>"
  condition_unknown,      ///< "documents[2] (lease): cannot show <expression>"
  amount_if_applying,     ///< "the amount if dependants[0] applies; 550 EUR if not"
};
/// "required_if", "required_if_applying", "holder_unknown", "not_verified",
/// "expired_before_filing", "condition_not_met", "condition_unknown",
/// "amount_if_applying".
REGULARIS_API std::string_view to_string(NoteCode c) noexcept;

/// A note on a document or a fee as a code and the values it names, for a
/// host to render in any language; the result's `notes` has the same notes,
/// in the same order, as English sentences.
///
///     for (const Note& n : fee.coded_notes)  // {amount_if_applying, {"dependants[0]"}, 550 EUR}
///       if (n.code == NoteCode::amount_if_applying)
///         std::cout << "valor caso " << n.paths[0] << " faça o pedido; se não fizer, "
///                   << (n.amount ? n.amount->to_string() : "nada a pagar") << '\n';
struct Note {
  NoteCode code = NoteCode::required_if;
  /// Whom or what it is about: a dependant ("dependants[0]"), a document of
  /// the application ("documents[2]"), or for amount_if_applying every
  /// dependant whose `applying` is unknown. Empty for required_if.
  std::vector<std::string> paths{};
  std::string document_type{};  ///< "passport", for the notes on one document
  /// The programme's expression, for required_if (`when`) and condition_*.
  std::string expression{};
  /// amount_if_applying: the fee if none of them applies; none when nothing
  /// is due then (a fee per dependant).
  std::optional<Money> amount{};
  // (`{}` on each: a Note may be brace-initialised with its leading fields only.)
};

/// One criterion of the programme, as decided for this application.
struct CriterionResult {
  std::string id;  ///< "entered_by_cutoff"
  CriterionStatus status = CriterionStatus::unknown;
  std::string text;   ///< the programme's text, in the requested language
  std::string basis;  ///< "art. 1"
  /// The values used, when explanations were asked for:
  /// {"applicant.entry_date = 2009-03-05", "entry_cutoff = 2009-02-01"}.
  std::vector<std::string> values;
  /// The fact paths whose absence left it unknown.
  std::vector<std::string> unknown_facts;
};

/// A fact the engine still needs, with the question to ask for it.
struct MissingFact {
  /// "declarations.no_criminal_record"; a dependant's own fact by its place,
  /// "dependants[1].facts.undocumented_since"
  std::string fact;
  std::string question;  ///< in the requested language ("" when the programme has none)
  /// True when its answer alone could settle the outcome.
  bool decisive = false;
};

/// One line of the document checklist.
struct DocumentResult {
  std::string id;  ///< "proof_of_entry"
  DocumentStatus status = DocumentStatus::missing;
  std::string text;
  std::vector<std::string> matched;  ///< types of the documents that satisfied it
  /// In English, why other documents of an accepted type did not count, or
  /// why the line is still open: "required if dependants[0] applies", "cannot be checked
  /// yet: dependants[0] has no id for its documents to name as holder" (the
  /// fact to ask, `dependants[0].applying` or `.id`, is then among the
  /// evaluation's missing facts).
  std::vector<std::string> notes;
  /// "" = the applicant, else a dependant id; "dependants[0]" for a
  /// dependant without an id.
  std::string holder;
  /// The same notes as codes and values, to render in any language (see Note).
  std::vector<Note> coded_notes{};
};

/// One fee, with the exact amounts.
struct FeeResult {
  std::string id;  ///< "registration"
  FeeStatus status = FeeStatus::due;
  Money amount;  ///< what the programme asks
  Money paid;    ///< what the payments with this fee id add up to, in its currency
  std::string text;
  /// In English, why the amount is not settled: with a dependant whose `applying` is
  /// unknown, `amount` counts them as applying and a note gives the other
  /// amount ("the amount if dependants[0] applies; 550 EUR if not"). When the
  /// fee is due or partly paid, `dependants[0].applying` is a missing fact.
  /// (`{}`: hosts may brace-initialise a FeeResult without it.)
  std::vector<std::string> notes{};
  /// The same notes as codes and values, to render in any language (see Note).
  std::vector<Note> coded_notes{};
};

/// A date that matters for this application: the window's last day, the
/// day a granted status would expire, the window of the programme that
/// follows it (renewal or conversion).
struct Deadline {
  /// "window_opens" (screening before the window opens: the first day to
  /// file), "window_closes", "grant_expires", "follow_on_opens",
  /// "follow_on_closes".
  std::string id;
  Date date;
  std::string programme;  ///< the follow-on programme for follow_on_*, else ""
};

/// The engine's answer for one application.
///
///     Evaluation e = engine.evaluate(programme, facts, options);
///     if (e.outcome == Outcome::incomplete)
///       for (auto& m : e.missing) std::cout << m.question << '\n';
struct Evaluation {
  std::string application_id;
  std::string programme_id;
  std::string version;           ///< the version used, named by its effective date ("2009-07-02")
  std::string programme_sha256;  ///< of the programme file's text
  std::optional<Date> filing_date;  ///< local, in the programme's zone
  Outcome outcome = Outcome::invalid;
  std::vector<CriterionResult> criteria;
  std::vector<MissingFact> missing;  ///< next question first
  std::vector<DocumentResult> documents;
  std::vector<FeeResult> fees;
  std::optional<Date> deadline;  ///< the window's last day
  /// Every date that matters, in date order (see Deadline); the grant's dates
  /// only when the application is not ineligible and its filing date is known.
  std::vector<Deadline> deadlines;
  /// Codes of everything that failed or is missing, e.g. "entered_by_cutoff.not_met",
  /// "proof_of_entry.missing", "registration.due"; empty when eligible.
  /// "dependants.id.unknown" / "dependants.applying.unknown" when a dependant's
  /// id or `applying` is needed to settle a document or a fee (the missing
  /// facts name which dependant: "dependants[0].id").
  std::vector<std::string> reasons;
  /// Why the record is invalid (JSON paths), or warnings.
  Diagnostics diagnostics;
};

}  // namespace regularis
