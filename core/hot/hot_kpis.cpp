#include "core/hot/hot_kpis.hpp"

#include <algorithm>
#include <array>
#include <future>
#include <map>

#include <sys/mman.h>
#include <unistd.h>

#include "core/kpi/agents.hpp"
#include "core/kpi/csat.hpp"
#include "core/kpi/insights.hpp"
#include "core/kpi/overview.hpp"
#include "core/kpi/sla.hpp"

namespace convstat::core {
namespace {

using Clock = std::chrono::steady_clock;

// Asks the kernel to map [data, data + bytes) of a read-only file mapping now.
void populate(const void* data, std::size_t bytes) {
#ifdef MADV_POPULATE_READ
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto begin = reinterpret_cast<std::uintptr_t>(data) / page * page;
  const auto end = reinterpret_cast<std::uintptr_t>(data) + bytes;
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_READ);
#else
  (void)data;
  (void)bytes;
#endif
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// What a command needs from the pass.
struct Wanted {
  bool overview = false, sla = false, agents = false, insights = false;
};

// A name offered by conversations: the winner so far, as codes and a row.
struct NameCandidate {
  std::uint32_t name = 0;  // 0: none yet
  std::int64_t started_at = 0;
  std::size_t row = 0;
};

// LatestName's rule: a later start wins, then the greater conversation id
// (`ids` by row).
bool later_name(const NameCandidate& current, std::int64_t started_at, std::size_t row, const HotStrings& ids) {
  if (current.name == 0 || started_at > current.started_at) return true;
  return started_at == current.started_at && ids.at(row) > ids.at(current.row);
}

struct PerformanceSums {
  std::int64_t assigned = 0, resolved = 0;
  MinutesMean first_response, resolution;
  NameCandidate name;  // LatestName's rule
};

struct TeamSla {
  SlaTally tally;
  NameCandidate name;  // sla's rule: the latest start, a later row on ties
};

// One thread's sums over its rows.
struct Sums {
  bool damaged = false;
  std::int64_t total = 0, ai = 0, human = 0, escalated = 0, email = 0;
  MinutesMean first_response, duration;
  std::vector<double> resolution_minutes;
  std::vector<std::int64_t> channels;
  std::vector<std::uint8_t> contacts;
  SlaTally first_target, resolution_target;
  std::array<SlaTally, 5> by_priority{};
  std::vector<TeamSla> sla_teams;
  std::vector<PerformanceSums> agents, teams;
  std::array<std::int64_t, 24> hours{};
  std::vector<std::int64_t> topics;
  std::vector<std::array<std::int64_t, 2>> trend;  // met, breached per day
};

class Pass {
public:
  Pass(const HotColumns& hot, const HotScope& scope, const TimeZone* tz, Wanted wanted)
      : m_hot(hot), m_c(hot.conversations), m_scope(scope), m_wanted(wanted), m_tz(tz) {
    const auto& started = m_c.started_at;
    m_lo = static_cast<std::size_t>(std::lower_bound(started.begin(), started.end(), scope.range.from_ms) - started.begin());
    m_hi = static_cast<std::size_t>(std::lower_bound(started.begin(), started.end(), scope.range.to_ms) - started.begin());
    m_hi = std::max(m_lo, m_hi);
    if (scope.tenant) {
      m_tenant = hot.tenants.find(*scope.tenant);
      if (m_tenant == 0) m_hi = m_lo;  // no conversation of that tenant
    }
    m_email = hot.channels.find("email");
    if (wanted.insights && tz) m_buckets.emplace(scope.range, *tz);
  }

  // Both halves on two threads, then merged in row order.
  Sums run() {
    prefault();
    const std::size_t middle = m_lo + (m_hi - m_lo) / 2;
    if (m_hi - m_lo < 20000) return sums(m_lo, m_hi);
    auto later = std::async(std::launch::async, [&] { return sums(middle, m_hi); });
    Sums first = sums(m_lo, middle);
    Sums second = later.get();
    merge(first, second);
    return first;
  }

  const DayBuckets* buckets() const { return m_buckets ? &*m_buckets : nullptr; }

