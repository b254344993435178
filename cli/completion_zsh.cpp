// The zsh completion script: one function per command, _arguments for its
// options and positionals, _describe for its subcommands.
#include <sstream>

#include "cli/completion_detail.hpp"
#include "cli/completion_gen.hpp"

namespace convstat::cli {
namespace {

using namespace completion_detail;

// `text` with the characters in `special` (and backslash) escaped by a backslash.
std::string backslash_escape(const std::string& text, const std::string& special) {
  std::string out;
  for (const char c : text) {
    if (c == '\\' || special.find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

// ":label:action" for an option or positional that takes a value, "" for a flag.
std::string zsh_value_spec(const OptionInfo& option) {
  std::string label = option.long_names.empty() ? option.display_name() : option.long_names.front();
  label = backslash_escape(label, ":");
  switch (option.value.kind) {
    case ValueKind::none: return "";
    case ValueKind::text: return ":" + label + ": ";
    case ValueKind::file: return ":" + label + ":_files";
    case ValueKind::choice: {
      std::vector<std::string> items;
      for (const std::string& item : option.value.choices) items.push_back(backslash_escape(item, " ():'\"`$"));
      return ":" + label + ":(" + join(items, " ") + ")";
    }
  }
  return "";
}

// One _arguments spec (possibly a brace expansion over the option's names).
std::string zsh_option_spec(const OptionInfo& option) {
  std::vector<std::string> names;
  for (const std::string& name : option.short_names) names.push_back("-" + name + (option.takes_value() ? "+" : ""));
  for (const std::string& name : option.long_names) names.push_back("--" + name + (option.takes_value() ? "=" : ""));
  const std::string tail =
      "[" + backslash_escape(one_line(option.description), "[]") + "]" + zsh_value_spec(option);
  if (names.size() == 1) return sh_quote((option.repeatable ? "*" : "") + names.front() + tail);
  const std::string exclusion = option.repeatable ? "*" : "(" + join(option.flags(), " ") + ")";
  return sh_quote(exclusion) + "{" + join(names, ",") + "}" + sh_quote(tail);
}

std::vector<std::string> zsh_positional_specs(const CommandInfo& command) {
  std::vector<std::string> specs;
  for (std::size_t i = 0; i < command.positionals.size(); ++i) {
    const OptionInfo& positional = command.positionals[i];
    const bool last_repeats = i + 1 == command.positionals.size() && positional.repeatable;
    specs.push_back(sh_quote((last_repeats ? std::string("*") : std::to_string(i + 1)) + zsh_value_spec(positional)));
  }
  return specs;
}

void zsh_arguments(std::ostream& out, const std::string& flags, const std::vector<std::string>& specs) {
  out << "  _arguments " << flags << " :";
  for (const std::string& spec : specs) out << " \\\n    " << spec;
}

void zsh_leaf_function(std::ostream& out, const CommandInfo& root, const CommandInfo& command) {
  std::vector<std::string> specs;
  for (const OptionInfo& option : command.all_options()) specs.push_back(zsh_option_spec(option));
  for (const std::string& spec : zsh_positional_specs(command)) specs.push_back(spec);
  out << "# " << command_line(root, command) << "\n" << function_name(root, command) << "() {\n";
  zsh_arguments(out, "-s -S", specs);
  out << "\n}\n\n";
}

void zsh_group_function(std::ostream& out, const CommandInfo& root, const CommandInfo& command) {
  std::vector<std::string> specs;
  for (const OptionInfo& option : command.all_options()) specs.push_back(zsh_option_spec(option));
  specs.push_back(sh_quote(": :->command"));
  specs.push_back(sh_quote("*:: :->argument"));
  const std::string line = command_line(root, command);
  std::string context_name = line;  // "convstat-cache"
  for (char& c : context_name)
    if (c == ' ') c = '-';
  out << "# " << line << "\n" << function_name(root, command) << "() {\n"
      << "  local curcontext=$curcontext state state_descr line ret=1\n"
      << "  typeset -A opt_args\n";
  zsh_arguments(out, "-s -S -C", specs);
  out << " && return\n"
      << "  case $state in\n"
      << "    command)\n"
      << "      local -a commands=(\n";
  for (const CommandInfo& sub : command.subcommands)
    out << "        " << sh_quote(backslash_escape(sub.name, ":") + ":" + one_line(sub.description)) << "\n";
  out << "      )\n"
      << "      _describe -t commands " << sh_quote(line + " command") << " commands && ret=0 ;;\n"
      << "    argument)\n"
      << "      curcontext=${curcontext%:*:*}:" << context_name << "-$words[1]:\n"
      << "      case $words[1] in\n";
  for (const CommandInfo& sub : command.subcommands)
    out << "        " << sh_quote(sub.name) << ") " << function_name(root, sub) << " && ret=0 ;;\n";
  out << "      esac ;;\n"
      << "  esac\n"
      << "  return ret\n}\n\n";
}

}  // namespace

std::string zsh_completion(const CLI::App& app) {
  const CommandInfo root = describe_command_tree(app);
  const std::string entry = function_name(root, root);
  std::ostringstream out;
  out << "#compdef " << root.name << "\n"
      << "# zsh completion for " << root.name << ". Generated from the command tree by\n"
      << "# `" << root.name << " completion zsh`: do not edit; regenerate with `make completions`.\n"
      << "# Install as " << entry << " in a folder of $fpath, or source it after compinit.\n\n";
  for (const CommandInfo* command : flatten(root)) {
    if (command->subcommands.empty()) zsh_leaf_function(out, root, *command);
    else zsh_group_function(out, root, *command);
  }
  out << "if [[ $funcstack[1] == " << entry << " ]]; then\n"
      << "  " << entry << " \"$@\"\n"
      << "else\n"
      << "  compdef " << entry << " " << root.name << "\n"
      << "fi\n";
  return out.str();
}

}  // namespace convstat::cli
