// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Batches: splits a stream into records (JSON Lines, or the elements of a JSON
// array) in fixed-size chunks, keeping at most one record in memory (and none
// beyond the size limit), and hands each to a RecordReader that reuses its
// parser. Line numbers are counted as the stream goes by.
#include <cstring>
#include <fstream>
#include <istream>
#include <sstream>

#include "facts/record_reader.hpp"
#include "regularis/core/error.hpp"

namespace regularis {

namespace {
constexpr std::size_t kChunkSize = 64 * 1024;

bool is_blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
}  // namespace

struct BatchReader::Impl {
  enum class State { start, lines, first_element, next_element, after_array, unclosed, done };

  Impl(std::istream& stream, ReadOptions opts) : in(&stream), options(opts), reader(opts) {}

  std::istream* in;
  std::unique_ptr<std::ifstream> file;
  ReadOptions options;
  detail::RecordReader reader;
  std::vector<char> chunk = std::vector<char>(kChunkSize);
  std::size_t pos = 0;
  std::size_t len = 0;
  bool eof = false;
  std::size_t line = 1;  // line of the next character
  std::string record;    // the current record, then simdjson's padding
  State state = State::start;

  // The next character without taking it; false at the end of the stream.
  bool peek(char& c) {
    if (pos == len && !refill()) return false;
    c = chunk[pos];
    return true;
  }
  bool get(char& c) {
    if (!peek(c)) return false;
    ++pos;
    if (c == '\n') ++line;
    return true;
  }
  bool refill() {
    if (eof) return false;
    in->read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    if (in->bad()) throw IoError("io.read", "[io.read] reading a batch of applications failed");
    len = static_cast<std::size_t>(in->gcount());
    pos = 0;
    eof = len == 0;
    return !eof;
  }
  void skip_blanks() {
    char c = 0;
    while (peek(c) && is_blank(c)) get(c);
  }

  // Appends to the record unless it is already too large (then it is dropped).
  void keep(char c, bool& too_large) {
    if (too_large) return;
    if (record.size() >= options.max_record_bytes) {
      too_large = true;
      record.clear();
      record.shrink_to_fit();
      return;
    }
    record.push_back(c);
  }

  static ReadResult problem(std::string code, std::string message, std::size_t at_line) {
    ReadResult r;
    r.diagnostics.error_at_path(std::move(code), std::move(message), "");
    r.line = at_line;
    return r;
  }

  ReadResult finish(std::size_t start_line, bool too_large) {
    if (too_large) {
      return problem(
          "facts.record_too_large",
          "the record is longer than " + std::to_string(options.max_record_bytes) + " bytes",
          start_line);
    }
    std::size_t length = record.size();
    record.append(simdjson::SIMDJSON_PADDING, '\0');
    ReadResult r = reader.read(record.data(), length, record.size());
    r.line = start_line;
    return r;
  }

  bool next(ReadResult& out) {
    if (state == State::start) {
      char c = 0;
      if (peek(c) && len - pos >= 3 && std::memcmp(&chunk[pos], "\xEF\xBB\xBF", 3) == 0) pos += 3;
      skip_blanks();
      if (peek(c) && c == '[') {
        get(c);
        state = State::first_element;
      } else {
        state = State::lines;
      }
    }
    switch (state) {
      case State::lines:
        return next_line(out);
      case State::first_element:
      case State::next_element:
        return next_element(out);
      case State::after_array: {
        skip_blanks();
        char c = 0;
        state = State::done;
        if (!peek(c)) return false;
        out = problem("facts.syntax", "unexpected text after the array", line);
        return true;
      }
      case State::unclosed:
        state = State::done;
        out = problem("facts.syntax", "the array is not closed with ]", line);
        return true;
      default:
        return false;
    }
  }

  bool next_line(ReadResult& out) {
    char c = 0;
    while (peek(c)) {
      std::size_t start_line = line;
      bool too_large = false;
      bool blank = true;
      while (get(c) && c != '\n') {
        blank = blank && is_blank(c);
        keep(c, too_large);
      }
      if (!blank) {
        out = finish(start_line, too_large);
        record.clear();
        return true;
      }
      record.clear();
    }
    return false;
  }

  bool next_element(ReadResult& out) {
    skip_blanks();
    char c = 0;
    if (state == State::first_element && peek(c) && c == ']') {
      get(c);
      state = State::after_array;
      return next(out);
    }
    std::size_t start_line = line;
    bool too_large = false;
    bool in_string = false;
    bool escaped = false;
    int depth = 0;
    record.clear();
    state = State::unclosed;
    while (peek(c)) {
      if (in_string) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          in_string = false;
        }
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if ((c == '}' || c == ']') && depth > 0) {
        --depth;
      } else if (depth == 0 && (c == ',' || c == ']')) {
        get(c);
        state = c == ',' ? State::next_element : State::after_array;
        break;
      }
      get(c);
      keep(c, too_large);
    }
    if (state == State::unclosed && record.empty() && !too_large) return next(out);
    out = finish(start_line, too_large);
    record.clear();
    // An element cut off by the end of the input is the batch's one framing
    // error; "not closed" would report the same problem twice.
    if (state == State::unclosed && !out.is_valid()) state = State::done;
    return true;
  }
};

BatchReader::BatchReader(std::istream& in, ReadOptions options)
    : impl_(std::make_unique<Impl>(in, options)) {}

BatchReader::BatchReader(const std::string& path, ReadOptions options) {
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!file->is_open()) throw IoError("io.open", "[io.open] cannot open " + path);
  impl_ = std::make_unique<Impl>(*file, options);
  impl_->file = std::move(file);
}

BatchReader::~BatchReader() = default;
BatchReader::BatchReader(BatchReader&&) noexcept = default;
BatchReader& BatchReader::operator=(BatchReader&&) noexcept = default;

bool BatchReader::next(ReadResult& out) { return impl_->next(out); }

std::size_t BatchReader::for_each(const std::function<void(ReadResult&)>& on_record) {
  return detail::for_each_record(*this, on_record);
}

std::vector<ReadResult> read_batch(std::string_view text, const ReadOptions& options) {
  std::istringstream in{std::string(text)};
  BatchReader reader(in, options);
  std::vector<ReadResult> results;
  reader.for_each([&](ReadResult& r) { results.push_back(std::move(r)); });
  return results;
}

}  // namespace regularis
