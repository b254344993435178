#include "core/pdf/charts.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace convstat::core::pdf {

namespace {

constexpr std::size_t k_max_bars = 40;   // longer lists are tables only
constexpr std::size_t k_max_lines = 3;   // count columns drawn in one line chart

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view last_component(std::string_view path) {
  const auto dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

bool is_time_key(std::string_view column) {
  const std::string_view c = last_component(column);
  return c == "date" || c == "day" || c == "month" || c == "week" || c == "period";
}

std::optional<double> number_of(const Node* node) {
  if (!node) return std::nullopt;
  if (node->is_integer()) return static_cast<double>(node->as_integer());
  if (node->is_number() && std::isfinite(node->as_number())) return node->as_number();
  return std::nullopt;
}

// Every cell of the column is a string (and there is at least one row).
bool text_column(const Section& s, std::size_t c) {
  return !s.rows.empty() &&
         std::all_of(s.rows.begin(), s.rows.end(), [c](const auto& row) { return row[c] && row[c]->is_string(); });
}

// Every cell is a number or null, and one at least is a number.
bool numeric(const Section& s, std::size_t c) {
  bool any = false;
  for (const auto& row : s.rows) {
    if (!row[c] || row[c]->is_null()) continue;
    if (!row[c]->is_integer() && !row[c]->is_number()) return false;
    any = true;
  }
  return any;
}

// A numeric column of counts (integers only).
bool count_column(const Section& s, std::size_t c) {
  if (!numeric(s, c)) return false;
  return std::all_of(s.rows.begin(), s.rows.end(),
                     [c](const auto& row) { return !row[c] || row[c]->is_null() || row[c]->is_integer(); });
}

bool percent_column(const Section& s, std::size_t c) {
  for (const auto& row : s.rows)
    if (row[c] && row[c]->is_number()) return row[c]->unit() == Unit::percent;
  return false;
}

// Columns that label or identify a row rather than measure it.
bool identifying(std::string_view column) {
  const std::string_view c = last_component(column);
  return ends_with(c, "_id") || c == "id" || c == "hour" || c == "day_of_week" || c == "rating" || is_time_key(c);
}

std::string label_text(const Node* node) {
  if (!node || node->is_null()) return "(none)";
  if (node->is_string()) return node->as_string();
  if (node->is_integer()) return std::to_string(node->as_integer());
  if (const auto v = number_of(node)) return std::to_string(*v);
  return node->is_bool() ? (node->as_bool() ? "true" : "false") : "";
}

Series series_of(const Section& s, std::size_t c) {
  Series series{humanize(s.columns[c]), {}};
  for (const auto& row : s.rows) series.values.push_back(number_of(row[c]));
  return series;
}

bool all_empty(const Series& series) {
  return std::all_of(series.values.begin(), series.values.end(), [](const auto& v) { return !v || *v == 0; });
}

std::optional<Chart> line_chart(const Section& s, std::size_t time) {
  Chart chart;
  chart.kind = ChartKind::line;
  chart.section = s.name;
  chart.title = humanize(last_component(s.name));
  std::set<std::string> seen;
  for (const auto& row : s.rows) {
    chart.labels.push_back(row[time]->as_string());
    if (!seen.insert(chart.labels.back()).second) return std::nullopt;  // several rows a day: not one series
  }
  for (std::size_t c = 0; c < s.columns.size() && chart.series.size() < k_max_lines; ++c)
    if (c != time && !identifying(s.columns[c]) && count_column(s, c)) chart.series.push_back(series_of(s, c));
  if (chart.series.empty()) {
    for (std::size_t c = 0; c < s.columns.size(); ++c) {
      if (c == time || identifying(s.columns[c]) || !numeric(s, c)) continue;
      chart.series.push_back(series_of(s, c));
      chart.percent = percent_column(s, c);
      break;
    }
  }
  if (chart.series.empty() || std::all_of(chart.series.begin(), chart.series.end(), all_empty)) return std::nullopt;
  if (chart.series.size() == 1) chart.title += " \u2014 " + chart.series.front().name;
  return chart;
}

std::optional<Chart> bar_chart(const Section& s) {
  if (s.rows.size() < 2 || s.rows.size() > k_max_bars) return std::nullopt;
  std::size_t label = 0;
  for (std::size_t c = 0; c < s.columns.size(); ++c) {
    const std::string_view name = last_component(s.columns[c]);
    if ((ends_with(name, "name") || ends_with(name, "title")) && text_column(s, c)) {
      label = c;
      break;
    }
  }
  std::optional<std::size_t> value;
  for (std::size_t c = 0; c < s.columns.size() && !value; ++c)
    if (c != label && ends_with(s.columns[c], "rate") && numeric(s, c) && percent_column(s, c)) value = c;
  for (std::size_t c = 0; c < s.columns.size() && !value; ++c)
    if (c != label && !identifying(s.columns[c]) && count_column(s, c)) value = c;
  for (std::size_t c = 0; c < s.columns.size() && !value; ++c)
    if (c != label && !identifying(s.columns[c]) && numeric(s, c)) value = c;
  if (!value) return std::nullopt;
  Chart chart;
  chart.kind = ChartKind::bars;
  chart.section = s.name;
  chart.series.push_back(series_of(s, *value));
  if (all_empty(chart.series.front())) return std::nullopt;
  chart.percent = percent_column(s, *value);
  for (const auto& row : s.rows) chart.labels.push_back(label_text(row[label]));
  chart.title = humanize(last_component(s.name)) + " \u2014 " + chart.series.front().name;
  return chart;
}

// Summary metrics GROUP.pNN_UNIT ("llm.p95_ms"): one group of bars per GROUP.
std::optional<Chart> percentile_chart(const Section& summary) {
  Chart chart;
  chart.kind = ChartKind::grouped_bars;
  chart.section = summary.name;
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, double>>>> groups;
  for (const auto& row : summary.rows) {
    if (row.size() < 2 || !row[0] || !row[0]->is_string()) continue;
    const std::string& metric = row[0]->as_string();
    const auto dot = metric.rfind('.');
    if (dot == std::string::npos || dot + 2 >= metric.size() || metric[dot + 1] != 'p' ||
        !std::isdigit(static_cast<unsigned char>(metric[dot + 2])))
      continue;
    const auto underscore = metric.find('_', dot);
    if (underscore == std::string::npos) continue;
    const std::string percentile = metric.substr(dot + 1, underscore - dot - 1);
    if (!std::all_of(percentile.begin() + 1, percentile.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
      continue;
    const auto v = number_of(row[1]);
    if (!v) continue;
    chart.unit = metric.substr(underscore + 1);
    const std::string group = metric.substr(0, dot);
    if (groups.empty() || groups.back().first != group) groups.push_back({group, {}});
    groups.back().second.emplace_back(percentile, *v);
  }
  std::vector<std::string> percentiles;
  for (const auto& [group, values] : groups)
    for (const auto& [p, v] : values)
      if (std::find(percentiles.begin(), percentiles.end(), p) == percentiles.end()) percentiles.push_back(p);
  if (groups.empty() || percentiles.size() < 2) return std::nullopt;
  for (const auto& p : percentiles) chart.series.push_back({p, {}});
  for (const auto& [group, values] : groups) {
    chart.labels.push_back(group);
    for (std::size_t i = 0; i < percentiles.size(); ++i) {
      const auto it = std::find_if(values.begin(), values.end(), [&](const auto& pv) { return pv.first == percentiles[i]; });
      chart.series[i].values.push_back(it == values.end() ? std::nullopt : std::optional<double>(it->second));
    }
  }
  chart.title = "Percentiles (" + chart.unit + ")";
  return chart;
}

std::optional<Chart> heatmap_chart(const Heatmap& map, const Section& s) {
  const auto column = [&](const std::string& name) -> std::optional<std::size_t> {
    for (std::size_t c = 0; c < s.columns.size(); ++c)
      if (s.columns[c] == name) return c;
    return std::nullopt;
  };
  const auto row_col = column(map.row), col_col = column(map.column), value_col = column(map.value);
  if (!row_col || !col_col || !value_col) return std::nullopt;
  static const char* const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  Chart chart;
  chart.kind = ChartKind::heatmap;
  chart.section = s.name;
  chart.title = map.label.empty() ? humanize(s.name) : map.label;
  if (!chart.title.empty() && std::islower(static_cast<unsigned char>(chart.title[0])))
    chart.title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(chart.title[0])));
  for (int h = 0; h < 24; ++h) chart.labels.push_back(std::to_string(h));
  for (const char* d : days) chart.series.push_back({d, std::vector<std::optional<double>>(24)});
  for (const auto& row : s.rows) {
    const auto r = number_of(row[*row_col]), c = number_of(row[*col_col]), v = number_of(row[*value_col]);
    if (!r || !c || !v || *r < 1 || *r > 7 || *c < 0 || *c > 23) continue;
    auto& cell = chart.series[static_cast<std::size_t>(*r) - 1].values[static_cast<std::size_t>(*c)];
    cell = cell.value_or(0) + *v;
  }
  return chart;
}

}  // namespace

std::vector<Chart> pick_charts(const Result& result, const std::vector<Section>& sections) {
  std::vector<Chart> charts;
  for (const Section& s : sections) {
    if (s.key_value) {
      if (auto c = percentile_chart(s)) charts.push_back(std::move(*c));
      continue;
    }
    if (s.rows.empty() || s.columns.empty()) continue;
    if (result.heatmap && result.heatmap->list == s.name) {
      if (auto c = heatmap_chart(*result.heatmap, s)) charts.push_back(std::move(*c));
      continue;
    }
    std::optional<std::size_t> time;
    for (std::size_t c = 0; c < s.columns.size() && !time; ++c)
      if (is_time_key(s.columns[c]) && text_column(s, c)) time = c;
    std::optional<Chart> chart = time ? (s.rows.size() >= 2 ? line_chart(s, *time) : std::nullopt) : bar_chart(s);
    if (chart) charts.push_back(std::move(*chart));
  }
  return charts;
}

std::string humanize(std::string_view key) {
  static const std::set<std::string, std::less<>> acronyms = {"ai", "api", "asr", "cs", "csat", "fcr", "id",
                                                              "kb", "llm", "sla", "tts", "usd"};
  std::string out;
  std::size_t start = 0;
  while (start <= key.size()) {
    std::size_t end = start;
    while (end < key.size() && key[end] != '_' && key[end] != '.') ++end;
    std::string word(key.substr(start, end - start));
    if (acronyms.count(word)) {
      for (char& ch : word) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    } else if (out.empty() && !word.empty() && std::islower(static_cast<unsigned char>(word[0])) &&
               !(word.size() > 1 && std::isdigit(static_cast<unsigned char>(word[1])))) {
      word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    }
    if (!out.empty() || start > 0) out += ' ';
    out += word;
    start = end + 1;
  }
  return out;
}

std::vector<double> nice_ticks(double max, int target) {
  if (!(max > 0) || !std::isfinite(max)) return {0, 1};
  const double raw = max / std::max(target, 1);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / magnitude;
  const double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
  std::vector<double> ticks;
  const int count = static_cast<int>(std::ceil(max / step - 1e-9));
  for (int i = 0; i <= count; ++i) ticks.push_back(step * i);
  return ticks;
}

}  // namespace convstat::core::pdf
