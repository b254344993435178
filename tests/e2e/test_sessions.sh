#!/usr/bin/env bash
# sessions costs|metrics|list, feedback and feedback add through the binary on
# the hand-counted dataset of tests/data/pipeline (its README lists the counts).
source "$(dirname "$0")/lib.sh"

cs import "$DATA/pipeline/records.ndjson"
expect_rc 0
R=(--from 2026-03-10 --to 2026-03-12)

# costs and metrics ignore the range.
cs sessions costs s1 -f json
expect_rc 0
expect_err_empty
json_check 'd == {"total_cost_usd": 0.003, "breakdown_by_service": {"llm": 0.002, "tts": 0.001}, "breakdown_by_provider": {"eleven": 0.001, "groq": 0.002}, "total_entries": 2, "cache_savings_usd": 0.0005, "optimization_level": "speed"}'
cs sessions metrics s1 -f json
expect_rc 0
json_check 'd["total_turns"] == 4 and d["successful_turns"] == 2 and d["failed_turns"] == 1 and d["interrupted_turns"] == 1'
json_check 'd["avg_asr_latency_ms"] == 100.0 and d["avg_llm_latency_ms"] == 400.0 and d["avg_translation_latency_ms"] == 40.0 and d["avg_tts_latency_ms"] == 200.0 and d["avg_total_latency_ms"] == 1625.0'
json_check 'd["cache_hit_rate"] == 0.5 and (d["llm_cache_hits"], d["llm_cache_misses"], d["tts_cache_hits"], d["tts_cache_misses"]) == (1, 1, 1, 1)'
json_check 'd["guardrail_violations"] == 2 and d["guardrail_blocks"] == 1 and d["total_cost_usd"] == 0.003'
json_check 'd["optimization_level"] == "speed" and d["language_code"] == "en-IN"'
cs sessions metrics s2 -f json
json_check 'd["total_turns"] == 0 and d["avg_total_latency_ms"] is None and d["cache_hit_rate"] is None and d["language_code"] == "ta-IN"'
cs sessions costs s9 -f json
json_check 'd["breakdown_by_service"] == {"asr": 0.0005} and d["total_entries"] == 1'
cs sessions metrics s7 -f md
expect_rc 0
expect_out_has '| total_turns | 0 |'
cs sessions metrics nope
expect_rc 3
expect_out_empty
expect_err_has 'convstat: error: Session not found'
cs sessions costs s4 --tenant default
expect_rc 3
cs sessions
expect_rc 2

# list
cs sessions list "${R[@]}" -f json
expect_rc 0
json_check 'd == [{"session_id": "s3", "turns": 1, "failed_turns": 0, "total_cost_usd": 0.005, "avg_total_latency_ms": 800.0}, {"session_id": "s1", "turns": 3, "failed_turns": 1, "total_cost_usd": 0.003, "avg_total_latency_ms": 500.0}, {"session_id": "s9", "turns": 1, "failed_turns": 0, "total_cost_usd": 0.0005, "avg_total_latency_ms": 1000.0}]'
cs sessions list "${R[@]}" --sort latency -f csv
expect_out_eq $'session_id,turns,failed_turns,total_cost_usd,avg_total_latency_ms\r\ns9,1,0,0.0005,1000.0\r\ns3,1,0,0.005,800.0\r\ns1,3,1,0.003,500.0\r\n'
cs sessions list "${R[@]}" --sort failures --limit 2 -f json
json_check '[x["session_id"] for x in d] == ["s1", "s3"]'
cs sessions list "${R[@]}" --limit 1
expect_rc 0
expect_out_has 's3'
expect_out_lacks 's9'
cs check "${R[@]}" --rule 'sessions_list[session_id=s1].turns == 3'
expect_rc 0
cs sessions list "${R[@]}" --limit 0
expect_rc 2
expect_err_has '--limit'
cs sessions list "${R[@]}" --limit 1001
expect_rc 2
cs sessions list "${R[@]}" --sort price
expect_rc 2

# feedback summary
cs feedback "${R[@]}" -f json
expect_rc 0
json_check 'd == {"total": 6, "thumbs_up": 3, "thumbs_down": 1, "thumbs_up_rate": 75.0, "stars_count": 2, "stars_avg": 4.5, "flags": {"incorrect_response": 1, "too_slow": 1, "unhelpful": 1, "offensive": 1}, "by_category": [{"category": "quality", "count": 2}, {"category": "speed", "count": 1}]}'
cs feedback "${R[@]}" --channel chat -f json
json_check 'd["total"] == 5 and d["stars_count"] == 1 and d["stars_avg"] == 5.0 and d["by_category"] == [{"category": "quality", "count": 1}, {"category": "speed", "count": 1}]'
cs feedback "${R[@]}" -f csv
expect_out_eq $'category,count\r\nquality,2\r\nspeed,1\r\n'

# feedback add: invalid ratings exit 2 with the seed's message and write nothing.
cs feedback "${R[@]}" -f json
cp "$OUT" "$WORK/before.json"
cs feedback add --conversation s3 --rating 2 --rating-type thumbs
expect_rc 2
expect_out_empty
expect_err_has 'convstat: error: Rating must be -1 (thumbs down) or 1 (thumbs up) for thumbs type'
cs feedback add --conversation s3 --rating 6 --rating-type stars
expect_rc 2
expect_err_has 'convstat: error: Rating must be between 1 and 5 for stars type'
cs feedback add --conversation s3 --rating x --rating-type stars
expect_rc 2
cs feedback add --conversation s3 --rating 1 --rating-type hearts
expect_rc 2
cs feedback add --rating 1 --rating-type thumbs
expect_rc 2
cs feedback "${R[@]}" -f json
diff -q "$WORK/before.json" "$OUT" >/dev/null || fail "the cache changed after rejected feedback"
pass

# A valid one: id 8 after the tenant's all-digit "7", created_at = --as-of.
cs feedback add --conversation s3 --rating 5 --rating-type stars --category accuracy --too-slow --as-of 2026-03-12T08:00:00Z -f json
expect_rc 0
json_check 'd == {"id": 8, "session_id": "s3", "rating": 5, "rating_type": "stars", "created_at": "2026-03-12T08:00:00Z"}'
cs feedback "${R[@]}" -f json
json_check 'd["total"] == 7 and d["stars_count"] == 3 and d["stars_avg"] == 4.7 and d["flags"]["too_slow"] == 2'
json_check '{"category": "accuracy", "count": 1} in d["by_category"]'
cs feedback add --conversation s4 --tenant other --rating -1 --rating-type thumbs --as-of 2026-03-12T09:00:00Z -f json
json_check 'd["id"] == 42'
cs feedback add --conversation new-session --tenant fresh --rating 1 --rating-type thumbs
expect_rc 0
expect_out_has 'session_id'
cs sessions metrics new-session --tenant fresh -f json
expect_rc 0
json_check 'd["total_turns"] == 0'
# The stored record is what an import of the same JSON stores: re-importing it changes nothing.
cat >"$WORK/same.ndjson" <<'NDJSON'
{"type":"feedback","id":"8","conversation_id":"s3","rating":5,"rating_type":"stars","feedback_category":"accuracy","too_slow":true,"created_at":"2026-03-12T08:00:00Z"}
NDJSON
cs import "$WORK/same.ndjson"
expect_rc 0
expect_err_has 'feedback: 0 inserted, 0 updated, 1 unchanged'

done_checks
