// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// A baseline for issue 8, not library code: what a hand-written loop over
// simdjson costs when it checks nothing the rules do not read. Written from
// shared/bench/WORKLOAD.md alone, it reads a JSON Lines file exactly as
// bench_bare_simdjson does (1 MiB chunks on line boundaries), pulls out with
// On-Demand only the fields the core criteria r01-r08 read, in the order the
// workload's records keep them, evaluates the criteria in plain C++ (dates as
// ISO strings, the registration payments as integer cents) and writes the
// header and one CSV line per record to stdout, byte for byte what `regularis
// check -p bench/core.yaml --format csv --no-summary` prints. Records,
// records/s and the time go to stderr.
//
//     bench_handwritten_core apps.jsonl > results.csv
#include <simdjson.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "jsonl_lines.hpp"

namespace od = simdjson::ondemand;
using namespace std::string_view_literals;  // keys and constants known at compile time

namespace {

// The fields r01-r08 read, and what is derived from the arrays.
struct CoreRecord {
  std::string_view id;
  std::string_view filed_at;
  std::string_view date_of_birth;
  std::string_view entry_date;
  bool brazilian = false;
  bool pending_proceedings = true;
  bool no_convictions = false;
  bool proof_of_entry = false;
  std::int64_t paid_cents = 0;
  bool waived = false;
  bool no_criminal_record = false;
};

// "64.58" -> 6458: a decimal string with at most two decimals, exactly.
bool parse_cents(std::string_view s, std::int64_t& cents) {
  std::size_t i = 0;
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) ++i;
  std::int64_t units = 0;
  const std::size_t first_digit = i;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) units = units * 10 + (s[i] - '0');
  if (i == first_digit) return false;
  std::int64_t fraction = 0;
  int decimals = 0;
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9' && decimals < 2; ++i, ++decimals) {
      fraction = fraction * 10 + (s[i] - '0');
    }
    if (decimals == 0) return false;
  }
  if (i != s.size()) return false;
  if (decimals == 1) fraction *= 10;
  cents = units * 100 + fraction;
  if (negative) cents = -cents;
  return true;
}

bool read_record(od::document& doc, CoreRecord& r) {
  if (doc.find_field("id"sv).get_string().get(r.id) != simdjson::SUCCESS ||
      doc.find_field("filed_at"sv).get_string().get(r.filed_at) != simdjson::SUCCESS) {
    return false;
  }
  od::object applicant;
  if (doc.find_field("applicant"sv).get_object().get(applicant) != simdjson::SUCCESS ||
      applicant.find_field("date_of_birth"sv).get_string().get(r.date_of_birth) !=
          simdjson::SUCCESS) {
    return false;
  }
  od::array nationalities;
  if (applicant.find_field("nationalities"sv).get_array().get(nationalities) != simdjson::SUCCESS) {
    return false;
  }
  for (auto item : nationalities) {
    std::string_view code;
    if (item.get_string().get(code) != simdjson::SUCCESS) return false;
    r.brazilian |= code == "BR"sv;
  }
  od::object criminal;
  od::array convictions;
  if (applicant.find_field("entry_date"sv).get_string().get(r.entry_date) != simdjson::SUCCESS ||
      applicant.find_field("criminal"sv).get_object().get(criminal) != simdjson::SUCCESS ||
      criminal.find_field("pending_proceedings"sv).get_bool().get(r.pending_proceedings) !=
          simdjson::SUCCESS ||
      criminal.find_field("convictions"sv).get_array().get(convictions) != simdjson::SUCCESS) {
    return false;
  }
  bool empty = false;
  if (convictions.is_empty().get(empty) != simdjson::SUCCESS) return false;
  r.no_convictions = empty;

  od::array documents;
  if (doc.find_field("documents"sv).get_array().get(documents) != simdjson::SUCCESS) return false;
  for (auto item : documents) {
    od::object d;
    std::string_view type;
    if (item.get_object().get(d) != simdjson::SUCCESS ||
        d.find_field("type"sv).get_string().get(type) != simdjson::SUCCESS) {
      return false;
    }
    r.proof_of_entry |= type == "proof_of_entry"sv;
  }

  od::array payments;
  if (doc.find_field("payments"sv).get_array().get(payments) != simdjson::SUCCESS) return false;
  for (auto item : payments) {
    od::object p;
    std::string_view fee, amount, currency;
    if (item.get_object().get(p) != simdjson::SUCCESS ||
        p.find_field("fee"sv).get_string().get(fee) != simdjson::SUCCESS ||
        p.find_field("amount"sv).get_string().get(amount) != simdjson::SUCCESS ||
        p.find_field("currency"sv).get_string().get(currency) != simdjson::SUCCESS) {
      return false;
    }
    if (fee != "registration"sv || currency != "BRL"sv) continue;
    std::int64_t cents = 0;
    if (!parse_cents(amount, cents)) return false;
    r.paid_cents += cents;
  }

  od::array waivers;
  if (doc.find_field("waivers"sv).get_array().get(waivers) != simdjson::SUCCESS) return false;
  for (auto item : waivers) {
    od::object w;
    std::string_view fee;
    bool granted = false;
    if (item.get_object().get(w) != simdjson::SUCCESS ||
        w.find_field("fee"sv).get_string().get(fee) != simdjson::SUCCESS ||
        w.find_field("granted"sv).get_bool().get(granted) != simdjson::SUCCESS) {
      return false;
    }
    r.waived |= fee == "registration"sv && granted;
  }

  od::object declarations;
  return doc.find_field("declarations"sv).get_object().get(declarations) == simdjson::SUCCESS &&
         declarations.find_field("no_criminal_record"sv).get_bool().get(r.no_criminal_record) ==
             simdjson::SUCCESS;
}

