#include "connectors/postgres.hpp"

#include <libpq-fe.h>

#include <chrono>
#include <memory>
#include <vector>

#include "connectors/stream.hpp"
#include "core/error.hpp"
#include "core/import/validate.hpp"

namespace convstat::connectors {
namespace {

// PostgreSQL type oids (pg_type.dat) that map onto JSON other than strings.
constexpr Oid k_bool = 16, k_int8 = 20, k_int2 = 21, k_int4 = 23, k_oid = 26, k_json = 114, k_float4 = 700,
              k_float8 = 701, k_text_array = 1009, k_varchar_array = 1015, k_timestamp = 1114,
              k_timestamptz = 1184, k_numeric = 1700, k_jsonb = 3802;

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

// One libpq connection in the UTC zone with ISO dates; errors never carry the
// connection string or its password.
class Connection {
public:
  Connection(const BackendSpec& backend, const EnvLookup& env)
      : m_backend(backend.name), m_dsn(resolve_secret(backend, "dsn", env)) {
    char* parse_error = nullptr;
    PQconninfoOption* options = PQconninfoParse(m_dsn.c_str(), &parse_error);
    if (options == nullptr) {
      PQfreemem(parse_error);  // libpq's message quotes the string: not shown
      throw core::BackendError("backend '" + m_backend + "': the connection string is not valid libpq syntax",
                               "check the variable named by dsn_env (its value is never printed)");
    }
    for (PQconninfoOption* o = options; o->keyword != nullptr; ++o)
      if (std::string_view(o->keyword) == "password" && o->val != nullptr) m_password = o->val;
    PQconninfoFree(options);
    const std::string timeout = backend.get("timeout_s").value_or("10");
    const char* keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
    const char* values[] = {m_dsn.c_str(), timeout.c_str(), "convstat", nullptr};
    m_conn.reset(PQconnectdbParams(keys, values, 1));  // owned before anything can throw
    if (m_conn == nullptr || PQstatus(m_conn.get()) != CONNECTION_OK) fail("cannot connect");
    exec("SET TimeZone = 'UTC'");
    exec("SET DateStyle = 'ISO, YMD'");
    exec("SET extra_float_digits = 3");
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  ResultPtr exec(const std::string& sql, const std::vector<std::string>& params = {}) {
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p.c_str());
    ResultPtr result(PQexecParams(m_conn.get(), sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                  nullptr, nullptr, 0),
                     &PQclear);
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail("query failed");
    return result;
  }
  int server_version() const { return PQserverVersion(m_conn.get()); }

private:
  [[noreturn]] void fail(const std::string& what) const {
    std::string message = m_conn != nullptr ? PQerrorMessage(m_conn.get()) : "out of memory";
    for (char& c : message)
      if (c == '\n' || c == '\t') c = ' ';
    while (!message.empty() && message.back() == ' ') message.pop_back();
    for (std::size_t at; (at = message.find("  ")) != std::string::npos;) message.erase(at, 1);
    message = scrub(scrub(message, m_dsn), m_password);
    throw core::BackendError("backend '" + m_backend + "' (postgres): " + what + ": " + message);
  }

  std::string m_backend, m_dsn, m_password;
  std::unique_ptr<PGconn, decltype(&PQfinish)> m_conn{nullptr, &PQfinish};
};

// "{a,\"b c\",NULL}" -> ["a", "b c"].
nlohmann::json parse_text_array(std::string_view text) {
  nlohmann::json out = nlohmann::json::array();
  if (text.size() < 2) return out;
  text = text.substr(1, text.size() - 2);
  std::string item;
  bool quoted = false, was_quoted = false;
  const auto flush = [&] {
    if (was_quoted || item != "NULL") out.push_back(item);
    item.clear();
    was_quoted = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted && c == '\\' && i + 1 < text.size()) item += text[++i];
    else if (c == '"') quoted = !quoted, was_quoted = true;
    else if (c == ',' && !quoted) flush();
    else item += c;
  }
  if (!text.empty()) flush();
  return out;
}

nlohmann::json cell_json(Oid type, const char* value, int length) {
  const std::string_view text(value, static_cast<std::size_t>(length));
  switch (type) {
    case k_bool: return text == "t";
    case k_int2: case k_int4: case k_int8: case k_oid: case k_float4: case k_float8: case k_numeric:
    case k_json: case k_jsonb: {
      nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
      return parsed.is_discarded() ? nlohmann::json(std::string(text)) : parsed;
    }
    case k_timestamp: case k_timestamptz: return pg_timestamp_to_rfc3339(text);
    case k_text_array: case k_varchar_array: return parse_text_array(text);
    default: return std::string(text);
  }
}

std::string quote_identifier(const std::string& name) { return "\"" + name + "\""; }

struct Stream {
  const core::RecordType* type;
  std::string source;  // quoted table or "(query)"
};

// The canonical tables that exist, and the configured queries (which win over a table of the same type).
std::vector<Stream> discover_streams(Connection& conn, const BackendSpec& backend) {
  std::vector<Stream> streams;
  for (const core::RecordType& type : core::record_types()) {
    std::optional<std::string> query;
    for (const auto& [key, sql] : backend.table.values)
      if (key.rfind("query.", 0) == 0) {
        const core::RecordType* named = core::find_record_type(key.substr(6));
        if (named == nullptr)
          throw core::UsageError("backend '" + backend.name + "': '" + key + "' names no record type",
                                 "query.conversations, query.messages, query.csat, …");
        if (named == &type) query = sql;
      }
    if (query) {
      streams.push_back({&type, "(" + *query + ")"});
      continue;
    }
    const ResultPtr found = conn.exec("SELECT to_regclass($1) IS NOT NULL", {quote_identifier(std::string(type.table))});
    if (std::string_view(PQgetvalue(found.get(), 0, 0)) == "t")
      streams.push_back({&type, quote_identifier(std::string(type.table))});
  }
  return streams;
}

class PgPageSource : public PageSource {
public:
  PgPageSource(Connection& conn, const BackendSpec& backend, const Stream& stream)
      : m_conn(conn), m_backend(backend.name), m_stream(stream) {}

