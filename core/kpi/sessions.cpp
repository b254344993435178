#include "core/kpi/sessions.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/kpi/stats.hpp"
#include "core/query/latency.hpp"
#include "core/util/suggest.hpp"

namespace convstat::core {
namespace {

Node cost_map(const std::map<std::string, double>& costs) {
  Node object = Node::object();
  for (const auto& [key, cost] : costs) object.set(key, Node::number(cost, Unit::usd));
  return object;
}

double total_cost(const SessionRecords& session) {
  double total = 0;
  for (const auto& c : session.costs) total += c.cost_usd;
  return total;
}

// Hits and misses of one cache over the turns.
struct CacheCounts {
  std::int64_t hits = 0, misses = 0;
  void add(CacheUse use) {
    hits += use == CacheUse::hit ? 1 : 0;
    misses += use == CacheUse::miss ? 1 : 0;
  }
};

std::optional<double> avg_latency(const SessionSummaryRow& r) { return ratio(r.total_ms_sum, r.total_ms_count); }

}  // namespace

std::optional<std::string> latest_optimization_level(const SessionRecords& session) {
  std::optional<std::string> level;
  std::int64_t level_at = 0;
  auto consider = [&](const std::optional<std::string>& candidate, std::int64_t at) {
    if (!candidate || (level && at < level_at)) return;
    level = candidate;
    level_at = at;
  };
  for (const auto& c : session.costs) consider(c.optimization_level, c.at);
  for (const auto& t : session.turns) consider(t.optimization_level, t.at);  // after the entries: a turn wins a tie
  return level;
}

Result compute_session_costs(const SessionRecords& session) {
  std::map<std::string, double> by_service, by_provider;
  double cached = 0;
  for (const auto& c : session.costs) {
    by_service[c.service] += c.cost_usd;
    by_provider[c.provider] += c.cost_usd;
    if (c.cached) cached += c.cost_usd;
  }
  Result result{"sessions costs", "Session costs", Node::object(), ""};
  result.root.set("total_cost_usd", Node::number(total_cost(session), Unit::usd))
      .set("breakdown_by_service", cost_map(by_service))
      .set("breakdown_by_provider", cost_map(by_provider))
      .set("total_entries", Node::integer(static_cast<std::int64_t>(session.costs.size())))
      .set("cache_savings_usd", Node::number(cached * 0.5, Unit::usd))
      .set("optimization_level", Node::string(latest_optimization_level(session)));
  return result;
}

Result compute_session_metrics(const SessionRecords& session) {
  std::int64_t success = 0, failed = 0, interrupted = 0, violations = 0, blocks = 0;
  std::array<MeanAccumulator, 5> stages;
  CacheCounts llm, tts;
  std::optional<std::string> language = session.conversation_language;
  std::optional<std::string> turn_language;
  for (const auto& t : session.turns) {
    success += t.status == "success" ? 1 : 0;
    failed += t.status == "failed" ? 1 : 0;
    interrupted += t.status == "interrupted" ? 1 : 0;
    for (std::size_t s = 0; s < stages.size(); ++s)
      if (t.stages[s]) stages[s].add(*t.stages[s]);
    llm.add(t.llm_cache);
    tts.add(t.tts_cache);
    violations += t.guardrail_violations;
    blocks += t.guardrail_blocked ? 1 : 0;
    if (t.language_code) turn_language = t.language_code;  // turns are in time order: the latest wins
  }
  const std::int64_t hits = llm.hits + tts.hits;
  Result result{"sessions metrics", "Session metrics", Node::object(), ""};
  Node& root = result.root;
  root.set("total_turns", Node::integer(static_cast<std::int64_t>(session.turns.size())))
      .set("successful_turns", Node::integer(success))
      .set("failed_turns", Node::integer(failed))
      .set("interrupted_turns", Node::integer(interrupted));
  for (std::size_t s = 0; s < stages.size(); ++s)
    root.set(std::string("avg_") + k_stage_names[s] + "_latency_ms", Node::number(stages[s].value(), Unit::decimal1));
  root.set("cache_hit_rate", Node::number(ratio(static_cast<double>(hits), hits + llm.misses + tts.misses), Unit::ratio4))
      .set("llm_cache_hits", Node::integer(llm.hits))
      .set("llm_cache_misses", Node::integer(llm.misses))
      .set("tts_cache_hits", Node::integer(tts.hits))
      .set("tts_cache_misses", Node::integer(tts.misses))
      .set("guardrail_violations", Node::integer(violations))
      .set("guardrail_blocks", Node::integer(blocks))
      .set("total_cost_usd", Node::number(total_cost(session), Unit::usd))
      .set("optimization_level", Node::string(latest_optimization_level(session)))
      .set("language_code", Node::string(turn_language ? turn_language : language));
  return result;
}

SessionSort session_sort(const std::map<std::string, std::string>& options) {
  static const std::vector<std::string> names = {"cost", "latency", "failures"};
  const auto it = options.find("sort");
  if (it == options.end() || it->second == "cost") return SessionSort::cost;
  if (it->second == "latency") return SessionSort::latency;
  if (it->second == "failures") return SessionSort::failures;
  throw UsageError("invalid --sort '" + it->second + "' (expected cost, latency or failures)" +
                   did_you_mean(it->second, names));
}

Result compute_session_list(std::vector<SessionSummaryRow> rows, SessionSort sort, std::int64_t limit) {
  // Descending by the key; a null latency sorts after every number.
  auto key = [sort](const SessionSummaryRow& r) -> std::optional<double> {
    switch (sort) {
      case SessionSort::latency: return avg_latency(r);
      case SessionSort::failures: return static_cast<double>(r.failed_turns);
      case SessionSort::cost: break;
    }
    return r.cost_usd;
  };
  auto before = [&key](const SessionSummaryRow& a, const SessionSummaryRow& b) {
    const auto ka = key(a), kb = key(b);
    if (ka != kb) return kb < ka;  // nullopt is the smallest: last
    return a.session_id < b.session_id;
  };
  const auto n = std::min(rows.size(), static_cast<std::size_t>(std::max<std::int64_t>(limit, 0)));
  std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(n), rows.end(), before);
  Node list = Node::list();
  for (std::size_t i = 0; i < n; ++i) {
    const auto& r = rows[i];
    list.push(Node::object()
                  .set("session_id", Node::string(r.session_id))
                  .set("turns", Node::integer(r.turns))
                  .set("failed_turns", Node::integer(r.failed_turns))
                  .set("total_cost_usd", Node::number(r.cost_usd, Unit::usd))
                  .set("avg_total_latency_ms", Node::number(avg_latency(r), Unit::decimal1)));
  }
  return Result{"sessions list", "Sessions", std::move(list), "sessions"};
}

}  // namespace convstat::core
