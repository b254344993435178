#include "core/import/importer.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/import/read_ahead.hpp"
#include "core/import/readers.hpp"
#include "core/import/validate.hpp"
#include "core/time/time.hpp"

namespace convstat::core {
namespace {

constexpr std::int64_t k_progress_every = 4096;  // records between progress callbacks

struct PlannedInput {
  std::string path;
  std::optional<InputFormat> format;  // nullopt: standard input, sniffed
};

// The --type record type, or nullptr. Throws UsageError for an unknown name.
const RecordType* forced_type(const ImportRequest& request) {
  if (!request.type) return nullptr;
  std::string error;
  if (const RecordType* type = resolve_record_type(*request.type, &error)) return type;
  throw UsageError("--type: " + error);
}

// Every input's format, checked readable before anything is read. Throws UsageError.
std::vector<PlannedInput> plan_inputs(const ImportRequest& request, const RecordType* forced) {
  if (request.files.empty()) throw UsageError("no input files");
  std::optional<InputFormat> override;
  if (request.input_format) override = parse_input_format(*request.input_format);
  std::vector<PlannedInput> inputs;
  bool stdin_seen = false;
  for (const std::string& path : request.files) {
    const std::optional<InputFormat> format = resolve_input_format(path, override);
    if (format == InputFormat::csv && forced == nullptr)
      throw UsageError("'" + display_name(path) + "' is CSV: --type is required", "e.g. --type conversation");
    if (path == "-" && std::exchange(stdin_seen, true))
      throw UsageError("standard input ('-') can be read only once");
    check_readable(path);
    inputs.push_back({path, format});
  }
  return inputs;
}

// Rejected records as NDJSON, written to a temporary file beside the target
// and renamed into place by publish(); otherwise the temporary file is removed.
class RejectsFile {
public:
  explicit RejectsFile(std::string path)
      : m_path(std::move(path)), m_temp(m_path + ".tmp." + std::to_string(::getpid())) {}
  ~RejectsFile() {
    if (m_file != nullptr) std::fclose(m_file);
    if (m_opened && !m_published) std::remove(m_temp.c_str());
  }
  RejectsFile(const RejectsFile&) = delete;
  RejectsFile& operator=(const RejectsFile&) = delete;

  const std::string& path() const { return m_path; }
  bool empty() const { return !m_opened; }

  // Appends one rejected record. Throws LocalError when the file cannot be written.
  void add(const std::string& file, std::int64_t line, const std::vector<FieldError>& errors, const std::string& raw) {
    nlohmann::ordered_json entry;
    entry["file"] = file;
    entry["line"] = line;
    entry["errors"] = nlohmann::ordered_json::array();
    for (const FieldError& e : errors) entry["errors"].push_back(e.field + ": " + e.reason);
    entry["raw"] = raw;
    const std::string text = entry.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    if (!m_opened) open();
    if (std::fwrite(text.data(), 1, text.size(), m_file) != text.size()) fail();
  }

  // Flushes the temporary file to disk and closes it. Throws LocalError.
  void sync() {
    if (std::fflush(m_file) != 0 || ::fsync(::fileno(m_file)) != 0) fail();
    const int closed = std::fclose(m_file);
    m_file = nullptr;
    if (closed != 0) fail();
  }
  // Renames the synced temporary file to its path. Throws LocalError.
  void publish() {
    if (std::rename(m_temp.c_str(), m_path.c_str()) != 0) fail();
    m_published = true;
  }

private:
  void open() {
    m_file = std::fopen(m_temp.c_str(), "wb");
    if (m_file == nullptr) fail();
    m_opened = true;
  }
  [[noreturn]] void fail() const {
    throw LocalError("cannot write the rejects file '" + m_path + "': " + std::strerror(errno));
  }

  std::string m_path, m_temp;
  std::FILE* m_file = nullptr;
  bool m_opened = false, m_published = false;
};

// One import: the plan, the validators, the open transaction and the tally.
class ImportRun {
public:
  ImportRun(Cache& cache, const ImportRequest& request)
      : m_request(request),
        m_forced(forced_type(request)),
        m_zone(request.assume_tz ? std::optional<TimeZone>(TimeZone(*request.assume_tz)) : std::nullopt),
        m_inputs(plan_inputs(request, m_forced)),
        m_json_validator(validator_options(false)),
        m_csv_validator(validator_options(true)),
        m_writer(cache),
        m_writer_db(cache.db()) {
    if (request.skip_invalid) m_rejects.emplace(request.rejects_path.value_or(k_default_rejects_path));
  }

