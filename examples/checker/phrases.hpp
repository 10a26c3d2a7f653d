// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The checker's own fixed phrases (prompts, headings, outcome and status
// words) in English, Portuguese, Spanish and French, for `regularis screen`.
// The programme's texts (questions, criteria, documents, fees) come from the
// programme file; only what the checker itself says lives here.
#pragma once

#include <string>
#include <string_view>

namespace checker {

/// The phrase with this id in `language` ("en", "pt", "es", "fr"; anything
/// else: English). An unknown id gives the id itself, so a missing entry
/// shows up in the output rather than as an empty line.
///
///     phrase("answer_yes_no", "pt");   // "Responda sim ou não."
std::string phrase(std::string_view id, std::string_view language);

}  // namespace checker
