#include "core/pdf/draw_charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace convstat::core::pdf {

namespace {

constexpr Font k_title{8.5, true};
constexpr Font k_axis{6.5, false};
constexpr double k_plot_height = 120;  // line, vertical and grouped bars
constexpr double k_bar_row = 13;       // horizontal bars
constexpr double k_heat_row = 12;      // heatmap rows
constexpr std::size_t k_max_vertical = 12;

double max_value(const Chart& chart) {
  double max = 0;
  for (const auto& s : chart.series)
    for (const auto& v : s.values)
      if (v) max = std::max(max, *v);
  return max;
}

// An axis label: "50%", "1,200".
std::string tick_text(const Chart& chart, double v) { return axis_number(v) + (chart.percent ? "%" : ""); }

// A bar's own value, as precise as the tables print it: "70.0%", "1,859", "4.1".
std::string value_text(const Chart& chart, double v) {
  char buffer[64];
  if (chart.percent) {
    std::snprintf(buffer, sizeof buffer, "%.1f%%", v);
    return buffer;
  }
  if (std::fabs(v - std::round(v)) < 1e-9) return axis_number(v);
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

// 0-100 for percentages; else from 0 to a round number above the largest value
// (`headroom` leaves space for the labels over the bars).
std::vector<double> value_ticks(const Chart& chart, double headroom) {
  return chart.percent ? nice_ticks(std::max(100.0, max_value(chart)), 4) : nice_ticks(max_value(chart) * headroom, 4);
}

// Title on the left, the legend (when several series) on the right; returns the height.
double draw_heading(const Canvas& c, const Chart& chart, double x, double y, double width, bool legend) {
  const double h = c.text(x, y, chart.title, k_title, color::text, width * 0.6);
  if (legend && chart.series.size() > 1) {
    double right = x + width;
    for (std::size_t i = chart.series.size(); i-- > 0;) {
      const double w = c.measure(chart.series[i].name, k_axis).first;
      right -= w;
      c.text(right, y + 1.5, chart.series[i].name, k_axis, color::muted);
      right -= 9;
      c.fill_rect(right, y + 3.5, 6, 6, color::series(i));
      right -= 8;
    }
  }
  return h + 6;
}

// Horizontal grid lines and their labels; returns the plot's left edge.
double draw_value_axis(const Canvas& c, const Chart& chart, const std::vector<double>& ticks, double x, double top,
                       double width, double height) {
  double label_w = 0;
  for (double t : ticks) label_w = std::max(label_w, c.measure(tick_text(chart, t), k_axis).first);
  const double left = x + label_w + 4;
  const double max = ticks.back();
  for (double t : ticks) {
    const double y = top + height - height * (t / max);
    c.line(left, y, x + width, y, t == 0 ? color::rule : color::grid, 0.5);
    c.text(x, y - c.line_height(k_axis) / 2, tick_text(chart, t), k_axis, color::muted, label_w, Align::right);
  }
  return left;
}

void draw_line_chart(const Canvas& c, const Chart& chart, double x, double y, double width) {
  y += draw_heading(c, chart, x, y, width, true);
  const auto ticks = value_ticks(chart, 1.0);
  const double left = draw_value_axis(c, chart, ticks, x, y, width, k_plot_height);
  const double right = x + width - 4;
  const std::size_t n = chart.labels.size();
  const auto px = [&](std::size_t i) { return n <= 1 ? (left + right) / 2 : left + 4 + (right - left - 8) * i / (n - 1); };
  const auto py = [&](double v) { return y + k_plot_height - k_plot_height * (v / ticks.back()); };
  cairo_t* cr = c.cr();
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const Rgb rgb = color::series(s);
    cairo_save(cr);
    cairo_set_source_rgb(cr, rgb.r, rgb.g, rgb.b);
    cairo_set_line_width(cr, 1.4);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    bool open = false;
    for (std::size_t i = 0; i < n; ++i) {
      const auto& v = chart.series[s].values[i];
      if (!v) {
        open = false;
        continue;
      }
      if (open) cairo_line_to(cr, px(i), py(*v));
      else cairo_move_to(cr, px(i), py(*v));
      open = true;
    }
    cairo_stroke(cr);
    if (n <= 40)  // points, so a lone day between gaps still shows
      for (std::size_t i = 0; i < n; ++i)
        if (const auto& v = chart.series[s].values[i]) {
          cairo_arc(cr, px(i), py(*v), 1.3, 0, 2 * M_PI);
          cairo_fill(cr);
        }
    cairo_restore(cr);
  }
  // At most 7 date labels, first and last included.
  const std::size_t labels = std::min<std::size_t>(n, 7);
  const double slot = (right - left) / std::max<std::size_t>(labels, 1);
  for (std::size_t k = 0; k < labels; ++k) {
    const std::size_t i = labels == 1 ? 0 : k * (n - 1) / (labels - 1);
    c.text(px(i) - slot / 2, y + k_plot_height + 3, chart.labels[i], k_axis, color::muted, slot, Align::center);
  }
}

void draw_vertical_bars(const Canvas& c, const Chart& chart, double x, double y, double width) {
  const bool grouped = chart.kind == ChartKind::grouped_bars;
  y += draw_heading(c, chart, x, y, width, grouped);
  const auto ticks = value_ticks(chart, 1.12);
  const double left = draw_value_axis(c, chart, ticks, x, y, width, k_plot_height);
  const double right = x + width;
  const std::size_t n = chart.labels.size();
  const double slot = (right - left) / std::max<std::size_t>(n, 1);
  const std::size_t per = chart.series.size();
  const double bar = std::min(slot * 0.7 / per, 28.0);
  for (std::size_t i = 0; i < n; ++i) {
    const double start = left + slot * i + (slot - bar * per) / 2;
    for (std::size_t s = 0; s < per; ++s) {
      const auto& v = chart.series[s].values[i];
      if (!v) continue;
      const double h = k_plot_height * (*v / ticks.back());
      c.fill_rect(start + bar * s, y + k_plot_height - h, bar * 0.92, h, grouped ? color::series(s) : color::accent);
      if (!grouped || per <= 4)
        c.text(start + bar * s - 10, y + k_plot_height - h - c.line_height(k_axis) - 1, value_text(chart, *v), k_axis,
               color::text, bar + 20, Align::center);
    }
    c.text(left + slot * i, y + k_plot_height + 3, chart.labels[i], k_axis, color::muted, slot, Align::center);
  }
}

double label_width(const Canvas& c, const Chart& chart, double width) {
  double w = 0;
  for (const auto& l : chart.labels) w = std::max(w, c.measure(l, k_axis).first);
  return std::min(w + 6, width * 0.32);
}

void draw_horizontal_bars(const Canvas& c, const Chart& chart, double x, double y, double width) {
  y += draw_heading(c, chart, x, y, width, false);
  const double labels = label_width(c, chart, width);
  const double value_w = c.measure(value_text(chart, max_value(chart)), k_axis).first + 6;
  const double left = x + labels, span = width - labels - value_w;
  const double max = std::max(chart.percent ? 100.0 : 1e-12, max_value(chart));
  const double lh = c.line_height(k_axis);
  for (std::size_t i = 0; i < chart.labels.size(); ++i) {
    const double row = y + k_bar_row * i;
    c.text(x, row + (k_bar_row - lh) / 2, chart.labels[i], k_axis, color::text, labels - 6);
    const auto& v = chart.series.front().values[i];
    if (!v) {
      c.text(left + 2, row + (k_bar_row - lh) / 2, "\u2013", k_axis, color::muted);
      continue;
    }
    const double w = span * (*v / max);
    c.fill_rect(left, row + 2, w, k_bar_row - 4, color::accent);
    c.text(left + w + 3, row + (k_bar_row - lh) / 2, value_text(chart, *v), k_axis, color::text);
  }
  c.line(left, y, left, y + k_bar_row * chart.labels.size(), color::rule, 0.5);
}

Rgb shade(double fraction) {
  // From an empty cell's near-white to the accent blue.
  const Rgb low{0.93, 0.95, 0.99}, high{0.11, 0.30, 0.85};
  return {low.r + (high.r - low.r) * fraction, low.g + (high.g - low.g) * fraction, low.b + (high.b - low.b) * fraction};
}

void draw_heatmap(const Canvas& c, const Chart& chart, double x, double y, double width) {
  y += draw_heading(c, chart, x, y, width, false);
  const double labels = 24, cols = static_cast<double>(chart.labels.size());
  const double cell = (width - labels) / cols;
  const double max = max_value(chart);
  const double lh = c.line_height(k_axis);
  for (std::size_t r = 0; r < chart.series.size(); ++r) {
    const double row = y + k_heat_row * r;
    c.text(x, row + (k_heat_row - lh) / 2, chart.series[r].name, k_axis, color::muted);
    for (std::size_t col = 0; col < chart.labels.size(); ++col) {
      const auto& v = chart.series[r].values[col];
      const double cx = x + labels + cell * col;
      if (v && *v > 0 && max > 0) c.fill_rect(cx + 0.5, row + 0.5, cell - 1, k_heat_row - 1, shade(*v / max));
      else c.fill_rect(cx + 0.5, row + 0.5, cell - 1, k_heat_row - 1, color::zebra);
    }
  }
  const double bottom = y + k_heat_row * chart.series.size();
  for (std::size_t col = 0; col < chart.labels.size(); col += 3)
    c.text(x + labels + cell * col, bottom + 2, chart.labels[col], k_axis, color::muted, cell, Align::center);
  // Scale: 0 … max.
  const double sy = bottom + lh + 6, sx = x + labels;
  c.text(sx, sy, "0", k_axis, color::muted);
  for (int i = 0; i < 5; ++i) c.fill_rect(sx + 10 + 14 * i, sy + 1, 13, lh - 2, i == 0 ? color::zebra : shade(i / 4.0));
  c.text(sx + 10 + 14 * 5 + 3, sy, axis_number(max), k_axis, color::muted);
}

// Bars stand upright when there are few and every label fits under its bar;
// otherwise they lie down with their labels on the left.
bool vertical(const Canvas& c, const Chart& chart, double width) {
  if (chart.labels.size() > k_max_vertical) return false;
  const double slot = (width * 0.9) / static_cast<double>(std::max<std::size_t>(chart.labels.size(), 1));
  return std::all_of(chart.labels.begin(), chart.labels.end(),
                     [&](const std::string& l) { return c.measure(l, k_axis).first <= slot - 2; });
}

}  // namespace

