// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// RecordReader: turns the text of one record into a ReadResult, walking the
// JSON with simdjson On-Demand and checking it against the standard schema in
// the same pass. It keeps its parser (and the parser's buffers) between
// records. Also what the batch readers share: for_each_record and the
// chunked input they read through (ChunkedInput). Private to the facts module.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <simdjson.h>

#include "regularis/core/error.hpp"
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

/// A stream read in chunks, through which the batch readers (JSON and CSV)
/// read: when a reader cuts a broken record short, read_again() puts the
/// text after the cut before the rest of the input. How much may be read
/// again is bounded (may_read_again): in all, no more than the input read so
/// far plus one record's limit, so that time stays linear in the input's
/// size. Lines and columns are the readers' own.
class ChunkedInput {
 public:
  ChunkedInput(std::istream& in, std::size_t max_record_bytes, const char* what)
      : in_(in), limit_(max_record_bytes), what_(what) {}

  /// The next character without taking it; false at the end of the input.
  bool peek(char& c) {
    if (pos_ == len_ && !refill()) return false;
    c = buffer_[pos_];
    return true;
  }
  /// The characters at hand from the next one on (at least one after a
  /// successful peek), and taking `n` of them.
  const char* here() const noexcept { return buffer_ + pos_; }
  std::size_t at_hand() const noexcept { return len_ - pos_; }
  void take(std::size_t n = 1) noexcept { pos_ += n; }

  /// Whether `bytes` more may be read again; spends them when so.
  bool may_read_again(std::size_t bytes) {
    const std::size_t budget = read_ > SIZE_MAX - limit_ ? SIZE_MAX : read_ + limit_;
    if (bytes > budget || spent_ > budget - bytes) return false;
    spent_ += bytes;
    return true;
  }
  /// Reads `text` next, then what was to be read.
  void read_again(std::string text) {
    if (replaying()) {
      text.append(again_, pos_, std::string::npos);
    } else {
      chunk_pos_ = pos_;
      chunk_len_ = len_;
    }
    again_ = std::move(text);
    buffer_ = again_.data();
    pos_ = 0;
    len_ = again_.size();
  }

 private:
  static constexpr std::size_t kChunkSize = std::size_t{1} << 16;

  bool replaying() const noexcept { return buffer_ != chunk_.data(); }
  bool refill() {
    if (replaying()) {  // back to the rest of the chunk
      buffer_ = chunk_.data();
      pos_ = chunk_pos_;
      len_ = chunk_len_;
      again_.clear();
      again_.shrink_to_fit();
      if (pos_ < len_) return true;
    }
    if (eof_) return false;
    in_.read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
    if (in_.bad()) throw IoError("io.read", std::string("reading ") + what_ + " failed");
    len_ = static_cast<std::size_t>(in_.gcount());
    pos_ = 0;
    read_ += len_;
    eof_ = len_ == 0;
    return !eof_;
  }

  std::istream& in_;
  std::size_t limit_;
  const char* what_;  // "a CSV batch", for the error
  std::vector<char> chunk_ = std::vector<char>(kChunkSize);
  // The text being read: the chunk, or text read again before the rest of it.
  const char* buffer_ = chunk_.data();
  std::size_t pos_ = 0;
  std::size_t len_ = 0;
  bool eof_ = false;
  std::string again_;
  std::size_t chunk_pos_ = 0;  // where the chunk goes on after `again_`
  std::size_t chunk_len_ = 0;
  std::size_t read_ = 0;   // bytes read from the stream so far
  std::size_t spent_ = 0;  // bytes given to read_again so far
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
