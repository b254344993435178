#pragma once
// PDF output (cairo + pango): a report, or one KPI command as a one-section
// report, on A4 pages a manager can forward.
// - Page 1 opens with the title, tenant, range, time zone and generation time;
//   later pages repeat a one-line running head; every page ends with
//   "page N of M".
// - Each section: its headline numbers as tiles, its charts as vectors
//   (pick_charts: daily lines, bars, percentile groups, the peak-hours
//   heatmap), then every table with its header row repeated on each page it
//   spans; a row is never split (long cells end in "…").
// - Fonts: Noto Sans with Noto Sans Devanagari (DejaVu Sans as the fallback),
//   embedded as subsets. Text stays text: pdftotext reads it back.
// - Deterministic: the same report and creation date give the same bytes.
#include <cstdint>
#include <string>

#include "core/report/report.hpp"

namespace convstat::core::pdf {

// `created_s`: seconds since 1970 (UTC), printed as the generation time and
// stored as the document's CreationDate and ModDate.
// Throws LocalError when cairo cannot make the document.
std::string render_pdf(const Report& report, std::int64_t created_s);

}  // namespace convstat::core::pdf
