#include "core/export/export.hpp"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include <set>

#include "core/error.hpp"
#include "core/query/record_scope.hpp"
#include "core/render/values.hpp"
#include "core/util/redact.hpp"

namespace convstat::core {
namespace {

using json = nlohmann::ordered_json;  // fields in schema order, "type" first

constexpr std::size_t k_chunk_bytes = 1 << 20;

bool joins_conversation(std::string_view type) {
  return type == "message" || type == "csat" || type == "turn" || type == "usage" || type == "feedback";
}

// The filters each type takes (kpis.md "Filters").
std::set<std::string> applicable_filters(std::string_view type) {
  if (type == "conversation" || joins_conversation(type)) return {"channel", "bot", "team", "assignee", "priority"};
  if (type == "call") return {"bot", "outcome"};
  if (type == "lead") return {"bot"};
  return {};
}

void check_filters(const RecordType& type, const Filters& f) {
  const std::set<std::string> allowed = applicable_filters(type.name);
  const std::pair<const char*, bool> given[] = {{"channel", f.channel.has_value()}, {"bot", f.bot.has_value()},
                                                {"team", f.team.has_value()},       {"assignee", f.assignee.has_value()},
                                                {"priority", f.priority.has_value()}, {"outcome", f.outcome.has_value()}};
  for (const auto& [name, set] : given)
    if (set && !allowed.count(name))
      throw UsageError("--" + std::string(name) + " does not apply to " + std::string(type.plural),
                       allowed.empty() ? std::string(type.plural) + " follow --tenant only"
                                       : "filters of " + std::string(type.plural) + ": --tenant, --" + [&] {
                                           std::string list;
                                           for (const auto& a : allowed) list += (list.empty() ? "" : ", --") + a;
                                           return list;
                                         }());
}

bool is_transcript(std::string_view type, std::string_view field) {
  return (type == "message" && field == "text") || (type == "call" && field == "transcript") ||
         (type == "feedback" && (field == "user_input" || field == "assistant_response"));
}

bool is_identifier(std::string_view field) {
  return field == "id" || field == "tenant" ||
         (field.size() > 3 && field.substr(field.size() - 3) == "_id");
}

// The membership column of an export (csat by sent_at); empty for kb articles (all).
std::string export_instant(const RecordType& type) {
  if (type.name == "csat") return "sent_at";
  if (type.name == "kb_article") return "";
  return std::string(membership_column(type));
}

struct Query {
  std::string sql;
  std::vector<std::string> params;
  bool ranged = true;
};

Query build_query(const RecordType& type, const std::vector<const FieldSpec*>& fields, const Filters& f) {
  Query q;
  std::string columns;
  for (const FieldSpec* field : fields) columns += "r." + std::string(field->name) + ", ";
  columns += "r.extra";
  const std::string table(type.table), at = export_instant(type);
  std::string scope;
  if (joins_conversation(type.name)) {
    RecordScope s = joined_record_scope(table, at, f);
    scope = s.sql;
    q.params = std::move(s.params);
  } else if (at.empty()) {
    q.ranged = false;
    scope = " FROM " + table + " r WHERE 1 = 1" + own_conditions(f, "r.", {}, q.params);
  } else {
    scope = " FROM " + table + " r WHERE r." + at + " >= ? AND r." + at + " < ?";
    if (type.name == "conversation") {
      scope += conversation_conditions(f, "r.", true, q.params);
    } else {
      scope += own_conditions(f, "r.", {f.bot.has_value(), f.outcome.has_value()}, q.params);  // checked: they apply
    }
  }
  q.sql = "SELECT " + columns + scope + " ORDER BY " + (at.empty() ? "" : "r." + at + ", ") + "r.tenant, r.id";
  return q;
}

// Redacts every string inside a JSON value (lists, objects, extra fields).
void redact_json(json& value) {
  if (value.is_string()) value = redact_text(value.get_ref<const std::string&>());
  else if (value.is_array() || value.is_object())
    for (auto& item : value) redact_json(item);
}

std::string redacted_field(std::string_view type, const FieldSpec& field, const std::string& text, bool redact) {
  if (!redact) return text;
  if (is_identifier(field.name)) return has_personal_data(text) ? pseudonym(text) : text;
  if (type == "call" && field.name == "phone") return redact_phone(text);
  if (field.kind == FieldKind::string) return redact_text(text);
  return text;
}

// One field's value as JSON; null for NULL.
json field_value(std::string_view type, const FieldSpec& field, const SQLite::Column& c, bool redact) {
  if (c.isNull()) return nullptr;
  switch (field.kind) {
    case FieldKind::timestamp: return format_instant_utc(c.getInt64());
    case FieldKind::boolean: return c.getInt64() != 0;
    case FieldKind::integer: return c.getInt64();
    case FieldKind::number: return c.getDouble();
    case FieldKind::string_list:
    case FieldKind::object: {
      json parsed = json::parse(c.getString(), nullptr, false);
      if (parsed.is_discarded()) return nullptr;
      if (redact) redact_json(parsed);
      return parsed;
    }
    default: return redacted_field(type, field, c.getString(), redact);
  }
}

// The CSV text of a field value (import's CSV reading: lists ';'-joined, booleans true/false).
std::string csv_text(const json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_array()) {
    std::string out;
    for (const auto& item : value) out += (out.empty() ? "" : ";") + (item.is_string() ? item.get<std::string>() : item.dump());
    return out;
  }
  return value.dump();
}

}  // namespace

