#include "core/demo/demo.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "core/cache/cache.hpp"
#include "core/demo/random.hpp"
#include "core/error.hpp"
#include "core/import/validate.hpp"
#include "core/time/time.hpp"

using namespace convstat::core;

namespace {

constexpr std::int64_t k_end_ms = 1772409600000;  // 2026-03-02T00:00:00Z, a Monday
constexpr std::int64_t k_day_ms = 86'400'000;

std::vector<Record> generate(DemoOptions options, DemoSummary* summary = nullptr) {
  std::vector<Record> records;
  DemoSummary s = generate_demo([&](const Record& r) { records.push_back(r); }, options);
  if (summary) *summary = s;
  return records;
}

DemoOptions options_for(std::int64_t conversations, std::uint64_t seed = 42) {
  DemoOptions o;
  o.conversations = conversations;
  o.seed = seed;
  o.end_ms = k_end_ms;
  return o;
}

struct Dataset {
  std::vector<Record> records;
  DemoSummary summary;
  std::map<std::string, std::vector<const Record*>> by_type;
};

// The 2000-conversation dataset most tests read (generated once).
const Dataset& dataset() {
  static const Dataset d = [] {
    Dataset out;
    out.records = generate(options_for(2000), &out.summary);
    for (const Record& r : out.records) out.by_type[std::string(r.type->name)].push_back(&r);
    return out;
  }();
  return d;
}

const Cell& cell(const Record& r, std::string_view field) {
  const int i = r.type->field_index(field);
  REQUIRE(i >= 0);
  return r.cells[static_cast<std::size_t>(i)];
}
bool has(const Record& r, std::string_view field) { return !std::holds_alternative<std::monostate>(cell(r, field)); }
std::int64_t ms(const Record& r, std::string_view field) { return std::get<std::int64_t>(cell(r, field)); }
const std::string& text(const Record& r, std::string_view field) { return std::get<std::string>(cell(r, field)); }
double number(const Record& r, std::string_view field) { return std::get<double>(cell(r, field)); }

// The record as an input object of data-model.md (timestamps as RFC 3339).
nlohmann::json to_input_json(const Record& r) {
  nlohmann::json object = nlohmann::json::object();
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    const FieldSpec& spec = r.type->fields[i];
    const Cell& c = r.cells[i];
    const std::string name(spec.name);
    if (std::holds_alternative<std::monostate>(c)) continue;
    switch (spec.kind) {
      case FieldKind::timestamp: object[name] = format_instant_utc(std::get<std::int64_t>(c)); break;
      case FieldKind::boolean: object[name] = std::get<std::int64_t>(c) != 0; break;
      case FieldKind::integer: object[name] = std::get<std::int64_t>(c); break;
      case FieldKind::number: object[name] = std::get<double>(c); break;
      case FieldKind::string_list:
      case FieldKind::object: object[name] = nlohmann::json::parse(std::get<std::string>(c)); break;
      default: object[name] = std::get<std::string>(c); break;
    }
  }
  return object;
}

}  // namespace

TEST_CASE("demo: the same options give the same records, another seed others", "[demo]") {
  const auto hashes = [](const std::vector<Record>& records) {
    std::vector<std::string> out;
    for (const Record& r : records) out.push_back(std::string(r.type->name) + ":" + r.content_hash);
    return out;
  };
  const auto first = hashes(generate(options_for(300)));
  const auto again = hashes(generate(options_for(300)));
  const auto other_seed = hashes(generate(options_for(300, 43)));
  REQUIRE(first.size() > 300);
  CHECK(first == again);
  CHECK(first != other_seed);
  std::size_t shared = 0;
  const std::set<std::string> seen(first.begin(), first.end());
  for (const auto& h : other_seed) shared += seen.count(h);
  CHECK(shared < other_seed.size() / 10);  // a new seed is a new dataset, not a shuffle

  DemoOptions later = options_for(300);
  later.end_ms += k_day_ms;
  CHECK(hashes(generate(later)) != first);
}