  ImportSummary run() {
    for (std::size_t i = 0; i < m_inputs.size(); ++i) import_file(i);
    if (m_summary.rejected > 0 && !m_request.skip_invalid) {
      m_writer.rollback();
      return std::move(m_summary);
    }
    const bool has_rejects = m_rejects && !m_rejects->empty();
    if (has_rejects) m_rejects->sync();  // before the commit: a write error leaves the cache untouched
    if (m_request.before_commit) m_request.before_commit(m_writer_db, m_summary.records);
    m_writer.commit();
    m_summary.committed = true;
    m_summary.counts = m_writer.counts();
    if (has_rejects) {
      m_rejects->publish();
      m_summary.rejects_path = m_rejects->path();
    }
    return std::move(m_summary);
  }

private:
  ValidateOptions validator_options(bool from_csv) const {
    return ValidateOptions{m_zone ? &*m_zone : nullptr, from_csv, m_request.now_ms};
  }

  // The input is read and validated one thread ahead (ReadAhead); records are
  // upserted here, in input order, a batch of the reader's at a time.
  void import_file(std::size_t index) {
    const PlannedInput& input = m_inputs[index];
    const std::string name = display_name(input.path);
    const auto source = open_source(input.path, input.format);
    const RecordValidator& validator =
        source->format() == InputFormat::csv ? m_csv_validator : m_json_validator;
    const std::optional<std::uint64_t> total_bytes = source->total_bytes();
    ReadAhead ahead(*source, validator, m_forced);
    while (const ValidatedItem* item = ahead.next()) {
      handle(name, *item);
      if (ahead.batch_done()) write_pending();  // before next() moves on from the batch
      if (m_summary.records % k_progress_every == 0) progress(name, index, ahead.bytes_read(), total_bytes);
    }
    progress(name, index, ahead.bytes_read(), total_bytes);
  }

  // Upserts one validated item, or rejects it. Once an all-or-nothing import
  // has failed, only the errors are still collected.
  void handle(const std::string& name, const ValidatedItem& item) {
    ++m_summary.records;
    if (!item.record) {
      reject(name, item.line, item.errors, item.raw);
      return;
    }
    if (m_summary.rejected == 0 || m_request.skip_invalid) m_pending.push_back(&*item.record);
  }

  // Upserts the records queued from the current batch, in input order.
  void write_pending() {
    m_writer.upsert_all(m_pending);
    m_pending.clear();
  }

  void reject(const std::string& name, std::int64_t line, const std::vector<FieldError>& errors,
              const std::string& raw) {
    ++m_summary.rejected;
    for (const FieldError& e : errors) {
      ++m_summary.total_errors;
      if (m_summary.errors.size() < m_request.max_listed_errors)
        m_summary.errors.push_back(name + ":" + std::to_string(line) + ": " + e.field + ": " + e.reason);
    }
    if (m_rejects) m_rejects->add(name, line, errors, raw);
  }

  void progress(const std::string& name, std::size_t index, std::uint64_t bytes_read,
                std::optional<std::uint64_t> total_bytes) const {
    if (!m_request.on_progress) return;
    m_request.on_progress(ImportProgress{name, index, m_inputs.size(), bytes_read, total_bytes,
                                         m_summary.records, m_summary.rejected});
  }

  const ImportRequest& m_request;
  const RecordType* m_forced;
  const std::optional<TimeZone> m_zone;
  const std::vector<PlannedInput> m_inputs;
  const RecordValidator m_json_validator;
  const RecordValidator m_csv_validator;
  RecordWriter m_writer;  // declared last: the transaction begins once the request is checked
  SQLite::Database& m_writer_db;
  std::optional<RejectsFile> m_rejects;
  std::vector<const Record*> m_pending;  // valid records of ReadAhead's current batch, not yet upserted
  ImportSummary m_summary;
};

}  // namespace

ImportSummary run_import(Cache& cache, const ImportRequest& request) {
  ImportRun run(cache, request);
  return run.run();
}

}  // namespace convstat::core