  // Maps the slices of the columns the pass reads in one call each instead of
  // a page fault per few pages (MADV_POPULATE_READ, Linux 5.14; older
  // kernels fault as usual).
  void prefault() const {
    if (m_hi - m_lo < 20000) return;
    const auto slice = [this](auto column) { populate(column.data() + m_lo, (m_hi - m_lo) * sizeof(column[0])); };
    const bool teams = m_wanted.sla || m_wanted.agents || m_wanted.insights;
    slice(m_c.started_at);
    slice(m_c.tenant);
    slice(m_c.first_response_at);
    slice(m_c.resolved_at);
    if (m_wanted.overview) {
      for (const auto column : {m_c.ended_at, m_c.escalated_at}) slice(column);
      slice(m_c.contact);
      slice(m_c.resolved_by);
    }
    if (m_wanted.overview || m_wanted.insights) slice(m_c.channel);
    if (m_wanted.sla || m_wanted.insights) {
      slice(m_c.first_response_due_at);
      slice(m_c.resolution_due_at);
    }
    if (m_wanted.sla) slice(m_c.priority);
    if (teams) {
      slice(m_c.team_id);
      slice(m_c.team_name);
    }
    if (m_wanted.agents || m_wanted.insights) {
      slice(m_c.assignee_id);
      slice(m_c.assignee_name);
    }
    if (m_wanted.insights) slice(m_c.topic_offsets);
  }

private:
  Sums sums(std::size_t lo, std::size_t hi) const {
    Sums s;
    const HotColumns& h = m_hot;
    s.channels.assign(h.channels.size() + 1, 0);
    if (m_wanted.overview) {
      s.contacts.assign(h.contacts.size() + 1, 0);
      s.resolution_minutes.reserve(hi - lo);  // at most one per row: no copies while it grows
    }
    if (m_wanted.sla) s.sla_teams.resize(h.team_ids.size() + 1);
    if (m_wanted.agents || m_wanted.insights) {
      s.agents.resize(h.assignee_ids.size() + 1);
      s.teams.resize(h.team_ids.size() + 1);
    }
    if (m_wanted.insights) {
      s.topics.assign(h.topics.size() + 1, 0);
      if (m_buckets) s.trend.assign(static_cast<std::size_t>(m_buckets->size()), {0, 0});
    }
    std::optional<TimeZone> tz;  // a copy per thread: a zone caches its last offset period
    if (m_tz) tz.emplace(*m_tz);
    for (std::size_t i = lo; i < hi; ++i) {
      if (m_tenant != 0 && m_c.tenant[i] != m_tenant) continue;
      if (!row_fits(i)) {
        s.damaged = true;
        continue;
      }
      add_row(s, i, tz ? &*tz : nullptr);
    }
    return s;
  }

  // The codes and offsets the wanted parts read are within bounds (a
  // conversation id is checked where a tie reads it).
  bool row_fits(std::size_t i) const {
    const HotColumns& h = m_hot;
    const bool teams = m_wanted.sla || m_wanted.agents || m_wanted.insights;
    return (!(m_wanted.overview || m_wanted.insights) || m_c.channel[i] <= h.channels.size()) &&
           (!m_wanted.overview || (m_c.contact[i] <= h.contacts.size() &&
                                   m_c.resolved_by[i] <= static_cast<std::uint8_t>(HotResolvedBy::human))) &&
           (!teams || (m_c.team_id[i] <= h.team_ids.size() && m_c.team_name[i] <= h.team_names.size())) &&
           (!m_wanted.sla || m_c.priority[i] <= static_cast<std::uint8_t>(Priority::unset)) &&
           (!(m_wanted.agents || m_wanted.insights) ||
            (m_c.assignee_id[i] <= h.assignee_ids.size() && m_c.assignee_name[i] <= h.assignee_names.size())) &&
           (!m_wanted.insights ||
            (m_c.topic_offsets[i] <= m_c.topic_offsets[i + 1] && m_c.topic_offsets[i + 1] <= m_c.topic_codes.size()));
  }