TEST_CASE("demo: every record type is generated, with unique ids and the summary's counts", "[demo]") {
  const Dataset& d = dataset();
  for (const RecordType& type : record_types()) {
    INFO(type.name);
    const auto it = d.by_type.find(std::string(type.name));
    REQUIRE(it != d.by_type.end());
    CHECK(d.summary.records_per_type.at(std::string(type.name)) == static_cast<std::int64_t>(it->second.size()));
    std::set<std::pair<std::string, std::string>> keys;
    for (const Record* r : it->second) {
      REQUIRE(has(*r, "id"));
      CHECK(text(*r, "tenant") == "acme");
      CHECK(r->content_hash.size() == 64);
      keys.emplace(text(*r, "tenant"), text(*r, "id"));
    }
    CHECK(keys.size() == it->second.size());
  }
  CHECK(d.by_type.at("conversation").size() == 2000);
  CHECK(d.by_type.at("kb_article").size() == 12);
}

TEST_CASE("demo: every record passes data-model validation and hashes like an import", "[demo]") {
  ValidateOptions vo;
  vo.now_ms = k_end_ms;
  const RecordValidator validator(vo);
  std::size_t checked = 0, index = 0;
  for (const Record& r : dataset().records) {
    // Every record of the rarer types; one in four of the plentiful messages and usage entries.
    const bool plentiful = r.type->name == "message" || r.type->name == "usage";
    if (plentiful && index++ % 4 != 0) continue;
    const nlohmann::json input = to_input_json(r);
    const Validation v = validator.validate_as(input, *r.type);
    if (!v.ok()) FAIL(input.dump() << "\n" << v.errors.front().field << ": " << v.errors.front().reason);
    REQUIRE(v.record);
    if (v.record->cells != r.cells || v.record->content_hash != r.content_hash) FAIL("differs after import: " << input.dump());
    ++checked;
  }
  CHECK(checked > dataset().records.size() / 3);
}

TEST_CASE("demo: conversations are consistent and shaped like a real helpdesk", "[demo]") {
  const Dataset& d = dataset();
  const auto& conversations = d.by_type.at("conversation");
  const std::set<std::string> priorities = {"urgent", "high", "medium", "low"};
  std::map<std::string, int> resolved_by, channels, languages, contacts;
  int handover_only = 0, non_ascii_assignees = 0;
  for (const Record* c : conversations) {
    const std::int64_t start = ms(*c, "started_at");
    CHECK(start >= k_end_ms - 90 * k_day_ms);
    CHECK(start < k_end_ms);
    for (const char* f : {"first_response_at", "resolved_at", "ended_at", "escalated_at", "handover_requested_at"}) {
      if (!has(*c, f)) continue;
      INFO(text(*c, "id") << " " << f);
      CHECK(ms(*c, f) >= start);
      CHECK(ms(*c, f) < k_end_ms);
    }
    CHECK(has(*c, "resolved_at") == has(*c, "resolved_by"));
    if (has(*c, "resolved_by")) ++resolved_by[text(*c, "resolved_by")];
    if (has(*c, "resolved_at")) CHECK(ms(*c, "ended_at") >= ms(*c, "resolved_at"));
    if (has(*c, "priority")) CHECK(priorities.count(text(*c, "priority")) == 1);
    if (has(*c, "handover_requested_at") && has(*c, "escalated_at"))
      CHECK(ms(*c, "handover_requested_at") <= ms(*c, "escalated_at"));
    if (has(*c, "handover_requested_at") && !has(*c, "escalated_at")) ++handover_only;
    if (has(*c, "sentiment")) CHECK(std::abs(number(*c, "sentiment")) <= 1.0);
    if (has(*c, "ai_quality")) CHECK((number(*c, "ai_quality") >= 0.0 && number(*c, "ai_quality") <= 1.0));
    if (has(*c, "assignee_name")) {
      const std::string& name = text(*c, "assignee_name");
      non_ascii_assignees += std::any_of(name.begin(), name.end(), [](char ch) { return (ch & 0x80) != 0; }) ? 1 : 0;
    }
    ++channels[text(*c, "channel")];
    ++languages[text(*c, "language")];
    if (has(*c, "contact_id")) ++contacts[text(*c, "contact_id")];
  }
  const double total = static_cast<double>(conversations.size());
  CHECK(resolved_by["ai"] / total > 0.35);
  CHECK(resolved_by["ai"] / total < 0.55);
  CHECK(resolved_by["human"] / total > 0.2);
  CHECK(resolved_by["human"] / total < 0.4);
  CHECK(handover_only > 0);
  CHECK(non_ascii_assignees > 0);
  CHECK(channels.size() == 6);
  CHECK(languages.size() == 5);
  CHECK(std::count_if(contacts.begin(), contacts.end(), [](const auto& kv) { return kv.second > 1; }) > 50);
}

