#include "core/config/config.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "core/error.hpp"
#include "core/util/suggest.hpp"

namespace convstat::core {
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> k_backend_keys = {
    "kind", "base_url", "api_key_env", "api_secret_env", "token_env", "credentials_file", "project_id", "tz",
    "ttl_s", "settle_days", "timeout_s", "max_retries", "rate_limit", "ca_file", "path", "dsn_env", "query",
    "page_days",
    "sync_from"};  // aurion sync
const std::vector<std::string> k_report_keys = {"preset", "sections", "period", "days", "format",
                                                "output", "tz", "tenant", "title"};
const std::vector<std::string> k_integer_keys = {"days", "ttl_s", "settle_days", "timeout_s", "max_retries", "page_days"};
const std::vector<std::string> k_boolean_keys = {"no_color"};

bool contains(const std::vector<std::string>& list, const std::string& key) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

[[noreturn]] void fail(const std::string& path, int line, const std::string& message) {
  throw UsageError(path + ":" + std::to_string(line) + ": " + message);
}

// The value of one key as text, checking its TOML type against what the key takes.
std::string value_text(const toml::node& node, const std::string& key, const std::string& path, int line) {
  if (contains(k_integer_keys, key)) {
    const auto v = node.value<std::int64_t>();
    if (!v || !node.is_integer()) fail(path, line, "'" + key + "' takes a whole number");
    return std::to_string(*v);
  }
  if (contains(k_boolean_keys, key)) {
    if (!node.is_boolean()) fail(path, line, "'" + key + "' takes true or false");
    return *node.value<bool>() ? "true" : "false";
  }
  if (const auto* array = node.as_array()) {  // e.g. report sections = ["overview", "sla"]
    std::string joined;
    for (const auto& item : *array) {
      if (!item.is_string()) fail(path, line, "'" + key + "' takes a list of strings");
      joined += (joined.empty() ? "" : ",") + *item.value<std::string>();
    }
    return joined;
  }
  if (!node.is_string()) fail(path, line, "'" + key + "' takes a string");
  return *node.value<std::string>();
}

ConfigTable read_table(const toml::table& table, const std::vector<std::string>& allowed, const std::string& where,
                       const std::string& path) {
  ConfigTable out;
  for (const auto& [key_node, value] : table) {
    const std::string key(key_node.str());
    const int line = static_cast<int>(key_node.source().begin.line);
    if (!contains(allowed, key))
      fail(path, line, "unknown key '" + key + "' in [" + where + "]" + did_you_mean(key, allowed));
    if (key == "query") {  // a postgres backend's query.TABLE = "SELECT …": kept as "query.TABLE"
      const auto* queries = value.as_table();
      if (!queries) fail(path, line, "'query' takes a table of SQL strings (query.conversations = \"SELECT …\")");
      for (const auto& [name, sql] : *queries) {
        const std::string query_key = "query." + std::string(name.str());
        out.values[query_key] = value_text(sql, query_key, path, static_cast<int>(name.source().begin.line));
        out.lines[query_key] = static_cast<int>(name.source().begin.line);
      }
      continue;
    }
    out.values[key] = value_text(value, key, path, line);
    out.lines[key] = line;
  }
  return out;
}

// [profile.NAME], [backend.NAME], [report.NAME]: a table of named tables.
std::map<std::string, ConfigTable> read_named(const toml::node& node, const std::string& group,
                                              const std::vector<std::string>& allowed, const std::string& path) {
  std::map<std::string, ConfigTable> out;
  const auto* tables = node.as_table();
  if (!tables) fail(path, static_cast<int>(node.source().begin.line), "[" + group + "] must hold named tables");
  for (const auto& [name, value] : *tables) {
    const auto* table = value.as_table();
    const int line = static_cast<int>(name.source().begin.line);
    if (!table) fail(path, line, "'" + group + "." + std::string(name.str()) + "' must be a table");
    out[std::string(name.str())] = read_table(*table, allowed, group + "." + std::string(name.str()), path);
  }
  return out;
}

std::string home_relative(const char* xdg_var, const char* fallback) {
  const char* xdg = std::getenv(xdg_var);
  if (xdg && *xdg) return xdg;
  const char* home = std::getenv("HOME");
  return (fs::path(home && *home ? home : ".") / fallback).string();
}

}  // namespace

