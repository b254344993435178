#include "connectors/analytic_sync.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <initializer_list>
#include <thread>

#include "connectors/analytic.hpp"
#include "connectors/served.hpp"
#include "connectors/sync.hpp"
#include "connectors/sync_state.hpp"
#include "core/error.hpp"
#include "core/import/validate.hpp"
#include "core/records/schema.hpp"
#include "core/time/time.hpp"

namespace convstat::connectors::analytic {
namespace {

using json = nlohmann::json;
constexpr std::int64_t k_day_ms = 86'400'000;

// Each target takes the first of its aliases the item carries, unless the item
// carries the target itself; the aliases are then dropped. Nulls are dropped.
json mapped(const json& item, std::initializer_list<std::pair<const char*, std::initializer_list<const char*>>> aliases) {
  json out = json::object();
  if (!item.is_object()) return out;
  for (const auto& [key, value] : item.items())
    if (!value.is_null()) out[key] = value;
  for (const auto& [target, sources] : aliases) {
    for (const char* source : sources) {
      if (!out.contains(source)) continue;
      if (!out.contains(target)) out[target] = out[source];
      out.erase(source);
    }
  }
  return out;
}

std::string lower(std::string text) {
  for (auto& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

json parse_body(const HttpResponse& response, const std::string& where, const std::string& what_kept) {
  json body = json::parse(response.body, nullptr, false);
  if (body.is_discarded())
    throw core::BackendError(where + ": malformed response (not JSON, or cut short)", what_kept + "; try again");
  return body;
}

// Validates and upserts one record; DataError naming the stream, the item and the field.
core::UpsertOutcome put(core::RecordWriter& writer, const core::RecordValidator& validator, const json& record,
                        const core::RecordType& type, const std::string& backend, const std::string& stream) {
  core::Validation v = validator.validate_as(record, type);
  if (!v.ok()) {
    const std::string id = record.contains("id") && record["id"].is_string() ? record["id"].get<std::string>() : "?";
    std::string message = "backend '" + backend + "': export " + stream + ": " + std::string(type.name) + " id '" + id +
                          "' is invalid; this export was not written:";
    for (const core::FieldError& e : v.errors) message += "\n  " + stream + ": id " + id + ": " + e.field + ": " + e.reason;
    throw core::DataError(message, "the exports committed before it are kept; sync resumes at this one");
  }
  return writer.upsert(*v.record);
}

bool status_is(const json& body, std::initializer_list<const char*> values) {
  if (!body.is_object() || !body.contains("status") || !body["status"].is_string()) return false;
  const std::string status = lower(body["status"].get<std::string>());
  for (const char* v : values)
    if (status == v) return true;
  return false;
}

// The export's records in `body`: a bare array, or an object's `data`, `<type>` or `records` array; nullptr if none.
const json* data_of(const json& body, const std::string& type) {
  if (body.is_array()) return &body;
  if (!body.is_object()) return nullptr;
  for (const std::string& key : {std::string("data"), type, std::string("records")})
    if (body.contains(key) && body[key].is_array()) return &body[key];
  return nullptr;
}

std::string failure_of(const json& body) {
  for (const char* key : {"message", "error"})
    if (body.is_object() && body.contains(key) && body[key].is_string()) return ": " + body[key].get<std::string>();
  return "";
}

struct Context {
  core::Cache& cache;
  const BackendSpec& backend;
  HttpClient& client;
  const SyncOptions& options;
  const SyncTuning& tuning;
  SyncDays days;              // UTC day numbers: today, first_day (sync_from), settle_days
  SyncSummary& summary;
  SyncProgress progress;

  void progressed() {
    progress.records = summary.records;
    progress.pages = summary.pages;
    if (options.on_progress) options.on_progress(progress);
  }
  void sleep(double seconds) const {
    if (tuning.sleep) tuning.sleep(seconds);
    else std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  }
};

// A download_url as a path on base_url: a path as is, a relative one under
// base_url's root, an absolute URL on base_url stripped of it; another host is
// refused (the credentials go to base_url only).
std::string download_path(const Context& c, const std::string& url) {
  const std::string& base = c.client.options().base_url;
  if (!url.empty() && url[0] == '/') return url;
  if (!base.empty() && url.rfind(base, 0) == 0) {
    const std::string rest = url.substr(base.size());
    if (rest.empty() || rest[0] == '/' || rest[0] == '?') return rest.empty() ? "/" : rest;
  }
  if (!url.empty() && url.find("://") == std::string::npos && url.rfind("//", 0) != 0) return "/" + url;
  throw core::BackendError(c.backend.name + ": the export's download_url '" + url + "' is not on base_url " + base,
                           "convstat sends the credentials to base_url only");
}

// GETs the download URL until the export is ready; returns its body.
json download(Context& c, const std::string& type, const std::string& url) {
  const std::string path = download_path(c, url);
  const std::string where = c.backend.name + ": GET " + path.substr(0, path.find('?'));
  const std::string kept = "nothing of the " + type + " export was stored";
  double delay = c.tuning.poll_first_s, waited = 0;
  for (;;) {
    const HttpResponse response = c.client.get(path);
    const bool accepted = response.status == 202;
    json body = accepted ? json::parse(response.body, nullptr, false) : parse_body(response, where, kept);
    if (status_is(body, {"failed", "error"}))
      throw core::BackendError(where + ": the " + type + " export failed" + failure_of(body), kept + "; run sync again");
    const bool pending = accepted || (data_of(body, type) == nullptr &&
                                      status_is(body, {"pending", "queued", "processing", "running", "in_progress"}));
    if (pending) {
      if (waited >= c.tuning.poll_timeout_s)
        throw core::BackendError(where + ": the " + type + " export is still not ready after " +
                                     std::to_string(static_cast<int>(waited)) + " s",
                                 kept + "; run sync again later");
      c.sleep(delay);
      waited += delay;
      delay = std::min(delay * 2, c.tuning.poll_max_s);
      continue;
    }
    if (data_of(body, type) == nullptr) throw core::BackendError(where + ": malformed export (no data array)", kept);
    return body;
  }
}


json record_of(const std::string& record_type, const json& item) {
  if (record_type == "conversation") return conversation_record(item);
  if (record_type == "lead") return lead_record(item);
  return event_record(item);
}

void sync_stream(Context& c, const ExportStream& stream) {
  const auto stored = load_watermark(c.cache.db(), c.backend.name, stream.type);
  std::int64_t start = c.days.first_day;
  if (stored) {
    if (const auto day = core::parse_date(stored->updated_at)) start = *day;
  }
  ++c.summary.streams;
  c.progress.label = stream.type + " export";
  if (start > c.days.today) return;
  const std::string start_date = core::format_date(static_cast<std::int32_t>(start));
  const std::string end_date = core::format_date(static_cast<std::int32_t>(c.days.today));
  const json request = {{"type", stream.type}, {"format", "json"}, {"start_date", start_date}, {"end_date", end_date}};
  const std::string post_where = c.backend.name + ": POST " + k_export_path + " (" + stream.type + ")";
  const std::string kept = "nothing of the " + stream.type + " export was stored";
  json created = parse_body(c.client.post(k_export_path, request.dump()), post_where, kept);
  if (!created.is_array() && !created.is_object())
    throw core::BackendError(post_where + ": malformed response (not a JSON object)", kept);
  if (status_is(created, {"failed", "error"}))
    throw core::BackendError(post_where + ": the export failed" + failure_of(created), kept + "; run sync again");
  json body;
  const json* items = data_of(created, stream.type);
  if (items == nullptr) {
    if (!created.is_object() || !created.contains("download_url") || !created["download_url"].is_string())
      throw core::BackendError(post_where + ": malformed response (neither inline data nor a download_url)", kept);
    body = download(c, stream.type, created["download_url"].get<std::string>());
    items = data_of(body, stream.type);
  }

  const core::RecordType& type = *core::find_record_type(stream.record_type);
  const core::RecordValidator validator;
  core::RecordWriter writer(c.cache);
  std::int64_t records = 0;
  for (const json& item : *items) {
    c.summary.counts.count(put(writer, validator, record_of(stream.record_type, item), type, c.backend.name, stream.type));
    ++records;
  }
  const std::int64_t next = std::max(start, c.days.today - c.days.settle_days);
  save_watermark(c.cache.db(), c.backend.name, stream.type,
                 Watermark{core::format_date(static_cast<std::int32_t>(next)), "", (stored ? stored->records : 0) + records});
  writer.commit();
  c.summary.records += records;
  ++c.summary.pages;
  c.progressed();
}

}  // namespace

const std::vector<ExportStream>& export_streams() {
  static const std::vector<ExportStream> all = {
      {"conversations", "conversation"}, {"leads", "lead"}, {"usage", "event"}};
  return all;
}

json conversation_record(const json& item) {
  return mapped(item, {{"id", {"conversation_id"}},
                       {"bot_id", {"agent_id"}},
                       {"started_at", {"created_at"}},
                       {"contact_id", {"user_id"}}});
}

json lead_record(const json& item) {
  json out = mapped(item, {{"id", {"lead_id"}}, {"bot_id", {"agent_id"}}, {"stage", {"status"}}});
  if (out.contains("stage") && out["stage"].is_string()) out["stage"] = lower(out["stage"].get<std::string>());
  return out;
}

json event_record(const json& item) {
  json out = mapped(item, {{"id", {"usage_id", "request_id"}},
                           {"at", {"timestamp", "created_at"}},
                           {"kind", {"event_type"}},
                           {"tokens", {"total_tokens"}},
                           {"latency_ms", {"response_time_ms"}}});
  if (!out.contains("kind")) {
    const bool failed = out.contains("status_code") && out["status_code"].is_number() && out["status_code"].get<double>() >= 400;
    out["kind"] = failed ? "api_error" : "api_request";
  }
  return out;
}

SyncSummary sync(core::Cache& cache, const BackendSpec& backend, HttpClient& client, const SyncOptions& options,
                 const SyncTuning& tuning) {
  SyncSummary summary;
  const std::int64_t now = tuning.now_ms ? tuning.now_ms : core::now_ms();
  Context c{cache, backend, client, options, tuning, sync_days(backend, now), summary, SyncProgress{}};
  for (const ExportStream& stream : export_streams()) sync_stream(c, stream);
  return summary;
}

SyncSummary sync_backend(core::Cache& cache, const BackendSpec& backend, const SyncOptions& options) {
  HttpClient client(http_options(backend, options.env));
  return sync(cache, backend, client, options);
}

}  // namespace convstat::connectors::analytic
