#include "cli/context.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "core/error.hpp"
#include "core/render/render.hpp"
#include "core/report/report.hpp"
#include "core/time/pattern.hpp"

namespace convstat::cli {
namespace {

int terminal_width() {
  winsize ws{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 100;
}

}  // namespace

Context::Context(CLI::App& app) : m_app(app) {
  struct Spec { const char* key; const char* flags; const char* help; };
  const Spec specs[] = {
      {"cache", "--cache", "SQLite cache file (env CONVSTAT_CACHE; default $XDG_DATA_HOME/convstat/cache.db)"},
      {"config", "--config", "config file (env CONVSTAT_CONFIG; default $XDG_CONFIG_HOME/convstat/config.toml)"},
      {"profile", "--profile", "use [profile.NAME] of the config (env CONVSTAT_PROFILE)"},
      {"tenant", "--tenant", "only this tenant's records (env CONVSTAT_TENANT)"},
      {"from", "--from", "range start: YYYY-MM-DD (in --tz) or an RFC 3339 datetime"},
      {"to", "--to", "range end: a date is included whole; a datetime is exclusive"},
      {"days", "--days", "the N whole days ending today (default 30)"},
      {"period", "--period", "today|yesterday|week|month|year|last-week|last-month|last-year"},
      {"tz", "--tz", "IANA time zone for days, hours and weekdays (env CONVSTAT_TZ; default UTC)"},
      {"as_of", "--as-of", "the instant open work is judged at (RFC 3339; default now)"},
      {"format", "-f,--format", "table|json|csv|md|pdf|junit|ndjson (env CONVSTAT_FORMAT; default table; junit: check only; ndjson: export only)"},
      {"output", "-o,--output", "write to FILE atomically instead of stdout (strftime date patterns expand at --as-of)"},
      {"backend", "--backend", "ask the [backend.NAME] of the config for the KPIs it serves (env CONVSTAT_BACKEND)"},
  };
  for (const Spec& s : specs) {
    CLI::Option* opt = app.add_option(s.flags, m_values[s.key], s.help);
    if (std::string(s.key) == "format") opt->check(CLI::IsMember({"table", "json", "csv", "md", "pdf", "junit", "ndjson"}));
    if (std::string(s.key) == "period")
      opt->check(CLI::IsMember({"today", "yesterday", "week", "month", "year", "last-week", "last-month", "last-year"}));
    if (std::string(s.key) == "days") opt->check(CLI::PositiveNumber);
    opt->group("Global options");
    m_options[s.key] = opt;
  }
  app.add_flag("-q,--quiet", m_quiet, "print nothing but results and errors")->group("Global options");
  app.add_flag("-v,--verbose", m_verbose, "explain what is done on stderr (never secrets)")->group("Global options");
  app.add_flag("--no-color", m_no_color, "no colour in tables (also NO_COLOR)")->group("Global options");
  app.add_flag("--refresh", m_refresh, "served KPIs: ask the backend again even for a stable cached answer")
      ->group("Global options");
  app.add_flag("--offline", m_offline, "served KPIs: answer only from the cache, never ask the backend")
      ->group("Global options");
}

bool Context::run_selected(CLI::App& app) {
  CLI::App* current = &app;
  while (true) {
    const auto chosen = current->get_subcommands();
    if (chosen.empty()) break;
    current = chosen.front();
  }
  const auto it = m_actions.find(current);
  if (it == m_actions.end()) return false;
  it->second();
  return true;
}

std::string Context::option_value(const std::string& name) const { return m_values.at(name); }

core::SettingMap Context::flag_settings() const {
  core::SettingMap flags;
  for (const auto& [key, opt] : m_options)
    if (opt->count() > 0 && key != "config" && key != "profile" && key != "output" && key != "as_of")
      flags[key] = m_values.at(key);
  if (m_no_color) flags["no_color"] = "true";
  return flags;
}

const core::SettingMap& Context::settings() {
  if (m_settings) return *m_settings;
  const char* env_config = std::getenv("CONVSTAT_CONFIG");
  const char* env_profile = std::getenv("CONVSTAT_PROFILE");
  std::string config_path = core::default_config_path();
  bool explicit_config = false;
  if (m_options["config"]->count()) config_path = m_values["config"], explicit_config = true;
  else if (env_config && *env_config) config_path = env_config, explicit_config = true;
  if (!m_config) m_config = core::load_config(config_path, explicit_config);
  std::optional<std::string> profile;
  if (m_options["profile"]->count()) profile = m_values["profile"];
  else if (env_profile && *env_profile) profile = env_profile;
  m_settings = core::resolve_settings(flag_settings(), core::settings_from_environment(), *m_config, profile,
                                      m_command_layer ? &*m_command_layer : nullptr);
  return *m_settings;
}

const core::Config& Context::config() {
  settings();
  return *m_config;
}

void Context::set_command_layer(core::SettingMap layer) {
  m_command_layer = std::move(layer);
  m_settings.reset();
}

std::optional<std::string> Context::setting(const std::string& key) {
  const auto& s = settings();
  const auto it = s.find(key);
  return it == s.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::string Context::cache_path() { return setting("cache").value_or(core::default_cache_path()); }

core::TimeZone Context::time_zone() { return core::TimeZone(setting("tz").value_or("UTC")); }

core::TimeRange Context::time_range() { return time_range_in(time_zone()); }

core::TimeRange Context::time_range_in(const core::TimeZone& zone) {
  core::RangeRequest request;
  request.from = setting("from");
  request.to = setting("to");
  if (const auto days = setting("days")) {
    try {
      request.days = std::stoi(*days);
    } catch (const std::exception&) {
      throw core::UsageError("invalid --days '" + *days + "' (expected a whole number of days)");
    }
  }
  request.period = setting("period");
  if (m_options["as_of"]->count()) request.as_of = m_values["as_of"];
  return core::resolve_range(request, zone);
}

core::Filters Context::resolved_filters() {
  core::Filters f = m_filters;
  f.tenant = setting("tenant");
  f.validate();
  return f;
}

std::unique_ptr<core::Cache> Context::open_cache(core::OpenMode mode) {
  const std::string path = cache_path();
  if (m_verbose) std::cerr << "convstat: cache " << path << "\n";
  return std::make_unique<core::Cache>(path, mode);
}

void Context::emit(const core::Result& result) {
  core::RenderOptions options;
  const std::string format = setting("format").value_or("table");
  if (format == "junit") throw core::UsageError("--format junit is only for check", "use --format table, json, csv or md");
  if (format == "ndjson") throw core::UsageError("--format ndjson is only for export", "use --format table, json, csv or md");
  options.format = core::parse_format(format);
  options.section = m_section;
  if (options.format == core::Format::pdf) {
    // One command is a report of one section, under the same heading a report has.
    prepare_pdf(options);
    const core::TimeZone tz = time_zone();
    const core::TimeRange range = time_range();
    core::Report report{{result.command, result.title, resolved_filters().tenant, core::range_start_text(range, tz),
                         core::range_end_text(range, tz), tz.name(), core::now_ms()},
                        {{result.command, result}}};
    write_output(core::render_report(report, options));
    return;
  }
  const bool to_file = m_options["output"]->count() > 0;
  const bool tty = !to_file && ::isatty(STDOUT_FILENO);
  options.color = tty && !setting("no_color");
  options.width = tty ? terminal_width() : 0;
  write_output(core::render_to_string(result, options));
}

void Context::prepare_pdf(core::RenderOptions& options) {
  if (!output_path() && ::isatty(STDOUT_FILENO))
    throw core::UsageError("PDF is not written to a terminal", "use -o FILE.pdf or redirect standard output");
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch || !*epoch) return;
  const std::string text = epoch;
  if (text.size() > 12 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw core::UsageError("invalid SOURCE_DATE_EPOCH '" + text + "' (expected seconds since 1970)");
  options.created_s = std::stoll(text);
}

std::optional<std::string> Context::output_path() {
  std::string pattern;
  if (m_options["output"]->count() > 0) pattern = m_values["output"];
  else if (m_command_layer && m_command_layer->count("output")) pattern = m_command_layer->at("output");
  else return std::nullopt;
  if (pattern.find('%') == std::string::npos) return pattern;
  return core::expand_time_pattern(pattern, time_range().as_of_ms, time_zone());
}

void Context::write_output(const std::string& text) {
  if (const auto path = output_path()) {
    core::write_file_atomic(*path, text);
    note("wrote " + *path);
    return;
  }
  std::cout << text << std::flush;
  if (!std::cout) throw core::LocalError("cannot write to standard output");
}

void Context::add_section_option(CLI::App* command) {
  command->add_option_function<std::string>("--section", [this](const std::string& s) { m_section = s; },
                                            "csv: the section to print (default: the main list)");
}

void Context::add_filter_options(CLI::App* command, const std::vector<std::string>& names) {
  struct Filter { const char* name; std::optional<std::string> core::Filters::*target; const char* help; };
  static const Filter all[] = {
      {"channel", &core::Filters::channel, "only conversations on this channel"},
      {"bot", &core::Filters::bot, "only this AI agent's conversations, calls and leads"},
      {"team", &core::Filters::team, "only this team (id or name)"},
      {"assignee", &core::Filters::assignee, "only this human agent (id or name)"},
      {"priority", &core::Filters::priority, "urgent|high|medium|low|unset"},
      {"outcome", &core::Filters::outcome, "only calls with this outcome"},
  };
  for (const Filter& f : all) {
    if (std::find(names.begin(), names.end(), f.name) == names.end()) continue;
    auto* target = &(m_filters.*(f.target));
    command
        ->add_option_function<std::string>(std::string("--") + f.name,
                                           [target](const std::string& v) { *target = v; }, f.help)
        ->group("Filters");
  }
}

void Context::note(const std::string& line) const {
  if (!m_quiet) std::cerr << line << "\n";
}

bool Context::stderr_is_terminal() const { return ::isatty(STDERR_FILENO); }

}  // namespace convstat::cli
