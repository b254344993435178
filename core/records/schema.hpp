#pragma once
// The canonical record types of spec/data-model.md as data: one table drives
// validation, the cache's DDL, inserts and (later) exports.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace convstat::core {

enum class FieldKind {
  string,       // UTF-8 text
  lower_string, // text stored lower-cased (channel)
  timestamp,    // RFC 3339 in, UTC epoch milliseconds stored
  integer,      // whole number
  number,       // double
  boolean,      // stored 0/1
  choice,       // one of FieldSpec::choices (stored as text)
  string_list,  // JSON array of strings in, stored as JSON text; CSV: ';'-separated
  object,       // any JSON object, stored as JSON text
};

struct FieldSpec {
  std::string_view name;
  FieldKind kind;
  bool required = false;
  std::vector<std::string_view> choices = {};  // for FieldKind::choice
  std::optional<double> min = {};              // inclusive bounds for numbers
  std::optional<double> max = {};
};

struct RecordType {
  std::string_view name;    // "conversation"
  std::string_view plural;  // "conversations" (export/cache info)
  std::string_view table;   // SQLite table
  bool id_required;         // false: hashed id when absent
  std::vector<FieldSpec> fields;  // field 0 is "id", field 1 is "tenant"

  // Index of a field, or -1.
  int field_index(std::string_view field) const;
};

// Every record type, in data-model.md order.
const std::vector<RecordType>& record_types();
// The record type of that name ("conversation") or plural ("conversations"); nullptr when unknown.
const RecordType* find_record_type(std::string_view name);

// A stored cell: null, integer (also timestamps in ms and booleans), number, text.
using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;

// One validated canonical record, cells in RecordType::fields order.
struct Record {
  const RecordType* type = nullptr;
  std::vector<Cell> cells;
  std::string extra_json;    // unknown fields, as a JSON object text ("" when none)
  std::string content_hash;  // hex SHA-256 of the canonical form (change detection)

  bool is_null(int field) const { return std::holds_alternative<std::monostate>(cells[static_cast<size_t>(field)]); }
  const std::string& text(int field) const { return std::get<std::string>(cells[static_cast<size_t>(field)]); }
  std::int64_t integer(int field) const { return std::get<std::int64_t>(cells[static_cast<size_t>(field)]); }
};

}  // namespace convstat::core
