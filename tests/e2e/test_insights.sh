#!/usr/bin/env bash
# insights through the binary: every key on demo data, then the records below
# on 2026-03-10 (UTC), every number counted by hand in the comments.
source "$(dirname "$0")/lib.sh"

KEYS='["csat", "busiest_hours", "top_topics", "agent_performance", "team_performance", "help_center_deflection", "sla_breach_trend", "email_channel_metrics", "aggregation_health", "metadata"]'

cs demo --conversations 300 --seed 7 --days 30 --as-of 2026-03-31T15:00:00Z
expect_rc 0
cs insights --as-of 2026-03-31T15:00:00Z --days 30 --tz Europe/Paris -f json
expect_rc 0
expect_err_empty
json_check "list(d) == $KEYS"
json_check 'all(k in d["aggregation_health"] for k in ["target_conversation_volume", "per_query_budget_ms", "total_budget_ms", "conversations_scanned", "total_runtime_ms", "target_met", "overview_ms", "sla_compliance_ms", "agent_performance_ms"])'
json_check 'd["aggregation_health"]["target_conversation_volume"] == 100000 and d["aggregation_health"]["per_query_budget_ms"] == 500.0 and d["aggregation_health"]["total_budget_ms"] == 2000.0'
json_check 'all(d["aggregation_health"][k] >= 0 for k in ["total_runtime_ms", "overview_ms", "sla_compliance_ms", "agent_performance_ms"])'
json_check 'isinstance(d["aggregation_health"]["target_met"], bool) and d["aggregation_health"]["conversations_scanned"] > 0'
json_check 'len(d["sla_breach_trend"]) == 30 and 0 < len(d["busiest_hours"]) <= 5 and 0 < len(d["top_topics"]) <= 10'
json_check 'd["help_center_deflection"] is not None and d["help_center_deflection"]["deflection_rate"] is None'
json_check 'd["metadata"] == {"date_from": "2026-03-02T00:00:00+01:00", "date_to": "2026-04-01T00:00:00+02:00", "tz": "Europe/Paris"}'
for f in table csv md; do
  cs insights --as-of 2026-03-31T15:00:00Z --days 30 -f "$f"
  expect_rc 0
done

rm -f "$CACHE"
cat >"$WORK/insights.ndjson" <<'NDJSON'
{"type":"conversation","id":"i1","channel":"email","started_at":"2026-03-10T09:00:00Z","topics":["billing","login"],"first_response_due_at":"2026-03-10T09:10:00Z","first_response_at":"2026-03-10T09:05:00Z","assignee_id":"a1","assignee_name":"Ann","team_id":"t1","team_name":"Tier 1"}
{"type":"conversation","id":"i2","started_at":"2026-03-10T09:30:00Z","topics":["billing"],"resolution_due_at":"2026-03-10T10:00:00Z"}
{"type":"conversation","id":"i3","channel":"email","started_at":"2026-03-10T14:00:00Z"}
{"type":"conversation","id":"i4","channel":"email","started_at":"2026-03-09T20:00:00Z"}
{"type":"conversation","id":"i5","started_at":"2026-03-10T14:10:00Z","topics":["vpn","vpn"]}
{"type":"message","conversation_id":"i1","at":"2026-03-10T09:01:00Z","direction":"inbound"}
{"type":"message","conversation_id":"i1","at":"2026-03-10T09:05:00Z","direction":"outbound"}
{"type":"message","conversation_id":"i4","at":"2026-03-10T08:00:00Z","direction":"inbound"}
{"type":"message","conversation_id":"i4","at":"2026-03-09T20:01:00Z","direction":"inbound"}
{"type":"message","conversation_id":"i2","at":"2026-03-10T09:31:00Z","direction":"inbound"}
{"type":"message","conversation_id":"i3","at":"2026-03-11T00:00:00Z","direction":"outbound"}
NDJSON
cs import "$WORK/insights.ndjson"
expect_rc 0

