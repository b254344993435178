#include "core/pdf/canvas.hpp"

#include <pango/pangocairo.h>

#include <memory>

namespace convstat::core::pdf {

namespace {

// Noto Sans covers Latin and accented Latin, Noto Sans Devanagari the Hindi
// names, WenQuanYi Micro Hei the Chinese ones; DejaVu Sans is the last resort.
// The fonts are embedded as subsets.
constexpr const char* k_family = "Noto Sans, Noto Sans Devanagari, WenQuanYi Micro Hei, DejaVu Sans";

struct LayoutDeleter {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

LayoutPtr make_layout(cairo_t* cr, const std::string& text, Font font) {
  LayoutPtr layout(pango_cairo_create_layout(cr));
  // Unhinted metrics: the same layout at any resolution, and the same bytes on every run.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(pango_layout_get_context(layout.get()), options);
  cairo_font_options_destroy(options);
  pango_layout_context_changed(layout.get());

  PangoFontDescription* description = pango_font_description_from_string(k_family);
  pango_font_description_set_absolute_size(description, font.size * PANGO_SCALE);
  pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), description);
  pango_font_description_free(description);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

}  // namespace

Rgb color::series(std::size_t index) {
  static constexpr Rgb palette[] = {{0.15, 0.39, 0.92}, {0.09, 0.64, 0.29}, {0.96, 0.62, 0.04},
                                    {0.86, 0.15, 0.15}, {0.49, 0.23, 0.93}, {0.03, 0.57, 0.70}};
  return palette[index % (sizeof(palette) / sizeof(palette[0]))];
}

std::pair<double, double> Canvas::measure(const std::string& text, Font font) const {
  const LayoutPtr layout = make_layout(m_cr, text, font);
  int w = 0, h = 0;
  pango_layout_get_size(layout.get(), &w, &h);
  return {static_cast<double>(w) / PANGO_SCALE, static_cast<double>(h) / PANGO_SCALE};
}

double Canvas::wrapped_height(const std::string& text, Font font, double width) const {
  const LayoutPtr layout = make_layout(m_cr, text, font);
  pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  int w = 0, h = 0;
  pango_layout_get_size(layout.get(), &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

double Canvas::line_height(Font font) const { return measure("Ag", font).second; }

double Canvas::text(double x, double y, const std::string& text, Font font, Rgb rgb, double width, Align align,
                    bool wrap) const {
  const LayoutPtr layout = make_layout(m_cr, text, font);
  if (width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    if (wrap) pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    else pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    pango_layout_set_alignment(layout.get(), align == Align::right    ? PANGO_ALIGN_RIGHT
                                             : align == Align::center ? PANGO_ALIGN_CENTER
                                                                      : PANGO_ALIGN_LEFT);
  }
  int w = 0, h = 0;
  pango_layout_get_size(layout.get(), &w, &h);
  cairo_save(m_cr);
  cairo_set_source_rgb(m_cr, rgb.r, rgb.g, rgb.b);
  cairo_move_to(m_cr, x, y);
  pango_cairo_show_layout(m_cr, layout.get());
  cairo_restore(m_cr);
  return static_cast<double>(h) / PANGO_SCALE;
}

void Canvas::fill_rect(double x, double y, double w, double h, Rgb rgb) const {
  cairo_save(m_cr);
  cairo_set_source_rgb(m_cr, rgb.r, rgb.g, rgb.b);
  cairo_rectangle(m_cr, x, y, w, h);
  cairo_fill(m_cr);
  cairo_restore(m_cr);
}

void Canvas::stroke_rect(double x, double y, double w, double h, Rgb rgb, double line_width) const {
  cairo_save(m_cr);
  cairo_set_source_rgb(m_cr, rgb.r, rgb.g, rgb.b);
  cairo_set_line_width(m_cr, line_width);
  cairo_rectangle(m_cr, x, y, w, h);
  cairo_stroke(m_cr);
  cairo_restore(m_cr);
}

void Canvas::line(double x0, double y0, double x1, double y1, Rgb rgb, double line_width) const {
  cairo_save(m_cr);
  cairo_set_source_rgb(m_cr, rgb.r, rgb.g, rgb.b);
  cairo_set_line_width(m_cr, line_width);
  cairo_move_to(m_cr, x0, y0);
  cairo_line_to(m_cr, x1, y1);
  cairo_stroke(m_cr);
  cairo_restore(m_cr);
}

}  // namespace convstat::core::pdf
