#include "core/pdf/pdf.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <numeric>
#include <optional>
#include <utility>

#include "core/error.hpp"
#include "core/pdf/canvas.hpp"
#include "core/pdf/charts.hpp"
#include "core/pdf/draw_charts.hpp"
#include "core/render/values.hpp"

namespace convstat::core::pdf {

namespace {

// A4 in points.
constexpr double k_page_width = 595.276, k_page_height = 841.890;
constexpr double k_margin = 40, k_content = k_page_width - 2 * k_margin;
constexpr double k_body_top = 54;                       // below the running head
constexpr double k_body_bottom = k_page_height - 48;    // above the footer
constexpr double k_gap = 14;                            // between blocks
constexpr std::size_t k_tile_columns = 4, k_all_tiles = 12, k_best_tiles = 8;
constexpr double k_tile_height = 44, k_tile_gap = 8;
constexpr double k_cell_pad = 4;
constexpr std::size_t k_measured_rows = 300;  // column widths from the first rows

constexpr Font k_small{7, false};
constexpr Font k_caption{9, true};

// "2026-11-20 12:00 UTC" for people, "2026-11-20T12:00:00Z" for the metadata.
std::string utc_text(std::int64_t seconds, bool iso) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[64];
  if (iso) std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  else std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &tm);
  return buffer;
}

// "1859" → "1,859"; other text unchanged.
std::string grouped(const std::string& digits) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (digits.empty() || !std::all_of(digits.begin() + (digits[0] == '-' ? 1 : 0), digits.end(), digit)) return digits;
  return axis_number(std::stod(digits));
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && std::string_view(s).substr(s.size() - suffix.size()) == suffix;
}

// A headline number with its unit: "46.3%", "$0.0123", "28.5 min", "1,859".
std::string tile_value(const std::string& metric, const Node* node) {
  if (!node || node->is_null()) return "\u2013";
  if (!node->is_integer() && !node->is_number()) return render::cell_text(node, render::NumberStyle::human).value_or("\u2013");
  const auto text = render::format_number(*node, render::NumberStyle::human);
  if (!text) return "\u2013";
  if (node->is_number() && node->unit() == Unit::percent) return *text + "%";
  if (node->is_number() && node->unit() == Unit::usd) return "$" + *text;
  std::string out = node->is_integer() || node->unit() == Unit::count ? grouped(*text) : *text;
  if (ends_with(metric, "_minutes") || ends_with(metric, "_minutes_avg") || ends_with(metric, "minutes_median"))
    out += " min";
  else if (ends_with(metric, "_seconds")) out += " s";
  else if (ends_with(metric, "_ms")) out += " ms";
  return out;
}

struct Tile {
  std::string label, value;
};

// The headline numbers of a summary: all of them when few, else the rates,
// means and totals first (bookkeeping such as metadata.* left to the table).
std::vector<Tile> pick_tiles(const Section& summary, bool& all_shown) {
  struct Candidate {
    std::size_t index;
    int rank;
  };
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < summary.rows.size(); ++i) {
    const auto& row = summary.rows[i];
    if (!row[0] || !row[0]->is_string()) continue;
    const std::string& m = row[0]->as_string();
    if (m.rfind("metadata.", 0) == 0 || m.rfind("aggregation_health.", 0) == 0) continue;
    const int rank = m.find("rate") != std::string::npos                                         ? 0
                     : (m.find("avg") != std::string::npos || m.find("median") != std::string::npos ||
                        m.find("total") != std::string::npos)                                     ? 1
                                                                                                 : 2;
    candidates.push_back({i, rank});
  }
  all_shown = candidates.size() == summary.rows.size() && candidates.size() <= k_all_tiles && summary.columns.size() == 2;
  if (candidates.size() > k_all_tiles) {
    std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.rank < b.rank; });
    candidates.resize(k_best_tiles);
    std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
  }
  // A prefix every metric shares ("kpis.total_calls", "kpis.failed_calls") says nothing on a tile.
  std::string prefix;
  for (const auto& c : candidates) {
    const std::string& m = summary.rows[c.index][0]->as_string();
    const std::string first = m.substr(0, m.find('.') == std::string::npos ? 0 : m.find('.') + 1);
    if (first.empty() || (!prefix.empty() && first != prefix)) {
      prefix.clear();
      break;
    }
    prefix = first;
  }
  std::vector<Tile> tiles;
  for (const auto& c : candidates) {
    const std::string& m = summary.rows[c.index][0]->as_string();
    tiles.push_back({humanize(std::string_view(m).substr(prefix.size())), tile_value(m, summary.rows[c.index][1])});
  }
  return tiles;
}

