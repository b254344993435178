#pragma once
// dashboard (kpis.md [000 Dashboard]): a pure function from the range's rows to a Result.
#include "core/query/dashboard.hpp"
#include "core/result.hpp"
#include "core/time/time.hpp"

namespace convstat::core {

// {bots, conversations, messages, leads, contacts, calls, usage_trend} over
// the rows of `range` (rows outside it are ignored): bots = distinct
// (tenant, bot_id) of the conversations and calls; contacts = distinct
// (tenant, contact_id) of the conversations; leads by created_at, messages
// by at, calls by started_at; usage_trend [{date, conversations, messages}]
// per local day of `tz`, zero-filled. Main list usage_trend; the table draws
// a sparkline of usage_trend[].conversations.
Result compute_dashboard(const DashboardRows& rows, const TimeRange& range, const TimeZone& tz);

}  // namespace convstat::core
