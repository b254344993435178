#include "core/report/report.hpp"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include <sstream>
#include <stdexcept>

#include "core/check/rules.hpp"
#include "core/error.hpp"
#include "core/pdf/pdf.hpp"
#include "core/render/values.hpp"
#include "core/time/time.hpp"
#include "core/util/suggest.hpp"

namespace convstat::core {
namespace {

using json = nlohmann::ordered_json;

// ---- a Node tree as JSON that keeps units (numbers as {"$number", "$unit"}) ----

constexpr const char* k_number = "$number";
constexpr const char* k_unit = "$unit";

json encode(const Node& n) {
  if (n.is_null()) return nullptr;
  if (n.is_bool()) return n.as_bool();
  if (n.is_integer()) return n.as_integer();
  if (n.is_number()) return json{{k_number, n.as_number()}, {k_unit, static_cast<int>(n.unit())}};
  if (n.is_string()) return n.as_string();
  if (n.is_list()) {
    json out = json::array();
    for (const Node& item : n.as_list()) out.push_back(encode(item));
    return out;
  }
  json out = json::object();
  for (const auto& [key, value] : n.as_object()) out[key] = encode(value);
  return out;
}

Node decode(const json& j) {
  if (j.is_null()) return Node::null();
  if (j.is_boolean()) return Node::boolean(j.get<bool>());
  if (j.is_number_integer()) return Node::integer(j.get<std::int64_t>());
  if (j.is_number()) return Node::number(j.get<double>(), Unit::raw);
  if (j.is_string()) return Node::string(j.get<std::string>());
  if (j.is_array()) {
    Node list = Node::list();
    for (const auto& item : j) list.push(decode(item));
    return list;
  }
  if (j.contains(k_number) && j.contains(k_unit))
    return Node::number(j.at(k_number).get<double>(), static_cast<Unit>(j.at(k_unit).get<int>()));
  Node object = Node::object();
  for (const auto& [key, value] : j.items()) object.set(key, decode(value));
  return object;
}

json encode_result(const Result& r) {
  json out = {{"command", r.command}, {"title", r.title}, {"main_section", r.main_section}, {"root", encode(r.root)}};
  if (r.sparkline) out["sparkline"] = {r.sparkline->list, r.sparkline->key, r.sparkline->label};
  if (r.heatmap)
    out["heatmap"] = {r.heatmap->list, r.heatmap->row, r.heatmap->column, r.heatmap->value, r.heatmap->label};
  return out;
}

Result decode_result(const json& j) {
  Result r{j.at("command").get<std::string>(), j.at("title").get<std::string>(), decode(j.at("root")),
           j.at("main_section").get<std::string>()};
  if (j.contains("sparkline")) {
    const auto& s = j.at("sparkline");
    r.sparkline = Sparkline{s.at(0), s.at(1), s.at(2)};
  }
  if (j.contains("heatmap")) {
    const auto& h = j.at("heatmap");
    r.heatmap = Heatmap{h.at(0), h.at(1), h.at(2), h.at(3), h.at(4)};
  }
  return r;
}

json encode_header(const ReportHeader& h) {
  return {{"preset", h.preset}, {"title", h.title}, {"tenant", h.tenant ? json(*h.tenant) : json(nullptr)},
          {"from", h.from},     {"to", h.to},       {"tz", h.tz},
          {"generated_at", format_instant_utc(h.generated_at_ms)}};
}

Node header_node(const ReportHeader& h) { return decode(encode_header(h)); }

// ---- presets ----

const KpiDefinition& runnable_section(const std::string& name, const std::string& preset) {
  const KpiDefinition* kpi = find_kpi(name);
  std::vector<std::string> names;
  for (const auto& k : kpi_registry())
    if (!k.is_group()) names.push_back(k.name);
  if (!kpi || kpi->is_group())
    throw UsageError("report '" + preset + "': unknown section '" + name + "'" + did_you_mean(name, names),
                     "sections are KPI commands: " + [&] {
                       std::string list;
                       for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
                       return list;
                     }());
  if (kpi->writes_cache)
    throw UsageError("report '" + preset + "': section '" + name + "' writes to the cache and cannot be in a report");
  for (const KpiOption& o : kpi->options)
    if (o.required)
      throw UsageError("report '" + preset + "': section '" + name + "' needs " +
                       (o.positional ? o.name : "--" + o.name) + " and cannot be in a report");
  return *kpi;
}

// A TOML array of strings as stored by the config reader (JSON-like text) or a comma list.
std::vector<std::string> section_list(const std::string& text) {
  std::vector<std::string> out;
  const json parsed = json::parse(text, nullptr, false);
  if (parsed.is_array()) {
    for (const auto& item : parsed)
      if (item.is_string()) out.push_back(item.get<std::string>());
    return out;
  }
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    const auto b = part.find_first_not_of(' '), e = part.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
  }
  return out;
}

// ---- rendering ----

void tidy_rows(const Node& n, const std::string& section, const std::string& path, std::string& out) {
  if (n.is_object()) {
    for (const auto& [key, value] : n.as_object()) tidy_rows(value, section, path.empty() ? key : path + "." + key, out);
    return;
  }
  if (n.is_list()) {
    for (std::size_t i = 0; i < n.as_list().size(); ++i)
      tidy_rows(n.as_list()[i], section, path + "[" + std::to_string(i) + "]", out);
    return;
  }
  out += render::csv_record({section, path, render::cell_text(&n, render::NumberStyle::machine).value_or("")});
}

std::string heading_lines(const ReportHeader& h) {
  return "tenant: " + h.tenant.value_or("all") + "\nrange: " + h.from + " to " + h.to + " (" + h.tz +
         ")\ngenerated: " + format_instant_utc(h.generated_at_ms) + "\n";
}

}  // namespace

