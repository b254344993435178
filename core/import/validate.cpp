#include "core/import/validate.hpp"

#include <algorithm>
#include <charconv>
#include <deque>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

#include <simdjson.h>

#include "core/time/time.hpp"
#include "core/util/sha256.hpp"
#include "core/util/suggest.hpp"

namespace convstat::core {
namespace {

using json = nlohmann::json;

enum class TypeId { conversation, message, csat, call, turn, usage, feedback, lead, event, kb_article, other };

TypeId type_id_of(std::string_view name) {
  static const std::unordered_map<std::string_view, TypeId> ids = {
      {"conversation", TypeId::conversation}, {"message", TypeId::message}, {"csat", TypeId::csat},
      {"call", TypeId::call}, {"turn", TypeId::turn}, {"usage", TypeId::usage}, {"feedback", TypeId::feedback},
      {"lead", TypeId::lead}, {"event", TypeId::event}, {"kb_article", TypeId::kb_article}};
  const auto it = ids.find(name);
  return it == ids.end() ? TypeId::other : it->second;
}

// A record type's field names -> indexes, built once so a record's keys are
// matched by hash lookups.
struct TypeIndex {
  TypeId id = TypeId::other;
  std::unordered_map<std::string_view, int> fields;

  // Index of the field, or -1.
  int at(std::string_view name) const {
    const auto it = fields.find(name);
    return it == fields.end() ? -1 : it->second;
  }
};

// The index of a type of record_types(). Throws std::logic_error for any other RecordType.
const TypeIndex& index_of(const RecordType& type) {
  static const std::vector<TypeIndex> indexes = [] {
    std::vector<TypeIndex> out;
    for (const auto& t : record_types()) {
      TypeIndex index;
      index.id = type_id_of(t.name);
      for (size_t i = 0; i < t.fields.size(); ++i) index.fields.emplace(t.fields[i].name, static_cast<int>(i));
      out.push_back(std::move(index));
    }
    return out;
  }();
  const auto& types = record_types();
  if (&type < types.data() || &type >= types.data() + types.size())
    throw std::logic_error("record type '" + std::string(type.name) + "' is not one of record_types()");
  return indexes[static_cast<size_t>(&type - types.data())];
}

// ---------------------------------------------------------------------------
// Text helpers

// " (got VALUE)": the value as JSON, cut to about 40 bytes.
std::string got(const json& value) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 40) {
    size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "...";
  }
  return " (got " + text + ")";
}

// A bound as a person writes it: "0", "-1", "0.5".
std::string format_number(double value) {
  if (std::trunc(value) == value && std::fabs(value) < 1e15) return std::to_string(static_cast<std::int64_t>(value));
  char buf[64];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, result.ptr);
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string utf8_reason(std::size_t offset) { return "invalid UTF-8 (byte " + std::to_string(offset) + ")"; }

// Whether a number or integer cell is within the field's bounds (always, without bounds).
bool in_bounds(const FieldSpec& spec, const Cell& cell) {
  if (!spec.min && !spec.max) return true;
  const double v = std::holds_alternative<double>(cell) ? std::get<double>(cell)
                                                        : static_cast<double>(std::get<std::int64_t>(cell));
  return (!spec.min || v >= *spec.min) && (!spec.max || v <= *spec.max);
}

// A double holding a whole number within int64 as that integer; nullopt otherwise.
std::optional<std::int64_t> integral(double value) {
  if (!std::isfinite(value) || std::trunc(value) != value || std::fabs(value) > 9.0e18) return std::nullopt;
  return static_cast<std::int64_t>(value);
}

// ---------------------------------------------------------------------------
// Conversion of one present value to a cell, per FieldKind. Each returns
// nullopt with `reason` set when the value is unusable.

struct Converter {
  const ValidateOptions& options;

  std::optional<std::string> text(const json& value, std::string& reason) const {
    if (value.is_string()) {
      const auto& s = value.get_ref<const std::string&>();
      if (const auto bad = invalid_utf8_offset(s)) {
        reason = utf8_reason(*bad);
        return std::nullopt;
      }
      return s;
    }
    if (value.is_number()) return value.dump();  // an id written as 42 is the id "42"
    reason = "must be a string" + got(value);
    return std::nullopt;
  }

