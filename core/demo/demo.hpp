#pragma once
// `convstat demo`: a deterministic, realistic synthetic dataset covering every
// record type of spec/data-model.md, with business-hour and weekday
// seasonality (Europe/Paris), AI/human resolution, escalations, SLA targets,
// CSAT, voice calls, speech/LLM pipeline turns with their usage and costs,
// feedback, leads, API events and help-center articles.
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "core/records/schema.hpp"

namespace convstat::core {

class RecordWriter;

struct DemoOptions {
  std::int64_t conversations = 5000;  // in total, over all tenants (>= 0)
  std::uint64_t seed = 42;
  int days = 90;                      // the dataset spans [end_ms - days * 24 h, end_ms) (>= 1)
  // Tenants: 1 gives the single tenant "acme"; more give "acme", "globex",
  // "initech", "umbrella", "hooli", "stark", "wayne", "wonka", "soylent",
  // "cyberdyne", then "tenant-11", "tenant-12", ... Conversations are shared
  // out unevenly (the first tenant is the largest), kb articles per tenant.
  int tenants = 1;
  // The instant the dataset ends at (epoch ms): every activity timestamp is
  // before it; SLA due instants may lie after it (open work still pending).
  // The caller passes --as-of or now, truncated to the day.
  std::int64_t end_ms = 0;
  // Called every 1000 conversations and once at the end (done == total).
  std::function<void(std::int64_t done, std::int64_t total)> on_progress;
};

struct DemoSummary {
  // Records generated per record type name ("conversation": 5000, ...); every type listed.
  std::map<std::string, std::int64_t> records_per_type;
};

// Receives each generated record; the record is only valid during the call.
using RecordSink = std::function<void(const Record&)>;

// Generates the dataset into `sink`, one record at a time, conversations in
// start order with their messages, csat, call, turns, usage, feedback, lead and
// events right after them, then the kb articles. The same options (seed,
// conversations, days, tenants, end_ms) always give exactly the same records
// (see random.hpp for the one cross-platform caveat). Throws UsageError for conversations < 0, days < 1 or
// tenants < 1.
DemoSummary generate_demo(const RecordSink& sink, const DemoOptions& options);

// The same, upserting into `writer`; the caller commits.
DemoSummary generate_demo(RecordWriter& writer, const DemoOptions& options);

}  // namespace convstat::core
