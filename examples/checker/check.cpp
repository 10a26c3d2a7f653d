// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// `regularis check -p PROGRAMME [INPUT...]`: evaluates every record of JSON
// Lines, JSON array or CSV inputs (standard input when none or "-") against
// one programme, then prints the summary. Exit 0 when every record was valid,
// 1 when some were invalid, 2 on a usage or programme error or a bad CSV
// header; warnings never change it. `--input` says what the inputs hold, or
// (auto) each input's name and first line tell. `--strict` makes the reader
// warn about fields the format does not define (ReadOptions::strict; the
// batch fast path then steps aside); the warnings go into each result, or to
// standard error for CSV results. `--duplicates` keeps every id read and
// lists, after the summary, those given to more than one record.
//
// JSON Lines go through the batch path (regularis/engine/batch.hpp): the
// input is cut into chunks on line boundaries, `--jobs` threads evaluate
// chunks and format their results, and the results are written in input
// order with a bounded number of chunks in flight, so memory stays flat. A
// JSON array (BatchReader) or a CSV file (CsvReader) is read record by
// record on one thread.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <streambuf>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "output.hpp"
#include "regularis/core/error.hpp"
#include "regularis/engine/batch.hpp"
#include "regularis/engine/engine.hpp"
#include "regularis/facts/csv.hpp"
#include "regularis/facts/read.hpp"

namespace checker {

namespace {

constexpr std::size_t kChunkBytes = std::size_t{1} << 20;  // text per chunk, roughly

/// "regularis: 1200 records" on stderr, rewritten in place, only on a terminal.
class Progress {
 public:
  Progress() : enabled_(isatty(STDERR_FILENO) != 0) {}
  void tick(std::size_t records) {
    if (enabled_ && records / kEvery != shown_at_ / kEvery) {
      std::cerr << "\rregularis: " << records << " records" << std::flush;
      shown_ = true;
      shown_at_ = records;
    }
  }
  void clear() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  static constexpr std::size_t kEvery = 1000;
  bool enabled_;
  bool shown_ = false;
  std::size_t shown_at_ = 0;
};

bool is_blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Newlines in text[0, n), by memchr (fast on long lines).
std::size_t newlines(const char* text, std::size_t n) {
  std::size_t count = 0;
  const char* end = text + n;
  while (text < end) {
    const void* nl = std::memchr(text, '\n', static_cast<std::size_t>(end - text));
    if (nl == nullptr) break;
    ++count;
    text = static_cast<const char*>(nl) + 1;
  }
  return count;
}

/// A piece of one input: whole lines, or one line too long to keep.
struct Chunk {
  std::string text;  // the lines (the first `length` bytes), then at least kBatchPadding more
  std::size_t length = 0;
  std::size_t first_line = 1;
  bool too_large = false;  // one record longer than max_record_bytes, at first_line
  // results
  std::string out;
  std::string err;  // warning lines for standard error (CSV results)
  Summary summary;
  std::vector<std::pair<std::string, std::size_t>> ids;  // (id, line) a record each, if kept
  bool done = false;
};

/// Cuts a stream into chunks of whole lines, counting lines; a line longer
/// than the record limit is dropped and reported as a too-large chunk.
class Chunker {
 public:
  Chunker(std::istream& in, std::size_t max_record) : in_(in), max_record_(max_record) {}

  /// Bytes already read (the caller peeked at them) to hand out first.
  void unread(std::string bytes) { carry_ = std::move(bytes); }