  std::optional<Cell> integer(const json& value, std::string& reason) const {
    if (value.is_number_integer() && !value.is_number_unsigned()) return Cell{value.get<std::int64_t>()};
    if (value.is_number_unsigned()) {
      if (value.get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX)) return Cell{value.get<std::int64_t>()};
      reason = "is out of range" + got(value);
      return std::nullopt;
    }
    if (value.is_number_float()) {
      if (const auto whole = integral(value.get<double>())) return Cell{*whole};
    } else if (options.from_csv && value.is_string()) {
      const std::string_view cell = trim(value.get_ref<const std::string&>());
      std::int64_t parsed = 0;
      const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), parsed);
      if (ec == std::errc() && end == cell.data() + cell.size() && !cell.empty()) return Cell{parsed};
      if (const auto number = parse_csv_double(cell))
        if (const auto whole = integral(*number)) return Cell{*whole};
    }
    reason = "must be an integer" + got(value);
    return std::nullopt;
  }

  std::optional<Cell> number(const json& value, std::string& reason) const {
    if (value.is_number()) return Cell{value.get<double>()};
    if (options.from_csv && value.is_string())
      if (const auto parsed = parse_csv_double(trim(value.get_ref<const std::string&>()))) return Cell{*parsed};
    reason = "must be a number" + got(value);
    return std::nullopt;
  }

  std::optional<Cell> boolean(const json& value, std::string& reason) const {
    if (value.is_boolean()) return Cell{std::int64_t{value.get<bool>() ? 1 : 0}};
    if (options.from_csv && value.is_string()) {
      const std::string word = ascii_lower(trim(value.get_ref<const std::string&>()));
      if (word == "true" || word == "1" || word == "yes") return Cell{std::int64_t{1}};
      if (word == "false" || word == "0" || word == "no") return Cell{std::int64_t{0}};
      reason = "must be true, false, 1, 0, yes or no" + got(value);
      return std::nullopt;
    }
    reason = "must be true or false" + got(value);
    return std::nullopt;
  }

  std::optional<Cell> timestamp(const json& value, std::string& reason) const {
    if (!value.is_string()) {
      reason = "must be an RFC 3339 timestamp string" + got(value);
      return std::nullopt;
    }
    std::string_view text = value.get_ref<const std::string&>();
    if (options.from_csv) text = trim(text);
    std::string error;
    if (const auto ms = parse_timestamp(text, options.assume_tz, &error)) return Cell{*ms};
    reason = error.empty() ? "invalid timestamp" : error;
    return std::nullopt;
  }

  std::optional<Cell> choice(const FieldSpec& spec, const json& value, std::string& reason) const {
    if (value.is_string()) {
      const auto& s = value.get_ref<const std::string&>();
      for (const auto& choice : spec.choices)
        if (s == choice) return Cell{s};
    }
    reason = "must be one of ";
    for (size_t i = 0; i < spec.choices.size(); ++i) {
      if (i > 0) reason += ", ";
      reason += spec.choices[i];
    }
    reason += got(value);
    return std::nullopt;
  }

  std::optional<Cell> string_list(const json& value, std::string& reason) const {
    if (options.from_csv && value.is_string()) return split_list(value.get_ref<const std::string&>(), reason);
    if (!value.is_array()) {
      reason = "must be an array of strings" + got(value);
      return std::nullopt;
    }
    for (const auto& item : value) {
      if (!item.is_string()) {
        reason = "must be an array of strings" + got(value);
        return std::nullopt;
      }
      if (const auto bad = invalid_utf8_offset(item.get_ref<const std::string&>())) {
        reason = utf8_reason(*bad);
        return std::nullopt;
      }
    }
    return Cell{value.dump()};
  }

  std::optional<Cell> object(const json& value, std::string& reason) const {
    if (options.from_csv && value.is_string()) {
      const json parsed = json::parse(value.get_ref<const std::string&>(), nullptr, false);
      if (parsed.is_object()) return Cell{parsed.dump()};
    } else if (value.is_object()) {
      try {
        return Cell{value.dump()};
      } catch (const json::type_error&) {
        reason = "invalid UTF-8";
        return std::nullopt;
      }
    }
    reason = "must be a JSON object" + got(value);
    return std::nullopt;
  }

  // The value as a cell of the field's kind, bounds checked.
  std::optional<Cell> convert(const FieldSpec& spec, const json& value, std::string& reason) const {
    std::optional<Cell> cell;
    switch (spec.kind) {
      case FieldKind::string:
        if (auto s = text(value, reason)) cell = Cell{std::move(*s)};
        break;
      case FieldKind::lower_string:
        if (auto s = text(value, reason)) cell = Cell{ascii_lower(*s)};
        break;
      case FieldKind::timestamp: cell = timestamp(value, reason); break;
      case FieldKind::integer: cell = integer(value, reason); break;
      case FieldKind::number: cell = number(value, reason); break;
      case FieldKind::boolean: cell = boolean(value, reason); break;
      case FieldKind::choice: cell = choice(spec, value, reason); break;
      case FieldKind::string_list: cell = string_list(value, reason); break;
      case FieldKind::object: cell = object(value, reason); break;
    }
    if (cell && !within_bounds(spec, *cell, value, reason)) return std::nullopt;
    return cell;
  }

