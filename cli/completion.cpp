// convstat completion bash|zsh|fish: print a completion script generated from
// the command tree (cli/completion_gen.hpp), so it always matches the commands.
#include <iostream>
#include <memory>

#include "cli/choices.hpp"
#include "cli/commands.hpp"
#include "cli/completion_gen.hpp"
#include "core/error.hpp"

namespace convstat::cli {

void set_completion_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("completion", "Print a shell completion script (bash, zsh or fish)");
  auto shell = std::make_shared<std::string>();
  add_choices(cmd->add_option("shell", *shell, "the shell: bash, zsh or fish")->required(), completion_shells());
  ctx.on_run(cmd, [&app, shell] {
    std::cout << completion_script(app, *shell) << std::flush;
    if (!std::cout) throw core::LocalError("cannot write to standard output");
  });
}

}  // namespace convstat::cli