std::optional<std::string> ConfigTable::get(const std::string& key) const {
  const auto it = values.find(key);
  return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
}

const std::vector<std::string>& setting_keys() {
  static const std::vector<std::string> keys = {"cache", "tenant", "tz",      "format",
                                                "days",  "period", "backend", "no_color"};
  return keys;
}

Config parse_config(const std::string& text, const std::string& path) {
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    fail(path, static_cast<int>(e.source().begin.line), "invalid TOML: " + std::string(e.description()));
  }
  Config config;
  config.path = path;
  const std::vector<std::string> groups = {"defaults", "profile", "backend", "report"};
  for (const auto& [key_node, value] : root) {
    const std::string key(key_node.str());
    const int line = static_cast<int>(key_node.source().begin.line);
    if (key == "defaults" && value.is_table())
      config.defaults = read_table(*value.as_table(), setting_keys(), "defaults", path);
    else if (key == "profile") config.profiles = read_named(value, key, setting_keys(), path);
    else if (key == "backend") config.backends = read_named(value, key, k_backend_keys, path);
    else if (key == "report") config.reports = read_named(value, key, k_report_keys, path);
    else fail(path, line, "unknown table or key '" + key + "'" + did_you_mean(key, groups));
  }
  for (const auto& [name, table] : config.backends)
    if (!table.get("kind")) fail(path, table.lines.empty() ? 1 : table.lines.begin()->second,
                                 "[backend." + name + "] needs 'kind'");
  return config;
}

Config load_config(const std::string& path, bool explicit_path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    if (explicit_path) throw UsageError("config file '" + path + "' does not exist");
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read config file '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), path);
}

std::string default_config_path() {
  return (fs::path(home_relative("XDG_CONFIG_HOME", ".config")) / "convstat" / "config.toml").string();
}

SettingMap settings_from_environment() {
  SettingMap env;
  const std::pair<const char*, const char*> vars[] = {{"CONVSTAT_CACHE", "cache"},   {"CONVSTAT_TENANT", "tenant"},
                                                      {"CONVSTAT_TZ", "tz"},         {"CONVSTAT_FORMAT", "format"},
                                                      {"CONVSTAT_BACKEND", "backend"}};
  for (const auto& [var, key] : vars)
    if (const char* value = std::getenv(var); value && *value) env[key] = value;
  if (const char* no_color = std::getenv("NO_COLOR"); no_color && *no_color) env["no_color"] = "true";
  return env;
}

SettingMap resolve_settings(const SettingMap& flags, const SettingMap& environment, const Config& config,
                            const std::optional<std::string>& profile, const SettingMap* command) {
  std::vector<const SettingMap*> layers = {&flags};
  if (command) layers.push_back(command);
  layers.push_back(&environment);
  if (profile) {
    const auto it = config.profiles.find(*profile);
    if (it == config.profiles.end()) {
      std::vector<std::string> names;
      for (const auto& [name, table] : config.profiles) names.push_back(name);
      throw UsageError("unknown profile '" + *profile + "'" + did_you_mean(*profile, names),
                       config.path.empty() ? "no config file was read" : "profiles are [profile.NAME] tables in " + config.path);
    }
    layers.push_back(&it->second.values);
  }
  layers.push_back(&config.defaults.values);

  const std::vector<std::string> range_keys = {"from", "to", "days", "period"};
  SettingMap out;
  for (const SettingMap* layer : layers)
    for (const auto& [key, value] : *layer)
      if (!contains(range_keys, key)) out.emplace(key, value);  // emplace: the first layer wins
  for (const SettingMap* layer : layers) {
    bool any = false;
    for (const auto& key : range_keys)
      if (const auto it = layer->find(key); it != layer->end()) {
        out[key] = it->second;
        any = true;
      }
    if (any) break;
  }
  return out;
}

}  // namespace convstat::core
