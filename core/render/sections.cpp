#include <algorithm>
#include <optional>
#include <unordered_map>

#include "core/render/render.hpp"

namespace convstat::core {

namespace {

using Leaves = std::vector<std::pair<std::string, const Node*>>;

std::string join_path(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

// The cells of one list item: its keys, non-empty nested objects flattened to
// dotted names; scalars, lists and empty objects are leaves.
void flatten_item(const Object& object, const std::string& prefix, Leaves& leaves) {
  for (const auto& [key, value] : object) {
    const std::string name = join_path(prefix, key);
    if (value.is_object() && !value.as_object().empty()) flatten_item(value.as_object(), name, leaves);
    else leaves.emplace_back(name, &value);
  }
}

// A list of objects: the union of the items' flattened keys, first seen first.
void fill_object_rows(const List& list, Section& section) {
  std::vector<Leaves> items(list.size());
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < list.size(); ++i) {
    flatten_item(list[i].as_object(), "", items[i]);
    for (const auto& leaf : items[i])
      if (index.emplace(leaf.first, section.columns.size()).second) section.columns.push_back(leaf.first);
  }
  for (const auto& leaves : items) {
    std::vector<const Node*> row(section.columns.size(), nullptr);
    for (const auto& [name, node] : leaves) row[index.at(name)] = node;
    section.rows.push_back(std::move(row));
  }
}

Section list_section(std::string name, const List& list) {
  Section section;
  section.name = std::move(name);
  if (list.empty()) return section;
  if (std::all_of(list.begin(), list.end(), [](const Node& n) { return n.is_object(); })) {
    fill_object_rows(list, section);
  } else {
    section.columns = {"value"};
    for (const auto& item : list) section.rows.push_back({&item});
  }
  return section;
}

// The same path under comparison.previous and comparison.change (a --compare
// result): the cells of the summary's previous and change columns.
struct Delta {
  const Node* previous = nullptr;
  const Node* change = nullptr;

  Delta child(const std::string& key) const {
    return {previous && previous->is_object() ? previous->find(key) : nullptr,
            change && change->is_object() ? change->find(key) : nullptr};
  }
};

// Walks the root object: scalars become rows of `summary`, lists sections,
// objects are walked with their key as a dotted prefix. With `delta`, summary
// rows get the previous and change cells of the same path.
void collect(const Object& object, const std::string& prefix, Section& summary, std::vector<Section>& sections,
             const std::optional<Delta>& delta);

void collect_entry(const std::string& key, const Node& value, const std::string& prefix, Section& summary,
                   std::vector<Section>& sections, const std::optional<Delta>& delta) {
  const std::string name = join_path(prefix, key);
  const std::optional<Delta> inner = delta ? std::optional<Delta>(delta->child(key)) : std::nullopt;
  if (value.is_object()) {
    collect(value.as_object(), name, summary, sections, inner);
  } else if (value.is_list()) {
    sections.push_back(list_section(name, value.as_list()));
  } else {
    const Node& label = summary.owned->emplace_back(Node::string(name));
    summary.rows.push_back({&label, &value});
    if (inner) summary.rows.back().insert(summary.rows.back().end(), {inner->previous, inner->change});
  }
}

void collect(const Object& object, const std::string& prefix, Section& summary, std::vector<Section>& sections,
             const std::optional<Delta>& delta) {
  for (const auto& [key, value] : object) collect_entry(key, value, prefix, summary, sections, delta);
}

// A --compare result: the root's "comparison" object, else nullptr.
const Node* comparison_of(const Node& root) {
  const Node* comparison = root.find("comparison");
  return comparison && comparison->is_object() ? comparison : nullptr;
}

// With a comparison: the root's summary rows with previous and change columns,
// and a one-row section `comparison` of its own scalars (previous_start,
// previous_end) after the root's sections.
void collect_compared(const Node& root, const Node& comparison, Section& summary, std::vector<Section>& sections) {
  summary.columns = {"metric", "value", "previous", "change"};
  const Delta delta{comparison.find("previous"), comparison.find("change")};
  for (const auto& [key, value] : root.as_object())
    if (key != "comparison") collect_entry(key, value, "", summary, sections, delta);
  Section range;
  range.name = "comparison";
  range.rows.emplace_back();
  for (const auto& [key, value] : comparison.as_object()) {
    if (!value.is_scalar()) continue;
    range.columns.push_back(key);
    range.rows.back().push_back(&value);
  }
  if (!range.columns.empty()) sections.push_back(std::move(range));
}

}  // namespace

std::vector<Section> make_sections(const Result& result) {
  std::vector<Section> sections;
  if (result.root.is_list()) {
    const std::string name = result.main_section.empty() ? "items" : result.main_section;
    sections.push_back(list_section(name, result.root.as_list()));
    return sections;
  }
  if (!result.root.is_object()) return sections;
  Section summary;
  summary.name = "summary";
  summary.columns = {"metric", "value"};
  summary.key_value = true;
  if (const Node* comparison = comparison_of(result.root))
    collect_compared(result.root, *comparison, summary, sections);
  else
    collect(result.root.as_object(), "", summary, sections, std::nullopt);
  if (!summary.rows.empty()) sections.insert(sections.begin(), std::move(summary));
  return sections;
}

}  // namespace convstat::core
