#pragma once
// Charts drawn as vectors (lines, rectangles, text) on a Canvas. Internal to core/pdf.
#include "core/pdf/canvas.hpp"
#include "core/pdf/charts.hpp"

namespace convstat::core::pdf {

// The height `chart` takes at width `width`, title included.
double chart_height(const Canvas& canvas, const Chart& chart, double width);
// Draws `chart` with its top-left corner at (x, y).
void draw_chart(const Canvas& canvas, const Chart& chart, double x, double y, double width);

// A number for an axis or a bar label: "1,234", "96.5", "0.25".
std::string axis_number(double value);

}  // namespace convstat::core::pdf
