// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Running programme test cases: each case's application JSON goes through
// read_application (the same strict reader as any host's data) and
// Engine::evaluate; the evaluation is compared with what the case expects,
// and every expectation not met becomes one readable line of difference.
#include <algorithm>

#include "regularis/authoring/programme_tests.hpp"
#include "regularis/core/error.hpp"
#include "regularis/engine/engine.hpp"
#include "regularis/facts/read.hpp"
#include "regularis/programme/load.hpp"

namespace regularis {

namespace {

std::string listed(const std::vector<std::string>& items) {
  std::string s = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) s += ", ";
    s += items[i];
  }
  return s + "]";
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

std::vector<std::string> missing_facts(const Evaluation& e) {
  std::vector<std::string> facts;
  facts.reserve(e.missing.size());
  for (const MissingFact& m : e.missing) facts.push_back(m.fact);
  return facts;
}

std::string str(std::string_view s) { return std::string(s); }

/// Expected statuses by id against the evaluation's list of results.
template <class Status, class Result>
void compare_statuses(const std::vector<std::pair<std::string, Status>>& expected,
                      const std::vector<Result>& actual, const std::string& what,
                      std::vector<std::string>& differences) {
  for (const auto& [id, status] : expected) {
    // A document or fee may appear once per holder: the applicant's counts.
    auto it = std::find_if(actual.begin(), actual.end(), [&id = id](const Result& r) {
      if constexpr (std::is_same_v<Result, DocumentResult>) {
        return r.id == id && r.holder.empty();
      } else {
        return r.id == id;
      }
    });
    if (it == actual.end()) {
      differences.push_back(what + " " + id + ": expected " + str(to_string(status)) +
                            ", but the evaluation has no " + what + " " + id);
    } else if (it->status != status) {
      differences.push_back(what + " " + id + ": expected " + str(to_string(status)) + ", got " +
                            str(to_string(it->status)));
    }
  }
}

std::string describe(const Evaluation& e) {
  std::string s = "outcome " + str(to_string(e.outcome));
  if (e.outcome == Outcome::invalid) {
    std::vector<std::string> errors;
    for (const Diagnostic& d : e.diagnostics) {
      if (d.severity != Severity::error) continue;
      errors.push_back(d.json_path.empty() ? d.message : d.json_path + ": " + d.message);
    }
    if (!errors.empty()) s += "; errors " + listed(errors);
    return s;
  }
  s += "; reasons " + listed(e.reasons);
  if (!e.missing.empty()) s += "; missing " + listed(missing_facts(e));
  return s;
}

CaseResult run_case(const ProgrammeTestCase& c, const Programme& programme, const Engine& engine) {
  CaseResult r;
  r.name = c.name;
  r.location = c.location;
  const ReadResult record = read_application(c.application_json);
  EvaluationOptions options;
  options.as_of = c.as_of;
  options.language = c.language;
  options.explain = false;
  r.evaluation = engine.evaluate(programme, record, options);
  const Evaluation& e = r.evaluation;
  const CaseExpectation& x = c.expect;
  std::vector<std::string>& d = r.differences;

  if (e.outcome != x.outcome) {
    d.push_back("outcome: expected " + str(to_string(x.outcome)) + ", got " +
                str(to_string(e.outcome)));
  }
  if (x.reasons && *x.reasons != e.reasons) {
    d.push_back("reasons: expected " + listed(*x.reasons) + ", got " + listed(e.reasons));
  }
  for (const std::string& reason : x.reasons_include) {
    if (!contains(e.reasons, reason)) {
      d.push_back("reasons: expected to include " + reason + ", got " + listed(e.reasons));
    }
  }
  const std::vector<std::string> missing = missing_facts(e);
  if (x.missing && *x.missing != missing) {
    d.push_back("missing: expected " + listed(*x.missing) + ", got " + listed(missing));
  }
  for (const std::string& fact : x.missing_include) {
    if (!contains(missing, fact)) {
      d.push_back("missing: expected to include " + fact + ", got " + listed(missing));
    }
  }
  compare_statuses(x.criteria, e.criteria, "criterion", d);
  compare_statuses(x.documents, e.documents, "document", d);
  compare_statuses(x.fees, e.fees, "fee", d);
  if (x.deadline && e.deadline != x.deadline) {
    d.push_back("deadline: expected " + x.deadline->to_string() + ", got " +
                (e.deadline ? e.deadline->to_string() : std::string("none")));
  }
  if (x.version && e.version != *x.version) {
    d.push_back("version: expected " + *x.version + ", got " +
                (e.version.empty() ? std::string("none") : e.version));
  }
  if (x.errors) {
    std::vector<std::string> paths;
    for (const Diagnostic& diagnostic : e.diagnostics) {
      if (diagnostic.severity == Severity::error) paths.push_back(diagnostic.json_path);
    }
    if (paths != *x.errors) {
      d.push_back("errors: expected " + listed(*x.errors) + ", got " + listed(paths));
    }
  }
  r.passed = d.empty();
  r.actual = describe(e);
  return r;
}

}  // namespace

std::size_t TestReport::passed() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(cases.begin(), cases.end(), [](const CaseResult& c) { return c.passed; }));
}

std::size_t TestReport::failed() const noexcept { return cases.size() - passed(); }

TestReport run_programme_tests(const ProgrammeTestFile& file, const Programme& programme) {
  TestReport report;
  report.file_name = file.file_name;
  report.programme_id = programme.id();
  const Engine engine;
  report.cases.reserve(file.cases.size());
  for (const ProgrammeTestCase& c : file.cases) {
    report.cases.push_back(run_case(c, programme, engine));
  }
  return report;
}

TestReport run_programme_tests(const ProgrammeTestFile& file) {
  if (!file.ok()) {
    throw UsageError("tests.invalid", file.file_name + " has errors; it cannot be run",
                     file.diagnostics);
  }
  return run_programme_tests(file, load_programme_file(file.programme_path));
}

}  // namespace regularis
