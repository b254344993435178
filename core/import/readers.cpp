#include "core/import/readers.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <vector>

#include "core/error.hpp"

namespace convstat::core {
namespace {

using json = nlohmann::json;

constexpr std::size_t k_buffer_bytes = 256 * 1024;

bool ends_with_ci(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b); });
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

void strip_bom(std::string& text) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
}

// An open file descriptor for `path`; throws UsageError when it cannot be read as a file.
int open_for_reading(const std::string& path, std::optional<std::uint64_t>* size) {
  const int fd = path == "-" ? ::dup(STDIN_FILENO) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw UsageError("cannot open '" + path + "': " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      ::close(fd);
      throw UsageError("cannot open '" + path + "': " + std::strerror(EISDIR));
    }
    if (S_ISREG(st.st_mode) && size != nullptr) *size = static_cast<std::uint64_t>(st.st_size);
  }
  return fd;
}

// Buffered bytes of a plain or gzip file (zlib reads plain files transparently).
class ByteInput {
public:
  explicit ByteInput(const std::string& path) : m_name(display_name(path)), m_buffer(k_buffer_bytes) {
    const int fd = open_for_reading(path, &m_total);
    m_file = gzdopen(fd, "rb");
    if (m_file == nullptr) {
      ::close(fd);
      throw LocalError("cannot read '" + m_name + "': out of memory");
    }
    gzbuffer(m_file, static_cast<unsigned>(k_buffer_bytes));
  }
  ~ByteInput() { gzclose(m_file); }
  ByteInput(const ByteInput&) = delete;
  ByteInput& operator=(const ByteInput&) = delete;

  const std::string& name() const { return m_name; }
  std::uint64_t bytes_read() const { return m_bytes_read; }
  std::optional<std::uint64_t> total_bytes() const { return m_total; }

  // The next byte, or -1 at the end.
  int get() {
    if (m_pos == m_end && !fill()) return -1;
    return static_cast<unsigned char>(m_buffer[m_pos++]);
  }
  int peek() {
    if (m_pos == m_end && !fill()) return -1;
    return static_cast<unsigned char>(m_buffer[m_pos]);
  }

  // The next line without its '\n' into `line`; false at the end of the input.
  bool read_line(std::string& line) {
    line.clear();
    bool any = false;
    while (m_pos < m_end || fill()) {
      any = true;
      const char* start = m_buffer.data() + m_pos;
      const auto* newline = static_cast<const char*>(std::memchr(start, '\n', m_end - m_pos));
      if (newline != nullptr) {
        line.append(start, newline);
        m_pos += static_cast<std::size_t>(newline - start) + 1;
        return true;
      }
      line.append(start, m_end - m_pos);
      m_pos = m_end;
    }
    return any;
  }

  // Everything left, appended to `out`.
  void read_all(std::string& out) {
    while (m_pos < m_end || fill()) {
      out.append(m_buffer.data() + m_pos, m_end - m_pos);
      m_pos = m_end;
    }
  }

  // The first non-blank byte of the input (looking only as far as one buffer), or -1.
  int first_non_blank() {
    if (m_pos == m_end && !fill()) return -1;
    for (std::size_t i = m_pos; i < m_end; ++i)
      if (!is_blank(m_buffer[i])) return static_cast<unsigned char>(m_buffer[i]);
    return -1;
  }

private:
  // Refills the buffer; false at the end. Throws DataError on read or gzip errors.
  bool fill() {
    const int n = gzread(m_file, m_buffer.data(), static_cast<unsigned>(m_buffer.size()));
    int code = Z_OK;
    const char* message = gzerror(m_file, &code);
    if (n < 0 || (n == 0 && code != Z_OK)) {
      const std::string reason = code == Z_ERRNO ? std::strerror(errno) : message;
      throw DataError("cannot read '" + m_name + "': " + reason);
    }
    m_bytes_read = static_cast<std::uint64_t>(std::max<z_off_t>(0, gzoffset(m_file)));
    m_pos = 0;
    m_end = static_cast<std::size_t>(n);
    return n > 0;
  }

  std::string m_name;
  gzFile m_file = nullptr;
  std::vector<char> m_buffer;
  std::size_t m_pos = 0, m_end = 0;
  std::uint64_t m_bytes_read = 0;
  std::optional<std::uint64_t> m_total;
};

// "invalid JSON: <nlohmann's reason>" without its "[json.exception...] parse error at line 1, column 7: " prefix.
std::string json_error_reason(const json::parse_error& e) {
  std::string what = e.what();
  const auto column = what.find(", column ");
  const auto colon = what.find(": ", column == std::string::npos ? 0 : column);
  return "invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2));
}

}  // namespace

