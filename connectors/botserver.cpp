#include "connectors/botserver.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <tuple>

#include "connectors/answer_node.hpp"
#include "connectors/served.hpp"
#include "core/error.hpp"

namespace convstat::connectors::botserver {
namespace {

using json = nlohmann::json;

// Key orders of kpis.md (so the local commands): per command for the top
// level, per parent key for nested objects, then a general list.
const std::vector<std::string>& order_for(const std::string& context) {
  static const std::map<std::string, std::vector<std::string>> orders = {
      {"usage", {"total_conversations", "active_users", "total_calls", "total_messages"}},
      {"engagement",
       {"active_users", "new_users", "returning_users", "avg_conversations_per_user", "retention", "satisfaction"}},
      {"retention", {"cohort_week", "users", "week_1", "week_2", "week_3", "week_4"}},
      {"satisfaction", {"csat_avg", "positive_rate", "thumbs_up_rate"}},
      {"realtime", {"active_sessions", "messages_per_minute", "active_calls", "window_minutes", "data_as_of"}},
      {"reports", {"id", "type", "status", "start_date", "end_date", "format", "created_at"}},
      {"report", {"id", "type", "status", "start_date", "end_date", "format", "created_at"}},
  };
  static const std::vector<std::string> general = {"date",     "month",        "conversations", "messages",
                                                   "active_users", "start_date", "end_date",      "data"};
  const auto it = orders.find(context);
  return it != orders.end() ? it->second : general;
}

// Units by key, key orders by context (order_for).
const NodeShape k_shape{[](const std::string& key, const std::string&) { return unit_of(key); },
                        [](const std::string& key, const std::string& context) {
                          return std::make_pair(rank_in(order_for(context), key), rank_in(order_for(""), key));
                        }};

void require_days(const core::TimeRange& range, const std::string& backend) {
  if (!range.date_based)
    throw core::UsageError("backend '" + backend + "' (botserver) takes whole days (start_date/end_date, days or "
                                                   "period=today), not a datetime range",
                           "give --from/--to as dates (YYYY-MM-DD), --days N or --period");
  if (range.day_count() <= 0) throw core::UsageError("backend '" + backend + "': the range holds no day");
}

json parse_object(const HttpResponse& response, const std::string& where) {
  json answer = json::parse(response.body, nullptr, false);
  if (answer.is_discarded())
    throw core::BackendError(where + ": malformed response (not JSON, or cut short)", "nothing was stored; try again");
  if (!answer.is_object() && !answer.is_array())
    throw core::BackendError(where + ": malformed response (not a JSON object)", "nothing was stored");
  return answer;
}

}  // namespace

const std::vector<Endpoint>& endpoints() {
  static const std::vector<Endpoint> all = {
      {"usage", "/api/v1/analytics/usage", true, ""},
      {"usage daily", "/api/v1/analytics/usage/daily", true, "data"},
      {"usage monthly", "/api/v1/analytics/usage/monthly", true, "data"},
      {"engagement", "/api/v1/analytics/engagement", true, ""},
      {"realtime", "/api/v1/analytics/realtime", false, ""},
  };
  return all;
}

const Endpoint* endpoint_for(const std::string& command) {
  for (const auto& e : endpoints())
    if (e.command == command) return &e;
  return nullptr;
}

std::string served_commands() {
  std::string out;
  for (const auto& e : endpoints()) out += (out.empty() ? "" : ", ") + e.command;
  return out + ", report";
}

RangeParams range_params(const core::TimeRange& range, std::int32_t today, const std::string& backend) {
  require_days(range, backend);
  RangeParams p{{}, core::format_date(range.first_day), core::format_date(range.last_day)};
  if (range.last_day == today && range.first_day == today) p.query = {{"period", "today"}};
  else if (range.last_day == today) p.query = {{"days", std::to_string(range.day_count())}};
  else p.query = {{"start_date", p.first_day}, {"end_date", p.last_day}};
  return p;
}

RangeParams explicit_dates(const core::TimeRange& range, const std::string& backend) {
  require_days(range, backend);
  RangeParams p{{}, core::format_date(range.first_day), core::format_date(range.last_day)};
  p.query = {{"start_date", p.first_day}, {"end_date", p.last_day}};
  return p;
}

HttpOptions http_options(const BackendSpec& backend, const EnvLookup& env) {
  HttpOptions o;
  o.backend = backend.name;
  o.base_url = backend.get("base_url").value_or("");
  o.auth_headers = {{"Authorization", "Bearer " + resolve_secret(backend, "token", env)}};
  if (const auto var = backend.get("token_env")) o.credential_hint = "Authorization: Bearer from $" + *var;
  else o.credential_hint = "Authorization: Bearer from the token of credentials_file";
  o.credential_hint +=
      " (usage, engagement, realtime need the analytics_viewer or admin role; reports analytics_admin or admin)";
  served::apply_transport_keys(o, backend, k_rate_limit, "\"60/60s\"");
  return o;
}

nlohmann::json fetch(HttpClient& client, const Endpoint& endpoint, const Query& query) {
  const std::string where = client.options().backend + ": GET " + endpoint.path;
  json answer = parse_object(client.get(endpoint.path, query), where);
  if (!answer.is_object())
    throw core::BackendError(where + ": malformed response (not a JSON object)", "nothing was stored");
  if (!endpoint.list.empty() && !(answer.contains(endpoint.list) && answer[endpoint.list].is_array()))
    throw core::BackendError(where + ": malformed response (no \"" + endpoint.list + "\" list)", "nothing was stored");
  return answer;
}

nlohmann::json create_report(HttpClient& client, const std::string& type, const RangeParams& dates) {
  const json body = {{"type", type}, {"start_date", dates.first_day}, {"end_date", dates.last_day}};
  json answer = parse_object(client.post(k_reports_path, body.dump()),
                             client.options().backend + ": POST " + k_reports_path);
  if (!answer.is_object() || !answer.contains("id"))
    throw core::BackendError(client.options().backend + ": POST " + k_reports_path +
                             ": malformed response (no report id)");
  return answer;
}

nlohmann::json list_reports(HttpClient& client) {
  json answer = parse_object(client.get(k_reports_path), client.options().backend + ": GET " + k_reports_path);
  if (answer.is_array()) return json{{"reports", std::move(answer)}};
  if (!answer.contains("reports") || !answer["reports"].is_array())
    throw core::BackendError(client.options().backend + ": GET " + k_reports_path +
                             ": malformed response (no \"reports\" list)");
  return answer;
}

nlohmann::json get_report(HttpClient& client, const std::string& id) {
  const bool safe = !id.empty() && std::all_of(id.begin(), id.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_' || c == '.';
  });
  if (!safe || id == "." || id == "..")
    throw core::UsageError("report id '" + id + "' is not an id (letters, digits, '-', '_', '.')");
  const std::string path = std::string(k_reports_path) + "/" + id;
  try {
    json answer = parse_object(client.get(path), client.options().backend + ": GET " + path);
    if (!answer.is_object())
      throw core::BackendError(client.options().backend + ": GET " + path + ": malformed response (not a JSON object)");
    return answer;
  } catch (const core::BackendError& e) {
    if (!client.requests().empty() && client.requests().back().status == 404)
      throw core::DataError("Report not found", "backend '" + client.options().backend + "' has no report " + id +
                                                    "; see `convstat report list --backend " +
                                                    client.options().backend + "`");
    throw;
  }
}