// r01-r08 of WORKLOAD.md; ISO dates compare as strings.
void write_result(const CoreRecord& r, std::string& out) {
  const std::string_view f = r.filed_at;
  const bool met[8] = {
      r.entry_date < "2009-02-01"sv,               // r01
      f >= "2009-07-03"sv && f <= "2009-12-31"sv,  // r02
      r.paid_cents >= 6458 || r.waived,            // r03
      r.no_criminal_record,                        // r04
      !r.pending_proceedings && r.no_convictions,  // r05
      r.proof_of_entry,                            // r06
      !r.brazilian,                                // r07
      r.date_of_birth <= f,                        // r08
  };
  bool eligible = true;
  for (bool m : met) eligible &= m;
  out.append(r.id);
  out.append(eligible ? ",bench-core,eligible,"sv : ",bench-core,ineligible,"sv);
  bool first = true;
  for (int k = 0; k < 8; ++k) {
    if (met[k]) continue;
    if (!first) out.push_back(';');
    first = false;
    out.append("r0"sv);
    out.push_back(static_cast<char>('1' + k));
    out.append(".not_met"sv);
  }
  out.push_back('\n');
}

}  // namespace

int main(int argc, char** argv) {
  std::ifstream in;
  if (!bench::open_input(argc, argv, "bench_handwritten_core", in)) return 2;
  const auto start = std::chrono::steady_clock::now();
  constexpr std::size_t kFlush = std::size_t{1} << 20;
  od::parser parser;
  std::string out;
  out.reserve(kFlush + 4096);
  out.append("id,programme,outcome,reasons\n");  // the checker's CSV header
  std::size_t records = 0, bad = 0;
  bench::for_each_line(in, [&](const char* line, std::size_t n) {
    od::document doc;
    CoreRecord record;
    if (parser.iterate(line, n, n + simdjson::SIMDJSON_PADDING).get(doc) != simdjson::SUCCESS ||
        !read_record(doc, record)) {
      ++bad;
    } else {
      write_result(record, out);
      if (out.size() >= kFlush) {
        std::fwrite(out.data(), 1, out.size(), stdout);
        out.clear();
      }
    }
    ++records;
  });
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "records %zu bad %zu seconds %.3f records_per_s %.0f\n", records, bad,
               seconds, static_cast<double>(records) / seconds);
  return bad == 0 ? 0 : 1;
}
