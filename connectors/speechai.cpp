#include "connectors/speechai.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "connectors/answer_node.hpp"
#include "connectors/served.hpp"
#include "core/error.hpp"
#include "core/time/time.hpp"

namespace convstat::connectors::speechai {
namespace {

using json = nlohmann::json;

const std::vector<std::string> k_commands = {"sessions costs", "sessions metrics", "feedback add"};

// The statuses answered rather than thrown by HttpClient: the seed's documented 400 and 404 (and FastAPI's 422).
const std::vector<long> k_answered = {400, 404, 422};

// The keys in the order seed 003 (and the local commands) print them.
std::size_t key_rank(const std::string& key) {
  static const std::vector<std::string> order = {
      "total_turns", "successful_turns", "failed_turns", "interrupted_turns", "avg_asr_latency_ms",
      "avg_llm_latency_ms", "avg_translation_latency_ms", "avg_tts_latency_ms", "avg_total_latency_ms",
      "cache_hit_rate", "llm_cache_hits", "llm_cache_misses", "tts_cache_hits", "tts_cache_misses",
      "guardrail_violations", "guardrail_blocks", "total_cost_usd", "breakdown_by_service", "breakdown_by_provider",
      "total_entries", "cache_savings_usd", "optimization_level", "language_code"};
  return static_cast<std::size_t>(std::find(order.begin(), order.end(), key) - order.begin());
}

core::Unit unit_of(const std::string& key, const std::string& parent) {
  if (ends_with(key, "_usd") || ends_with(parent, "breakdown_by_service") || ends_with(parent, "breakdown_by_provider"))
    return core::Unit::usd;
  if (ends_with(key, "_ms")) return core::Unit::decimal1;
  if (key == "cache_hit_rate") return core::Unit::ratio4;
  return core::Unit::raw;
}

// Units by key and parent; one key order everywhere (key_rank).
const NodeShape k_shape{unit_of, [](const std::string& key, const std::string&) {
                          return std::make_pair(key_rank(key), std::size_t{0});
                        }};

core::Node to_node(const json& value, const std::string& key, const std::string& parent) {
  return answer_node(value, k_shape, key, parent, "");
}

json parse_object(const HttpResponse& response, const std::string& where) {
  json answer = json::parse(response.body, nullptr, false);
  if (answer.is_discarded())
    throw core::BackendError(where + ": malformed response (not JSON, or cut short)", "nothing was stored; try again");
  if (!answer.is_object())
    throw core::BackendError(where + ": malformed response (not a JSON object)", "nothing was stored");
  return answer;
}

std::string option_or_empty(const std::map<std::string, std::string>& options, const std::string& name) {
  const auto it = options.find(name);
  return it == options.end() ? std::string() : it->second;
}

}  // namespace

std::string served_commands() {
  std::string out;
  for (const auto& c : k_commands) out += (out.empty() ? "" : ", ") + c;
  return out;
}

bool serves(const std::string& command) {
  return std::find(k_commands.begin(), k_commands.end(), command) != k_commands.end();
}

HttpOptions http_options(const BackendSpec& backend, const EnvLookup& env) {
  HttpOptions o;
  o.backend = backend.name;
  o.base_url = backend.get("base_url").value_or("");
  o.auth_headers = {{"X-API-Key", resolve_secret(backend, "api_key", env)}};
  o.credential_hint = "X-API-Key from " + (backend.get("api_key_env") ? "$" + *backend.get("api_key_env")
                                                                       : std::string("the api_key of credentials_file"));
  // seed 003 documents no limit: none by default
  served::apply_transport_keys(o, backend, std::nullopt,
                                "\"1/3s\" (seed 003 asks for one poll per 3-5 s)");
  o.answered_statuses = k_answered;
  return o;
}

std::string session_path(const std::string& session_id, const std::string& what) {
  if (session_id.empty()) throw core::UsageError("the session id is empty");
  static const char* hex = "0123456789ABCDEF";
  std::string encoded;
  for (const unsigned char c : session_id) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
  }
  return "/sessions/" + encoded + "/" + what;
}

nlohmann::json fetch_session(HttpClient& client, const std::string& what, const std::string& session_id) {
  const std::string path = session_path(session_id, what);
  const HttpResponse response = client.get(path);
  const std::string where = client.options().backend + ": GET " + path;
  if (response.status == 404)
    throw core::DataError(client.options().backend + ": session '" + session_id + "' not found: " +
                              error_message(response.body),
                          "check the session id; nothing was stored");
  if (response.status < 200 || response.status >= 300)
    throw core::BackendError(where + ": " + std::to_string(response.status) + " " + error_message(response.body));
  return parse_object(response, where);
}

