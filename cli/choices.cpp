#include "cli/choices.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/records/schema.hpp"

namespace convstat::cli {
namespace {

// Options whose value core validates (not a CLI11 check), by long name. A name
// listed here must mean the same on every command that has it.
const std::map<std::string, std::vector<std::string>>& known_choices() {
  static const std::map<std::string, std::vector<std::string>> table = [] {
    std::map<std::string, std::vector<std::string>> t;
    t["priority"] = {"urgent", "high", "medium", "low", "unset"};  // core::Filters::validate
    t["input-format"] = {"ndjson", "json", "csv"};                   // core::run_import
    for (const core::RecordType& type : core::record_types()) t["type"].emplace_back(type.name);
    return t;
  }();
  return table;
}

// Options that name a file, by long name, for those declared with a plain TEXT type.
bool is_known_file_option(const std::string& long_name) {
  static const std::vector<std::string> names = {"cache", "config", "output", "rejects", "rules"};
  return std::find(names.begin(), names.end(), long_name) != names.end();
}

// True when a word of `text` (a type name like "FILE" or "TEXT:PATH(existing)",
// a positional name like "files") says it is a file or folder name.
bool names_a_file(const std::string& text) {
  static const std::vector<std::string> words = {"FILE", "FILES", "PATH", "PATHS", "DIR"};
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (std::isalnum(c)) {
      word.push_back(static_cast<char>(std::toupper(c)));
      continue;
    }
    if (std::find(words.begin(), words.end(), word) != words.end()) return true;
    word.clear();
  }
  return false;
}

}  // namespace

CLI::Option* add_choices(CLI::Option* option, const std::vector<std::string>& items) {
  // The check's description ("{a,b,c}") is what value_hint reads back.
  option->check(CLI::IsMember(items));
  return option;
}

std::vector<std::string> choices_in_type_name(const std::string& type_name) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while ((start = type_name.find('{', start)) != std::string::npos) {
    const std::size_t end = type_name.find('}', start);
    if (end == std::string::npos) break;
    const std::string set = type_name.substr(start + 1, end - start - 1);
    start = end + 1;
    if (set.find("->") != std::string::npos) continue;  // a Transformer's map, not a set of values
    std::size_t from = 0;
    while (from <= set.size()) {
      const std::size_t comma = std::min(set.find(',', from), set.size());
      if (comma > from) items.push_back(set.substr(from, comma - from));
      from = comma + 1;
    }
  }
  return items;
}

ValueHint value_hint(const CLI::Option& option) {
  if (option.get_items_expected_max() == 0) return {ValueKind::none, {}};
  if (auto items = choices_in_type_name(option.get_type_name()); !items.empty())
    return {ValueKind::choice, std::move(items)};
  for (const std::string& name : option.get_lnames()) {
    if (const auto it = known_choices().find(name); it != known_choices().end())
      return {ValueKind::choice, it->second};
    if (is_known_file_option(name)) return {ValueKind::file, {}};
  }
  if (names_a_file(option.get_type_name()) || names_a_file(option.get_option_text())) return {ValueKind::file, {}};
  if (option.get_positional() && names_a_file(option.get_name(true))) return {ValueKind::file, {}};
  return {ValueKind::text, {}};
}

}  // namespace convstat::cli