private:
  // A whole CSV cell as a finite double ("1.5", "-2", "1e3"); nullopt otherwise.
  static std::optional<double> parse_csv_double(std::string_view cell) {
    double parsed = 0;
    const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), parsed);
    if (cell.empty() || ec != std::errc() || end != cell.data() + cell.size() || !std::isfinite(parsed))
      return std::nullopt;
    return parsed;
  }

  // "a; b;;c" -> ["a","b","c"]: items trimmed, empty items dropped.
  static std::optional<Cell> split_list(const std::string& cell, std::string& reason) {
    if (const auto bad = invalid_utf8_offset(cell)) {
      reason = utf8_reason(*bad);
      return std::nullopt;
    }
    json items = json::array();
    std::string_view rest = cell;
    while (true) {
      const auto semicolon = rest.find(';');
      const std::string_view item = trim(rest.substr(0, semicolon));
      if (!item.empty()) items.push_back(std::string(item));
      if (semicolon == std::string_view::npos) break;
      rest.remove_prefix(semicolon + 1);
    }
    return Cell{items.dump()};
  }

  static bool within_bounds(const FieldSpec& spec, const Cell& cell, const json& value, std::string& reason) {
    if (in_bounds(spec, cell)) return true;
    if (spec.min && spec.max)
      reason = "must be between " + format_number(*spec.min) + " and " + format_number(*spec.max);
    else if (spec.min)
      reason = "must be >= " + format_number(*spec.min);
    else
      reason = "must be <= " + format_number(*spec.max);
    reason += got(value);
    return false;
  }
};

// ---------------------------------------------------------------------------
// One record being validated.

struct Draft {
  const RecordType& type;
  const TypeIndex& index;
  std::vector<Cell> cells;
  std::vector<char> failed;  // per field: its value was unusable (no "required", no rule on it)
  std::vector<FieldError> errors;

  Draft(const RecordType& t, const TypeIndex& i) : type(t), index(i), cells(t.fields.size()), failed(t.fields.size(), 0) {}

  int at(std::string_view field) const { return index.at(field); }
  bool has(int i) const { return i >= 0 && !std::holds_alternative<std::monostate>(cells[static_cast<size_t>(i)]); }
  bool failed_at(int i) const { return i >= 0 && failed[static_cast<size_t>(i)] != 0; }
  const std::string& text(int i) const { return std::get<std::string>(cells[static_cast<size_t>(i)]); }
  std::int64_t integer(int i) const { return std::get<std::int64_t>(cells[static_cast<size_t>(i)]); }

