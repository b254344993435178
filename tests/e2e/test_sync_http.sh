#!/usr/bin/env bash
# sync from an HTTP backend: aurion (seed 002) against its loopback server as a
# process: csat responses paged (limit 200, offset until total) and an export
# (POST format json, then its download_url) into the cache; a second run
# imports nothing new; a SIGKILL in the middle of a paged pull, then a run that
# resumes at the committed offset (every record exactly once); two concurrent
# syncs (--wait 0 exits 5); a wrong credential exits 4 naming the variable,
# never its value; KPIs computed from the synced records.
source "$(dirname "$0")/lib.sh"
start_loopback aurion

mkdir -p "$XDG_CONFIG_HOME/convstat"
config="$XDG_CONFIG_HOME/convstat/config.toml"
write_config() {  # write_config PORT_OF_FAST PORT_OF_SLOW
  cat > "$config" <<TOML
[backend.aurion]
kind = "aurion"
base_url = "http://127.0.0.1:$1"
token_env = "AURION_SESSION"
sync_from = "2026-03-01"
max_retries = 0

[backend.slow]
kind = "aurion"
base_url = "http://127.0.0.1:$2"
token_env = "AURION_SESSION"
sync_from = "2026-02-01"
rate_limit = "1000/1s"
TOML
}
write_config "$PORT" "$PORT"
export AURION_SESSION="session-good"
FAST_LOG=$LOG
db() { sqlite3 "$CACHE" "$1"; }

# First run: every csat page, then one export.
cs sync aurion
expect_rc 0
expect_out_empty
expect_err_has "sync aurion (aurion): 2 streams, 4 pages; records 950 new, 0 updated, 0 unchanged"
[[ "$(grep -c 'csat/responses' "$FAST_LOG")" == 3 ]] || fail "3 csat pages: $(cat "$FAST_LOG")"
pass
for off in 0 200 400; do
  grep -qF "GET /api/v2/analytics/conversations/csat/responses?date_from=2026-03-01T00:00:00Z&date_to=" "$FAST_LOG" \
    && grep -q "csat/responses?.*&limit=200&offset=$off\$" "$FAST_LOG" || fail "csat page at offset $off: $(cat "$FAST_LOG")"
done
pass
grep -qx "POST /api/v1/analytics/export" "$FAST_LOG" || fail "no export created"
grep -q "^GET /api/v1/analytics/export/.*/download?end_date=.*&format=json&start_date=2026-03-01$" "$FAST_LOG" \
  || fail "export download: $(tail -2 "$FAST_LOG")"
pass
[[ "$(db "SELECT count(*) FROM csat") $(db "SELECT count(*) FROM calls") $(db "SELECT count(*) FROM conversations")" == "450 300 200" ]] \
  || fail "records in the cache"
pass
[[ "$(db "SELECT watermark_id FROM sync_streams WHERE backend = 'aurion' AND stream = 'csat'")" == "" ]] || fail "csat window left open"
pass

# Again: only the unsettled days are asked (everything here is settled), nothing new.
lines=$(wc -l < "$FAST_LOG")
cs sync aurion
expect_rc 0
expect_err_has "sync aurion (aurion): nothing new (2 streams"
week_ago=$(date -u -d '7 days ago' +%F)
tail -n +$((lines + 1)) "$FAST_LOG" | grep -qF "csat/responses?date_from=${week_ago}T00:00:00Z" || fail "second run's window: $(tail -4 "$FAST_LOG")"
pass
[[ "$(db "SELECT count(*) FROM csat")" == 450 ]] || fail "no duplicate"
pass
cs backends -f json
expect_rc 0
json_check '[b for b in d["backends"] if b["name"] == "aurion"][0]["last_sync_records"] == 0'
json_check '[b for b in d["backends"] if b["name"] == "aurion"][0]["records"] == "csat, conversations, calls"'

