#pragma once
// One set_<name>_command per file in cli/, registered in app.cpp. Each turns
// its options into a request and calls core; no SQL, KPI arithmetic or
// formatting here.
#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace convstat::cli {

// Every command of the KPI registry (core/kpi/registry.hpp).
void set_kpi_commands(CLI::App& app, Context& ctx);
void set_import_command(CLI::App& app, Context& ctx);
void set_export_command(CLI::App& app, Context& ctx);
void set_report_command(CLI::App& app, Context& ctx);
void set_demo_command(CLI::App& app, Context& ctx);
void set_cache_command(CLI::App& app, Context& ctx);
void set_completion_command(CLI::App& app, Context& ctx);
void set_check_command(CLI::App& app, Context& ctx);
void set_metrics_command(CLI::App& app, Context& ctx);
void set_sync_command(CLI::App& app, Context& ctx);
void set_backends_command(CLI::App& app, Context& ctx);
void set_doctor_command(CLI::App& app, Context& ctx);

}  // namespace convstat::cli