TEST_CASE("demo: SLA targets are met, breached and still pending at the end", "[demo]") {
  int met = 0, breached = 0, pending = 0, first_met = 0, first_breached = 0;
  for (const Record* c : dataset().by_type.at("conversation")) {
    if (has(*c, "resolution_due_at")) {
      const std::int64_t due = ms(*c, "resolution_due_at");
      if (has(*c, "resolved_at")) (ms(*c, "resolved_at") <= due ? met : breached)++;
      else (k_end_ms > due ? breached : pending)++;
    }
    if (has(*c, "first_response_due_at") && has(*c, "first_response_at"))
      (ms(*c, "first_response_at") <= ms(*c, "first_response_due_at") ? first_met : first_breached)++;
  }
  CHECK(met > breached);
  CHECK(breached > 20);
  CHECK(pending > 0);
  CHECK(first_met > first_breached);
  CHECK(first_breached > 0);
}

TEST_CASE("demo: arrivals follow Paris office hours and weekdays", "[demo]") {
  const TimeZone paris("Europe/Paris");
  std::map<bool, int> by_weekend;
  int office = 0;
  const auto& conversations = dataset().by_type.at("conversation");
  for (const Record* c : conversations) {
    const std::int64_t start = ms(*c, "started_at");
    const bool weekend = iso_weekday(paris.local_day(start)) >= 6;
    ++by_weekend[weekend];
    const int hour = paris.local_hour(start);
    office += !weekend && hour >= 9 && hour < 18 ? 1 : 0;
  }
  std::map<bool, int> days;
  for (std::int32_t day = paris.local_day(k_end_ms - 90 * k_day_ms); day < paris.local_day(k_end_ms); ++day)
    ++days[iso_weekday(day) >= 6];
  const double per_weekday = by_weekend[false] / static_cast<double>(days[false]);
  const double per_weekend_day = by_weekend[true] / static_cast<double>(days[true]);
  CHECK(per_weekday > 1.5 * per_weekend_day);
  CHECK(office / static_cast<double>(conversations.size()) > 0.5);
}

