#pragma once
// Incremental streams by an updated_at watermark, independent of where the
// rows come from (postgres today): pages in (updated_at, id) order, each page
// and the stream's new watermark committed in one SQLite transaction.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "connectors/sync_state.hpp"
#include "core/cache/cache.hpp"
#include "core/records/schema.hpp"

namespace convstat::connectors {

// One source row: the record as a JSON object (data-model.md field names) and
// its keyset position as the source prints it.
struct SourceRow {
  nlohmann::json object;
  std::string updated_at;
  std::string id;
};

// Rows strictly after a watermark, in (updated_at, id) order.
class PageSource {
public:
  virtual ~PageSource() = default;
  // At most `limit` rows after `after` (all rows from the start when nullopt).
  // Throws BackendError when the source fails.
  virtual std::vector<SourceRow> next_page(const std::optional<Watermark>& after, std::int64_t limit) = 0;
};

struct StreamResult {
  std::int64_t records = 0;
  std::int64_t pages = 0;
  core::TypeCounts counts;
};

// Reads `source` from the stream's stored watermark to its end, `page_size`
// rows a page; each page's records (validated as `type`) and the watermark of
// its last row commit in one transaction. `on_page` (optional) is called after
// each commit with the rows committed so far in this run. Throws DataError
// naming the backend, stream, row id, field and reason for an invalid row
// (its page is not written; earlier pages stay).
StreamResult sync_stream(core::Cache& cache, const std::string& backend, const std::string& stream,
                         const core::RecordType& type, PageSource& source, std::int64_t page_size,
                         const std::function<void(const StreamResult&)>& on_page = {});

}  // namespace convstat::connectors