  std::vector<SourceRow> next_page(const std::optional<Watermark>& after, std::int64_t limit) override {
    const ResultPtr result = after ? m_conn.exec(page_query(m_stream.source, true, limit), {after->updated_at, after->id})
                                   : m_conn.exec(page_query(m_stream.source, false, limit));
    PGresult* r = result.get();
    const int updated_col = PQfnumber(r, "updated_at"), id_col = PQfnumber(r, "id");
    const std::string table(m_stream.type->table);
    if (updated_col < 0 || id_col < 0)
      throw core::BackendError("backend '" + m_backend + "': the " + table + " source has no " +
                               (id_col < 0 ? "id" : "updated_at") + " column",
                               "every table or query needs id and updated_at (the sync watermark)");
    std::vector<SourceRow> rows(static_cast<std::size_t>(PQntuples(r)));
    for (int i = 0; i < PQntuples(r); ++i) {
      SourceRow& row = rows[static_cast<std::size_t>(i)];
      if (PQgetisnull(r, i, updated_col) || PQgetisnull(r, i, id_col))
        throw core::DataError("backend '" + m_backend + "': a " + table + " row has a null id or updated_at",
                              "sync reads rows by (updated_at, id): both must be set");
      row.updated_at = PQgetvalue(r, i, updated_col);
      row.id = PQgetvalue(r, i, id_col);
      row.object = nlohmann::json::object();
      for (int c = 0; c < PQnfields(r); ++c)
        if (!PQgetisnull(r, i, c))
          row.object[PQfname(r, c)] = cell_json(PQftype(r, c), PQgetvalue(r, i, c), PQgetlength(r, i, c));
    }
    return rows;
  }

private:
  Connection& m_conn;
  std::string m_backend;
  const Stream& m_stream;
};

void add(core::TypeCounts& total, const core::TypeCounts& c) {
  total.inserted += c.inserted;
  total.updated += c.updated;
  total.unchanged += c.unchanged;
}

}  // namespace

std::string pg_timestamp_to_rfc3339(std::string_view text) {
  std::string out(text);
  if (const std::size_t space = out.find(' '); space != std::string::npos) out[space] = 'T';
  if (out.size() > 3 && out.compare(out.size() - 3, 3, "+00") == 0) out.replace(out.size() - 3, 3, "Z");
  else if (out.find('T') != std::string::npos && out.find_first_of("+Z", out.find('T')) == std::string::npos &&
           out.find('-', out.find('T')) == std::string::npos)
    out += 'Z';  // `timestamp` without zone: read as UTC
  else if (out.size() > 6 && (out[out.size() - 3] == '+' || out[out.size() - 3] == '-'))
    out += ":00";  // "+05" -> "+05:00"
  return out;
}

std::string page_query(const std::string& source, bool after_watermark, std::int64_t limit) {
  return "SELECT * FROM " + source + " AS s" +
         (after_watermark ? " WHERE (s.updated_at, s.id) > ($1, $2)" : "") +
         " ORDER BY s.updated_at, s.id LIMIT " + std::to_string(limit);
}

SyncSummary sync_postgres(core::Cache& cache, const BackendSpec& backend, const SyncOptions& options) {
  Connection conn(backend, options.env);
  const std::vector<Stream> streams = discover_streams(conn, backend);
  if (streams.empty())
    throw core::BackendError("backend '" + backend.name + "': no canonical table (conversations, messages, csat, …) "
                             "and no query.TABLE in the config",
                             "create the tables, or set query.conversations = \"SELECT …\" in [backend." +
                                 backend.name + "]");
  SyncSummary summary;
  SyncProgress progress;
  for (const Stream& stream : streams) {
    PgPageSource source(conn, backend, stream);
    const std::string name(stream.type->table);
    progress.label = name;
    const std::int64_t records_before = summary.records, pages_before = summary.pages;
    const StreamResult result =
        sync_stream(cache, backend.name, name, *stream.type, source, options.page_size, [&](const StreamResult& r) {
          progress.records = records_before + r.records;
          progress.pages = pages_before + r.pages;
          if (options.on_progress) options.on_progress(progress);
        });
    summary.records += result.records;
    summary.pages += result.pages;
    add(summary.counts, result.counts);
    ++summary.streams;
  }
  return summary;
}

std::string test_postgres(const BackendSpec& backend, const EnvLookup& env) {
  Connection conn(backend, env);
  conn.exec("SELECT 1");
  const std::vector<Stream> streams = discover_streams(conn, backend);
  const int version = conn.server_version();
  std::string detail = "connected (server " + std::to_string(version / 10000) + "." + std::to_string(version % 10000) +
                       "); streams: ";
  if (streams.empty()) detail += "none";
  for (std::size_t i = 0; i < streams.size(); ++i) detail += (i ? ", " : "") + std::string(streams[i].type->table);
  if (streams.empty())
    throw core::BackendError("backend '" + backend.name + "': " + detail + " (no canonical table and no query.TABLE)");
  return detail;
}

}  // namespace convstat::connectors