  void fail(int i, std::string reason) {
    errors.push_back({std::string(type.fields[static_cast<size_t>(i)].name), std::move(reason)});
    failed[static_cast<size_t>(i)] = 1;
  }
  // Sets the field to `value` when it was not given (and not given wrongly).
  void set_default(std::string_view field, Cell value) {
    const int i = at(field);
    if (i >= 0 && !has(i) && !failed_at(i)) cells[static_cast<size_t>(i)] = std::move(value);
  }
};

Cell text_cell(const char* text) { return Cell{std::string(text)}; }
Cell int_cell(std::int64_t value) { return Cell{value}; }

void conversation_rules(Draft& d) {
  d.set_default("channel", text_cell("chat"));
  const int resolved_at = d.at("resolved_at"), resolved_by = d.at("resolved_by");
  if (d.has(resolved_at) && !d.has(resolved_by) && !d.failed_at(resolved_by))
    d.fail(resolved_by, "required when resolved_at is set");
  if (d.has(resolved_by) && !d.has(resolved_at) && !d.failed_at(resolved_at))
    d.fail(resolved_by, "given without resolved_at");
  const int started = d.at("started_at");
  if (!d.has(started)) return;
  for (const char* field : {"first_response_at", "resolved_at", "ended_at", "escalated_at"}) {
    const int i = d.at(field);
    if (d.has(i) && d.integer(i) < d.integer(started)) d.fail(i, "must not be before started_at");
  }
}

void message_rules(Draft& d) {
  const int direction = d.at("direction");
  if (d.has(direction)) d.set_default("author", text_cell(d.text(direction) == "inbound" ? "user" : "ai"));
}

void call_rules(Draft& d) {
  const int outcome_field = d.at("outcome");
  const std::string outcome = d.has(outcome_field) ? d.text(outcome_field) : std::string();
  d.set_default("duration_seconds", Cell{0.0});
  d.set_default("first_call_resolution", int_cell(outcome == "resolved" || outcome == "ticket_created"));
  d.set_default("tickets_created", int_cell(outcome == "ticket_created" ? 1 : 0));
  d.set_default("escalated", int_cell(outcome == "escalated"));
}

void feedback_rules(Draft& d) {
  for (const char* flag : {"incorrect_response", "too_slow", "unhelpful", "offensive"}) d.set_default(flag, int_cell(0));
  const int rating = d.at("rating"), rating_type = d.at("rating_type");
  if (!d.has(rating) || !d.has(rating_type)) return;
  const std::int64_t value = d.integer(rating);
  if (d.text(rating_type) == "thumbs" && value != -1 && value != 1)
    d.fail(rating, "Rating must be -1 (thumbs down) or 1 (thumbs up) for thumbs type");
  if (d.text(rating_type) == "stars" && (value < 1 || value > 5))
    d.fail(rating, "Rating must be between 1 and 5 for stars type");
}

// Defaults and cross-field checks of data-model.md, except defaults taken from
// the clock (see apply_clock_defaults).
void apply_type_rules(Draft& d) {
  d.set_default("tenant", text_cell("default"));
  switch (d.index.id) {
    case TypeId::conversation: conversation_rules(d); break;
    case TypeId::message: message_rules(d); break;
    case TypeId::call: call_rules(d); break;
    case TypeId::turn:
      d.set_default("guardrail_violations", int_cell(0));
      d.set_default("guardrail_blocked", int_cell(0));
      break;
    case TypeId::usage:
      d.set_default("cost_usd", Cell{0.0});
      d.set_default("cached", int_cell(0));
      d.set_default("error", int_cell(0));
      break;
    case TypeId::feedback: feedback_rules(d); break;
    case TypeId::lead: d.set_default("source", text_cell("unknown")); break;
    case TypeId::kb_article:
      d.set_default("published", int_cell(1));
      for (const char* count : {"views", "helpful", "not_helpful"}) d.set_default(count, int_cell(0));
      break;
    case TypeId::csat:
    case TypeId::event:
    case TypeId::other: break;
  }
}

// feedback created_at defaults to now. Applied after content_hash, so importing
// the same undated feedback again is "unchanged" and keeps its first created_at.
void apply_clock_defaults(Record& record, const TypeIndex& index, std::int64_t now_ms) {
  if (index.id != TypeId::feedback) return;
  const int created = index.at("created_at");
  if (record.is_null(created)) record.cells[static_cast<size_t>(created)] = Cell{now_ms};
}

