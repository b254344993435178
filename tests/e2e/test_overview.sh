#!/usr/bin/env bash
# overview and resolution through the binary on the hand-counted dataset of
# tests/data/small (see its README for the counts), in Europe/Paris and UTC.
source "$(dirname "$0")/lib.sh"

cs import "$DATA/small/records.ndjson"
expect_rc 0

# Europe/Paris, 2026-03-29 (23-hour DST day): k2 k3 k4.
cs overview --from 2026-03-29 --to 2026-03-29 --tz Europe/Paris -f json
expect_rc 0
expect_err_empty
json_check 'd["total_conversations"] == 3 and d["ai_resolved_count"] == 1 and d["human_resolved_count"] == 1'
json_check 'd["ai_resolution_rate"] == 33.3 and d["escalation_rate"] == 33.3'
json_check 'd["first_response_minutes_avg"] == 5.0 and d["resolution_minutes_median"] == 60.0'
json_check 'd["channel_distribution"] == [{"channel": "email", "conversation_count": 2}, {"channel": "chat", "conversation_count": 1}]'
json_check 'd["unique_contacts"] == 2 and d["avg_duration_minutes"] == 30.0 and d["csat_avg"] == 4.0'
json_check 'list(d)[:8] == ["total_conversations", "ai_resolved_count", "ai_resolution_rate", "human_resolved_count", "escalation_rate", "first_response_minutes_avg", "resolution_minutes_median", "channel_distribution"]'
expect_out_has '"resolution_minutes_median": 60.0'

# The same calendar day in UTC: k3 k4 k5.
cs overview --from 2026-03-29 --to 2026-03-29 -f json
expect_rc 0
json_check 'd["total_conversations"] == 3 and d["first_response_minutes_avg"] == 7.0'
json_check 'd["resolution_minutes_median"] == 70.0 and d["unique_contacts"] == 3'
json_check 'd["avg_duration_minutes"] is None and d["csat_avg"] == 3.0'

# A datetime --to is exclusive: [01:30Z, 21:30Z) holds k3 only.
cs overview --from 2026-03-29T01:30:00Z --to 2026-03-29T21:30:00Z -f json
expect_rc 0
json_check 'd["total_conversations"] == 1 and d["human_resolved_count"] == 1'

# An empty range: nulls, not zeros.
cs overview --from 2025-01-01 --to 2025-01-31 -f json
expect_rc 0
json_check 'd["total_conversations"] == 0 and d["ai_resolution_rate"] is None and d["escalation_rate"] is None'
json_check 'd["first_response_minutes_avg"] is None and d["resolution_minutes_median"] is None and d["channel_distribution"] == []'

# Filters narrow conversations, and the CSAT joined to them.
cs overview --from 2026-03-29 --to 2026-03-29 --tz Europe/Paris --team "Tier 1" -f json
expect_rc 0
json_check 'd["total_conversations"] == 2 and d["csat_avg"] == 4.0'
cs overview --from 2026-03-29 --to 2026-03-29 --tz Europe/Paris --channel EMAIL --priority urgent -f json
json_check 'd["total_conversations"] == 1 and d["human_resolved_count"] == 1 and d["csat_avg"] is None'
cs overview --from 2026-03-29 --to 2026-03-29 --tz Europe/Paris --priority unset -f json
json_check 'd["total_conversations"] == 1 and d["ai_resolved_count"] == 1'
cs overview --from 2026-03-29 --to 2026-03-29 --tz Europe/Paris --assignee "प्रिया शर्मा" -f json
json_check 'd["total_conversations"] == 1'
cs overview --priority critical
expect_rc 2
expect_out_empty
expect_err_has "convstat: error: invalid --priority 'critical'"

# resolution, by priority in the fixed order.
cs resolution --from 2026-03-29 --to 2026-03-29 --tz Europe/Paris -f json
expect_rc 0
json_check 'd["total_conversations"] == 3 and d["resolved_count"] == 2 and d["resolution_rate"] == 66.7'
json_check '[p["priority"] for p in d["by_priority"]] == ["urgent", "high", "unset"]'
json_check 'd["by_priority"][0] == {"priority": "urgent", "total": 1, "resolved": 1, "ai_resolved": 0, "human_resolved": 1, "resolution_rate": 100.0}'
json_check 'd["by_priority"][1]["resolution_rate"] == 0.0'

