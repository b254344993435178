#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <map>

#include "connectors/backend_config.hpp"
#include "core/error.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::connectors;
using convstat::core::parse_config;
using convstat::core::UsageError;
using convstat::testing::TempDir;

namespace {

EnvLookup fake_env(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

// The UsageError message of validating backend `name` of `toml`, or "ok".
std::string problem(const std::string& toml, const std::string& name, const EnvLookup& env = fake_env({})) {
  try {
    validate_backend(parse_config(toml, "cfg.toml"), name, env);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "ok";
}

}  // namespace

TEST_CASE("backend config: each kind's required keys, named with the backend and the line", "[connectors][config]") {
  CHECK(problem("[backend.f]\nkind = \"files\"\n", "f") ==
        "backend 'f': missing required key 'path' for kind files (cfg.toml:2)");
  CHECK(problem("[backend.f]\nkind = \"files\"\npath = \"data\"\n", "f") == "ok");
  CHECK(problem("[backend.p]\nkind = \"postgres\"\n", "p") == "backend 'p': missing 'dsn_env' for kind postgres (cfg.toml:2)");
  CHECK(problem("[backend.a]\nkind = \"aurion\"\napi_key_env = \"K\"\n", "a", fake_env({{"K", "v"}})) ==
        "backend 'a': missing required key 'base_url' for kind aurion (cfg.toml:2)");
  CHECK(problem("[backend.a]\nkind = \"aurion\"\nbase_url = \"https://a\"\n", "a") ==
        "backend 'a': missing 'api_key_env' or 'token_env' for kind aurion (cfg.toml:2)");
  CHECK(problem("[backend.n]\nkind = \"analytic\"\nbase_url = \"https://a\"\napi_key_env = \"K\"\n", "n",
                fake_env({{"K", "v"}})) == "backend 'n': missing 'api_secret_env' or 'token_env' for kind analytic (cfg.toml:2)");
  CHECK(problem("[backend.n]\nkind = \"analytic\"\nbase_url = \"https://a\"\ntoken_env = \"T\"\n", "n",
                fake_env({{"T", "v"}})) == "ok");
}

TEST_CASE("backend config: a key of another kind, an unknown kind, an unknown backend", "[connectors][config]") {
  CHECK(problem("[backend.f]\nkind = \"files\"\npath = \"d\"\ndsn_env = \"X\"\n", "f") ==
        "backend 'f': kind files takes no key 'dsn_env' (cfg.toml:4)");
  CHECK(problem("[backend.f]\nkind = \"files\"\npath = \"d\"\nquery.conversations = \"SELECT 1\"\n", "f").find(
            "takes no key 'query.conversations'") != std::string::npos);
  CHECK(problem("[backend.x]\nkind = \"postgress\"\n", "x") ==
        "backend 'x': unknown kind 'postgress' (did you mean 'postgres'?) (cfg.toml:2)");
  CHECK(problem("[backend.local]\nkind = \"files\"\npath = \"d\"\n", "locl") ==
        "unknown backend 'locl' (did you mean 'local'?)");
}

TEST_CASE("backend config: an *_env naming an unset variable is named, never a value", "[connectors][config]") {
  const std::string toml = "[backend.p]\nkind = \"postgres\"\ndsn_env = \"PG_DSN\"\n";
  CHECK(problem(toml, "p") == "backend 'p': 'dsn_env' names the environment variable PG_DSN, which is not set (cfg.toml:3)");
  const auto env = fake_env({{"PG_DSN", "host=db password=topsecret"}});
  const BackendSpec spec = validate_backend(parse_config(toml, "cfg.toml"), "p", env);
  CHECK(resolve_secret(spec, "dsn", env) == "host=db password=topsecret");
  CHECK(scrub("failed for host=db password=topsecret here", "host=db password=topsecret") == "failed for *** here");
  CHECK(scrub("abc", "") == "abc");
}

TEST_CASE("backend config: a credentials file must be 0600 and holds the secrets", "[connectors][config]") {
  TempDir dir;
  const std::string creds = dir.file("creds.toml");
  std::ofstream(creds) << "dsn = \"host=db password=pw\"\n";
  const std::string toml = "[backend.p]\nkind = \"postgres\"\ncredentials_file = \"creds.toml\"\n";
  const std::string config_path = dir.file("config.toml");  // the credentials path is relative to it
  ::chmod(creds.c_str(), 0644);
  try {
    validate_backend(parse_config(toml, config_path), "p", fake_env({}));
    FAIL("a 0644 credentials file must be refused");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()).find("is readable by others (mode 0644)") != std::string::npos);
    CHECK(std::string(e.what()).find("pw") == std::string::npos);
  }
  ::chmod(creds.c_str(), 0600);
  const BackendSpec spec = validate_backend(parse_config(toml, config_path), "p", fake_env({}));
  CHECK(resolve_secret(spec, "dsn", fake_env({})) == "host=db password=pw");
  std::ofstream(creds) << "token = \"t\"\n";
  CHECK_THROWS_WITH(validate_backend(parse_config(toml, config_path), "p", fake_env({})),
                    Catch::Contains("missing 'dsn_env' for kind postgres"));
}

TEST_CASE("backend config: query.TABLE strings are kept for postgres", "[connectors][config]") {
  const auto dotted = parse_config("[backend.p]\nkind = \"postgres\"\ndsn_env = \"D\"\n"
                                   "query.conversations = \"SELECT * FROM conv\"\n", "cfg.toml");
  CHECK(validate_backend(dotted, "p", fake_env({{"D", "x"}})).get("query.conversations") == "SELECT * FROM conv");
  const auto table = parse_config("[backend.p]\nkind = \"postgres\"\ndsn_env = \"D\"\n"
                                  "[backend.p.query]\nmessages = \"SELECT 2\"\n", "cfg.toml");
  const BackendSpec spec = validate_backend(table, "p", fake_env({{"D", "x"}}));
  CHECK(spec.get("query.messages") == "SELECT 2");
  CHECK(spec.table.lines.at("query.messages") == 5);
  CHECK(problem("[backend.p]\nkind = \"postgres\"\ndsn_env = \"D\"\nquery.convos = \"SELECT 1\"\n", "p",
                fake_env({{"D", "x"}})) == "backend 'p': 'query.convos' names no record type (cfg.toml:4)");
  CHECK_THROWS_WITH(parse_config("[backend.p]\nkind = \"postgres\"\nquery = \"x\"\n", "cfg.toml"),
                    Catch::Contains("'query' takes a table of SQL strings"));
}