const std::vector<ReportPreset>& builtin_presets() {
  static const std::vector<ReportPreset> presets = {
      {"support", "Support report", {"overview", "sla", "csat", "resolution", "agents", "insights"}},
      {"voice", "Voice report", {"calls", "calls resolution", "usage"}},
      {"ai", "AI pipeline report", {"usage", "latency", "sessions list", "feedback"}},
      {"executive", "Executive report", {"unified", "dashboard", "leads"}},
  };
  return presets;
}

ReportPreset resolve_preset(const std::string& name, const std::map<std::string, ConfigTable>& custom) {
  std::vector<std::string> names;
  for (const auto& p : builtin_presets()) names.push_back(p.name);
  for (const auto& [n, table] : custom) names.push_back(n);
  const auto builtin = [&](const std::string& n) -> const ReportPreset* {
    for (const auto& p : builtin_presets())
      if (p.name == n) return &p;
    return nullptr;
  };
  ReportPreset preset;
  if (const auto it = custom.find(name); it != custom.end()) {
    const ConfigTable& t = it->second;
    preset.name = name;
    if (const auto base = t.get("preset")) {
      const ReportPreset* b = builtin(*base);
      if (!b) throw UsageError("[report." + name + "]: unknown preset '" + *base + "'" + did_you_mean(*base, names));
      preset.sections = b->sections;
      preset.title = b->title;
    }
    if (const auto sections = t.get("sections")) preset.sections = section_list(*sections);
    if (const auto title = t.get("title")) preset.title = *title;
    if (preset.title.empty()) preset.title = "Report " + name;
    if (preset.sections.empty())
      throw UsageError("[report." + name + "] has no sections", "set preset = \"support\" or sections = [\"overview\", …]");
  } else if (const ReportPreset* b = builtin(name)) {
    preset = *b;
  } else {
    throw UsageError("unknown report preset '" + name + "'" + did_you_mean(name, names),
                     "presets: support, voice, ai, executive, or a [report.NAME] of the config");
  }
  for (const auto& s : preset.sections) runnable_section(s, preset.name);
  return preset;
}

Report compute_report(const ReportPreset& preset, ReportHeader header,
                      const std::function<Result(const KpiDefinition&)>& compute) {
  Report report{std::move(header), {}};
  for (const auto& name : preset.sections) report.sections.emplace_back(name, compute(runnable_section(name, preset.name)));
  return report;
}

