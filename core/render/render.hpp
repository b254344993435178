#pragma once
// Renderers: one Result printed as table, JSON, CSV or Markdown (spec/cli.md
// "Output formats"). Every format renders the same data, rounding each number
// by its Unit only here, at print time (spec/kpis.md "Rounding").
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace convstat::core {

enum class Format { table, json, csv, md, pdf };

// The format spelled `name` (exactly "table", "json", "csv", "md" or "pdf").
// Throws UsageError("unknown format 'x' (expected table, json, csv, md or pdf)"),
// with a "did you mean" hint when a format name is close.
Format parse_format(std::string_view name);
// The flag spelling of `format` ("table", "json", ...).
std::string_view format_name(Format format);

struct RenderOptions {
  Format format = Format::table;
  bool color = false;  // table only: ANSI bold headings and dim nulls; never any escape code when false
  int width = 100;     // table only: terminal columns to fit; <= 0 means no limit
  std::optional<std::string> section;  // csv only: the section to print (--section NAME)
  // pdf only: the creation date in seconds since 1970 (SOURCE_DATE_EPOCH);
  // none: the report's generation time.
  std::optional<std::int64_t> created_s;
};

// One output format (DuckDB's shell_renderer): a subclass per format.
class Renderer {
public:
  virtual ~Renderer() = default;
  // Writes the whole document for `result` to `out`; it ends with a newline
  // (except a CSV section without columns, which prints nothing).
  // Throws UsageError for a bad option (an unknown CSV section).
  virtual void render(const Result& result, std::ostream& out) const = 0;
};

// The renderer for options.format. PDF needs a report heading (tenant, range,
// zone): it is made by render_report, and make_renderer throws UsageError for pdf.
std::unique_ptr<Renderer> make_renderer(const RenderOptions& options);
// make_renderer(options)->render(result, ...) into a string. Throws as those do.
std::string render_to_string(const Result& result, const RenderOptions& options);

// A named table of a result, the flattening shared by table, CSV and Markdown
// (spec/cli.md "csv"): `summary` holds the scalars (key_value, columns
// metric,value), each list is its own section.
struct Section {
  std::string name;
  std::vector<std::string> columns;
  // One entry per row with one cell per column; a cell is nullptr when the item
  // lacks that key (printed as null). Cells point into the Result and into
  // `owned`: a Section must not outlive the Result it was made from.
  std::vector<std::vector<const Node*>> rows;
  bool key_value = false;
  // Nodes made for the section itself (the metric names of `summary`); shared
  // so that copies of a Section keep pointing at live nodes.
  std::shared_ptr<std::deque<Node>> owned = std::make_shared<std::deque<Node>>();
};

// The sections of `result`, in the order of the root's keys, `summary` first
// when the result has any scalar:
// - top-level scalars, and scalars of (nested) objects with dotted names
//   (`first_response.tracked`), are the rows of `summary`;
// - a list is a section named by its dotted path (`by_priority`,
//   `help_center_deflection.top_articles`); a list of objects has the union of
//   its items' keys as columns in first-seen order, nested objects flattened to
//   dotted columns (nested lists stay one cell); any other list has the single
//   column `value`; an empty list has no columns and no rows;
// - a root that is itself a list is one section named main_section (or `items`);
// - a root with a `comparison` object (--compare): `summary` has the columns
//   metric,value,previous,change (the cells at the same path under
//   comparison.previous / comparison.change), comparison's own scalars form a
//   one-row section `comparison` after the others, and its objects make no rows.
std::vector<Section> make_sections(const Result& result);

// Writes `content` to `path` atomically: a temporary file in the same folder
// (created with O_EXCL, mode 0644 less the umask), written, fsynced, renamed
// over `path`, then the folder fsynced. Missing parent folders are created.
// Readers see the old file or the new one, never a part. On any failure the
// temporary file is removed and LocalError("cannot write 'PATH': <strerror>") is thrown.
void write_file_atomic(const std::string& path, std::string_view content);

// The same, written in pieces (exports of any size in constant memory): the
// temporary file is created by the constructor, filled by write(), published
// by commit(). Destroyed without commit() (an error on the way), or when a
// write fails, it leaves nothing behind. Errors: LocalError as above.
class AtomicFile {
public:
  explicit AtomicFile(const std::string& path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  void write(std::string_view data);
  void commit();

private:
  [[noreturn]] void fail(int error);
  std::string m_path, m_target, m_temp_path;
  int m_fd = -1;
};

}  // namespace convstat::core
