// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Logging: the default logger, replacing it (a host's ostream sink captures
// what the library logs), the level, and silence.
#include <catch2/catch.hpp>

#include <sstream>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "core/log_internal.hpp"
#include "regularis/log.hpp"

namespace {

struct Capture {
  std::ostringstream out;
  std::shared_ptr<spdlog::logger> logger;
  Capture() {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
    sink->set_pattern("%l %n %v");
    logger = std::make_shared<spdlog::logger>("regularis", sink);
    logger->set_level(spdlog::level::info);
  }
};

// Leaves the library with a fresh default logger after each test.
struct Restore {
  ~Restore() {
    regularis::set_logger(nullptr);
    regularis::set_log_level(regularis::LogLevel::warn);
  }
};

}  // namespace

TEST_CASE("the default logger is named regularis at level warn", "[logging]") {
  auto l = regularis::logger();
  REQUIRE(l);
  CHECK(l->name() == "regularis");
  CHECK(l.get() == &regularis::detail::log());
  CHECK(spdlog::get("regularis") == nullptr);  // not in the global registry
}

TEST_CASE("a replaced logger captures what the library logs", "[logging]") {
  Restore restore;
  Capture capture;
  regularis::set_logger(capture.logger);
  CHECK(regularis::logger() == capture.logger);
  regularis::detail::log().info("case {} filed", "BR-2009-000042");
  regularis::detail::log().debug("not shown");
  capture.logger->flush();
  CHECK(capture.out.str() == "info regularis case BR-2009-000042 filed\n");

  regularis::set_log_level(regularis::LogLevel::debug);
  regularis::detail::log().debug("now shown");
  CHECK(capture.out.str() ==
        "info regularis case BR-2009-000042 filed\ndebug regularis now shown\n");
}

TEST_CASE("set_log_level(off) silences the logger", "[logging]") {
  Restore restore;
  Capture capture;
  regularis::set_logger(capture.logger);
  regularis::set_log_level(regularis::LogLevel::off);
  regularis::detail::log().error("dropped");
  regularis::detail::log().critical("dropped too");
  CHECK(capture.out.str().empty());
  regularis::set_log_level(regularis::LogLevel::error);
  regularis::detail::log().warn("below error");
  regularis::detail::log().error("kept");
  CHECK(capture.out.str() == "error regularis kept\n");
}

TEST_CASE("set_logger(nullptr) installs a logger that drops everything", "[logging]") {
  Restore restore;
  Capture capture;
  regularis::set_logger(capture.logger);
  regularis::set_logger(nullptr);
  auto silent = regularis::logger();
  REQUIRE(silent);
  CHECK(silent != capture.logger);
  CHECK(silent->name() == "regularis");
  regularis::detail::log().error("dropped");
  CHECK(capture.out.str().empty());
  CHECK_FALSE(silent->should_log(spdlog::level::critical));
}
