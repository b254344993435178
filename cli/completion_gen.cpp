#include "cli/completion_gen.hpp"

#include <cctype>
#include <sstream>
#include <stdexcept>

#include "cli/command_tree.hpp"
#include "cli/completion_detail.hpp"

namespace convstat::cli {

namespace completion_detail {

std::string sh_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::string command_line(const CommandInfo& root, const CommandInfo& command) {
  const std::string path = command.path_string();
  return path.empty() ? root.name : root.name + " " + path;
}

std::string function_name(const CommandInfo& root, const CommandInfo& command) {
  std::string out = "_" + root.name;
  for (const std::string& word : command.path) out += "_" + word;
  for (char& c : out)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return out;
}

std::vector<std::string> subcommand_names(const CommandInfo& command) {
  std::vector<std::string> names;
  for (const CommandInfo& sub : command.subcommands) names.push_back(sub.name);
  return names;
}

std::string one_line(const std::string& description) { return description.substr(0, description.find('\n')); }

void for_each_command(const CommandInfo& root,
                      const std::function<void(const CommandInfo&, const CommandInfo*)>& visit,
                      const CommandInfo* parent) {
  visit(root, parent);
  for (const CommandInfo& sub : root.subcommands) for_each_command(sub, visit, &root);
}

}  // namespace completion_detail

namespace {

using namespace completion_detail;

// A value hint as the bash script's helpers read it: flag, text, files or "words:LIST".
std::string bash_hint(const ValueHint& hint) {
  switch (hint.kind) {
    case ValueKind::none: return "flag";
    case ValueKind::text: return "text";
    case ValueKind::file: return "files";
    case ValueKind::choice: return "words:" + join(hint.choices, " ");
  }
  return "text";
}

// _<program>_spec: for each command line, its subcommands, every option it accepts and its parent.
void bash_spec_function(std::ostream& out, const CommandInfo& root) {
  out << "# Sets _cs_commands (subcommands), _cs_options (every option accepted) and\n"
         "# _cs_parent (the command whose options this one also accepts) for command line $1.\n"
      << "_" << root.name << "_spec() {\n    case $1 in\n";
  for_each_command(root, [&](const CommandInfo& command, const CommandInfo* parent) {
    std::vector<std::string> options;
    for (const OptionInfo& option : command.all_options())
      for (const std::string& flag : option.flags()) options.push_back(flag);
    out << "        " << sh_quote(command_line(root, command)) << ")\n"
        << "            _cs_commands=" << sh_quote(join(subcommand_names(command), " ")) << "\n"
        << "            _cs_options=" << sh_quote(join(options, " ")) << "\n"
        << "            _cs_parent="
        << sh_quote(parent && !command.inherited.empty() ? command_line(root, *parent) : "") << " ;;\n";
  });
  out << "        *) return 1 ;;\n    esac\n}\n\n";
}

// _<program>_option: how the value of an option declared on a command completes.
void bash_option_function(std::ostream& out, const CommandInfo& root) {
  out << "# REPLY: how the value of option $2, declared on command line $1, completes\n"
         "# (flag: it takes none; text: free text; files; words:LIST); 1 when not declared there.\n"
      << "_" << root.name << "_option() {\n    case \"$1 $2\" in\n";
  for (const CommandInfo* command : flatten(root))
    for (const OptionInfo& option : command->options) {
      std::vector<std::string> patterns;
      for (const std::string& flag : option.flags()) patterns.push_back(sh_quote(command_line(root, *command) + " " + flag));
      out << "        " << join(patterns, "|") << ") REPLY=" << sh_quote(bash_hint(option.value)) << " ;;\n";
    }
  out << "        *) return 1 ;;\n    esac\n}\n\n";
}

// _<program>_argument: how the N-th positional argument of a command completes.
void bash_argument_function(std::ostream& out, const CommandInfo& root) {
  out << "# REPLY: how positional argument $2 (0-based) of command line $1 completes.\n"
      << "_" << root.name << "_argument() {\n    REPLY=\n    case $1 in\n";
  for (const CommandInfo* command : flatten(root)) {
    if (command->positionals.empty()) continue;
    out << "        " << sh_quote(command_line(root, *command)) << ")\n            case $2 in\n";
    for (std::size_t i = 0; i < command->positionals.size(); ++i) {
      const OptionInfo& positional = command->positionals[i];
      const bool last_repeats = i + 1 == command->positionals.size() && positional.repeatable;
      out << "                " << (last_repeats ? std::string("*") : std::to_string(i))
          << ") REPLY=" << sh_quote(bash_hint(positional.value)) << " ;;\n";
    }
    out << "            esac ;;\n";
  }
  out << "    esac\n}\n\n";
}

// The fixed part: reply helper, option lookup through the parents, and the completion function.
void bash_main_function(std::ostream& out, const CommandInfo& root) {
  const std::string p = "_" + root.name;
  out << "# Fills COMPREPLY from a hint: words:LIST (those starting with $cur) or files.\n"
      << p << "_reply() {\n"
      << "    local line\n"
         "    case $1 in\n"
         "        words:*) while IFS= read -r line; do COMPREPLY+=(\"$line\"); done < <(compgen -W \"${1#words:}\" -- \"$cur\") ;;\n"
         "        files)\n"
         "            compopt -o filenames 2>/dev/null || :\n"
         "            while IFS= read -r line; do COMPREPLY+=(\"$line\"); done < <(compgen -f -- \"$cur\") ;;\n"
         "    esac\n}\n\n"
      << "# REPLY: how option $2 completes on command line $1, declared there or on a parent.\n"
      << p << "_lookup() {\n"
      << "    local command=$1\n"
         "    while [[ -n $command ]]; do\n"
      << "        " << p << "_option \"$command\" \"$2\" && return 0\n"
      << "        " << p << "_spec \"$command\" || return 1\n"
      << "        command=$_cs_parent\n"
         "    done\n"
         "    return 1\n}\n\n"
      << p << "() {\n"
      << "    local cur prev word command i npos=0 prefix= REPLY= _cs_commands= _cs_options= _cs_parent=\n"
         "    COMPREPLY=()\n"
         "    cur=${COMP_WORDS[COMP_CWORD]-}\n"
         "    prev=\n"
         "    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
         "    # --option=value: bash splits it into --option, = and value (COMP_WORDBREAKS).\n"
         "    if [[ $cur == = ]]; then\n"
         "        cur=\n"
         "    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then\n"
         "        prev=${COMP_WORDS[COMP_CWORD - 2]}\n"
         "    elif [[ $cur == --*=* ]]; then\n"
         "        prev=${cur%%=*} prefix=${cur%%=*}= cur=${cur#*=}\n"
         "    fi\n"
         "    # Find the command line so far, skipping option values and counting positionals.\n"
      << "    command=" << root.name << "\n"
      << "    for ((i = 1; i < COMP_CWORD; ++i)); do\n"
         "        word=${COMP_WORDS[i]}\n"
         "        case $word in\n"
         "            = | --*=*) ;;\n"
         "            -) ((++npos)) ;;\n"
         "            -*)\n"
      << "                if " << p << "_lookup \"$command\" \"$word\" && [[ $REPLY != flag ]]; then\n"
      << "                    ((++i))\n"
         "                    if [[ ${COMP_WORDS[i]-} == = ]]; then ((++i)); fi\n"
         "                fi ;;\n"
         "            *)\n"
      << "                " << p << "_spec \"$command\"\n"
      << "                if [[ \" $_cs_commands \" == *\" $word \"* ]]; then\n"
         "                    command=\"$command $word\" npos=0\n"
         "                else\n"
         "                    ((++npos))\n"
         "                fi ;;\n"
         "        esac\n"
         "    done\n"
      << "    if [[ $prev == -* ]] && " << p << "_lookup \"$command\" \"$prev\" && [[ $REPLY != flag ]]; then\n"
      << "        " << p << "_reply \"$REPLY\"\n"
      << "        [[ -n $prefix ]] && COMPREPLY=(\"${COMPREPLY[@]/#/$prefix}\")\n"
         "        return 0\n"
         "    fi\n"
         "    [[ -n $prefix ]] && return 0\n"
      << "    " << p << "_spec \"$command\"\n"
      << "    if [[ $cur == -* ]]; then\n"
      << "        " << p << "_reply \"words:$_cs_options\"\n"
      << "    elif [[ -n $_cs_commands ]]; then\n"
      << "        " << p << "_reply \"words:$_cs_commands\"\n"
      << "    else\n"
      << "        " << p << "_argument \"$command\" \"$npos\"\n"
      << "        " << p << "_reply \"$REPLY\"\n"
      << "    fi\n"
         "    return 0\n}\n\n"
      << "complete -F " << p << " " << root.name << "\n";
}

}  // namespace

std::string bash_completion(const CLI::App& app) {
  const CommandInfo root = describe_command_tree(app);
  std::ostringstream out;
  out << "# bash completion for " << root.name << "                                -*- shell-script -*-\n"
      << "# Generated from the command tree by `" << root.name << " completion bash`: do not edit;\n"
      << "# regenerate with `make completions`. Self-contained: needs bash, not the\n"
      << "# bash-completion package. Install as\n"
      << "# ~/.local/share/bash-completion/completions/" << root.name << ", or source it from ~/.bashrc.\n\n";
  bash_spec_function(out, root);
  bash_option_function(out, root);
  bash_argument_function(out, root);
  bash_main_function(out, root);
  return out.str();
}

const std::vector<std::string>& completion_shells() {
  static const std::vector<std::string> shells = {"bash", "zsh", "fish"};
  return shells;
}

std::string completion_script(const CLI::App& root, const std::string& shell) {
  if (shell == "bash") return bash_completion(root);
  if (shell == "zsh") return zsh_completion(root);
  if (shell == "fish") return fish_completion(root);
  throw std::invalid_argument("no completion for the shell '" + shell + "' (expected bash, zsh or fish)");
}

}  // namespace convstat::cli
