#pragma once
// The TOML configuration (spec/cli.md "Configuration") and the resolution of
// settings: flag > environment > [profile.NAME] > [defaults] > built-in default.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace convstat::core {

// One table of the config as key -> value text, with the line each key is on.
struct ConfigTable {
  std::map<std::string, std::string> values;
  std::map<std::string, int> lines;
  std::optional<std::string> get(const std::string& key) const;
};

struct Config {
  std::string path;                              // empty when no file was read
  ConfigTable defaults;                          // [defaults]
  std::map<std::string, ConfigTable> profiles;   // [profile.NAME]
  std::map<std::string, ConfigTable> backends;   // [backend.NAME]
  std::map<std::string, ConfigTable> reports;    // [report.NAME]
};

// Keys allowed in [defaults] and [profile.*].
const std::vector<std::string>& setting_keys();

// Parses a config file. Throws UsageError naming the file and line for a TOML
// syntax error, an unknown table or key (with a did-you-mean), or a value of
// the wrong type.
Config parse_config(const std::string& text, const std::string& path);

// Reads the config at `path`. When `explicit_path` is false a missing file is
// no error (an empty Config); when true it is a UsageError.
Config load_config(const std::string& path, bool explicit_path);

// Default config location: $XDG_CONFIG_HOME/convstat/config.toml, else ~/.config/convstat/config.toml.
std::string default_config_path();

// Settings by name (cache, tenant, tz, format, days, period, backend, no_color).
using SettingMap = std::map<std::string, std::string>;

// Environment variables that set settings: CONVSTAT_CACHE, CONVSTAT_TENANT,
// CONVSTAT_TZ, CONVSTAT_FORMAT, CONVSTAT_BACKEND, and NO_COLOR (any value).
SettingMap settings_from_environment();

// Merges the layers: flags, then environment, then the profile (UsageError
// when `profile` names no [profile.*] table, with a did-you-mean), then
// [defaults]. The range settings (from, to, days, period) move as a group: the
// first layer that sets any of them supplies all of them, so a config default
// of `days = 7` never collides with --from/--to on the command line.
// `command`, when given, is a layer between the flags and the environment:
// the settings of the [report.NAME] a report runs.
SettingMap resolve_settings(const SettingMap& flags, const SettingMap& environment, const Config& config,
                            const std::optional<std::string>& profile, const SettingMap* command = nullptr);

}  // namespace convstat::core