// One pass over the object's keys: known fields into `slots`, unknown ones into
// `extra`, "type" skipped. feedback's `session_id` fills conversation_id.
void collect_fields(const json& object, Draft& d, std::vector<const json*>& slots, json& extra) {
  const json* session_alias = nullptr;
  for (auto it = object.begin(); it != object.end(); ++it) {
    const std::string& key = it.key();
    if (key == "type") continue;
    const int i = d.index.at(key);
    if (i >= 0)
      slots[static_cast<size_t>(i)] = &it.value();
    else if (d.index.id == TypeId::feedback && key == "session_id")
      session_alias = &it.value();
    else
      extra[key] = it.value();
  }
  if (session_alias == nullptr || session_alias->is_null()) return;
  const int conversation = d.index.at("conversation_id");
  const json*& slot = slots[static_cast<size_t>(conversation)];
  if (slot == nullptr || slot->is_null())
    slot = session_alias;
  else if (*slot != *session_alias)
    d.errors.push_back({"session_id", "conflicts with conversation_id" + got(*session_alias)});
}

// The unknown fields as a JSON object text with sorted keys, "" when none;
// nullopt (with an error recorded) when one holds invalid UTF-8.
std::optional<std::string> extra_text(const json& extra, Draft& d) {
  if (extra.empty()) return std::string();
  for (auto it = extra.begin(); it != extra.end(); ++it) {
    if (!it.value().is_string()) continue;
    if (const auto bad = invalid_utf8_offset(it.value().get_ref<const std::string&>())) {
      d.errors.push_back({it.key(), utf8_reason(*bad)});
      return std::nullopt;
    }
  }
  try {
    return extra.dump();
  } catch (const json::type_error&) {
    d.errors.push_back({"-", "invalid UTF-8 in an unknown field"});
    return std::nullopt;
  }
}

// Every field's value as a cell (`convert(spec, slot, reason)`, for the
// present ones: `present(slot)`), then the required ones and a non-empty id.
template <class Slot, class Present, class Convert>
void convert_fields(Draft& d, const std::vector<Slot>& slots, Present&& present, Convert&& convert) {
  for (size_t i = 0; i < slots.size(); ++i) {
    const FieldSpec& spec = d.type.fields[i];
    const int field = static_cast<int>(i);
    if (present(slots[i])) {
      std::string reason;
      if (auto cell = convert(spec, slots[i], reason))
        d.cells[i] = std::move(*cell);
      else
        d.fail(field, std::move(reason));
    }
    if (spec.required && !d.has(field) && !d.failed_at(field)) d.fail(field, "required");
  }
  if (d.has(0) && d.text(0).empty()) d.fail(0, "must not be empty");
}

// A valid record's content hash, then the defaults taken from the clock.
void seal(Record& record, const TypeIndex& index, std::int64_t now_ms) {
  record.content_hash = content_hash(record);
  apply_clock_defaults(record, index, now_ms);
}

Validation failure(std::string field, std::string reason) {
  Validation out;
  out.errors.push_back({std::move(field), std::move(reason)});
  return out;
}

// The type named by the object's "type" key and/or --type; nullptr with `reason` set.
const RecordType* record_type_of(const json& object, const RecordType* forced, std::string& reason) {
  const auto it = object.find("type");
  if (it == object.end() || it->is_null()) {
    if (forced == nullptr) reason = "required (or pass --type)";
    return forced;
  }
  if (!it->is_string()) {
    reason = "must be a string" + got(*it);
    return nullptr;
  }
  const std::string& name = it->get_ref<const std::string&>();
  if (invalid_utf8_offset(name)) {
    reason = "invalid UTF-8";
    return nullptr;
  }
  if (forced == nullptr) return resolve_record_type(name, &reason);
  if (find_record_type(name) == forced) return forced;
  reason = "'" + name + "' does not match --type " + std::string(forced->name);
  return nullptr;
}

