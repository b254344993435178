#include <algorithm>

#include "core/error.hpp"
#include "core/render/renderers.hpp"
#include "core/render/text.hpp"
#include "core/render/values.hpp"

namespace convstat::core::render {

namespace {

void write_record(std::ostream& out, const std::vector<std::string>& fields) { out << csv_record(fields); }

const Section* find_section(const std::vector<Section>& sections, std::string_view name) {
  const auto it = std::find_if(sections.begin(), sections.end(), [&](const Section& s) { return s.name == name; });
  return it == sections.end() ? nullptr : &*it;
}

[[noreturn]] void throw_unknown_section(const std::vector<Section>& sections, const std::string& name) {
  std::vector<std::string> names;
  for (const auto& section : sections) names.push_back(section.name);
  std::string available;
  for (const auto& n : names) available += (available.empty() ? "" : ", ") + n;
  const auto suggestion = closest_name(name, names);
  throw UsageError("unknown section '" + name + "' (available: " + (available.empty() ? "none" : available) + ")",
                   suggestion ? "did you mean '" + *suggestion + "'?" : "");
}

// The requested section; by default main_section, else summary, else the
// first section; nullptr when the result has no section at all.
const Section* pick_section(const std::vector<Section>& sections, const std::optional<std::string>& requested,
                            const std::string& main_section) {
  if (requested) {
    if (const Section* section = find_section(sections, *requested)) return section;
    throw_unknown_section(sections, *requested);
  }
  if (const Section* section = find_section(sections, main_section)) return section;
  if (const Section* section = find_section(sections, "summary")) return section;
  return sections.empty() ? nullptr : &sections.front();
}

}  // namespace

void CsvRenderer::render(const Result& result, std::ostream& out) const {
  const std::vector<Section> sections = make_sections(result);
  const Section* section = pick_section(sections, m_section, result.main_section);
  if (!section || section->columns.empty()) return;  // nothing to print, not even a header
  write_record(out, section->columns);
  for (const auto& row : section->rows) {
    std::vector<std::string> fields;
    for (const Node* cell : row) fields.push_back(cell_text(cell, NumberStyle::machine).value_or(""));
    write_record(out, fields);
  }
}

std::string csv_record(const std::vector<std::string>& fields) {
  // A record of one empty field is written `""` so that it is not read as a
  // blank line (which many readers skip).
  if (fields.size() == 1 && fields[0].empty()) return "\"\"\r\n";
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    const std::string text = valid_utf8(fields[i]);
    // RFC 4180: quoted when it holds a comma, quote, CR or LF, quotes doubled.
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
      out += text;
      continue;
    }
    out += '"';
    for (const char c : text) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out + "\r\n";
}

}  // namespace convstat::core::render
