#pragma once
// The convstat front end: builds the CLI11 command tree, resolves global
// options (flag > environment > config profile > default), runs the chosen
// command and maps every error to its exit code (spec/cli.md).
namespace convstat::cli {

// Runs convstat with these arguments; returns the process exit code.
int run(int argc, char** argv);

}  // namespace convstat::cli
