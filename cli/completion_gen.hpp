#pragma once
// Shell completion scripts generated from a CLI11 command tree: every command
// at every level, each command's options including those it inherits from its
// parents (global options), fixed choices, and file names where an option or
// positional takes a file (see cli/choices.hpp). The program name is the
// root's name. The output is deterministic: the same tree gives the same bytes.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace convstat::cli {

// A bash script defining _<program> and registering it with
// `complete -F _<program> <program>`. Self-contained: needs bash (4 or later
// for directory slashes), not the bash-completion package.
std::string bash_completion(const CLI::App& root);

// A zsh script for $fpath (file name _<program>, first line #compdef), using
// _arguments and _describe; sourcing it after compinit also works.
std::string zsh_completion(const CLI::App& root);

// fish `complete -c <program>` lines, conditioned with __fish_seen_subcommand_from.
std::string fish_completion(const CLI::App& root);

// The shells completion_script knows: bash, zsh, fish.
const std::vector<std::string>& completion_shells();

// The script for `shell`; throws std::invalid_argument for another name.
std::string completion_script(const CLI::App& root, const std::string& shell);

}  // namespace convstat::cli
