#pragma once
// `convstat sync` for aurion (seed 002): two streams, each resumable, each unit
// committed with its stream state in one transaction (connectors/sync.hpp).
//
// csat: GET /api/v2/analytics/conversations/csat/responses, limit 200, offset
// paging until `total`, over a window [from, to] of sent times. Each page's
// records and the cursor (window + next offset) commit together, so a killed
// run resumes the same window at the next page. When the window is done, its
// settled part (older than settle_days, default 7) is never read again: the
// next run's window starts at min(to, today - settle_days) and ends now, so
// responses that arrive later (for recent days) are picked up, and a re-run
// when nothing changed re-reads only the unsettled days and imports nothing new
// (ids are upserted: a response read twice is stored once).
//
// export: POST /api/v1/analytics/export {format json, scope all, call details
// and conversations, start_date..end_date = the first unsettled day .. today,
// tz UTC}, then GET its download_url: a 202 means still being generated (the
// seed documents no status field), so convstat checks the export is listed in
// GET /api/v1/analytics/exports and polls again (1 s, doubling to 10 s, at most
// 5 minutes). The whole export (calls and conversations) and the stream's next
// start day commit in one transaction.
//
// The sync range starts at the backend's `sync_from` (YYYY-MM-DD; default 90
// days before today) on the first run.
#include <cstdint>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "connectors/backend_config.hpp"
#include "connectors/http.hpp"
#include "connectors/sync.hpp"
#include "core/cache/cache.hpp"

namespace convstat::connectors::aurion {

inline constexpr const char* k_csat_path = "/api/v2/analytics/conversations/csat/responses";
inline constexpr const char* k_export_path = "/api/v1/analytics/export";
inline constexpr const char* k_exports_path = "/api/v1/analytics/exports";

// Knobs of a sync (tests inject time).
struct SyncTuning {
  int page_size = 200;                       // csat responses per page (seed: 1-200)
  double poll_first_s = 1, poll_max_s = 10;  // export polling delays
  double poll_timeout_s = 300;
  std::function<void(double)> sleep;         // default: really sleeps
  std::int64_t now_ms = 0;                   // 0: the clock
};

// Canonical records (data-model.md) from the API's items. A csat response keeps
// its conversation context (contact_id, conversation_subject, assignee_*) as
// extra fields. An export call: call_id → id, start_time → started_at,
// phone_number_redacted → phone. An export conversation: conversation_id → id,
// created_at → started_at, assignee_user_id → assignee_id, assignee_team_id /
// assignee_team_name → team_id / team_name. Other keys pass through; nulls are
// dropped (absent).
nlohmann::json csat_record(const nlohmann::json& item);
nlohmann::json call_record(const nlohmann::json& item);
nlohmann::json conversation_record(const nlohmann::json& item);

// The csat stream's cursor, as stored in the stream's watermark columns:
// watermark = `from`, watermark_id = "TO|OFFSET" while a window is in
// progress, "" between runs.
struct CsatCursor {
  std::string from, to;  // RFC 3339 UTC
  std::int64_t offset = 0;
};

// Syncs both streams with `client` into an open cache (the caller holds the lock).
SyncSummary sync(core::Cache& cache, const BackendSpec& backend, HttpClient& client, const SyncOptions& options,
                 const SyncTuning& tuning = {});
// The same with a client built from the backend's http_options.
SyncSummary sync_backend(core::Cache& cache, const BackendSpec& backend, const SyncOptions& options);

}  // namespace convstat::connectors::aurion
