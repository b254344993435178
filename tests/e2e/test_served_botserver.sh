#!/usr/bin/env bash
# Served KPIs and server-side reports from the botserver backend (seed 001),
# end to end, against the seed 001 loopback server as a process
# ($LOOPBACK_BIN botserver): the range filters as sent (start_date/end_date,
# days, period=today), the served-answer cache (a settled past range is not
# asked again; realtime never cached), --offline, check, report create / list /
# show with an admin token and the documented 403 for a viewer, auth errors
# without secrets, commands botserver does not serve, backends / backends test.
source "$(dirname "$0")/lib.sh"
start_loopback botserver

mkdir -p "$XDG_CONFIG_HOME/convstat"
cat > "$XDG_CONFIG_HOME/convstat/config.toml" <<TOML
[backend.bs]
kind = "botserver"
base_url = "http://127.0.0.1:$PORT"
token_env = "BOTSERVER_TOKEN"
max_retries = 0

[backend.bsadmin]
kind = "botserver"
base_url = "http://127.0.0.1:$PORT"
token_env = "BOTSERVER_ADMIN_TOKEN"
max_retries = 0
TOML
export BOTSERVER_TOKEN="viewer-token" BOTSERVER_ADMIN_TOKEN="admin-token"

MARK=0
requests() { local n; n=$(wc -l < "$LOG"); echo $((n - MARK)); }
mark() { MARK=$(wc -l < "$LOG"); }
last_request() { tail -1 "$LOG"; }
R=(--from 2026-03-01 --to 2026-03-03)

# usage daily: one GET with start_date/end_date (inclusive days); the server's numbers as served.
mark
cs usage daily --backend bs "${R[@]}" -f json
expect_rc 0
json_check 'len(d["data"]) == 3 and d["data"][0] == {"date": "2026-03-01", "conversations": 11, "messages": 44, "active_users": 6}'
json_check 'list(d["data"][0]) == ["date", "conversations", "messages", "active_users"]'
[[ "$(requests)" == 1 ]] || fail "expected 1 request, got $(requests)"
last_request | grep -qxF "GET /api/v1/analytics/usage/daily?end_date=2026-03-03&start_date=2026-03-01" \
  || fail "request: $(last_request)"
pass
cs usage daily --backend bs "${R[@]}" -f csv
expect_rc 0
expect_out_has "2026-03-03,13,52,8"
cp "$OUT" "$WORK/first.csv"

# Repeated: a past range settled (7 days after its end) is never asked again.
mark
cs usage daily --backend bs "${R[@]}" -f csv
expect_rc 0
[[ "$(requests)" == 0 ]] || fail "a stable answer was fetched again ($(requests) requests)"
diff -q "$OUT" "$WORK/first.csv" >/dev/null || fail "the cached answer differs"
pass
# --refresh asks again.
cs usage daily --backend bs "${R[@]}" --refresh -f json
expect_rc 0
[[ "$(requests)" == 1 ]] || fail "--refresh: expected 1 request"
pass

# usage (table): the totals of the days; usage monthly: one row per month touched.
mark
cs usage --backend bs "${R[@]}"
expect_rc 0
expect_out_has "total_conversations"
expect_out_has "36"
cs usage --backend bs "${R[@]}" -f json
json_check 'd["total_conversations"] == 36 and d["active_users"] == 21 and list(d)[:2] == ["total_conversations", "active_users"]'
cs usage monthly --backend bs --from 2026-02-27 --to 2026-03-02 -f json
expect_rc 0
json_check '[m["month"] for m in d["data"]] == ["2026-02", "2026-03"] and d["data"][0]["conversations"] == 75'
last_request | grep -qxF "GET /api/v1/analytics/usage/monthly?end_date=2026-03-02&start_date=2026-02-27" \
  || fail "request: $(last_request)"
pass
# engagement (json and md): local units, a vendor key kept.
cs engagement --backend bs "${R[@]}" -f json
expect_rc 0
json_check 'd["satisfaction"]["csat_avg"] == 4.3 and d["retention"][0]["week_4"] is None and d["start_date"] == "2026-03-01"'
json_check 'list(d)[:4] == ["active_users", "new_users", "returning_users", "avg_conversations_per_user"]'
cs engagement --backend bs "${R[@]}" -f md
expect_rc 0
expect_out_has "2026-W09"
# usage, usage monthly, engagement: one request each (the second format of each came from the cache).
[[ "$(requests)" == 3 ]] || fail "expected 3 requests, got $(requests)"
pass

# A range ending today is sent as days=N, today alone as period=today.
mark
cs usage daily --backend bs --days 7 -f json
expect_rc 0
json_check 'len(d["data"]) == 7'
last_request | grep -qxF "GET /api/v1/analytics/usage/daily?days=7" || fail "request: $(last_request)"
pass
cs usage --backend bs --period today -f json
expect_rc 0
last_request | grep -qxF "GET /api/v1/analytics/usage?period=today" || fail "request: $(last_request)"
pass
# ... and asked again only after ttl_s (not yet: cached).
cs usage daily --backend bs --days 7 -f json
[[ "$(requests)" == 2 ]] || fail "an answer younger than ttl_s was fetched again"
pass
# A datetime range cannot be expressed: a usage error naming what is accepted; nothing asked.
cs usage --backend bs --from 2026-03-01T10:00:00Z --to 2026-03-01T12:00:00Z
expect_rc 2
expect_err_has "takes whole days (start_date/end_date, days or period=today)"
expect_err_has "--days N or --period"
cs usage --backend bs "${R[@]}" --tz Europe/Paris
expect_rc 2
expect_err_has "buckets days in UTC, not Europe/Paris"
cs usage --backend bs "${R[@]}" --by model
expect_rc 2
expect_err_has "--by is computed locally"
[[ "$(requests)" == 2 ]] || fail "refused commands asked the server"
pass

