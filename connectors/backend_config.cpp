#include "connectors/backend_config.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <toml++/toml.h>

#include "core/error.hpp"
#include "core/records/schema.hpp"
#include "core/util/suggest.hpp"

namespace convstat::connectors {
namespace fs = std::filesystem;

namespace {

using Keys = std::vector<std::string>;

// Keys every HTTP kind takes besides its credentials.
const Keys k_http_keys = {"kind", "base_url", "credentials_file", "tz", "ttl_s", "settle_days",
                          "timeout_s", "max_retries", "rate_limit", "ca_file"};

// One way to authenticate: every secret of it must be set ("api_key" + "api_secret").
using Credential = std::vector<std::string>;

struct KindRules {
  std::string_view kind;
  Keys extra_keys;                  // besides k_http_keys (HTTP) or instead of them
  Keys required;                    // plain keys that must be present
  std::vector<Credential> credentials;  // alternatives; empty: none needed
};

const std::vector<KindRules>& rules() {
  static const std::vector<KindRules> all = {
      {"aurion", {"api_key_env", "token_env", "sync_from"}, {"base_url"}, {{"api_key"}, {"token"}}},
      {"indigo", {"token_env", "project_id", "page_days"}, {"base_url", "project_id"}, {{"token"}}},
      {"speechai", {"api_key_env"}, {"base_url"}, {{"api_key"}}},
      {"analytic", {"api_key_env", "api_secret_env", "token_env", "sync_from"}, {"base_url"}, {{"api_key", "api_secret"}, {"token"}}},
      {"botserver", {"token_env"}, {"base_url"}, {{"token"}}},
      {"files", {"kind", "path"}, {"path"}, {}},
      {"postgres", {"kind", "dsn_env", "credentials_file", "timeout_s"}, {}, {{"dsn"}}},
  };
  return all;
}

const KindRules& rules_for(std::string_view kind) {
  for (const KindRules& r : rules())
    if (r.kind == kind) return r;
  throw std::logic_error("no rules for kind");
}

std::string where(const BackendSpec& b, const std::string& key) {
  const auto it = b.table.lines.find(key);
  if (it == b.table.lines.end() || b.config_path.empty()) return "";
  return " (" + b.config_path + ":" + std::to_string(it->second) + ")";
}

[[noreturn]] void fail(const BackendSpec& b, const std::string& key, const std::string& message,
                       std::string hint = {}) {
  throw core::UsageError("backend '" + b.name + "': " + message + where(b, key), std::move(hint));
}

Keys allowed_keys(const KindInfo& kind) {
  const KindRules& r = rules_for(kind.name);
  Keys keys = kind.http ? k_http_keys : Keys{};
  keys.insert(keys.end(), r.extra_keys.begin(), r.extra_keys.end());
  return keys;
}

// The credentials file as a TOML table, after checking it is the owner's alone.
toml::table read_credentials(const BackendSpec& b) {
  std::string path = *b.get("credentials_file");
  if (fs::path(path).is_relative() && !b.config_path.empty())
    path = (fs::path(b.config_path).parent_path() / path).string();
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0)
    fail(b, "credentials_file", "credentials_file '" + path + "' cannot be read");
  if ((st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    fail(b, "credentials_file", "credentials_file '" + path + "' is readable by others (mode " + mode + ")",
         "run `chmod 600 " + path + "`: a credentials file must be its owner's alone");
  }
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    fail(b, "credentials_file", "credentials_file '" + path + "' is not valid TOML (line " +
                                    std::to_string(e.source().begin.line) + ")");
  }
}

bool has_secret(const BackendSpec& b, const std::string& key, const toml::table* credentials) {
  if (b.get(key + "_env")) return true;
  return credentials != nullptr && credentials->get_as<std::string>(key) != nullptr;
}

void check_credentials(const BackendSpec& b, const KindRules& r, const EnvLookup& env) {
  for (const auto& [key, value] : b.table.values)
    if (key.size() > 4 && key.compare(key.size() - 4, 4, "_env") == 0 && !env(value))
      fail(b, key, "'" + key + "' names the environment variable " + value + ", which is not set",
           "export " + value + " before running convstat (the value is never printed)");
  std::optional<toml::table> credentials;
  if (b.get("credentials_file")) credentials = read_credentials(b);
  if (r.credentials.empty()) return;
  for (const Credential& alternative : r.credentials)
    if (std::all_of(alternative.begin(), alternative.end(), [&](const std::string& key) {
          return has_secret(b, key, credentials ? &*credentials : nullptr);
        }))
      return;
  std::string wanted;
  for (const Credential& alternative : r.credentials)
    for (const std::string& key : alternative)
      if (!has_secret(b, key, credentials ? &*credentials : nullptr)) {
        wanted += (wanted.empty() ? "'" : " or '") + key + "_env'";
        break;
      }
  fail(b, "kind", "missing " + wanted + " for kind " + std::string(b.kind->name),
       "name the environment variable that holds it, or set credentials_file (mode 0600)");
}

}  // namespace

