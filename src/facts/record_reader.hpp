// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// RecordReader: turns the text of one record into a ReadResult, walking the
// JSON with simdjson On-Demand and checking it against the standard schema in
// the same pass. It keeps its parser (and the parser's buffers) between
// records. Also what the batch readers share: for_each_record and the budget
// for text they read again. Private to the facts module.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

#include <simdjson.h>

#include "regularis/facts/read.hpp"

namespace regularis::detail {

/// The for_each of the batch readers: calls `on_record` for every record
/// the reader's next() gives; returns how many.
template <typename Reader>
std::size_t for_each_record(Reader& reader, const std::function<void(ReadResult&)>& on_record) {
  std::size_t count = 0;
  ReadResult r;
  while (reader.next(r)) {
    on_record(r);
    ++count;
  }
  return count;
}

/// How much text a batch reader may read again after cutting a broken record
/// short: in all, no more than the input read so far plus one record's limit,
/// so that time stays linear in the input's size.
class ReplayBudget {
 public:
  explicit ReplayBudget(std::size_t max_record_bytes) : limit_(max_record_bytes) {}

  /// Spends `bytes` when `input_bytes` have been read; false (spending
  /// nothing) when that would go over.
  bool spend(std::size_t bytes, std::size_t input_bytes) {
    const std::size_t budget = input_bytes > SIZE_MAX - limit_ ? SIZE_MAX : input_bytes + limit_;
    if (bytes > budget || spent_ > budget - bytes) return false;
    spent_ += bytes;
    return true;
  }

 private:
  std::size_t limit_;
  std::size_t spent_ = 0;
};

class RecordReader {
 public:
  explicit RecordReader(const ReadOptions& options) : options_(options) {}

  /// Reads `length` bytes at `data`; the buffer must extend to `capacity`
  /// with at least simdjson::SIMDJSON_PADDING bytes past `length`.
  ReadResult read(const char* data, std::size_t length, std::size_t capacity);
  /// Copies `text` into a padded buffer, then reads it.
  ReadResult read(std::string_view text);

 private:
  static Facts make_facts(FactValue root) { return Facts(std::move(root)); }

  ReadOptions options_;
  simdjson::ondemand::parser parser_;
  std::string scratch_;
};

/// Removes a UTF-8 byte order mark at the start of `text`.
std::string_view strip_bom(std::string_view text) noexcept;

}  // namespace regularis::detail
