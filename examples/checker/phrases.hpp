// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The checker's own fixed phrases (prompts, headings, outcome and status
// words, the engine's notes on documents and fees) in English, Portuguese,
// Spanish and French, for `regularis screen`, `explain` and `checklist`.
// The programme's texts (questions, criteria, documents, fees) come from the
// programme file; only what the checker itself says lives here.
#pragma once

#include <string>
#include <string_view>

#include "regularis/engine/evaluation.hpp"

namespace checker {

/// The phrase with this id in `language` ("en", "pt", "es", "fr"; anything
/// else: English). An unknown id gives the id itself, so a missing entry
/// shows up in the output rather than as an empty line.
///
///     phrase("answer_yes_no", "pt");   // "Responda sim ou não."
std::string phrase(std::string_view id, std::string_view language);

/// A note on a document or a fee as a sentence in `language`; the paths,
/// document types, expressions and amounts it names are kept as they are.
///
///     note_text({regularis::NoteCode::required_if_applying, {"dependants[0]"}}, "pt");
///     // "exigido se dependants[0] fizer o pedido"
std::string note_text(const regularis::Note& note, std::string_view language);

}  // namespace checker
