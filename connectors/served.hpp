#pragma once
// Served KPIs (spec/connectors.md "Served KPIs"): a KPI command run with
// --backend NAME of a kind whose API serves it asks that API, keeps the answer
// in the cache (table served_answers, schema version 5) and renders it through
// the shared result model. This file holds the parts that know no CLI: the
// range as the API wants it, the freshness decision, the answer store, the
// conversion of an answer into a core::Result, and the indigo client options.
#include <nlohmann/json.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>

#include "connectors/backend_config.hpp"
#include "connectors/http.hpp"
#include "core/result.hpp"
#include "core/time/time.hpp"

namespace convstat::connectors::served {

// A range of whole days as the API takes it: `from` the first day, `to` the
// day after the last (exclusive), both YYYY-MM-DD.
struct DayRange {
  std::string from;
  std::string to;
};
// The range (resolved in the backend's zone) as whole days. Throws UsageError
// for a datetime range (--from/--to with a time) or an empty one: the API
// serves whole days only.
DayRange day_range(const core::TimeRange& range, const std::string& backend);

// What identifies a stored answer.
struct AnswerKey {
  std::string backend;  // the [backend.NAME]
  std::string command;  // "daily chats"
  std::string project;  // indigo's project_id ("" when the kind has none)
  DayRange days;
};

struct StoredAnswer {
  std::int64_t fetched_at_ms = 0;
  nlohmann::json answer;
};

// The stored answer, or nullopt (also when the cache predates schema version 5).
std::optional<StoredAnswer> load_answer(SQLite::Database& db, const AnswerKey& key);
// Stores (replaces) the answer in one transaction.
void store_answer(SQLite::Database& db, const AnswerKey& key, const StoredAnswer& stored);

// When an answer is stable: the instant `settle_days` days after its range's
// exclusive end (midnight in the backend's zone). An answer fetched at or after
// that instant is never fetched again unless --refresh.
std::int64_t settled_at_ms(const std::string& to_exclusive, int settle_days, const core::TimeZone& zone);

enum class Decision {
  use_stored,      // the stored answer is stable, or younger than the ttl (or --offline)
  fetch,           // ask the API
  offline_missing  // --offline and nothing stored: exit 3
};

struct Freshness {
  std::int64_t settled_at_ms = 0;  // settled_at_ms() of the answer's range
  std::int64_t ttl_s = 300;        // age after which an unstable answer is fetched again
  bool refresh = false;            // --refresh: always fetch
  bool offline = false;            // --offline: never fetch
};

// The decision for a stored answer (or none) at `now_ms`. Pure: tests inject now.
Decision decide(const std::optional<StoredAnswer>& stored, const Freshness& freshness, std::int64_t now_ms);

// An answer as a Result that looks like the local command's output: the same
// command, title and main section "data", keys in the order sent (absent keys
// stay absent, vendor keys are kept), integers as counts, the known means with
// the local command's units (avg_score one decimal, score four decimals).
core::Result answer_result(const std::string& command, const nlohmann::json& answer);

// The HTTP client options of an indigo backend: base_url, Bearer token from
// token_env or credentials_file, its hint, timeout_s, max_retries, ca_file and
// rate_limit (default indigo's documented limit). Throws UsageError for a
// malformed key.
HttpOptions indigo_http_options(const BackendSpec& backend, const EnvLookup& env);

// The transport keys every HTTP kind shares: timeout_s (1-3600, default 30),
// max_retries (0-20, default 5), ca_file, and rate_limit ("REQUESTS/WINDOW",
// default `default_limit`, none when nullopt). A malformed rate_limit is a
// usage error whose hint shows `example` (quoted, e.g. "\"100/60s\"").
void apply_transport_keys(HttpOptions& o, const BackendSpec& backend, std::optional<RateLimit> default_limit,
                          const std::string& example);

// An integer key of a backend (ttl_s, settle_days, page_days) within [min, max],
// else `fallback`. Throws UsageError naming the key when malformed.
std::int64_t integer_key(const BackendSpec& backend, const std::string& key, std::int64_t fallback, std::int64_t min,
                         std::int64_t max);

// `backends test` for indigo: one cheap authenticated request (chats/count,
// yesterday to today). Returns the detail of success; throws what HttpClient throws.
std::string test_indigo(const BackendSpec& backend, const EnvLookup& env);

}  // namespace convstat::connectors::served