TEST_CASE("demo: messages, csat, calls, turns and usage follow their conversation", "[demo]") {
  const Dataset& d = dataset();
  std::map<std::string, const Record*> conversations;
  for (const Record* c : d.by_type.at("conversation")) conversations[text(*c, "id")] = c;

  int pii = 0, thumbs = 0;
  for (const Record* m : d.by_type.at("message")) {
    const Record& c = *conversations.at(text(*m, "conversation_id"));
    CHECK(ms(*m, "at") >= ms(c, "started_at"));
    CHECK(ms(*m, "at") <= ms(c, "ended_at"));
    CHECK((text(*m, "direction") == "inbound") == (text(*m, "author") == "user"));
    if (has(*m, "text") && (text(*m, "text").find("+1-555-01") != std::string::npos ||
                            text(*m, "text").find("@example.") != std::string::npos))
      ++pii;
    thumbs += has(*m, "feedback") ? 1 : 0;
  }
  CHECK(pii > 20);
  CHECK(thumbs > 20);

  int comment_only = 0, unanswered = 0, rated = 0;
  for (const Record* s : d.by_type.at("csat")) {
    const Record& c = *conversations.at(text(*s, "conversation_id"));
    REQUIRE(has(c, "resolved_at"));
    CHECK(ms(*s, "sent_at") >= ms(c, "resolved_at"));
    if (!has(*s, "responded_at")) {
      ++unanswered;
      CHECK_FALSE(has(*s, "rating"));
      continue;
    }
    CHECK(ms(*s, "responded_at") >= ms(*s, "sent_at"));
    CHECK(ms(*s, "responded_at") < k_end_ms);
    if (has(*s, "rating")) ++rated;
    else if (has(*s, "comment")) ++comment_only;
  }
  CHECK(comment_only > 5);
  CHECK(unanswered > 50);
  CHECK(rated > 200);

  std::set<std::string> outcomes, statuses;
  for (const Record* call : d.by_type.at("call")) {
    if (has(*call, "outcome")) outcomes.insert(text(*call, "outcome"));
    statuses.insert(text(*call, "status"));
    CHECK(number(*call, "duration_seconds") >= 0);
  }
  CHECK(outcomes == std::set<std::string>{"abandoned", "escalated", "resolved", "ticket_created"});
  CHECK(statuses == std::set<std::string>{"completed", "failed"});

  std::set<std::string> turn_statuses;
  int violations = 0;
  for (const Record* t : d.by_type.at("turn")) {
    turn_statuses.insert(text(*t, "status"));
    double stages = 0;
    for (const char* f : {"asr_ms", "llm_ms", "translation_ms", "tts_ms"}) stages += has(*t, f) ? number(*t, f) : 0;
    CHECK(number(*t, "total_ms") >= stages);
    CHECK(number(*t, "total_ms") < stages + 1000);
    violations += static_cast<int>(ms(*t, "guardrail_violations"));
  }
  CHECK(turn_statuses.size() == 3);
  CHECK(violations > 0);

  std::set<std::string> services, providers;
  int with_call = 0, errors = 0, cached = 0;
  for (const Record* u : d.by_type.at("usage")) {
    services.insert(text(*u, "service"));
    providers.insert(text(*u, "provider"));
    with_call += has(*u, "call_id") ? 1 : 0;
    errors += static_cast<int>(ms(*u, "error"));
    cached += static_cast<int>(ms(*u, "cached"));
    CHECK(number(*u, "cost_usd") >= 0);
  }
  CHECK(services == std::set<std::string>{"asr", "embedding", "llm", "translation", "tts"});
  for (const char* p : {"deepgram", "groq", "openai", "anthropic", "google", "elevenlabs"}) CHECK(providers.count(p) == 1);
  CHECK(with_call > 0);
  CHECK(errors > 0);
  CHECK(cached > 0);
}

TEST_CASE("demo: feedback, leads and events cover their kinds", "[demo]") {
  const Dataset& d = dataset();
  std::set<std::string> rating_types;
  for (const Record* f : d.by_type.at("feedback")) {
    rating_types.insert(text(*f, "rating_type"));
    const std::int64_t rating = ms(*f, "rating");
    if (text(*f, "rating_type") == "thumbs") CHECK((rating == 1 || rating == -1));
    else CHECK((rating >= 1 && rating <= 5));
  }
  CHECK(rating_types.size() == 2);

  std::set<std::string> stages, sources;
  for (const Record* l : d.by_type.at("lead")) {
    stages.insert(text(*l, "stage"));
    sources.insert(text(*l, "source"));
    CHECK(has(*l, "lost_at_stage") == (text(*l, "stage") == "lost"));
    CHECK(has(*l, "converted_at") == (text(*l, "stage") == "converted"));
  }
  CHECK(stages.size() == 5);
  for (const char* s : {"web", "whatsapp", "ads", "referral"}) CHECK(sources.count(s) == 1);

  std::map<std::string, int> kinds;
  int server_errors = 0;
  for (const Record* e : d.by_type.at("event")) {
    ++kinds[text(*e, "kind")];
    server_errors += ms(*e, "status_code") >= 500 ? 1 : 0;
  }
  CHECK(kinds["api_request"] > 10 * kinds["api_error"]);
  CHECK(kinds["api_error"] > 0);
  CHECK(server_errors > kinds["api_error"]);
}

