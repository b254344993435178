#include "core/render/renderers.hpp"
#include "core/render/text.hpp"
#include "core/render/values.hpp"

namespace convstat::core::render {

namespace {

// One table cell: backslash and `|` escaped, line breaks as <br>, other
// controls made terminal-safe, so the text cannot break the table row.
std::string md_cell(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == '|') {
      out += '\\';
      out += c;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "<br>";
    } else {
      out += c;
    }
  }
  return terminal_safe(out);
}

void write_row(std::ostream& out, const std::vector<std::string>& cells) {
  out << '|';
  for (const auto& cell : cells) out << ' ' << cell << " |";
  out << '\n';
}

void write_section(std::ostream& out, const Section& section) {
  out << "### " << md_cell(section.name) << "\n\n";
  if (section.columns.empty()) {
    out << "(no rows)\n";
    return;
  }
  std::vector<std::string> header;
  std::vector<std::string> delimiter;
  for (std::size_t c = 0; c < section.columns.size(); ++c) {
    header.push_back(md_cell(section.columns[c]));
    delimiter.push_back(numeric_column(section, c) ? "---:" : "---");
  }
  write_row(out, header);
  write_row(out, delimiter);
  for (const auto& row : section.rows) {
    std::vector<std::string> cells;
    for (const Node* node : row) cells.push_back(md_cell(cell_text(node, NumberStyle::human).value_or("\u2013")));
    write_row(out, cells);
  }
}

}  // namespace

void MarkdownRenderer::render(const Result& result, std::ostream& out) const {
  bool first = true;
  if (!result.title.empty()) {
    out << "## " << md_cell(result.title) << '\n';
    first = false;
  }
  for (const auto& section : make_sections(result)) {
    if (!first) out << '\n';
    write_section(out, section);
    first = false;
  }
  if (first) out << '\n';  // an empty result is still one (empty) line
}

}  // namespace convstat::core::render
