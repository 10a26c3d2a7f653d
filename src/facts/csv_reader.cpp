// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// CSV batches (csv.hpp): RowScanner cuts the stream into rows of cells (RFC
// 4180), noting where each cell starts, and ends a row whose quote is never
// closed with its first line, reading its later lines again as rows of their
// own; the header row becomes Columns checked against the standard schema;
// each data row becomes a JSON record (nlohmann-json) read by the ordinary
// RecordReader, and its diagnostics are pointed back from JSON paths to the
// columns and cells they came from.
#include <algorithm>
#include <fstream>
#include <istream>
#include <map>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/file.hpp"
#include "core/text.hpp"
#include "facts/record_reader.hpp"
#include "regularis/core/decimal.hpp"
#include "regularis/core/error.hpp"
#include "regularis/facts/csv.hpp"
#include "regularis/facts/schema.hpp"

namespace regularis {

namespace {

using Json = nlohmann::ordered_json;

// `"text"` with control bytes escaped (std::quoted would be found for std::string).
std::string in_quotes(std::string_view text) { return detail::quoted(text); }

constexpr std::size_t kMaxColumns = 10000;
constexpr std::string_view kFormat = "regularis.application/1";

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

SourceLocation at(const std::string& source, std::size_t line, std::size_t column) {
  return {source, static_cast<int>(line), static_cast<int>(column)};
}

// --- Rows -----------------------------------------------------------------

struct Cell {
  std::string text;
  std::size_t line = 0;
  std::size_t column = 0;
};

/// One row as scanned. `cells` holds at most max_cells + 1 cells, the last of
/// them (when there are more) only for its place.
struct Row {
  std::vector<Cell> cells;
  std::size_t cell_count = 0;
  std::size_t line = 0;
  bool has_text = false;  // any byte but white space and separators
  bool too_large = false;
  Diagnostics problems;  // facts.csv_syntax, facts.not_read

  bool is_blank() const { return !has_text && problems.empty(); }
};

/// Cuts a stream into rows of cells, reading it in chunks and counting lines
/// and byte columns; keeps no more than `max_row_bytes` of a row.
///
/// A quote that is never closed must not swallow the rest of the input. While
/// a row runs on past its first line (inside a quoted cell), the text after
/// that line is kept, up to `max_row_bytes` of it. When the input ends inside
/// a quoted cell, or the cell is still open with `max_row_bytes` kept, the row
/// ends with its first line and the kept text is read again as the rows that
/// follow (within ChunkedInput's budget; past it, the rest is reported not
/// read). So too when the quote closes on a later line with text after it
/// (a stray quote that a later one seemed to close).
class RowScanner {
 public:
  RowScanner(std::istream& in, const std::string& source, std::size_t max_row_bytes)
      : input_(in, max_row_bytes, "a CSV batch"), source_(source), max_row_bytes_(max_row_bytes) {}

  /// The next row that is not blank into `row`; false at the end.
  bool next(Row& row, std::size_t max_cells) {
    if (at_start_) skip_bom();
    char c = 0;
    while (peek(c)) {
      row = Row();
      row.line = line_;
      later_lines_.reset();
      scan(row, max_cells);
      if (!row.is_blank()) return true;
    }
    return false;
  }

 private:
  enum class QuoteEnd { closed, input_end, too_far };

  /// A row's text after its first line, kept while it fits max_row_bytes.
  struct LaterLines {
    bool started = false;  // the row's first line has ended
    bool kept = true;      // `text` holds all of it
    std::size_t line = 0;  // where it starts
    std::size_t offset = 0;
    std::string text;

    bool is_full(std::size_t limit) const { return started && kept && text.size() >= limit; }
    void take(char c, std::size_t limit) {
      if (!started || !kept) return;
      if (text.size() < limit) {
        text.push_back(c);
      } else {
        drop();
      }
    }
    void reset() {
      started = false;
      kept = true;
      text.clear();
    }
    void drop() {
      kept = false;
      text.clear();
      text.shrink_to_fit();
    }
  };