  void add_row(Sums& s, std::size_t i, const TimeZone* tz) const {
    const std::int64_t started = m_c.started_at[i];
    const std::int64_t first_response = m_c.first_response_at[i], resolved = m_c.resolved_at[i];
    ++s.total;
    if (m_wanted.overview) {
      ++s.channels[m_c.channel[i]];
      if (has_time(resolved)) {
        const auto by = static_cast<HotResolvedBy>(m_c.resolved_by[i]);
        if (by == HotResolvedBy::ai) ++s.ai;
        if (by == HotResolvedBy::human) ++s.human;
        s.resolution_minutes.push_back(minutes_between(started, resolved));
      }
      if (has_time(m_c.escalated_at[i])) ++s.escalated;
      if (has_time(first_response)) s.first_response.add(started, first_response);
      if (has_time(m_c.ended_at[i])) s.duration.add(started, m_c.ended_at[i]);
      s.contacts[m_c.contact[i]] = 1;
    }
    SlaOutcome outcome = SlaOutcome::none;
    if (m_wanted.sla || m_wanted.insights) {
      const SlaOutcome first = judge_sla_target(m_c.first_response_due_at[i], first_response, m_scope.range.as_of_ms);
      const SlaOutcome resolution = judge_sla_target(m_c.resolution_due_at[i], resolved, m_scope.range.as_of_ms);
      outcome = combine_sla_outcomes(first, resolution);
      if (m_wanted.sla) {
        s.first_target.add(first);
        s.resolution_target.add(resolution);
        if (outcome != SlaOutcome::none) s.by_priority[m_c.priority[i]].add(outcome);
        if (const std::uint32_t team = m_c.team_id[i]) {
          TeamSla& t = s.sla_teams[team];
          t.tally.add(outcome);
          const std::uint32_t name = m_c.team_name[i];
          if (name != 0 && (t.name.name == 0 || started >= t.name.started_at)) t.name = {name, started, i};
        }
      }
    }
    if (m_wanted.agents || m_wanted.insights) {
      if (const std::uint32_t agent = m_c.assignee_id[i]) add_performance(s.agents[agent], m_c.assignee_name[i], i);
      if (const std::uint32_t team = m_c.team_id[i]) add_performance(s.teams[team], m_c.team_name[i], i);
    }
    if (m_wanted.insights) {
      if (tz) ++s.hours[static_cast<std::size_t>(tz->local_hour(started))];
      for (std::uint64_t k = m_c.topic_offsets[i]; k < m_c.topic_offsets[i + 1]; ++k) {
        const std::uint32_t topic = m_c.topic_codes[k];
        if (topic > m_hot.topics.size()) {
          s.damaged = true;
          continue;
        }
        ++s.topics[topic];
      }
      if (m_buckets && (outcome == SlaOutcome::met || outcome == SlaOutcome::breached)) {
        const int day = m_buckets->index(started);
        if (day >= 0) ++s.trend[static_cast<std::size_t>(day)][outcome == SlaOutcome::met ? 0 : 1];
      }
      if (m_email != 0 && m_c.channel[i] == m_email) ++s.email;
    }
  }

  void add_performance(PerformanceSums& p, std::uint32_t name, std::size_t i) const {
    const std::int64_t started = m_c.started_at[i];
    if (name != 0 && later_name(p.name, started, i, m_c.id)) p.name = {name, started, i};
    ++p.assigned;
    if (has_time(m_c.first_response_at[i])) p.first_response.add(started, m_c.first_response_at[i]);
    if (has_time(m_c.resolved_at[i])) {
      ++p.resolved;
      p.resolution.add(started, m_c.resolved_at[i]);
    }
  }

  // `later`'s rows all come after `into`'s.
  void merge(Sums& into, Sums& later) const {
    into.damaged = into.damaged || later.damaged;
    into.total += later.total;
    into.ai += later.ai;
    into.human += later.human;
    into.escalated += later.escalated;
    into.email += later.email;
    into.first_response.merge(later.first_response);
    into.duration.merge(later.duration);
    if (into.resolution_minutes.capacity() < into.resolution_minutes.size() + later.resolution_minutes.size())
      into.resolution_minutes.reserve(into.resolution_minutes.size() + later.resolution_minutes.size());
    into.resolution_minutes.insert(into.resolution_minutes.end(), later.resolution_minutes.begin(),
                                   later.resolution_minutes.end());
    add_counts(into.channels, later.channels);
    for (std::size_t k = 0; k < into.contacts.size(); ++k) into.contacts[k] |= later.contacts[k];
    into.first_target.merge(later.first_target);
    into.resolution_target.merge(later.resolution_target);
    for (std::size_t k = 0; k < into.by_priority.size(); ++k) into.by_priority[k].merge(later.by_priority[k]);
    for (std::size_t k = 0; k < into.sla_teams.size(); ++k) {
      TeamSla& t = into.sla_teams[k];
      const TeamSla& l = later.sla_teams[k];
      t.tally.merge(l.tally);
      if (l.name.name != 0 && (t.name.name == 0 || l.name.started_at >= t.name.started_at)) t.name = l.name;
    }
    merge_performance(into.agents, later.agents);
    merge_performance(into.teams, later.teams);
    for (std::size_t k = 0; k < 24; ++k) into.hours[k] += later.hours[k];
    add_counts(into.topics, later.topics);
    for (std::size_t k = 0; k < into.trend.size(); ++k) {
      into.trend[k][0] += later.trend[k][0];
      into.trend[k][1] += later.trend[k][1];
    }
  }

