#pragma once
// The Renderer subclasses, one per format; made by make_renderer (render.hpp).
#include <optional>
#include <ostream>
#include <string>
#include <utility>

#include "core/render/render.hpp"

namespace convstat::core::render {

// The whole tree as one pretty-printed JSON document (2-space indent, keys in
// insertion order, UTF-8), numbers rounded per unit.
class JsonRenderer final : public Renderer {
public:
  void render(const Result& result, std::ostream& out) const override;
};

// One section as RFC 4180 CSV: CRLF line ends, a header row, fields quoted
// when they hold a comma, quote, CR or LF. Null is an empty field.
class CsvRenderer final : public Renderer {
public:
  // `section`: the section to print; nullopt picks result.main_section, else
  // `summary`, else the first section.
  explicit CsvRenderer(std::optional<std::string> section) : m_section(std::move(section)) {}
  // Throws UsageError("unknown section 'x' (available: a, b)") for an unknown section.
  void render(const Result& result, std::ostream& out) const override;

private:
  std::optional<std::string> m_section;
};

// GitHub-flavoured Markdown: `## title`, then `### section` and a table per
// section; numeric columns right-aligned; null `–`.
class MarkdownRenderer final : public Renderer {
public:
  void render(const Result& result, std::ostream& out) const override;
};

// Aligned columns for a terminal: title, then every section under its name;
// numbers right-aligned, text left-aligned, null `–`; text columns truncated
// with `…` to fit `width` columns (<= 0: no limit); ANSI styles only with `color`.
class TableRenderer final : public Renderer {
public:
  TableRenderer(bool color, int width) : m_color(color), m_width(width) {}
  void render(const Result& result, std::ostream& out) const override;

private:
  bool m_color;
  int m_width;
};

}  // namespace convstat::core::render
