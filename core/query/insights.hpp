#pragma once
// The records insights reads besides conversations and csat (kpis.md
// "insights"): help-center article snapshots and the message counts of email
// conversations. KPI code works on these rows, never on SQL.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/query/filters.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// One kb_article snapshot (published or not).
struct KbArticleRow {
  std::string id, tenant;
  std::optional<std::string> title, slug;
  bool published = true;
  std::int64_t views = 0, helpful = 0, not_helpful = 0;
};

// Every kb_article of the tenant scope (`tenant`, or all tenants when absent),
// whatever its updated_at: kb articles are not range-scoped and follow
// --tenant only. Ordered by tenant, id.
std::vector<KbArticleRow> load_kb_articles(Cache& cache, const std::optional<std::string>& tenant);

// Messages of email conversations by direction.
struct EmailMessageCounts {
  std::int64_t inbound = 0;
  std::int64_t outbound = 0;
};

// Messages with `at` in [range.from_ms, range.to_ms) whose conversation (same
// tenant and id) has channel email and matches the filters, wherever the
// conversation's start falls.
EmailMessageCounts count_email_messages(Cache& cache, const TimeRange& range, const Filters& filters);

}  // namespace convstat::core
