// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The yardstick for `regularis check`: a bare simdjson On-Demand pass over a
// JSON Lines file that touches every value of every record (strings
// unescaped, numbers' text, booleans, nulls) and nothing else, reading the
// file in 1 MiB chunks on line boundaries as the checker does, built with
// the same flags as the library. Prints records and records/s on stdout.
//
//     bench_bare_simdjson apps.jsonl
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include "jsonl_lines.hpp"

namespace od = simdjson::ondemand;

namespace {

std::size_t touched = 0;  // keeps the work observable

bool walk(od::value v) {
  od::json_type t{};
  if (v.type().get(t) != simdjson::SUCCESS) return false;
  switch (t) {
    case od::json_type::object: {
      od::object o;
      if (v.get_object().get(o) != simdjson::SUCCESS) return false;
      for (auto field : o) {
        od::field f;
        if (std::move(field).get(f) != simdjson::SUCCESS) return false;
        touched += f.key().raw() != nullptr ? 1U : 0U;
        if (!walk(f.value())) return false;
      }
      return true;
    }
    case od::json_type::array: {
      od::array a;
      if (v.get_array().get(a) != simdjson::SUCCESS) return false;
      for (auto item : a) {
        od::value e;
        if (std::move(item).get(e) != simdjson::SUCCESS || !walk(e)) return false;
      }
      return true;
    }
    case od::json_type::string: {
      std::string_view s;
      if (v.get_string().get(s) != simdjson::SUCCESS) return false;
      touched += s.size();
      return true;
    }
    case od::json_type::number:
      touched += v.raw_json_token().size();
      return true;
    case od::json_type::boolean: {
      bool b = false;
      if (v.get_bool().get(b) != simdjson::SUCCESS) return false;
      touched += b ? 1U : 0U;
      return true;
    }
    case od::json_type::null:
      return v.is_null();
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  std::ifstream in;
  if (!bench::open_input(argc, argv, "bench_bare_simdjson", in)) return 2;
  const auto start = std::chrono::steady_clock::now();
  od::parser parser;
  std::size_t records = 0, bad = 0;
  bench::for_each_line(in, [&](const char* line, std::size_t n) {
    od::document doc;
    od::value root;
    if (parser.iterate(line, n, n + simdjson::SIMDJSON_PADDING).get(doc) != simdjson::SUCCESS ||
        doc.get_value().get(root) != simdjson::SUCCESS || !walk(root)) {
      ++bad;
    }
    ++records;
  });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("records %zu bad %zu seconds %.3f records_per_s %.0f touched %zu\n", records, bad,
              seconds, static_cast<double>(records) / seconds, touched);
  return bad == 0 ? 0 : 1;
}
