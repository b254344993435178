#!/usr/bin/env bash
# Served KPIs from the indigo backend, end to end, against the seed 004
# loopback server as a process ($LOOPBACK_BIN indigo): paging a 90-day series
# in one command, the served-answer cache (stable past days, --refresh, ttl,
# --offline), auth errors without secrets, commands indigo does not serve,
# its fixed zone, check/report, backends test, and records kinds computed
# locally.
source "$(dirname "$0")/lib.sh"
start_loopback indigo

mkdir -p "$XDG_CONFIG_HOME/convstat"
config="$XDG_CONFIG_HOME/convstat/config.toml"
cat > "$config" <<TOML
[backend.indigo]
kind = "indigo"
base_url = "http://127.0.0.1:$PORT"
token_env = "INDIGO_TOKEN"
project_id = "proj-1"
max_retries = 0

[backend.paged]
kind = "indigo"
base_url = "http://127.0.0.1:$PORT"
token_env = "INDIGO_TOKEN"
project_id = "proj-1"
page_days = 30

[backend.live]
kind = "indigo"
base_url = "http://127.0.0.1:$PORT"
token_env = "INDIGO_TOKEN"
project_id = "proj-1"
ttl_s = 0

[backend.aur]
kind = "speechai"
base_url = "http://127.0.0.1:$PORT"
api_key_env = "INDIGO_TOKEN"

[backend.local]
kind = "files"
path = "$WORK/nothing-here"

[report.served]
title = "Served daily series"
sections = ["daily chats", "daily users"]
TOML
export INDIGO_TOKEN="pat-good"

# requests: how many requests the server logged since the last mark.
MARK=0
requests() { local n; n=$(wc -l < "$LOG"); echo $((n - MARK)); }
mark() { MARK=$(wc -l < "$LOG"); }
Q1=(--from 2026-01-01 --to 2026-03-31)

# One command pages through all 90 days: one request of 365 days.
mark
cs daily chats --backend indigo "${Q1[@]}" -f csv
expect_rc 0
[[ "$(head -1 "$OUT" | tr -d "\r")" == "date,count" ]] || fail "csv header: $(head -1 "$OUT")"
[[ "$(wc -l < "$OUT")" == 91 ]] || fail "expected 90 rows"
expect_out_has "2026-01-01,"
expect_out_has "2026-03-31,"
expect_out_lacks "2026-04-01,"
[[ "$(requests)" == 1 ]] || fail "expected 1 request, got $(requests)"
tail -1 "$LOG" | grep -qF "GET /rest/dashboard/proj-1/chats/count?from=2026-01-01&limit=365&to=2026-04-01" \
  || fail "request: $(tail -1 "$LOG")"
pass
cp "$OUT" "$WORK/first.csv"

# Repeated: the past days are stable, no request at all; the same output.
mark
cs daily chats --backend indigo "${Q1[@]}" -f csv
expect_rc 0
[[ "$(requests)" == 0 ]] || fail "a stable answer was fetched again ($(requests) requests)"
diff -q "$OUT" "$WORK/first.csv" >/dev/null || fail "the cached answer differs"
pass
# The same range from the environment's backend setting, and --offline, also answer from the cache.
mark
CONVSTAT_BACKEND=indigo cs daily chats "${Q1[@]}" -f json --offline
expect_rc 0
json_check 'd["metadata"]["total_count"] == 90 and len(d["data"]) == 90 and d["status"] == "SUCCESS"'
json_check 'd["metadata"]["next_cursor"] is None and list(d["data"][0]) == ["date", "count"]'
[[ "$(requests)" == 0 ]] || fail "--offline asked the server"
pass

# --refresh asks again.
mark
cs daily chats --backend indigo "${Q1[@]}" -f csv --refresh
expect_rc 0
[[ "$(requests)" == 1 ]] || fail "--refresh: expected 1 request, got $(requests)"
pass

# A smaller page size (page_days): 3 pages, each after the previous cursor.
mark
cs daily chats --backend paged "${Q1[@]}" -f json
expect_rc 0
json_check 'len(d["data"]) == 90 and d["data"][89]["date"] == "2026-03-31"'
[[ "$(requests)" == 3 ]] || fail "page_days 30: expected 3 requests, got $(requests)"
[[ "$(grep -c 'limit=30' "$LOG")" == 3 && "$(grep -c 'cursor=' "$LOG")" == 2 ]] || fail "pages: $(cat "$LOG")"
pass
# users pages with `after`.
mark
cs daily users --backend paged "${Q1[@]}" -f json
expect_rc 0
json_check 'len(d["data"]) == 90 and "unique_users" in d["data"][0] and "returning_users" not in d["data"][0]'
[[ "$(requests)" == 3 && "$(tail -2 "$LOG" | grep -c 'after=')" == 2 ]] || fail "users paging: $(tail -3 "$LOG")"
pass