  void skip_bom() {
    at_start_ = false;
    char c = 0;
    if (peek(c) && input_.at_hand() >= 3 && std::string_view(input_.here(), 3) == "\xEF\xBB\xBF") {
      input_.take(3);
    }
  }
  bool peek(char& c) { return input_.peek(c); }
  bool get(char& c) {
    if (!peek(c)) return false;
    input_.take();
    ++offset_;
    ++row_bytes_;
    later_lines_.take(c, max_row_bytes_);
    if (c == '\n') {
      ++line_;
      column_ = 1;
      if (!later_lines_.started) {
        later_lines_.started = true;
        later_lines_.line = line_;
        later_lines_.offset = offset_;
      }
    } else {
      ++column_;
    }
    return true;
  }
  // Reads the current row's later lines next, then what was to be read.
  void read_later_lines_again() {
    input_.read_again(std::move(later_lines_.text));
    line_ = later_lines_.line;
    column_ = 1;
    offset_ = later_lines_.offset;
    later_lines_.reset();
  }
  bool may_read_again() {
    return later_lines_.kept && input_.may_read_again(later_lines_.text.size());
  }

  void scan(Row& row, std::size_t max_cells) {
    row_bytes_ = 0;
    bool more = true;
    while (more) {
      Cell cell;
      cell.line = line_;
      cell.column = column_;
      ++row.cell_count;
      const bool keep_text = row.cell_count <= max_cells;
      auto keep = [&](char c) {
        row.has_text = row.has_text || !is_space(c);
        if (row.too_large) return;
        if (row_bytes_ > max_row_bytes_) {
          row.too_large = true;
          row.cells.clear();
          row.cells.shrink_to_fit();
          cell.text.clear();
          cell.text.shrink_to_fit();
        } else if (keep_text) {
          cell.text.push_back(c);
        }
      };
      char c = 0;
      bool after_quote = false;
      if (peek(c) && c == '"') {
        get(c);
        const QuoteEnd end = quoted_text(keep);
        if (end != QuoteEnd::closed) return end_with_first_line(row, cell, end);
        if (later_lines_.started && text_follows() && may_read_again()) {
          return end_at_stray_quote(row, cell);
        }
        after_quote = true;
      }
      more = rest_of_cell(row, keep, after_quote);
      if (!row.too_large && row.cell_count <= max_cells + 1) row.cells.push_back(std::move(cell));
    }
  }

  // Reads a quoted cell's text after its opening quote, to its closing quote
  // or the end of the input; or until the row's later lines fill what is
  // kept of them, when they may be read again.
  template <class Keep>
  QuoteEnd quoted_text(Keep& keep) {
    char c = 0;
    bool doubled = false;  // this quote is the second of `""`
    while (true) {
      if (later_lines_.is_full(max_row_bytes_)) {
        if (may_read_again()) return QuoteEnd::too_far;
        later_lines_.drop();
      }
      if (!get(c)) return QuoteEnd::input_end;
      if (c == '"' && !doubled) {
        if (!peek(c) || c != '"') return QuoteEnd::closed;
        doubled = true;
        continue;
      }
      doubled = false;
      keep(c);
    }
  }

  // Ends the row with its first line: the quote opened at `cell` is not
  // closed. The row's later lines are read again as rows of their own, or
  // reported not read.
  void end_with_first_line(Row& row, const Cell& cell, QuoteEnd end) {
    const std::string where = end == QuoteEnd::too_far
                                  ? "within " + std::to_string(max_row_bytes_) +
                                        " bytes after line " + std::to_string(row.line)
                                  : std::string("before the end of the input");
    row.problems.error("facts.csv_syntax",
                       "the quote opened here is not closed " + where +
                           "; the row ends with line " + std::to_string(row.line),
                       at(source_, cell.line, cell.column));
    if (!later_lines_.started) return;
    if (end == QuoteEnd::too_far || may_read_again()) return read_later_lines_again();
    const std::size_t last = column_ == 1 ? line_ - 1 : line_;
    const std::size_t bytes = offset_ - later_lines_.offset;
    const std::string lines =
        last == later_lines_.line
            ? "line " + std::to_string(last)
            : "lines " + std::to_string(later_lines_.line) + " to " + std::to_string(last);
    row.problems.error("facts.not_read",
                       "the input from here to its end (" + std::to_string(bytes) +
                           (bytes == 1 ? " byte, " : " bytes, ") + lines +
                           ") was not read: it is more than may be read again",
                       at(source_, later_lines_.line, 1));
  }

  // Whether text, not the end of the cell, follows a closing quote.
  bool text_follows() {
    char c = 0;
    return peek(c) && c != ',' && c != '\n' && c != '\r';
  }