ExportFormat parse_export_format(std::string_view name) {
  if (name == "ndjson") return ExportFormat::ndjson;
  if (name == "json") return ExportFormat::json;
  if (name == "csv") return ExportFormat::csv;
  throw UsageError("export writes ndjson, json or csv, not '" + std::string(name) + "'",
                   "pass -f ndjson (the default), -f json or -f csv");
}

std::int64_t export_records(Cache& cache, const RecordType& type, const TimeRange& range, const Filters& filters,
                            const ExportOptions& options, const ExportSink& sink) {
  check_filters(type, filters);
  std::vector<const FieldSpec*> fields;
  for (const FieldSpec& f : type.fields)
    if (options.include_transcripts || !is_transcript(type.name, f.name)) fields.push_back(&f);
  const Query query = build_query(type, fields, filters);
  // Read through SQLite's bounded page cache, not the memory map the KPI
  // scans use: rows come in time order from all over the table, and every
  // mapped page touched would count in the process's memory (an export of 1M
  // conversations peaked at 285 MiB that way; bench/scale).
  cache.db().exec("PRAGMA mmap_size = 0");
  SQLite::Statement q(cache.db(), query.sql);
  if (query.ranged) {
    bind_scope(q, range, query.params);
  } else {
    int i = 1;
    for (const auto& p : query.params) q.bind(i++, p);
  }

  std::string buffer;
  const auto flush = [&](bool always) {
    if (always || buffer.size() >= k_chunk_bytes) {
      if (!buffer.empty()) sink(buffer);
      buffer.clear();
    }
  };
  if (options.format == ExportFormat::csv) {
    std::vector<std::string> header;
    for (const FieldSpec* f : fields) header.emplace_back(f->name);
    buffer += render::csv_record(header);
  } else if (options.format == ExportFormat::json) {
    buffer += "[";
  }
  const int extra_column = static_cast<int>(fields.size());
  std::int64_t count = 0;
  std::vector<std::string> cells(fields.size());
  while (q.executeStep()) {
    if (options.format == ExportFormat::csv) {
      for (std::size_t i = 0; i < fields.size(); ++i)
        cells[i] = csv_text(field_value(type.name, *fields[i], q.getColumn(static_cast<int>(i)), options.redact));
      buffer += render::csv_record(cells);
    } else {
      json record = json::object();
      record["type"] = type.name;
      for (std::size_t i = 0; i < fields.size(); ++i) {
        json value = field_value(type.name, *fields[i], q.getColumn(static_cast<int>(i)), options.redact);
        if (!value.is_null()) record[std::string(fields[i]->name)] = std::move(value);
      }
      const SQLite::Column extra = q.getColumn(extra_column);
      if (!extra.isNull()) {
        json unknown = json::parse(extra.getString(), nullptr, false);
        if (unknown.is_object())
          for (auto& [key, value] : unknown.items()) {
            if (record.contains(key)) continue;
            if (options.redact) redact_json(value);
            record[key] = std::move(value);
          }
      }
      if (options.format == ExportFormat::json) buffer += count == 0 ? "\n" : ",\n";
      buffer += record.dump(-1, ' ', false, json::error_handler_t::replace);
      if (options.format == ExportFormat::ndjson) buffer += '\n';
    }
    ++count;
    flush(false);
  }
  if (options.format == ExportFormat::json) buffer += count == 0 ? "]\n" : "\n]\n";
  flush(true);
  return count;
}

}  // namespace convstat::core