# Every other format renders the same numbers.
cs overview --from 2026-03-29 --to 2026-03-29 --tz Europe/Paris -f csv
expect_rc 0
expect_out_eq $'channel,conversation_count\r\nemail,2\r\nchat,1\r\n'
cs overview --from 2026-03-29 --to 2026-03-29 --tz Europe/Paris -f csv --section summary
expect_out_has $'ai_resolution_rate,33.3\r'
expect_out_has $'first_response_minutes_avg,5.0\r'
cs overview --from 2026-03-29 --to 2026-03-29 --tz Europe/Paris -f md
expect_rc 0
expect_out_has "| email"
expect_out_has "ai_resolution_rate"
cs overview --from 2026-03-29 --to 2026-03-29 --tz Europe/Paris
expect_rc 0
expect_out_has "channel_distribution"
expect_out_has "33.3"
expect_out_lacks $'\e['   # not a terminal: no colour

# Range errors are usage errors, with nothing on stdout.
cs overview --from 2026-03-10 --to 2026-03-01
expect_rc 2
expect_out_empty
expect_err_has "is after --to"
cs overview --from 2026-02-30
expect_rc 2
expect_err_has "invalid date"
cs overview --tz Europe/Pariss
expect_rc 2
expect_err_has "unknown time zone 'Europe/Pariss'"
cs overview --days 7 --from 2026-03-01
expect_rc 2

# -o writes the file atomically and prints nothing on stdout.
cs overview --from 2026-03-29 --to 2026-03-29 -f json -o "$WORK/out/overview.json"
expect_rc 0
expect_out_empty
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["total_conversations"] == 3' "$WORK/out/overview.json" || fail "-o file"
[[ -z "$(ls -A "$WORK/out" | grep -v '^overview.json$')" ]] || fail "temporary files left behind"
pass

# -o patterns expand at --as-of in --tz (Monday 2026-03-30 00:30 in Paris: ISO week 14), folders are created.
cs overview --from 2026-03-29 --to 2026-03-29 --tz Europe/Paris --as-of 2026-03-29T22:30:00Z -f csv \
  -o "$WORK/reports/%Y/support-%G-W%V-%F.csv"
expect_rc 0
[[ -s "$WORK/reports/2026/support-2026-W14-2026-03-30.csv" ]] || fail "the -o pattern was not expanded"
pass
cs overview --from 2026-03-29 --to 2026-03-29 -o "$WORK/reports/%Q.csv"
expect_rc 2
expect_err_has "unknown conversion '%Q'"

# A write that fails exits 5 and leaves nothing behind: a folder that is a file, and (not as root) a read-only folder.
touch "$WORK/plainfile"
cs overview --from 2026-03-29 --to 2026-03-29 -o "$WORK/plainfile/overview.json"
expect_rc 5
expect_err_has "cannot write"
expect_out_empty
if [[ "$(id -u)" != 0 ]]; then
  mkdir -p "$WORK/readonly" && chmod 555 "$WORK/readonly"
  cs overview --from 2026-03-29 --to 2026-03-29 -o "$WORK/readonly/overview.json"
  expect_rc 5
  [[ -z "$(ls -A "$WORK/readonly")" ]] || fail "a temporary file was left in the read-only folder"
  pass
  chmod 755 "$WORK/readonly"
fi

# The hot columns: the first overview builds CACHE-hot beside the cache; any
# change (here an external UPDATE, which the schema-6 triggers count) makes the
# next command rebuild it; a damaged file is replaced, never read.
cs demo --conversations 300 --seed 5 --days 30 --as-of 2026-03-31T15:00:00Z --fresh
expect_rc 0
rm -f "$CACHE-hot"
from_ms=$(date -u -d 2026-03-10 +%s)000; to_ms=$(date -u -d 2026-03-21 +%s)000
in_range() { sqlite3 "$CACHE" "SELECT count(*) FROM conversations WHERE started_at >= $from_ms AND started_at < $to_ms"; }
hot_total() {
  cs --tz UTC overview --from 2026-03-10 --to 2026-03-20 -f json
  expect_rc 0
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total_conversations"])' "$OUT"
}
want=$(in_range)
[[ "$want" -gt 10 ]] || fail "the range holds too few conversations to tell ($want)"
[[ "$(hot_total)" == "$want" ]] || fail "overview counted $(hot_total), the cache holds $want"
[[ -s "$CACHE-hot" ]] || fail "no hot columns beside the cache"
pass
sqlite3 "$CACHE" "UPDATE conversations SET started_at = 0 WHERE rid = (SELECT min(rid) FROM conversations WHERE started_at >= $from_ms AND started_at < $to_ms)"
[[ "$(in_range)" == $((want - 1)) ]] || fail "the update did not move a conversation out"
[[ "$(hot_total)" == $((want - 1)) ]] || fail "overview did not see the update"
pass
printf 'garbage' > "$CACHE-hot"
[[ "$(hot_total)" == $((want - 1)) ]] || fail "overview read a damaged hot file"
[[ "$(stat -c %s "$CACHE-hot")" -gt 100 ]] || fail "the damaged hot file was not rebuilt"
pass

done_checks
