#pragma once
// sla (kpis.md "sla" and "Precise readings"): a pure function from rows to a Result.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/query/conversations.hpp"
#include "core/result.hpp"

namespace convstat::core {

// How one SLA target stands at the as-of instant N, for due instant T and
// actual instant A: A <= T met; A > T breached; no A and N > T breached;
// no A and N <= T pending; no T: none (the conversation carries no such target).
enum class SlaOutcome : std::uint8_t { none, met, breached, pending };

SlaOutcome judge_sla_target(std::int64_t due_at_ms, std::int64_t actual_at_ms, std::int64_t as_of_ms);

// A conversation judged on all its targets at once: breached if any is
// breached; else pending if any is pending; else met; none without targets.
SlaOutcome judge_sla_conversation(const ConversationRow& conversation, std::int64_t as_of_ms);
// The same from the outcomes of its two targets.
SlaOutcome combine_sla_outcomes(SlaOutcome first_response, SlaOutcome resolution);

// Outcomes counted: tracked = met + breached.
struct SlaTally {
  std::int64_t met = 0, breached = 0, pending = 0;
  void add(SlaOutcome outcome) {
    if (outcome == SlaOutcome::met) ++met;
    if (outcome == SlaOutcome::breached) ++breached;
    if (outcome == SlaOutcome::pending) ++pending;
  }
  void merge(const SlaTally& o) { met += o.met; breached += o.breached; pending += o.pending; }
  std::int64_t tracked() const { return met + breached; }
  bool any() const { return met + breached + pending > 0; }
};

// One team of by_team: its tally and name (see compute_sla).
struct SlaTeam {
  SlaTally tally;
  std::optional<std::string> name;
};

// What sla reports, summed over the conversations of the range.
struct SlaTotals {
  SlaTally first_response, resolution;
  std::map<Priority, SlaTally> by_priority;  // priorities with an outcome
  std::map<std::string, SlaTeam> by_team;    // teams with an outcome, by team_id
};

// The sla result of `totals` (see compute_sla).
Result sla_result(const SlaTotals& totals);

// sla [002 SLA Compliance] at `as_of_ms`:
// - first_response (first_response_due_at / first_response_at) and resolution
//   (resolution_due_at / resolved_at): {tracked, met, breached, pending,
//   compliance_rate}, over the conversations carrying that target;
//   tracked = met + breached, compliance_rate = met / tracked (%, null when 0);
// - by_priority [{priority, tracked, met, breached, pending, compliance_rate}]
//   in the fixed order urgent, high, medium, low, unset, and by_team
//   [{team_id, team_name, tracked, met, breached, pending, compliance_rate}]
//   by tracked descending then team_id (conversations with a team only), each
//   conversation judged by judge_sla_conversation; both list only the
//   priorities/teams of conversations carrying at least one target. team_name
//   is the name on the latest-started conversation of the team carrying one.
Result compute_sla(const std::vector<ConversationRow>& conversations, std::int64_t as_of_ms);

}  // namespace convstat::core
