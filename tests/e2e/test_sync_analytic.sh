#!/usr/bin/env bash
# sync from an analytic backend (seed 000) against its loopback server as a
# process: one export per type (POST /v1/analytic/export, format json:
# conversations by its download_url, leads and usage inline; never agents)
# into conversation, lead and event records; a second run imports nothing new;
# a SIGKILL in the middle of the pull, then a run that resumes (every record
# exactly once); a wrong secret exits 4 naming the variable, never its value;
# an aggregates-only kind (indigo) has nothing to sync (exit 2); KPIs computed
# from the synced records.
source "$(dirname "$0")/lib.sh"
start_loopback analytic

mkdir -p "$XDG_CONFIG_HOME/convstat"
config="$XDG_CONFIG_HOME/convstat/config.toml"
write_config() {  # write_config PORT_OF_FAST PORT_OF_SLOW
  cat > "$config" <<TOML
[backend.ana]
kind = "analytic"
base_url = "http://127.0.0.1:$1"
api_key_env = "ANA_KEY"
api_secret_env = "ANA_SECRET"
sync_from = "2026-03-01"
max_retries = 0

[backend.slow]
kind = "analytic"
base_url = "http://127.0.0.1:$2"
token_env = "ANA_JWT"
sync_from = "2026-02-01"

[backend.ind]
kind = "indigo"
base_url = "http://127.0.0.1:9"
token_env = "ANA_JWT"
project_id = "p1"
TOML
}
write_config "$PORT" "$PORT"
export ANA_KEY="ak_read_only" ANA_SECRET="as_read_only_secret"  # the read scope suffices
export ANA_JWT="eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEifQ.c2lnbmVk"
db() { sqlite3 -cmd ".timeout 2000" "$CACHE" "$1"; }

# First run: three exports, the first (120 conversations) by its download_url.
cs sync ana
expect_rc 0
expect_out_empty
expect_err_has "sync ana (analytic): 3 streams, 3 pages; records 220 new, 0 updated, 0 unchanged"
[[ "$(grep -c '^POST /v1/analytic/export$' "$LOG")" == 3 ]] || fail "3 exports: $(cat "$LOG")"
pass
grep -qx "GET /v1/analytic/export/exp-000001/download" "$LOG" || fail "the conversations' download: $(cat "$LOG")"
pass
[[ "$(db "SELECT count(*) FROM conversations") $(db "SELECT count(*) FROM leads") $(db "SELECT count(*) FROM events")" == "120 40 60" ]] \
  || fail "records in the cache"
pass
[[ "$(db "SELECT group_concat(stream || '=' || watermark || '/' || records, ' ') FROM (SELECT * FROM sync_streams WHERE backend = 'ana' ORDER BY stream)")" \
   == "conversations=$(date -u -d '7 days ago' +%F)/120 leads=$(date -u -d '7 days ago' +%F)/40 usage=$(date -u -d '7 days ago' +%F)/60" ]] \
  || fail "stream state: $(db "SELECT * FROM sync_streams")"
pass

# Again: only the unsettled days are asked (everything here is settled), nothing new.
lines=$(wc -l < "$LOG")
cs sync ana
expect_rc 0
expect_err_has "sync ana (analytic): nothing new (3 streams"
[[ "$(tail -n +$((lines + 1)) "$LOG" | grep -c '^POST /v1/analytic/export$')" == 3 ]] || fail "second run's exports"
pass
[[ "$(db "SELECT count(*) FROM conversations") $(db "SELECT count(*) FROM leads") $(db "SELECT count(*) FROM events")" == "120 40 60" ]] \
  || fail "no duplicate"
pass
cs backends -f json
expect_rc 0
json_check '[b for b in d["backends"] if b["name"] == "ana"][0]["last_sync_records"] == 0'
json_check '[b for b in d["backends"] if b["name"] == "ana"][0]["records"] == "conversations, leads, events"'