// " (did you mean 'x'?)" for a mistyped record type, or "": a type the word
// begins ("feed"), else the nearest by edit distance ("mesage"), else the type
// sharing its first 4+ letters ("convo").
std::string type_hint(const std::string& word) {
  std::vector<std::string> names;
  for (const auto& t : record_types()) names.emplace_back(t.name);
  if (word.size() >= 3)
    for (const auto& candidate : names)
      if (candidate.starts_with(word)) return " (did you mean '" + candidate + "'?)";
  if (std::string hint = did_you_mean(word, names); !hint.empty()) return hint;
  std::size_t best = 3;
  std::string hint;
  for (const auto& candidate : names) {
    const auto mismatch = std::mismatch(word.begin(), word.end(), candidate.begin(), candidate.end());
    const auto common = static_cast<std::size_t>(mismatch.first - word.begin());
    if (common > best) {
      best = common;
      hint = " (did you mean '" + candidate + "'?)";
    }
  }
  return hint;
}

}  // namespace

// ---------------------------------------------------------------------------

RecordValidator::RecordValidator(ValidateOptions options)
    : m_options(options), m_now_ms(options.now_ms ? *options.now_ms : now_ms()) {}

Validation RecordValidator::validate(const json& object, const RecordType* forced) const {
  if (!object.is_object()) return failure("-", "expected a JSON object");
  std::string reason;
  const RecordType* type = record_type_of(object, forced, reason);
  if (type == nullptr) return failure("type", reason);
  return validate_as(object, *type);
}

Validation RecordValidator::validate_as(const json& object, const RecordType& type) const {
  if (!object.is_object()) return failure("-", "expected a JSON object");
  const TypeIndex& index = index_of(type);
  Draft d(type, index);
  std::vector<const json*> slots(type.fields.size(), nullptr);
  json extra = json::object();
  collect_fields(object, d, slots, extra);
  const Converter converter{m_options};
  convert_fields(
      d, slots, [](const json* value) { return value != nullptr && !value->is_null(); },
      [&converter](const FieldSpec& spec, const json* value, std::string& reason) {
        return converter.convert(spec, *value, reason);
      });
  apply_type_rules(d);
  std::optional<std::string> extra_json = extra_text(extra, d);

  Validation out;
  if (!d.errors.empty()) {
    out.errors = std::move(d.errors);
    return out;
  }
  Record record{&type, std::move(d.cells), std::move(*extra_json), {}};
  if (record.is_null(0)) record.cells[0] = Cell{hashed_id(object)};
  seal(record, index, m_now_ms);
  out.record = std::move(record);
  return out;
}

const RecordType* resolve_record_type(std::string_view name, std::string* error) {
  if (const RecordType* type = find_record_type(name)) return type;
  if (error == nullptr) return nullptr;
  *error = "unknown record type '" + std::string(name) + "'" + type_hint(ascii_lower(name));
  return nullptr;
}

std::string hashed_id(const json& object) {
  // Streams what object.dump() would print without "type", without copying the object.
  Sha256 hasher;
  hasher.update("{");
  bool first = true;
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (it.key() == "type") continue;
    if (!first) hasher.update(",");
    first = false;
    hasher.update(json(it.key()).dump());
    hasher.update(":");
    hasher.update(it.value().dump());
  }
  hasher.update("}");
  return hasher.hex_digest();
}

