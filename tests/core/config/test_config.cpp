#include <catch2/catch.hpp>

#include "core/config/config.hpp"
#include "core/error.hpp"

using namespace convstat::core;

namespace {
std::string usage_message(const std::string& text) {
  try {
    parse_config(text, "cfg.toml");
  } catch (const UsageError& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("config: defaults, profiles, backends and reports are read", "[config]") {
  const Config c = parse_config(R"([defaults]
tz = "Europe/Paris"
tenant = "acme"
days = 7

[profile.prod]
backend = "aurion-prod"
tz = "UTC"

[backend.aurion-prod]
kind = "aurion"
api_key_env = "AURION_API_KEY"

[report.weekly-support]
preset = "support"
sections = ["overview", "sla"]
)", "cfg.toml");
  CHECK(c.defaults.get("tz") == "Europe/Paris");
  CHECK(c.defaults.get("days") == "7");
  CHECK(c.defaults.lines.at("tenant") == 3);
  CHECK(c.profiles.at("prod").get("backend") == "aurion-prod");
  CHECK(c.backends.at("aurion-prod").get("kind") == "aurion");
  CHECK(c.reports.at("weekly-support").get("sections") == "overview,sla");
}

TEST_CASE("config: an unknown key is an error naming the file, line and nearest key", "[config]") {
  CHECK(usage_message("[defaults]\ntz = \"UTC\"\ntenent = \"x\"\n") ==
        "cfg.toml:3: unknown key 'tenent' in [defaults] (did you mean 'tenant'?)");
  CHECK(usage_message("[profile.p]\nbakend = \"x\"\n") ==
        "cfg.toml:2: unknown key 'bakend' in [profile.p] (did you mean 'backend'?)");
  CHECK(usage_message("[default]\ntz = \"UTC\"\n") ==
        "cfg.toml:1: unknown table or key 'default' (did you mean 'defaults'?)");
}

TEST_CASE("config: wrong value types and bad TOML are errors with the line", "[config]") {
  CHECK(usage_message("[defaults]\ndays = \"seven\"\n") == "cfg.toml:2: 'days' takes a whole number");
  CHECK(usage_message("[defaults]\ntz = 3\n") == "cfg.toml:2: 'tz' takes a string");
  CHECK(usage_message("[defaults]\ntz = \n").rfind("cfg.toml:2: invalid TOML", 0) == 0);
  CHECK(usage_message("[backend.x]\nbase_url = \"http://h\"\n") == "cfg.toml:2: [backend.x] needs 'kind'");
}

TEST_CASE("settings: flag beats environment beats profile beats defaults", "[config]") {
  const Config c = parse_config("[defaults]\ntz = \"Europe/Paris\"\ntenant = \"a\"\nformat = \"md\"\ncache = \"/d\"\n"
                                "[profile.p]\ntenant = \"b\"\nformat = \"csv\"\ncache = \"/p\"\n", "cfg.toml");
  const SettingMap flags = {{"cache", "/flag"}};
  const SettingMap env = {{"cache", "/env"}, {"format", "json"}};
  const SettingMap s = resolve_settings(flags, env, c, std::string("p"));
  CHECK(s.at("cache") == "/flag");
  CHECK(s.at("format") == "json");
  CHECK(s.at("tenant") == "b");
  CHECK(s.at("tz") == "Europe/Paris");
  const SettingMap without_profile = resolve_settings({}, {}, c, std::nullopt);
  CHECK(without_profile.at("tenant") == "a");
}

TEST_CASE("settings: range keys move as a group so --from never meets a config days", "[config]") {
  const Config c = parse_config("[defaults]\ndays = 7\n", "cfg.toml");
  const SettingMap s = resolve_settings({{"from", "2026-03-01"}}, {}, c, std::nullopt);
  CHECK(s.at("from") == "2026-03-01");
  CHECK(s.count("days") == 0);
  CHECK(resolve_settings({}, {}, c, std::nullopt).at("days") == "7");
}

TEST_CASE("settings: an unknown profile is a usage error with a suggestion", "[config]") {
  const Config c = parse_config("[profile.prod]\ntz = \"UTC\"\n", "cfg.toml");
  try {
    resolve_settings({}, {}, c, std::string("prd"));
    FAIL("expected UsageError");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()) == "unknown profile 'prd' (did you mean 'prod'?)");
  }
}