  // A quote that closes on a later line with text after it was a stray
  // quote, not a cell spanning lines (which would end at its closing
  // quote): the row ends with its first line, and its later lines are read
  // again as the rows they were meant to be.
  void end_at_stray_quote(Row& row, const Cell& cell) {
    row.problems.error("facts.csv_syntax",
                       "the quote opened here closes only on line " + std::to_string(line_) +
                           ", with text after it: a stray quote; the row ends with line " +
                           std::to_string(row.line),
                       at(source_, cell.line, cell.column));
    read_later_lines_again();
  }

  // Reads up to the cell's end; true when a comma says another cell follows.
  // After a closing quote only the end of the cell may follow.
  template <class Keep>
  bool rest_of_cell(Row& row, Keep& keep, bool after_quote) {
    char c = 0;
    bool reported = false;
    while (true) {
      const std::size_t line = line_;
      const std::size_t column = column_;
      if (!get(c)) return false;
      if (c == ',') return true;
      if (c == '\n') return false;
      char after = 0;
      if (c == '\r' && peek(after) && after == '\n') {
        get(after);
        return false;
      }
      if (!after_quote) {
        keep(c);
      } else if (!reported) {
        row.problems.error("facts.csv_syntax", "text after the closing quote of a cell",
                           at(source_, line, column));
        reported = true;
      }
    }
  }

  detail::ChunkedInput input_;
  const std::string& source_;
  std::size_t max_row_bytes_;
  bool at_start_ = true;
  std::size_t line_ = 1;    // of the next byte
  std::size_t column_ = 1;  // of the next byte
  std::size_t offset_ = 0;  // of the next byte
  std::size_t row_bytes_ = 0;
  LaterLines later_lines_;
};

// --- Columns --------------------------------------------------------------

using Step = DataStep;

/// One header cell that names a fact.
struct Column {
  std::string name;  // as written, spaces around it trimmed
  std::vector<Step> steps;
  std::string path;  // the steps written out: "documents[0].type"

  const SchemaNode* node = nullptr;  // the schema of its cells
  std::size_t line = 0;
  std::size_t column = 0;
};

/// The first `n` steps written out; without the last one's index when
/// `last_index` is false: "documents[0].type", "documents".
std::string written(const std::vector<Step>& steps, std::size_t n, bool last_index = true) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) s += '.';
    s += steps[i].key;
    if (steps[i].index && (last_index || i + 1 < n)) {
      s += '[' + std::to_string(*steps[i].index) + ']';
    }
  }
  return s;
}

/// Splits "documents[0].type" into steps; "" on success, else why not.
std::string parse_steps(std::string_view name, std::vector<Step>& steps) {
  if (name.empty()) return "the column has no name";
  auto parsed = parse_data_path(name);
  if (!parsed) return parsed.error();
  steps = std::move(parsed).value();
  return {};
}

/// The schema of a key below `node`: a field of an object, the value of a
/// map, anything below `any`; null when it has none.
const SchemaNode* child(const SchemaNode& node, const std::string& key) {
  switch (node.type) {
    case FieldType::object:
      return node.field(key);
    case FieldType::map:
      return node.element.get();
    case FieldType::any:
      return &node;
    default:
      return nullptr;
  }
}

bool is_object_list(const SchemaNode& node) {
  return node.type == FieldType::list && node.element->type == FieldType::object;
}

/// Finds the schema of a column's cells; on failure adds why.
void resolve(Column& column, Diagnostics& problems, const std::string& source) {
  auto bad = [&](const char* code, std::string message) {
    problems.error(code, std::move(message), at(source, column.line, column.column));
  };
  const SchemaNode* node = &Schema::standard().root();
  for (std::size_t i = 0; i < column.steps.size(); ++i) {
    const Step& step = column.steps[i];
    const SchemaNode* next = child(*node, step.key);
    if (next == nullptr && is_object_list(*node)) {
      return bad("facts.csv_bad_column", in_quotes(column.name) + ": " +
                                             in_quotes(written(column.steps, i)) +
                                             " is a list; name an element with an index, like " +
                                             written(column.steps, i) + "[0]." + step.key);
    }
    if (next == nullptr) {
      // Suggest a whole column name: the steps so far and a field here.
      const std::string prefix = i == 0 ? std::string() : written(column.steps, i) + ".";
      std::vector<std::string> paths;
      for (const SchemaField& f : node->fields) paths.push_back(prefix + f.name);
      const std::vector<std::string_view> names(paths.begin(), paths.end());
      return bad("facts.csv_unknown_column", in_quotes(column.name) +
                                                 " is not a fact of the application format" +
                                                 detail::did_you_mean(column.name, names));
    }
    node = next;
    if (!step.index) continue;
    if (!is_object_list(*node)) {
      return bad("facts.csv_bad_column", in_quotes(column.name) + ": " +
                                             in_quotes(written(column.steps, i + 1, false)) +
                                             " is not a list of objects, so it takes no index");
    }
    node = node->element.get();
  }
  if (node->type == FieldType::object || node->type == FieldType::map) {
    return bad("facts.csv_bad_column",
               in_quotes(column.name) + " names an object; name one of its fields, like " +
                   column.name + "." +
                   (node->fields.empty() ? std::string("name") : node->fields.front().name));
  }
  column.node = node;
}

