// unified [002 Unified Overview]: blocks present per product, the profile,
// cross-product shares and blended resolution, counted by hand.
#include <catch2/catch.hpp>

#include "core/kpi/unified.hpp"

using namespace convstat::core;

namespace {

ConversationRow conversation(bool resolved) {
  ConversationRow c;
  c.id = resolved ? "resolved" : "open";
  c.tenant = "default";
  c.channel = "chat";
  c.started_at = 1000;
  if (resolved) {
    c.resolved_at = 2000;
    c.resolved_by = ResolvedBy::ai;
  }
  return c;
}

CallRow call(bool fcr) {
  CallRow c;
  c.started_at = 1000;
  c.completed = true;
  c.duration_seconds = 60;
  c.first_call_resolution = fcr;
  return c;
}

KbArticleRow article(bool published, std::int64_t views, std::int64_t helpful, std::int64_t not_helpful) {
  KbArticleRow a;
  a.id = "a";
  a.tenant = "default";
  a.published = published;
  a.views = views;
  a.helpful = helpful;
  a.not_helpful = not_helpful;
  return a;
}

}  // namespace

TEST_CASE("unified complete: every block, shares and blended resolution", "[unified]") {
  UnifiedInputs in;
  in.has_calls = in.has_conversations = in.has_kb = true;
  // 3 conversations (2 resolved) + 1 call (first-call resolved): 4 interactions, 3 resolved.
  in.conversations = {conversation(true), conversation(true), conversation(false)};
  in.calls = {call(true)};
  in.csat_responses = {};
  // Published: views 100 + 50, helpful 8 + 1, not helpful 2 + 1 -> 9 / 12 = 75 %; the draft is left out.
  in.kb_articles = {article(true, 100, 8, 2), article(true, 50, 1, 1), article(false, 999, 99, 0)};
  const Result r = compute_unified(in);
  CHECK(r.root.find("profile")->as_string() == "complete");
  CHECK(r.root.find("voice")->find("total_calls")->as_integer() == 1);
  CHECK(r.root.find("voice")->find("first_call_resolution_rate")->as_number() == Approx(100.0));
  CHECK(r.root.find("voice")->find("period_start") == nullptr);
  CHECK(r.root.find("cs")->find("total_conversations")->as_integer() == 3);
  CHECK(r.root.find("cs")->find("csat_avg")->is_null());
  const Node& x = *r.root.find("cross_product");
  CHECK(x.find("total_interactions")->as_integer() == 4);
  CHECK(x.find("blended_resolution_rate")->as_number() == Approx(75.0));
  CHECK(x.find("voice_share")->as_number() == Approx(25.0));
  CHECK(x.find("cs_share")->as_number() == Approx(75.0));
  const Node& kb = *r.root.find("kb");
  CHECK(kb.find("total_published")->as_integer() == 2);
  CHECK(kb.find("total_views")->as_integer() == 150);
  CHECK(kb.find("helpfulness_rate")->as_number() == Approx(75.0));
  CHECK(kb.find("ai_resolutions")->is_null());
}

TEST_CASE("unified profiles: voice only, platform only, nothing", "[unified]") {
  UnifiedInputs voice;
  voice.has_calls = true;  // calls exist, none in the range
  Result r = compute_unified(voice);
  CHECK(r.root.find("profile")->as_string() == "voice");
  CHECK(r.root.find("cs")->is_null());
  CHECK(r.root.find("kb")->is_null());
  CHECK(r.root.find("voice")->find("total_calls")->as_integer() == 0);
  CHECK(r.root.find("cross_product")->find("total_interactions")->as_integer() == 0);
  CHECK(r.root.find("cross_product")->find("blended_resolution_rate")->is_null());

  UnifiedInputs platform;
  platform.has_conversations = true;
  platform.conversations = {conversation(false)};
  r = compute_unified(platform);
  CHECK(r.root.find("profile")->as_string() == "platform");
  CHECK(r.root.find("voice")->is_null());
  CHECK(r.root.find("cross_product")->find("cs_share")->as_number() == Approx(100.0));
  CHECK(r.root.find("cross_product")->find("blended_resolution_rate")->as_number() == Approx(0.0));

  r = compute_unified(UnifiedInputs{});
  CHECK(r.root.find("profile")->is_null());
  CHECK(r.root.find("cross_product")->is_null());
}
