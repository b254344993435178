#pragma once
// Which charts a PDF draws for a result, chosen from the shape of its data so
// that every KPI command (and every future one) gets charts without code here:
// - a list keyed by date/day/month/week/period → a line chart of its count
//   columns (daily volume, call volume, CSAT and SLA trends);
// - a short list with a label column → bars of its first rate column, else of
//   its first count (channel mix, CSAT distribution, SLA compliance by
//   priority, agents, topics, outcomes);
// - summary numbers named GROUP.pNN_UNIT → grouped bars (latency percentiles);
// - the result's Heatmap → a weekday × hour grid (peak hours).
// No cairo here: the choice is plain data, tested on its own.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/render/render.hpp"
#include "core/result.hpp"

namespace convstat::core::pdf {

enum class ChartKind { line, bars, grouped_bars, heatmap };

struct Series {
  std::string name;
  std::vector<std::optional<double>> values;  // one per label; none: no value (a gap)
};

struct Chart {
  ChartKind kind = ChartKind::bars;
  std::string title;
  std::string section;              // the section it illustrates ("" : the summary numbers)
  std::vector<std::string> labels;  // x values (line), categories (bars), groups (grouped bars), columns (heatmap)
  std::vector<Series> series;       // line/bars: one per drawn column; grouped: one per percentile;
                                    // heatmap: one per row, named by the row label
  bool percent = false;             // a 0-100 scale
  std::string unit;                 // a suffix for values ("ms"), may be empty
};

// The charts for `result`, in the order of `sections` (make_sections(result)).
std::vector<Chart> pick_charts(const Result& result, const std::vector<Section>& sections);

// "channel_distribution" → "Channel distribution", "first_response.met" →
// "First response met", "p95_ms" → "p95 ms".
std::string humanize(std::string_view key);

// Axis ticks from 0 to at least `max`: 0, step, 2·step… with step 1, 2 or 5
// × 10^k and about `target` intervals; {0, 1} when max <= 0.
std::vector<double> nice_ticks(double max, int target);

}  // namespace convstat::core::pdf