# Range conversations i1 i2 i3 i5 (i4 started the day before).
cs insights --from 2026-03-10 --to 2026-03-10 --as-of 2026-03-12T00:00:00Z -f json
expect_rc 0
expect_err_empty
# Hours 9 (i1, i2) and 14 (i3, i5).
json_check 'd["busiest_hours"] == [{"hour": 9, "conversation_count": 2}, {"hour": 14, "conversation_count": 2}]'
# billing i1 i2 = 2/4, login i1 = 1/4, vpn i5 once = 1/4; i3 has no topics but counts in the 4.
json_check 'd["top_topics"] == [{"topic": "billing", "conversation_count": 2, "share": 50.0}, {"topic": "login", "conversation_count": 1, "share": 25.0}, {"topic": "vpn", "conversation_count": 1, "share": 25.0}]'
# i1 met (first response 09:05 <= 09:10), i2 breached (unresolved, due 10:00, as-of after).
json_check 'd["sla_breach_trend"] == [{"day": "2026-03-10", "tracked": 2, "breached": 1, "met": 1, "compliance_rate": 50.0}]'
# Email: i1 and i3 started in range; inbound i1 09:01 and i4 08:00 (i4 started earlier), outbound i1 09:05;
# i4 20:01 on 03-09 and i3 on 03-11 are outside, i2 is chat.
json_check 'd["email_channel_metrics"] == {"email_conversations": 2, "inbound_messages": 2, "outbound_messages": 1}'
json_check 'd["help_center_deflection"] is None'
json_check '[a["assignee_user_id"] for a in d["agent_performance"]] == ["a1"] and d["team_performance"][0]["team_name"] == "Tier 1"'
json_check 'd["aggregation_health"]["conversations_scanned"] == 4 and d["csat"]["total_responses"] == 0'
json_check 'd["metadata"] == {"date_from": "2026-03-10T00:00:00+00:00", "date_to": "2026-03-11T00:00:00+00:00", "tz": "UTC"}'

# Paris (UTC+1): hours 10 and 15; the range 03-09T23:00Z..03-10T23:00Z still holds i1 i2 i3 i5.
cs insights --from 2026-03-10 --to 2026-03-10 --tz Europe/Paris --as-of 2026-03-12T00:00:00Z -f json
expect_rc 0
json_check '[(h["hour"], h["conversation_count"]) for h in d["busiest_hours"]] == [(10, 2), (15, 2)]'
json_check 'd["metadata"]["date_from"] == "2026-03-10T00:00:00+01:00" and d["metadata"]["date_to"] == "2026-03-11T00:00:00+01:00"'

# Filters: email only -> i1 i3 (2 scanned), messages unchanged; chat -> no email at all.
cs insights --from 2026-03-10 --to 2026-03-10 --as-of 2026-03-12T00:00:00Z --channel email -f json
expect_rc 0
json_check 'd["aggregation_health"]["conversations_scanned"] == 2 and d["email_channel_metrics"]["inbound_messages"] == 2'
json_check 'd["top_topics"][0] == {"topic": "billing", "conversation_count": 1, "share": 50.0}'
cs insights --from 2026-03-10 --to 2026-03-10 --as-of 2026-03-12T00:00:00Z --channel chat -f json
expect_rc 0
json_check 'd["email_channel_metrics"] == {"email_conversations": 0, "inbound_messages": 0, "outbound_messages": 0}'

# kb articles (not range-scoped): k2 unpublished; k1 and k3 published ->
# 2 articles, views 10 + 40, helpful 3 + 0, not helpful 1 + 0 -> 75 %; top k3 then k1.
cat >"$WORK/kb.ndjson" <<'NDJSON'
{"type":"kb_article","id":"k1","title":"Reset","slug":"reset","views":10,"helpful":3,"not_helpful":1,"updated_at":"2020-01-01T00:00:00Z"}
{"type":"kb_article","id":"k2","title":"Draft","published":false,"views":100,"helpful":9}
{"type":"kb_article","id":"k3","title":"VPN","slug":"vpn","views":40}
NDJSON
cs import "$WORK/kb.ndjson"
expect_rc 0
cs insights --from 2026-03-10 --to 2026-03-10 --as-of 2026-03-12T00:00:00Z -f json
expect_rc 0
json_check 'd["help_center_deflection"] == {"article_count": 2, "total_views": 50, "helpful_feedback": 3, "not_helpful_feedback": 1, "deflection_rate": None, "helpfulness_rate": 75.0, "top_articles": [{"article_id": "k3", "title": "VPN", "slug": "vpn", "view_count": 40, "helpful_count": 0, "not_helpful_count": 0}, {"article_id": "k1", "title": "Reset", "slug": "reset", "view_count": 10, "helpful_count": 3, "not_helpful_count": 1}]}'
cs insights --from 2026-03-10 --to 2026-03-10 --as-of 2026-03-12T00:00:00Z --tenant other -f json
expect_rc 0
json_check 'd["help_center_deflection"] is None and d["aggregation_health"]["conversations_scanned"] == 0 and d["busiest_hours"] == [] and d["top_topics"] == []'

cs insights --from 2026-03-10 --to 2026-03-10 -f csv --section nope
expect_rc 2
expect_out_empty
done_checks
