#include "connectors/indigo.hpp"

#include <set>

#include "core/error.hpp"

namespace convstat::connectors::indigo {

namespace {

using json = nlohmann::json;

std::string path_for(const Endpoint& endpoint, const std::string& project_id) {
  std::string path = endpoint.path;
  const std::string slot = "{project_id}";
  path.replace(path.find(slot), slot.size(), project_id);
  return path;
}

}  // namespace

const std::vector<Endpoint>& endpoints() {
  static const std::vector<Endpoint> all = {
      {"daily messages", "/rest/analytics/{project_id}/messages/daily", "cursor"},
      {"daily chats", "/rest/dashboard/{project_id}/chats/count", "cursor"},
      {"daily users", "/rest/dashboard/{project_id}/users/unique-daily", "after"},
      {"daily csat", "/rest/dashboard/{project_id}/csat/daily", "cursor"},
      {"daily ai-quality", "/rest/dashboard/{project_id}/ai_quality/daily", "cursor"},
      {"daily errors", "/rest/dashboard/{project_id}/errors/daily", "cursor"},
  };
  return all;
}

const Endpoint* endpoint_for(const std::string& command) {
  for (const auto& e : endpoints())
    if (e.command == command) return &e;
  return nullptr;
}

nlohmann::json fetch_daily(HttpClient& client, const Endpoint& endpoint, const std::string& project_id,
                           const std::string& from, const std::string& to, int page_days) {
  const std::string path = path_for(endpoint, project_id);
  const std::string where = client.options().backend + ": GET " + path;
  json answer;
  json data = json::array();
  std::set<std::string> cursors;
  std::optional<std::string> cursor;
  for (;;) {
    Query query{{"from", from}, {"to", to}, {"limit", std::to_string(page_days)}};
    if (cursor) query.emplace_back(endpoint.cursor_param, *cursor);
    const HttpResponse response = client.get(path, query);
    json page = json::parse(response.body, nullptr, false);
    if (page.is_discarded())
      throw core::BackendError(where + ": malformed response (not JSON, or cut short)", "nothing was stored; try again");
    if (!page.is_object() || page.value("status", json()) != "SUCCESS" || !page.contains("data") ||
        !page["data"].is_array() || !page.contains("metadata") || !page["metadata"].is_object())
      throw core::BackendError(where + ": malformed response (not the documented {status, data, metadata} envelope)",
                               "nothing was stored");
    for (auto& item : page["data"]) data.push_back(std::move(item));
    const json next = page["metadata"].value("next_cursor", json());
    answer = std::move(page);
    if (next.is_null()) break;
    if (!next.is_string() || next.get<std::string>().empty())
      throw core::BackendError(where + ": malformed response (next_cursor is not a string)");
    if (!cursors.insert(next.get<std::string>()).second)
      throw core::BackendError(where + ": the API sent a cursor it had sent before; stopped instead of looping",
                               "report it to the platform; nothing was stored");
    cursor = next.get<std::string>();
  }
  answer["data"] = std::move(data);
  answer["metadata"]["next_cursor"] = nullptr;
  return answer;
}

}  // namespace convstat::connectors::indigo
