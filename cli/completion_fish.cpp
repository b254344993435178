// The fish completion script: `complete -c` lines, each command's conditioned
// with __fish_seen_subcommand_from on its path.
#include <sstream>

#include "cli/completion_detail.hpp"
#include "cli/completion_gen.hpp"

namespace convstat::cli {
namespace {

using namespace completion_detail;

// `text` in fish single quotes: \ and ' are escaped by a backslash.
std::string fish_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

// True when every word of the command's path is on the command line ("" for the root).
std::string seen_condition(const CommandInfo& command) {
  std::vector<std::string> parts;
  for (const std::string& word : command.path) parts.push_back("__fish_seen_subcommand_from " + word);
  return join(parts, "; and ");
}

// Where the command's own subcommands or positionals are completed: on its path, before any subcommand.
std::string argument_condition(const CommandInfo& command) {
  const std::string seen = seen_condition(command);
  if (command.subcommands.empty()) return seen;
  const std::string none_yet = "not __fish_seen_subcommand_from " + join(subcommand_names(command), " ");
  return seen.empty() ? none_yet : seen + "; and " + none_yet;
}

// The switches saying what the value takes: -x (text), -r -F (a file), -x -a 'LIST' (choices).
std::string fish_value(const ValueHint& value) {
  switch (value.kind) {
    case ValueKind::none: return "";
    case ValueKind::text: return " -x";
    case ValueKind::file: return " -r -F";
    case ValueKind::choice: return " -x -a " + fish_quote(join(value.choices, " "));
  }
  return "";
}

// The lines of one command: its own options, its subcommands or else its positionals.
std::vector<std::string> fish_command_lines(const CommandInfo& root, const CommandInfo& command) {
  std::vector<std::string> lines;
  const std::string head = "complete -c " + root.name;
  const std::string seen = seen_condition(command);
  const std::string on_path = seen.empty() ? "" : " -n " + fish_quote(seen);
  for (const OptionInfo& option : command.options) {
    if (option.is_help && !command.path.empty()) continue;  // the root's -h/--help already covers every command
    std::string line = head + on_path;
    for (const std::string& name : option.short_names) line += " -s " + name;
    for (const std::string& name : option.long_names) line += " -l " + name;
    lines.push_back(line + fish_value(option.value) + " -d " + fish_quote(one_line(option.description)));
  }
  const std::string where = " -n " + fish_quote(argument_condition(command));
  for (const CommandInfo& sub : command.subcommands)
    lines.push_back(head + where + " -a " + fish_quote(sub.name) + " -d " + fish_quote(one_line(sub.description)));
  if (!command.subcommands.empty()) return lines;
  for (const OptionInfo& positional : command.positionals) {
    if (positional.value.kind == ValueKind::file) lines.push_back(head + where + " -F");
    if (positional.value.kind == ValueKind::choice)
      lines.push_back(head + where + " -a " + fish_quote(join(positional.value.choices, " ")));
  }
  return lines;
}

}  // namespace

std::string fish_completion(const CLI::App& app) {
  const CommandInfo root = describe_command_tree(app);
  std::ostringstream out;
  out << "# fish completion for " << root.name << ". Generated from the command tree by\n"
      << "# `" << root.name << " completion fish`: do not edit; regenerate with `make completions`.\n"
      << "# Install as ~/.config/fish/completions/" << root.name << ".fish.\n\n"
      << "# No file names unless an option or argument takes one.\n"
      << "complete -c " << root.name << " -f\n";
  for (const CommandInfo* command : flatten(root)) {
    const std::vector<std::string> lines = fish_command_lines(root, *command);
    if (lines.empty()) continue;
    out << "\n# " << command_line(root, *command)
        << (command->path.empty() ? ": options accepted after every command" : "") << "\n"
        << join(lines, "\n") << "\n";
  }
  return out.str();
}

}  // namespace convstat::cli