nlohmann::json feedback_body(const std::map<std::string, std::string>& options) {
  const std::string rating_text = option_or_empty(options, "rating");
  std::size_t used = 0;
  long long rating = 0;
  try {
    rating = std::stoll(rating_text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != rating_text.size())
    throw core::UsageError("invalid --rating '" + rating_text + "' (expected an integer)");
  json body = {{"session_id", option_or_empty(options, "conversation")},
               {"rating", rating},
               {"rating_type", option_or_empty(options, "rating-type")}};
  static const std::vector<std::pair<const char*, const char*>> text_fields = {
      {"turn", "turn_id"}, {"message", "message_id"}, {"text", "feedback_text"}, {"category", "feedback_category"}};
  static const std::vector<std::pair<const char*, const char*>> flags = {
      {"incorrect-response", "incorrect_response"}, {"too-slow", "too_slow"}, {"unhelpful", "unhelpful"},
      {"offensive", "offensive"}};
  for (const auto& [option, field] : text_fields)
    if (options.count(option)) body[field] = options.at(option);
  for (const auto& [option, field] : flags)
    if (options.count(option)) body[field] = true;
  return body;
}

nlohmann::json post_feedback(HttpClient& client, const nlohmann::json& body) {
  const HttpResponse response = client.post("/feedback", body.dump());
  const std::string& name = client.options().backend;
  const std::string where = name + ": POST /feedback";
  const std::string message = error_message(response.body);
  if (response.status == 400 || response.status == 422)
    throw core::UsageError(where + ": " + std::to_string(response.status) + " " + message,
                           "the backend refused the feedback; nothing was stored");
  if (response.status == 404)
    throw core::DataError(where + ": 404 " + message, "check --conversation; nothing was stored");
  json answer = parse_object(response, where);
  if (!answer.contains("id"))
    throw core::BackendError(where + ": malformed response (no id)", "the feedback may have been stored; check it");
  return answer;
}

core::Result feedback_result(const nlohmann::json& answer) {
  core::Result result{"feedback add", "Feedback added", core::Node::object(), ""};
  const auto field = [&answer](const char* key) { return answer.contains(key) ? answer.at(key) : json(); };
  result.root.set("id", to_node(field("id"), "id", ""))
      .set("session_id", to_node(field("session_id"), "session_id", ""))
      .set("rating", to_node(field("rating"), "rating", ""))
      .set("rating_type", to_node(field("rating_type"), "rating_type", ""));
  const json created = field("created_at");
  if (created.is_string()) {
    static const core::TimeZone utc = core::TimeZone::utc();
    const auto ms = core::parse_timestamp(created.get<std::string>(), &utc, nullptr);  // no offset: UTC
    result.root.set("created_at", core::Node::string(ms ? core::format_instant_utc(*ms) : created.get<std::string>()));
  } else {
    result.root.set("created_at", to_node(created, "created_at", ""));
  }
  return result;
}

core::Result session_result(const std::string& command, const nlohmann::json& answer) {
  core::Result result{command, command == "sessions costs" ? "Session costs" : "Session metrics", core::Node::object(),
                      ""};
  if (answer.is_object()) result.root = to_node(answer, "", "");
  return result;
}

std::string test_backend(const BackendSpec& backend, const EnvLookup& env) {
  HttpClient client(http_options(backend, env));
  const std::string path = session_path(k_probe_session, "metrics");
  const HttpResponse response = client.get(path);  // 401/403 and transport errors throw
  const std::string message = error_message(response.body);
  // Only the documented body counts: a 404 of a wrong base_url ("Not Found") is a failure.
  if (response.status == 404 && message == "Session not found")
    return "GET " + path + " answered 404 Session not found: the key was accepted";
  if (response.status >= 200 && response.status < 300) {
    parse_object(response, backend.name + ": GET " + path);
    return "GET " + path + " answered " + std::to_string(response.status) + ": the key was accepted";
  }
  throw core::BackendError(backend.name + ": GET " + path + ": " + std::to_string(response.status) + " " + message,
                           "check base_url (seed 003: http://HOST:8000/api/v1)");
}

}  // namespace convstat::connectors::speechai