# realtime: never cached (asked each time), no range sent; --offline and --as-of refused.
mark
cs realtime --backend bs -f json
expect_rc 0
json_check 'd["active_sessions"] == 12 and d["messages_per_minute"] == 4.25 and list(d)[:2] == ["active_sessions", "messages_per_minute"]'
cs realtime --backend bs
expect_rc 0
expect_out_has "active_sessions"
[[ "$(requests)" == 2 ]] && last_request | grep -qxF "GET /api/v1/analytics/realtime" || fail "realtime: $(last_request)"
pass
cs realtime --backend bs --offline
expect_rc 3
expect_err_has "never cached"
cs realtime --backend bs --as-of 2026-03-01T10:00:00Z
expect_rc 2
expect_err_has "as of now"

# --offline: a cached answer without asking; an uncached range exits 3.
mark
cs usage daily --backend bs "${R[@]}" -f csv --offline
expect_rc 0
diff -q "$OUT" "$WORK/first.csv" >/dev/null || fail "--offline answer differs"
cs engagement --backend bs --from 2025-01-01 --to 2025-01-31 --offline
expect_rc 3
expect_err_has "--offline: no answer of backend 'bs' for engagement 2025-01-01..2025-01-31"
[[ "$(requests)" == 0 ]] || fail "--offline asked the server"
pass

# A wrong token: exit 4 with the backend's message and the variable's name, never its value.
BOTSERVER_TOKEN="secret-wrong-value" cs usage --backend bs "${R[@]}" --refresh
expect_rc 4
expect_err_has "401 Unauthorized: invalid or expired token"
expect_err_has "BOTSERVER_TOKEN"
! grep -qF "secret-wrong-value" "$OUT" "$ERR" || fail "the token was printed"
pass

# check on one served metric.
mark
cs check --backend bs "${R[@]}" --rule 'usage.total_conversations >= 30'
expect_rc 0
expect_out_has "PASS"
cs check --backend bs "${R[@]}" --rule 'usage.total_conversations >= 100'
expect_rc 1
expect_out_has "FAIL"
[[ "$(requests)" == 0 ]] || fail "check fetched a cached stable answer"
pass

# Commands botserver does not serve: a usage error naming those it serves; nothing asked.
cs overview --backend bs "${R[@]}"
expect_rc 2
expect_err_has "backend 'bs' (botserver) does not serve overview; it serves: usage, usage daily, usage monthly, engagement, realtime, report"
cs check --backend bs "${R[@]}" --rule 'csat.avg_rating >= 4'
expect_rc 2
expect_err_has "does not serve csat"
[[ "$(requests)" == 0 ]] || fail "refused commands asked the server"
pass

# Server-side reports: an admin creates, lists and reads them.
mark
cs report engagement --backend bsadmin --from 2025-01-01 --to 2025-01-31 -f json
expect_rc 0
json_check 'd["id"] == "rpt_0001" and d["type"] == "engagement" and d["end_date"] == "2025-01-31"'
last_request | grep -qxF "POST /api/v1/analytics/reports" || fail "report request: $(last_request)"
pass
cs report list --backend bsadmin -f json
expect_rc 0
json_check '[r["id"] for r in d["reports"]] == ["rpt_0001"]'
cs report list --backend bsadmin -f csv
expect_rc 0
expect_out_has "rpt_0001,engagement"
cs report show rpt_0001 --backend bsadmin -f json
expect_rc 0
json_check 'd["id"] == "rpt_0001" and d["start_date"] == "2025-01-01"'
last_request | grep -qxF "GET /api/v1/analytics/reports/rpt_0001" || fail "report show: $(last_request)"
pass
cs report show rpt_9999 --backend bsadmin
expect_rc 3
expect_err_has "Report not found"
cs report --backend bsadmin "${R[@]}"
expect_rc 2
expect_err_has "name the type of report"
cs report list --backend bsadmin --offline
expect_rc 2
expect_err_has "never cached"
# A viewer token: the documented 403 (role), exit 4 with the message.
cs report engagement --backend bs "${R[@]}"
expect_rc 4
expect_err_has "403 Forbidden: reports require the analytics_admin or admin role"
expect_err_has "BOTSERVER_TOKEN"
! grep -qF "viewer-token" "$OUT" "$ERR" || fail "the token was printed"
pass
[[ "$(grep -c '^POST /api/v1/analytics/reports$' "$LOG")" == 2 ]] || fail "expected 2 POSTs"
pass

# backends shows what botserver serves; backends test reads realtime/active.
cs backends -f json
expect_rc 0
json_check '[b["serves"] for b in d["backends"] if b["name"] == "bs"][0] == "usage, usage daily, usage monthly, engagement, realtime, report"'
mark
cs backends test bs -f json
expect_rc 0
json_check 'd["backends"][0]["status"] == "ok" and "active_sessions 12" in d["backends"][0]["detail"]'
[[ "$(requests)" == 1 ]] && last_request | grep -qxF "GET /api/v1/analytics/realtime/active" || fail "backends test: $(last_request)"
pass
BOTSERVER_TOKEN="secret-wrong-value" cs backends test bs
expect_rc 4
grep -qF "401 Unauthorized" "$OUT" "$ERR" || fail "backends test: no 401"
! grep -qF "secret-wrong-value" "$OUT" "$ERR" || fail "the token was printed"
pass

done_checks
