// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Batches: splits a stream into records (JSON Lines, or the elements of a JSON
// array) in fixed-size chunks, keeping at most one record in memory (and none
// beyond the size limit), and hands each to a RecordReader that reuses its
// parser. Line numbers and columns are counted as the stream goes by.
//
// An array element that never closes (a string or a bracket left open) must
// not swallow the rest of the batch. JSON strings never span lines, so a
// string still open at the end of its line is closed there and the element
// is known to be broken. A later line of the element whose first non-blank
// characters are `{`, `,{` or `]`, at a column no further right than the
// element's own start, is where the next element may start (a resync point):
// when JSON cannot have `{` or `]` there, the element ends before it; when
// JSON could (an item of a list), it is kept in mind, and the element is cut
// there only if it never closes: at the end of the input, or once it runs on
// for max_record_bytes past that point. The text from a resync point is then
// read again (bounded by max_record_bytes, and in all by the input's size
// plus max_record_bytes, so time stays linear); records after a broken one
// read exactly as if it were absent. When no resync point exists, the broken
// record says how much of the input was not read.
#include <cstdint>
#include <cstring>
#include <fstream>
#include <istream>
#include <sstream>

#include "core/file.hpp"
#include "facts/record_reader.hpp"
#include "regularis/core/error.hpp"

namespace regularis {

namespace {
// Open brackets of an element remembered to tell an object from a list at a
// resync point; deeper ones are only counted (the record reader refuses
// nesting past 256 anyway).
constexpr std::size_t kMaxTrackedDepth = 1024;

bool is_blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string at(std::size_t line, std::size_t column) {
  return std::to_string(line) + ":" + std::to_string(column);
}

Diagnostic error_at(std::string code, std::string message, std::size_t line, std::size_t column) {
  return Diagnostic{Severity::error, std::move(code), std::move(message),
                    SourceLocation{"", static_cast<int>(line), static_cast<int>(column)}, ""};
}
}  // namespace

struct BatchReader::Impl {
  enum class State { start, lines, element_or_end, next_element, after_array, unclosed, done };

  Impl(std::istream& stream, ReadOptions opts)
      : options(opts),
        reader(opts),
        input(stream, opts.max_record_bytes, "a batch of applications") {}

  std::unique_ptr<std::ifstream> file;
  ReadOptions options;
  detail::RecordReader reader;
  detail::ChunkedInput input;
  std::size_t line = 1;    // of the next character
  std::size_t column = 1;  // of the next character, in bytes
  std::size_t offset = 0;  // bytes taken before the next character
  std::string record;      // the current record, then simdjson's padding
  State state = State::start;
  // Where a comma is missing before the element being read (line 0: none).
  std::size_t comma_line = 0;
  std::size_t comma_column = 0;

  // The next character without taking it; false at the end of the stream.
  bool peek(char& c) { return input.peek(c); }
  bool get(char& c) {
    if (!peek(c)) return false;
    input.take();
    ++offset;
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    return true;
  }
  void skip_blanks() {
    char c = 0;
    while (peek(c) && is_blank(c)) get(c);
  }
  // The line of the last character taken (at least one was).
  std::size_t last_line() const noexcept { return column == 1 && line > 1 ? line - 1 : line; }