# A range touching today is not stable: with ttl_s = 0 it is fetched every time.
mark
cs daily errors --backend live --days 3 -f json
expect_rc 0
json_check 'len(d["data"]) == 3 and "error_count" in d["data"][0]'
cs daily errors --backend live --days 3 -f json
expect_rc 0
[[ "$(requests)" == 2 ]] || fail "ttl_s 0: expected 2 requests, got $(requests)"
pass
# ... while the default ttl (300 s) keeps it for a while.
mark
cs daily errors --backend indigo --days 3 -f json
cs daily errors --backend indigo --days 3 -f json
expect_rc 0
[[ "$(requests)" == 1 ]] || fail "ttl 300: expected 1 request, got $(requests)"
pass

# --offline with nothing cached: exit 3, saying so; nothing asked.
mark
cs daily csat --backend indigo --from 2025-01-01 --to 2025-01-31 --offline
expect_rc 3
expect_err_has "--offline: no answer of backend 'indigo' for daily csat 2025-01-01..2025-02-01"
[[ "$(requests)" == 0 ]] || fail "--offline asked the server"
pass
RC=0; "$CONVSTAT_BIN" --cache "$WORK/none.db" daily csat --backend indigo --offline >"$OUT" 2>"$ERR" || RC=$?
expect_rc 3
[[ ! -e "$WORK/none.db" ]] || fail "--offline created a cache"
pass

# A wrong token: exit 4 with the API's message and the variable's name, never the value.
INDIGO_TOKEN="pat-wrong-value" cs daily chats --backend indigo "${Q1[@]}" --refresh
expect_rc 4
expect_err_has "unauthenticated"
expect_err_has "INDIGO_TOKEN"
! grep -qF "pat-wrong-value" "$OUT" "$ERR" || fail "the token was printed"
pass
# ... and the failure left the stored answer as it was.
cs daily chats --backend indigo "${Q1[@]}" -f csv --offline
expect_rc 0
diff -q "$OUT" "$WORK/first.csv" >/dev/null || fail "a failed fetch changed the cached answer"
pass

# Commands indigo does not serve: a usage error naming those it serves.
mark
cs overview --backend indigo
expect_rc 2
expect_err_has "does not serve overview"
expect_err_has "daily messages, daily chats, daily users, daily csat, daily ai-quality, daily errors"
# Its fixed zone: --tz another zone is a usage error naming UTC.
cs daily chats --backend indigo "${Q1[@]}" --tz Europe/Paris
expect_rc 2
expect_err_has "buckets days in UTC, not Europe/Paris"
cs daily chats --backend indigo "${Q1[@]}" --tz UTC -f json
expect_rc 0
# Local paging options are refused.
cs daily chats --backend indigo "${Q1[@]}" --limit 10
expect_rc 2
expect_err_has "--limit pages the local series"
[[ "$(requests)" == 0 ]] || fail "refused commands asked the server"
pass

# Another HTTP kind (speechai, built): a command it does not serve is a usage error naming what it serves.
cs overview --backend aur
expect_rc 2
expect_err_has "(speechai) does not serve overview; it serves: sessions costs, sessions metrics, feedback add"
# A records kind: the KPI is computed locally from the cache (none here: exit 5 as without --backend).
cs daily chats --backend local "${Q1[@]}"
RC_LOCAL=$RC
cs daily chats "${Q1[@]}"
[[ "$RC_LOCAL" == "$RC" ]] || fail "--backend local should compute locally (rc $RC_LOCAL vs $RC)"
pass

# check and report take the served answers through the same result model.
mark
cs check --backend indigo "${Q1[@]}" --rule 'daily_chats.metadata.total_count == 90'
expect_rc 0
expect_out_has "PASS"
[[ "$(requests)" == 0 ]] || fail "check fetched a cached stable answer"
pass
cs check --backend indigo "${Q1[@]}" --rule 'overview.escalation_rate <= 15'
expect_rc 2
expect_err_has "does not serve overview"
cs report served --backend indigo "${Q1[@]}" -f json
expect_rc 0
expect_out_has '"daily_users"'
cs report --backend indigo "${Q1[@]}"
expect_rc 2

# backends shows what indigo serves; backends test asks it once.
cs backends -f json
expect_rc 0
json_check '[b["serves"] for b in d["backends"] if b["name"] == "indigo"][0].startswith("daily messages")'
mark
cs backends test indigo -f json
expect_rc 0
json_check 'd["backends"][0]["status"] == "ok"'
[[ "$(requests)" == 1 ]] && tail -1 "$LOG" | grep -qF "chats/count" || fail "backends test: $(tail -1 "$LOG")"
pass
INDIGO_TOKEN="pat-other" cs backends test indigo
expect_rc 4
expect_err_has "unauthorized"

done_checks