  /// The next chunk into `c`; false at the end.
  bool next(Chunk& c) {
    c.length = 0;
    c.too_large = false;
    c.first_line = line_;
    c.out.clear();
    c.err.clear();
    c.summary = Summary();
    c.ids.clear();
    c.done = false;
    if (pending_too_large_) {
      pending_too_large_ = false;
      c.too_large = true;
      c.first_line = too_large_line_;
      return true;
    }
    // The chunk's buffer keeps its size from chunk to chunk: bytes are read
    // straight into it, never zeroed first; `used` of them are this chunk's.
    std::size_t used = carry_.size();
    reserve(c, used + kChunkBytes);
    std::memcpy(&c.text[0], carry_.data(), used);
    carry_.clear();
    // Only the bytes just read are searched for the last newline: a long line
    // is not scanned again with every block added to it.
    std::size_t last_newline = std::string_view(c.text.data(), used).rfind('\n');
    while (true) {
      if (last_newline != std::string::npos && used >= kChunkBytes) {
        return cut(c, used, last_newline + 1);
      }
      // The line in progress (after the last newline) may be too long.
      const std::size_t line_start = last_newline == std::string::npos ? 0 : last_newline + 1;
      if (used - line_start > max_record_) return drop_long_line(c, used, line_start);
      if (eof_) break;
      reserve(c, used + kChunkBytes);
      in_.read(&c.text[used], static_cast<std::streamsize>(kChunkBytes));
      if (in_.bad()) throw regularis::IoError("io.read", "reading failed");
      const auto got = static_cast<std::size_t>(in_.gcount());
      const std::size_t newline = std::string_view(c.text.data() + used, got).rfind('\n');
      if (newline != std::string::npos) last_newline = used + newline;
      used += got;
      if (got == 0) eof_ = true;
    }
    if (used == 0) return false;
    return cut(c, used, used);
  }

 private:
  // Room in the chunk's buffer for `n` bytes and the padding after them
  // (whatever they hold: the evaluator reads past a record, never uses it).
  static void reserve(Chunk& c, std::size_t n) {
    if (c.text.size() < n + regularis::kBatchPadding) c.text.resize(n + regularis::kBatchPadding);
  }

  // Keeps text[0, end) of the `used` bytes in the chunk and carries the rest over.
  bool cut(Chunk& c, std::size_t used, std::size_t end) {
    carry_.assign(c.text.data() + end, used - end);
    c.length = end;
    line_ += newlines(c.text.data(), end);
    return true;
  }

  // The line starting at `start` is longer than the limit: the lines before
  // it make this chunk (if any), then the long line is skipped to its end.
  bool drop_long_line(Chunk& c, std::size_t used, std::size_t start) {
    std::size_t long_line = line_ + newlines(c.text.data(), start);
    bool blank = std::all_of(c.text.data() + start, c.text.data() + used, is_blank);
    // Skip to the end of the long line a block at a time, read where the
    // line's bytes were (past this chunk's lines); what follows its newline
    // in the last block is carried over.
    bool ended = false;
    while (!ended) {
      reserve(c, start + kChunkBytes);
      char* block = &c.text[start];
      in_.read(block, static_cast<std::streamsize>(kChunkBytes));
      if (in_.bad()) throw regularis::IoError("io.read", "reading failed");
      const auto got = static_cast<std::size_t>(in_.gcount());
      if (got == 0) break;
      const void* newline = std::memchr(block, '\n', got);
      const std::size_t upto =
          newline != nullptr ? static_cast<std::size_t>(static_cast<const char*>(newline) - block)
                             : got;
      blank = blank && std::all_of(block, block + upto, is_blank);
      if (newline != nullptr) {
        ended = true;
        carry_.assign(block + upto + 1, got - upto - 1);
      }
    }
    if (!ended) eof_ = true;
    if (!blank) {
      pending_too_large_ = true;
      too_large_line_ = long_line;
    }
    line_ = long_line + (ended ? 1 : 0);
    if (start == 0) return next(c);  // the too-large record (or whatever follows a blank one)
    c.length = start;
    return true;
  }

  std::istream& in_;
  std::size_t max_record_;
  std::string carry_;
  std::size_t line_ = 1;
  bool eof_ = false;
  bool pending_too_large_ = false;
  std::size_t too_large_line_ = 0;
};

/// Adds one formatted result to `c`: its text (after a separator in the
/// json format), its problem lines (CSV, which has no room for them), its
/// counts, and its id and line when `keep_id`.
void append_result(Chunk& c, const RecordResult& result, Format format, bool keep_id) {
  if (keep_id) c.ids.emplace_back(result.id, result.line);
  if (format == Format::json) c.out.append(",\n");
  c.out.append(format_result(result, format));
  if (format == Format::csv) c.err.append(problem_lines(result));
  c.summary.add(result);
}

/// Evaluates the records of chunks and formats their results. One per thread.
class ChunkWorker {
 public:
  ChunkWorker(const regularis::BatchEvaluator& batch, Format format,
              const regularis::ReadOptions& read_options, bool explain, bool keep_ids)
      : batch_(batch),
        format_(format),
        explain_(explain),
        keep_ids_(keep_ids),
        read_options_(read_options),
        programme_field_("," + csv_field(batch.programme().id()) + ",") {}