/// The header row as columns, with every problem of the header in the order
/// of its cells.
std::vector<Column> read_columns(const Row& row, const std::string& source, Diagnostics& problems) {
  Diagnostics found;
  std::vector<Column> columns;
  std::map<std::string, std::size_t> by_path;  // path -> first usable column with it
  for (const Cell& cell : row.cells) {
    Column column;
    column.name = std::string(trim(cell.text));
    column.line = cell.line;
    column.column = cell.column;
    const std::string reason = parse_steps(column.name, column.steps);
    if (!reason.empty()) {
      found.error("facts.csv_bad_column", reason, at(source, cell.line, cell.column));
    } else {
      column.path = written(column.steps, column.steps.size());
      resolve(column, found, source);
    }
    if (column.node == nullptr) {
      columns.push_back(std::move(column));
      continue;
    }
    const auto [first, added] = by_path.emplace(column.path, columns.size());
    if (!added) {
      const Column& other = columns[first->second];
      found.error("facts.csv_duplicate_column",
                  in_quotes(column.name) + " is already column " +
                      std::to_string(first->second + 1) + " (" + std::to_string(other.line) + ":" +
                      std::to_string(other.column) + ")",
                  at(source, column.line, column.column));
    }
    columns.push_back(std::move(column));
  }
  // A column inside another: its path goes on from the other's with '.' or '['.
  for (const Column& column : columns) {
    if (column.node == nullptr) continue;
    for (std::size_t end = 0; end < column.path.size(); ++end) {
      if (column.path[end] != '.' && column.path[end] != '[') continue;
      const auto outer = by_path.find(column.path.substr(0, end));
      if (outer == by_path.end()) continue;
      const Column& other = columns[outer->second];
      found.error("facts.csv_overlapping_column",
                  in_quotes(column.name) + " is part of column " + in_quotes(other.name) + " (" +
                      std::to_string(other.line) + ":" + std::to_string(other.column) +
                      "); keep one of them",
                  at(source, column.line, column.column));
    }
  }
  std::vector<Diagnostic> in_order(found.begin(), found.end());
  std::stable_sort(in_order.begin(), in_order.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.location.line, a.location.column) <
           std::pair(b.location.line, b.location.column);
  });
  for (Diagnostic& d : in_order) problems.add(std::move(d));
  return columns;
}

// --- Cells ----------------------------------------------------------------

/// The cell as a JSON number when it is one that reads back exactly.
std::optional<Json> exact_number(std::string_view text) {
  const auto exact = Decimal::parse(text);
  if (!exact) return std::nullopt;
  Json number = Json::parse(text.begin(), text.end(), nullptr, false);
  if (!number.is_number()) return std::nullopt;
  const auto back = Decimal::parse(number.dump());
  if (!back || *back != *exact) return std::nullopt;
  return number;
}

Json typed(const SchemaNode& node, std::string_view text);

Json list_of(const SchemaNode& node, std::string_view text) {
  if (text == "[]") return Json::array();
  if (node.element->type == FieldType::object) return std::string(text);
  Json items = Json::array();
  while (!text.empty()) {
    const std::size_t semicolon = std::min(text.find(';'), text.size());
    const std::string_view item = trim(text.substr(0, semicolon));
    if (!item.empty()) items.push_back(typed(*node.element, item));
    text.remove_prefix(std::min(semicolon + 1, text.size()));
  }
  return items;
}

/// A cell's value for its column's schema; text when it fits no better.
Json typed(const SchemaNode& node, std::string_view text) {
  switch (node.type) {
    case FieldType::boolean:
    case FieldType::any:
      if (text == "true") return true;
      if (text == "false") return false;
      if (node.type == FieldType::boolean) break;
      return exact_number(text).value_or(Json(std::string(text)));
    case FieldType::integer:
      return exact_number(text).value_or(Json(std::string(text)));
    case FieldType::list:
      return list_of(node, text);
    default:
      break;
  }
  return std::string(text);
}