std::string header_text(const Section& s, std::size_t c) { return humanize(s.columns[c]); }

std::string cell(const Node* node) {
  return render::cell_text(node, render::NumberStyle::human).value_or("\u2013");
}

class Document {
public:
  Document(cairo_surface_t* surface, const Report& report, std::int64_t created_s, int total_pages)
      : m_surface(surface), m_cr(cairo_create(surface)), m_canvas(m_cr), m_report(report),
        m_created(utc_text(created_s, false)), m_total(total_pages) {}
  ~Document() { cairo_destroy(m_cr); }
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  int run() {
    begin_page();
    title_block();
    const bool one = m_report.sections.size() == 1;
    for (const auto& [name, result] : m_report.sections) section(name, result, !one);
    end_page();
    return m_page;
  }

private:
  const ReportHeader& header() const { return m_report.header; }

  std::string scope_text() const {
    const ReportHeader& h = header();
    const std::string range = h.from == h.to ? h.from : h.from + " \u2013 " + h.to;
    return (h.tenant ? "Tenant " + *h.tenant : std::string("All tenants")) + "  \u00b7  " + range + "  \u00b7  " + h.tz;
  }

  void begin_page() {
    ++m_page;
    m_y = k_body_top;
    if (m_page == 1) return;
    m_canvas.text(k_margin, 26, header().title + "  \u00b7  " + scope_text(), k_small, color::muted, k_content);
    m_canvas.line(k_margin, 38, k_page_width - k_margin, 38, color::rule, 0.5);
  }

  void end_page() {
    const double y = k_page_height - 34;
    m_canvas.line(k_margin, y - 6, k_page_width - k_margin, y - 6, color::rule, 0.5);
    m_canvas.text(k_margin, y, std::string("convstat ") + CONVSTAT_VERSION + "  \u00b7  generated " + m_created, k_small,
                  color::muted, k_content / 2);
    const std::string total = m_total > 0 ? std::to_string(m_total) : "?";
    m_canvas.text(k_margin + k_content / 2, y, "page " + std::to_string(m_page) + " of " + total, k_small, color::muted,
                  k_content / 2, Align::right);
    cairo_show_page(m_cr);
  }

  // Starts a new page unless `height` more points fit on this one.
  void ensure(double height) {
    if (m_y + height <= k_body_bottom || m_y <= k_body_top + 1) return;
    end_page();
    begin_page();
  }

  void title_block() {
    m_y = 40;
    m_y += m_canvas.text(k_margin, m_y, header().title, Font{20, true}, color::text, k_content);
    m_y += 4;
    const ReportHeader& h = header();
    const std::string meta = "Tenant: " + (h.tenant ? *h.tenant : std::string("all tenants")) + "     Range: " +
                             (h.from == h.to ? h.from : h.from + " \u2013 " + h.to) + "     Time zone: " + h.tz +
                             "     Generated: " + m_created;
    m_y += m_canvas.text(k_margin, m_y, meta, Font{8.5, false}, color::muted, k_content, Align::left, true);
    m_y += 6;
    m_canvas.line(k_margin, m_y, k_page_width - k_margin, m_y, color::accent, 1.5);
    m_y += k_gap;
  }

  void outline(const std::string& title) {
    char link[96];
    std::snprintf(link, sizeof link, "page=%d pos=[%.1f %.1f]", m_page, k_margin, m_y);
    cairo_pdf_surface_add_outline(m_surface, CAIRO_PDF_OUTLINE_ROOT, title.c_str(), link, CAIRO_PDF_OUTLINE_FLAG_OPEN);
  }

  void section(const std::string& name, const Result& result, bool heading) {
    const std::vector<Section> sections = make_sections(result);
    const std::vector<Chart> charts = pick_charts(result, sections);
    // Drawn with the first block, so that a heading never ends a page alone.
    if (heading) m_heading = {result.title.empty() ? name : result.title, name};
    for (const Section& s : sections) {
      const bool heatmap = result.heatmap && result.heatmap->list == s.name;
      if (s.key_value) {
        bool all_shown = false;
        tiles(pick_tiles(s, all_shown));
        for (const Chart& c : charts)
          if (c.section == s.name) chart(c);
        if (!all_shown) table(s, "All numbers");
        continue;
      }
      for (const Chart& c : charts)
        if (c.section == s.name) chart(c);
      if (!heatmap) table(s, humanize(s.name));
    }
    if (m_heading) {  // nothing to show: the heading and a line saying so
      reserve(20);
      m_y += m_canvas.text(k_margin, m_y, "No data.", Font{8, false}, color::muted) + k_gap;
    }
    m_y += k_gap / 2;
  }

