#pragma once
// Drawing primitives of the PDF renderer: text through pango (shaping,
// font fallback for Devanagari, ellipsis, wrapping) and shapes through cairo,
// in points on an A4 page. Internal to core/pdf.
#include <cairo.h>

#include <string>
#include <utility>

namespace convstat::core::pdf {

struct Rgb {
  double r, g, b;
};

namespace color {
inline constexpr Rgb text{0.09, 0.11, 0.15};
inline constexpr Rgb muted{0.39, 0.43, 0.50};
inline constexpr Rgb rule{0.80, 0.83, 0.87};
inline constexpr Rgb grid{0.89, 0.91, 0.94};
inline constexpr Rgb tile{0.95, 0.96, 0.98};
inline constexpr Rgb header{0.89, 0.91, 0.94};
inline constexpr Rgb zebra{0.97, 0.98, 0.99};
inline constexpr Rgb accent{0.15, 0.39, 0.92};
// Series colours, in order (blue, green, amber, red, violet, cyan).
Rgb series(std::size_t index);
}  // namespace color

enum class Align { left, center, right };

struct Font {
  double size = 8;
  bool bold = false;
};

// A cairo context with text helpers. Does not own the context.
class Canvas {
public:
  explicit Canvas(cairo_t* cr) : m_cr(cr) {}
  cairo_t* cr() const { return m_cr; }

  // Width and height of `text` on one line (no wrapping).
  std::pair<double, double> measure(const std::string& text, Font font) const;
  // Height of `text` wrapped at `width`.
  double wrapped_height(const std::string& text, Font font, double width) const;
  // Height of one line of `font`.
  double line_height(Font font) const;

  // Draws `text` with its top at y. width > 0: aligned in [x, x + width] and,
  // when `wrap`, wrapped to it, else cut with "…"; width <= 0: from x, one line.
  // Returns the height drawn.
  double text(double x, double y, const std::string& text, Font font, Rgb rgb, double width = 0,
              Align align = Align::left, bool wrap = false) const;

  void fill_rect(double x, double y, double w, double h, Rgb rgb) const;
  void stroke_rect(double x, double y, double w, double h, Rgb rgb, double line_width) const;
  void line(double x0, double y0, double x1, double y1, Rgb rgb, double line_width) const;

private:
  cairo_t* m_cr;
};

}  // namespace convstat::core::pdf
