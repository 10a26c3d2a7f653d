// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Helpers every command shares: reading files, loading a programme with all
// its diagnostics printed (source line and caret), reading --as-of, and the
// wording of a filing window.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "regularis/core/error.hpp"
#include "regularis/programme/load.hpp"

namespace checker {

bool open_input_file(const std::string& path, std::ifstream& in, std::ostream& err) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    err << "regularis: cannot read " << path << ": it is a directory\n";
    return false;
  }
  errno = 0;
  in.open(path, std::ios::binary);
  if (!in.is_open()) {
    err << "regularis: cannot open " << path;
    if (errno != 0) err << ": " << std::strerror(errno);
    err << '\n';
    return false;
  }
  return true;
}

bool read_text_file(const std::string& path, std::string& text, std::ostream& err) {
  std::ifstream in;
  if (!open_input_file(path, in, err)) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    err << "regularis: cannot read " << path << '\n';
    return false;
  }
  text = buffer.str();
  return true;
}

std::optional<regularis::Programme> load_programme_reporting(const std::string& path,
                                                             std::ostream& err) {
  std::string text;
  if (!read_text_file(path, text, err)) return std::nullopt;
  try {
    return regularis::load_programme_text(text, path);
  } catch (const regularis::ProgrammeError& e) {
    std::size_t errors = 0;
    for (const regularis::Diagnostic& d : e.diagnostics()) {
      err << regularis::render(d, text);
      if (d.severity == regularis::Severity::error) ++errors;
    }
    err << "regularis: " << path << ": " << errors << (errors == 1 ? " error" : " errors")
        << ", not loaded\n";
    return std::nullopt;
  }
}

std::optional<regularis::Date> parse_as_of(const std::string& text, bool& ok, std::ostream& err) {
  ok = true;
  if (text.empty()) return std::nullopt;
  auto date = regularis::Date::parse(text);
  if (!date) {
    err << "regularis: --as-of: " << date.error() << '\n';
    ok = false;
    return std::nullopt;
  }
  return *date;
}

namespace {

std::string end_of_window(const std::optional<regularis::Date>& date,
                          const std::optional<regularis::TimeOfDay>& time) {
  if (!date) return "?";
  std::string s = date->to_string();
  if (time) s += " " + time->to_string();
  return s;
}

}  // namespace

std::string window_dates(const regularis::Window& window) {
  if (!window.opens && !window.closes) {
    return window.per_applicant ? "per applicant" : "no window";
  }
  return end_of_window(window.opens, window.opens_at) + ".." +
         end_of_window(window.closes, window.closes_at);
}

std::string window_rule(const regularis::Window& window) {
  std::string s;
  if (window.rule) {
    s = "published " + window.rule->published.to_string() + ", within " +
        window.rule->within.to_string() + ", day 1 = " +
        (window.rule->counting == regularis::Counting::exclude_first_day
             ? "the day after publication"
             : "the day of publication");
  }
  if (window.closes_as_stated) {
    if (!s.empty()) s += "; ";
    s += "the stated last day " + window.closes_as_stated->to_string() +
         " is not a business day: moved";
  }
  if (window.per_applicant) {
    if (!s.empty()) s += "; ";
    s += "per applicant: " + window.per_applicant->text;
  }
  return s;
}

}  // namespace checker
