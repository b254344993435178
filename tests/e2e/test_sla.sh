#!/usr/bin/env bash
# sla and --compare previous through the binary, on a small dataset built here
# whose numbers were worked out by hand (as-of 2026-03-10T12:00:00Z, UTC).
source "$(dirname "$0")/lib.sh"

# 2026-03-10 (the range)                          first response      resolution       all targets
# e1 high   t1  FR due 08:10 at 08:10, RES due 10:00 at 09:30 (ai)  met                 met          -> met
# e2 high   t1  FR due 08:40 at 08:50                               breached            -            -> breached
# e3 urgent t2  FR due 11:00, none, as-of past it                   breached            -            -> breached
# e4 urgent t2  FR due 13:00, none                                  pending             -            -> pending
# e5 (unset, no team) RES due 12:00 (= as-of), none                 -                   pending      -> pending
# 2026-03-09 (the previous range): e6 unresolved, e7 AI-resolved; no SLA targets.
cat >"$WORK/sla.ndjson" <<'NDJSON'
{"type":"conversation","id":"e1","channel":"chat","started_at":"2026-03-10T08:00:00Z","priority":"high","team_id":"t1","team_name":"Tier 1","first_response_due_at":"2026-03-10T08:10:00Z","first_response_at":"2026-03-10T08:10:00Z","resolution_due_at":"2026-03-10T10:00:00Z","resolved_at":"2026-03-10T09:30:00Z","resolved_by":"ai"}
{"type":"conversation","id":"e2","channel":"chat","started_at":"2026-03-10T08:30:00Z","priority":"high","team_id":"t1","first_response_due_at":"2026-03-10T08:40:00Z","first_response_at":"2026-03-10T08:50:00Z"}
{"type":"conversation","id":"e3","channel":"email","started_at":"2026-03-10T09:00:00Z","priority":"urgent","team_id":"t2","team_name":"Night","first_response_due_at":"2026-03-10T11:00:00Z"}
{"type":"conversation","id":"e4","channel":"email","started_at":"2026-03-10T11:00:00Z","priority":"urgent","team_id":"t2","team_name":"Night","first_response_due_at":"2026-03-10T13:00:00Z"}
{"type":"conversation","id":"e5","channel":"chat","started_at":"2026-03-10T11:30:00Z","resolution_due_at":"2026-03-10T12:00:00Z"}
{"type":"conversation","id":"e6","channel":"chat","started_at":"2026-03-09T10:00:00Z"}
{"type":"conversation","id":"e7","channel":"chat","started_at":"2026-03-09T11:00:00Z","resolved_at":"2026-03-09T11:20:00Z","resolved_by":"ai"}
NDJSON
cs import "$WORK/sla.ndjson"
expect_rc 0

RANGE=(--from 2026-03-10 --to 2026-03-10 --as-of 2026-03-10T12:00:00Z)

cs sla "${RANGE[@]}" -f json
expect_rc 0
expect_err_empty
json_check 'list(d) == ["first_response", "resolution", "by_priority", "by_team"]'
json_check 'd["first_response"] == {"tracked": 3, "met": 1, "breached": 2, "pending": 1, "compliance_rate": 33.3}'
json_check 'd["resolution"] == {"tracked": 1, "met": 1, "breached": 0, "pending": 1, "compliance_rate": 100.0}'
json_check 'd["by_priority"] == [
  {"priority": "urgent", "tracked": 1, "met": 0, "breached": 1, "pending": 1, "compliance_rate": 0.0},
  {"priority": "high", "tracked": 2, "met": 1, "breached": 1, "pending": 0, "compliance_rate": 50.0},
  {"priority": "unset", "tracked": 0, "met": 0, "breached": 0, "pending": 1, "compliance_rate": None}]'
json_check 'd["by_team"] == [
  {"team_id": "t1", "team_name": "Tier 1", "tracked": 2, "met": 1, "breached": 1, "pending": 0, "compliance_rate": 50.0},
  {"team_id": "t2", "team_name": "Night", "tracked": 1, "met": 0, "breached": 1, "pending": 1, "compliance_rate": 0.0}]'
expect_out_lacks '"comparison"'

# Earlier as-of: e3 is still pending (due 11:00), e5 too.
cs sla --from 2026-03-10 --to 2026-03-10 --as-of 2026-03-10T10:30:00Z -f json
expect_rc 0
json_check 'd["first_response"] == {"tracked": 2, "met": 1, "breached": 1, "pending": 2, "compliance_rate": 50.0}'