  // Starts a new page unless `height` more points fit on this one (with the
  // pending section heading), then draws that heading.
  void reserve(double height) {
    if (!m_heading) {
      ensure(height);
      return;
    }
    const Font font{13, true};
    ensure(height + m_canvas.line_height(font) + 10);
    const auto [title, command] = *m_heading;
    m_heading.reset();
    outline(title);
    const double h = m_canvas.text(k_margin, m_y, title, font, color::text, k_content * 0.75);
    m_canvas.text(k_margin + k_content * 0.75, m_y + 4, "convstat " + command, Font{7.5, false}, color::muted,
                  k_content * 0.25, Align::right);
    m_y += h + 2;
    m_canvas.line(k_margin, m_y, k_page_width - k_margin, m_y, color::rule, 0.75);
    m_y += 8;
  }

  void tiles(const std::vector<Tile>& tiles) {
    const double w = (k_content - k_tile_gap * (k_tile_columns - 1)) / k_tile_columns;
    for (std::size_t i = 0; i < tiles.size(); ++i) {
      const std::size_t column = i % k_tile_columns;
      if (column == 0) reserve(k_tile_height);
      const double x = k_margin + (w + k_tile_gap) * column;
      m_canvas.fill_rect(x, m_y, w, k_tile_height, color::tile);
      m_canvas.fill_rect(x, m_y, 2, k_tile_height, color::accent);
      m_canvas.text(x + 8, m_y + 6, tiles[i].label, Font{7, false}, color::muted, w - 12);
      m_canvas.text(x + 8, m_y + 18, tiles[i].value, Font{14, true}, color::text, w - 12);
      if (column == k_tile_columns - 1 || i + 1 == tiles.size()) m_y += k_tile_height + k_tile_gap;
    }
    if (!tiles.empty()) m_y += k_gap - k_tile_gap;
  }

  void chart(const Chart& c) {
    const double h = chart_height(m_canvas, c, k_content);
    reserve(h);
    draw_chart(m_canvas, c, k_margin, m_y, k_content);
    m_y += h + k_gap;
  }

  // Column widths that fit the content width, and the font that makes them fit.
  std::vector<double> fit_columns(const Section& s, Font& font) const {
    const std::size_t n = s.columns.size();
    std::vector<double> natural(n, 0);
    std::vector<bool> numeric(n);
    const Font bold{font.size, true};
    for (std::size_t c = 0; c < n; ++c) {
      numeric[c] = render::numeric_column(s, c);
      double cells = 0;
      for (std::size_t r = 0; r < s.rows.size() && r < k_measured_rows; ++r)
        cells = std::max(cells, m_canvas.measure(cell(s.rows[r][c]), font).first);
      const std::string head = header_text(s, c);
      double word = 0;
      std::size_t start = 0;
      while (start <= head.size()) {
        const std::size_t end = std::min(head.find(' ', start), head.size());
        word = std::max(word, m_canvas.measure(head.substr(start, end - start), bold).first);
        start = end + 1;
      }
      const double full = m_canvas.measure(head, bold).first;
      // A little slack: text measured to the exact width may still wrap or be cut when drawn.
      natural[c] = std::max(cells, std::min(full, std::max(word, full / 2))) + 2 * k_cell_pad + 3;
    }
    double total = std::accumulate(natural.begin(), natural.end(), 0.0);
    if (total > k_content) {  // smaller type first, down to 6.5 pt
      const double scale = std::max(6.5 / font.size, k_content / total);
      font.size *= scale;
      for (auto& w : natural) w *= scale;
      total *= scale;
    }
    double numeric_total = 0, text_total = 0;
    for (std::size_t c = 0; c < n; ++c) (numeric[c] ? numeric_total : text_total) += natural[c];
    std::vector<double> widths = natural;
    if (text_total > 0 && numeric_total < k_content) {
      // Text columns share what the numbers leave: cut with "…" when short, widened when there is room.
      const double room = k_content - numeric_total;
      for (std::size_t c = 0; c < n; ++c)
        if (!numeric[c]) widths[c] = std::max(natural[c] * room / text_total, std::min(natural[c], 28.0));
    } else if (total > 0) {
      for (auto& w : widths) w *= k_content / total;
    }
    const double sum = std::accumulate(widths.begin(), widths.end(), 0.0);
    if (sum > k_content)
      for (auto& w : widths) w *= k_content / sum;
    return widths;
  }