  void run(Chunk& c) {
    fast_outcomes_.fill(0);
    fast_reasons_.clear();
    fast_other_programmes_.clear();
    if (c.too_large) {
      too_large(c, c.first_line);
      return;
    }
    std::size_t line = c.first_line;
    std::size_t pos = 0;
    while (pos < c.length) {
      const char* start = c.text.data() + pos;
      const void* nl = std::memchr(start, '\n', c.length - pos);
      const std::size_t end =
          nl != nullptr ? static_cast<std::size_t>(static_cast<const char*>(nl) - c.text.data())
                        : c.length;
      const std::string_view text(start, end - pos);
      pos = end + 1;
      const std::size_t this_line = line++;
      if (std::all_of(text.begin(), text.end(), is_blank)) continue;
      if (text.size() > read_options_.max_record_bytes) {
        too_large(c, this_line);
        continue;
      }
      batch_.evaluate(text, this_line, record_);
      if (!record_.fast) {
        write(c, make_result(record_.evaluation, record_.read));
      } else if (format_ == Format::csv) {
        fast_csv(c);
      } else if (format_ == Format::jsonl) {
        fast_jsonl(c);
      } else {
        batch_.materialize(record_, evaluation_);
        write(c, make_result(evaluation_, record_));
      }
    }
    for (std::size_t k = 0; k < fast_outcomes_.size(); ++k) {
      c.summary.add_outcome(regularis::to_string(static_cast<regularis::Outcome>(k)),
                            fast_outcomes_[k]);
    }
    for (const auto& [reason, count] : fast_reasons_) c.summary.add_reason(reason, count);
    for (const auto& [name, count] : fast_other_programmes_) {
      c.summary.add_other_programme(name, count);
    }
  }

 private:
  void fast_csv(Chunk& c) {
    append_csv_field(c.out, record_.id);
    c.out.append(programme_field_);  // ",<programme>,"
    c.out.append(regularis::to_string(record_.outcome));
    c.out.push_back(',');
    joined_.clear();
    for (std::size_t k = 0; k < record_.reasons.size(); ++k) {
      if (k != 0) joined_.push_back(';');
      joined_.append(record_.reasons[k]);
    }
    append_csv_field(c.out, joined_);
    c.out.push_back('\n');
    count_fast(c);
  }

  void fast_jsonl(Chunk& c) {
    fast_json_.append(c.out, record_, batch_);
    c.out.push_back('\n');
    count_fast(c);
  }

  // Counts a fast result for the summary (reasons by their stable address).
  void count_fast(Chunk& c) {
    if (keep_ids_) c.ids.emplace_back(record_.id, record_.line);
    ++fast_outcomes_[static_cast<std::size_t>(record_.outcome)];
    if (!record_.programme.empty() && record_.programme != batch_.programme().id()) {
      auto it = std::find_if(fast_other_programmes_.begin(), fast_other_programmes_.end(),
                             [&](const auto& p) { return p.first == record_.programme; });
      if (it == fast_other_programmes_.end()) {
        fast_other_programmes_.emplace_back(record_.programme, 1);
      } else {
        ++it->second;
      }
    }
    for (std::string_view reason : record_.reasons) {
      auto it = std::find_if(fast_reasons_.begin(), fast_reasons_.end(),
                             [&](const auto& p) { return p.first.data() == reason.data(); });
      if (it == fast_reasons_.end()) {
        fast_reasons_.emplace_back(reason, 1);
      } else {
        ++it->second;
      }
    }
  }

  // A record longer than the limit, reported as BatchReader reports it.
  void too_large(Chunk& c, std::size_t line) {
    regularis::ReadResult r;
    r.diagnostics.error_at_path(
        "facts.record_too_large",
        "the record is longer than " + std::to_string(read_options_.max_record_bytes) + " bytes",
        "");
    r.line = line;
    const regularis::Evaluation e = engine_.evaluate(batch_.programme(), r);
    write(c, make_result(e, r));
  }