# Filters apply; csv main list is by_priority.
cs sla "${RANGE[@]}" --team Night -f json
json_check 'd["first_response"]["tracked"] == 1 and d["resolution"]["tracked"] == 0 and d["resolution"]["compliance_rate"] is None'
cs sla "${RANGE[@]}" -f csv
expect_rc 0
expect_out_eq $'priority,tracked,met,breached,pending,compliance_rate\r\nurgent,1,0,1,1,0.0\r\nhigh,2,1,1,0,50.0\r\nunset,0,0,0,1,\r\n'

# --compare previous on overview: the current keys unchanged, then comparison.
# Previous day 2026-03-09: e6 e7 -> total 2, AI 1 (50.0 %).
cs overview "${RANGE[@]}" --compare previous -f json
expect_rc 0
json_check 'list(d)[:8] == ["total_conversations", "ai_resolved_count", "ai_resolution_rate", "human_resolved_count", "escalation_rate", "first_response_minutes_avg", "resolution_minutes_median", "channel_distribution"]'
json_check 'list(d)[-1] == "comparison" and d["total_conversations"] == 5 and d["ai_resolution_rate"] == 20.0'
json_check 'list(d["comparison"]) == ["previous_start", "previous_end", "previous", "change"]'
json_check 'd["comparison"]["previous_start"] == "2026-03-09" and d["comparison"]["previous_end"] == "2026-03-09"'
json_check 'd["comparison"]["previous"]["total_conversations"] == 2 and d["comparison"]["previous"]["ai_resolution_rate"] == 50.0'
json_check '"channel_distribution" not in d["comparison"]["previous"] and "channel_distribution" not in d["comparison"]["change"]'
json_check 'd["comparison"]["change"]["total_conversations"] == 150.0 and d["comparison"]["change"]["ai_resolved_count"] == 0.0'
json_check 'd["comparison"]["change"]["ai_resolution_rate"] == -30.0 and d["comparison"]["change"]["human_resolved_count"] is None'

# resolution and sla take it too; sla keeps its nested blocks.
cs resolution "${RANGE[@]}" --compare previous -f json
expect_rc 0
json_check 'd["comparison"]["change"]["resolution_rate"] == -30.0'
cs sla "${RANGE[@]}" --compare previous -f json
expect_rc 0
json_check 'd["comparison"]["previous"]["first_response"] == {"tracked": 0, "met": 0, "breached": 0, "pending": 0, "compliance_rate": None}'
json_check 'd["comparison"]["change"]["first_response"]["tracked"] is None and d["comparison"]["change"]["first_response"]["compliance_rate"] is None'
json_check 'd["first_response"]["tracked"] == 3 and "by_priority" not in d["comparison"]["previous"]'

# A datetime range: the previous range's instants with the zone's offset.
cs overview --from 2026-03-10T08:00:00Z --to 2026-03-10T12:00:00Z --tz Europe/Paris --compare previous -f json
expect_rc 0
json_check 'd["comparison"]["previous_start"] == "2026-03-10T05:00:00+01:00" and d["comparison"]["previous_end"] == "2026-03-10T09:00:00+01:00"'

# Table and csv: the summary gets previous and change columns.
cs overview "${RANGE[@]}" --compare previous
expect_rc 0
grep -qE '^metric +value +previous +change$' "$OUT" || fail "no delta columns in the table header"; pass
grep -qE '^total_conversations +5 +2 +150\.0$' "$OUT" || fail "no total_conversations delta row"; pass
grep -qE '^ai_resolution_rate +20\.0 +50\.0 +-30\.0$' "$OUT" || fail "no ai_resolution_rate delta row"; pass
expect_out_lacks 'comparison.previous.'
expect_out_has '2026-03-09'
cs overview "${RANGE[@]}" --compare previous -f csv --section summary
expect_rc 0
expect_out_has $'metric,value,previous,change\r'
expect_out_has $'total_conversations,5,2,150.0\r'
cs overview "${RANGE[@]}" -f csv --section summary
expect_out_has $'metric,value\r'
expect_out_lacks 'previous'

# A bad --compare value is a usage error, nothing on stdout.
cs overview --compare next
expect_rc 2
expect_out_empty
expect_err_has 'convstat: error:'
cs sla --compare
expect_rc 2
expect_out_empty

# An empty range: zeros and nulls.
cs sla --from 2025-01-01 --to 2025-01-31 -f json
expect_rc 0
json_check 'd["first_response"]["compliance_rate"] is None and d["by_priority"] == [] and d["by_team"] == []'

done_checks
