#pragma once
// What every command shares: the global options (spec/cli.md), their
// resolution (flag > environment > config profile > default), the cache, the
// range and zone, the filters, and the writing of results (stdout or -o).
#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/cache/cache.hpp"
#include "core/config/config.hpp"
#include "core/query/filters.hpp"
#include "core/render/render.hpp"
#include "core/result.hpp"
#include "core/time/time.hpp"

namespace convstat::cli {

class Context {
public:
  // Adds the global options to `app`.
  explicit Context(CLI::App& app);

  // Registers what runs when `command` is the deepest subcommand chosen.
  void on_run(CLI::App* command, std::function<void()> action) { m_actions[command] = std::move(action); }
  // Runs the chosen command's action; false when it has none (a group like `cache` alone).
  bool run_selected(CLI::App& app);

  // Resolved settings (cache, tenant, tz, format, days, period, ...); resolved on first use.
  const core::SettingMap& settings();
  std::optional<std::string> setting(const std::string& key);
  std::string cache_path();
  core::TimeZone time_zone();
  core::TimeRange time_range();  // from --from/--to/--days/--period/--as-of in --tz
  core::TimeRange time_range_in(const core::TimeZone& zone);  // the same range, resolved in `zone`
  core::Filters& filters() { return m_filters; }  // command options fill it; tenant comes from settings
  core::Filters resolved_filters();

  // Opens the cache; read_only fails with a hint when it does not exist.
  std::unique_ptr<core::Cache> open_cache(core::OpenMode mode);

  // Renders the result in the chosen format to stdout, or atomically to -o.
  // The whole document is rendered before anything is written. Throws
  // UsageError for --format junit (only `check` writes JUnit).
  void emit(const core::Result& result);
  // For --format pdf: refuses a terminal as the destination (UsageError) and
  // sets options.created_s from SOURCE_DATE_EPOCH (UsageError when malformed).
  void prepare_pdf(core::RenderOptions& options);
  // Writes an already rendered document to stdout, or atomically to -o.
  void write_output(const std::string& text);
  // The configuration file's contents (read once).
  const core::Config& config();
  // Settings that rank after the flags and before the environment (a
  // [report.NAME]'s period, tz, format, output…); resets the resolved settings.
  void set_command_layer(core::SettingMap layer);
  // The -o FILE (else the command layer's `output`), its strftime conversions
  // expanded at --as-of in --tz; none without either.
  std::optional<std::string> output_path();
  // True when the global option `key` ("format") was given on the command line.
  bool given_on_command_line(const std::string& key) { return m_options[key]->count() > 0; }
  // The exit code run() returns after the action (check: 1 when a rule failed).
  void set_exit_code(int code) { m_exit_code = code; }
  int exit_code() const { return m_exit_code; }
  // Adds `--section NAME` (csv) to a command that prints results.
  void add_section_option(CLI::App* command);
  // Adds the filter options named (channel, bot, team, assignee, priority, outcome).
  void add_filter_options(CLI::App* command, const std::vector<std::string>& names);

  bool quiet() const { return m_quiet; }
  bool refresh() const { return m_refresh; }  // --refresh (served KPIs)
  bool offline() const { return m_offline; }  // --offline (served KPIs)
  bool verbose() const { return m_verbose; }
  // A line for humans on stderr (summaries, notes); silent with --quiet.
  void note(const std::string& line) const;
  bool stderr_is_terminal() const;

private:
  core::SettingMap flag_settings() const;
  std::string option_value(const std::string& name) const;

  CLI::App& m_app;
  std::map<std::string, CLI::Option*> m_options;  // global options by setting name
  std::map<std::string, std::string> m_values;    // their bound values
  std::optional<std::string> m_section;
  std::string m_section_value;
  bool m_quiet = false, m_verbose = false, m_no_color = false, m_refresh = false, m_offline = false;
  core::Filters m_filters;
  std::optional<core::SettingMap> m_settings;
  std::optional<core::Config> m_config;
  std::optional<core::SettingMap> m_command_layer;
  std::map<CLI::App*, std::function<void()>> m_actions;
  int m_exit_code = 0;
};

}  // namespace convstat::cli