  void write(Chunk& c, RecordResult result) {
    result.explained = explain_;
    append_result(c, result, format_, keep_ids_);
  }

  regularis::BatchEvaluator batch_;
  Format format_;
  bool explain_;
  bool keep_ids_;  // each record's id and line go into the chunk (check --duplicates)
  regularis::ReadOptions read_options_;
  regularis::Engine engine_;
  regularis::BatchRecord record_;
  regularis::Evaluation evaluation_;  // a fast record's, materialized
  FastResultJson fast_json_;
  std::string programme_field_;
  std::string joined_;
  std::array<std::size_t, 4> fast_outcomes_{};
  std::vector<std::pair<std::string_view, std::size_t>> fast_reasons_;
  // Fast records naming another programme, by that programme (mostly one).
  std::vector<std::pair<std::string, std::size_t>> fast_other_programmes_;
};

/// Ids given to more than one record (check --duplicates), over every input,
/// with where each such record is. Holds every distinct id once, with the
/// place of its first record: memory grows with the number of records.
class DuplicateIds {
 public:
  /// The records added next come from this input ("<stdin>" or a path).
  void start_input(const std::string& name) { inputs_.push_back(name); }
  void add(const std::string& id, std::size_t line) {
    if (id.empty()) return;  // no id to compare
    const Place here{inputs_.size() - 1, line};
    const auto [it, fresh] = seen_.try_emplace(id, Seen{here, kNotRepeated});
    if (fresh) return;
    Seen& seen = it->second;
    if (seen.repeat == kNotRepeated) {
      seen.repeat = repeats_.size();
      repeats_.push_back(Repeat{&it->first, {seen.first}});  // keys stay where they are
    }
    repeats_[seen.repeat].places.push_back(here);
  }
  /// "ids given to more than one record: 2", then a line an id with the
  /// places of its records (input:line), in the order the repeats were met.
  void print(std::ostream& out) const {
    out << "ids given to more than one record: " << repeats_.size() << '\n';
    for (const Repeat& r : repeats_) {
      out << "    " << terminal_text(*r.id) << ':';
      for (const Place& p : r.places)
        out << ' ' << terminal_text(inputs_[p.input]) << ':' << p.line;
      out << '\n';
    }
    out.flush();
  }

 private:
  static constexpr std::size_t kNotRepeated = static_cast<std::size_t>(-1);
  struct Place {
    std::size_t input;
    std::size_t line;
  };
  struct Seen {
    Place first;
    std::size_t repeat;  // index in repeats_, or kNotRepeated
  };
  struct Repeat {
    const std::string* id;  // a key of seen_
    std::vector<Place> places;
  };
  std::vector<std::string> inputs_;
  std::unordered_map<std::string, Seen> seen_;
  std::vector<Repeat> repeats_;  // in the order they were met
};

/// Writes formatted results (and the warnings CSV has no room for) in order
/// and keeps the summary (and, when given, the ids met more than once).
class Sink {
 public:
  Sink(std::ostream& out, std::ostream& err, Format format, Progress& progress,
       DuplicateIds* duplicates)
      : out_(out), err_(err), format_(format), progress_(progress), duplicates_(duplicates) {}
  void begin() {
    if (format_ == Format::csv) out_ << "id,programme,outcome,reasons\n";
    if (format_ == Format::json) out_ << '[';
  }
  void write(const Chunk& c) {
    std::string_view text = c.out;
    if (format_ == Format::json && !text.empty()) {
      if (!written_) text.remove_prefix(1);  // the first record: no comma
      written_ = true;
    }
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!c.err.empty()) {
      progress_.clear();
      err_.write(c.err.data(), static_cast<std::streamsize>(c.err.size()));
    }
    summary_.merge(c.summary);
    if (duplicates_ != nullptr) {
      for (const auto& [id, line] : c.ids) duplicates_->add(id, line);
    }
    progress_.tick(summary_.records());
  }
  /// Whether chunks must carry their records' ids.
  bool keeps_ids() const noexcept { return duplicates_ != nullptr; }
  void start_input(const std::string& name) {
    if (duplicates_ != nullptr) duplicates_->start_input(name);
  }
  void end() {
    if (format_ == Format::json) out_ << (written_ ? "\n]\n" : "]\n");
    out_.flush();
  }
  Summary& summary() { return summary_; }

