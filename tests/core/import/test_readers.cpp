#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/import/readers.hpp"
#include "tests/core/import/import_fixtures.hpp"
#include "tests/support/temp_dir.hpp"

using namespace convstat::core;
using convstat::testing::TempDir;
using convstat::testing::write_gzip;
using convstat::testing::write_text;
using json = nlohmann::json;

namespace {

std::vector<SourceItem> read_items(const std::string& path, std::optional<InputFormat> format = std::nullopt) {
  const auto source = open_source(path, format);
  std::vector<SourceItem> items;
  SourceItem item;
  while (source->next(item)) items.push_back(item);
  return items;
}

// The DataError message reading `path` throws; "" when it reads fine.
std::string read_error(const std::string& path) {
  try {
    read_items(path);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

std::string error_of(const SourceItem& item) {
  return item.error ? item.error->field + ": " + item.error->reason : "";
}

}  // namespace

// ---- formats and opening -----------------------------------------------------------

TEST_CASE("readers: the format comes from the extension, .gz stripped", "[import]") {
  CHECK(format_from_extension("a.ndjson") == InputFormat::ndjson);
  CHECK(format_from_extension("a.JSONL") == InputFormat::ndjson);
  CHECK(format_from_extension("dir.v2/a.json.gz") == InputFormat::json);
  CHECK(format_from_extension("a.csv.gz") == InputFormat::csv);
  CHECK_FALSE(format_from_extension("a.txt"));
  CHECK_FALSE(format_from_extension("a.gz"));
  CHECK_FALSE(format_from_extension("-"));
  CHECK(resolve_input_format("a.txt", InputFormat::csv) == InputFormat::csv);
  CHECK(resolve_input_format("a.csv", InputFormat::ndjson) == InputFormat::ndjson);
  CHECK_FALSE(resolve_input_format("-", std::nullopt));
  CHECK_THROWS_WITH(resolve_input_format("a.txt", std::nullopt), "cannot tell the format of 'a.txt' from its name");
  CHECK(parse_input_format("jsonl") == InputFormat::ndjson);
  CHECK_THROWS_WITH(parse_input_format("xml"), "unknown input format 'xml' (expected ndjson, json or csv)");
}

TEST_CASE("readers: a missing file or a folder is a usage error naming it", "[import]") {
  TempDir dir;
  const std::string missing = dir.file("none.csv");
  CHECK_THROWS_AS(open_source(missing, std::nullopt), UsageError);
  CHECK_THROWS_WITH(open_source(missing, std::nullopt), "cannot open '" + missing + "': No such file or directory");
  CHECK_THROWS_WITH(check_readable(missing), "cannot open '" + missing + "': No such file or directory");
  CHECK_THROWS_WITH(open_source(dir.path().string(), InputFormat::json),
                    "cannot open '" + dir.path().string() + "': Is a directory");
}

TEST_CASE("readers: '-' reads standard input, as JSON when it starts with '['", "[import]") {
  TempDir dir;
  auto read_stdin = [&](const std::string& text) {
    write_text(dir.file("in"), text);
    const int saved = ::dup(STDIN_FILENO);
    const int fd = ::open(dir.file("in").c_str(), O_RDONLY);
    ::dup2(fd, STDIN_FILENO);
    ::close(fd);
    std::vector<SourceItem> items;
    std::optional<InputFormat> format;
    try {
      const auto source = open_source("-", std::nullopt);
      format = source->format();
      SourceItem item;
      while (source->next(item)) items.push_back(item);
    } catch (...) {
      ::dup2(saved, STDIN_FILENO);
      ::close(saved);
      throw;
    }
    ::dup2(saved, STDIN_FILENO);
    ::close(saved);
    return std::make_pair(format, items);
  };
  const auto [json_format, json_items] = read_stdin("  \n[{\"a\":1},\n{\"a\":2}]");
  CHECK(json_format == InputFormat::json);
  REQUIRE(json_items.size() == 2);
  CHECK(json_items[1].line == 3);
  const auto [ndjson_format, ndjson_items] = read_stdin("{\"a\":1}\n{\"a\":2}\n");
  CHECK(ndjson_format == InputFormat::ndjson);
  CHECK(ndjson_items.size() == 2);
  CHECK(display_name("-") == "<stdin>");
}

// ---- NDJSON ----------------------------------------------------------------------------

TEST_CASE("readers: NDJSON yields one object per line, blank lines skipped", "[import]") {
  TempDir dir;
  const std::string path = dir.file("x.ndjson");
  write_text(path, "{\"a\":1}\n\n   \n{\"b\":2}\r\n{bad\n[1]\n{\"c\":3}");
  const auto items = read_items(path);
  REQUIRE(items.size() == 5);
  CHECK(items[0].line == 1);
  CHECK(items[0].object == json{{"a", 1}});
  CHECK(items[1].line == 4);
  CHECK(items[1].raw == "{\"b\":2}");
  CHECK_FALSE(items[1].error);
  CHECK(items[2].line == 5);
  CHECK(error_of(items[2]) ==
        "-: invalid JSON: syntax error while parsing object key - invalid literal; last read: '{b'; expected string literal");
  CHECK(items[2].raw == "{bad");
  CHECK(items[3].line == 6);
  CHECK(error_of(items[3]) == "-: expected a JSON object (got array)");
  CHECK(items[4].line == 7);  // no final line break
  CHECK(items[4].object == json{{"c", 3}});
}

TEST_CASE("readers: NDJSON with invalid UTF-8 is an error for that line only", "[import]") {
  TempDir dir;
  const std::string path = dir.file("x.jsonl");
  write_text(path, "{\"a\":\"\xff\"}\n{\"a\":\"ok\"}\n");
  const auto items = read_items(path);
  REQUIRE(items.size() == 2);
  CHECK(error_of(items[0]) == "-: invalid UTF-8 (byte 6)");
  CHECK_FALSE(items[1].error);
}

TEST_CASE("readers: progress bytes reach the file size", "[import]") {
  TempDir dir;
  const std::string path = dir.file("x.ndjson");
  const std::string text = "{\"a\":1}\n{\"a\":2}\n";
  write_text(path, text);
  const auto source = open_source(path, std::nullopt);
  CHECK(source->total_bytes() == std::optional<std::uint64_t>(text.size()));
  SourceItem item;
  while (source->next(item)) {}
  CHECK(source->bytes_read() == text.size());
}

// ---- JSON ---------------------------------------------------------------------------------

TEST_CASE("readers: JSON array elements carry the line where they start", "[import]") {
  TempDir dir;
  const std::string path = dir.file("x.json");
  write_text(path,
             "[\n"
             "  {\"id\": \"a\",\n"
             "   \"x\": [1, 2]},\n"
             "  {\"id\": \"b\"},\n"
             "\n"
             "  {\"id\": \"c\", \"s\": \"with ] and \\\" and {\"}, 7\n"
             "]\n");
  const auto items = read_items(path);
  REQUIRE(items.size() == 4);
  CHECK(items[0].line == 2);
  CHECK(items[0].raw == "{\"id\": \"a\",\n   \"x\": [1, 2]}");
  CHECK(items[0].object["x"] == json{1, 2});
  CHECK(items[1].line == 4);
  CHECK(items[2].line == 6);
  CHECK(items[2].object["s"] == "with ] and \" and {");
  CHECK(items[3].line == 6);
  CHECK(error_of(items[3]) == "-: expected a JSON object (got number)");
}

TEST_CASE("readers: JSON {\"records\": [...]} is read like an array", "[import]") {
  TempDir dir;
  const std::string path = dir.file("x.json");
  write_text(path, "{\"meta\": {\"n\": [1, \"]\"]},\n \"records\": [\n  {\"id\": \"a\"}\n ], \"more\": 1}\n");
  const auto items = read_items(path);
  REQUIRE(items.size() == 1);
  CHECK(items[0].line == 3);
  CHECK(items[0].object == json{{"id", "a"}});
}

TEST_CASE("readers: an empty JSON array yields nothing", "[import]") {
  TempDir dir;
  write_text(dir.file("x.json"), " [ ] \n");
  CHECK(read_items(dir.file("x.json")).empty());
}

TEST_CASE("readers: a JSON element that is not valid JSON is an error for that element", "[import]") {
  TempDir dir;
  write_text(dir.file("x.json"), "[{\"a\": tru},\n {\"a\": true}]");
  const auto items = read_items(dir.file("x.json"));
  REQUIRE(items.size() == 2);
  CHECK(error_of(items[0]).rfind("-: invalid JSON: ", 0) == 0);
  CHECK(items[1].line == 2);
  CHECK(items[1].object == json{{"a", true}});
}

TEST_CASE("readers: a JSON document with broken structure is a data error with its line", "[import]") {
  TempDir dir;
  const std::string path = dir.file("x.json");
  write_text(path, "[{\"id\":\"a\"}\n {\"id\":\"b\"}]");
  CHECK(read_error(path) == path + ":2: invalid JSON: expected ',' or ']' after an element");
  write_text(path, "[]\nx");
  CHECK(read_error(path) == path + ":2: invalid JSON: unexpected text after the array");
  write_text(path, "[\n{\"id\":\"a\"");
  CHECK(read_error(path) == path + ":2: invalid JSON: unexpected end of input inside an element");
  write_text(path, "[{\"id\":\"a\"},\n]");
  CHECK(read_error(path) == path + ":2: invalid JSON: trailing ',' before ']'");
  write_text(path, "{\"id\":\"a\"}");
  CHECK(read_error(path) == path + ":1: invalid JSON: no \"records\" array in the object");
  write_text(path, "");
  CHECK(read_error(path) == path + ":1: invalid JSON: expected an array of records or {\"records\": [...]}");
}

// ---- CSV ------------------------------------------------------------------------------------

TEST_CASE("readers: CSV quoting - commas, quotes and line breaks in cells", "[import]") {
  TempDir dir;
  const std::string path = dir.file("x.csv");
  write_text(path,
             "id,subject,started_at\n"
             "1,\"Hello, world\",2026-03-02T09:15:00Z\n"
             "2,\"She said \"\"hi\"\"\n"
             "and left\",\n"
             "3,plain,\n");
  const auto items = read_items(path);
  REQUIRE(items.size() == 3);
  CHECK(items[0].line == 2);
  CHECK(items[0].object == json{{"id", "1"}, {"subject", "Hello, world"}, {"started_at", "2026-03-02T09:15:00Z"}});
  CHECK(items[1].line == 3);
  CHECK(items[1].object == json{{"id", "2"}, {"subject", "She said \"hi\"\nand left"}});  // empty cell: absent
  CHECK(items[1].raw == "2,\"She said \"\"hi\"\"\nand left\",");
  CHECK(items[2].line == 5);  // the row after the two-line row
  CHECK(items[2].raw == "3,plain,");
}

TEST_CASE("readers: CSV with CRLF line breaks, a BOM and blank lines", "[import]") {
  TempDir dir;
  const std::string path = dir.file("x.csv");
  write_text(path, "\xEF\xBB\xBF" "a,b\r\n\r\n1,\"2\"\r\n\r\n3,4\r\n");
  const auto items = read_items(path);
  REQUIRE(items.size() == 2);
  CHECK(items[0].line == 3);
  CHECK(items[0].object == json{{"a", "1"}, {"b", "2"}});
  CHECK(items[0].raw == "1,\"2\"");
  CHECK(items[1].line == 5);
  CHECK(items[1].object == json{{"a", "3"}, {"b", "4"}});
}

TEST_CASE("readers: a CSV row with the wrong number of cells is an error for that row", "[import]") {
  TempDir dir;
  write_text(dir.file("x.csv"), "a,b\n1,2,3\n4,5\n");
  const auto items = read_items(dir.file("x.csv"));
  REQUIRE(items.size() == 2);
  CHECK(error_of(items[0]) == "-: row has 3 cells, the header has 2");
  CHECK_FALSE(items[1].error);
}

TEST_CASE("readers: malformed CSV quoting is an error for that row", "[import]") {
  TempDir dir;
  write_text(dir.file("x.csv"), "a,b\n1,\"2\"x\n3,4\n5,\"never closed\n6,7\n");
  const auto items = read_items(dir.file("x.csv"));
  REQUIRE(items.size() == 3);
  CHECK(error_of(items[0]) == "-: malformed CSV: text after the closing quote in column 2");
  CHECK(items[1].line == 3);
  CHECK(items[2].line == 4);
  CHECK(error_of(items[2]) == "-: malformed CSV: unterminated quoted cell in column 2");
}

TEST_CASE("readers: a bad CSV header is a data error", "[import]") {
  TempDir dir;
  const std::string path = dir.file("x.csv");
  write_text(path, "a,b,a\n1,2,3\n");
  CHECK(read_error(path) == path + ":1: header: duplicate column 'a'");
  write_text(path, "\n\na,,c\n");
  CHECK(read_error(path) == path + ":3: header: column 2 has no name");
  write_text(path, "");
  CHECK(read_items(path).empty());
}

// ---- gzip -------------------------------------------------------------------------------------

TEST_CASE("readers: gzip input by suffix or by magic bytes", "[import]") {
  TempDir dir;
  write_gzip(dir.file("x.ndjson.gz"), "{\"a\":1}\n{\"a\":2}\n");
  auto items = read_items(dir.file("x.ndjson.gz"));
  REQUIRE(items.size() == 2);
  CHECK(items[1].line == 2);
  CHECK(items[1].object == json{{"a", 2}});

  write_gzip(dir.file("compressed.json"), "[\n{\"a\":1}]");  // gzip under a plain name
  items = read_items(dir.file("compressed.json"));
  REQUIRE(items.size() == 1);
  CHECK(items[0].line == 2);

  write_gzip(dir.file("x.csv.gz"), "a\n\"x\ny\"\n");
  items = read_items(dir.file("x.csv.gz"));
  REQUIRE(items.size() == 1);
  CHECK(items[0].object == json{{"a", "x\ny"}});
}

TEST_CASE("readers: a truncated gzip file is a data error", "[import]") {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "{\"n\":" + std::to_string(i * 7919) + "}\n";
  write_gzip(dir.file("full.ndjson.gz"), text);
  const std::string compressed = convstat::testing::read_text(dir.file("full.ndjson.gz"));
  const std::string path = dir.file("cut.ndjson.gz");
  write_text(path, compressed.substr(0, compressed.size() / 2));
  CHECK(read_error(path).rfind("cannot read '" + path + "': ", 0) == 0);
}
