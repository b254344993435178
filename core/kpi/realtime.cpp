#include "core/kpi/realtime.hpp"

#include "core/kpi/options.hpp"
#include "core/kpi/stats.hpp"
#include "core/time/time.hpp"

namespace convstat::core {
namespace {

constexpr std::int64_t k_default_window = 5;
constexpr std::int64_t k_max_window = 1440;  // one day

}  // namespace

std::int64_t realtime_window_minutes(const std::map<std::string, std::string>& options) {
  return bounded_option(options, "window", k_default_window, 1, k_max_window, "minutes, an integer from 1 to 1440");
}

Result compute_realtime(const RealtimeCounts& counts, std::int64_t window_minutes) {
  Result result{"realtime", "Real-time metrics", Node::object(), ""};
  result.root.set("active_sessions", Node::integer(counts.active_sessions))
      .set("messages_per_minute",
           Node::number(ratio(static_cast<double>(counts.messages), window_minutes), Unit::ratio4))
      .set("active_calls", Node::integer(counts.active_calls))
      .set("window_minutes", Node::integer(window_minutes))
      .set("data_as_of", counts.data_as_of ? Node::string(format_instant_utc(*counts.data_as_of)) : Node());
  return result;
}

}  // namespace convstat::core
