#pragma once
// Streaming readers for `convstat import`: NDJSON, JSON and CSV files, plain
// or gzip-compressed, or standard input ("-"), yielding one object per record
// with the line where it starts.
//
// Memory: NDJSON and CSV are read line by line through a fixed buffer, so
// memory stays bounded by the longest record whatever the file size. A JSON
// document (array or {"records": [...]}) is read whole into memory - its text,
// not its parsed tree: elements are located by a structural scan and parsed one
// at a time.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/import/validate.hpp"

namespace convstat::core {

enum class InputFormat { ndjson, json, csv };

// "ndjson" (or "jsonl"), "json" or "csv". Throws UsageError otherwise.
InputFormat parse_input_format(std::string_view name);
std::string_view format_name(InputFormat format);

// The format named by the file's extension once a ".gz" suffix is stripped
// (.ndjson/.jsonl, .json, .csv; any case); nullopt for other names and "-".
std::optional<InputFormat> format_from_extension(std::string_view path);

// The format to read `path` with: `override` when given, else its extension;
// nullopt for "-" without override (the content is sniffed by open_source).
// Throws UsageError for any other name without an override.
std::optional<InputFormat> resolve_input_format(const std::string& path, std::optional<InputFormat> override);

// Throws UsageError("cannot open 'x.csv': No such file or directory") unless
// `path` can be opened for reading as a file ("-" always can).
void check_readable(const std::string& path);

// How an input is named in messages: the path as given, "<stdin>" for "-".
std::string display_name(const std::string& path);

// One record of an input, or why its text is not one.
struct SourceItem {
  std::int64_t line = 0;   // 1-based line where the record starts (CSV: the row's first line)
  std::string raw;         // the record's text as read: an NDJSON line, a JSON array element, a CSV row (no line break)
  nlohmann::json object;   // the parsed object; CSV: header name -> cell text, empty cells left out
  std::optional<FieldError> error;  // set (field "-") when the text is not a record: invalid JSON, not an object, bad CSV row
  // Set by RecordSource::next_text() when only `raw` was read: `object` and
  // `error` are not yet set (parse_item() sets them).
  bool unparsed = false;
};

// Parses an unparsed item's text into item.object, or sets item.error (invalid
// UTF-8, invalid JSON, not an object), as next() does.
void parse_item(SourceItem& item);

// A stream of SourceItems from one input.
class RecordSource {
public:
  virtual ~RecordSource() = default;
  // Reads the next item into `item`; false at the end of the input. Throws
  // DataError when the input cannot be read any further: corrupt or truncated
  // gzip, a read error, a JSON document whose structure is broken, a bad CSV header.
  virtual bool next(SourceItem& item) = 0;
  // As next(), but a source whose records are JSON texts (NDJSON) may leave
  // the item unparsed (item.unparsed), for a caller that reads the text
  // itself and parses only what it cannot read (LineValidator).
  virtual bool next_text(SourceItem& item) { return next(item); }
  virtual InputFormat format() const = 0;
  // Bytes of the file consumed so far (compressed bytes for gzip input).
  virtual std::uint64_t bytes_read() const = 0;
  // The file's size; nullopt when unknown (a pipe).
  virtual std::optional<std::uint64_t> total_bytes() const = 0;
};

// Opens `path` ("-" = standard input) in the format of resolve_input_format();
// standard input without a format is read as JSON when its first non-blank byte
// is '[', as NDJSON otherwise. Gzip input is recognised by its magic bytes
// (whatever its name) and decompressed. Throws UsageError when the file cannot
// be opened or its format cannot be told.
std::unique_ptr<RecordSource> open_source(const std::string& path, std::optional<InputFormat> format);

}  // namespace convstat::core
