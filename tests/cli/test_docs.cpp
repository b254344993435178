// The man pages and completion scripts against the real command tree (drift
// tests), and the completion generators on small synthetic trees.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/choices.hpp"
#include "cli/command_tree.hpp"
#include "cli/completion_gen.hpp"
#include "core/records/schema.hpp"

using namespace convstat::cli;

namespace {

std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(CONVSTAT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A man page cut at its .SH and .SS headings: heading text -> the lines under
// it up to the next heading of the same or a higher level (.SH bodies include
// their .SS subsections). .SS headings are keyed "SH-heading/SS-heading".
std::map<std::string, std::string> man_sections(const std::string& page) {
  std::map<std::string, std::string> sections;
  std::istringstream lines(page);
  std::string line, sh, ss;
  const auto heading = [](const std::string& l) {
    std::string text = l.substr(4);
    std::string out;
    for (const char c : text)
      if (c != '"') out += c;
    return out;
  };
  while (std::getline(lines, line)) {
    if (line.rfind(".SH ", 0) == 0) {
      sh = heading(line);
      ss.clear();
      sections[sh];
      continue;
    }
    if (line.rfind(".SS ", 0) == 0) {
      ss = heading(line);
      sections[sh + "/" + ss];
      sections[sh] += line + "\n";
      continue;
    }
    if (!sh.empty()) sections[sh] += line + "\n";
    if (!ss.empty()) sections[sh + "/" + ss] += line + "\n";
  }
  return sections;
}

// "--input-format" as roff writes it: every '-' escaped ("\-\-input\-format").
std::string roff_flag(const std::string& flag) {
  std::string out;
  for (const char c : flag) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

// True when `body` names `flag` as a whole word (not "--cache" inside "--cache-dir").
bool names_flag(const std::string& body, const std::string& flag) {
  const std::string roff = roff_flag(flag);
  for (std::size_t at = body.find(roff); at != std::string::npos; at = body.find(roff, at + 1)) {
    const std::size_t end = at + roff.size();
    const bool word_end = end >= body.size() || !(std::isalnum(static_cast<unsigned char>(body[end])) ||
                                                  body.compare(end, 2, "\\-") == 0 || body[end] == '_');
    if (word_end) return true;
  }
  return false;
}

// The first line where `a` and `b` differ, both versions quoted (for failure messages).
std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream la(a), lb(b);
  std::string line_a, line_b;
  for (int n = 1;; ++n) {
    const bool more_a = static_cast<bool>(std::getline(la, line_a));
    const bool more_b = static_cast<bool>(std::getline(lb, line_b));
    if (!more_a && !more_b) return "identical";
    if (!more_a || !more_b || line_a != line_b)
      return "line " + std::to_string(n) + ": committed `" + (more_a ? line_a : "<end>") + "`, generated `" +
             (more_b ? line_b : "<end>") + "`";
  }
}

// A small tree like convstat's: global options that fall through, a group with
// nested commands, positionals with choices and files.
struct SyntheticApp {
  CLI::App app{"A test tool", "tool"};
  std::string format, output, level, shell, section;
  std::vector<std::string> files;
  bool quiet = false;

  SyntheticApp() {
    app.fallthrough();
    add_choices(app.add_option("-f,--format", format, "output format"), {"table", "json"});
    app.add_option("-o,--output", output, "write to FILE");
    app.add_flag("-q,--quiet", quiet, "say less");
    CLI::App* group = app.add_subcommand("group", "A group of commands");
    CLI::App* leaf = group->add_subcommand("leaf", "A leaf: takes files");
    leaf->add_option("--level", level, "how deep")->check(CLI::IsMember({"low", "high"}));
    leaf->add_option("files", files, "input files");
    group->add_subcommand("other", "Another leaf");
    CLI::App* solo = app.add_subcommand("solo", "Takes a shell, it's said");
    add_choices(solo->add_option("shell", shell, "the shell")->required(), {"bash", "zsh"});
    solo->add_option("--section", section, "a section [csv]")->group("");  // hidden
  }
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("every command has a section in convstat(1) naming each of its options", "[docs]") {
  CommandTree tree;
  const CommandInfo root = describe_command_tree(tree.app);
  const auto sections = man_sections(read_source_file("man/convstat.1"));
  REQUIRE(sections.count("GLOBAL OPTIONS") == 1);
  REQUIRE(sections.count("COMMANDS") == 1);

  for (const OptionInfo& option : root.options)
    for (const std::string& name : option.long_names) {
      INFO("global option --" << name << " must be described under GLOBAL OPTIONS in man/convstat.1");
      CHECK(names_flag(sections.at("GLOBAL OPTIONS"), "--" + name));
    }
  for (const CommandInfo* command : flatten(root)) {
    if (command->path.empty()) continue;
    const std::string key = "COMMANDS/" + command->path_string();
    if (sections.count(key) == 0) {
      FAIL_CHECK("man/convstat.1 needs `.SS \"" << command->path_string() << "\"` under .SH COMMANDS");
      continue;
    }
    for (const OptionInfo& option : command->options) {
      if (option.is_help) continue;
      for (const std::string& name : option.long_names) {
        INFO("option --" << name << " of `convstat " << command->path_string() << "` must be in its section");
        CHECK(names_flag(sections.at(key), "--" + name));
      }
    }
  }
}

TEST_CASE("convstat(1) describes no command that does not exist", "[docs]") {
  CommandTree tree;
  const CommandInfo root = describe_command_tree(tree.app);
  std::vector<std::string> paths;
  for (const CommandInfo* command : flatten(root)) paths.push_back(command->path_string());
  for (const auto& [key, body] : man_sections(read_source_file("man/convstat.1"))) {
    if (key.rfind("COMMANDS/", 0) != 0) continue;
    const std::string path = key.substr(9);
    INFO("man/convstat.1 has a section for `convstat " << path << "`, which is no command");
    CHECK(std::find(paths.begin(), paths.end(), path) != paths.end());
  }
}

TEST_CASE("convstat-data(7) lists every record type with every field", "[docs]") {
  const auto sections = man_sections(read_source_file("man/convstat-data.7"));
  for (const convstat::core::RecordType& type : convstat::core::record_types()) {
    const std::string key = "RECORD TYPES/" + std::string(type.name);
    if (sections.count(key) == 0) {
      FAIL_CHECK("man/convstat-data.7 needs `.SS " << type.name << "` under .SH RECORD TYPES");
      continue;
    }
    for (const convstat::core::FieldSpec& field : type.fields) {
      INFO("field " << field.name << " of " << type.name << " needs a `.B " << field.name << "` entry");
      CHECK(contains(sections.at(key), "\n.B " + std::string(field.name) + "\n"));
    }
  }
}

TEST_CASE("the committed completion scripts are the ones the command tree generates", "[docs]") {
  CommandTree tree;
  const std::map<std::string, std::string> files = {
      {"bash", "completions/convstat.bash"}, {"zsh", "completions/_convstat"}, {"fish", "completions/convstat.fish"}};
  for (const auto& [shell, file] : files) {
    const std::string committed = read_source_file(file);
    const std::string generated = completion_script(tree.app, shell);
    if (committed != generated)
      FAIL_CHECK(file << " is out of date with the command tree: run `make completions` and commit it ("
                      << first_difference(committed, generated) << ")");
  }
}

TEST_CASE("the command tree lists options, inherited options and positionals", "[docs]") {
  SyntheticApp s;
  const CommandInfo root = describe_command_tree(s.app);
  REQUIRE(root.name == "tool");
  REQUIRE(root.subcommands.size() == 2);
  const CommandInfo& group = root.subcommands[0];
  const CommandInfo& leaf = group.subcommands.at(0);
  CHECK(leaf.path_string() == "group leaf");
  CHECK(leaf.options.size() == 2);  // -h/--help and --level
  CHECK(leaf.options[0].is_help);
  CHECK(leaf.options[1].value.choices == std::vector<std::string>{"low", "high"});
  std::vector<std::string> inherited;
  for (const OptionInfo& option : leaf.inherited) inherited.push_back(option.display_name());
  CHECK(inherited == std::vector<std::string>{"--format", "--output", "--quiet"});  // not the root's --help again
  REQUIRE(leaf.positionals.size() == 1);
  CHECK(leaf.positionals[0].value.kind == ValueKind::file);
  CHECK(leaf.positionals[0].repeatable);
  const CommandInfo& solo = root.subcommands[1];
  CHECK(solo.options.size() == 1);  // the hidden --section is left out
  CHECK(solo.positionals.at(0).value.choices == std::vector<std::string>{"bash", "zsh"});
  CHECK(flatten(root).size() == 5);
}

TEST_CASE("value hints come from checks, known names and file-like names", "[docs]") {
  CLI::App app{"t", "t"};
  std::string v;
  bool flag = false;
  CHECK(value_hint(*app.add_flag("--flag", flag, "")).kind == ValueKind::none);
  CHECK(value_hint(*app.add_option("--free", v, "")).kind == ValueKind::text);
  CHECK(value_hint(*app.add_option("--priority", v, "")).choices ==
        std::vector<std::string>{"urgent", "high", "medium", "low", "unset"});
  CHECK(value_hint(*app.add_option("--type", v, "")).choices.size() == convstat::core::record_types().size());
  CHECK(value_hint(*app.add_option("--rejects", v, "")).kind == ValueKind::file);
  CHECK(value_hint(*app.add_option("--in", v, "")->type_name("FILE")).kind == ValueKind::file);
  CHECK(value_hint(*app.add_option("--dir", v, "")->check(CLI::ExistingDirectory)).kind == ValueKind::file);
  CHECK(value_hint(*app.add_option("profile", v, "")).kind == ValueKind::text);  // "profile" is no file
  CHECK(choices_in_type_name("TEXT:{table,json,csv}") == std::vector<std::string>{"table", "json", "csv"});
  CHECK(choices_in_type_name("TEXT:{a->1,b->2}").empty());
  CHECK(choices_in_type_name("INT:POSITIVE").empty());
}

TEST_CASE("add_choices rejects other values at parse time", "[docs]") {
  CLI::App app{"t", "t"};
  std::string v;
  add_choices(app.add_option("--color", v, ""), {"red", "blue"});
  CHECK_NOTHROW(app.parse(std::vector<std::string>{"blue", "--color"}));
  CHECK(v == "blue");
  CHECK_THROWS_AS(app.parse(std::vector<std::string>{"green", "--color"}), CLI::ValidationError);
}

TEST_CASE("the bash script walks commands, option values and positionals", "[docs]") {
  SyntheticApp s;
  const std::string script = bash_completion(s.app);
  CHECK(contains(script, "complete -F _tool tool\n"));
  CHECK(contains(script, "        'tool group')\n"
                         "            _cs_commands='leaf other'\n"
                         "            _cs_options='-h --help -f --format -o --output -q --quiet'\n"
                         "            _cs_parent='tool' ;;\n"));
  CHECK(contains(script, "        'tool -f'|'tool --format') REPLY='words:table json' ;;\n"));
  CHECK(contains(script, "        'tool -o'|'tool --output') REPLY='files' ;;\n"));
  CHECK(contains(script, "        'tool -q'|'tool --quiet') REPLY='flag' ;;\n"));
  CHECK(contains(script, "        'tool group leaf --level') REPLY='words:low high' ;;\n"));
  CHECK(contains(script, "        'tool group leaf')\n            case $2 in\n                *) REPLY='files' ;;\n"));
  CHECK(contains(script, "        'tool solo')\n            case $2 in\n                0) REPLY='words:bash zsh' ;;\n"));
  CHECK_FALSE(contains(script, "--section"));
  CHECK_FALSE(contains(script, "_init_completion"));  // works without the bash-completion package
}

TEST_CASE("the zsh script has one function per command", "[docs]") {
  SyntheticApp s;
  const std::string script = zsh_completion(s.app);
  CHECK(script.rfind("#compdef tool\n", 0) == 0);
  CHECK(contains(script, "\n_tool() {\n"));
  CHECK(contains(script, "\n_tool_group_leaf() {\n  _arguments -s -S : \\\n"));
  CHECK(contains(script, "    '(-f --format)'{-f+,--format=}'[output format]:format:(table json)' \\\n"));
  CHECK(contains(script, "    '(-q --quiet)'{-q,--quiet}'[say less]' \\\n"));
  CHECK(contains(script, "    '--level=[how deep]:level:(low high)' \\\n"));
  CHECK(contains(script, "    '*:files:_files'\n}\n"));
  CHECK(contains(script, "    '1:shell:(bash zsh)'\n}\n"));
  CHECK(contains(script, "        'solo:Takes a shell, it'\\''s said'\n"));
  CHECK(contains(script, "        'leaf') _tool_group_leaf && ret=0 ;;\n"));
  CHECK(contains(script, "  compdef _tool tool\n"));
}

TEST_CASE("the fish script conditions each command on its path", "[docs]") {
  SyntheticApp s;
  CHECK(fish_completion(s.app) ==
        "# fish completion for tool. Generated from the command tree by\n"
        "# `tool completion fish`: do not edit; regenerate with `make completions`.\n"
        "# Install as ~/.config/fish/completions/tool.fish.\n"
        "\n"
        "# No file names unless an option or argument takes one.\n"
        "complete -c tool -f\n"
        "\n"
        "# tool: options accepted after every command\n"
        "complete -c tool -s h -l help -d 'Print this help message and exit'\n"
        "complete -c tool -s f -l format -x -a 'table json' -d 'output format'\n"
        "complete -c tool -s o -l output -r -F -d 'write to FILE'\n"
        "complete -c tool -s q -l quiet -d 'say less'\n"
        "complete -c tool -n 'not __fish_seen_subcommand_from group solo' -a 'group' -d 'A group of commands'\n"
        "complete -c tool -n 'not __fish_seen_subcommand_from group solo' -a 'solo' -d 'Takes a shell, it\\'s said'\n"
        "\n"
        "# tool group\n"
        "complete -c tool -n '__fish_seen_subcommand_from group; and not __fish_seen_subcommand_from leaf other' "
        "-a 'leaf' -d 'A leaf: takes files'\n"
        "complete -c tool -n '__fish_seen_subcommand_from group; and not __fish_seen_subcommand_from leaf other' "
        "-a 'other' -d 'Another leaf'\n"
        "\n"
        "# tool group leaf\n"
        "complete -c tool -n '__fish_seen_subcommand_from group; and __fish_seen_subcommand_from leaf' "
        "-l level -x -a 'low high' -d 'how deep'\n"
        "complete -c tool -n '__fish_seen_subcommand_from group; and __fish_seen_subcommand_from leaf' -F\n"
        "\n"
        "# tool solo\n"
        "complete -c tool -n '__fish_seen_subcommand_from solo' -a 'bash zsh'\n");
}

TEST_CASE("completion_script knows bash, zsh and fish only", "[docs]") {
  SyntheticApp s;
  CHECK(completion_script(s.app, "bash") == bash_completion(s.app));
  CHECK(completion_script(s.app, "fish") == fish_completion(s.app));
  CHECK_THROWS_AS(completion_script(s.app, "tcsh"), std::invalid_argument);
}