// --- Records --------------------------------------------------------------

/// Where one column's values go in a row's record.
struct Target {
  std::string json_path;  // "documents[0].type" (indices compacted)
  std::string pointer;    // "/documents/0/type"
};

/// Turns data rows into records read by the ordinary reader, and points
/// their diagnostics at the cells.
class RowReader {
 public:
  RowReader(const std::vector<Column>& columns, const std::string& source,
            const ReadOptions& options)
      : columns_(columns),
        source_(source),
        reader_(options),
        has_format_(std::any_of(columns.begin(), columns.end(),
                                [](const Column& c) { return c.path == "format"; })) {}

  ReadResult read(const Row& row) {
    const std::vector<std::optional<Target>> targets = place(row);
    Diagnostics csv = row.problems;
    // (A cell cut off by an unterminated quote is not kept.)
    if (row.cell_count > columns_.size() && row.cells.size() > columns_.size()) {
      const Cell& extra = row.cells[columns_.size()];
      csv.error("facts.csv_extra_cell",
                "the row has " + std::to_string(row.cell_count) + " cells; the header has " +
                    std::to_string(columns_.size()) + " columns",
                at(source_, extra.line, extra.column));
    }
    // A row cut short (a spreadsheet that drops trailing empty cells, or a
    // truncated line) reads the missing columns as empty: said, not silent.
    if (row.cell_count < columns_.size() && !row.cells.empty() && !row.problems.has_errors()) {
      const Cell& last = row.cells.back();
      csv.warning("facts.csv_missing_cell",
                  "the row has " + std::to_string(row.cell_count) + " of the header's " +
                      std::to_string(columns_.size()) + " columns; " +
                      columns_[row.cell_count].name + " and the columns after it are read as empty",
                  at(source_, last.line, last.column));
    }
    Json record = Json::object();
    if (!has_format_) record["format"] = kFormat;
    for (std::size_t i = 0; i < columns_.size() && i < row.cells.size(); ++i) {
      const Cell& cell = row.cells[i];
      if (cell.text.empty() || !targets[i]) continue;
      if (!simdjson::validate_utf8(cell.text.data(), cell.text.size())) {
        csv.add(Diagnostic{Severity::error, "facts.csv_syntax", "the cell is not valid UTF-8",
                           at(source_, cell.line, cell.column), columns_[i].name});
        continue;
      }
      record[Json::json_pointer(targets[i]->pointer)] = typed(*columns_[i].node, cell.text);
    }
    ReadResult result = reader_.read(record.dump(-1, ' ', false, Json::error_handler_t::replace));
    result.line = row.line;
    result.diagnostics = point_at_cells(csv, result.diagnostics, targets, row);
    if (csv.has_errors()) result.facts.reset();
    return result;
  }

 private:
  /// Where each column goes in this row's record: nothing for a column of an
  /// element that has no value in the row.
  std::vector<std::optional<Target>> place(const Row& row) const {
    // The indices in use of each list ("documents" -> 0, 3), then compacted.
    std::map<std::string, std::vector<std::size_t>> lists;
    for (std::size_t i = 0; i < columns_.size() && i < row.cells.size(); ++i) {
      if (row.cells[i].text.empty()) continue;
      const auto& steps = columns_[i].steps;
      for (std::size_t s = 0; s < steps.size(); ++s) {
        if (steps[s].index) lists[written(steps, s + 1, false)].push_back(*steps[s].index);
      }
    }
    for (auto& entry : lists) {
      auto& indices = entry.second;
      std::sort(indices.begin(), indices.end());
      indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    }
    std::vector<std::optional<Target>> targets;
    for (const Column& column : columns_) {
      Target t;
      bool present = true;
      for (std::size_t s = 0; s < column.steps.size() && present; ++s) {
        const Step& step = column.steps[s];
        t.json_path += (s > 0 ? "." : "") + step.key;
        t.pointer += "/" + step.key;
        if (!step.index) continue;
        const auto list = lists.find(written(column.steps, s + 1, false));
        present = list != lists.end() &&
                  std::binary_search(list->second.begin(), list->second.end(), *step.index);
        if (!present) break;
        const auto k = std::lower_bound(list->second.begin(), list->second.end(), *step.index) -
                       list->second.begin();
        t.json_path += '[' + std::to_string(k) + ']';
        t.pointer += '/' + std::to_string(k);
      }
      targets.push_back(present ? std::optional<Target>(std::move(t)) : std::nullopt);
    }
    return targets;
  }