  static void add_counts(std::vector<std::int64_t>& into, const std::vector<std::int64_t>& more) {
    for (std::size_t k = 0; k < into.size(); ++k) into[k] += more[k];
  }

  void merge_performance(std::vector<PerformanceSums>& into, const std::vector<PerformanceSums>& later) const {
    for (std::size_t k = 0; k < into.size(); ++k) {
      PerformanceSums& p = into[k];
      const PerformanceSums& l = later[k];
      p.assigned += l.assigned;
      p.resolved += l.resolved;
      p.first_response.merge(l.first_response);
      p.resolution.merge(l.resolution);
      if (l.name.name != 0 && later_name(p.name, l.name.started_at, l.name.row, m_c.id)) p.name = l.name;
    }
  }

  const HotColumns& m_hot;
  const HotConversationColumns& m_c;
  const HotScope& m_scope;
  Wanted m_wanted;
  const TimeZone* m_tz;
  std::size_t m_lo = 0, m_hi = 0;
  std::uint32_t m_tenant = 0;  // 0: every tenant
  std::uint32_t m_email = 0;
  std::optional<DayBuckets> m_buckets;
};

std::optional<std::string> name_of(const HotDictionary& dictionary, std::uint32_t code) {
  return code == 0 ? std::nullopt : std::optional<std::string>(dictionary.at(code));
}

std::map<std::string, Performance> performance_map(const HotColumns& h, const std::vector<PerformanceSums>& sums,
                                                   const HotDictionary& ids, const HotDictionary& names) {
  std::map<std::string, Performance> out;
  for (std::uint32_t code = 1; code < sums.size(); ++code) {
    const PerformanceSums& s = sums[code];
    if (s.assigned == 0) continue;
    Performance& p = out[std::string(ids.at(code))];
    p.assigned = s.assigned;
    p.resolved = s.resolved;
    p.first_response_minutes = s.first_response;
    p.resolution_minutes = s.resolution;
    if (s.name.name != 0)
      p.name.offer(name_of(names, s.name.name), s.name.started_at, std::string(h.conversations.id.at(s.name.row)));
  }
  return out;
}

// The span [lo, hi) of `keys` (ascending) within the range.
std::pair<std::size_t, std::size_t> range_span(std::span<const std::int64_t> keys, const TimeRange& range) {
  const auto lo = std::lower_bound(keys.begin(), keys.end(), range.from_ms);
  const auto hi = std::lower_bound(lo, keys.end(), range.to_ms);
  return {static_cast<std::size_t>(lo - keys.begin()), static_cast<std::size_t>(hi - keys.begin())};
}

std::uint32_t tenant_code(const HotColumns& h, const HotScope& scope) {
  return scope.tenant ? h.tenants.find(*scope.tenant) : 0;
}

// The csat rows responded in the range, by responded_at: a span of
// by_responded_at (it ends early at a row number out of bounds).
std::span<const std::uint32_t> responded_in(const HotCsatColumns& s, const TimeRange& range) {
  const auto by = s.by_responded_at;
  const auto lo = std::partition_point(by.begin(), by.end(), [&](std::uint32_t k) {
    return k >= s.size || s.responded_at[k] < range.from_ms;
  });
  auto hi = lo;  // a walk, not a search: every row number in the span is checked
  while (hi != by.end() && *hi < s.size && s.responded_at[*hi] < range.to_ms) ++hi;
  return by.subspan(static_cast<std::size_t>(lo - by.begin()), static_cast<std::size_t>(hi - lo));
}

// The mean rating of the csat responses of the range (load_csat_responses).
MeanAccumulator csat_ratings(const HotColumns& h, const HotScope& scope) {
  MeanAccumulator mean;
  const HotCsatColumns& s = h.csat;
  const std::uint32_t tenant = tenant_code(h, scope);
  if (scope.tenant && tenant == 0) return mean;
  for (const std::uint32_t k : responded_in(s, scope.range)) {
    if (tenant != 0 && s.tenant[k] != tenant) continue;
    if (s.rating[k] != k_no_rating) mean.add(s.rating[k]);
  }
  return mean;
}

// The csat object's sums over the records of the range, as csat_block makes
// them from load_csat_records; nullopt for a code out of bounds.
std::optional<CsatTotals> csat_totals(const HotColumns& h, const HotScope& scope, const DayBuckets& buckets) {
  CsatTotals t;
  t.trend_days.resize(static_cast<std::size_t>(buckets.size()));
  const HotCsatColumns& s = h.csat;
  const std::uint32_t tenant = tenant_code(h, scope);
  if (scope.tenant && tenant == 0) return t;
  const auto [lo, hi] = range_span(s.sent_at, scope.range);
  for (std::size_t k = lo; k < hi; ++k) {
    if (tenant != 0 && s.tenant[k] != tenant) continue;
    ++t.sent;
    if (has_time(s.responded_at[k])) ++t.sent_answered;
  }
  struct Agent {
    CsatRatings ratings;
    NameCandidate name;  // LatestName's rule
  };
  std::vector<Agent> agents(h.assignee_ids.size() + 1);
  for (const std::uint32_t k : responded_in(s, scope.range)) {
    if (tenant != 0 && s.tenant[k] != tenant) continue;
    ++t.total;
    if (s.rating[k] == k_no_rating) continue;
    const int rating = s.rating[k];
    t.add_rating(rating);
    if (const int day = buckets.index(s.responded_at[k]); day >= 0) t.trend_days[static_cast<std::size_t>(day)].add(rating);
    const std::uint32_t agent = s.assignee_id[k], name = s.assignee_name[k];
    if (agent == 0) continue;
    if (agent > h.assignee_ids.size() || name > h.assignee_names.size() || s.conversation_id.offsets[k] > s.conversation_id.offsets[k + 1])
      return std::nullopt;
    Agent& a = agents[agent];
    a.ratings.add(rating);
    if (name != 0 && later_name(a.name, s.conversation_started_at[k], k, s.conversation_id))
      a.name = {name, s.conversation_started_at[k], k};
  }
  for (std::uint32_t code = 1; code < agents.size(); ++code) {
    const Agent& a = agents[code];
    if (a.ratings.count() == 0) continue;
    CsatAgent& out = t.per_agent[std::string(h.assignee_ids.at(code))];
    out.ratings = a.ratings;
    if (a.name.name != 0)
      out.name.offer(name_of(h.assignee_names, a.name.name), a.name.started_at,
                     std::string(s.conversation_id.at(a.name.row)));
  }
  return t;
}

EmailMessageCounts email_message_counts(const HotColumns& h, const HotScope& scope) {
  EmailMessageCounts counts;
  const HotEmailMessageColumns& m = h.email_messages;
  const std::uint32_t tenant = tenant_code(h, scope);
  if (scope.tenant && tenant == 0) return counts;
  const auto [lo, hi] = range_span(m.at, scope.range);
  for (std::size_t k = lo; k < hi; ++k) {
    if (tenant != 0 && m.tenant[k] != tenant) continue;
    if (m.direction[k] == k_direction_inbound) ++counts.inbound;
    if (m.direction[k] == k_direction_outbound) ++counts.outbound;
  }
  return counts;
}

std::map<std::string, std::int64_t> channel_counts(const HotColumns& h, const Sums& s) {
  std::map<std::string, std::int64_t> out;
  for (std::uint32_t code = 1; code < s.channels.size(); ++code)
    if (s.channels[code] > 0) out[std::string(h.channels.at(code))] = s.channels[code];
  return out;
}

}  // namespace

std::optional<HotColumns> hot_columns_for(const KpiRequest& request) {
  const Filters& f = request.filters;
  if (f.narrows_conversations() || f.outcome) return std::nullopt;
  return HotColumns::for_cache(request.cache);
}

std::optional<Result> hot_overview(const HotColumns& hot, const HotScope& scope) {
  Sums s = Pass(hot, scope, nullptr, Wanted{true, false, false, false}).run();
  if (s.damaged) return std::nullopt;
  OverviewTotals t;
  t.total = s.total;
  t.ai_resolved = s.ai;
  t.human_resolved = s.human;
  t.escalated = s.escalated;
  t.first_response = s.first_response;
  t.duration = s.duration;
  t.resolution_minutes = std::move(s.resolution_minutes);
  t.channels = channel_counts(hot, s);
  t.unique_contacts = std::count(s.contacts.begin() + (s.contacts.empty() ? 0 : 1), s.contacts.end(), 1);
  t.csat_rating = csat_ratings(hot, scope);
  return overview_result(std::move(t));
}

std::optional<Result> hot_sla(const HotColumns& hot, const HotScope& scope) {
  Sums s = Pass(hot, scope, nullptr, Wanted{false, true, false, false}).run();
  if (s.damaged) return std::nullopt;
  SlaTotals t;
  t.first_response = s.first_target;
  t.resolution = s.resolution_target;
  for (std::size_t p = 0; p < s.by_priority.size(); ++p)
    if (s.by_priority[p].any()) t.by_priority[static_cast<Priority>(p)] = s.by_priority[p];
  for (std::uint32_t code = 1; code < s.sla_teams.size(); ++code) {
    const TeamSla& team = s.sla_teams[code];
    if (team.tally.any())
      t.by_team[std::string(hot.team_ids.at(code))] = SlaTeam{team.tally, name_of(hot.team_names, team.name.name)};
  }
  return sla_result(t);
}

std::optional<Result> hot_agents(const HotColumns& hot, const HotScope& scope) {
  Sums s = Pass(hot, scope, nullptr, Wanted{false, false, true, false}).run();
  if (s.damaged) return std::nullopt;
  Result result{"agents", "Agent and team performance", Node::object(), "agent_performance"};
  result.root
      .set("agent_performance",
           agent_performance_list(performance_map(hot, s.agents, hot.assignee_ids, hot.assignee_names)))
      .set("team_performance", team_performance_list(performance_map(hot, s.teams, hot.team_ids, hot.team_names)));
  return result;
}

std::optional<Result> hot_csat(const HotColumns& hot, const HotScope& scope, const TimeZone& tz) {
  const DayBuckets buckets(scope.range, tz);
  const auto totals = csat_totals(hot, scope, buckets);
  if (!totals) return std::nullopt;
  return Result{"csat", "CSAT analytics", csat_totals_block(*totals, buckets), "trend"};
}

std::optional<Result> hot_insights(const HotColumns& hot, const HotScope& scope, const TimeZone& tz,
                                   const std::vector<KbArticleRow>& kb_articles, Clock::time_point started) {
  Pass pass(hot, scope, &tz, Wanted{false, false, false, true});
  Sums s = pass.run();
  if (s.damaged) return std::nullopt;
  InsightsTimings timings;
  timings.conversations_scanned = s.total;
  InsightsParts parts;
  const auto csat = csat_totals(hot, scope, *pass.buckets());
  if (!csat) return std::nullopt;
  parts.csat = csat_totals_block(*csat, *pass.buckets());
  parts.busiest_hours = busiest_hours_list(s.hours);
  std::vector<std::pair<std::string_view, std::int64_t>> topics;
  for (std::uint32_t code = 1; code < s.topics.size(); ++code)
    if (s.topics[code] > 0) topics.emplace_back(hot.topics.at(code), s.topics[code]);
  parts.top_topics = top_topics_list(std::move(topics), s.total);
  parts.help_center = help_center_block(kb_articles);
  parts.email_channel = email_channel_node(s.email, email_message_counts(hot, scope));
  timings.overview_ms = ms_since(started);
  Clock::time_point part = Clock::now();
  parts.sla_breach_trend = sla_breach_trend_list(*pass.buckets(), s.trend);
  timings.sla_compliance_ms = ms_since(part);
  part = Clock::now();
  parts.agent_performance = agent_performance_list(performance_map(hot, s.agents, hot.assignee_ids, hot.assignee_names));
  parts.team_performance = team_performance_list(performance_map(hot, s.teams, hot.team_ids, hot.team_names));
  timings.agent_performance_ms = ms_since(part);
  timings.total_runtime_ms = ms_since(started);
  return insights_result(std::move(parts), timings, scope.range, tz);
}

}  // namespace convstat::core