std::string render_report(const Report& report, const RenderOptions& options) {
  const ReportHeader& h = report.header;
  std::string out;
  switch (options.format) {
    case Format::json: {
      Result whole{"report", h.title, Node::object(), ""};
      whole.root.set("report", header_node(h));
      for (const auto& [name, result] : report.sections) whole.root.set(check::command_key(name), result.root);
      return render_to_string(whole, options);
    }
    case Format::csv: {
      out = render::csv_record({"section", "path", "value"});
      tidy_rows(header_node(h), "report", "", out);
      for (const auto& [name, result] : report.sections) tidy_rows(result.root, check::command_key(name), "", out);
      return out;
    }
    case Format::md:
      out = "# " + h.title + "\n\n" + heading_lines(h) + "\n";
      for (const auto& [name, result] : report.sections) {
        Result section = result;
        section.title.clear();
        out += "## " + name + " \u2014 " + result.title + "\n\n" + render_to_string(section, options) + "\n";
      }
      return out;
    case Format::table: {
      out = h.title + "\n" + heading_lines(h);
      for (const auto& [name, result] : report.sections)
        out += "\n== " + name + " ==\n" + render_to_string(result, options);
      return out;
    }
    case Format::pdf: return pdf::render_pdf(report, options.created_s.value_or(h.generated_at_ms / 1000));
  }
  throw std::logic_error("render_report: unknown Format");
}

std::int64_t save_report(Cache& cache, const Report& report) {
  json sections = json::array();
  for (const auto& [name, result] : report.sections) sections.push_back({{"name", name}, {"result", encode_result(result)}});
  SQLite::Statement insert(cache.db(), "INSERT INTO reports (created_at, preset, parameters, result) VALUES (?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(report.header.generated_at_ms));
  insert.bind(2, report.header.preset);
  insert.bind(3, encode_header(report.header).dump());
  insert.bind(4, sections.dump());
  insert.exec();
  return cache.db().getLastInsertRowid();
}

std::optional<Report> load_report(Cache& cache, std::int64_t id) {
  if (!cache.db().tableExists("reports")) return std::nullopt;
  SQLite::Statement q(cache.db(), "SELECT created_at, parameters, result FROM reports WHERE id = ?");
  q.bind(1, static_cast<std::int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  const json header = json::parse(q.getColumn(1).getString());
  Report report;
  report.header = {header.at("preset"), header.at("title"),
                   header.at("tenant").is_null() ? std::nullopt : std::optional<std::string>(header.at("tenant")),
                   header.at("from"), header.at("to"), header.at("tz"), q.getColumn(0).getInt64()};
  for (const auto& s : json::parse(q.getColumn(2).getString()))
    report.sections.emplace_back(s.at("name").get<std::string>(), decode_result(s.at("result")));
  return report;
}

Result report_list_result(Cache& cache) {
  Node list = Node::list();
  if (cache.db().tableExists("reports")) {
    SQLite::Statement q(cache.db(), "SELECT id, created_at, parameters FROM reports ORDER BY id DESC");
    while (q.executeStep()) {
      const json h = json::parse(q.getColumn(2).getString());
      list.push(Node::object()
                    .set("id", Node::integer(q.getColumn(0).getInt64()))
                    .set("created_at", Node::string(format_instant_utc(q.getColumn(1).getInt64())))
                    .set("preset", Node::string(h.at("preset").get<std::string>()))
                    .set("title", Node::string(h.at("title").get<std::string>()))
                    .set("from", Node::string(h.at("from").get<std::string>()))
                    .set("to", Node::string(h.at("to").get<std::string>()))
                    .set("tz", Node::string(h.at("tz").get<std::string>()))
                    .set("tenant", h.at("tenant").is_null() ? Node::null() : Node::string(h.at("tenant").get<std::string>())));
    }
  }
  Result result{"report list", "Saved reports", Node::object(), "reports"};
  result.root.set("reports", std::move(list));
  return result;
}

}  // namespace convstat::core
