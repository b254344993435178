#include "connectors/stream.hpp"

#include "core/error.hpp"
#include "core/import/validate.hpp"

namespace convstat::connectors {
namespace {

[[noreturn]] void fail_row(const std::string& backend, const std::string& stream, const SourceRow& row,
                           const std::vector<core::FieldError>& errors) {
  std::string message = "backend '" + backend + "': " + stream + " row id '" + row.id + "' is invalid; this page was not written:";
  for (const core::FieldError& e : errors) message += "\n  " + stream + ": id " + row.id + ": " + e.field + ": " + e.reason;
  throw core::DataError(message, "fix the row at the source, then run sync again: it resumes at this page");
}

}  // namespace

StreamResult sync_stream(core::Cache& cache, const std::string& backend, const std::string& stream,
                         const core::RecordType& type, PageSource& source, std::int64_t page_size,
                         const std::function<void(const StreamResult&)>& on_page) {
  const core::RecordValidator validator;
  std::optional<Watermark> mark = load_watermark(cache.db(), backend, stream);
  StreamResult result;
  while (true) {
    const std::vector<SourceRow> rows = source.next_page(mark, page_size);
    if (rows.empty()) break;
    core::RecordWriter writer(cache);
    for (const SourceRow& row : rows) {
      core::Validation v = validator.validate_as(row.object, type);
      if (!v.ok()) fail_row(backend, stream, row, v.errors);
      result.counts.count(writer.upsert(*v.record));
    }
    Watermark next{rows.back().updated_at, rows.back().id, (mark ? mark->records : 0) + static_cast<std::int64_t>(rows.size())};
    save_watermark(cache.db(), backend, stream, next);
    writer.commit();
    mark = std::move(next);
    result.records += static_cast<std::int64_t>(rows.size());
    ++result.pages;
    if (on_page) on_page(result);
    if (static_cast<std::int64_t>(rows.size()) < page_size) break;
  }
  return result;
}

}  // namespace convstat::connectors
