#!/usr/bin/env bash
# calls, calls resolution, calls search (with its audit log) and unified
# through the binary, on the records below, counted by hand in the comments:
# 2026-03-09 (Mon) .. 2026-03-11 in UTC.
source "$(dirname "$0")/lib.sh"

cat >"$WORK/records.ndjson" <<'NDJSON'
{"type":"call","id":"k0","started_at":"2026-03-06T10:00:00Z","status":"completed","outcome":"resolved","phone":"+33 6 11 11 11 11"}
{"type":"call","id":"k1","started_at":"2026-03-09T10:00:00Z","status":"completed","duration_seconds":100,"outcome":"resolved","category":"billing","resolution_seconds":60,"phone":"+33 6 12 34 56 78","bot_id":"b1"}
{"type":"call","id":"k2","started_at":"2026-03-09T10:30:00Z","status":"completed","duration_seconds":200,"outcome":"ticket_created","category":"billing","resolution_seconds":120,"phone":"06.12.34.56.78"}
{"type":"call","id":"k3","started_at":"2026-03-11T15:00:00Z","status":"failed","outcome":"abandoned","phone":"+1 555 010 9999"}
{"type":"call","id":"k4","started_at":"2026-03-11T15:10:00Z","status":"completed","duration_seconds":60,"outcome":"escalated","category":"tech"}
{"type":"conversation","id":"c1","started_at":"2026-03-10T09:00:00Z","resolved_at":"2026-03-10T09:30:00Z","resolved_by":"ai","channel":"chat"}
{"type":"conversation","id":"c2","started_at":"2026-03-10T11:00:00Z","channel":"email"}
{"type":"csat","id":"s1","conversation_id":"c1","sent_at":"2026-03-10T10:00:00Z","responded_at":"2026-03-10T11:00:00Z","rating":4}
{"type":"kb_article","id":"a1","views":120,"helpful":9,"not_helpful":3}
{"type":"kb_article","id":"a2","published":false,"views":5}
{"type":"call","id":"v1","tenant":"voiceonly","started_at":"2026-03-10T09:00:00Z","status":"completed","outcome":"resolved"}
NDJSON
cs import "$WORK/records.ndjson"
expect_rc 0

RANGE=(--from 2026-03-09 --to 2026-03-11)

# calls: k1 k2 k3 k4 (+ v1 of tenant voiceonly) -> 5 calls, 4 completed; durations 100 200 60 0 -> 90.0;
# fcr k1 k2 v1 = 3/5 = 60.0; tickets k2 = 1; escalations k4 = 1.
cs calls "${RANGE[@]}" -f json
expect_rc 0
expect_err_empty
json_check 'list(d) == ["kpis", "call_volume", "outcome_breakdown", "peak_hours"]'
json_check 'd["kpis"] == {"total_calls": 5, "completed_calls": 4, "failed_calls": 1, "avg_duration_seconds": 90.0, "first_call_resolution_rate": 60.0, "tickets_created": 1, "escalation_count": 1, "period_start": "2026-03-09", "period_end": "2026-03-11"}'
json_check 'd["call_volume"] == [{"date": "2026-03-09", "total_calls": 2, "completed_calls": 2, "failed_calls": 0}, {"date": "2026-03-10", "total_calls": 1, "completed_calls": 1, "failed_calls": 0}, {"date": "2026-03-11", "total_calls": 2, "completed_calls": 1, "failed_calls": 1}]'
json_check '[(x["outcome"], x["count"], x["percentage"]) for x in d["outcome_breakdown"]] == [("resolved", 2, 40.0), ("abandoned", 1, 20.0), ("escalated", 1, 20.0), ("ticket_created", 1, 20.0)]'
# Mon 10:00 x2 (k1 k2), Wed 15:00 x2 (k3 k4), Tue 09:00 (v1).
json_check 'd["peak_hours"] == [{"hour": 10, "day_of_week": 1, "call_count": 2}, {"hour": 15, "day_of_week": 3, "call_count": 2}, {"hour": 9, "day_of_week": 2, "call_count": 1}]'
cs calls "${RANGE[@]}" --tenant default --outcome resolved -f json
json_check 'd["kpis"]["total_calls"] == 1 and d["kpis"]["first_call_resolution_rate"] == 100.0'
cs calls "${RANGE[@]}" --bot b1 -f csv
expect_rc 0
expect_out_eq $'date,total_calls,completed_calls,failed_calls\r\n2026-03-09,1,1,0\r\n2026-03-10,0,0,0\r\n2026-03-11,0,0,0\r\n'
# In Paris, Monday 10:00Z is 11:00.
cs calls "${RANGE[@]}" --tz Europe/Paris -f json
json_check 'd["peak_hours"][0] == {"hour": 11, "day_of_week": 1, "call_count": 2}'

