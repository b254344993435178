#pragma once
// `convstat sync` for analytic (seed 000): one export per record type, each
// resumable, each export's records committed with its stream state in one
// transaction (connectors/sync.hpp), modelled on aurion's export stream
// (connectors/aurion_sync.hpp).
//
// Streams: POST /v1/analytic/export {"type", "format": "json", "start_date",
// "end_date"} for three of the seed's four types:
//   conversations → conversation records, leads → lead records, usage → event
//   records (data-model.md: "event — seed 000 usage").
// `agents` is not requested: data-model.md has no canonical record for an
// agent (a record only names its agent, as bot_id), and no table is invented.
//
// Seed 000 documents the request body only: the response is "export metadata
// (download URL or inline data depending on size)", and "may require polling
// for completion if a background job is triggered". convstat reads:
//   - inline: the POST answer's `data` array (also accepted: an array under
//     the type's name, or under `records`);
//   - else its `download_url` (a path, or an absolute URL on base_url; a
//     relative one is resolved against base_url; another host is refused: the
//     credentials go to base_url only), fetched with GET: 202, or a 200 whose
//     `status` is pending/queued/processing/running without data, means still
//     being generated, polled again (1 s, doubling to 10 s, at most 5 minutes);
//     `status` failed/error is an error; the data as inline (or a bare array).
// A POST answer with `status` failed/error, or with neither data nor a
// download_url, is a malformed response (exit 4 naming the endpoint).
//
// Windows: as aurion's export, start_date = the stream's first unsettled day
// (the backend's `sync_from`, default 90 days before today, on the first run),
// end_date = today (UTC, inclusive); after the export is stored, the stream's
// next start day is today - settle_days (default 7), so a re-run re-reads only
// the unsettled days and, ids being upserted, imports nothing new.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "connectors/backend_config.hpp"
#include "connectors/http.hpp"
#include "connectors/sync.hpp"
#include "core/cache/cache.hpp"

namespace convstat::connectors::analytic {

inline constexpr const char* k_export_path = "/v1/analytic/export";

// One exported type: the seed's `type`, the canonical record type it becomes.
struct ExportStream {
  std::string type;         // "conversations" (also the stream's name in sync_streams)
  std::string record_type;  // "conversation"
};
// conversations → conversation, leads → lead, usage → event (not agents: see above).
const std::vector<ExportStream>& export_streams();

// Knobs of a sync (tests inject time).
struct SyncTuning {
  double poll_first_s = 1, poll_max_s = 10;  // export polling delays
  double poll_timeout_s = 300;
  std::function<void(double)> sleep;         // default: really sleeps
  std::int64_t now_ms = 0;                   // 0: the clock
};

// Canonical records (data-model.md) from the export's items; other keys pass
// through (kept as extra), nulls are dropped (absent). Where an item carries
// both a canonical key and its alias, the canonical key wins.
// conversation: conversation_id → id, agent_id → bot_id, created_at →
//   started_at, user_id → contact_id.
// lead: lead_id → id, agent_id → bot_id, status → stage (lower-cased).
// event: usage_id / request_id → id, timestamp / created_at → at, event_type →
//   kind, total_tokens → tokens, response_time_ms → latency_ms; without a
//   kind: api_error when status_code ≥ 400, else api_request.
nlohmann::json conversation_record(const nlohmann::json& item);
nlohmann::json lead_record(const nlohmann::json& item);
nlohmann::json event_record(const nlohmann::json& item);

// Syncs every stream with `client` into an open cache (the caller holds the lock).
SyncSummary sync(core::Cache& cache, const BackendSpec& backend, HttpClient& client, const SyncOptions& options,
                 const SyncTuning& tuning = {});
// The same with a client built from the backend's http_options.
SyncSummary sync_backend(core::Cache& cache, const BackendSpec& backend, const SyncOptions& options);

}  // namespace convstat::connectors::analytic
