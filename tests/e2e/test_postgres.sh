#!/usr/bin/env bash
# sync from PostgreSQL: a private cluster, canonical tables and a configured
# query, incremental by (updated_at, id) pages, SIGKILL mid-sync then resume
# (every row exactly once), an invalid row, secrets never printed.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/pg_cluster.sh"

N=20000   # conversations; as many messages, N/10 csat
pg_sql "
CREATE TABLE conversations (id text PRIMARY KEY, tenant text NOT NULL DEFAULT 'default', channel text,
  started_at timestamptz NOT NULL, resolved_at timestamptz, resolved_by text, priority text, topics text[],
  sentiment double precision, internal_note text, updated_at timestamptz NOT NULL);
CREATE INDEX ON conversations (updated_at, id);
CREATE TABLE messages (id bigint PRIMARY KEY, conversation_id text NOT NULL, at timestamptz NOT NULL,
  direction text NOT NULL, text text, updated_at timestamp NOT NULL);
CREATE TABLE csat (id text PRIMARY KEY, conversation_id text NOT NULL, sent_at timestamptz NOT NULL,
  responded_at timestamptz, rating integer, updated_at timestamptz NOT NULL);
INSERT INTO conversations
  SELECT 'c' || g, 'default', CASE WHEN g % 3 = 0 THEN 'email' ELSE 'chat' END,
         timestamptz '2026-03-01 00:00:00+00' + g * interval '1 minute',
         CASE WHEN g % 2 = 0 THEN timestamptz '2026-03-01 00:30:00+00' + g * interval '1 minute' END,
         CASE WHEN g % 2 = 0 THEN 'ai' END, 'high', ARRAY['billing', 'a \"quoted\" topic'], 0.25, 'kept as extra',
         timestamptz '2026-03-01 00:00:00.123456+00' + (g % 997) * interval '1 second'
  FROM generate_series(1, $N) g;
INSERT INTO messages
  SELECT g, 'c' || g, timestamptz '2026-03-01 00:01:00+00' + g * interval '1 minute', 'inbound', 'hello ' || g,
         timestamp '2026-03-02 00:00:00' + (g % 10) * interval '1 minute'
  FROM generate_series(1, $N) g;
INSERT INTO csat
  SELECT 's' || g, 'c' || g, timestamptz '2026-03-01 01:00:00+00' + g * interval '1 minute',
         timestamptz '2026-03-01 01:05:00+00' + g * interval '1 minute', 1 + g % 5,
         timestamptz '2026-03-03 00:00:00+00'
  FROM generate_series(1, $N / 10) g;"
total=$((N + N + N / 10))

export PG_SECRET_DSN="$PG_DSN password=hunter2-secret"
mkdir -p "$XDG_CONFIG_HOME/convstat"
cat > "$XDG_CONFIG_HOME/convstat/config.toml" <<'TOML'
[backend.pg]
kind = "postgres"
dsn_env = "PG_SECRET_DSN"

[backend.pgq]
kind = "postgres"
dsn_env = "PG_SECRET_DSN"
query.conversations = "SELECT id, started_at, updated_at, 'web' AS channel FROM conversations WHERE id LIKE 'c1%'"
TOML
cache_count() { sqlite3 "$CACHE" "SELECT count(*) FROM $1"; }
stream_records() { sqlite3 "$CACHE" "SELECT coalesce(sum(records), 0) FROM sync_streams WHERE backend = 'pg'"; }

cs backends test pg
expect_rc 0
expect_out_has "streams: conversations, messages, csat"

# SIGKILL in the middle: small pages, killed once some are committed.
"$CONVSTAT_BIN" --cache "$CACHE" sync pg --page-size 25 >"$OUT" 2>"$ERR" &
pid=$!
for _ in $(seq 1 300); do
  n=$( (sqlite3 "$CACHE" "SELECT count(*) FROM conversations" 2>/dev/null) || echo 0)
  [[ "${n:-0}" -ge 2000 ]] && break
  sleep 0.05
done
kill -KILL "$pid"
wait "$pid" 2>/dev/null || true
done_rows=$(cache_count conversations)
[[ "$done_rows" -gt 0 && "$done_rows" -lt "$N" ]] || fail "the kill should land mid-sync (conversations: $done_rows)"
pass
# Each committed page carried its watermark: rows in the cache == rows the watermarks account for.
in_cache=$(( $(cache_count conversations) + $(cache_count messages) + $(cache_count csat) ))
[[ "$in_cache" == "$(stream_records)" ]] || fail "after SIGKILL: $in_cache rows cached, watermarks count $(stream_records)"
pass

