#include "connectors/aurion_sync.hpp"

#include <algorithm>
#include <chrono>
#include <initializer_list>
#include <thread>

#include "connectors/aurion.hpp"
#include "connectors/served.hpp"
#include "connectors/sync.hpp"
#include "connectors/sync_state.hpp"
#include "core/error.hpp"
#include "core/import/validate.hpp"
#include "core/records/schema.hpp"
#include "core/time/time.hpp"

namespace convstat::connectors::aurion {
namespace {

using json = nlohmann::json;
constexpr std::int64_t k_day_ms = 86'400'000;

json renamed(const json& item, std::initializer_list<std::pair<const char*, const char*>> renames) {
  json out = json::object();
  if (!item.is_object()) return out;
  for (const auto& [key, value] : item.items()) {
    if (value.is_null()) continue;
    std::string name = key;
    for (const auto& [from, to] : renames)
      if (key == from && !item.contains(to)) name = to;
    out[name] = value;
  }
  return out;
}

json parse_object(const HttpResponse& response, const std::string& where, const std::string& what_kept) {
  json body = json::parse(response.body, nullptr, false);
  if (body.is_discarded())
    throw core::BackendError(where + ": malformed response (not JSON, or cut short)", what_kept + "; try again");
  if (!body.is_object()) throw core::BackendError(where + ": malformed response (not a JSON object)", what_kept);
  return body;
}

// Validates and upserts one record; DataError naming the stream, the item and the field.
core::UpsertOutcome put(core::RecordWriter& writer, const core::RecordValidator& validator, const json& record,
                        const core::RecordType& type, const std::string& backend, const std::string& stream) {
  core::Validation v = validator.validate_as(record, type);
  if (!v.ok()) {
    const std::string id = record.contains("id") && record["id"].is_string() ? record["id"].get<std::string>() : "?";
    std::string message = "backend '" + backend + "': " + stream + " " + std::string(type.name) + " id '" + id +
                          "' is invalid; this unit was not written:";
    for (const core::FieldError& e : v.errors) message += "\n  " + stream + ": id " + id + ": " + e.field + ": " + e.reason;
    throw core::DataError(message, "the records committed before it are kept; sync resumes at this unit");
  }
  return writer.upsert(*v.record);
}

struct Context {
  core::Cache& cache;
  const BackendSpec& backend;
  HttpClient& client;
  const SyncOptions& options;
  const SyncTuning& tuning;
  std::int64_t now_ms;
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

CsatCursor load_cursor(Context& c) {
  const auto mark = load_watermark(c.cache.db(), c.backend.name, "csat");
  CsatCursor cursor;
  cursor.from = mark ? mark->updated_at : core::format_instant_utc(c.days.first_day * k_day_ms);
  const std::string window = mark ? mark->id : "";
  const auto bar = window.find('|');
  if (bar != std::string::npos) {
    cursor.to = window.substr(0, bar);
    try {
      cursor.offset = std::stoll(window.substr(bar + 1));
    } catch (const std::exception&) {
      cursor.offset = 0;
    }
  } else {
    cursor.to = core::format_instant_utc((c.now_ms / 1000 - 1) * 1000);  // inclusive: now - 1 s
  }
  return cursor;
}

void sync_csat(Context& c) {
  const core::RecordType& type = *core::find_record_type("csat");
  const core::RecordValidator validator;
  const std::string where = c.backend.name + ": GET " + k_csat_path;
  CsatCursor cursor = load_cursor(c);
  const auto stored = load_watermark(c.cache.db(), c.backend.name, "csat");
  std::int64_t committed = stored ? stored->records : 0;
  // The next window starts where the settled days end (never before this one's start).
  const std::string settled = core::format_instant_utc((c.days.today - c.days.settle_days) * k_day_ms);
  const auto next_from = [&](const std::string& to) {
    const std::string after_to = core::format_instant_utc(core::parse_timestamp(to, nullptr, nullptr).value_or(0) + 1000);
    return std::max(cursor.from, std::min(after_to, settled));
  };
  ++c.summary.streams;
  c.progress.label = "csat responses";
  if (cursor.to < cursor.from) return;  // nothing to read yet
  for (;;) {
    const HttpResponse response =
        c.client.get(k_csat_path, {{"date_from", cursor.from}, {"date_to", cursor.to},
                                   {"limit", std::to_string(c.tuning.page_size)}, {"offset", std::to_string(cursor.offset)}});
    json page = parse_object(response, where, "the pages before it are kept");
    if (!page.contains("items") || !page["items"].is_array() || !page.contains("total") ||
        !page["total"].is_number_integer())
      throw core::BackendError(where + ": malformed response (not the documented {items, total, limit, offset} envelope)",
                               "the pages before it are kept");
    const std::int64_t total = page["total"].get<std::int64_t>();
    const json& items = page["items"];
    if (items.empty() && cursor.offset < total)
      throw core::BackendError(where + ": the API sent an empty page at offset " + std::to_string(cursor.offset) + " of " +
                                   std::to_string(total) + "; stopped instead of looping",
                               "the pages before it are kept; run sync again to resume");
    core::RecordWriter writer(c.cache);
    for (const json& item : items) c.summary.counts.count(put(writer, validator, csat_record(item), type, c.backend.name, "csat"));
    cursor.offset += static_cast<std::int64_t>(items.size());
    committed += static_cast<std::int64_t>(items.size());
    const bool done = cursor.offset >= total;
    const Watermark mark = done ? Watermark{next_from(cursor.to), "", committed}
                                : Watermark{cursor.from, cursor.to + "|" + std::to_string(cursor.offset), committed};
    save_watermark(c.cache.db(), c.backend.name, "csat", mark);
    writer.commit();
    c.summary.records += static_cast<std::int64_t>(items.size());
    if (!items.empty()) ++c.summary.pages;
    c.progressed();
    if (done) return;
  }
}

// A download_url relative to base_url (the seed's are paths). An absolute URL
// on another host is refused: the credentials go to base_url only.
std::string download_path(const Context& c, const std::string& url) {
  if (!url.empty() && url[0] == '/') return url;
  const std::string& base = c.client.options().base_url;
  if (!base.empty() && url.rfind(base, 0) == 0) return url.substr(base.size());
  throw core::BackendError(c.backend.name + ": the export's download_url '" + url + "' is not on base_url " + base,
                           "convstat sends the credentials to base_url only");
}

void sync_export(Context& c) {
  const auto stored = load_watermark(c.cache.db(), c.backend.name, "export");
  std::int64_t start = c.days.first_day;
  if (stored) {
    if (const auto day = core::parse_date(stored->updated_at)) start = *day;
  }
  ++c.summary.streams;
  c.progress.label = "export";
  if (start > c.days.today) return;
  const std::string start_date = core::format_date(static_cast<std::int32_t>(start));
  const std::string end_date = core::format_date(static_cast<std::int32_t>(c.days.today));
  const json request = {{"format", "json"},           {"start_date", start_date},        {"end_date", end_date},
                        {"scope", "all"},             {"include_call_details", true},    {"include_transcripts", false},
                        {"include_conversations", true}, {"tz", "UTC"}};
  const std::string post_where = c.backend.name + ": POST " + k_export_path;
  const json created = parse_object(c.client.post(k_export_path, request.dump()), post_where, "nothing of it was stored");
  if (!created.contains("export_id") || !created["export_id"].is_string() || !created.contains("download_url") ||
      !created["download_url"].is_string())
    throw core::BackendError(post_where + ": malformed response (no export_id / download_url)", "nothing of it was stored");
  const std::string id = created["export_id"].get<std::string>();
  const std::string path = download_path(c, created["download_url"].get<std::string>());
  const std::string where = c.backend.name + ": GET " + path.substr(0, path.find('?'));

  double delay = c.tuning.poll_first_s, waited = 0;
  HttpResponse response = c.client.get(path);
  while (response.status == 202) {
    const json list = parse_object(c.client.get(k_exports_path), c.backend.name + ": GET " + k_exports_path,
                                   "nothing of the export was stored");
    bool listed = false;
    if (list.contains("exports") && list["exports"].is_array())
      for (const json& e : list["exports"])
        if (e.is_object() && e.value("export_id", json()) == id) listed = true;
    if (!listed)
      throw core::BackendError(where + ": export " + id + " is no longer listed by GET " + k_exports_path,
                               "nothing of it was stored; run sync again to create a new export");
    if (waited >= c.tuning.poll_timeout_s)
      throw core::BackendError(where + ": export " + id + " still not ready after " +
                                   std::to_string(static_cast<int>(waited)) + " s",
                               "nothing of it was stored; run sync again later");
    c.sleep(delay);
    waited += delay;
    delay = std::min(delay * 2, c.tuning.poll_max_s);
    response = c.client.get(path);
  }
  const json body = parse_object(response, where, "nothing of the export was stored");
  const bool has_calls = body.contains("calls") && body["calls"].is_array();
  const bool has_conversations = body.contains("conversations") && body["conversations"].is_array();
  if (!has_calls && !has_conversations)
    throw core::BackendError(where + ": malformed export (neither a calls nor a conversations array)",
                             "nothing of it was stored");

  const core::RecordValidator validator;
  core::RecordWriter writer(c.cache);
  std::int64_t records = 0;
  if (has_calls)
    for (const json& item : body["calls"]) {
      c.summary.counts.count(put(writer, validator, call_record(item), *core::find_record_type("call"), c.backend.name, "export"));
      ++records;
    }
  if (has_conversations)
    for (const json& item : body["conversations"]) {
      c.summary.counts.count(put(writer, validator, conversation_record(item), *core::find_record_type("conversation"),
                                c.backend.name, "export"));
      ++records;
    }
  const std::int64_t next = std::max(start, c.days.today - c.days.settle_days);
  save_watermark(c.cache.db(), c.backend.name, "export",
                 Watermark{core::format_date(static_cast<std::int32_t>(next)), "", (stored ? stored->records : 0) + records});
  writer.commit();
  c.summary.records += records;
  ++c.summary.pages;
  c.progressed();
}

}  // namespace

json csat_record(const json& item) { return renamed(item, {}); }

json call_record(const json& item) {
  return renamed(item, {{"call_id", "id"}, {"start_time", "started_at"}, {"phone_number_redacted", "phone"}});
}

json conversation_record(const json& item) {
  return renamed(item, {{"conversation_id", "id"},
                        {"created_at", "started_at"},
                        {"assignee_user_id", "assignee_id"},
                        {"assignee_team_id", "team_id"},
                        {"assignee_team_name", "team_name"}});
}

SyncSummary sync(core::Cache& cache, const BackendSpec& backend, HttpClient& client, const SyncOptions& options,
                 const SyncTuning& tuning) {
  if (tuning.page_size < 1 || tuning.page_size > k_max_page)
    throw core::UsageError("aurion pages hold 1-200 csat responses");
  SyncSummary summary;
  const std::int64_t now = tuning.now_ms ? tuning.now_ms : core::now_ms();
  Context c{cache, backend, client, options, tuning, now, sync_days(backend, now), summary, SyncProgress{}};
  sync_csat(c);
  sync_export(c);
  return summary;
}

SyncSummary sync_backend(core::Cache& cache, const BackendSpec& backend, const SyncOptions& options) {
  HttpClient client(http_options(backend, options.env));
  return sync(cache, backend, client, options);
}

}  // namespace convstat::connectors::aurion
