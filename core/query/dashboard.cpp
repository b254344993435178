#include "core/query/dashboard.hpp"

#include <SQLiteCpp/Statement.h>

#include "core/query/columns.hpp"

namespace convstat::core {
namespace {

// "SELECT <columns> FROM <table> WHERE <at> in range [AND tenant = ?] ORDER BY <at>", bound.
SQLite::Statement range_query(Cache& cache, const std::string& columns, const std::string& table,
                              const std::string& at, const TimeRange& range,
                              const std::optional<std::string>& tenant) {
  std::string sql = "SELECT " + columns + " FROM " + table + " WHERE " + at + " >= ? AND " + at + " < ?";
  if (tenant) sql += " AND tenant = ?";
  SQLite::Statement q(cache.db(), sql + " ORDER BY " + at + ", tenant, id");
  q.bind(1, static_cast<std::int64_t>(range.from_ms));
  q.bind(2, static_cast<std::int64_t>(range.to_ms));
  if (tenant) q.bind(3, *tenant);
  return q;
}

std::vector<std::int64_t> instants(Cache& cache, const std::string& table, const std::string& at,
                                   const TimeRange& range, const std::optional<std::string>& tenant) {
  SQLite::Statement q = range_query(cache, at, table, at, range, tenant);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

}  // namespace

DashboardRows load_dashboard_rows(Cache& cache, const TimeRange& range, const std::optional<std::string>& tenant) {
  DashboardRows rows;
  SQLite::Statement conversations =
      range_query(cache, "tenant, started_at, bot_id, contact_id", "conversations", "started_at", range, tenant);
  while (conversations.executeStep())
    rows.conversations.push_back({conversations.getColumn(0).getString(), conversations.getColumn(1).getInt64(),
                                  text_or_none(conversations.getColumn(2)),
                                  text_or_none(conversations.getColumn(3))});
  SQLite::Statement calls = range_query(cache, "tenant, started_at, bot_id", "calls", "started_at", range, tenant);
  while (calls.executeStep())
    rows.calls.push_back({calls.getColumn(0).getString(), calls.getColumn(1).getInt64(),
                          text_or_none(calls.getColumn(2)), std::nullopt});
  rows.message_at = instants(cache, "messages", "at", range, tenant);
  rows.lead_created_at = instants(cache, "leads", "created_at", range, tenant);
  return rows;
}

}  // namespace convstat::core