# The re-run resumes: every row exactly once (the watermarks counted each row read once, across both runs).
cs sync pg --page-size 500
expect_rc 0
expect_err_has "sync pg (postgres): 3 streams"
[[ "$(cache_count conversations)" == "$(pg_sql 'SELECT count(*) FROM conversations')" ]] || fail "conversations count"
[[ "$(cache_count messages)" == "$N" && "$(cache_count csat)" == "$((N / 10))" ]] || fail "messages/csat count"
[[ "$(stream_records)" == "$total" ]] || fail "rows read twice or lost: watermarks count $(stream_records), expected $total"
pass

# Values mapped onto the records: text[] -> topics, timestamptz -> UTC ms, bigint id -> text, unknown column -> extra.
[[ "$(sqlite3 "$CACHE" "SELECT topics || '|' || started_at || '|' || resolved_by || '|' || json_extract(extra, '\$.internal_note') FROM conversations WHERE id = 'c2'")" \
   == '["billing","a \"quoted\" topic"]|1772323320000|ai|kept as extra' ]] || fail "conversation c2 mapping"
pass
[[ "$(sqlite3 "$CACHE" "SELECT conversation_id || '|' || at FROM messages WHERE id = '7'")" == "c7|1772323680000" ]] \
  || fail "message 7 mapping"
pass
cs overview --from 2026-03-01 --to 2026-03-31 -f json
json_check 'd["total_conversations"] == '"$N"

# Nothing new the second time; a changed row comes back as one update.
cs sync pg
expect_rc 0
expect_err_has "sync pg (postgres): nothing new (3 streams up to date)"
pg_sql "UPDATE conversations SET channel = 'voice', updated_at = now() WHERE id IN ('c5', 'c6')"
cs sync pg
expect_rc 0
expect_err_has "records 0 new, 2 updated, 0 unchanged"
[[ "$(sqlite3 "$CACHE" "SELECT count(*) FROM conversations WHERE channel = 'voice'")" == 2 ]] || fail "updated rows"
pass
cs backends -f json
json_check '[b["last_sync_records"] for b in d["backends"] if b["name"] == "pg"] == [2]'

# A configured query instead of the table.
RC=0; "$CONVSTAT_BIN" --cache "$WORK/q.db" sync pgq >"$OUT" 2>"$ERR" || RC=$?
expect_rc 0
[[ "$(sqlite3 "$WORK/q.db" "SELECT count(*) || '|' || min(channel) || max(channel) FROM conversations")" \
   == "$(pg_sql "SELECT count(*) FROM conversations WHERE id LIKE 'c1%'")|webweb" ]] || fail "query stream"
pass
[[ "$(sqlite3 "$WORK/q.db" "SELECT count(*) FROM messages")" == "$N" ]] || fail "the other canonical tables are read too"
pass

# An invalid row: exit 3 naming the table, id and field; the pages before it stay, nothing of its page.
pg_sql "UPDATE conversations SET priority = 'critical', updated_at = now() WHERE id = 'c9'"
before=$(sqlite3 "$CACHE" "SELECT watermark FROM sync_streams WHERE backend = 'pg' AND stream = 'conversations'")
cs sync pg
expect_rc 3
expect_out_empty
expect_err_has "conversations: id c9: priority:"
[[ "$(sqlite3 "$CACHE" "SELECT watermark FROM sync_streams WHERE backend = 'pg' AND stream = 'conversations'")" == "$before" ]] \
  || fail "the watermark moved past an invalid row"
pass

# Secrets: the DSN's password appears nowhere, not even with --verbose or in a connection error.
export PG_SECRET_DSN="host=$PGDIR/sock port=1 user=convstat password=hunter2-secret"
cs -v sync pg
expect_rc 4
expect_err_has "cannot connect"
cs doctor -f json
expect_rc 4
cs backends test
expect_rc 4
! grep -rq "hunter2" "$OUT" "$ERR" || fail "the password leaked"
pass
export PG_SECRET_DSN="host=$PGDIR/sock port=1 password=hunter2-secret ==="
cs backends test pg
expect_rc 4
expect_err_has "not valid libpq syntax"
! grep -q "hunter2" "$ERR" || fail "the password leaked from a bad connection string"
pass
unset PG_SECRET_DSN
cs sync pg
expect_rc 2
expect_err_has "'dsn_env' names the environment variable PG_SECRET_DSN, which is not set"

done_checks