const std::vector<KindInfo>& kinds() {
  static const std::vector<KindInfo> all = {
      {"aurion", true, true,
       "overview, sla, csat, csat responses, resolution, teams, insights, unified, calls, calls resolution, usage, "
       "calls search",
       "csat, conversations, calls"},
      {"indigo", true, false, "daily messages, chats, users, csat, ai-quality, errors", ""},
      {"speechai", true, false, "sessions costs, sessions metrics, feedback add", ""},
      {"analytic", true, true, "dashboard, bot, conversation, leads, usage, search", "conversations, leads, events"},
      {"botserver", true, false, "usage, usage daily, usage monthly, engagement, realtime, report", ""},
      {"files", false, true, "", "every record type, from NDJSON/JSON/CSV files"},
      {"postgres", false, true, "", "every record type with a canonical table or a query"},
  };
  return all;
}

const KindInfo* find_kind(std::string_view name) {
  for (const KindInfo& k : kinds())
    if (k.name == name) return &k;
  return nullptr;
}

EnvLookup process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
  };
}

BackendSpec validate_backend(const core::Config& config, const std::string& name, const EnvLookup& env) {
  const auto it = config.backends.find(name);
  if (it == config.backends.end()) {
    std::vector<std::string> names;
    for (const auto& [n, table] : config.backends) names.push_back(n);
    throw core::UsageError("unknown backend '" + name + "'" + core::did_you_mean(name, names),
                           config.path.empty() ? "no config file was read; backends are [backend.NAME] tables"
                                               : "backends are the [backend.NAME] tables of " + config.path);
  }
  BackendSpec b{name, nullptr, it->second, config.path};
  const std::string kind = b.get("kind").value_or("");
  b.kind = find_kind(kind);
  if (b.kind == nullptr) {
    std::vector<std::string> names;
    for (const KindInfo& k : kinds()) names.emplace_back(k.name);
    fail(b, "kind", "unknown kind '" + kind + "'" + core::did_you_mean(kind, names));
  }
  const Keys allowed = allowed_keys(*b.kind);
  for (const auto& [key, value] : b.table.values) {
    const bool query = key.rfind("query.", 0) == 0;
    if (query ? b.kind->name != "postgres" : std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      fail(b, key, "kind " + kind + " takes no key '" + key + "'" + core::did_you_mean(key, allowed));
    if (query && core::find_record_type(key.substr(6)) == nullptr)
      fail(b, key, "'" + key + "' names no record type", "query.conversations, query.messages, query.csat, …");
  }
  const KindRules& r = rules_for(b.kind->name);
  for (const std::string& key : r.required)
    if (!b.get(key)) fail(b, "kind", "missing required key '" + key + "' for kind " + kind);
  check_credentials(b, r, env);
  return b;
}

std::vector<BackendSpec> validate_backends(const core::Config& config, const EnvLookup& env) {
  std::vector<BackendSpec> out;
  for (const auto& [name, table] : config.backends) out.push_back(validate_backend(config, name, env));
  return out;
}

std::string resolve_secret(const BackendSpec& backend, const std::string& key, const EnvLookup& env) {
  if (const auto var = backend.get(key + "_env")) {
    if (auto value = env(*var)) return *value;
    fail(backend, key + "_env", "'" + key + "_env' names the environment variable " + *var + ", which is not set");
  }
  if (backend.get("credentials_file")) {
    const toml::table credentials = read_credentials(backend);
    if (const auto* value = credentials.get_as<std::string>(key)) return value->get();
    fail(backend, "credentials_file", "credentials_file has no '" + key + "'");
  }
  fail(backend, "kind", "missing '" + key + "_env'");
}

std::string scrub(std::string text, const std::string& secret) {
  if (secret.size() < 4) return text;
  for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3))
    text.replace(at, secret.size(), "***");
  return text;
}

}  // namespace convstat::connectors
