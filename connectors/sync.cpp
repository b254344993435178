#include "connectors/sync.hpp"

#include <chrono>
#include <cstdio>

#include "connectors/analytic_sync.hpp"
#include "connectors/aurion_sync.hpp"
#include "connectors/files.hpp"
#include "connectors/lock.hpp"
#include "connectors/postgres.hpp"
#include "connectors/served.hpp"
#include "connectors/sync_state.hpp"
#include "core/error.hpp"
#include "core/time/time.hpp"

namespace convstat::connectors {
namespace {

std::string plural(std::int64_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

void throw_not_built(const BackendSpec& backend, const std::string& what) {
  throw core::BackendError("backend '" + backend.name + "': the " + std::string(backend.kind->name) +
                               " connector is not built yet, so it cannot " + what,
                           "this convstat syncs files, postgres, aurion and analytic backends");
}

SyncSummary sync_backend(const std::string& cache_path, const BackendSpec& backend, const SyncOptions& options) {
  const std::string_view kind = backend.kind->name;
  const bool aurion = kind == "aurion", analytic = kind == "analytic";  // the HTTP kinds whose sync is built
  // indigo, speechai, botserver serve aggregates: nothing to pull (connectors.md: records pulled "—").
  if (!backend.kind->records)
    throw core::UsageError("backend '" + backend.name + "' (" + std::string(kind) +
                               ") serves aggregates only: there are no records to sync",
                           "its KPIs are asked with --backend " + backend.name);
  if (backend.kind->http && !aurion && !analytic) throw_not_built(backend, "sync");
  if (options.page_size < 1) throw core::UsageError("--page-size must be at least 1");
  const SyncLock lock(cache_path, options.wait_seconds, options.on_wait);
  core::Cache cache(cache_path, core::OpenMode::read_write);
  const auto started = std::chrono::steady_clock::now();
  SyncSummary summary = aurion            ? aurion::sync_backend(cache, backend, options)
                        : analytic         ? analytic::sync_backend(cache, backend, options)
                        : kind == "files" ? sync_files(cache, backend, options)
                                           : sync_postgres(cache, backend, options);
  summary.backend = backend.name;
  summary.kind = std::string(backend.kind->name);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  SyncRun run{summary.kind, core::now_ms(), summary.records, summary.counts.inserted, summary.counts.updated,
              summary.counts.unchanged};
  save_last_run(cache.db(), backend.name, run);
  return summary;
}

std::string summary_line(const SyncSummary& s) {
  std::string line = "sync " + s.backend + " (" + s.kind + "): ";
  const bool files = s.kind == "files";
  // An HTTP backend re-reads its unsettled days: nothing new when no record was inserted or changed.
  const bool http = s.kind == "aurion" || s.kind == "analytic";
  if (http && s.counts.inserted == 0 && s.counts.updated == 0) {
    return line + "nothing new (" + plural(s.streams, "stream") + ", " + plural(s.records, "record") + " re-read, " +
           std::to_string(s.counts.unchanged) + " unchanged)";
  }
  if (files ? s.files_imported == 0 : s.records == 0) {
    return line + "nothing new (" +
           (files ? plural(s.files_unchanged, "file") + " unchanged" : plural(s.streams, "stream") + " up to date") + ")";
  }
  if (files) line += plural(s.files_imported, "file") + " imported, " + std::to_string(s.files_unchanged) + " unchanged";
  else line += plural(s.streams, "stream") + ", " + plural(s.pages, "page");
  char timing[64];
  const double rate = s.seconds > 0 ? static_cast<double>(s.records) / s.seconds : 0;
  std::snprintf(timing, sizeof timing, "; %.1f s, %.0f records/s", s.seconds, rate);
  return line + "; records " + std::to_string(s.counts.inserted) + " new, " + std::to_string(s.counts.updated) +
         " updated, " + std::to_string(s.counts.unchanged) + " unchanged" + timing;
}

SyncDays sync_days(const BackendSpec& backend, std::int64_t now_ms) {
  SyncDays days;
  days.today = core::TimeZone::utc().local_day(now_ms);
  days.first_day = days.today - 90;
  if (const auto text = backend.get("sync_from")) {
    const auto day = core::parse_date(*text);
    if (!day)
      throw core::UsageError("backend '" + backend.name + "': invalid sync_from '" + *text + "'",
                             "write it as a date: sync_from = \"2026-01-01\"");
    days.first_day = *day;
  }
  days.settle_days = served::integer_key(backend, "settle_days", 7, 0, 3650);
  return days;
}

}  // namespace convstat::connectors
