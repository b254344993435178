#!/usr/bin/env bash
# One backend of every kind, as a new user would set them up (issue 6's "done
# when"): aurion, indigo, speechai, analytic and botserver pointing at their
# seed loopback servers, a files folder and a real PostgreSQL cluster, all in
# one config. `backends` lists what each serves, `backends test` passes for
# all seven, each HTTP kind answers one served command, the indigo daily
# series pages through a quarter in one command and asks nothing when
# repeated, aurion's sla feeds check, files and postgres sync incrementally,
# and a wrong credential exits 4 naming its variable, never its value.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/pg_cluster.sh"   # skips (exit 77, visibly) only when no server can start

start_loopback aurion; AURION_PORT=$PORT AURION_LOG=$LOG
start_loopback indigo; INDIGO_PORT=$PORT INDIGO_LOG=$LOG
start_loopback speechai; SPEECH_PORT=$PORT
start_loopback analytic; ANALYTIC_PORT=$PORT
start_loopback botserver; BOT_PORT=$PORT

# The records the two record kinds hold: 5 conversations and 3 CSAT in a file,
# 3 conversations in PostgreSQL.
mkdir -p "$WORK/drop"
cp "$DATA/small/records.ndjson" "$WORK/drop/"
pg_sql "
CREATE TABLE conversations (id text PRIMARY KEY, channel text, started_at timestamptz NOT NULL,
  resolved_at timestamptz, resolved_by text, updated_at timestamptz NOT NULL);
INSERT INTO conversations VALUES
  ('pg1', 'chat', '2026-03-02 10:00:00+00', '2026-03-02 10:20:00+00', 'ai', '2026-03-02 10:20:00+00'),
  ('pg2', 'email', '2026-03-02 11:00:00+00', NULL, NULL, '2026-03-02 11:00:00+00'),
  ('pg3', 'chat', '2026-03-03 09:00:00+00', '2026-03-03 09:30:00+00', 'human', '2026-03-03 09:30:00+00');"

mkdir -p "$XDG_CONFIG_HOME/convstat"
cat > "$XDG_CONFIG_HOME/convstat/config.toml" <<TOML
[backend.aurion]
kind = "aurion"
base_url = "http://127.0.0.1:$AURION_PORT"
token_env = "AURION_SESSION"
max_retries = 0

[backend.indigo]
kind = "indigo"
base_url = "http://127.0.0.1:$INDIGO_PORT"
token_env = "INDIGO_TOKEN"
project_id = "proj-1"
max_retries = 0

[backend.speech]
kind = "speechai"
base_url = "http://127.0.0.1:$SPEECH_PORT/api/v1"
api_key_env = "SPEECH_KEY"
max_retries = 0

[backend.analytic]
kind = "analytic"
base_url = "http://127.0.0.1:$ANALYTIC_PORT"
api_key_env = "ANALYTIC_KEY"
api_secret_env = "ANALYTIC_SECRET"
max_retries = 0

[backend.bots]
kind = "botserver"
base_url = "http://127.0.0.1:$BOT_PORT"
token_env = "BOTSERVER_TOKEN"
max_retries = 0

[backend.drop]
kind = "files"
path = "$WORK/drop"

[backend.pg]
kind = "postgres"
dsn_env = "PG_DSN"
TOML
export AURION_SESSION="session-good" INDIGO_TOKEN="pat-good" SPEECH_KEY="sk-speech-good"
export ANALYTIC_KEY="ak_live_good" ANALYTIC_SECRET="as_live_good_secret" BOTSERVER_TOKEN="viewer-token"

# backends: every kind, with what it serves or pulls.
cs backends -f json
expect_rc 0
json_check 'sorted(b["name"] for b in d["backends"]) == ["analytic", "aurion", "bots", "drop", "indigo", "pg", "speech"]'
json_check 'sorted(b["kind"] for b in d["backends"]) == ["analytic", "aurion", "botserver", "files", "indigo", "postgres", "speechai"]'
serves() { json_check "'$2' in [b['serves'] for b in d['backends'] if b['name'] == '$1'][0]"; }
serves aurion "sla"
serves aurion "calls search"
serves indigo "daily messages, chats"
serves speech "sessions metrics"
serves analytic "dashboard"
serves bots "realtime"
cs backends
expect_rc 0
for name in aurion indigo speech analytic bots drop pg; do expect_out_has "$name"; done

# backends test: all seven answer.
cs backends test -f json
expect_rc 0
json_check 'len(d["backends"]) == 7 and all(b["status"] == "ok" for b in d["backends"])'

# One served command of each HTTP kind that the others do not cover below.
cs sessions metrics session-123 --backend speech -f json
expect_rc 0
json_check 'd["total_turns"] == 15'
cs dashboard --backend analytic -f json
expect_rc 0
cs realtime --backend bots -f json
expect_rc 0
json_check '"active_sessions" in json.dumps(d)'

# indigo: a quarter of daily chats in one command, all 90 days; repeated, no request.
cs daily chats --backend indigo --from 2026-01-01 --to 2026-03-31 -f csv
expect_rc 0
[[ "$(tail -n +2 "$OUT" | wc -l)" == 90 ]] || fail "90 days of daily chats"
pass
expect_out_has "2026-01-01"
expect_out_has "2026-03-31"
before=$(wc -l < "$INDIGO_LOG")
[[ "$before" -ge 1 ]] || fail "indigo was not asked"
pass
cp "$OUT" "$WORK/quarter.csv"
cs daily chats --backend indigo --from 2026-01-01 --to 2026-03-31 -f csv
expect_rc 0
[[ "$(wc -l < "$INDIGO_LOG")" == "$before" ]] || fail "a settled quarter was asked again"
pass
diff -q "$OUT" "$WORK/quarter.csv" >/dev/null || fail "the cached quarter differs"
pass

# aurion: sla, then check on the same served answer.
cs sla --backend aurion -f json
expect_rc 0
json_check '"resolution" in d'
rate=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["resolution"]["compliance_rate"])' "$OUT")
asked=$(wc -l < "$AURION_LOG")
cs check --backend aurion --rule "sla.resolution.compliance_rate >= $rate"
expect_rc 0
cs check --backend aurion --rule "sla.resolution.compliance_rate > $rate"
expect_rc 1
[[ "$(wc -l < "$AURION_LOG")" == "$asked" ]] || fail "check asked again what sla had just fetched (within ttl_s)"
pass

# files and postgres: incremental sync (a second run imports nothing new).
cs sync drop
expect_rc 0
expect_err_has "1 file imported"
cs sync drop
expect_rc 0
expect_err_has "nothing new (1 file unchanged)"
cs sync pg
expect_rc 0
cs sync pg
expect_rc 0
expect_err_has "nothing new"
[[ "$(sqlite3 "$CACHE" "SELECT count(*) FROM conversations")" == 8 ]] || fail "5 + 3 conversations in the cache"
pass
cs overview --from 2026-03-01 --to 2026-03-31 -f json
expect_rc 0
json_check 'd["total_conversations"] == 8'

# A wrong key: exit 4, the backend's message and the variable's name, never the value.
AURION_SESSION="session-wrong-s3cr3t" cs sla --backend aurion --refresh
expect_rc 4
expect_err_has "AURION_SESSION"
! grep -qF "session-wrong-s3cr3t" "$OUT" "$ERR" || fail "the secret was printed"
pass
ANALYTIC_KEY="ak-wrong-s3cr3t" cs backends test
expect_rc 4
expect_out_has "analytic"
! grep -qF "ak-wrong-s3cr3t" "$OUT" "$ERR" || fail "the secret was printed"
pass

done_checks
