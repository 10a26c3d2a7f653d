// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Example 01: evaluate one application against Brazil's 2009 programme and
// print the outcome, what is still missing, and why. The host program of the
// README, built and run as a test.
#include <iostream>

#include <regularis/regularis.hpp>

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : "examples";
  regularis::Programme br = regularis::load_programme_file(dir + "/programmes/br-2009.yaml");

  // Half the facts: entered in November 2008, nothing said about criminal proceedings.
  regularis::ReadResult record = regularis::read_application(R"({
    "format": "regularis.application/1", "id": "NGO-0001", "programme": "br-2009",
    "filed_at": "2009-12-30T23:30:00-02:00",
    "applicant": {"entry_date": "2008-11-03", "entry_mode": "irregular",
                  "present_at_filing": true, "criminal": {"convictions": []}},
    "documents": [{"type": "passport_entry_stamp", "shows_date": "2008-11-03"}]})");

  regularis::EvaluationOptions options;
  options.language = "es";
  regularis::Evaluation e = regularis::Engine{}.evaluate(br, record, options);

  std::cout << e.application_id << ": " << to_string(e.outcome) << " (version " << e.version
            << ")\n";
  for (const auto& m : e.missing)
    std::cout << "  still needed: " << m.fact << " - " << m.question << '\n';
  for (const auto& r : e.reasons) std::cout << "  reason: " << r << '\n';
  return e.outcome == regularis::Outcome::incomplete ? 0 : 1;
}