std::optional<std::size_t> invalid_utf8_offset(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    std::uint64_t word;  // ASCII (nearly every byte of real data) eight bytes at a time
    while (i + sizeof word <= n && (std::memcpy(&word, s + i, sizeof word), (word & 0x8080808080808080ULL) == 0))
      i += sizeof word;
    if (i == n) break;
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t min = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) { length = 2; min = 0x80; cp = c & 0x1Fu; }
    else if ((c & 0xF0) == 0xE0) { length = 3; min = 0x800; cp = c & 0x0Fu; }
    else if ((c & 0xF8) == 0xF0) { length = 4; min = 0x10000; cp = c & 0x07u; }
    else return i;
    if (i + length > n) return i;
    for (std::size_t k = 1; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += length;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// The fast path of NDJSON lines (LineValidator).

namespace {

// A value as simdjson read it; strings point into the parser's buffer (valid
// until the next line).
struct LineValue {
  enum class Kind : std::uint8_t { null, boolean, integer, floating, string, list };
  Kind kind = Kind::null;
  bool boolean = false;
  std::int64_t integer = 0;
  double floating = 0;
  std::string_view text;  // a string, or a list as nlohmann::json::dump() prints it
};

struct LineEntry {
  std::string_view key;
  LineValue value;
};

// Whether `text` is printed by nlohmann::json::dump() as itself between
// quotes: no quote, backslash or control byte (those are escaped).
bool dumps_verbatim(std::string_view text) {
  for (const char c : text)
    if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return false;
  return true;
}

// Whether `text` holds a byte below 0x20: nlohmann rejects those inside
// strings, so such a line goes the general way to be told why.
bool has_control_byte(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

// The cell the general path's Converter gives for `value` (NDJSON, not CSV),
// or nullopt wherever it would need more than this: an error, a number as
// text, an object.
std::optional<Cell> line_cell(const FieldSpec& spec, const LineValue& value, const ValidateOptions& options) {
  using Kind = LineValue::Kind;
  std::optional<Cell> cell;
  switch (spec.kind) {
    case FieldKind::string:
      if (value.kind == Kind::string) cell = Cell{std::string(value.text)};
      break;
    case FieldKind::lower_string:
      if (value.kind == Kind::string) cell = Cell{ascii_lower(value.text)};
      break;
    case FieldKind::timestamp:
      if (value.kind == Kind::string)
        if (const auto ms = parse_timestamp(value.text, options.assume_tz, nullptr)) cell = Cell{*ms};
      break;
    case FieldKind::integer:
      if (value.kind == Kind::integer) cell = Cell{value.integer};
      else if (value.kind == Kind::floating)
        if (const auto whole = integral(value.floating)) cell = Cell{*whole};
      break;
    case FieldKind::number:
      if (value.kind == Kind::integer) cell = Cell{static_cast<double>(value.integer)};
      else if (value.kind == Kind::floating) cell = Cell{value.floating};
      break;
    case FieldKind::boolean:
      if (value.kind == Kind::boolean) cell = Cell{std::int64_t{value.boolean ? 1 : 0}};
      break;
    case FieldKind::choice:
      if (value.kind == Kind::string)
        for (const auto& choice : spec.choices)
          if (value.text == choice) cell = Cell{std::string(value.text)};
      break;
    case FieldKind::string_list:
      if (value.kind == Kind::list) cell = Cell{std::string(value.text)};
      break;
    case FieldKind::object: break;
  }
  if (cell && !in_bounds(spec, *cell)) return std::nullopt;
  return cell;
}

}  // namespace

struct LineValidator::Impl {
  const RecordValidator& validator;
  simdjson::dom::parser parser;
  std::vector<LineEntry> entries;
  // The dump() texts of list values, by entry; a deque, so growing it keeps
  // the texts the earlier entries point at where they are.
  std::deque<std::string> lists;
  std::vector<const LineValue*> slots;

  explicit Impl(const RecordValidator& v) : validator(v) {}

  // Reads one value; false for anything the fast path leaves alone.
  bool read_value(simdjson::dom::element value, LineValue& out, std::size_t entry) {
    using Kind = LineValue::Kind;
    switch (value.type()) {
      case simdjson::dom::element_type::NULL_VALUE: out.kind = Kind::null; return true;
      case simdjson::dom::element_type::BOOL:
        out.kind = Kind::boolean;
        return value.get_bool().get(out.boolean) == simdjson::SUCCESS;
      case simdjson::dom::element_type::STRING:
        out.kind = Kind::string;
        // simdjson checks the input's UTF-8, not what escapes decode to (a lone \ud800)
        return value.get_string().get(out.text) == simdjson::SUCCESS && !invalid_utf8_offset(out.text);
      case simdjson::dom::element_type::INT64:
        out.kind = Kind::integer;
        return value.get_int64().get(out.integer) == simdjson::SUCCESS;
      case simdjson::dom::element_type::DOUBLE:
        out.kind = Kind::floating;
        return value.get_double().get(out.floating) == simdjson::SUCCESS && std::isfinite(out.floating);
      case simdjson::dom::element_type::ARRAY: {
        if (lists.size() <= entry) lists.resize(entry + 1);
        std::string& text = lists[entry];
        text.assign(1, '[');
        simdjson::dom::array array;
        if (value.get_array().get(array) != simdjson::SUCCESS) return false;
        for (const simdjson::dom::element element : array) {
          std::string_view item;
          if (element.get_string().get(item) != simdjson::SUCCESS || !dumps_verbatim(item) ||
              invalid_utf8_offset(item))
            return false;
          if (text.size() > 1) text += ',';
          text.append(1, '"').append(item).append(1, '"');
        }
        text += ']';
        out.kind = Kind::list;
        out.text = text;
        return true;
      }
      case simdjson::dom::element_type::UINT64:  // above INT64_MAX: the general path words it
      case simdjson::dom::element_type::OBJECT: return false;
    }
    return false;
  }

  // The line's members in order; false when the line is not an object the fast path reads.
  bool read_members(std::string& line) {
    entries.clear();
    if (has_control_byte(line)) return false;
    line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
    simdjson::dom::object object;
    if (parser.parse(line.data(), line.size(), false).get(object) != simdjson::SUCCESS) return false;
    for (const simdjson::dom::key_value_pair member : object) {
      LineEntry& entry = entries.emplace_back();
      entry.key = member.key;
      if (!read_value(member.value, entry.value, entries.size() - 1)) return false;
    }
    return true;
  }
};

LineValidator::LineValidator(const RecordValidator& validator) : m_impl(std::make_unique<Impl>(validator)) {}
LineValidator::~LineValidator() = default;

std::optional<Record> LineValidator::try_line(std::string& line, const RecordType* forced) {
  Impl& m = *m_impl;
  if (m.validator.m_options.from_csv || !m.read_members(line)) return std::nullopt;  // CSV cells are coerced
  // The type, as record_type_of() finds it for a valid object.
  const RecordType* type = forced;
  const LineEntry* type_entry = nullptr;
  for (const LineEntry& e : m.entries)
    if (e.key == "type") {
      if (type_entry != nullptr) return std::nullopt;  // a key given twice: the general path keeps the last
      type_entry = &e;
    }
  if (type_entry != nullptr && type_entry->value.kind != LineValue::Kind::null) {
    if (type_entry->value.kind != LineValue::Kind::string) return std::nullopt;
    const RecordType* named = find_record_type(type_entry->value.text);
    if (named == nullptr || (forced != nullptr && named != forced)) return std::nullopt;
    type = named;
  }
  if (type == nullptr) return std::nullopt;

  const TypeIndex& index = index_of(*type);
  Draft d(*type, index);
  m.slots.assign(type->fields.size(), nullptr);
  for (const LineEntry& e : m.entries) {
    if (&e == type_entry) continue;
    const int i = index.at(e.key);
    if (i < 0) return std::nullopt;  // unknown (extra), or feedback's session_id
    const LineValue*& slot = m.slots[static_cast<std::size_t>(i)];
    if (slot != nullptr) return std::nullopt;  // given twice
    slot = &e.value;
  }
  const ValidateOptions& options = m.validator.m_options;
  convert_fields(
      d, m.slots, [](const LineValue* value) { return value != nullptr && value->kind != LineValue::Kind::null; },
      [&options](const FieldSpec& spec, const LineValue* value, std::string& reason) {
        std::optional<Cell> cell = line_cell(spec, *value, options);
        if (!cell) reason = "-";  // not worded here: the general path will
        return cell;
      });
  apply_type_rules(d);
  if (!d.errors.empty() || !d.has(0)) return std::nullopt;  // an error; an absent id is hashed from the tree
  Record record{type, std::move(d.cells), std::string(), {}};
  seal(record, index, m.validator.m_now_ms);
  return record;
}

}  // namespace convstat::core