 private:
  std::ostream& out_;
  std::ostream& err_;
  Format format_;
  Progress& progress_;
  DuplicateIds* duplicates_;  // null: ids not kept
  Summary summary_;
  bool written_ = false;
};

/// Runs chunks through `jobs` workers, writing them in order with at most
/// 2 * jobs chunks in flight (one chunk, read then written, for one job). With several jobs each
/// worker reads its own next chunk (one at a time, in input order), so the bytes it walks are the
/// ones just copied into its own core's cache; this thread only writes.
class Pipeline {
 public:
  Pipeline(const regularis::BatchEvaluator& batch, Format format,
           const regularis::ReadOptions& read_options, bool explain, unsigned jobs, Sink& sink)
      : sink_(sink), jobs_(std::max(1U, jobs)) {
    for (unsigned k = 0; k < jobs_; ++k) {
      workers_.push_back(
          std::make_unique<ChunkWorker>(batch, format, read_options, explain, sink.keeps_ids()));
    }
    for (unsigned k = 0; k < (jobs_ == 1 ? 1 : 2 * jobs_); ++k) {
      chunks_.push_back(std::make_unique<Chunk>());
      free_.push_back(chunks_.back().get());
    }
  }
  ~Pipeline() { stop(); }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  void run(Chunker& chunker) {
    if (jobs_ == 1) {
      Chunk& c = *chunks_.front();
      while (chunker.next(c)) {
        workers_[0]->run(c);
        sink_.write(c);
      }
      return;
    }
    chunker_ = &chunker;
    for (unsigned k = 0; k < jobs_; ++k) threads_.emplace_back([this, k] { work(k); });
    write_in_order();
    stop();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  // Writes chunks as they are done, in input order, until every chunk read
  // is written (or a worker failed).
  void write_in_order() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      done_.wait(lock, [&] {
        return failed_ || (!order_.empty() && order_.front()->done) || (ended_ && order_.empty());
      });
      if (failed_ || order_.empty()) return;
      Chunk* c = order_.front();
      order_.pop_front();
      lock.unlock();
      sink_.write(*c);
      lock.lock();
      free_.push_back(c);
      space_.notify_one();
    }
  }

  // Reads the next chunk (one reader at a time, so chunks keep input
  // order), evaluates it, and marks it done; until the input ends.
  void work(unsigned k) {
    try {
      while (Chunk* c = read_next()) {
        workers_[k]->run(*c);
        std::lock_guard<std::mutex> lock(mutex_);
        c->done = true;
        done_.notify_all();
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!error_) error_ = std::current_exception();
      failed_ = true;
      done_.notify_all();
      space_.notify_all();
    }
  }

  // The next chunk of input, queued for writing; null at the end. A read
  // error ends the input: what was read is still written, then it is thrown.
  Chunk* read_next() {
    std::lock_guard<std::mutex> reading(read_mutex_);
    Chunk* c = nullptr;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      space_.wait(lock, [&] { return stopping_ || failed_ || ended_ || !free_.empty(); });
      if (stopping_ || failed_ || ended_) return nullptr;
      c = free_.back();
      free_.pop_back();
    }
    bool more = false;
    std::exception_ptr error;
    try {
      more = chunker_->next(*c);
    } catch (...) {
      error = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    if (!more) {
      free_.push_back(c);
      if (error && !error_) error_ = error;
      ended_ = true;
      done_.notify_all();
      space_.notify_all();
      return nullptr;
    }
    order_.push_back(c);
    return c;
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    space_.notify_all();
    for (auto& t : threads_) t.join();
    threads_.clear();
  }

  Sink& sink_;
  unsigned jobs_;
  Chunker* chunker_ = nullptr;
  std::vector<std::unique_ptr<ChunkWorker>> workers_;
  std::vector<std::unique_ptr<Chunk>> chunks_;
  std::vector<std::thread> threads_;
  std::mutex read_mutex_;          // held by the one worker reading
  std::mutex mutex_;               // the rest
  std::condition_variable space_;  // a chunk is free (or the end)
  std::condition_variable done_;   // a chunk is done (or the end)
  std::vector<Chunk*> free_;
  std::deque<Chunk*> order_;  // read, not yet written, in input order
  bool ended_ = false;        // the input is read to its end
  bool failed_ = false;       // a worker threw: stop
  bool stopping_ = false;
  std::exception_ptr error_;
};