  /// The CSV's own problems, then the reader's with each JSON path turned
  /// into the column it came from (the longest column path that holds it)
  /// and the place of that column's cell.
  Diagnostics point_at_cells(const Diagnostics& csv, const Diagnostics& read,
                             const std::vector<std::optional<Target>>& targets,
                             const Row& row) const {
    Diagnostics out = csv;
    for (Diagnostic d : read) {
      std::optional<std::size_t> best;
      for (std::size_t i = 0; i < targets.size(); ++i) {
        if (!targets[i] || !holds(targets[i]->json_path, d.json_path)) continue;
        if (!best || targets[i]->json_path.size() > targets[*best]->json_path.size()) best = i;
      }
      d.location = at(source_, row.line, 0);
      if (best) {
        d.json_path = columns_[*best].name;
        if (*best < row.cells.size()) {
          d.location = at(source_, row.cells[*best].line, row.cells[*best].column);
        }
      }
      out.add(std::move(d));
    }
    return out;
  }

  static bool holds(const std::string& outer, const std::string& path) {
    if (outer.empty() || path.compare(0, outer.size(), outer) != 0) return false;
    return path.size() == outer.size() || path[outer.size()] == '.' || path[outer.size()] == '[';
  }

  const std::vector<Column>& columns_;
  const std::string& source_;
  detail::RecordReader reader_;
  bool has_format_;
};

}  // namespace

struct CsvReader::Impl {
  Impl(std::istream& in, std::string source_name, ReadOptions opts)
      : source(std::move(source_name)), options(opts), scanner(in, source, opts.max_record_bytes) {}

  std::unique_ptr<std::ifstream> file;
  std::string source;
  ReadOptions options;
  RowScanner scanner;
  std::vector<Column> columns;
  std::optional<RowReader> rows;  // once the header is read and usable
  bool header_read = false;
  bool done = false;
  std::size_t header_line = 0;
  Diagnostics header_problems;
  Row row;

  const Diagnostics& header() {
    if (header_read) return header_problems;
    header_read = true;
    if (!scanner.next(row, kMaxColumns)) {
      done = true;
      return header_problems;
    }
    header_line = row.line;
    header_problems = row.problems;
    if (row.too_large) {
      header_problems.error(
          "facts.record_too_large",
          "the header is longer than " + std::to_string(options.max_record_bytes) + " bytes",
          at(source, row.line, 0));
    } else if (row.cell_count > kMaxColumns) {
      const Cell& extra = row.cells.back();
      header_problems.error("facts.csv_bad_column",
                            "the header has more than " + std::to_string(kMaxColumns) + " columns",
                            at(source, extra.line, extra.column));
    }
    if (header_problems.empty()) columns = read_columns(row, source, header_problems);
    if (!header_problems.has_errors()) rows.emplace(columns, source, options);
    return header_problems;
  }

  bool next(ReadResult& out) {
    if (header().has_errors() && !done) {
      done = true;
      out = ReadResult();
      out.diagnostics = header_problems;
      out.line = header_line;
      return true;
    }
    if (done || !scanner.next(row, columns.size())) {
      done = true;
      return false;
    }
    if (row.too_large) {
      out = ReadResult();
      out.diagnostics = row.problems;  // a quote not closed, when that made it too large
      out.diagnostics.add(Diagnostic{
          Severity::error, "facts.record_too_large",
          "the row is longer than " + std::to_string(options.max_record_bytes) + " bytes",
          at(source, row.line, 0), ""});
      out.line = row.line;
      return true;
    }
    out = rows->read(row);
    return true;
  }
};

CsvReader::CsvReader(std::istream& in, std::string source_name, ReadOptions options)
    : impl_(std::make_unique<Impl>(in, std::move(source_name), options)) {}

CsvReader::CsvReader(const std::string& path, ReadOptions options) {
  auto file = detail::open_file(path);
  impl_ = std::make_unique<Impl>(*file, path, options);
  impl_->file = std::move(file);
}

CsvReader::~CsvReader() = default;
CsvReader::CsvReader(CsvReader&&) noexcept = default;
CsvReader& CsvReader::operator=(CsvReader&&) noexcept = default;

const Diagnostics& CsvReader::header() { return impl_->header(); }

bool CsvReader::next(ReadResult& out) { return impl_->next(out); }

std::size_t CsvReader::for_each(const std::function<void(ReadResult&)>& on_record) {
  return detail::for_each_record(*this, on_record);
}

}  // namespace regularis