# Tables draw peak_hours as a 7 x 24 heatmap: Mon 10 and Wed 15 full, Tue 09 at half (2 of 4 levels).
cs calls "${RANGE[@]}"
expect_rc 0
expect_out_has 'peak_hours: calls by weekday and hour (UTC)'
grep -q '^Mon  \(· \)\{10\}██· ' "$OUT" || fail "Monday's row is not 10 empty cells then a full one"
pass
grep -q '^Tue  \(· \)\{9\}▒▒· ' "$OUT" || fail "Tuesday's 09:00 cell is not half shaded"
pass
expect_out_has 'scale: · 0  ▒ ≤1  █ ≤2'
cs calls "${RANGE[@]}" -f md
expect_rc 0
expect_out_lacks '█'
expect_out_has '| 10 | 1 | 2 |'

# calls resolution: billing 2 (both resolved), null 1 (k3; v1), tech 1; mean resolution (60 + 120) / 2.
cs calls resolution "${RANGE[@]}" --tenant default -f json
expect_rc 0
json_check '[x["fcr_rate"] for x in d["fcr_trend"]] == [100.0, None, 0.0]'
json_check '[(x["category"], x["total_calls"], x["resolved"]) for x in d["resolution_by_category"]] == [("billing", 2, 2), (None, 1, 0), ("tech", 1, 0)]'
json_check 'd["avg_resolution_time_seconds"] == 90.0 and d["period_comparison"] is None'
# previous 3 days 03-06..03-08: k0 (resolved): 1 call, 100 %; now 4 calls, 50 %.
cs calls resolution "${RANGE[@]}" --tenant default --compare previous -f json
json_check 'd["period_comparison"] == {"previous_start": "2026-03-06", "previous_end": "2026-03-08", "total_calls": 1, "first_call_resolution_rate": 100.0, "total_calls_change_pct": 300.0, "fcr_rate_change_points": -50.0}'
cs calls resolution --compare next
expect_rc 2

# calls search: 612345678 matches k1 and k2 (punctuation ignored), newest first; never the full number.
cs calls search --phone "6 12 34 56 78" "${RANGE[@]}" -f json
expect_rc 0
json_check 'd["total_count"] == 2 and d["search_term_redacted"] == "***-***-5678"'
json_check '[(x["call_id"], x["phone_number_redacted"], x["start_time"], x["status"]) for x in d["results"]] == [("k2", "***-***-5678", "2026-03-09T10:30:00Z", "completed"), ("k1", "***-***-5678", "2026-03-09T10:00:00Z", "completed")]'
cs calls search --phone 5678 "${RANGE[@]}" --limit 1 -f json
json_check 'd["total_count"] == 2 and len(d["results"]) == 1'
for format in table csv md json; do
  cs calls search --phone 0109999 "${RANGE[@]}" -f "$format"
  expect_rc 0
  expect_out_has '***-***-9999'
  expect_out_lacks '5550109999'
  expect_out_lacks '555 010'
done
cs calls search --phone 12 "${RANGE[@]}"
expect_rc 2
expect_err_has 'at least 4 digits'
expect_out_empty
cs calls search --phone 5678 --limit 101
expect_rc 2
cs calls search "${RANGE[@]}"
expect_rc 2

# Every search (not the refused ones) is in the audit log, redacted.
cs cache audit -f json
expect_rc 0
json_check '[(x["command"], x["detail"], x["result_count"]) for x in d["entries"]] == [("calls search", "***-***-5678", 2), ("calls search", "***-***-5678", 2)] + [("calls search", "***-***-9999", 1)] * 4'
sqlite3 "$CACHE" .dump >"$WORK/dump.sql"
! grep -q '612345678\|0109999' <(grep -i audit "$WORK/dump.sql") || fail "the audit log holds a searched number"
pass
cs check --rule 'calls_search.total_count >= 1'
expect_rc 2
expect_err_has 'cannot be checked'

# unified: 5 calls + 2 conversations = 7; resolved c1 + fcr k1 k2 v1 = 4 -> 57.1 %; kb: a1 only.
cs unified "${RANGE[@]}" -f json
expect_rc 0
expect_err_empty
json_check 'list(d) == ["profile", "voice", "cs", "cross_product", "kb"] and d["profile"] == "complete"'
json_check 'd["voice"]["total_calls"] == 5 and "period_start" not in d["voice"]'
json_check 'd["cs"]["total_conversations"] == 2 and d["cs"]["csat_avg"] == 4.0 and d["cs"]["ai_resolved_count"] == 1'
json_check 'd["cross_product"] == {"total_interactions": 7, "blended_resolution_rate": 57.1, "voice_share": 71.4, "cs_share": 28.6}'
json_check 'd["kb"] == {"total_published": 1, "total_views": 120, "helpfulness_rate": 75.0, "ai_resolutions": None}'
cs unified "${RANGE[@]}" --tenant voiceonly -f json
json_check 'd["profile"] == "voice" and d["cs"] is None and d["kb"] is None and d["cross_product"]["voice_share"] == 100.0'
cs unified "${RANGE[@]}" --tenant nobody -f json
json_check 'd == {"profile": None, "voice": None, "cs": None, "cross_product": None, "kb": None}'
cs unified "${RANGE[@]}"
expect_rc 0
expect_out_has 'cross_product.blended_resolution_rate'
cs check "${RANGE[@]}" --rule 'unified.cross_product.blended_resolution_rate >= 50' --rule 'calls.kpis.first_call_resolution_rate >= 99.9'
expect_rc 1
expect_out_has 'FAIL'

done_checks
