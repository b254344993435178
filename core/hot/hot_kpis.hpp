#pragma once
// overview, sla, agents, csat and insights computed from the hot columns
// (core/hot/hot_columns.hpp) in one pass over the range on two threads.
// Each gives exactly the result of its SQL path (compute_overview, …): the
// per-row rules are shared, sums are exact, and the lists are finished by the
// same functions.
#include <chrono>
#include <optional>
#include <vector>
#include <string>

#include "core/hot/hot_columns.hpp"
#include "core/kpi/registry.hpp"
#include "core/query/insights.hpp"
#include "core/result.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// The conversations and records of one tenant (or every tenant) in a range.
struct HotScope {
  TimeRange range;
  std::optional<std::string> tenant;
};

// Each is nullopt when the file holds a code or offset out of bounds (a
// damaged file): callers then read SQLite.
std::optional<Result> hot_overview(const HotColumns& hot, const HotScope& scope);
std::optional<Result> hot_sla(const HotColumns& hot, const HotScope& scope);
std::optional<Result> hot_agents(const HotColumns& hot, const HotScope& scope);
std::optional<Result> hot_csat(const HotColumns& hot, const HotScope& scope, const TimeZone& tz);
// `kb_articles` come from SQLite (a small table the hot columns do not copy);
// `started` is when the request began (aggregation_health counts from it).
std::optional<Result> hot_insights(const HotColumns& hot, const HotScope& scope, const TimeZone& tz,
                                   const std::vector<KbArticleRow>& kb_articles,
                                   std::chrono::steady_clock::time_point started);

// The hot columns for `request` when they can serve it: no filter but
// --tenant, and HotColumns::for_cache has them.
std::optional<HotColumns> hot_columns_for(const KpiRequest& request);

}  // namespace convstat::core