# KPIs from the synced records (no --backend: the cache), as the cache counts them.
cs csat --from 2026-03-01 --to 2026-03-08 -f json
expect_rc 0
json_check "d['total_responses'] == 450 and d['rated_responses'] == $(db "SELECT count(*) FROM csat WHERE rating IS NOT NULL")"
cs calls --from 2026-03-01 --to 2026-03-08 -f json
expect_rc 0
json_check "d['kpis']['total_calls'] == 300 and d['kpis']['failed_calls'] == $(db "SELECT count(*) FROM calls WHERE status = 'failed'")"
cs overview --from 2026-03-01 --to 2026-03-08 -f json
expect_rc 0
json_check 'd["total_conversations"] == 200'

# A wrong session token: exit 4 with the backend's message, the variable's name, never its value.
AURION_SESSION="session-wrong-s3cr3t" cs sync aurion
expect_rc 4
expect_err_has "Could not validate credentials"
expect_err_has "AURION_SESSION"
! grep -qF "s3cr3t" "$ERR" || fail "the secret leaked"
pass

# A slow server (150 ms an answer, 3000 responses: 15 pages): SIGKILL mid-pull, then resume.
# (The fast one stops first: start_loopback keeps one port and log file per kind.)
kill "${LOOPBACK_PIDS[0]}"
wait "${LOOPBACK_PIDS[0]}" 2>/dev/null || true
rm -f "$WORK/aurion.port"
mv "$WORK/aurion.log" "$WORK/fast.log"
LOOPBACK_AURION_DELAY_MS=150 LOOPBACK_AURION_RESPONSES=3000 start_loopback aurion
write_config 9 "$PORT"
CACHE="$WORK/slow.db"
db() { sqlite3 "$CACHE" "$1"; }
csat_requests() { grep -c 'csat/responses' "$LOG" || true; }

"$CONVSTAT_BIN" --cache "$CACHE" sync slow >"$WORK/killed.out" 2>&1 &
victim=$!
for _ in $(seq 1 300); do (( $(csat_requests) >= 5 )) && break; sleep 0.02; done
(( $(csat_requests) >= 5 )) || fail "the slow sync did not get going"
kill -9 "$victim"
wait "$victim" 2>/dev/null || true
state=$(db "SELECT watermark_id || ' ' || records FROM sync_streams WHERE backend = 'slow' AND stream = 'csat'")
committed=${state##* }
[[ "$state" == *"|$committed $committed" && "$committed" -ge 600 && "$committed" -lt 3000 ]] \
  || fail "killed mid-pull: the state should be the open window at a committed offset: '$state'"
pass
[[ "$(db "SELECT count(*) FROM csat")" == "$committed" ]] || fail "records committed = the offset stored"
pass
lines=$(wc -l < "$LOG")
cs sync slow
expect_rc 0
expect_err_has "records $((3000 - committed + 500)) new, 0 updated, 0 unchanged"
tail -n +$((lines + 1)) "$LOG" | grep -m1 'csat/responses' | grep -q "limit=200&offset=$committed\$" \
  || fail "the resumed run should start at offset $committed: $(tail -n +$((lines + 1)) "$LOG" | head -2)"
pass
[[ "$(db "SELECT count(*) || ' ' || count(DISTINCT id) FROM csat")" == "3000 3000" ]] || fail "every response exactly once"
pass
[[ "$(db "SELECT records || watermark_id FROM sync_streams WHERE backend = 'slow' AND stream = 'csat'")" == 3000 ]] \
  || fail "the stream counts 3000 records, window closed"
pass

# Two syncs at once: the second does not wait (--wait 0) and exits 5.
CACHE="$WORK/race.db"
"$CONVSTAT_BIN" --cache "$CACHE" sync slow >"$WORK/first.out" 2>&1 &
first=$!
lines=$(csat_requests)
for _ in $(seq 1 300); do (( $(csat_requests) > lines )) && break; sleep 0.02; done
cs sync slow --wait 0
expect_rc 5
expect_err_has "another"
wait "$first" || fail "the first sync failed: $(cat "$WORK/first.out")"
pass
[[ "$(sqlite3 "$CACHE" "SELECT count(*) FROM csat")" == 3000 ]] || fail "the first sync completed"
pass
done_checks