  double header_height(const Section& s, const std::vector<double>& widths, Font font) const {
    double h = 0;
    for (std::size_t c = 0; c < s.columns.size(); ++c)
      h = std::max(h, m_canvas.wrapped_height(header_text(s, c), Font{font.size, true}, widths[c] - 2 * k_cell_pad));
    return h + 6;
  }

  void draw_header(const Section& s, const std::vector<double>& widths, Font font, double h) {
    m_canvas.fill_rect(k_margin, m_y, k_content, h, color::header);
    double x = k_margin;
    for (std::size_t c = 0; c < s.columns.size(); ++c) {
      const Align align = render::numeric_column(s, c) ? Align::right : Align::left;
      m_canvas.text(x + k_cell_pad, m_y + 3, header_text(s, c), Font{font.size, true}, color::text,
                    widths[c] - 2 * k_cell_pad, align, true);
      x += widths[c];
    }
    m_y += h;
  }

  void table(const Section& s, const std::string& caption) {
    const double caption_h = m_canvas.line_height(k_caption) + 3;
    if (s.columns.empty() || s.rows.empty()) {
      reserve(caption_h * 2);
      m_y += m_canvas.text(k_margin, m_y, caption, k_caption, color::text) + 3;
      m_y += m_canvas.text(k_margin, m_y, "No rows in this range.", Font{8, false}, color::muted) + k_gap;
      return;
    }
    Font font{8, false};
    const std::vector<double> widths = fit_columns(s, font);
    const double head_h = header_height(s, widths, font);
    const double row_h = m_canvas.line_height(font) + 5;
    std::vector<bool> numeric(s.columns.size());
    for (std::size_t c = 0; c < s.columns.size(); ++c) numeric[c] = render::numeric_column(s, c);

    reserve(caption_h + head_h + row_h * static_cast<double>(std::min<std::size_t>(s.rows.size(), 3)));
    m_y += m_canvas.text(k_margin, m_y, caption, k_caption, color::text) + 3;
    draw_header(s, widths, font, head_h);
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
      if (m_y + row_h > k_body_bottom) {  // continue on the next page under the same header
        end_page();
        begin_page();
        m_y += m_canvas.text(k_margin, m_y, caption + " (continued)", k_caption, color::text) + 3;
        draw_header(s, widths, font, head_h);
      }
      if (r % 2 == 1) m_canvas.fill_rect(k_margin, m_y, k_content, row_h, color::zebra);
      double x = k_margin;
      for (std::size_t c = 0; c < s.columns.size(); ++c) {
        const Node* node = s.rows[r][c];
        const bool null = !node || node->is_null();
        m_canvas.text(x + k_cell_pad, m_y + 2.5, cell(node), font, null ? color::muted : color::text,
                      widths[c] - 2 * k_cell_pad, numeric[c] ? Align::right : Align::left);
        x += widths[c];
      }
      m_y += row_h;
    }
    m_canvas.line(k_margin, m_y, k_page_width - k_margin, m_y, color::rule, 0.5);
    m_y += k_gap;
  }

  cairo_surface_t* m_surface;
  cairo_t* m_cr;
  Canvas m_canvas;
  const Report& m_report;
  std::string m_created;
  int m_total;
  int m_page = 0;
  double m_y = 0;
  std::optional<std::pair<std::string, std::string>> m_heading;  // a section's title and command, not drawn yet
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  if (closure) static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Lays out and draws the whole document once; `out` nullptr discards the bytes.
// Returns the number of pages.
int render_pass(const Report& report, std::int64_t created_s, int total_pages, std::string* out) {
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, out, k_page_width, k_page_height);
  const std::string date = utc_text(created_s, true);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, report.header.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "convstat " CONVSTAT_VERSION);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  int pages = 0;
  {
    Document document(surface, report, created_s, total_pages);
    pages = document.run();
  }
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw LocalError(std::string("cannot make the PDF: ") + cairo_status_to_string(status));
  return pages;
}

}  // namespace

std::string render_pdf(const Report& report, std::int64_t created_s) {
  // "page N of M" needs M: a first pass counts the pages (the layout does not depend on M).
  const int pages = render_pass(report, created_s, 0, nullptr);
  std::string out;
  render_pass(report, created_s, pages, &out);
  return out;
}

}  // namespace convstat::core::pdf
