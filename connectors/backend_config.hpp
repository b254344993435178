#pragma once
// The [backend.NAME] tables of the config (spec/connectors.md "Configuration
// keys") checked per kind, and the secrets they name. A secret's value is
// returned to the connector that needs it and never put in a message: errors
// name the variable or file, never what it holds.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config/config.hpp"

namespace convstat::connectors {

// What a kind of backend is and does (the table of spec/connectors.md).
struct KindInfo {
  std::string_view name;     // "postgres"
  bool http;                 // a vendor REST API (not built yet)
  bool records;              // `sync` pulls records from it
  std::string_view serves;   // the KPI commands it serves ("" for none)
  std::string_view pulls;    // the records `sync` pulls ("" for none)
};

// Every kind, in the spec's order.
const std::vector<KindInfo>& kinds();
// The kind named `name`, or nullptr.
const KindInfo* find_kind(std::string_view name);

// Looks up an environment variable: nullopt when unset (or empty).
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
// The process environment.
EnvLookup process_environment();

// One checked [backend.NAME].
struct BackendSpec {
  std::string name;
  const KindInfo* kind = nullptr;
  core::ConfigTable table;   // the keys as written ("query.conversations" for a query table)
  std::string config_path;   // the file it came from, for relative paths and messages

  std::optional<std::string> get(const std::string& key) const { return table.get(key); }
};

// Checks [backend.NAME] for its kind. Throws UsageError ("backend 'NAME': …")
// naming the key for an unknown name (with a did-you-mean), an unknown kind, a
// key its kind does not take, a missing required key (files: path; postgres:
// dsn_env or a credentials_file with dsn; HTTP kinds: base_url and their
// credential), an *_env naming an unset variable, a credentials_file that
// cannot be read, is readable by group or others (not 0600) or lacks the key.
BackendSpec validate_backend(const core::Config& config, const std::string& name, const EnvLookup& env);
// Every backend of the config, checked, by name.
std::vector<BackendSpec> validate_backends(const core::Config& config, const EnvLookup& env);

// The secret `key` ("dsn", "api_key", "api_secret", "token") of a checked
// backend: the variable named by `<key>_env`, else the credentials file's
// `<key>`. Throws UsageError naming the variable or file (never the value).
std::string resolve_secret(const BackendSpec& backend, const std::string& key, const EnvLookup& env);

// Removes every occurrence of `secret` (when at least 4 bytes) from `text`, as "***".
std::string scrub(std::string text, const std::string& secret);

}  // namespace convstat::connectors