void parse_item(SourceItem& item) {
  item.unparsed = false;
  item.error.reset();
  item.object = nullptr;
  if (const auto bad = invalid_utf8_offset(item.raw)) {
    item.error = FieldError{"-", "invalid UTF-8 (byte " + std::to_string(*bad) + ")"};
    return;
  }
  try {
    item.object = json::parse(item.raw);
  } catch (const json::parse_error& e) {
    item.error = FieldError{"-", json_error_reason(e)};
    return;
  }
  if (!item.object.is_object()) item.error = FieldError{"-", std::string("expected a JSON object (got ") + item.object.type_name() + ")"};
}

namespace {

// ---------------------------------------------------------------------------

class SourceBase : public RecordSource {
public:
  explicit SourceBase(std::unique_ptr<ByteInput> input) : m_input(std::move(input)) {}
  std::uint64_t bytes_read() const override { return m_input->bytes_read(); }
  std::optional<std::uint64_t> total_bytes() const override { return m_input->total_bytes(); }

protected:
  std::unique_ptr<ByteInput> m_input;
};

// One JSON object per line; blank lines skipped.
class NdjsonSource : public SourceBase {
public:
  using SourceBase::SourceBase;
  InputFormat format() const override { return InputFormat::ndjson; }

  bool next(SourceItem& item) override {
    if (!next_text(item)) return false;
    parse_item(item);
    return true;
  }

  bool next_text(SourceItem& item) override {
    while (m_input->read_line(item.raw)) {
      ++m_line;
      if (m_line == 1) strip_bom(item.raw);
      if (!item.raw.empty() && item.raw.back() == '\r') item.raw.pop_back();
      if (std::all_of(item.raw.begin(), item.raw.end(), is_blank)) continue;
      item.line = m_line;
      item.unparsed = true;
      return true;
    }
    return false;
  }

private:
  std::int64_t m_line = 0;
};

// A JSON array of objects, or {"records": [...]}: the text is read whole, then
// a structural scan finds each element (and its line), parsed on its own.
class JsonSource : public SourceBase {
public:
  using SourceBase::SourceBase;
  InputFormat format() const override { return InputFormat::json; }

  bool next(SourceItem& item) override {
    if (m_state == State::start) enter_array();
    if (m_state == State::done) return false;
    skip_blanks();
    if (m_state == State::after_element) {
      if (at(']')) return finish();
      if (!at(',')) malformed(m_pos, "expected ',' or ']' after an element");
      ++m_pos;
      skip_blanks();
      if (at(']')) malformed(m_pos, "trailing ',' before ']'");
    } else if (at(']')) {
      return finish();
    }
    const std::size_t start = m_pos;
    if (start >= m_text.size()) malformed(start, "unexpected end of input inside the array");
    const std::size_t end = value_end(start);
    if (end == std::string::npos) malformed(start, "unexpected end of input inside an element");
    item.line = line_at(start);
    item.raw.assign(m_text, start, end - start);
    parse_item(item);
    m_pos = end;
    m_state = State::after_element;
    return true;
  }

private:
  enum class State { start, first_element, after_element, done };

  bool at(char c) const { return m_pos < m_text.size() && m_text[m_pos] == c; }
  void skip_blanks() {
    while (m_pos < m_text.size() && is_blank(m_text[m_pos])) ++m_pos;
  }

  // The 1-based line of `pos`; positions must be asked for in increasing order.
  std::int64_t line_at(std::size_t pos) {
    m_line += std::count(m_text.begin() + static_cast<std::ptrdiff_t>(m_counted_to),
                         m_text.begin() + static_cast<std::ptrdiff_t>(pos), '\n');
    m_counted_to = pos;
    return m_line;
  }

  [[noreturn]] void malformed(std::size_t pos, const std::string& reason) {
    throw DataError(m_input->name() + ":" + std::to_string(line_at(pos)) + ": invalid JSON: " + reason);
  }

  // Position just after the string whose opening quote is at `pos`; npos when unterminated.
  std::size_t string_end(std::size_t pos) const {
    std::size_t i = pos + 1;
    while (true) {
      i = m_text.find_first_of("\"\\", i);
      if (i == std::string::npos) return i;
      if (m_text[i] == '"') return i + 1;
      i += 2;  // a backslash escapes the next byte
    }
  }

  // Position just after the value starting at `pos` (brackets balanced, strings
  // skipped; a scalar runs to the next delimiter); npos when the input ends first.
  std::size_t value_end(std::size_t pos) const {
    const char first = m_text[pos];
    if (first == '"') return string_end(pos);
    if (first != '{' && first != '[') {
      const std::size_t end = m_text.find_first_of(",]} \t\r\n", pos);
      return end == std::string::npos ? m_text.size() : end;
    }
    int depth = 0;
    for (std::size_t i = pos; i < m_text.size(); ++i) {
      const char c = m_text[i];
      if (c == '"') {
        const std::size_t after = string_end(i);
        if (after == std::string::npos) return after;
        i = after - 1;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return i + 1;
      }
    }
    return std::string::npos;
  }

