#pragma once
// A plain description of a CLI11 command tree: every command with its options,
// positionals and subcommands. The completion generators and the docs tests
// read the real tree through it, so they follow every command that is added.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "cli/choices.hpp"

namespace convstat::cli {

struct OptionInfo {
  std::vector<std::string> short_names;  // without '-': "f"
  std::vector<std::string> long_names;   // without "--": "format"
  std::string positional_name;           // set for a positional only: "shell"
  std::string description;
  ValueHint value;                       // ValueKind::none for a flag
  bool repeatable = false;               // may be given (or, positional, take values) more than once
  bool required = false;
  bool is_help = false;                  // the -h/--help flag CLI11 adds to every command

  bool takes_value() const { return value.kind != ValueKind::none; }
  // Every name with its dashes: "-f", "--format" (the positional name for a positional).
  std::vector<std::string> flags() const;
  // The first long name with dashes ("--format"), else the first short one, else the positional name.
  std::string display_name() const;
};

struct CommandInfo {
  std::string name;                 // "info"; the program name for the root
  std::vector<std::string> path;    // {"cache", "info"}; empty for the root
  std::string description;
  std::vector<OptionInfo> options;    // declared on this command, in order (help first)
  std::vector<OptionInfo> inherited;  // accepted here from its ancestors (CLI11 fallthrough), not redeclared
  std::vector<OptionInfo> positionals;
  std::vector<CommandInfo> subcommands;

  // "cache info" (the words after the program name); "" for the root.
  std::string path_string() const;
  // options then inherited: every option this command accepts.
  std::vector<OptionInfo> all_options() const;
};

// Describes `root` and, recursively, its visible subcommands (hidden or
// disabled ones are left out; unnamed option groups merge into their command).
// Options: hidden ones are left out; --help-all and the like are kept.
CommandInfo describe_command_tree(const CLI::App& root);

// Every command of the tree, depth first (root first, then each subcommand
// before its own subcommands), in declaration order.
std::vector<const CommandInfo*> flatten(const CommandInfo& root);

}  // namespace convstat::cli
