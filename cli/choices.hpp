#pragma once
// What an option's value can be, for the generated completions and docs:
// fixed choices, a file name, or free text. Choices come from the command
// tree itself (the option's CLI11 IsMember check), so a command that restricts
// an option with add_choices (or CLI::IsMember) gets its completion for free.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace convstat::cli {

// Restricts `option` to `items` (a CLI11 IsMember check: anything else is a
// usage error) and makes them its completion candidates. Returns `option`.
CLI::Option* add_choices(CLI::Option* option, const std::vector<std::string>& items);

enum class ValueKind {
  none,    // a flag: takes no value
  text,    // free text: nothing to complete
  choice,  // one of ValueHint::choices
  file,    // a file name
};

struct ValueHint {
  ValueKind kind = ValueKind::none;
  std::vector<std::string> choices;  // for ValueKind::choice, in declaration order
};

// How `option`'s value completes:
// - choice: the items of its IsMember checks (add_choices), else, for options
//   validated in core rather than by CLI11, a known list by long name
//   (--priority, --type: the record types, --input-format);
// - file: a type name or check saying FILE/PATH/DIR, a positional named like
//   "file", or a known file option (--cache, --config, --output, --rejects, --rules);
// - text: any other option that takes a value; none: a flag.
ValueHint value_hint(const CLI::Option& option);

// The items of every "{a,b,c}" set in a CLI11 type name such as
// "TEXT:{table,json,csv}" (what IsMember checks describe); empty when none.
std::vector<std::string> choices_in_type_name(const std::string& type_name);

}  // namespace convstat::cli
