#!/usr/bin/env bash
# conversation ID and bot ID through the binary on a small hand-counted dataset
# built below (answers worked out by hand in the comments).
source "$(dirname "$0")/lib.sh"

cat >"$WORK/records.ndjson" <<'NDJSON'
{"type":"conversation","id":"c1","bot_id":"b1","channel":"chat","started_at":"2026-03-10T10:00:00Z","first_response_at":"2026-03-10T10:00:10Z","resolved_at":"2026-03-10T10:30:00Z","resolved_by":"ai","ended_at":"2026-03-10T10:40:00Z","topics":["billing","refund"],"sentiment":0.5,"ai_quality":0.8}
{"type":"conversation","id":"c2","bot_id":"b1","channel":"email","started_at":"2026-03-11T10:00:00Z","first_response_at":"2026-03-11T10:00:30Z","escalated_at":"2026-03-11T10:05:00Z","ai_quality":0.6}
{"type":"conversation","id":"c3","bot_id":"b2","channel":"chat","started_at":"2026-03-12T10:00:00Z","first_response_at":"2026-03-12T10:01:00Z","resolved_at":"2026-03-12T10:20:00Z","resolved_by":"ai"}
{"type":"message","id":"m1","conversation_id":"c1","at":"2026-03-10T10:00:00Z","direction":"inbound","author":"user"}
{"type":"message","id":"m2","conversation_id":"c1","at":"2026-03-10T10:00:10Z","direction":"inbound","author":"user"}
{"type":"message","id":"m3","conversation_id":"c1","at":"2026-03-10T10:00:20Z","direction":"outbound","author":"ai","feedback":"positive"}
{"type":"message","id":"m4","conversation_id":"c1","at":"2026-03-10T10:01:00Z","direction":"inbound","author":"user"}
{"type":"csat","id":"s1","conversation_id":"c1","sent_at":"2026-03-10T11:00:00Z","responded_at":"2026-03-10T12:00:00Z","rating":3}
{"type":"csat","id":"s2","conversation_id":"c1","sent_at":"2026-03-10T11:00:00Z","responded_at":"2026-03-10T13:00:00Z","rating":5}
{"type":"feedback","id":"f1","conversation_id":"c2","rating":-1,"rating_type":"thumbs","created_at":"2026-03-11T10:10:00Z"}
{"type":"feedback","id":"f2","conversation_id":"c1","rating":1,"rating_type":"thumbs","created_at":"2026-03-10T10:10:00Z"}
NDJSON
cs import "$WORK/records.ndjson"
expect_rc 0

# c1: m1 and m2 both answered by m3 (20 s, 10 s), m4 unanswered: 15.0 s.
cs conversation c1 -f json
expect_rc 0
expect_err_empty
json_check 'd["conversation_id"] == "c1" and d["channel"] == "chat" and d["started_at"] == "2026-03-10T10:00:00Z"'
json_check 'd["duration_minutes"] == 40.0 and d["topics"] == ["billing", "refund"] and d["sentiment"] == 0.5'
json_check 'd["message_statistics"] == {"total": 4, "inbound": 3, "outbound": 1, "by_author": {"user": 3, "ai": 1, "human": 0, "system": 0}, "avg_response_seconds": 15.0}'
json_check 'd["resolved_by"] == "ai" and d["escalated"] is False and d["csat"] == 5'

# c2: no messages, no end, no topics, no CSAT; escalated.
cs conversation c2 -f json
expect_rc 0
json_check 'd["duration_minutes"] is None and d["topics"] == [] and d["csat"] is None and d["escalated"] is True'
json_check 'd["message_statistics"]["total"] == 0 and d["message_statistics"]["avg_response_seconds"] is None'

cs conversation nope -f json
expect_rc 3
expect_out_empty
expect_err_has "Conversation not found"

# b1 = c1 + c2: first responses 10 s and 30 s (p90 = 10 + 0.9 * 20 = 28).
cs bot b1 --from 2026-03-01 --to 2026-03-31 -f json
expect_rc 0
expect_err_empty
json_check 'd["bot_id"] == "b1"'
json_check 'd["performance_metrics"] == {"avg_first_response_seconds": 20.0, "median_first_response_seconds": 20.0, "p90_first_response_seconds": 28.0, "avg_resolution_minutes": 30.0}'
json_check 'd["quality_metrics"] == {"csat_avg": 4.0, "positive_rate": 50.0, "ai_quality_avg": 0.7, "thumbs_up": 2, "thumbs_down": 1, "escalation_rate": 50.0}'
json_check 'd["conversation_metrics"] == {"total_conversations": 2, "ai_resolved_count": 1, "ai_resolution_rate": 50.0, "avg_messages_per_conversation": 2.0, "avg_duration_minutes": 40.0}'

# --compare: the company is c1 c2 c3 (first responses 10, 30, 60 s: mean 33.33).
cs bot b1 --from 2026-03-01 --to 2026-03-31 --compare -f json
expect_rc 0
json_check 'd["conversation_metrics"]["total_conversations"] == {"value": 2, "company_average": 3, "difference": -1, "difference_pct": -33.3}'
json_check 'd["performance_metrics"]["avg_first_response_seconds"] == {"value": 20.0, "company_average": 33.3, "difference": -13.3, "difference_pct": -40.0}'
json_check 'd["quality_metrics"]["csat_avg"] == {"value": 4.0, "company_average": 4.0, "difference": 0.0, "difference_pct": 0.0}'

# The range applies: nothing of b1 in February, but b1 exists.
cs bot b1 --from 2026-02-01 --to 2026-02-28 -f json
expect_rc 0
json_check 'd["conversation_metrics"]["total_conversations"] == 0 and d["performance_metrics"]["avg_first_response_seconds"] is None'

cs bot nope -f json
expect_rc 3
expect_out_empty
expect_err_has "Bot not found"

done_checks
