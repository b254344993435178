#include "cli/served.hpp"

#include <filesystem>
#include <iostream>
#include <limits>

#include "connectors/analytic.hpp"
#include "connectors/aurion.hpp"
#include "connectors/botserver.hpp"
#include "connectors/indigo.hpp"
#include "connectors/served.hpp"
#include "connectors/speechai.hpp"
#include "core/cache/audit.hpp"
#include "core/error.hpp"
#include "core/kpi/calls.hpp"
#include "core/util/redact.hpp"

namespace convstat::cli {
namespace {

namespace served = connectors::served;

// "daily messages, daily chats, …": the commands a kind serves, as typed.
std::string served_commands(const connectors::KindInfo& kind) {
  if (kind.name == "indigo") {
    std::string out;
    for (const auto& e : connectors::indigo::endpoints()) out += (out.empty() ? "" : ", ") + e.command;
    return out;
  }
  if (kind.name == "aurion") return connectors::aurion::served_commands();
  if (kind.name == "analytic") return connectors::analytic::served_commands();
  if (kind.name == "speechai") return connectors::speechai::served_commands();
  if (kind.name == "botserver") return connectors::botserver::served_commands();
  return std::string(kind.serves);
}

std::string describe(const served::AnswerKey& key) {
  return key.command + " " + key.days.from + ".." + key.days.to + " (to exclusive)";
}

}  // namespace

std::unique_ptr<ServedSource> ServedSource::from_context(Context& ctx) {
  const auto name = ctx.setting("backend");
  if (!name || name->empty()) return nullptr;
  // files/postgres hold records, not answers: `sync` fills the cache and the KPI is computed from it
  // (their credentials are not needed for that, so they are not checked here).
  const auto& backends = ctx.config().backends;
  if (const auto it = backends.find(*name); it != backends.end())
    if (const auto* kind = connectors::find_kind(it->second.get("kind").value_or("")); kind && !kind->http) {
      if (ctx.verbose())
        std::cerr << "convstat: backend " << *name << " (" << kind->name
                  << ") serves no KPI: computed from the cache it syncs into\n";
      return nullptr;
    }
  connectors::BackendSpec spec = connectors::validate_backend(ctx.config(), *name, connectors::process_environment());
  return std::unique_ptr<ServedSource>(new ServedSource(std::move(spec)));
}

void ServedSource::require(const core::KpiDefinition& kpi) const {
  if (m_spec.kind->name == "aurion") {
    if (connectors::aurion::endpoint_for(kpi.name) == nullptr)
      throw core::UsageError("backend '" + m_spec.name + "' (aurion) does not serve " + kpi.name +
                                 "; it serves: " + served_commands(*m_spec.kind),
                             "run " + kpi.name + " without --backend to compute it from the local cache");
    return;
  }
  if (m_spec.kind->name == "analytic") {
    if (!connectors::analytic::serves(kpi.name))
      throw core::UsageError("backend '" + m_spec.name + "' (analytic) does not serve " + kpi.name +
                                 "; it serves: " + served_commands(*m_spec.kind),
                             "run " + kpi.name + " without --backend to compute it from the local cache");
    return;
  }
  if (m_spec.kind->name == "speechai") {
    if (!connectors::speechai::serves(kpi.name))
      throw core::UsageError("backend '" + m_spec.name + "' (speechai) does not serve " + kpi.name +
                                 "; it serves: " + served_commands(*m_spec.kind),
                             "run " + kpi.name + " without --backend to compute it from the local cache");
    return;
  }
  if (m_spec.kind->name == "botserver") {
    if (connectors::botserver::endpoint_for(kpi.name) == nullptr)
      throw core::UsageError("backend '" + m_spec.name + "' (botserver) does not serve " + kpi.name +
                                 "; it serves: " + served_commands(*m_spec.kind),
                             "run " + kpi.name + " without --backend to compute it from the local cache");
    return;
  }
  if (m_spec.kind->name != "indigo")
    throw core::BackendError("backend '" + m_spec.name + "': the " + std::string(m_spec.kind->name) +
                                 " connector is not built yet: " + kpi.name + " was not asked",
                             "run the command without --backend to compute it from the local cache");
  if (connectors::indigo::endpoint_for(kpi.name) == nullptr)
    throw core::UsageError("backend '" + m_spec.name + "' (indigo) does not serve " + kpi.name +
                               "; it serves: " + served_commands(*m_spec.kind),
                           "run " + kpi.name + " without --backend to compute it from the local cache");
}

std::unique_ptr<core::Cache> ServedSource::open_cache(Context& ctx) const {
  if (ctx.offline()) {
    std::error_code ec;
    if (!std::filesystem::exists(ctx.cache_path(), ec)) return nullptr;
    return ctx.open_cache(core::OpenMode::read_only);
  }
  return ctx.open_cache(core::OpenMode::read_write);
}

void ServedSource::refuse_filters(Context& ctx, const core::KpiDefinition& kpi) const {
  const core::Filters& filters = ctx.filters();
  if (filters.narrows_conversations() || filters.outcome)
    throw core::UsageError("backend '" + m_spec.name + "' serves " + kpi.name + " without filters",
                           "drop the filter options, or run without --backend to compute it locally");
}

nlohmann::json ServedSource::cached_or_fetched(Context& ctx, core::Cache* cache, const served::AnswerKey& key,
                                               const std::string& what, const core::KpiDefinition& kpi,
                                               std::int64_t settled_at_ms,
                                               const std::function<nlohmann::json()>& fetch) const {
  served::Freshness freshness;
  freshness.settled_at_ms = settled_at_ms;
  freshness.ttl_s = served::integer_key(m_spec, "ttl_s", 300, 0, 100L * 365 * 86400);
  freshness.refresh = ctx.refresh();
  freshness.offline = ctx.offline();
  const std::optional<served::StoredAnswer> stored = cache ? served::load_answer(cache->db(), key) : std::nullopt;
  const std::int64_t now = core::now_ms();

  switch (served::decide(stored, freshness, now)) {
    case served::Decision::use_stored:
      if (ctx.verbose())
        std::cerr << "convstat: " << m_spec.name << ": " << what << " from the cache (fetched "
                  << core::format_instant_utc(stored->fetched_at_ms) << ")\n";
      if (ctx.offline() && stored->fetched_at_ms < freshness.settled_at_ms &&
          now - stored->fetched_at_ms >= freshness.ttl_s * 1000)
        ctx.note("convstat: --offline: " + m_spec.name + "'s answer for " + kpi.name + " was fetched at " +
                 core::format_instant_utc(stored->fetched_at_ms) + " and may be out of date");
      return stored->answer;
    case served::Decision::offline_missing:
      throw core::DataError("--offline: no answer of backend '" + m_spec.name + "' for " + what + " in the cache " +
                                ctx.cache_path(),
                            "run it once without --offline to fetch it");
    case served::Decision::fetch: break;
  }
  if (ctx.verbose()) std::cerr << "convstat: " << m_spec.name << ": fetching " << what << "\n";
  nlohmann::json answer = fetch();
  // Stored only now that every page arrived: a failure above leaves the cache as it was.
  if (cache) served::store_answer(cache->db(), key, {now, answer});
  return answer;
}

core::Result ServedSource::answer(Context& ctx, core::Cache* cache, const core::KpiDefinition& kpi,
                                  const std::map<std::string, std::string>& options) const {
  require(kpi);
  if (m_spec.kind->name == "aurion") return answer_aurion(ctx, cache, kpi, options);
  if (m_spec.kind->name == "analytic") return answer_analytic(ctx, cache, kpi, options);
  if (m_spec.kind->name == "speechai") return answer_speechai(ctx, cache, kpi, options);
  if (m_spec.kind->name == "botserver") return answer_botserver(ctx, cache, kpi, options);
  for (const char* option : {"limit", "cursor"})
    if (options.count(option))
      throw core::UsageError("--" + std::string(option) + " pages the local series; with --backend " + m_spec.name +
                                 " the whole range is fetched and printed",
                             "drop --" + std::string(option) + ", or narrow the range with --from/--to");
  refuse_filters(ctx, kpi);

  const std::string zone_name = m_spec.get("tz").value_or("UTC");
  const core::TimeZone zone(zone_name);
  if (const auto tz = ctx.setting("tz"); tz && *tz != zone_name)
    throw core::UsageError("backend '" + m_spec.name + "' buckets days in " + zone_name + ", not " + *tz,
                           "drop --tz (or CONVSTAT_TZ / the tz setting), or use --tz " + zone_name);
  const core::TimeRange range = ctx.time_range_in(zone);
  const served::AnswerKey key{m_spec.name, kpi.name, m_spec.get("project_id").value_or(""),
                              served::day_range(range, m_spec.name)};

  const std::int64_t settled =
      served::settled_at_ms(key.days.to, static_cast<int>(served::integer_key(m_spec, "settle_days", 1, 0, 3650)), zone);
  const nlohmann::json answer = cached_or_fetched(ctx, cache, key, describe(key), kpi, settled, [&] {
    const std::int64_t page_days = served::integer_key(m_spec, "page_days", connectors::indigo::k_max_page_days, 1,
                                                       connectors::indigo::k_max_page_days);
    connectors::HttpClient client(served::indigo_http_options(m_spec, connectors::process_environment()));
    nlohmann::json fetched = connectors::indigo::fetch_daily(client, *connectors::indigo::endpoint_for(kpi.name),
                                                             key.project, key.days.from, key.days.to,
                                                             static_cast<int>(page_days));
    if (ctx.verbose())
      std::cerr << "convstat: " << m_spec.name << ": " << client.requests().size() << " request(s)\n";
    return fetched;
  });
  return served::answer_result(kpi.name, answer);
}

// aurion (seed 002): one GET per command (csat responses: every page). v2:
// date_from/date_to in UTC with an inclusive date_to, the answer kept under
// those two instants ("" for teams, which takes no range); csat responses
// keeps the whole list and prints the --limit/--offset page of it. v1 (calls,
// calls resolution): start_date/end_date days of --tz and tz, kept per zone.
core::Result ServedSource::answer_aurion(Context& ctx, core::Cache* cache, const core::KpiDefinition& kpi,
                                         const std::map<std::string, std::string>& options) const {
  namespace aurion = connectors::aurion;
  const aurion::Endpoint& endpoint = *aurion::endpoint_for(kpi.name);
  refuse_filters(ctx, kpi);
  const auto option = [&options](const std::string& name) {
    const auto it = options.find(name);
    return it == options.end() ? std::string() : it->second;
  };
  const auto shaped = [&](const nlohmann::json& answer) {
    if (!endpoint.paged) return aurion::answer_result(kpi.name, answer);
    return aurion::answer_result(kpi.name, aurion::responses_page(answer, option("limit"), option("offset")));
  };
  if (endpoint.paged) aurion::responses_page(nlohmann::json::object(), option("limit"), option("offset"));  // usage first
  if (kpi.name == "usage" && option("by") == "model")
    throw core::UsageError("backend '" + m_spec.name + "' (aurion) serves usage with llm_usage by provider only",
                           "drop --by model, or run usage without --backend to compute it locally");
  if (endpoint.search) return answer_aurion_search(ctx, cache, endpoint, options);
  std::optional<aurion::DateParams> dates;
  std::optional<aurion::V1Params> v1;
  std::int64_t settled = std::numeric_limits<std::int64_t>::max();  // teams: all time, never stable
  const int settle_days = static_cast<int>(served::integer_key(m_spec, "settle_days", 7, 0, 3650));
  if (endpoint.v1) {  // days in --tz, sent as tz
    const core::TimeZone zone = ctx.time_zone();
    const core::TimeRange range = ctx.time_range_in(zone);
    v1 = aurion::v1_params(range, zone, m_spec.name);
    settled = zone.day_start_ms(range.last_day + 1 + settle_days);
  } else {
    aurion::require_utc(m_spec.name, ctx.setting("tz"));
  }
  if (endpoint.dated && !endpoint.v1) {
    const core::TimeRange range = ctx.time_range_in(core::TimeZone::utc());
    dates = aurion::date_params(range, m_spec.name);
    settled = range.to_ms + static_cast<std::int64_t>(settle_days) * 86'400'000;
  }
  // v1 answers are kept per zone too (in the project column, which aurion has no other use for).
  const served::AnswerKey key =
      v1 ? served::AnswerKey{m_spec.name, kpi.name, "tz=" + v1->tz, {v1->start_date, v1->end_date}}
         : served::AnswerKey{m_spec.name, kpi.name, "", {dates ? dates->date_from : "", dates ? dates->date_to : ""}};
  const std::string what =
      kpi.name + (v1      ? " " + v1->start_date + ".." + v1->end_date + " (end_date inclusive, " + v1->tz + ")"
                  : dates ? " " + dates->date_from + ".." + dates->date_to + " (date_to inclusive)"
                          : "");

  const nlohmann::json answer = cached_or_fetched(ctx, cache, key, what, kpi, settled, [&] {
    connectors::HttpClient client(aurion::http_options(m_spec, connectors::process_environment()));
    return v1 ? aurion::fetch_v1(client, endpoint, *v1) : aurion::fetch(client, endpoint, dates);
  });
  return shaped(answer);
}

// analytic (seed 000): one request per command. leads, usage, bot ID and bot
// ID --compare take start_date/end_date, whole days of the backend's zone
// (end_date inclusive), kept per range and id; dashboard and conversation ID
// take no range (an explicit --from/--to/--days/--period is a usage error) and
// are fetched again after ttl_s. search POSTs the document search and is never
// cached (every search asks; --offline cannot answer it).
core::Result ServedSource::answer_analytic(Context& ctx, core::Cache* cache, const core::KpiDefinition& kpi,
                                           const std::map<std::string, std::string>& options) const {
  namespace analytic = connectors::analytic;
  refuse_filters(ctx, kpi);
  const auto option = [&options](const std::string& name) {
    const auto it = options.find(name);
    return it == options.end() ? std::string() : it->second;
  };
  const std::string zone_name = m_spec.get("tz").value_or("UTC");
  if (const auto tz = ctx.setting("tz"); tz && *tz != zone_name)
    throw core::UsageError("backend '" + m_spec.name + "' (analytic) buckets days in " + zone_name + ", not " + *tz,
                           "drop --tz (or CONVSTAT_TZ / the tz setting), or use --tz " + zone_name);
  const auto refuse_range = [&](const std::string& what) {
    for (const char* range_option : {"from", "to", "days", "period"})
      if (ctx.given_on_command_line(range_option))
        throw core::UsageError("backend '" + m_spec.name + "' (analytic) serves " + what +
                                   " without a range: --" + range_option + " cannot be asked of it",
                               "drop --" + std::string(range_option) + ", or run without --backend to compute it locally");
  };

  if (kpi.name == "search") {
    refuse_range("search");
    if (ctx.offline())
      throw core::DataError("--offline: backend '" + m_spec.name + "'s document search is never cached",
                            "run it without --offline to ask the backend");
    const std::string bot = option("bot");
    if (bot.empty())
      throw core::UsageError("search --backend " + m_spec.name + " needs --bot ID: the agent whose documents are searched");
    int limit = 10;
    if (const std::string text = option("limit"); !text.empty()) {
      std::size_t used = 0;
      try {
        limit = std::stoi(text, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != text.size() || limit < 1 || limit > analytic::k_max_search_limit)
        throw core::UsageError("--limit '" + text + "' is out of bounds (1-50)");
    }
    connectors::HttpClient client(analytic::http_options(m_spec, connectors::process_environment()));
    if (ctx.verbose()) std::cerr << "convstat: " << m_spec.name << ": POST " << analytic::k_search_path << "\n";
    return analytic::answer_result("search", bot, analytic::search(client, option("query"), bot, limit));
  }

  const analytic::Endpoint& endpoint = *analytic::endpoint_for(kpi.name, option("compare") == "true");
  const std::string id = option("id");
  if (endpoint.has_id && id.empty())
    throw core::UsageError(kpi.name + " --backend " + m_spec.name + " needs the ID",
                           "check asks no ID: use dashboard, leads or usage in rules for this backend");
  std::optional<std::pair<std::string, std::string>> dates;
  served::DayRange days{"", ""};
  std::int64_t settled = std::numeric_limits<std::int64_t>::max();  // no range: never stable, ttl only
  if (endpoint.dated) {
    const core::TimeZone zone(zone_name);
    const core::TimeRange range = ctx.time_range_in(zone);
    days = served::day_range(range, m_spec.name);
    dates = std::make_pair(days.from, core::format_date(range.last_day));
    settled = served::settled_at_ms(days.to, static_cast<int>(served::integer_key(m_spec, "settle_days", 7, 0, 3650)),
                                    zone);
  } else {
    refuse_range(kpi.name);
  }
  const served::AnswerKey key{m_spec.name, endpoint.command, id, days};
  const std::string what = endpoint.command + (id.empty() ? "" : " " + id) +
                           (dates ? " " + dates->first + ".." + dates->second + " (end_date inclusive, " + zone_name + ")"
                                  : std::string());
  const nlohmann::json answer = cached_or_fetched(ctx, cache, key, what, kpi, settled, [&] {
    connectors::HttpClient client(analytic::http_options(m_spec, connectors::process_environment()));
    return analytic::fetch(client, endpoint, id, dates);
  });
  return analytic::answer_result(kpi.name, id, answer);
}

// aurion calls search (seed 002 v1 phone search): the --phone digits and
// --limit (1-100) sent with start_date/end_date/tz of --tz; never cached (the
// number is not kept: --offline refuses it), the API's answer redacted again,
// and each search appended to the local audit log with the redacted term, as
// the local command does (the API audit-logs it too).
core::Result ServedSource::answer_aurion_search(Context& ctx, core::Cache* cache,
                                                const connectors::aurion::Endpoint& endpoint,
                                                const std::map<std::string, std::string>& options) const {
  namespace aurion = connectors::aurion;
  const core::PhoneSearch search = core::phone_search(options);  // usage errors never echo the number
  if (ctx.offline())
    throw core::UsageError("--offline: calls search is never cached (a phone number is not kept); it asks backend '" +
                               m_spec.name + "' each time",
                           "drop --offline");
  const core::TimeZone zone = ctx.time_zone();
  const aurion::V1Params v1 = aurion::v1_params(ctx.time_range_in(zone), zone, m_spec.name);
  connectors::HttpOptions http = aurion::http_options(m_spec, connectors::process_environment());
  if (!m_spec.get("rate_limit")) http.rate_limit = aurion::k_search_rate_limit;
  connectors::HttpClient client(std::move(http));
  if (ctx.verbose())
    std::cerr << "convstat: " << m_spec.name << ": searching calls of " << core::redact_phone(search.digits) << " "
              << v1.start_date << ".." << v1.end_date << " (" << v1.tz << ")\n";
  const nlohmann::json answer = aurion::fetch_search(client, endpoint, v1, search.digits, search.limit);
  if (cache)
    core::append_audit(*cache, {core::now_ms(), "calls search --backend " + m_spec.name, std::nullopt,
                                core::redact_phone(search.digits), (answer.contains("total_count") && answer["total_count"].is_number_integer() ? answer["total_count"].get<std::int64_t>() : 0)});
  return aurion::answer_result("calls search", answer);
}

// speechai (seed 003): sessions costs|metrics ID is one GET about one session,
// any time (no range: --from/--to do not apply), kept under the session id and
// fetched again after ttl_s (sessions are live; the seed never says one is
// final, so no answer settles). feedback add POSTs the feedback and prints the
// backend's answer; it is not stored locally (the backend keeps it) and never
// cached, so --offline refuses it.
core::Result ServedSource::answer_speechai(Context& ctx, core::Cache* cache, const core::KpiDefinition& kpi,
                                           const std::map<std::string, std::string>& options) const {
  namespace speechai = connectors::speechai;
  refuse_filters(ctx, kpi);
  if (kpi.name == "feedback add") {
    const nlohmann::json body = speechai::feedback_body(options);  // usage errors before any request
    if (ctx.offline())
      throw core::UsageError("--offline: feedback add --backend " + m_spec.name + " posts to the backend",
                             "drop --offline, or run feedback add without --backend to store it locally");
    connectors::HttpClient client(speechai::http_options(m_spec, connectors::process_environment()));
    if (ctx.verbose()) std::cerr << "convstat: " << m_spec.name << ": POST /feedback\n";
    return speechai::feedback_result(speechai::post_feedback(client, body));
  }
  const auto it = options.find("id");
  const std::string id = it == options.end() ? std::string() : it->second;
  const std::string what = kpi.name == "sessions costs" ? "costs" : "metrics";
  speechai::session_path(id, what);  // usage error for an empty id before the cache
  const served::AnswerKey key{m_spec.name, kpi.name, "session=" + id, {"", ""}};
  const nlohmann::json answer = cached_or_fetched(
      ctx, cache, key, kpi.name + " " + id, kpi, std::numeric_limits<std::int64_t>::max(), [&] {
        connectors::HttpClient client(speechai::http_options(m_spec, connectors::process_environment()));
        return speechai::fetch_session(client, what, id);
      });
  return speechai::session_result(kpi.name, answer);
}

// botserver (seed 001): one GET per command with the range filters of
// connectors/botserver.hpp, days in the backend's tz (default UTC), answers
// kept under their days and stable settle_days (default 7) after them;
// realtime is never cached (it is "now": --as-of and --offline are refused).
core::Result ServedSource::answer_botserver(Context& ctx, core::Cache* cache, const core::KpiDefinition& kpi,
                                            const std::map<std::string, std::string>& options) const {
  namespace botserver = connectors::botserver;
  const botserver::Endpoint& endpoint = *botserver::endpoint_for(kpi.name);
  refuse_filters(ctx, kpi);
  if (!options.empty())
    throw core::UsageError("--" + options.begin()->first + " is computed locally; backend '" + m_spec.name +
                               "' serves " + kpi.name + " without it",
                           "drop --" + options.begin()->first + ", or run without --backend");
  const auto fetch = [&](const connectors::Query& query) {
    connectors::HttpClient client(botserver::http_options(m_spec, connectors::process_environment()));
    return botserver::fetch(client, endpoint, query);
  };
  if (!endpoint.ranged) {
    if (ctx.offline())
      throw core::DataError("--offline: backend '" + m_spec.name + "' answers " + kpi.name + " live; it is never cached",
                            "run it without --offline");
    if (ctx.given_on_command_line("as_of"))
      throw core::UsageError("backend '" + m_spec.name + "' serves " + kpi.name + " as of now, not --as-of",
                             "drop --as-of, or run without --backend to compute it from the local cache");
    if (ctx.verbose()) std::cerr << "convstat: " << m_spec.name << ": fetching " << kpi.name << " (never cached)\n";
    return botserver::answer_result(kpi.name, fetch({}));
  }
  const std::string zone_name = m_spec.get("tz").value_or("UTC");
  const core::TimeZone zone(zone_name);
  if (const auto tz = ctx.setting("tz"); tz && *tz != zone_name)
    throw core::UsageError("backend '" + m_spec.name + "' buckets days in " + zone_name + ", not " + *tz,
                           "drop --tz (or CONVSTAT_TZ / the tz setting), or use --tz " + zone_name);
  const core::TimeRange range = ctx.time_range_in(zone);
  const botserver::RangeParams params = botserver::range_params(range, zone.local_day(core::now_ms()), m_spec.name);
  const served::AnswerKey key{m_spec.name, kpi.name, "", served::day_range(range, m_spec.name)};
  std::string sent;
  for (const auto& [name, value] : params.query) sent += (sent.empty() ? "" : "&") + name + "=" + value;
  const std::string what = kpi.name + " " + params.first_day + ".." + params.last_day + " (" + sent + ")";
  const std::int64_t settled = served::settled_at_ms(
      key.days.to, static_cast<int>(served::integer_key(m_spec, "settle_days", 7, 0, 3650)), zone);
  return botserver::answer_result(kpi.name,
                                  cached_or_fetched(ctx, cache, key, what, kpi, settled, [&] { return fetch(params.query); }));
}

}  // namespace convstat::cli
