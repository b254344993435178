#pragma once
// Validation of one input object against spec/data-model.md: JSON object in,
// canonical Record (or the list of what is wrong with it) out. Used by
// `import` and by connectors that build JSON objects from a vendor's data.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/records/record_hash.hpp"
#include "core/records/schema.hpp"

namespace convstat::core {

class TimeZone;

// One reason a record is invalid. `field` is the input key ("started_at"),
// "type", or "-" when the problem is not one field's (not JSON, bad CSV row).
struct FieldError {
  std::string field;
  std::string reason;
};

struct ValidateOptions {
  // --assume-tz: the zone of timestamps written without a UTC offset (nullptr: such
  // a timestamp is an error). Must outlive the validator.
  const TimeZone* assume_tz = nullptr;
  // Values are CSV cells (strings), coerced per FieldKind: integers and numbers
  // parsed, booleans true/false/1/0/yes/no (any case), string lists ';'-separated,
  // objects as JSON text.
  bool from_csv = false;
  // "Now" for defaulted timestamps (feedback created_at), epoch ms; unset: the
  // clock when the validator is constructed (one value for a whole import).
  std::optional<std::int64_t> now_ms;
};

// The outcome of validating one object: a record when `errors` is empty.
struct Validation {
  std::optional<Record> record;
  std::vector<FieldError> errors;
  bool ok() const { return errors.empty(); }
};

// Validates objects of any record type. Cheap to call per record: fields are
// looked up by one pass over the object's keys (hash lookups), never by search.
class RecordValidator {
public:
  explicit RecordValidator(ValidateOptions options = {});

  // The record type comes from the object's "type" key, or is `forced` (--type);
  // with both, a "type" naming another type is an error. "type" is never stored.
  Validation validate(const nlohmann::json& object, const RecordType* forced = nullptr) const;
  // Validates `object` as a record of `type`, ignoring any "type" key.
  Validation validate_as(const nlohmann::json& object, const RecordType& type) const;

private:
  friend class LineValidator;
  ValidateOptions m_options;
  std::int64_t m_now_ms;
};

// The fast path of NDJSON import: one line's text straight to its record,
// without a JSON tree (simdjson reads the text in place), for the lines that
// need none of the general path's care. A line takes it when it is one JSON
// object whose keys are all fields of its type, each given once, and whose
// values are all usable as they are (strings for text and timestamps, numbers
// for numbers, arrays of plain strings for lists), with no error of any kind.
// Any other line - an unknown key (kept in extra), an absent optional id (a
// hashed id), feedback's session_id, an object value, a number where text is
// expected, any error - gets nullopt, and the caller takes the general path
// (parse, RecordValidator::validate), which also words the errors. Where it
// gives a record, it is the one validate() gives for the parsed line, cell for
// cell, extra and content hash included (tests/core/import compare the two).
// One per thread: it holds the parser's buffers.
class LineValidator {
public:
  explicit LineValidator(const RecordValidator& validator);
  ~LineValidator();
  LineValidator(const LineValidator&) = delete;
  LineValidator& operator=(const LineValidator&) = delete;

  // `line`: one NDJSON line without its line break. Its capacity may grow
  // (the parser reads a few bytes past the end); its text does not change.
  std::optional<Record> try_line(std::string& line, const RecordType* forced = nullptr);

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// The record type named `name` (singular or plural); nullptr with `error` set to
// "unknown record type 'convo' (did you mean 'conversation'?)" otherwise.
const RecordType* resolve_record_type(std::string_view name, std::string* error);

// The id given to a record whose optional id is absent: hex SHA-256 of the input
// object serialized with sorted keys and no whitespace - exactly what
// nlohmann::json::dump() prints for the object without its "type" key (keys are
// sorted because nlohmann::json objects are std::maps). Values count exactly as
// written ("1" != 1 != 1.0), so only exact duplicates share an id.
// Throws nlohmann::json::type_error for invalid UTF-8 (validate first).
std::string hashed_id(const nlohmann::json& object);

// Byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates
// and code points above U+10FFFF are invalid), or nullopt when `text` is valid.
std::optional<std::size_t> invalid_utf8_offset(std::string_view text);

}  // namespace convstat::core
