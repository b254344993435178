#include <algorithm>
#include <numeric>
#include <optional>

#include "core/render/renderers.hpp"
#include "core/render/text.hpp"
#include "core/render/values.hpp"

namespace convstat::core::render {

namespace {

// Fitting the width never narrows a text column below this many columns (or its natural width).
constexpr std::size_t k_min_text_width = 6;
constexpr std::string_view k_null = "\u2013";
constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_dim = "\x1b[2m";
constexpr std::string_view k_reset = "\x1b[0m";

enum class Align { left, right };

struct Cell {
  std::string text;  // terminal-safe, without styles
  Align align;
  bool null;
};

// A section laid out for printing. Right-aligned (numeric) columns are never truncated.
struct Grid {
  std::vector<Cell> header;
  std::vector<std::vector<Cell>> rows;
  std::vector<std::size_t> natural;  // display width of the widest cell of each column
  std::vector<std::size_t> width;    // width after fitting the terminal
};

std::string styled(std::string_view text, std::string_view style, bool color) {
  if (!color) return std::string(text);
  return std::string(style) + std::string(text) + std::string(k_reset);
}

// Numbers right, text left, null like its column.
Cell make_cell(const Node* node, Align column_align) {
  if (auto text = cell_text(node, NumberStyle::human))
    return {terminal_safe(*text), is_numeric(node) ? Align::right : Align::left, false};
  return {std::string(k_null), column_align, true};
}

Grid make_grid(const Section& section) {
  Grid grid;
  for (std::size_t c = 0; c < section.columns.size(); ++c) {
    const Align align = numeric_column(section, c) ? Align::right : Align::left;
    grid.header.push_back({terminal_safe(section.columns[c]), align, false});
    grid.natural.push_back(display_width(grid.header.back().text));
  }
  for (const auto& row : section.rows) {
    std::vector<Cell> cells;
    for (std::size_t c = 0; c < row.size(); ++c) {
      cells.push_back(make_cell(row[c], grid.header[c].align));
      grid.natural[c] = std::max(grid.natural[c], display_width(cells.back().text));
    }
    grid.rows.push_back(std::move(cells));
  }
  grid.width = grid.natural;
  return grid;
}

// Narrows the widest text column, one column at a time, until the rows fit
// `max_width` or no text column can shrink further.
void fit_width(Grid& grid, int max_width) {
  if (max_width <= 0 || grid.width.empty()) return;
  std::size_t total = std::accumulate(grid.width.begin(), grid.width.end(), 2 * (grid.width.size() - 1));
  while (total > static_cast<std::size_t>(max_width)) {
    std::size_t widest = grid.width.size();
    for (std::size_t c = 0; c < grid.width.size(); ++c) {
      const bool shrinkable = grid.header[c].align == Align::left &&
                              grid.width[c] > std::min(grid.natural[c], k_min_text_width);
      if (shrinkable && (widest == grid.width.size() || grid.width[c] > grid.width[widest])) widest = c;
    }
    if (widest == grid.width.size()) return;
    --grid.width[widest];
    --total;
  }
}

// `cell` truncated and padded to `width` columns, styled when `color`.
std::string format_cell(const Cell& cell, std::size_t width, bool color, std::string_view style) {
  const std::string text = truncate_to_width(cell.text, width);
  const std::string padding(width - display_width(text), ' ');
  const std::string shown = styled(text, cell.null ? k_dim : style, color && (cell.null || !style.empty()));
  return cell.align == Align::right ? padding + shown : shown + padding;
}

void write_line(std::ostream& out, const std::vector<Cell>& cells, const Grid& grid, bool color,
                std::string_view style = {}) {
  std::string line;
  for (std::size_t c = 0; c < cells.size(); ++c)
    line += (c > 0 ? "  " : "") + format_cell(cells[c], grid.width[c], color, style);
  line.erase(line.find_last_not_of(' ') + 1);
  out << line << '\n';
}

void write_section(std::ostream& out, const Section& section, bool color, int max_width) {
  out << styled(terminal_safe(section.name), k_bold, color) << '\n';
  if (section.columns.empty()) {
    out << "(no rows)\n";
    return;
  }
  Grid grid = make_grid(section);
  fit_width(grid, max_width);
  write_line(out, grid.header, grid, color, k_bold);
  std::string rule;
  for (std::size_t c = 0; c < grid.width.size(); ++c) rule += (c > 0 ? "  " : "") + std::string(grid.width[c], '-');
  out << rule << '\n';
  for (const auto& row : grid.rows) write_line(out, row, grid, color);
  if (grid.rows.empty()) out << "(no rows)\n";
}

// The sparkline's characters, lowest to highest.
constexpr std::string_view k_levels[] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                         "\u2585", "\u2586", "\u2587", "\u2588"};

// The numbers at `key` of the items of the root list `list` (null and
// non-numeric values are left out); empty when there is no such list.
std::vector<double> sparkline_values(const Result& result, const Sparkline& spark) {
  std::vector<double> values;
  const Node* list = result.root.is_object() ? result.root.find(spark.list) : nullptr;
  if (!list || !list->is_list()) return values;
  for (const Node& item : list->as_list()) {
    const Node* v = item.is_object() ? item.find(spark.key) : nullptr;
    if (v && v->is_integer()) values.push_back(static_cast<double>(v->as_integer()));
    else if (v && v->is_number()) values.push_back(v->as_number());
  }
  return values;
}

// "label ▁▂▅█": level = round((v - min) / (max - min) * 7), half away from
// zero; all values equal: every level 0. Empty when there are no values.
std::string sparkline_line(const Result& result, const Sparkline& spark) {
  const std::vector<double> values = sparkline_values(result, spark);
  if (values.empty()) return {};
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  const double min = *lo, span = *hi - *lo;
  std::string line = terminal_safe(spark.label) + " ";
  for (const double v : values) {
    const int level = span > 0 ? static_cast<int>(round_half_away((v - min) / span * 7.0, 0)) : 0;
    line += k_levels[std::clamp(level, 0, 7)];
  }
  return line;
}

// Shades of a heatmap cell, level 1 (lowest) to 4; an empty cell is k_empty_cell.
constexpr std::string_view k_shades[] = {"\u2591", "\u2592", "\u2593", "\u2588"};
constexpr std::string_view k_empty_cell = "\u00b7 ";
constexpr std::string_view k_weekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

// 1-4 for a value in (0, max]: ceil(4 * value / max); 0 for nothing.
int shade_level(std::int64_t value, std::int64_t max) {
  if (value <= 0 || max <= 0) return 0;
  return static_cast<int>((4 * value + max - 1) / max);
}

// The integer at `key` of an item, or nullopt.
std::optional<std::int64_t> item_integer(const Node& item, const std::string& key) {
  const Node* v = item.is_object() ? item.find(key) : nullptr;
  if (!v || !v->is_integer()) return std::nullopt;
  return v->as_integer();
}

// A 7 x 24 grid (ISO weekday x hour), each cell two columns wide and shaded by
// its share of the busiest cell, with hour labels every 3 hours and a scale.
void write_heatmap(std::ostream& out, const Result& result, const Heatmap& map, bool color) {
  out << styled(terminal_safe(map.list), k_bold, color) << ": " << terminal_safe(map.label) << '\n';
  std::int64_t cells[7][24] = {};
  std::int64_t max = 0;
  const Node* list = result.root.is_object() ? result.root.find(map.list) : nullptr;
  if (list && list->is_list())
    for (const Node& item : list->as_list()) {
      const auto row = item_integer(item, map.row), column = item_integer(item, map.column),
                 value = item_integer(item, map.value);
      if (!row || !column || !value || *row < 1 || *row > 7 || *column < 0 || *column > 23) continue;
      cells[*row - 1][*column] += *value;
      max = std::max(max, cells[*row - 1][*column]);
    }
  if (max == 0) {
    out << "(no rows)\n";
    return;
  }
  std::string header = "     ";  // under "Mon  "; each label spans its hour and the two after (2 columns each)
  for (int hour = 0; hour < 24; hour += 3) header += (hour < 10 ? "0" : "") + std::to_string(hour) + "    ";
  header.erase(header.find_last_not_of(' ') + 1);
  out << header << '\n';
  for (int row = 0; row < 7; ++row) {
    std::string line = std::string(k_weekdays[row]) + "  ";
    for (int hour = 0; hour < 24; ++hour) {
      const int level = shade_level(cells[row][hour], max);
      line += level == 0 ? std::string(k_empty_cell) : std::string(k_shades[level - 1]) + std::string(k_shades[level - 1]);
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
  }
  std::string scale = "scale: " + std::string(k_empty_cell) + "0";
  std::int64_t previous_top = 0;
  for (int level = 1; level <= 4; ++level) {
    const std::int64_t top = max * level / 4;  // the largest value drawn at this level
    if (top > previous_top) scale += "  " + std::string(k_shades[level - 1]) + " \u2264" + std::to_string(top);
    previous_top = std::max(previous_top, top);
  }
  out << scale << '\n';
}

}  // namespace

void TableRenderer::render(const Result& result, std::ostream& out) const {
  bool first = true;
  if (!result.title.empty()) {
    out << styled(terminal_safe(result.title), k_bold, m_color) << '\n';
    first = false;
  }
  if (result.sparkline) {
    const std::string line = sparkline_line(result, *result.sparkline);
    if (!line.empty()) out << line << '\n';
    first = first && line.empty();
  }
  for (const auto& section : make_sections(result)) {
    if (!first) out << '\n';
    if (result.heatmap && section.name == result.heatmap->list)
      write_heatmap(out, result, *result.heatmap, m_color);
    else
      write_section(out, section, m_color, m_width);
    first = false;
  }
  if (first) out << '\n';  // an empty result is still one (empty) line
}

}  // namespace convstat::core::render
