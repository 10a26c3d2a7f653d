// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The library's one logger, "regularis": created on first use (stderr,
// colour when a terminal, level warn), replaceable by the host, silenced by
// a level or by a null sink. It is not registered in spdlog's global registry,
// so a host's own "regularis" logger never clashes with it.
#include <mutex>
#include <utility>
#include <vector>

#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "core/log_internal.hpp"
#include "regularis/log.hpp"

namespace regularis {
namespace {

struct LoggerSlot {
  std::mutex mutex;
  std::shared_ptr<spdlog::logger> current;
  // Replaced loggers stay alive: detail::log() hands out references that
  // another thread may still be using. set_logger() is rare, so this is small.
  std::vector<std::shared_ptr<spdlog::logger>> retired;
};

LoggerSlot& slot() {
  static LoggerSlot s;
  return s;
}

std::shared_ptr<spdlog::logger> make_default() {
  auto l = std::make_shared<spdlog::logger>(
      "regularis", std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  l->set_level(spdlog::level::warn);
  return l;
}

// The current logger, created on first use; the caller holds the mutex.
std::shared_ptr<spdlog::logger>& current_locked(LoggerSlot& s) {
  if (!s.current) s.current = make_default();
  return s.current;
}

spdlog::level::level_enum to_spdlog(LogLevel level) noexcept {
  switch (level) {
    case LogLevel::trace:
      return spdlog::level::trace;
    case LogLevel::debug:
      return spdlog::level::debug;
    case LogLevel::info:
      return spdlog::level::info;
    case LogLevel::warn:
      return spdlog::level::warn;
    case LogLevel::error:
      return spdlog::level::err;
    case LogLevel::off:
      return spdlog::level::off;
  }
  return spdlog::level::warn;
}

}  // namespace

std::shared_ptr<spdlog::logger> logger() {
  LoggerSlot& s = slot();
  std::lock_guard<std::mutex> lock(s.mutex);
  return current_locked(s);
}

void set_logger(std::shared_ptr<spdlog::logger> logger) {
  if (!logger) {
    logger = std::make_shared<spdlog::logger>("regularis",
                                              std::make_shared<spdlog::sinks::null_sink_mt>());
    logger->set_level(spdlog::level::off);
  }
  LoggerSlot& s = slot();
  std::lock_guard<std::mutex> lock(s.mutex);
  if (s.current) s.retired.push_back(std::move(s.current));
  s.current = std::move(logger);
}

void set_log_level(LogLevel level) {
  LoggerSlot& s = slot();
  std::lock_guard<std::mutex> lock(s.mutex);
  current_locked(s)->set_level(to_spdlog(level));
}

namespace detail {

spdlog::logger& log() {
  LoggerSlot& s = slot();
  std::lock_guard<std::mutex> lock(s.mutex);
  return *current_locked(s);
}

}  // namespace detail
}  // namespace regularis