  // Appends to the record unless it is already too large (then it is dropped).
  void keep(char c, bool& too_large) {
    if (too_large) return;
    if (record.size() >= options.max_record_bytes) {
      too_large = true;
      drop_record();
      return;
    }
    record.push_back(c);
  }
  void drop_record() {
    record.clear();
    record.shrink_to_fit();
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

  // "the input from here to its end (N bytes, lines A to B) was not read",
  // for text from `line_from`:`column_from` (`from` bytes in) to the end.
  Diagnostic not_read(std::size_t line_from, std::size_t column_from, std::size_t from,
                      const std::string& why) const {
    const std::size_t to = last_line();
    std::string lines = line_from == to
                            ? "line " + std::to_string(to)
                            : "lines " + std::to_string(line_from) + " to " + std::to_string(to);
    const std::size_t bytes = offset - from;
    return error_at("facts.not_read",
                    "the input from here to its end (" + std::to_string(bytes) +
                        (bytes == 1 ? " byte, " : " bytes, ") + lines + ") was not read" + why,
                    line_from, column_from);
  }

  bool next(ReadResult& out) {
    if (state == State::start) {
      char c = 0;
      if (peek(c) && input.at_hand() >= 3 && std::memcmp(input.here(), "\xEF\xBB\xBF", 3) == 0)
        input.take(3);
      skip_blanks();
      if (peek(c) && c == '[') {
        get(c);
        state = State::element_or_end;
      } else {
        state = State::lines;
      }
    }
    switch (state) {
      case State::lines:
        return next_line(out);
      case State::element_or_end:
      case State::next_element: {
        const std::size_t missing_line = std::exchange(comma_line, 0);
        const std::size_t missing_column = comma_column;
        const bool read = next_element(out);
        return after_missing_comma(read, out, missing_line, missing_column);
      }
      case State::after_array:
        return after_array(out);
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

  // Text after the closing `]`: one invalid result, saying how much of it
  // was not read.
  bool after_array(ReadResult& out) {
    skip_blanks();
    state = State::done;
    char c = 0;
    if (!peek(c)) return false;
    const std::size_t from_line = line;
    const std::size_t from_column = column;
    const std::size_t from = offset;
    while (get(c)) {
    }
    out = ReadResult();
    out.line = from_line;
    out.diagnostics.add(
        error_at("facts.syntax", "unexpected text after the array", from_line, from_column));
    out.diagnostics.add(not_read(from_line, from_column, from, ""));
    return true;
  }

  // One array element as it is scanned.
  struct Element {
    std::size_t line = 0;  // where it starts
    std::size_t column = 0;
    std::size_t offset = 0;
    std::size_t depth = 0;
    std::string open;  // its open brackets, innermost last, up to kMaxTrackedDepth
    bool in_string = false;
    bool escaped = false;
    char last = 0;                // the last non-blank character outside strings ('"' for a string)
    std::size_t string_line = 0;  // where the string being read opened
    std::size_t string_column = 0;
    std::size_t broken_line = 0;  // where the first string that ran to the end of its line opened
    std::size_t broken_column = 0;
    enum class LineStart { indent, comma, body } line_start = LineStart::body;
    bool too_large = false;
    // The first place where the next element may start, kept in case this
    // one never closes; the record holds the text from there on.
    bool has_resync = false;
    std::size_t resync_at = 0;  // in the record
    std::size_t resync_line = 0;
    std::size_t resync_column = 0;
    std::size_t resync_offset = 0;
  };

  enum class Resync { no, maybe, yes };

  // At `c`, the first non-blank character of a line of an open element
  // (after an optional comma): whether the next element may start there,
  // and whether it must because JSON cannot have `c` there.
  Resync resync_point(const Element& e, char c) const {
    if ((c != '{' && c != ']') || e.depth == 0 || column > e.column) return Resync::no;
    if (e.depth > kMaxTrackedDepth) return Resync::maybe;
    const bool in_object = e.open.back() == '{';
    const bool valid = c == '{' ? (in_object ? e.last == ':' : e.last == '[' || e.last == ',')
                                : !in_object && e.last != ',';
    return valid ? Resync::maybe : Resync::yes;
  }

  bool may_replay(std::size_t bytes) { return input.may_read_again(bytes); }

  // Takes the next character `c` (peeked) into the element. False, without
  // taking it, when the element must be cut at its resync point because it
  // runs on for more than max_record_bytes past it.
  bool take(Element& e, char c) {
    const std::size_t limit = options.max_record_bytes;
    if (!e.too_large && record.size() < limit) {  // the usual case
      get(c);
      record.push_back(c);
      return true;
    }
    if (!e.too_large) {
      e.too_large = true;
      if (e.has_resync) {
        record.erase(0, e.resync_at);
        e.resync_at = 0;
      } else {
        drop_record();
      }
    }
    // Too large: the record keeps the text from the resync point, if any.
    if (e.has_resync && record.size() >= limit) {
      if (may_replay(record.size())) return false;
      e.has_resync = false;
      drop_record();
    }
    get(c);
    if (e.has_resync) record.push_back(c);
    return true;
  }

  // Takes at once the characters of a string up to the next quote,
  // backslash or line end that are in the buffer at hand, when the record
  // keeps them all or none; false when there are none to take so.
  bool take_string_run(const Element& e) {
    const bool all = !e.too_large;
    if (!all && e.has_resync) return false;
    const char* p = input.here();
    const std::size_t available = input.at_hand();
    std::size_t n = 0;
    while (n < available && p[n] != '"' && p[n] != '\\' && p[n] != '\n') ++n;
    if (n == 0 || (all && n > options.max_record_bytes - record.size())) return false;
    if (all) record.append(p, n);
    input.take(n);
    offset += n;
    column += n;
    return true;
  }

  bool next_element(ReadResult& out) {
    skip_blanks();
    char c = 0;
    if (state == State::element_or_end && peek(c) && c == ']') {
      get(c);
      state = State::after_array;
      return next(out);
    }
    Element e;
    e.line = line;
    e.column = column;
    e.offset = offset;
    record.clear();
    state = State::unclosed;
    while (peek(c)) {
      if (e.in_string && !e.escaped && take_string_run(e)) continue;
      if (e.in_string && c != '\n') {
        if (e.escaped) {
          e.escaped = false;
        } else if (c == '\\') {
          e.escaped = true;
        } else if (c == '"') {
          e.in_string = false;
        }
        if (!take(e, c)) return cut_at_resync(e, out);
        continue;
      }
      if (e.in_string) {  // JSON strings never span lines: this one is not closed
        e.in_string = false;
        e.escaped = false;
        if (e.broken_line == 0) {
          e.broken_line = e.string_line;
          e.broken_column = e.string_column;
        }
      }
      if (e.line_start != Element::LineStart::body && !is_blank(c)) {
        if (c == ',' && e.line_start == Element::LineStart::indent) {
          e.line_start = Element::LineStart::comma;
        } else {
          e.line_start = Element::LineStart::body;
          const Resync r = resync_point(e, c);
          if (r == Resync::yes) return broken_before_here(e, out);
          if (r == Resync::maybe && !e.has_resync) {
            e.has_resync = true;
            if (e.too_large) record.clear();
            e.resync_at = record.size();
            e.resync_line = line;
            e.resync_column = column;
            e.resync_offset = offset;
          }
        }
      }
      if (c == '\n') {
        e.line_start = Element::LineStart::indent;
      } else if (c == '"') {
        e.in_string = true;
        e.string_line = line;
        e.string_column = column;
      } else if (e.depth == 0 && (c == '{' || c == '[') && (e.last == '}' || e.last == ']')) {
        // A second value with no comma before it: this element ends with the
        // first, and the next one, starting here, says what is missing.
        comma_line = line;
        comma_column = column;
        state = State::next_element;
        out = delimited(e);
        return true;
      } else if (c == '{' || c == '[') {
        if (e.depth < kMaxTrackedDepth) e.open.push_back(c);
        ++e.depth;
      } else if ((c == '}' || c == ']') && e.depth > 0) {
        if (e.depth <= kMaxTrackedDepth) e.open.pop_back();
        --e.depth;
      } else if (e.depth == 0 && (c == ',' || c == ']')) {
        get(c);
        state = c == ',' ? State::next_element : State::after_array;
        out = delimited(e);
        return true;
      }
      if (!is_blank(c)) e.last = c;
      if (!take(e, c)) return cut_at_resync(e, out);
    }
    return at_input_end(e, out);
  }

  // The element read after a missing comma is invalid, whatever it holds:
  // the array around it is not JSON. It keeps its id and programme.
  bool after_missing_comma(bool read, ReadResult& out, std::size_t missing_line,
                           std::size_t missing_column) {
    if (!read || missing_line == 0) return read;
    out.facts.reset();
    out.diagnostics.add(error_at("facts.syntax", "a comma is missing before this record",
                                 missing_line, missing_column));
    return true;
  }

  // An element that ended (at `,`, `]`, or the end of the input, outside
  // any bracket) as JSON would have it.
  ReadResult delimited(const Element& e) {
    ReadResult r = finish(e.line, e.too_large);
    record.clear();
    if (e.broken_line != 0 && !e.too_large) {
      r.facts.reset();
      r.diagnostics = Diagnostics();
      r.diagnostics.add(error_at("facts.syntax", unpaired_quote(e), e.line, e.column));
    }
    return r;
  }

  // The broken element's result: its id and programme when its text was
  // kept and they can be found, and why it is not closed.
  ReadResult broken(const Element& e, const std::string& why) {
    ReadResult r;
    if (!e.too_large && !record.empty()) {
      ReadResult names = finish(e.line, false);
      r.id = std::move(names.id);
      r.programme = std::move(names.programme);
    }
    record.clear();
    r.line = e.line;
    r.diagnostics.add(
        error_at("facts.syntax", "the record is not closed: " + why, e.line, e.column));
    return r;
  }

  // An odd number of quotes on a line: which one is unpaired cannot be
  // known, the one read as opening the string that runs on can.
  static std::string unpaired_quote(const Element& e) {
    return "a quote is unpaired on line " + std::to_string(e.broken_line) +
           " (the string opened at " + at(e.broken_line, e.broken_column) + " runs to its end)";
  }

  // Why the element is not closed, when the next one starts at line `resume`.
  static std::string why_cut(const Element& e, std::size_t resume) {
    const std::string there = std::to_string(resume);
    if (e.broken_line != 0 && e.broken_line < resume) {
      return unpaired_quote(e) + "; reading resumes at line " + there;
    }
    return "a { or [ in it is still open at line " + there + ", where reading resumes";
  }

  // Why the element is not closed when the input ends inside it.
  static std::string why_unfinished(const Element& e) {
    if (e.broken_line != 0) return unpaired_quote(e);
    if (e.in_string) {
      return "the string opened at " + at(e.string_line, e.string_column) +
             " is cut off by the end of the input";
    }
    return "a { or [ in it is still open at the end of the input";
  }

  // Ends the element before the current character, where the next one starts.
  bool broken_before_here(const Element& e, ReadResult& out) {
    state = State::element_or_end;
    out = broken(e, why_cut(e, line));
    return true;
  }

  // Ends the element at its resync point; the text from there is read again.
  bool cut_at_resync(const Element& e, ReadResult& out) {
    input.read_again(record.substr(e.resync_at));
    record.resize(e.resync_at);
    line = e.resync_line;
    column = e.resync_column;
    offset = e.resync_offset;
    state = State::element_or_end;
    out = broken(e, why_cut(e, e.resync_line));
    return true;
  }

  bool at_input_end(const Element& e, ReadResult& out) {
    if (e.depth == 0 && !e.in_string) {
      if (record.empty() && !e.too_large) return next(out);
      out = delimited(e);
      // An element cut off by the end of the input is the batch's one framing
      // error; "not closed" would report the same problem twice.
      if (!out.is_valid()) state = State::done;
      return true;
    }
    if (e.has_resync && may_replay(record.size() - e.resync_at)) return cut_at_resync(e, out);
    const bool had_resync = e.has_resync;
    out = broken(e, why_unfinished(e));
    out.diagnostics.add(not_read(e.line, e.column, e.offset,
                                 had_resync ? "" : ": no later line starts a new record"));
    state = State::done;
    return true;
  }
};

BatchReader::BatchReader(std::istream& in, ReadOptions options)
    : impl_(std::make_unique<Impl>(in, options)) {}

BatchReader::BatchReader(const std::string& path, ReadOptions options) {
  auto file = detail::open_file(path);
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
