#pragma once
// convstat export TYPE: the cache's records of one type, streamed in the
// import formats (so an export re-imports to the same KPIs), with personal
// data redacted unless asked for. Memory stays constant whatever the count.
#include <cstdint>
#include <functional>
#include <string_view>

#include "core/cache/cache.hpp"
#include "core/query/filters.hpp"
#include "core/records/schema.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

enum class ExportFormat { ndjson, json, csv };

// "ndjson", "json" or "csv"; UsageError otherwise.
ExportFormat parse_export_format(std::string_view name);

struct ExportOptions {
  ExportFormat format = ExportFormat::ndjson;
  // Phone numbers and e-mail addresses: a call's phone as ***-***-5678, e-mail
  // addresses and phone-like runs inside texts replaced (redact_text), and ids
  // that hold one replaced by a stable pseudonym (so joins still hold).
  bool redact = true;
  // Message texts, call transcripts and feedback user_input/assistant_response
  // are left out unless asked for (then redacted like any text).
  bool include_transcripts = false;
};

// Receives the output in pieces of about 1 MiB.
using ExportSink = std::function<void(std::string_view)>;

// Streams the records of `type` whose membership instant (kpis.md; csat by
// sent_at, so unanswered surveys are exported too; kb articles: all) is in
// `range`, narrowed by the filters that apply to the type, ordered by that
// instant, tenant, id. Returns the number of records. A filter that does not
// apply to the type is a UsageError, raised before anything is written.
// ndjson: one {"type": …, field: value…} object a line, absent values left
// out, unknown fields (extra) kept; json: the same objects in one array;
// csv: a header of the type's fields then one row a record (lists
// ';'-separated, objects as JSON text, extra fields left out).
// Memory stays bounded whatever the number of rows: rows stream to `sink` in
// chunks, and the cache's connection stops memory-mapping the file
// (PRAGMA mmap_size = 0) for this and later statements.
std::int64_t export_records(Cache& cache, const RecordType& type, const TimeRange& range, const Filters& filters,
                            const ExportOptions& options, const ExportSink& sink);

}  // namespace convstat::core
