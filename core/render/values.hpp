#pragma once
// How a renderer prints one value of a result: numbers rounded by unit
// (spec/kpis.md "Rounding"), and JSON text for whole subtrees.
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/render/render.hpp"
#include "core/result.hpp"

namespace convstat::core::render {

// machine: JSON and CSV (usd six decimals, shortest form);
// human: table and Markdown (usd four decimals, fixed decimals).
enum class NumberStyle { machine, human };

// Decimals a unit rounds to in `style`; nullopt for raw (printed as stored).
std::optional<int> unit_decimals(Unit unit, NumberStyle style);

// The text of an integer or number node, rounded half away from zero by its
// unit, never "-0":
// - integers and count-unit numbers: digits only ("285");
// - machine: the shortest fixed form with at least one decimal ("252.0",
//   "41.4", "0.000001");
// - human: exactly unit_decimals(unit) decimals ("0.5000"), raw as in machine.
// nullopt for NaN or infinity, which print as null.
std::optional<std::string> format_number(const Node& node, NumberStyle style);

// True for an integer or a finite number node.
bool is_numeric(const Node* node);

// True when no cell of `column` holds text: only numbers and nulls (a
// right-aligned column in table and Markdown).
bool numeric_column(const Section& section, std::size_t column);

// The text of one cell: format_number for numbers, "true"/"false", a string as
// stored, compact JSON for an object or list; nullopt for null or nullptr.
std::optional<std::string> cell_text(const Node* node, NumberStyle style);

// Writes `node` as JSON (machine numbers, UTF-8 kept, invalid UTF-8 replaced by
// U+FFFD, non-finite numbers as null). indent < 0: compact, one line;
// otherwise pretty-printed like nlohmann::json::dump(indent). No final newline.
void write_json(std::ostream& out, const Node& node, int indent);
// write_json compact, as a string.
std::string compact_json(const Node& node);

// One RFC 4180 record with its CRLF: fields quoted when they hold a comma,
// quote, CR or LF (quotes doubled), invalid UTF-8 replaced; a record of one
// empty field is `""`.
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace convstat::core::render