  // Reads the text and moves past the '[' of the records array.
  void enter_array() {
    m_input->read_all(m_text);
    strip_bom(m_text);
    m_state = State::first_element;
    skip_blanks();
    if (at('[')) {
      ++m_pos;
      return;
    }
    if (!at('{')) malformed(m_pos, "expected an array of records or {\"records\": [...]}");
    ++m_pos;
    find_records_key();
  }

  // Inside the top-level object: skips members up to "records" and its '['.
  void find_records_key() {
    while (true) {
      skip_blanks();
      if (!at('"')) malformed(m_pos, "expected an array of records or {\"records\": [...]}");
      const std::size_t key_end = string_end(m_pos);
      if (key_end == std::string::npos) malformed(m_pos, "unterminated string");
      const bool is_records = m_text.compare(m_pos, key_end - m_pos, "\"records\"") == 0;
      m_pos = key_end;
      skip_blanks();
      if (!at(':')) malformed(m_pos, "expected ':' after an object key");
      ++m_pos;
      skip_blanks();
      if (is_records) {
        if (!at('[')) malformed(m_pos, "\"records\" must be an array");
        ++m_pos;
        m_in_object = true;
        return;
      }
      const std::size_t end = m_pos < m_text.size() ? value_end(m_pos) : std::string::npos;
      if (end == std::string::npos) malformed(m_pos, "unexpected end of input");
      m_pos = end;
      skip_blanks();
      if (!at(',')) malformed(m_pos, "no \"records\" array in the object");
      ++m_pos;
    }
  }

  // At the array's ']': the end. A top-level array must be the whole document;
  // after {"records": [...]} the rest of the object is not examined.
  bool finish() {
    ++m_pos;
    m_state = State::done;
    skip_blanks();
    if (!m_in_object && m_pos < m_text.size()) malformed(m_pos, "unexpected text after the array");
    return false;
  }

  std::string m_text;
  std::size_t m_pos = 0;
  std::size_t m_counted_to = 0;
  std::int64_t m_line = 1;
  bool m_in_object = false;
  State m_state = State::start;
};

// RFC 4180 CSV with a header row; a quoted cell may hold commas, quotes ("")
// and line breaks. Blank lines are skipped.
class CsvSource : public SourceBase {
public:
  using SourceBase::SourceBase;
  InputFormat format() const override { return InputFormat::csv; }

  bool next(SourceItem& item) override {
    if (!m_header_read && !read_header()) return false;
    std::int64_t start_line = 0;
    std::string problem;
    while (read_row(m_cells, item.raw, start_line, problem)) {
      if (item.raw.empty() && m_cells.size() == 1) continue;  // blank line
      item.line = start_line;
      item.unparsed = false;
      item.error.reset();
      item.object = json::object();
      if (!problem.empty()) {
        item.error = FieldError{"-", "malformed CSV: " + problem};
      } else if (m_cells.size() != m_header.size()) {
        item.error = FieldError{"-", "row has " + std::to_string(m_cells.size()) + " cells, the header has " +
                                         std::to_string(m_header.size())};
      } else {
        for (std::size_t i = 0; i < m_cells.size(); ++i)
          if (!m_cells[i].empty()) item.object[m_header[i]] = std::move(m_cells[i]);
      }
      return true;
    }
    return false;
  }

private:
  // Reads the header row (the first non-blank row); false for an empty input.
  // Throws DataError for a malformed, empty, duplicate or non-UTF-8 column name.
  bool read_header() {
    m_header_read = true;
    std::string raw, problem;
    std::int64_t line = 0;
    do {
      if (!read_row(m_header, raw, line, problem)) return false;
    } while (raw.empty() && m_header.size() == 1);
    const std::string where = m_input->name() + ":" + std::to_string(line) + ": header: ";
    if (!problem.empty()) throw DataError(where + "malformed CSV: " + problem);
    strip_bom(m_header[0]);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < m_header.size(); ++i) {
      std::string& name = m_header[i];
      name.erase(0, name.find_first_not_of(" \t"));
      name.erase(name.find_last_not_of(" \t") + 1);
      const std::string column = "column " + std::to_string(i + 1);
      if (name.empty()) throw DataError(where + column + " has no name");
      if (invalid_utf8_offset(name)) throw DataError(where + column + ": invalid UTF-8");
      if (!seen.insert(name).second) throw DataError(where + "duplicate column '" + name + "'");
    }
    return true;
  }

