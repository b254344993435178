#pragma once
// `convstat backends`, `backends test` and `doctor`: what each configured
// backend is and serves, whether it answers, and one health summary - all as
// results for the shared renderers.
#include <optional>
#include <string>
#include <vector>

#include "connectors/backend_config.hpp"
#include "connectors/sync_state.hpp"
#include "core/config/config.hpp"
#include "core/error.hpp"
#include "core/result.hpp"

namespace convstat::connectors {

// One backend as `backends` lists it.
struct BackendListing {
  BackendSpec spec;
  std::optional<SyncRun> last_sync;  // records kinds; nullopt: never synced (or no cache)
};

// {backends: [{name, kind, serves, records, last_sync_at, last_sync_records}]}.
core::Result backends_result(const std::vector<BackendListing>& backends);

// The outcome of one check (a backend test, or a doctor item).
struct CheckOutcome {
  std::string name;           // "backend NAME", "config", "cache", "time zones"
  std::string status;         // "ok", "warn", "failed", "not built"
  core::ExitCode code = core::ExitCode::ok;  // ok for ok and warn
  std::string detail;
};

// A failed outcome from an error: its code, its message without a leading "backend 'NAME': ".
CheckOutcome failed_outcome(std::string name, const core::Error& e);

// Tests a checked backend: files - the path matches readable files; postgres -
// connects and runs a trivial query; HTTP kinds - "not built" (code backend).
// Never throws: a failure is an outcome with its exit code.
CheckOutcome test_backend(const BackendSpec& backend, const EnvLookup& env);

// {backends: [{name, kind, status, detail}]} (backends test) or
// {status, checks: [{check, status, detail}]} (doctor).
core::Result backends_test_result(const std::vector<CheckOutcome>& outcomes);
core::Result doctor_result(const std::vector<CheckOutcome>& outcomes);

// The exit code of a list of outcomes: the highest of their codes (0 when all passed).
int worst_code(const std::vector<CheckOutcome>& outcomes);

// Doctor's checks of the parts that are not backends. A config that was read
// (a config that cannot be read is the caller's failed outcome).
CheckOutcome describe_config(const core::Config& config);
// The cache at `path`: present, its schema version, PRAGMA quick_check.
CheckOutcome check_cache(const std::string& path);
// The time-zone database: Europe/Paris and `configured` (the --tz setting) load.
CheckOutcome check_time_zones(const std::optional<std::string>& configured);

}  // namespace convstat::connectors