/// A stream that first gives back bytes already read, then the rest of `in`.
class Replay : public std::streambuf {
 public:
  Replay(std::string head, std::istream& in) : head_(std::move(head)), in_(in) {
    setg(head_.data(), head_.data(), head_.data() + head_.size());
  }

 protected:
  int_type underflow() override {
    in_.read(buffer_, sizeof buffer_);
    const auto got = in_.gcount();
    if (got <= 0) return traits_type::eof();
    setg(buffer_, buffer_, buffer_ + got);
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  std::string head_;
  std::istream& in_;
  char buffer_[1 << 16];
};

/// Evaluates records one at a time on this thread, as `next_record` gives
/// them (from a JSON array or a CSV file).
void check_records(const std::function<bool(regularis::ReadResult&)>& next_record,
                   const regularis::Programme& programme,
                   const regularis::EvaluationOptions& options, Format format, Sink& sink) {
  const regularis::Engine engine;
  regularis::ReadResult record;
  Chunk c;
  while (next_record(record)) {
    const regularis::Evaluation evaluation = engine.evaluate(programme, record, options);
    RecordResult result = make_result(evaluation, record);
    result.explained = options.explain;
    c.out.clear();
    c.err.clear();
    c.summary = Summary();
    c.ids.clear();
    append_result(c, result, format, sink.keeps_ids());
    sink.write(c);
  }
}

enum class InputKind { auto_detect, jsonl, json, csv };

std::optional<InputKind> parse_input_kind(std::string_view name) {
  if (name == "auto") return InputKind::auto_detect;
  if (name == "jsonl") return InputKind::jsonl;
  if (name == "json") return InputKind::json;
  if (name == "csv") return InputKind::csv;
  return std::nullopt;
}

/// One input: its stream, what it holds, the bytes already read from it to
/// tell (given back first) and, for CSV, its reader with the header read.
struct Input {
  std::string name;  // the path, or "<stdin>"
  std::istream* stream = nullptr;
  InputKind kind = InputKind::auto_detect;
  std::string head;
  std::unique_ptr<Replay> replay;
  std::unique_ptr<std::istream> replayed;
  std::unique_ptr<regularis::CsvReader> csv;

