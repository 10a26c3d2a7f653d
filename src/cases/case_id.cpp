// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// CaseId::parse: the one check a case id passes (length, no control
// characters) before it reaches events, the store and queries.
#include "regularis/cases/case_id.hpp"

namespace regularis {

Parsed<CaseId> CaseId::parse(std::string_view text) {
  if (text.empty()) return Parsed<CaseId>::failure("a case id cannot be empty");
  if (text.size() > kMaxBytes) return Parsed<CaseId>::failure("a case id has at most 128 bytes");
  for (char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte < 0x20 || byte == 0x7f)
      return Parsed<CaseId>::failure("a case id cannot contain control characters");
  }
  return CaseId(std::string(text));
}

}  // namespace regularis