TEST_CASE("demo: several tenants, progress and bad options", "[demo]") {
  DemoOptions o = options_for(2500);
  o.tenants = 3;
  std::vector<std::int64_t> progress;
  o.on_progress = [&](std::int64_t done, std::int64_t total) {
    CHECK(total == 2500);
    progress.push_back(done);
  };
  std::map<std::string, int> per_tenant;
  std::set<std::string> tenants;
  generate_demo([&](const Record& r) {
    tenants.insert(text(r, "tenant"));
    if (r.type->name == "conversation") ++per_tenant[text(r, "tenant")];
  }, o);
  CHECK(tenants == std::set<std::string>{"acme", "globex", "initech"});
  CHECK(per_tenant["acme"] + per_tenant["globex"] + per_tenant["initech"] == 2500);
  CHECK(per_tenant["acme"] > per_tenant["initech"]);
  CHECK(progress == std::vector<std::int64_t>{1000, 2000, 2500});

  o.tenants = 0;
  CHECK_THROWS_AS(generate_demo([](const Record&) {}, o), UsageError);
  o = options_for(-1);
  CHECK_THROWS_AS(generate_demo([](const Record&) {}, o), UsageError);
  o = options_for(10);
  o.days = 0;
  CHECK_THROWS_AS(generate_demo([](const Record&) {}, o), UsageError);
}

TEST_CASE("demo: writes into a cache; the same run again changes nothing", "[demo]") {
  namespace fs = std::filesystem;
  const fs::path path = fs::temp_directory_path() / ("convstat-test-demo-" + std::to_string(::getpid()) + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  {
    Cache cache(path.string(), OpenMode::read_write);
    DemoSummary summary;
    {
      RecordWriter writer(cache);
      summary = generate_demo(writer, options_for(200));
      writer.commit();
    }
    for (const TypeInfo& info : cache_info(cache).types) {
      INFO(info.type);
      CHECK(info.count == summary.records_per_type.at(info.type));
      CHECK(info.count > 0);
    }
    CHECK(cache_check(cache).empty());
    RecordWriter again(cache);
    generate_demo(again, options_for(200));
    for (const auto& [type, counts] : again.counts()) {
      INFO(type);
      CHECK(counts.inserted == 0);
      CHECK(counts.updated == 0);
    }
    again.rollback();
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}

TEST_CASE("demo: random helpers are portable and sane", "[demo]") {
  using namespace convstat::core::demo;
  for (double x : {-20.0, -1.5, -0.3, 0.0, 0.25, 1.0, 3.7, 12.0, 50.0})
    CHECK(det_exp(x) == Approx(std::exp(x)).epsilon(1e-14));
  Rng a(7), b(7);
  for (int i = 0; i < 100; ++i) REQUIRE(a.next() == b.next());
  Rng r(1);
  double sum = 0;
  std::array<int, 3> picks{};
  for (int i = 0; i < 30000; ++i) {
    sum += r.normal();
    const auto k = r.between(3, 5);
    REQUIRE((k >= 3 && k <= 5));
    ++picks[r.weighted(std::array<double, 3>{1, 2, 7})];
  }
  CHECK(std::abs(sum / 30000) < 0.05);
  CHECK(picks[2] > picks[1]);
  CHECK(picks[1] > picks[0]);
}