# KPIs from the synced records (no --backend: the cache).
cs leads --from 2026-03-01 --to 2026-03-08 -f json
expect_rc 0
json_check 'd["total_leads"] == 40 and d["converted"] == 8'
cs overview --from 2026-03-01 --to 2026-03-08 -f json
expect_rc 0
json_check 'd["total_conversations"] == 120'

# A wrong secret: exit 4 with the backend's message, the variable's name, never its value.
ANA_SECRET="as_wrong_s3cr3t" cs sync ana
expect_rc 4
expect_err_has "POST /v1/analytic/export: 401 Invalid API key or secret"
expect_err_has "ANA_SECRET"
! grep -qF "s3cr3t" "$ERR" || fail "the secret leaked"
pass

# An aggregates-only kind: nothing to sync, a usage error (not "not built").
cs sync ind
expect_rc 2
expect_err_has "backend 'ind' (indigo) serves aggregates only: there are no records to sync"
expect_err_has "its KPIs are asked with --backend ind"

# A slow server (400 ms an answer, 3000 + 2000 + 2000 records, all by download_url):
# SIGKILL once the conversations export is committed, while the leads are pulled; then resume.
kill "${LOOPBACK_PIDS[0]}"
wait "${LOOPBACK_PIDS[0]}" 2>/dev/null || true
rm -f "$WORK/analytic.port"
mv "$WORK/analytic.log" "$WORK/fast.log"
LOOPBACK_ANALYTIC_DELAY_MS=400 LOOPBACK_ANALYTIC_CONVERSATIONS=3000 LOOPBACK_ANALYTIC_LEADS=2000 \
  LOOPBACK_ANALYTIC_USAGE=2000 LOOPBACK_ANALYTIC_INLINE_MAX=0 LOOPBACK_ANALYTIC_PENDING=1 start_loopback analytic
write_config 9 "$PORT"
CACHE="$WORK/slow.db"
committed() { db "SELECT count(*) FROM sync_streams WHERE backend = 'slow'" 2>/dev/null || echo 0; }

"$CONVSTAT_BIN" --cache "$CACHE" sync slow >"$WORK/killed.out" 2>&1 &
victim=$!
for _ in $(seq 1 500); do [[ -s "$CACHE" ]] && (( $(committed) >= 1 )) && break; sleep 0.02; done
kill -9 "$victim"
wait "$victim" 2>/dev/null || true
[[ "$(committed)" == 1 ]] || fail "killed mid-pull: one export committed, not $(committed): $(cat "$WORK/killed.out")"
pass
[[ "$(db "SELECT stream || ' ' || records FROM sync_streams WHERE backend = 'slow'")" == "conversations 3000" ]] \
  || fail "the committed export: $(db "SELECT * FROM sync_streams")"
pass
[[ "$(db "SELECT count(*) FROM conversations") $(db "SELECT count(*) FROM leads") $(db "SELECT count(*) FROM events")" == "3000 0 0" ]] \
  || fail "records committed = the exports stored"
pass
lines=$(wc -l < "$LOG")
cs sync slow
expect_rc 0
expect_err_has "records 4000 new, 0 updated, 0 unchanged"
[[ "$(tail -n +$((lines + 1)) "$LOG" | grep -c '^POST /v1/analytic/export$')" == 3 ]] || fail "the resumed run's exports"
pass
[[ "$(db "SELECT count(*) || ' ' || count(DISTINCT id) FROM conversations") $(db "SELECT count(*) || ' ' || count(DISTINCT id) FROM leads") $(db "SELECT count(*) || ' ' || count(DISTINCT id) FROM events")" \
   == "3000 3000 2000 2000 2000 2000" ]] || fail "every record exactly once"
pass
[[ "$(db "SELECT group_concat(records, ' ') FROM (SELECT records FROM sync_streams WHERE backend = 'slow' ORDER BY stream)")" == "3000 2000 2000" ]] \
  || fail "the streams count every record"
pass
done_checks
