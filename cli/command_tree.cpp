#include "cli/command_tree.hpp"

#include <algorithm>

namespace convstat::cli {
namespace {

OptionInfo describe_option(const CLI::Option& option, const CLI::App& owner) {
  OptionInfo info;
  info.short_names = option.get_snames();
  info.long_names = option.get_lnames();
  if (option.get_positional()) info.positional_name = option.get_name(true);
  info.description = option.get_description();
  info.value = value_hint(option);
  info.repeatable = info.takes_value() && option.get_items_expected_max() > 1;
  info.required = option.get_required();
  info.is_help = &option == owner.get_help_ptr() || &option == owner.get_help_all_ptr();
  return info;
}

bool shares_a_name(const OptionInfo& a, const OptionInfo& b) {
  const auto a_flags = a.flags();
  for (const std::string& flag : b.flags())
    if (std::find(a_flags.begin(), a_flags.end(), flag) != a_flags.end()) return true;
  return false;
}

// Adds the visible options of `app` and of its unnamed option groups to `command`.
void add_options(const CLI::App& app, CommandInfo& command) {
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) continue;  // hidden
    OptionInfo info = describe_option(*option, app);
    (option->get_positional() && option->get_lnames().empty() && option->get_snames().empty() ? command.positionals
                                                                                              : command.options)
        .push_back(std::move(info));
  }
  for (const CLI::App* group : app.get_subcommands([](const CLI::App* sub) { return sub->get_name().empty(); }))
    add_options(*group, command);
}

CommandInfo describe(const CLI::App& app, std::vector<std::string> path, const CommandInfo* parent) {
  CommandInfo command;
  command.name = app.get_name();
  command.path = std::move(path);
  command.description = app.get_description();
  add_options(app, command);
  if (parent && app.get_fallthrough())
    for (const OptionInfo& option : parent->all_options()) {
      const bool redeclared = std::any_of(command.options.begin(), command.options.end(),
                                          [&](const OptionInfo& own) { return shares_a_name(own, option); });
      if (!redeclared) command.inherited.push_back(option);
    }
  const auto visible = [](const CLI::App* sub) {
    return !sub->get_name().empty() && !sub->get_group().empty() && !sub->get_disabled();
  };
  for (const CLI::App* sub : app.get_subcommands(visible)) {
    std::vector<std::string> sub_path = command.path;
    sub_path.push_back(sub->get_name());
    command.subcommands.push_back(describe(*sub, std::move(sub_path), &command));
  }
  return command;
}

void flatten_into(const CommandInfo& command, std::vector<const CommandInfo*>& out) {
  out.push_back(&command);
  for (const CommandInfo& sub : command.subcommands) flatten_into(sub, out);
}

}  // namespace

std::vector<std::string> OptionInfo::flags() const {
  std::vector<std::string> out;
  for (const std::string& name : short_names) out.push_back("-" + name);
  for (const std::string& name : long_names) out.push_back("--" + name);
  if (out.empty() && !positional_name.empty()) out.push_back(positional_name);
  return out;
}

std::string OptionInfo::display_name() const {
  if (!long_names.empty()) return "--" + long_names.front();
  if (!short_names.empty()) return "-" + short_names.front();
  return positional_name;
}

std::string CommandInfo::path_string() const {
  std::string out;
  for (const std::string& word : path) out += (out.empty() ? "" : " ") + word;
  return out;
}

std::vector<OptionInfo> CommandInfo::all_options() const {
  std::vector<OptionInfo> out = options;
  out.insert(out.end(), inherited.begin(), inherited.end());
  return out;
}

CommandInfo describe_command_tree(const CLI::App& root) { return describe(root, {}, nullptr); }

std::vector<const CommandInfo*> flatten(const CommandInfo& root) {
  std::vector<const CommandInfo*> out;
  flatten_into(root, out);
  return out;
}

}  // namespace convstat::cli