  // Reads one row: its cells, its raw text (without the final line break) and
  // the line it starts on; `problem` describes bad quoting. false at the end.
  bool read_row(std::vector<std::string>& cells, std::string& raw, std::int64_t& start_line, std::string& problem) {
    cells.clear();
    raw.clear();
    problem.clear();
    start_line = m_line;
    int c = m_input->get();
    if (c < 0) return false;
    while (true) {
      std::string cell;
      c = c == '"' ? read_quoted(cell, raw, problem, cells.size() + 1) : read_plain(c, cell, raw);
      cells.push_back(std::move(cell));
      if (c == ',') {
        raw += ',';
        c = m_input->get();
        continue;
      }
      if (c == '\n') ++m_line;
      return true;  // a line break or the end of the input
    }
  }

  // An unquoted cell starting with byte `c`; returns the delimiter that ended it (',', '\n' or -1).
  int read_plain(int c, std::string& cell, std::string& raw) {
    while (c >= 0 && c != ',' && c != '\n') {
      cell += static_cast<char>(c);
      c = m_input->get();
    }
    if (c == '\n' && !cell.empty() && cell.back() == '\r') cell.pop_back();
    raw += cell;
    return c;
  }

  // A quoted cell (the opening quote already read); returns the delimiter after it.
  int read_quoted(std::string& cell, std::string& raw, std::string& problem, std::size_t column) {
    raw += '"';
    while (true) {
      const int c = m_input->get();
      if (c < 0) {
        if (problem.empty()) problem = "unterminated quoted cell in column " + std::to_string(column);
        return c;
      }
      raw += static_cast<char>(c);
      if (c == '\n') ++m_line;
      if (c != '"') {
        cell += static_cast<char>(c);
        continue;
      }
      if (m_input->peek() != '"') break;
      raw += static_cast<char>(m_input->get());
      cell += '"';
    }
    int c = m_input->get();
    if (c == '\r' && m_input->peek() == '\n') c = m_input->get();
    while (c >= 0 && c != ',' && c != '\n') {
      if (problem.empty()) problem = "text after the closing quote in column " + std::to_string(column);
      raw += static_cast<char>(c);
      c = m_input->get();
    }
    return c;
  }

  bool m_header_read = false;
  std::vector<std::string> m_header;
  std::vector<std::string> m_cells;
  std::int64_t m_line = 1;  // line of the next byte
};

}  // namespace

// ---------------------------------------------------------------------------

InputFormat parse_input_format(std::string_view name) {
  if (name == "ndjson" || name == "jsonl") return InputFormat::ndjson;
  if (name == "json") return InputFormat::json;
  if (name == "csv") return InputFormat::csv;
  throw UsageError("unknown input format '" + std::string(name) + "' (expected ndjson, json or csv)");
}

std::string_view format_name(InputFormat format) {
  switch (format) {
    case InputFormat::ndjson: return "ndjson";
    case InputFormat::json: return "json";
    case InputFormat::csv: return "csv";
  }
  return "?";
}

std::optional<InputFormat> format_from_extension(std::string_view path) {
  if (ends_with_ci(path, ".gz")) path.remove_suffix(3);
  if (ends_with_ci(path, ".ndjson") || ends_with_ci(path, ".jsonl")) return InputFormat::ndjson;
  if (ends_with_ci(path, ".json")) return InputFormat::json;
  if (ends_with_ci(path, ".csv")) return InputFormat::csv;
  return std::nullopt;
}

std::optional<InputFormat> resolve_input_format(const std::string& path, std::optional<InputFormat> override) {
  if (override) return override;
  if (path == "-") return std::nullopt;
  if (auto format = format_from_extension(path)) return format;
  throw UsageError("cannot tell the format of '" + path + "' from its name",
                   "name it .ndjson, .jsonl, .json or .csv (optionally .gz), or pass --input-format ndjson|json|csv");
}

void check_readable(const std::string& path) {
  if (path == "-") return;
  ::close(open_for_reading(path, nullptr));
}

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

std::unique_ptr<RecordSource> open_source(const std::string& path, std::optional<InputFormat> format) {
  format = resolve_input_format(path, format);
  auto input = std::make_unique<ByteInput>(path);
  if (!format) format = input->first_non_blank() == '[' ? InputFormat::json : InputFormat::ndjson;
  switch (*format) {
    case InputFormat::ndjson: return std::make_unique<NdjsonSource>(std::move(input));
    case InputFormat::json: return std::make_unique<JsonSource>(std::move(input));
    case InputFormat::csv: return std::make_unique<CsvSource>(std::move(input));
  }
  return nullptr;
}

}  // namespace convstat::core
