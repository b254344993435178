#include "cli/app.hpp"

#include <SQLiteCpp/Exception.h>

#include <algorithm>
#include <iostream>
#include <new>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "core/error.hpp"
#include "core/util/suggest.hpp"

namespace convstat::cli {
namespace {

constexpr int k_usage_exit = static_cast<int>(core::ExitCode::usage);

void print_error(const std::string& message, const std::string& hint = {}) {
  std::cerr << "convstat: error: " << message << "\n";
  if (!hint.empty()) std::cerr << "hint: " << hint << "\n";
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
  return names;
}

// The first argument that is neither a global option nor an option's value: the command word.
std::string first_word(const CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.empty() || arg[0] != '-') return arg;
    if (arg == "--") return i + 1 < argc ? argv[i + 1] : "";
    if (arg.find('=') != std::string::npos) continue;
    const CLI::Option* opt = app.get_option_no_throw(arg);
    if (opt && opt->get_type_size() > 0) ++i;  // skip its value
  }
  return {};
}

// CLI11 parse errors: help and version print to stdout and exit 0; every other one is a usage error (exit 2).
int handle_parse_error(CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  if (e.get_exit_code() == 0) return app.exit(e);
  std::string message = e.what();
  // An unknown first word is an unknown command: say so, with the nearest one.
  const auto names = command_names(app);
  const std::string word = first_word(app, argc, argv);
  if (!word.empty() && std::find(names.begin(), names.end(), word) == names.end())
    message = "unknown command '" + word + "'" + core::did_you_mean(word, names);
  print_error(message, "run 'convstat --help' for the commands and options");
  return k_usage_exit;
}

// The root's settings; before any subcommand is added (fallthrough is inherited at creation).
CLI::App& configure_root(CLI::App& app) {
  app.set_version_flag("--version", std::string("convstat ") + CONVSTAT_VERSION);
  app.fallthrough();  // global options may follow the command
  app.require_subcommand(1);
  return app;
}

void build(CLI::App& app, Context& ctx) {
  set_kpi_commands(app, ctx);
  set_check_command(app, ctx);
  set_metrics_command(app, ctx);
  set_sync_command(app, ctx);
  set_backends_command(app, ctx);
  set_doctor_command(app, ctx);
  set_import_command(app, ctx);
  set_export_command(app, ctx);
  set_report_command(app, ctx);
  set_demo_command(app, ctx);
  set_cache_command(app, ctx);
  set_completion_command(app, ctx);
}

}  // namespace


CommandTree::CommandTree()
    : app("convstat: analytics and exports for conversational-AI and support platforms", "convstat"),
      ctx(configure_root(app)) {
  build(app, ctx);
}

int run(int argc, char** argv) {
  CommandTree tree;
  CLI::App& app = tree.app;
  Context& ctx = tree.ctx;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return handle_parse_error(app, e, argc, argv);
  }
  try {
    if (!ctx.run_selected(app)) {
      std::cout << app.help();
      return 0;
    }
    return ctx.exit_code();
  } catch (const core::Error& e) {
    print_error(e.what(), e.hint());
    return static_cast<int>(e.code());
  } catch (const CLI::Error& e) {  // e.g. a validation inside an action
    print_error(e.what());
    return k_usage_exit;
  } catch (const SQLite::Exception& e) {
    print_error(std::string("cache: ") + e.what(), "run `convstat cache check`");
    return static_cast<int>(core::ExitCode::local);
  } catch (const std::bad_alloc&) {
    print_error("out of memory");
    return static_cast<int>(core::ExitCode::local);
  } catch (const std::exception& e) {
    print_error(std::string("unexpected: ") + e.what());
    return static_cast<int>(core::ExitCode::local);
  }
}

}  // namespace convstat::cli