std::string axis_number(double value) {
  char buffer[64];
  const double rounded = std::round(value);
  if (std::fabs(value - rounded) < 1e-9 && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", rounded);
    std::string digits = buffer, out;
    const std::size_t start = digits[0] == '-' ? 1 : 0;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > start && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return out;
  }
  std::snprintf(buffer, sizeof buffer, std::fabs(value) < 10 ? "%.2f" : "%.1f", value);
  return buffer;
}

double chart_height(const Canvas& canvas, const Chart& chart, double width) {
  const double heading = canvas.line_height(k_title) + 6, axis = canvas.line_height(k_axis) + 4;
  switch (chart.kind) {
    case ChartKind::line:
    case ChartKind::grouped_bars:
      return heading + k_plot_height + axis;
    case ChartKind::bars:
      if (vertical(canvas, chart, width)) return heading + k_plot_height + axis;
      return heading + k_bar_row * static_cast<double>(chart.labels.size());
    case ChartKind::heatmap:
      return heading + k_heat_row * static_cast<double>(chart.series.size()) + 2 * axis + 6;
  }
  return heading;
}

void draw_chart(const Canvas& canvas, const Chart& chart, double x, double y, double width) {
  switch (chart.kind) {
    case ChartKind::line: draw_line_chart(canvas, chart, x, y, width); break;
    case ChartKind::grouped_bars: draw_vertical_bars(canvas, chart, x, y, width); break;
    case ChartKind::bars:
      if (vertical(canvas, chart, width)) draw_vertical_bars(canvas, chart, x, y, width);
      else draw_horizontal_bars(canvas, chart, x, y, width);
      break;
    case ChartKind::heatmap: draw_heatmap(canvas, chart, x, y, width); break;
  }
}

}  // namespace convstat::core::pdf
