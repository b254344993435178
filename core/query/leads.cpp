#include "core/query/leads.hpp"

#include <SQLiteCpp/Statement.h>

#include "core/query/columns.hpp"

namespace convstat::core {
namespace {

// "SELECT <columns> FROM leads WHERE created_at in range [AND tenant] [AND bot_id]", bound.
SQLite::Statement lead_query(Cache& cache, const std::string& columns, const TimeRange& range,
                             const Filters& filters, const std::string& tail) {
  std::vector<std::string> texts;
  const std::string sql = "SELECT " + columns + " FROM leads WHERE created_at >= ? AND created_at < ?" +
                          own_conditions(filters, "", {true, false}, texts);
  std::vector<SqlParam> params = {range.from_ms, range.to_ms};
  append_text_params(params, texts);
  return bound_statement(cache, sql + tail, params);
}

}  // namespace

std::optional<LeadStage> lead_stage_of(const std::string& name) {
  if (name == "new") return LeadStage::new_lead;
  if (name == "contacted") return LeadStage::contacted;
  if (name == "qualified") return LeadStage::qualified;
  if (name == "converted") return LeadStage::converted;
  if (name == "lost") return LeadStage::lost;
  return std::nullopt;
}

std::vector<LeadRow> load_leads(Cache& cache, const TimeRange& range, const Filters& filters) {
  SQLite::Statement q =
      lead_query(cache, "created_at, source, stage, lost_at_stage", range, filters, " ORDER BY created_at");
  std::vector<LeadRow> rows;
  while (q.executeStep()) {
    LeadRow r;
    r.created_at = q.getColumn(0).getInt64();
    r.source = text_or_none(q.getColumn(1)).value_or("unknown");
    r.stage = lead_stage_of(q.getColumn(2).getString()).value_or(LeadStage::new_lead);
    if (const auto lost_at = text_or_none(q.getColumn(3))) r.lost_at_stage = lead_stage_of(*lost_at);
    rows.push_back(std::move(r));
  }
  return rows;
}

std::int64_t count_leads(Cache& cache, const TimeRange& range, const Filters& filters) {
  SQLite::Statement q = lead_query(cache, "COUNT(*)", range, filters, "");
  q.executeStep();
  return q.getColumn(0).getInt64();
}

}  // namespace convstat::core
