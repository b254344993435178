#include "connectors/served.hpp"

#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <cctype>
#include <limits>
#include <vector>

#include "connectors/indigo.hpp"
#include "core/error.hpp"

namespace convstat::connectors::served {
namespace {

using json = nlohmann::json;

bool table_exists(SQLite::Database& db) { return db.tableExists("served_answers"); }

// The unit a served number takes: the local command's unit for the known means.
core::Unit unit_of(const std::string& key) {
  if (key == "avg_score") return core::Unit::decimal1;
  if (key == "score") return core::Unit::ratio4;
  return core::Unit::raw;
}

// The order the local commands print their keys in (nlohmann::json keeps
// keys sorted, so the order sent is not known); other keys follow, sorted.
std::size_t key_rank(const std::string& key) {
  static const std::vector<std::string> order = {
      "status", "data", "metadata", "date", "inbound_messages", "outbound_messages", "positive_feedback",
      "negative_feedback", "ht_requests", "ht_starts", "count", "unique_users", "returning_users", "total",
      "avg_score", "score", "sample_size", "bucket", "error_count", "total_days", "total_count", "days_count",
      "next_cursor"};
  const auto it = std::find(order.begin(), order.end(), key);
  return static_cast<std::size_t>(it - order.begin());
}

core::Node to_node(const json& value, const std::string& key) {
  switch (value.type()) {
    case json::value_t::null: return core::Node::null();
    case json::value_t::boolean: return core::Node::boolean(value.get<bool>());
    case json::value_t::number_integer: return core::Node::integer(value.get<std::int64_t>());
    case json::value_t::number_unsigned: {
      const auto v = value.get<std::uint64_t>();
      if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return core::Node::number(static_cast<double>(v), core::Unit::raw);
      return core::Node::integer(static_cast<std::int64_t>(v));
    }
    case json::value_t::number_float: return core::Node::number(value.get<double>(), unit_of(key));
    case json::value_t::string: return core::Node::string(value.get<std::string>());
    case json::value_t::array: {
      core::Node list = core::Node::list();
      for (const auto& item : value) list.push(to_node(item, key));
      return list;
    }
    case json::value_t::object: {
      std::vector<std::string> keys;
      for (const auto& [k, v] : value.items()) keys.push_back(k);
      std::stable_sort(keys.begin(), keys.end(),
                       [](const std::string& a, const std::string& b) { return key_rank(a) < key_rank(b); });
      core::Node object = core::Node::object();
      for (const auto& k : keys) object.set(k, to_node(value.at(k), k));
      return object;
    }
    default: return core::Node::null();
  }
}

}  // namespace

DayRange day_range(const core::TimeRange& range, const std::string& backend) {
  if (!range.date_based)
    throw core::UsageError(backend + " serves whole days: give --from/--to as dates (YYYY-MM-DD), --days or --period");
  if (range.day_count() <= 0) throw core::UsageError(backend + ": the range holds no day");
  return {core::format_date(range.first_day), core::format_date(range.last_day + 1)};
}

std::optional<StoredAnswer> load_answer(SQLite::Database& db, const AnswerKey& key) {
  if (!table_exists(db)) return std::nullopt;
  SQLite::Statement q(db,
                      "SELECT fetched_at, answer FROM served_answers WHERE backend = ? AND command = ? AND project = ? "
                      "AND from_date = ? AND to_date = ?");
  q.bind(1, key.backend);
  q.bind(2, key.command);
  q.bind(3, key.project);
  q.bind(4, key.days.from);
  q.bind(5, key.days.to);
  if (!q.executeStep()) return std::nullopt;
  json answer = json::parse(q.getColumn(1).getString(), nullptr, false);
  if (answer.is_discarded()) return std::nullopt;  // unreadable: fetched again
  return StoredAnswer{q.getColumn(0).getInt64(), std::move(answer)};
}

void store_answer(SQLite::Database& db, const AnswerKey& key, const StoredAnswer& stored) {
  SQLite::Transaction transaction(db);
  SQLite::Statement q(db,
                      "INSERT INTO served_answers (backend, command, project, from_date, to_date, fetched_at, answer) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (backend, command, project, from_date, to_date) "
                      "DO UPDATE SET fetched_at = excluded.fetched_at, answer = excluded.answer");
  q.bind(1, key.backend);
  q.bind(2, key.command);
  q.bind(3, key.project);
  q.bind(4, key.days.from);
  q.bind(5, key.days.to);
  q.bind(6, static_cast<std::int64_t>(stored.fetched_at_ms));
  q.bind(7, stored.answer.dump());
  q.exec();
  transaction.commit();
}

std::int64_t settled_at_ms(const std::string& to_exclusive, int settle_days, const core::TimeZone& zone) {
  const auto day = core::parse_date(to_exclusive);
  if (!day) throw std::invalid_argument("settled_at_ms: not a date: " + to_exclusive);
  return zone.day_start_ms(*day + settle_days);
}

Decision decide(const std::optional<StoredAnswer>& stored, const Freshness& freshness, std::int64_t now_ms) {
  if (freshness.offline) return stored ? Decision::use_stored : Decision::offline_missing;
  if (!stored || freshness.refresh) return Decision::fetch;
  if (stored->fetched_at_ms >= freshness.settled_at_ms) return Decision::use_stored;  // stable
  const std::int64_t age_ms = now_ms - stored->fetched_at_ms;
  return age_ms >= 0 && age_ms < freshness.ttl_s * 1000 ? Decision::use_stored : Decision::fetch;
}

core::Result answer_result(const std::string& command, const nlohmann::json& answer) {
  std::string title = command;
  if (!title.empty()) title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
  core::Result result{command, title, core::Node::object(), "data"};
  if (answer.is_object()) result.root = to_node(answer, "");
  return result;
}

std::int64_t integer_key(const BackendSpec& backend, const std::string& key, std::int64_t fallback, std::int64_t min,
                         std::int64_t max) {
  const auto text = backend.get(key);
  if (!text) return fallback;
  std::size_t used = 0;
  long long value = 0;
  try {
    value = std::stoll(*text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text->size() || value < min || value > max)
    throw core::UsageError("backend '" + backend.name + "': invalid " + key + " '" + *text + "' (expected an integer from " +
                           std::to_string(min) + " to " + std::to_string(max) + ")");
  return value;
}

HttpOptions indigo_http_options(const BackendSpec& backend, const EnvLookup& env) {
  HttpOptions o;
  o.backend = backend.name;
  o.base_url = backend.get("base_url").value_or("");
  const std::string token = resolve_secret(backend, "token", env);
  o.auth_headers = {{"Authorization", "Bearer " + token}};
  if (const auto var = backend.get("token_env")) o.credential_hint = "Authorization: Bearer from $" + *var;
  else o.credential_hint = "Authorization: Bearer from the token of credentials_file";
  apply_transport_keys(o, backend, indigo::k_rate_limit, "\"100/60s\"");
  return o;
}

void apply_transport_keys(HttpOptions& o, const BackendSpec& backend, std::optional<RateLimit> default_limit,
                          const std::string& example) {
  o.timeout_s = static_cast<double>(integer_key(backend, "timeout_s", 30, 1, 3600));
  o.max_retries = static_cast<int>(integer_key(backend, "max_retries", 5, 0, 20));
  if (const auto ca = backend.get("ca_file")) o.ca_file = *ca;
  o.rate_limit = default_limit;
  if (const auto text = backend.get("rate_limit")) {
    const auto limit = parse_rate_limit(*text);
    if (!limit)
      throw core::UsageError("backend '" + backend.name + "': invalid rate_limit '" + *text + "'",
                             "write it as REQUESTS/WINDOW, e.g. " + example);
    o.rate_limit = *limit;
  }
}

std::string test_indigo(const BackendSpec& backend, const EnvLookup& env) {
  HttpClient client(indigo_http_options(backend, env));
  const std::int32_t today = core::TimeZone::utc().local_day(core::now_ms());
  const indigo::Endpoint* chats = indigo::endpoint_for("daily chats");
  const std::string project = backend.get("project_id").value_or("");
  const json answer =
      indigo::fetch_daily(client, *chats, project, core::format_date(today - 1), core::format_date(today + 1), 2);
  return "GET chats/count of project " + project + " answered (" + std::to_string(answer["data"].size()) + " days)";
}

}  // namespace convstat::connectors::served
