#pragma once
// Helpers shared by the bash, zsh and fish generators (cli/completion_*.cpp).
#include <functional>
#include <string>
#include <vector>

#include "cli/command_tree.hpp"

namespace convstat::cli::completion_detail {

// `text` in single quotes for a POSIX shell (bash, zsh): ' becomes '\''.
std::string sh_quote(const std::string& text);

std::string join(const std::vector<std::string>& items, const std::string& separator);

// "convstat cache info": the program name, then the command's path.
std::string command_line(const CommandInfo& root, const CommandInfo& command);

// A shell function name for a command: "_convstat", "_convstat_cache_info"
// (characters other than letters and digits become '_').
std::string function_name(const CommandInfo& root, const CommandInfo& command);

// The names of a command's subcommands, in order.
std::vector<std::string> subcommand_names(const CommandInfo& command);

// Calls visit(command, parent) for `root` (parent: the given one, nullptr at
// the top) and then, depth first, for every command below it, in order.
void for_each_command(const CommandInfo& root,
                      const std::function<void(const CommandInfo&, const CommandInfo*)>& visit,
                      const CommandInfo* parent = nullptr);

// The first line of a description (completion menus show one line).
std::string one_line(const std::string& description);

}  // namespace convstat::cli::completion_detail
