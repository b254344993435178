#include "core/cache/audit.hpp"

#include <SQLiteCpp/Statement.h>

#include "core/time/time.hpp"

namespace convstat::core {

void append_audit(Cache& cache, const AuditEntry& entry) {
  SQLite::Statement insert(cache.db(),
                           "INSERT INTO audit_log (at, command, tenant, detail, result_count) "
                           "VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(entry.at_ms));
  insert.bind(2, entry.command);
  if (entry.tenant) insert.bind(3, *entry.tenant);
  insert.bind(4, entry.detail);
  insert.bind(5, static_cast<std::int64_t>(entry.result_count));
  insert.exec();  // autocommit: one entry, one transaction
}

std::vector<AuditEntry> load_audit(Cache& cache) {
  std::vector<AuditEntry> entries;
  if (!cache.db().tableExists("audit_log")) return entries;
  SQLite::Statement q(cache.db(),
                      "SELECT at, command, tenant, detail, result_count FROM audit_log ORDER BY seq");
  while (q.executeStep()) {
    AuditEntry e;
    e.at_ms = q.getColumn(0).getInt64();
    e.command = q.getColumn(1).getString();
    if (!q.getColumn(2).isNull()) e.tenant = q.getColumn(2).getString();
    e.detail = q.getColumn(3).getString();
    e.result_count = q.getColumn(4).getInt64();
    entries.push_back(std::move(e));
  }
  return entries;
}

Result audit_result(const std::vector<AuditEntry>& entries) {
  Node list = Node::list();
  for (const AuditEntry& e : entries)
    list.push(Node::object()
                  .set("at", Node::string(format_instant_utc(e.at_ms)))
                  .set("command", Node::string(e.command))
                  .set("tenant", Node::string(e.tenant))
                  .set("detail", Node::string(e.detail))
                  .set("result_count", Node::integer(e.result_count)));
  Result result{"cache audit", "Audit log", Node::object(), "entries"};
  result.root.set("entries", std::move(list));
  return result;
}

}  // namespace convstat::core
