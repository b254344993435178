#include "core/demo/demo.hpp"

#include <algorithm>
#include <string>

#include "core/cache/cache.hpp"
#include "core/demo/generator.hpp"
#include "core/error.hpp"

namespace convstat::core {
namespace demo {
namespace {

// Relative conversation volume per local hour (Europe/Paris) on weekdays and weekends.
constexpr std::array<double, 24> k_weekday_hours = {0.12, 0.08, 0.06, 0.05, 0.06, 0.10, 0.25, 0.55,
                                                    1.10, 1.70, 1.90, 1.85, 1.45, 1.50, 1.80, 1.85,
                                                    1.75, 1.50, 1.10, 0.80, 0.65, 0.50, 0.35, 0.20};
constexpr std::array<double, 24> k_weekend_hours = {0.12, 0.08, 0.06, 0.05, 0.05, 0.06, 0.10, 0.20,
                                                    0.35, 0.50, 0.60, 0.65, 0.60, 0.60, 0.60, 0.60,
                                                    0.55, 0.50, 0.50, 0.45, 0.40, 0.35, 0.25, 0.15};
// Per ISO weekday (1 = Monday): Mondays busiest, Sundays quietest.
constexpr std::array<double, 8> k_weekday_factors = {0, 1.08, 1.0, 1.0, 0.98, 0.92, 1.0, 0.8};

std::string tenant_name(int index) {
  if (index < static_cast<int>(k_tenant_names.size())) return std::string(k_tenant_names[static_cast<std::size_t>(index)]);
  return "tenant-" + std::to_string(index + 1);
}

// Conversations per tenant: shares 1, 1/1.35, 1/1.7, ... of the total, remainders to the first tenants.
std::vector<std::int64_t> split_conversations(std::int64_t total, int tenants) {
  std::vector<double> weights;
  double sum = 0;
  for (int i = 0; i < tenants; ++i) {
    weights.push_back(1.0 / (1.0 + 0.35 * i));
    sum += weights.back();
  }
  std::vector<std::int64_t> counts;
  std::int64_t assigned = 0;
  for (double w : weights) {
    counts.push_back(static_cast<std::int64_t>(static_cast<double>(total) * w / sum));
    assigned += counts.back();
  }
  for (std::size_t i = 0; assigned < total; i = (i + 1) % counts.size(), ++assigned) ++counts[i];
  return counts;
}

// n in decimal, zero-padded to `width` digits.
std::string padded(std::int64_t n, std::size_t width) {
  std::string digits = std::to_string(n);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

std::string digits(Rng& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += static_cast<char>('0' + rng.between(0, 9));
  return out;
}

}  // namespace

ArrivalSchedule::ArrivalSchedule(std::int64_t start_ms, std::int64_t end_ms, const TimeZone& zone)
    : m_start_ms(start_ms), m_end_ms(end_ms) {
  double total = 0;
  const auto span = static_cast<double>(end_ms - start_ms);
  for (std::int64_t slot = start_ms; slot < end_ms; slot += k_hour_ms) {
    const int hour = zone.local_hour(slot);
    const int weekday = iso_weekday(zone.local_day(slot));
    const auto& hours = weekday <= 5 ? k_weekday_hours : k_weekend_hours;
    const double growth = 0.8 + 0.4 * static_cast<double>(slot - start_ms) / span;
    const double covered = static_cast<double>(std::min(k_hour_ms, end_ms - slot)) / static_cast<double>(k_hour_ms);
    total += hours[static_cast<std::size_t>(hour)] * k_weekday_factors[static_cast<std::size_t>(weekday)] * growth * covered;
    m_cumulative.push_back(total);
  }
}

std::int64_t ArrivalSchedule::sample(Rng& rng) const {
  const double u = rng.uniform() * m_cumulative.back();
  auto slot = static_cast<std::int64_t>(std::upper_bound(m_cumulative.begin(), m_cumulative.end(), u) -
                                        m_cumulative.begin());
  slot = std::min<std::int64_t>(slot, static_cast<std::int64_t>(m_cumulative.size()) - 1);
  const std::int64_t from = m_start_ms + slot * k_hour_ms;
  return rng.between(from, std::min(from + k_hour_ms, m_end_ms) - 1);
}

Generator::Generator(const RecordSink& sink, const DemoOptions& options)
    : m_options(options), m_out(sink), m_zone("Europe/Paris"),
      m_start_ms(options.end_ms - static_cast<std::int64_t>(options.days) * k_day_ms), m_end_ms(options.end_ms) {
  for (std::size_t i = 0; i < k_topics.size(); ++i) m_topic_weights[i] = k_topics[i].weight;
}

DemoSummary Generator::run() {
  const ArrivalSchedule schedule(m_start_ms, m_end_ms, m_zone);
  const std::vector<std::int64_t> shares = split_conversations(m_options.conversations, m_options.tenants);
  std::int64_t done = 0;
  for (int t = 0; t < m_options.tenants; ++t) {
    Tenant tenant;
    tenant.name = tenant_name(t);
    tenant.index = static_cast<std::uint64_t>(t);
    tenant_run(tenant, shares[static_cast<std::size_t>(t)], schedule, done);
  }
  if (m_options.on_progress) m_options.on_progress(done, m_options.conversations);
  return DemoSummary{m_out.counts()};
}

void Generator::tenant_run(Tenant& tenant, std::int64_t conversations, const ArrivalSchedule& schedule,
                           std::int64_t& done) {
  Rng schedule_rng(derive_seed(m_options.seed, stream(tenant.index, Stream::schedule)));
  std::vector<std::int64_t> starts(static_cast<std::size_t>(conversations));
  for (auto& start : starts) start = schedule.sample(schedule_rng);
  std::sort(starts.begin(), starts.end());
  for (int i = 0; i < 2; ++i) {  // two API incidents of 1-3 hours
    const std::int64_t from = schedule_rng.between(m_start_ms, m_end_ms - 1);
    tenant.incidents.emplace_back(from, from + schedule_rng.between(1 * k_hour_ms, 3 * k_hour_ms));
  }
  tenant.contact_pool = std::max<std::int64_t>(10, conversations * 45 / 100);
  tenant.regulars = std::max<std::int64_t>(1, tenant.contact_pool / 20);

  const std::size_t width = std::max<std::size_t>(6, std::to_string(conversations).size());
  Plan plan;
  plan.tenant = &tenant;
  for (std::int64_t i = 0; i < conversations; ++i) {
    Rng rng(derive_seed(m_options.seed, stream(tenant.index, Stream::conversation), static_cast<std::uint64_t>(i)));
    plan.key = tenant.name;
    plan.key += '-';
    plan.key += padded(i + 1, width);
    plan.id = "conv-" + plan.key;
    plan.started_at_ms = starts[static_cast<std::size_t>(i)];
    plan_conversation(rng, plan);
    emit_conversation(plan);
    emit_messages(plan);
    emit_csat(rng, plan);
    if (plan.channel == Channel::voice) emit_call(rng, plan);
    if (plan.pipeline) emit_turns(rng, plan);
    else emit_text_usage(rng, plan);
    emit_feedback(rng, plan);
    emit_leads(rng, tenant, plan);
    emit_events(rng, plan);
    ++done;
    if (done % 1000 == 0 && done != m_options.conversations && m_options.on_progress)
      m_options.on_progress(done, m_options.conversations);
  }
  emit_kb_articles(tenant, conversations);
}

void Generator::describe_contact(const Tenant& tenant, std::int64_t index, Contact& contact) const {
  Rng rng(derive_seed(m_options.seed, stream(tenant.index, Stream::contact), static_cast<std::uint64_t>(index)));
  contact.language = static_cast<int>(rng.weighted(k_language_weights));
  contact.id = "contact-" + tenant.name + "-" + padded(index + 1, 6);
  contact.email = std::string(k_first_names[rng.index(k_first_names.size())]) + "." +
                  std::string(k_last_names[rng.index(k_last_names.size())]) + std::to_string(index + 1) +
                  (rng.chance(0.5) ? "@example.com" : "@example.org");
  // Fictional numbers: French 01 99 00 xx xx and Berlin 030 23125 xxx ranges, else +1-555-01xx-xxxx.
  if (contact.language == 1 && rng.chance(0.7)) {
    contact.phone = "+33 1 99 00 " + digits(rng, 2) + " " + digits(rng, 2);
  } else if (contact.language == 2 && rng.chance(0.7)) {
    contact.phone = "+49 30 23125 " + digits(rng, 3);
  } else {
    contact.phone = "+1-555-01" + digits(rng, 2) + "-" + digits(rng, 4);
  }
}

}  // namespace demo

DemoSummary generate_demo(const RecordSink& sink, const DemoOptions& options) {
  if (options.conversations < 0) throw UsageError("--conversations must be 0 or more");
  if (options.days < 1) throw UsageError("--days must be 1 or more");
  if (options.tenants < 1) throw UsageError("--tenants must be 1 or more");
  demo::Generator generator(sink, options);
  return generator.run();
}

DemoSummary generate_demo(RecordWriter& writer, const DemoOptions& options) {
  return generate_demo([&writer](const Record& record) { writer.upsert(record); }, options);
}

}  // namespace convstat::core