  std::istream& replayed_stream() {
    replay = std::make_unique<Replay>(head, *stream);
    replayed = std::make_unique<std::istream>(replay.get());
    return *replayed;
  }
};

constexpr std::size_t kMaxHeaderProbe =
    std::size_t{64} * 1024;  // a longer first line is not a CSV header

// Reads up to the first non-blank byte into `head`, dropping a byte order mark.
void read_to_first_non_blank(std::istream& in, std::string& head) {
  char ch = 0;
  bool bom_possible = true;
  while (in.get(ch)) {
    head.push_back(ch);
    if (bom_possible && head.size() <= 3 &&
        std::string_view("\xEF\xBB\xBF").substr(0, head.size()) == head) {
      if (head.size() == 3) {
        head.clear();
        bom_possible = false;
      }
      continue;
    }
    bom_possible = false;
    if (!is_blank(ch)) break;
  }
}

// Reads the rest of the line into `head`; false when it is longer than the probe.
bool read_rest_of_line(std::istream& in, std::string& head) {
  char ch = 0;
  auto line_ended = [&] { return !head.empty() && head.back() == '\n'; };
  while (!line_ended() && head.size() < kMaxHeaderProbe && in.get(ch)) head.push_back(ch);
  return line_ended() || !in;
}

bool is_csv_header(const std::string& text) {
  std::istringstream in(text);
  regularis::CsvReader probe(in, "");
  return !probe.header().has_errors();
}

bool ends_with_csv(const std::string& name) {
  if (name.size() < 4) return false;
  std::string suffix = name.substr(name.size() - 4);
  std::transform(suffix.begin(), suffix.end(), suffix.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return suffix == ".csv";
}

/// Reads the start of an input to tell what it holds, unless `kind` says: a
/// *.csv file is CSV; a first non-blank `{` is JSON Lines, unless it is
/// alone on its line (one pretty-printed application: JSON), `[` a JSON
/// array; anything else is CSV when its first line is a header of known fact
/// paths, else JSON Lines (so that a broken first record is reported as
/// one). The head of a CSV input is its whole first line, for the header's
/// carets.
void detect(Input& input, InputKind kind) {
  std::istream& in = *input.stream;
  read_to_first_non_blank(in, input.head);
  if (in.bad()) throw regularis::IoError("io.read", "reading failed");
  const char first = input.head.empty() ? '\0' : input.head.back();
  if (kind == InputKind::auto_detect) {
    if (ends_with_csv(input.name)) {
      kind = InputKind::csv;
    } else if (first == '{') {
      const std::size_t brace = input.head.size() - 1;
      read_rest_of_line(in, input.head);
      if (in.bad()) throw regularis::IoError("io.read", "reading failed");
      const bool alone = input.head.find_first_not_of(" \t\r\n", brace + 1) == std::string::npos;
      kind = alone ? InputKind::json : InputKind::jsonl;
    } else if (first == '\0') {
      kind = InputKind::jsonl;
    } else if (first == '[') {
      kind = InputKind::json;
    }
  }
  if (kind == InputKind::auto_detect || kind == InputKind::csv) {
    const bool whole_line = read_rest_of_line(in, input.head);
    if (in.bad()) throw regularis::IoError("io.read", "reading failed");
    if (kind == InputKind::auto_detect) {
      kind = whole_line && is_csv_header(input.head) ? InputKind::csv : InputKind::jsonl;
    }
  }
  input.kind = kind;
  in.clear(in.rdstate() & ~std::ios::failbit & ~std::ios::eofbit);
}

char first_non_blank(const std::string& head) {
  const std::size_t at = head.find_first_not_of(" \t\r\n");
  return at == std::string::npos ? '\0' : head[at];
}

/// The whole input as one application (a JSON object written over several
/// lines), when it is one: its text, at most max_record_bytes, read as one
/// JSON document. Nothing when it is not (longer, or not JSON as a whole: a
/// first JSON Lines record cut short before good ones), and then every byte
/// read is left in `input.head` to be read as JSON Lines, so no record is lost.
std::optional<regularis::ReadResult> read_one_object(Input& input,
                                                     const regularis::ReadOptions& options) {
  std::string& text = input.head;
  std::istream& in = *input.stream;
  char buffer[64 * 1024];
  while (text.size() <= options.max_record_bytes && in.read(buffer, sizeof buffer).gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw regularis::IoError("io.read", "reading failed");
  in.clear(in.rdstate() & ~std::ios::failbit & ~std::ios::eofbit);
  if (text.size() > options.max_record_bytes) return std::nullopt;
  regularis::ReadResult r = regularis::read_application(text, options);
  for (const regularis::Diagnostic& d : r.diagnostics) {
    if (d.code == "facts.syntax") return std::nullopt;
  }
  // The line where the object starts (blank lines may come first).
  const std::size_t brace = text.find('{');
  r.line = static_cast<std::size_t>(
      std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(brace), '\n') + 1);
  return r;
}

/// Reads a CSV input's header; prints its problems, each with the header
/// line and a caret, and returns false when it has errors.
bool read_csv_header(Input& input, const regularis::ReadOptions& read_options, std::ostream& err) {
  input.csv =
      std::make_unique<regularis::CsvReader>(input.replayed_stream(), input.name, read_options);
  const regularis::Diagnostics& problems = input.csv->header();
  if (!problems.has_errors()) return true;
  for (const regularis::Diagnostic& d : problems) err << regularis::render(d, input.head);
  err << "regularis: " << input.name << ": " << problems.size()
      << (problems.size() == 1 ? " error" : " errors") << " in the CSV header, nothing read\n";
  return false;
}

}  // namespace

int run_check(const CheckOptions& options) {
  const std::optional<Format> format = parse_format(options.format);
  if (!format) {
    std::cerr << "regularis: unknown format " << options.format << '\n';
    return kExitUsage;
  }
  const std::optional<InputKind> input_kind = parse_input_kind(options.input);
  if (!input_kind) {
    std::cerr << "regularis: unknown input format " << options.input << '\n';
    return kExitUsage;
  }
  bool as_of_ok = true;
  const std::optional<regularis::Date> as_of = parse_as_of(options.as_of, as_of_ok, std::cerr);
  if (!as_of_ok) return kExitUsage;

  const std::optional<regularis::Programme> programme =
      load_programme_reporting(options.programme, std::cerr);
  if (!programme) return kExitUsage;

  // Open every input, and read the header of every CSV, before writing
  // anything, so a wrong path or a bad header writes nothing.
  std::vector<std::string> names = options.inputs;
  if (names.empty()) names.push_back("-");
  std::vector<std::unique_ptr<std::ifstream>> files;
  std::vector<Input> inputs;
  bool stdin_used = false;
  for (const std::string& name : names) {
    Input input;
    if (name == "-") {
      if (stdin_used) continue;
      stdin_used = true;
      input.name = "<stdin>";
      input.stream = &std::cin;
    } else {
      auto file = std::make_unique<std::ifstream>();
      if (!open_input_file(name, *file, std::cerr)) return kExitUsage;
      input.name = name;
      input.stream = file.get();
      files.push_back(std::move(file));
    }
    inputs.push_back(std::move(input));
  }
  regularis::ReadOptions read_options;
  read_options.strict = options.strict;
  const Input* reading = nullptr;  // named in a read error
  try {
    for (Input& input : inputs) {
      reading = &input;
      detect(input, *input_kind);
      if (input.kind == InputKind::csv && !read_csv_header(input, read_options, std::cerr)) {
        return kExitUsage;
      }
    }
  } catch (const regularis::IoError& e) {
    std::cerr << "regularis: cannot read " << reading->name << " [" << e.code() << "]\n";
    return kExitUsage;
  }

  regularis::EvaluationOptions evaluation_options;
  evaluation_options.as_of = as_of;
  evaluation_options.language = options.language;
  // Explanations (each criterion's values) are built only when asked for:
  // --explain, or the formats meant to be read (text, json).
  const bool explain = options.explain || *format == Format::text || *format == Format::json;
  evaluation_options.explain = explain;
  const regularis::BatchEvaluator batch(*programme, evaluation_options, read_options);
  unsigned jobs = options.jobs;
  if (jobs == 0) jobs = std::max(1U, std::thread::hardware_concurrency());

  Progress progress;
  DuplicateIds duplicates;
  Sink sink(std::cout, std::cerr, *format, progress, options.duplicates ? &duplicates : nullptr);
  sink.begin();
  try {
    for (Input& input : inputs) {
      reading = &input;
      sink.start_input(input.name);
      if (input.kind == InputKind::json && first_non_blank(input.head) == '{') {
        if (std::optional<regularis::ReadResult> one = read_one_object(input, read_options)) {
          bool read = false;
          check_records(
              [&](regularis::ReadResult& r) {
                if (read) return false;
                read = true;
                r = std::move(*one);
                return true;
              },
              *programme, evaluation_options, *format, sink);
          continue;
        }
        input.kind = InputKind::jsonl;  // not one object: JSON Lines after all
      }
      if (input.kind == InputKind::jsonl) {
        Chunker chunker(*input.stream, read_options.max_record_bytes);
        chunker.unread(std::move(input.head));
        Pipeline pipeline(batch, *format, read_options, explain, jobs, sink);
        pipeline.run(chunker);
        continue;
      }
      if (input.kind == InputKind::json) {
        regularis::BatchReader array(input.replayed_stream(), read_options);
        check_records([&](regularis::ReadResult& r) { return array.next(r); }, *programme,
                      evaluation_options, *format, sink);
      } else {
        check_records([&](regularis::ReadResult& r) { return input.csv->next(r); }, *programme,
                      evaluation_options, *format, sink);
      }
    }
  } catch (const regularis::IoError& e) {
    progress.clear();
    std::cerr << "regularis: cannot read " << reading->name << " [" << e.code() << "]\n";
    return kExitUsage;
  }
  sink.end();
  progress.clear();
  std::ostream& summary_out = *format == Format::text ? std::cout : std::cerr;
  if (options.summary) sink.summary().print(summary_out);
  if (options.duplicates) duplicates.print(summary_out);
  return sink.summary().invalid() > 0 ? kExitInvalidRecords : kExitOk;
}

}  // namespace checker
