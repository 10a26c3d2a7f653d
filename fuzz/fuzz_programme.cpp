// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target: a programme file (YAML text) through load → check, every
// diagnostic rendered with its caret, and a programme that checks clean
// compiled and evaluated against a fixed application. Any crash, hang,
// sanitizer report or exception is a finding: a wrong file must only ever
// produce diagnostics.
#include <cstddef>
#include <cstdint>
#include <string>

#include "regularis/core/date.hpp"
#include "regularis/core/diagnostic.hpp"
#include "regularis/engine/engine.hpp"
#include "regularis/facts/read.hpp"
#include "regularis/programme/check.hpp"
#include "regularis/programme/load.hpp"

namespace {

constexpr const char* kApplication = R"({"format": "regularis.application/1", "id": "F-1",
  "filed_at": "2009-12-30T23:30:00-02:00",
  "applicant": {"date_of_birth": "1984-02-29", "nationalities": ["BO"], "entry_date": "2008-11-03",
    "absences": [{"from": "2009-03-01", "to": "2009-03-20"}],
    "criminal": {"pending_proceedings": false, "convictions": []}},
  "documents": [{"type": "passport_entry_stamp", "shows_date": "2008-11-03", "verified": true}],
  "payments": [{"fee": "registration", "amount": "64.58", "currency": "BRL", "paid_on": "2009-08-01"}]})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  regularis::CheckResult result = regularis::check(regularis::load(text, "fuzz.yaml"));
  std::size_t rendered = 0;
  for (const regularis::Diagnostic& d : result.diagnostics()) {
    rendered += regularis::render(d, text).size();
  }
  if (rendered == 0 && !result.diagnostics().empty()) __builtin_trap();
  if (!result.ok()) return 0;

  regularis::Programme programme = regularis::compile(result.programme());
  static const regularis::ReadResult record = regularis::read_application(kApplication);
  regularis::EvaluationOptions options;
  options.as_of = regularis::Date::parse("2009-12-01").value();
  regularis::Evaluation e = regularis::Engine{}.evaluate(programme, record, options);
  if (e.outcome == regularis::Outcome::invalid) __builtin_trap();  // the record is valid
  return 0;
}
