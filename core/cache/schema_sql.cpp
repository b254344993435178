#include "core/cache/schema_sql.hpp"

namespace convstat::core {
namespace {

std::string sql_type(FieldKind kind) {
  switch (kind) {
    case FieldKind::timestamp:
    case FieldKind::integer:
    case FieldKind::boolean: return "INTEGER";
    case FieldKind::number: return "REAL";
    default: return "TEXT";
  }
}

std::string create_table(const RecordType& type) {
  std::string sql = "CREATE TABLE " + std::string(type.table) + " (\n  rid INTEGER PRIMARY KEY";
  for (const FieldSpec& f : type.fields) {
    sql += ",\n  " + std::string(f.name) + " " + sql_type(f.kind);
    if (f.name == "id" || f.name == "tenant") sql += " NOT NULL";
  }
  sql += ",\n  extra TEXT,\n  content_hash TEXT NOT NULL,\n  UNIQUE (tenant, id)\n)";
  return sql;
}

// Indexes for the range scans and joins KPI commands make.
std::vector<std::string> indexes() {
  return {
      "CREATE INDEX conversations_tenant_started ON conversations (tenant, started_at)",
      "CREATE INDEX conversations_started ON conversations (started_at)",
      "CREATE INDEX messages_conversation ON messages (tenant, conversation_id)",
      "CREATE INDEX messages_at ON messages (at)",
      "CREATE INDEX csat_conversation ON csat (tenant, conversation_id)",
      "CREATE INDEX csat_responded ON csat (responded_at)",
      "CREATE INDEX csat_sent ON csat (sent_at)",
      "CREATE INDEX calls_tenant_started ON calls (tenant, started_at)",
      "CREATE INDEX calls_started ON calls (started_at)",
      "CREATE INDEX turns_conversation ON turns (tenant, conversation_id)",
      "CREATE INDEX turns_at ON turns (at)",
      "CREATE INDEX usage_at ON usage (at)",
      "CREATE INDEX usage_conversation ON usage (tenant, conversation_id)",
      "CREATE INDEX feedback_conversation ON feedback (tenant, conversation_id)",
      "CREATE INDEX feedback_created ON feedback (created_at)",
      "CREATE INDEX leads_created ON leads (created_at)",
      "CREATE INDEX events_at ON events (at)",
  };
}

std::vector<std::string> version_1() {
  std::vector<std::string> sql;
  for (const RecordType& type : record_types()) sql.push_back(create_table(type));
  for (auto& index : indexes()) sql.push_back(std::move(index));
  sql.push_back("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  return sql;
}

// Version 2: the full-text index of `search` over conversation subjects and
// message texts, kept in sync by triggers and backfilled. Its rowid is
// conversations.rid * 2 for a subject and messages.rid * 2 + 1 for a text, so
// a trigger finds its row by rowid (no scan of the index).
std::vector<std::string> version_2() {
  const std::string columns = "(rowid, conversation_id, tenant, kind, body)";
  const std::string subject = "INSERT INTO search_index " + columns +
                              " SELECT new.rid * 2, new.id, new.tenant, 'subject', new.subject"
                              " WHERE new.subject IS NOT NULL;";
  const std::string text = "INSERT INTO search_index " + columns +
                           " SELECT new.rid * 2 + 1, new.conversation_id, new.tenant, 'message', new.text"
                           " WHERE new.text IS NOT NULL;";
  return {
      "CREATE VIRTUAL TABLE search_index USING fts5(conversation_id UNINDEXED, tenant UNINDEXED, "
      "kind UNINDEXED, body, tokenize='unicode61 remove_diacritics 2')",
      "CREATE TRIGGER conversations_search_insert AFTER INSERT ON conversations BEGIN " + subject + " END",
      "CREATE TRIGGER conversations_search_update AFTER UPDATE ON conversations BEGIN "
      "DELETE FROM search_index WHERE rowid = old.rid * 2; " + subject + " END",
      "CREATE TRIGGER conversations_search_delete AFTER DELETE ON conversations BEGIN "
      "DELETE FROM search_index WHERE rowid = old.rid * 2; END",
      "CREATE TRIGGER messages_search_insert AFTER INSERT ON messages BEGIN " + text + " END",
      "CREATE TRIGGER messages_search_update AFTER UPDATE ON messages BEGIN "
      "DELETE FROM search_index WHERE rowid = old.rid * 2 + 1; " + text + " END",
      "CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN "
      "DELETE FROM search_index WHERE rowid = old.rid * 2 + 1; END",
      "INSERT INTO search_index " + columns +
          " SELECT rid * 2, id, tenant, 'subject', subject FROM conversations WHERE subject IS NOT NULL",
      "INSERT INTO search_index " + columns +
          " SELECT rid * 2 + 1, conversation_id, tenant, 'message', text FROM messages WHERE text IS NOT NULL",
  };
}

// Version 3: the audit log of searches by personal data and exports
// (core/cache/audit.hpp) and the saved reports (core/report/report.hpp).
std::vector<std::string> version_3() {
  return {
      "CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, command TEXT NOT NULL, "
      "tenant TEXT, detail TEXT NOT NULL, result_count INTEGER NOT NULL)",
      "CREATE TABLE reports (id INTEGER PRIMARY KEY, created_at INTEGER NOT NULL, preset TEXT NOT NULL, "
      "parameters TEXT NOT NULL, result TEXT NOT NULL)",
  };
}

// Version 4: the state of `sync` (connectors/sync_state.hpp): each synced
// file's size, mtime and hash; each stream's watermark; each backend's last run.
std::vector<std::string> version_4() {
  return {
      "CREATE TABLE sync_files (backend TEXT NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL, "
      "mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL, records INTEGER NOT NULL, synced_at INTEGER NOT NULL, "
      "PRIMARY KEY (backend, path))",
      "CREATE TABLE sync_streams (backend TEXT NOT NULL, stream TEXT NOT NULL, watermark TEXT NOT NULL, "
      "watermark_id TEXT NOT NULL, records INTEGER NOT NULL, synced_at INTEGER NOT NULL, PRIMARY KEY (backend, stream))",
      "CREATE TABLE sync_runs (backend TEXT PRIMARY KEY, kind TEXT NOT NULL, finished_at INTEGER NOT NULL, "
      "records INTEGER NOT NULL, inserted INTEGER NOT NULL, updated INTEGER NOT NULL, unchanged INTEGER NOT NULL)",
  };
}

// Version 5: the answers of served KPIs (connectors/served.hpp): one answer per
// backend, command and parameters (project, from, to exclusive), as the backend
// sent it, with the instant it was fetched.
std::vector<std::string> version_5() {
  return {
      "CREATE TABLE served_answers (backend TEXT NOT NULL, command TEXT NOT NULL, project TEXT NOT NULL, "
      "from_date TEXT NOT NULL, to_date TEXT NOT NULL, fetched_at INTEGER NOT NULL, answer TEXT NOT NULL, "
      "PRIMARY KEY (backend, command, project, from_date, to_date))",
  };
}

// Version 6: the count of updated and deleted conversations, csat and
// messages, part of the fingerprint of the hot columns (core/hot): an insert
// moves a table's last rid, anything else this count; and a random id of
// this cache, so a cache made again at the same path never matches the old
// one's hot columns.
std::vector<std::string> version_6() {
  std::vector<std::string> sql = {"CREATE TABLE hot_changes (n INTEGER NOT NULL, cache_id TEXT NOT NULL)",
                                  "INSERT INTO hot_changes VALUES (0, lower(hex(randomblob(16))))"};
  for (const char* table : {"conversations", "csat", "messages"})
    for (const char* event : {"UPDATE", "DELETE"})
      sql.push_back(std::string("CREATE TRIGGER ") + table + "_hot_" + (event[0] == 'U' ? "update" : "delete") +
                    " AFTER " + event + " ON " + table + " BEGIN UPDATE hot_changes SET n = n + 1; END");
  return sql;
}

}  // namespace

const std::vector<std::vector<std::string>>& schema_migrations() {
  static const std::vector<std::vector<std::string>> migrations = {version_1(), version_2(), version_3(),
                                                                   version_4(), version_5(), version_6()};
  return migrations;
}

std::string upsert_sql(const RecordType& type, std::size_t rows) {
  const std::string table(type.table);
  std::string columns, row = "(", updates;
  for (const FieldSpec& f : type.fields) {
    const std::string name(f.name);
    columns += name + ", ";
    row += "?, ";
    if (name != "id" && name != "tenant") updates += name + " = excluded." + name + ", ";
  }
  row += "?, ?)";
  std::string values = row;
  for (std::size_t i = 1; i < rows; ++i) values += ", " + row;
  return "INSERT INTO " + table + " (" + columns + "extra, content_hash) VALUES " + values +
         " ON CONFLICT (tenant, id) DO UPDATE SET " + updates +
         "extra = excluded.extra, content_hash = excluded.content_hash WHERE " + table +
         ".content_hash <> excluded.content_hash AND NOT (" + table +
         ".updated_at IS NOT NULL AND excluded.updated_at IS NOT NULL AND " + table +
         ".updated_at > excluded.updated_at)";
}

}  // namespace convstat::core