core::Unit unit_of(const std::string& key) {
  if (ends_with(key, "_rate") || key.rfind("week_", 0) == 0) return core::Unit::percent;
  if (key == "csat_avg") return core::Unit::decimal1;
  if (key == "avg_conversations_per_user" || key == "messages_per_minute") return core::Unit::ratio4;
  return core::Unit::raw;
}

core::Result answer_result(const std::string& command, const nlohmann::json& answer) {
  // The local commands' titles and main sections (core/kpi/*.cpp).
  static const std::map<std::string, std::pair<std::string, std::string>> shapes = {
      {"usage", {"Usage patterns and LLM usage", ""}},  // botserver sends no llm_usage: the summary
      {"usage daily", {"Daily usage", "data"}},
      {"usage monthly", {"Monthly usage", "data"}},
      {"engagement", {"User engagement", "retention"}},
      {"realtime", {"Real-time metrics", ""}},
  };
  std::string title = command, main_section;
  if (const auto it = shapes.find(command); it != shapes.end()) std::tie(title, main_section) = it->second;
  if (command == "report") {
    title = "Server report";
    if (answer.contains("reports")) main_section = "reports";
  }
  core::Result result{command, title, core::Node::object(), main_section};
  if (answer.is_object()) result.root = answer_node(answer, k_shape, "", "", answer.contains("reports") ? "" : command);
  return result;
}

std::string test_backend(const BackendSpec& backend, const EnvLookup& env) {
  HttpClient client(http_options(backend, env));
  const Endpoint active{"realtime active", "/api/v1/analytics/realtime/active", false, ""};
  const json answer = fetch(client, active, {});
  std::string detail = "GET realtime/active answered";
  if (const auto it = answer.find("active_sessions"); it != answer.end() && it->is_number_integer())
    detail += " (active_sessions " + std::to_string(it->get<std::int64_t>()) + ")";
  return detail;
}

}  // namespace convstat::connectors::botserver
