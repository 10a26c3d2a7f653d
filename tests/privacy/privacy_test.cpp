// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// No personal data in logs (issue 9). Runs the library's read → evaluate
// path (single records, batches, screening, explanations, programme tests)
// at the most verbose log level with every log line captured, and the
// `regularis` checker (check, explain, test, screen, checklist) with its
// standard error captured, over fixtures (data/) whose names, birth dates,
// document numbers and receipts are distinctive strings; asserts that none
// of them appears in any log line or on stderr. Results on stdout may carry
// what the programme uses; they are not checked here.
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/run_checker.hpp"

#include "regularis/authoring/programme_tests.hpp"
#include "regularis/core/date.hpp"
#include "regularis/core/logging.hpp"
#include "regularis/engine/engine.hpp"
#include "regularis/facts/read.hpp"
#include "regularis/log.hpp"
#include "regularis/programme/load.hpp"

using namespace regularis;

namespace {

namespace fs = std::filesystem;

// The fixtures' personal data; none may reach a log or stderr.
const std::vector<std::string> kPersonal = {
    "Zyxwvutsr",   // given_names
    "Qjxvqzkw",    // family_name
    "1971-07-13",  // date_of_birth
    "2003-10-27",  // a dependant's date_of_birth
    "9137",        // a passport's number_last4
    "1999-04-21",  // the passport's issued_on
    "GRU-86420",   // a receipt number
    "GRU-86421",
};

std::string data(const std::string& name) {
  return std::string(REGULARIS_SOURCE_DIR) + "/tests/privacy/data/" + name;
}

using regularis::test::read_file;

void check_no_personal_data(const std::string& captured) {
  for (const std::string& s : kPersonal) {
    INFO("captured: " << captured);
    CHECK(captured.find(s) == std::string::npos);
  }
}

// Sends the library's log, at trace level, to a string for the test's
// duration, then restores the previous logger.
class CapturedLog {
 public:
  CapturedLog() : previous_(regularis::logger()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out_);
    sink->set_level(spdlog::level::trace);
    regularis::set_logger(std::make_shared<spdlog::logger>("regularis", sink));
    regularis::set_log_level(LogLevel::trace);
  }
  ~CapturedLog() { regularis::set_logger(previous_); }
  CapturedLog(const CapturedLog&) = delete;
  CapturedLog& operator=(const CapturedLog&) = delete;

  std::string text() {
    regularis::logger()->flush();
    return out_.str();
  }

 private:
  std::shared_ptr<spdlog::logger> previous_;
  std::ostringstream out_;
};

}  // namespace

TEST_CASE("the fixtures hold the personal data the test looks for") {
  const std::string application = read_file(data("application.json"));
  const std::string batch = read_file(data("batch.jsonl"));
  const std::string invalid = read_file(data("invalid.json"));
  for (const std::string& s : kPersonal) {
    INFO(s);
    CHECK(application.find(s) != std::string::npos);
    CHECK(batch.find(s) != std::string::npos);
    CHECK(invalid.find(s) != std::string::npos);
  }
}

TEST_CASE("read, evaluate, screen and programme tests log no personal data at trace level") {
  CapturedLog log;
  // The capture works: a line the test writes itself is there.
  regularis::logger()->trace("privacy-test canary");

  const Programme br =
      load_programme_file(std::string(REGULARIS_SOURCE_DIR) + "/examples/programmes/br-2009.yaml");
  const Programme mx =
      load_programme_file(std::string(REGULARIS_SOURCE_DIR) + "/examples/programmes/mx-2015.yaml");
  EvaluationOptions options;
  options.as_of = Date::parse("2009-12-01").value();
  options.explain = true;

  ReadOptions strict;
  strict.strict = true;
  ReadResult one = read_application(read_file(data("application.json")), strict);
  REQUIRE(one.is_valid());
  Evaluation e = Engine{}.evaluate(br, one, options);
  CHECK(e.outcome == Outcome::eligible);
  std::vector<Evaluation> screened = Engine{}.screen({&br, &mx}, *one.facts, options);
  CHECK(screened.size() == 2);

  std::vector<Outcome> outcomes;
  BatchReader batch(data("batch.jsonl"), strict);
  batch.for_each(
      [&](ReadResult& r) { outcomes.push_back(Engine{}.evaluate(br, r, options).outcome); });
  CHECK(outcomes == std::vector<Outcome>{Outcome::eligible, Outcome::ineligible,
                                         Outcome::incomplete, Outcome::invalid});

  ProgrammeTestFile tests = load_programme_tests(data("br-2009-privacy.test.yaml"));
  REQUIRE(tests.ok());
  TestReport report = run_programme_tests(tests, br);
  CHECK(report.passed() == 2);
  CHECK(report.failed() == 1);

  const std::string captured = log.text();
  CHECK(captured.find("privacy-test canary") != std::string::npos);
  check_no_personal_data(captured);
}

#ifdef REGULARIS_CHECKER

namespace {

using regularis::test::Run;
using regularis::test::run_checker;

const std::string kBr = "examples/programmes/br-2009.yaml";

}  // namespace

TEST_CASE("the checker's stderr carries no personal data") {
  const std::vector<std::string> commands = {
      "check -p " + kBr + " --summary tests/privacy/data/batch.jsonl",
      "check -p " + kBr + " --format csv tests/privacy/data/batch.jsonl",
      "explain -p " + kBr + " --as-of 2009-12-01 tests/privacy/data/application.json",
      "test tests/privacy/data/br-2009-privacy.test.yaml",
      "screen --as-of 2009-12-01 tests/privacy/data/application.json",
      "checklist -p " + kBr + " --as-of 2009-12-01",
      "screen --as-of 2009-12-01 tests/privacy/data/invalid.json -p " + kBr,
  };
  for (const std::string& command : commands) {
    INFO(command);
    Run r = run_checker(command);
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.status >= 0);
    CHECK_FALSE((r.out.empty() && r.err.empty()));
    check_no_personal_data(r.err);
  }
  // An invalid application is reported on stderr by its field and the
  // offending value, not by the person's data.
  Run screen = run_checker("screen --as-of 2009-12-01 tests/privacy/data/invalid.json -p " + kBr);
  CHECK(screen.err.find("applicant.entry_date: error: 2008-02-30 is not a date") !=
        std::string::npos);
  check_no_personal_data(screen.err);
}

#endif
