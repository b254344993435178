#!/usr/bin/env bash
# usage, usage daily|monthly and latency through the binary on the hand-counted
# dataset of tests/data/pipeline (its README lists every count):
# 2026-03-10..2026-03-12 in UTC.
source "$(dirname "$0")/lib.sh"

cs import "$DATA/pipeline/records.ndjson"
expect_rc 0
R=(--from 2026-03-10 --to 2026-03-12)

cs usage "${R[@]}" -f json
expect_rc 0
expect_err_empty
json_check 'list(d) == ["total_conversations", "active_users", "total_calls", "hourly_distribution", "weekly_distribution", "monthly_trends", "llm_usage", "avg_tokens_per_call", "api"]'
json_check 'd["total_conversations"] == 4 and d["active_users"] == 3 and d["total_calls"] == 3'
json_check '[(x["hour"], x["count"]) for x in d["hourly_distribution"] if x["count"]] == [(9, 3), (14, 1), (15, 2), (23, 1)] and len(d["hourly_distribution"]) == 24'
json_check '[x["count"] for x in d["weekly_distribution"]] == [0, 3, 2, 2, 0, 0, 0]'
json_check 'd["monthly_trends"] == [{"month": "2026-03", "count": 7}]'
json_check 'd["llm_usage"][0] == {"provider": "groq", "total_requests": 3, "total_input_tokens": 310, "total_output_tokens": 160, "avg_latency_ms": 400.0, "p95_latency_ms": 490.0, "error_count": 1, "total_cost_usd": 0.007}'
json_check 'd["llm_usage"][1] == {"provider": "openai", "total_requests": 1, "total_input_tokens": 40, "total_output_tokens": 0, "avg_latency_ms": 100.0, "p95_latency_ms": 100.0, "error_count": 0, "total_cost_usd": 0.01}'
json_check 'd["avg_tokens_per_call"] == 95.0'
json_check 'd["api"] == {"total_requests": 4, "error_count": 2, "error_rate": 50.0, "avg_latency_ms": 162.5, "p95_latency_ms": 285.0}'

cs usage "${R[@]}" --by model -f json
json_check '[(x["provider"], x["model"], x["total_requests"]) for x in d["llm_usage"]] == [("groq", "llama", 2), ("groq", "mixtral", 1), ("openai", "gpt", 1)]'
# --channel chat: x4 (no conversation) drops out of llm and tokens; calls are not conversations.
cs usage "${R[@]}" --channel chat -f json
json_check 'd["total_conversations"] == 3 and d["total_calls"] == 3 and d["avg_tokens_per_call"] == 150.0'
json_check '[x["provider"] for x in d["llm_usage"]] == ["groq"]'
cs usage "${R[@]}" --outcome resolved -f json
json_check 'd["total_calls"] == 1 and d["total_conversations"] == 4'
cs usage "${R[@]}" --bot b1 -f json
json_check 'd["total_conversations"] == 2 and d["total_calls"] == 1 and d["active_users"] == 1'
cs usage "${R[@]}" --tenant other -f json
json_check 'd["total_conversations"] == 1 and d["api"]["total_requests"] == 1 and d["llm_usage"] == []'
cs usage "${R[@]}" -f csv
expect_rc 0
expect_out_eq $'provider,total_requests,total_input_tokens,total_output_tokens,avg_latency_ms,p95_latency_ms,error_count,total_cost_usd\r\ngroq,3,310,160,400.0,490.0,1,0.007\r\nopenai,1,40,0,100.0,100.0,0,0.01\r\n'
cs usage "${R[@]}" --by vendor
expect_rc 2
expect_out_empty

# usage daily / monthly
cs usage daily "${R[@]}" -f json
expect_rc 0
json_check 'd == {"data": [{"date": "2026-03-10", "conversations": 2, "messages": 2, "active_users": 2}, {"date": "2026-03-11", "conversations": 1, "messages": 2, "active_users": 1}, {"date": "2026-03-12", "conversations": 1, "messages": 0, "active_users": 1}]}'
cs usage daily "${R[@]}" --channel chat -f csv
expect_out_eq $'date,conversations,messages,active_users\r\n2026-03-10,1,2,1\r\n2026-03-11,1,1,1\r\n2026-03-12,1,0,1\r\n'
cs usage monthly --from 2026-03-01 --to 2026-04-30 -f md
expect_rc 0
expect_out_has '| 2026-03 |'
cs usage monthly --from 2026-03-01 --to 2026-04-30 -f json
json_check 'd == {"data": [{"month": "2026-03", "conversations": 4, "messages": 4, "active_users": 3}, {"month": "2026-04", "conversations": 1, "messages": 0, "active_users": 1}]}'

# latency
cs latency "${R[@]}" -f json
expect_rc 0
expect_err_empty
json_check 'list(d) == ["asr", "llm", "translation", "tts", "total"]'
json_check 'd["asr"] == {"count": 4, "avg_ms": 97.5, "p50_ms": 95.0, "p90_ms": 114.0, "p95_ms": 117.0, "p99_ms": 119.4, "max_ms": 120.0}'
json_check 'd["llm"] == {"count": 3, "avg_ms": 400.0, "p50_ms": 400.0, "p90_ms": 480.0, "p95_ms": 490.0, "p99_ms": 498.0, "max_ms": 500.0}'
json_check 'd["tts"]["p99_ms"] == 209.9 and d["translation"]["count"] == 1 and d["translation"]["max_ms"] == 40.0'
json_check 'd["total"] == {"count": 5, "avg_ms": 660.0, "p50_ms": 700.0, "p90_ms": 920.0, "p95_ms": 960.0, "p99_ms": 992.0, "max_ms": 1000.0}'
cs latency "${R[@]}" --by language -f json
json_check 'd["by"] == "language" and [(g["key"], g["turns"]) for g in d["groups"]] == [("hi-IN", 3), (None, 1), ("en-IN", 1)]'
json_check 'd["groups"][0]["llm"]["count"] == 3 and d["groups"][2]["translation"]["avg_ms"] == 40.0'
cs latency "${R[@]}" --by optimization_level -f json
json_check '[(g["key"], g["turns"]) for g in d["groups"]] == [(None, 2), ("balanced", 2), ("speed", 1)]'
cs latency "${R[@]}" --channel chat -f json
json_check 'd["total"]["count"] == 4'
cs latency --from 2026-01-01 --to 2026-01-02 -f json
json_check 'd["total"] == {"count": 0, "avg_ms": None, "p50_ms": None, "p90_ms": None, "p95_ms": None, "p99_ms": None, "max_ms": None}'
cs latency "${R[@]}"
expect_rc 0
expect_out_has 'Pipeline latency percentiles'
expect_out_has 'total.p95_ms'
cs check "${R[@]}" --rule 'latency.total.p95_ms < 1000' --rule 'usage.api.error_rate <= 50'
expect_rc 0
cs latency "${R[@]}" --by channel
expect_rc 2

done_checks
