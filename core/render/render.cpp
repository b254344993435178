#include "core/render/render.hpp"

#include <array>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "core/error.hpp"
#include "core/render/renderers.hpp"
#include "core/render/text.hpp"

namespace convstat::core {

namespace {

constexpr std::array<std::pair<std::string_view, Format>, 5> k_formats{{
    {"table", Format::table},
    {"json", Format::json},
    {"csv", Format::csv},
    {"md", Format::md},
    {"pdf", Format::pdf},
}};

}  // namespace

Format parse_format(std::string_view name) {
  std::vector<std::string> names;
  for (const auto& [format_text, format] : k_formats) {
    if (format_text == name) return format;
    names.emplace_back(format_text);
  }
  const auto suggestion = render::closest_name(name, names);
  throw UsageError("unknown format '" + std::string(name) + "' (expected table, json, csv, md or pdf)",
                   suggestion ? "did you mean '" + *suggestion + "'?" : "");
}

std::string_view format_name(Format format) {
  for (const auto& [format_text, candidate] : k_formats)
    if (candidate == format) return format_text;
  throw std::logic_error("format_name: unknown Format");
}

std::unique_ptr<Renderer> make_renderer(const RenderOptions& options) {
  switch (options.format) {
    case Format::table: return std::make_unique<render::TableRenderer>(options.color, options.width);
    case Format::json: return std::make_unique<render::JsonRenderer>();
    case Format::csv: return std::make_unique<render::CsvRenderer>(options.section);
    case Format::md: return std::make_unique<render::MarkdownRenderer>();
    case Format::pdf: throw UsageError("PDF is a report format: it needs the report heading", "render it with render_report");
  }
  throw std::logic_error("make_renderer: unknown Format");
}

std::string render_to_string(const Result& result, const RenderOptions& options) {
  std::ostringstream out;
  make_renderer(options)->render(result, out);
  return out.str();
}

}  // namespace convstat::core
