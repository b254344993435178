#pragma once
// The convstat front end: builds the CLI11 command tree, resolves global
// options (flag > environment > config profile > default), runs the chosen
// command and maps every error to its exit code (spec/cli.md).
#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace convstat::cli {

// The whole command tree: the root app (name, description, --version, global
// options accepted after the command), the global options bound in `ctx`, and
// every command. Built in one place for run() and for the tests that check the
// man page and completions against it. Not copyable: commands hold &ctx.
struct CommandTree {
  CommandTree();
  CommandTree(const CommandTree&) = delete;
  CommandTree& operator=(const CommandTree&) = delete;

  CLI::App app;
  Context ctx;
};

// Runs convstat with these arguments; returns the process exit code.
int run(int argc, char** argv);

}  // namespace convstat::cli
