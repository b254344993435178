#include "connectors/backends.hpp"

#include <filesystem>

#include "connectors/files.hpp"
#include "connectors/postgres.hpp"
#include "connectors/aurion.hpp"
#include "connectors/analytic.hpp"
#include "connectors/botserver.hpp"
#include "connectors/served.hpp"
#include "connectors/speechai.hpp"
#include "core/cache/cache.hpp"
#include "core/time/time.hpp"

namespace convstat::connectors {
namespace {

core::Node text_or_null(std::string_view text) {
  return text.empty() ? core::Node::null() : core::Node::string(std::string(text));
}

// The error's message without a leading "backend 'NAME'…: " (the outcome is named already).
CheckOutcome strip_failed(std::string name, const core::Error& e) {
  std::string detail = e.what();
  if (detail.rfind("backend '", 0) == 0)
    if (const std::size_t colon = detail.find(": "); colon != std::string::npos) detail.erase(0, colon + 2);
  return {std::move(name), "failed", e.code(), detail};
}

}  // namespace

CheckOutcome failed_outcome(std::string name, const core::Error& e) { return strip_failed(std::move(name), e); }

core::Result backends_result(const std::vector<BackendListing>& backends) {
  core::Node list = core::Node::list();
  for (const BackendListing& b : backends) {
    core::Node item = core::Node::object();
    item.set("name", core::Node::string(b.spec.name))
        .set("kind", core::Node::string(std::string(b.spec.kind->name)))
        .set("serves", text_or_null(b.spec.kind->name == "aurion"     ? aurion::served_commands()  // what is built
                                    : b.spec.kind->name == "analytic" ? analytic::served_commands()
                                                                      : std::string(b.spec.kind->serves)))
        .set("records", text_or_null(b.spec.kind->pulls))
        .set("last_sync_at", b.last_sync ? core::Node::string(core::format_instant_utc(b.last_sync->finished_at_ms))
                                         : core::Node::null())
        .set("last_sync_records", b.last_sync ? core::Node::integer(b.last_sync->records) : core::Node::null());
    list.push(std::move(item));
  }
  core::Result result{"backends", "Backends", core::Node::object(), "backends"};
  result.root.set("backends", std::move(list));
  return result;
}

CheckOutcome test_backend(const BackendSpec& backend, const EnvLookup& env) {
  const std::string name = "backend " + backend.name;
  if (backend.kind->name == "indigo") {  // one cheap authenticated request (connectors/served.hpp)
    try {
      return {name, "ok", core::ExitCode::ok, served::test_indigo(backend, env)};
    } catch (const core::Error& e) {
      return strip_failed(name, e);
    }
  }
  if (backend.kind->name == "aurion") {  // GET aggregation-health (connectors/aurion.hpp)
    try {
      return {name, "ok", core::ExitCode::ok, aurion::test_backend(backend, env)};
    } catch (const core::Error& e) {
      return strip_failed(name, e);
    }
  }
  if (backend.kind->name == "analytic") {  // GET /health, then the dashboard (connectors/analytic.hpp)
    try {
      return {name, "ok", core::ExitCode::ok, analytic::test_backend(backend, env)};
    } catch (const core::Error& e) {
      return strip_failed(name, e);
    }
  }
  if (backend.kind->name == "speechai") {  // GET a probe session's metrics (connectors/speechai.hpp)
    try {
      return {name, "ok", core::ExitCode::ok, speechai::test_backend(backend, env)};
    } catch (const core::Error& e) {
      return strip_failed(name, e);
    }
  }
  if (backend.kind->name == "botserver") {  // GET realtime/active (connectors/botserver.hpp)
    try {
      return {name, "ok", core::ExitCode::ok, botserver::test_backend(backend, env)};
    } catch (const core::Error& e) {
      return strip_failed(name, e);
    }
  }
  if (backend.kind->http)
    return {name, "not built", core::ExitCode::backend,
            "the " + std::string(backend.kind->name) + " connector is not built yet: nothing was tested"};
  try {
    const std::string detail = backend.kind->name == "files" ? test_files(backend) : test_postgres(backend, env);
    return {name, "ok", core::ExitCode::ok, detail};
  } catch (const core::Error& e) {
    return strip_failed(name, e);
  }
}

core::Result backends_test_result(const std::vector<CheckOutcome>& outcomes) {
  core::Node list = core::Node::list();
  for (const CheckOutcome& o : outcomes)
    list.push(core::Node::object()
                  .set("name", core::Node::string(o.name.substr(o.name.find(' ') + 1)))
                  .set("status", core::Node::string(o.status))
                  .set("detail", core::Node::string(o.detail)));
  core::Result result{"backends test", "Backend tests", core::Node::object(), "backends"};
  result.root.set("backends", std::move(list));
  return result;
}

core::Result doctor_result(const std::vector<CheckOutcome>& outcomes) {
  core::Node list = core::Node::list();
  for (const CheckOutcome& o : outcomes)
    list.push(core::Node::object()
                  .set("check", core::Node::string(o.name))
                  .set("status", core::Node::string(o.status))
                  .set("detail", core::Node::string(o.detail)));
  core::Result result{"doctor", "Health", core::Node::object(), "checks"};
  result.root.set("status", core::Node::string(worst_code(outcomes) == 0 ? "ok" : "failed"))
      .set("checks", std::move(list));
  return result;
}

int worst_code(const std::vector<CheckOutcome>& outcomes) {
  int worst = 0;
  for (const CheckOutcome& o : outcomes) worst = std::max(worst, static_cast<int>(o.code));
  return worst;
}

CheckOutcome describe_config(const core::Config& config) {
  if (config.path.empty()) return {"config", "ok", core::ExitCode::ok, "no config file (built-in defaults)"};
  const auto count = [](std::size_t n, const std::string& word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  return {"config", "ok", core::ExitCode::ok,
          config.path + " (" + count(config.backends.size(), "backend") + ", " +
              count(config.profiles.size(), "profile") + ")"};
}

CheckOutcome check_cache(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return {"cache", "warn", core::ExitCode::ok, "no cache at " + path + " yet (demo, import or sync create it)"};
  try {
    core::Cache cache(path, core::OpenMode::read_only);
    const int version = cache.schema_version();
    std::string quick;
    SQLite::Statement q(cache.db(), "PRAGMA quick_check");
    while (q.executeStep())
      if (const std::string line = q.getColumn(0).getString(); line != "ok") quick += (quick.empty() ? "" : "; ") + line;
    if (!quick.empty()) return {"cache", "failed", core::ExitCode::local, path + ": quick_check: " + quick};
    std::string detail = path + " (schema version " + std::to_string(version) + ", quick_check ok)";
    if (version < core::Cache::k_schema_version)
      return {"cache", "warn", core::ExitCode::ok, detail + "; migrated to version " +
                                                       std::to_string(core::Cache::k_schema_version) + " on the next write"};
    return {"cache", "ok", core::ExitCode::ok, detail};
  } catch (const core::Error& e) {
    return strip_failed("cache", e);
  } catch (const SQLite::Exception& e) {
    return {"cache", "failed", core::ExitCode::local, path + ": " + e.what()};
  }
}

CheckOutcome check_time_zones(const std::optional<std::string>& configured) {
  try {
    const core::TimeZone paris("Europe/Paris");
    (void)paris;
  } catch (const std::exception& e) {
    return {"time zones", "failed", core::ExitCode::local,
            std::string("the time-zone database cannot load Europe/Paris: ") + e.what()};
  }
  if (configured) {
    try {
      const core::TimeZone zone(*configured);
      (void)zone;
    } catch (const core::Error& e) {
      return strip_failed("time zones", e);
    }
  }
  return {"time zones", "ok", core::ExitCode::ok,
          "Europe/Paris loads" + (configured ? "; --tz " + *configured + " loads" : std::string())};
}

}  // namespace convstat::connectors
