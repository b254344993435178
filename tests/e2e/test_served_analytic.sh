#!/usr/bin/env bash
# Served KPIs from the analytic backend (seed 000), end to end, against the
# seed 000 loopback server as a process ($LOOPBACK_BIN analytic): every served
# command once (dashboard, bot ID, bot ID --compare, conversation ID, leads,
# usage, search --bot ID), the requests as sent, the served-answer cache (a
# settled past range is not asked again; search is never cached), --offline,
# auth errors without secrets (a wrong secret, a read-only key searching, a
# JWT), range options refused where the API takes none, commands analytic does
# not serve, check, backends and backends test.
source "$(dirname "$0")/lib.sh"
start_loopback analytic

mkdir -p "$XDG_CONFIG_HOME/convstat"
config="$XDG_CONFIG_HOME/convstat/config.toml"
cat > "$config" <<TOML
[backend.ana]
kind = "analytic"
base_url = "http://127.0.0.1:$PORT"
api_key_env = "ANA_KEY"
api_secret_env = "ANA_SECRET"
max_retries = 0

[backend.reader]
kind = "analytic"
base_url = "http://127.0.0.1:$PORT"
api_key_env = "ANA_READ_KEY"
api_secret_env = "ANA_READ_SECRET"
max_retries = 0

[backend.jwt]
kind = "analytic"
base_url = "http://127.0.0.1:$PORT"
token_env = "ANA_JWT"
max_retries = 0
TOML
export ANA_KEY="ak_live_good" ANA_SECRET="as_live_good_secret"
export ANA_READ_KEY="ak_read_only" ANA_READ_SECRET="as_read_only_secret"
export ANA_JWT="eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEifQ.c2lnbmVk"
AGENT="3f6c2a9e-8b1d-4c7e-9a25-6d0f1e2b3c4d"

MARK=0
requests() { local n; n=$(wc -l < "$LOG"); echo $((n - MARK)); }
mark() { MARK=$(wc -l < "$LOG"); }
last_request_is() { tail -1 "$LOG" | grep -qxF "$1" || fail "expected request '$1', got: $(tail -1 "$LOG")"; pass; }
R=(--from 2026-03-01 --to 2026-03-08)

# bot ID: one GET with start_date and end_date (the range's last day, inclusive).
mark
cs bot "$AGENT" --backend ana "${R[@]}" -f json
expect_rc 0
json_check 'list(d) == ["bot_id", "performance_metrics", "quality_metrics", "conversation_metrics"]'
json_check 'd["quality_metrics"]["csat_avg"] == 4.4 and d["quality_metrics"]["ai_quality_avg"] == 0.8123'
json_check 'd["conversation_metrics"]["total_conversations"] == 640 and d["quality_metrics"]["positive_rate"] == 84.2'
[[ "$(requests)" == 1 ]] || fail "expected 1 request, got $(requests)"
last_request_is "GET /v1/analytic/agent/$AGENT?end_date=2026-03-08&start_date=2026-03-01"
cs bot "$AGENT" --backend ana "${R[@]}" -f csv
expect_rc 0
cp "$OUT" "$WORK/first.csv"
# Repeated: the range settled (7 days after its end), so it is never asked again.
mark
cs bot "$AGENT" --backend ana "${R[@]}" -f csv
expect_rc 0
[[ "$(requests)" == 0 ]] || fail "a stable answer was fetched again ($(requests) requests)"
diff -q "$OUT" "$WORK/first.csv" >/dev/null || fail "the cached answer differs"
pass
# --compare: the performance-comparison endpoint, kept apart from the plain answer.
cs bot "$AGENT" --compare --backend ana "${R[@]}" -f json
expect_rc 0
json_check 'd["quality_metrics"]["positive_rate"] == {"value": 84.2, "company_average": 80.0, "difference": 4.2, "difference_pct": 5.3}'
last_request_is "GET /v1/analytic/agent/$AGENT/performance-comparison?end_date=2026-03-08&start_date=2026-03-01"
# An unknown agent: exit 3 with the backend's message.
cs bot 11111111-2222-3333-4444-555555555555 --backend ana "${R[@]}"
expect_rc 3
expect_err_has "404 Agent not found"

# leads and usage (table once), with the local units.
cs leads --backend ana "${R[@]}" -f json
expect_rc 0
json_check 'd["conversion_rate"] == 21.1 and [s["stage"] for s in d["funnel"]] == ["new", "contacted", "qualified", "converted"]'
last_request_is "GET /v1/analytic/leads?end_date=2026-03-08&start_date=2026-03-01"
cs usage --backend ana "${R[@]}"
expect_rc 0
expect_out_has "gpt-4o-mini"
expect_out_has "812.4"
cs usage --backend ana "${R[@]}" -f json
json_check 'd["api"]["error_rate"] == 0.3 and d["active_users"] == 802 and "total_calls" not in d'

# dashboard and conversation take no range: none is sent, an explicit one is a usage error.
mark
cs dashboard --backend ana -f json
expect_rc 0
json_check 'd["bots"] == 3 and d["documents"] == 146 and "calls" not in d and list(d)[-2:] == ["usage_trend", "documents"]'
last_request_is "GET /v1/analytic/dashboard"
cs dashboard --backend ana --days 7
expect_rc 2
expect_err_has "serves dashboard without a range: --days"
cs conversation conv-1001 --backend ana -f json
expect_rc 0
json_check 'd["message_statistics"]["by_author"]["ai"] == 6 and d["duration_minutes"] == 12.5 and d["topics"] == ["billing", "refund"]'
last_request_is "GET /v1/analytic/conversation/conv-1001"
cs conversation conv-1001 --backend ana --from 2026-03-01
expect_rc 2
# ... within ttl_s the answer comes from the cache.
cs dashboard --backend ana -f json
[[ "$(requests)" == 2 ]] || fail "dashboard/conversation: expected 2 requests, got $(requests)"
pass

# search --bot ID: POST /v1/search/document each time (never cached).
mark
cs search refund --bot "$AGENT" --limit 2 --backend ana -f json
expect_rc 0
json_check '[r["document_id"] for r in d["results"]] == ["doc-17", "doc-04"] and d["results"][0]["score"] == 0.8731'
last_request_is "POST /v1/search/document"
cs search refund --bot "$AGENT" --backend ana -f csv
expect_rc 0
expect_out_has "doc-22"
[[ "$(requests)" == 2 ]] || fail "search: expected 2 requests, got $(requests)"
pass
cs search refund --bot "$AGENT" --backend ana --offline
expect_rc 3
expect_err_has "never cached"
cs search refund --backend ana
expect_rc 2
expect_err_has "needs --bot ID"
cs search refund --bot agent-1 --backend ana
expect_rc 2
expect_err_has "is not a UUID"
cs search refund --bot "$AGENT"
expect_rc 2
expect_err_has "give --backend NAME"
# A read-only key reads the analytics but cannot search (the seed's write scope).
cs leads --backend reader "${R[@]}" --refresh -f json
expect_rc 0
cs search refund --bot "$AGENT" --backend reader
expect_rc 4
expect_err_has "403 API key lacks the 'write' scope"
# A JWT works for both.
cs search agent --bot "$AGENT" --backend jwt -f json
expect_rc 0
json_check 'd["results"][0]["document_id"] == "doc-09"'

# --offline: a cached answer is printed, a missing one is exit 3 with nothing asked.
mark
cs bot "$AGENT" --backend ana "${R[@]}" -f csv --offline
expect_rc 0
diff -q "$OUT" "$WORK/first.csv" >/dev/null || fail "--offline printed another answer"
pass
cs leads --backend ana --from 2025-01-01 --to 2025-01-31 --offline
expect_rc 3
expect_err_has "--offline: no answer of backend 'ana' for leads 2025-01-01..2025-01-31"
[[ "$(requests)" == 0 ]] || fail "--offline asked the server"
pass

# A wrong secret: exit 4 with the API's message and the variables' names, never their values.
ANA_SECRET="as-wrong-secret-value" cs usage --backend ana "${R[@]}" --refresh
expect_rc 4
expect_err_has "401 Invalid API key or secret"
expect_err_has "ANA_SECRET"
! grep -qF "as-wrong-secret-value" "$OUT" "$ERR" || fail "the secret was printed"
pass

# The backend's fixed zone; commands analytic does not serve; check on one served metric.
cs leads --backend ana "${R[@]}" --tz Europe/Paris
expect_rc 2
expect_err_has "buckets days in UTC, not Europe/Paris"
mark
cs overview --backend ana "${R[@]}"
expect_rc 2
expect_err_has "does not serve overview"
expect_err_has "it serves: dashboard, bot, bot --compare, conversation, leads, usage, search"
[[ "$(requests)" == 0 ]] || fail "a refused command asked the server"
pass
cs check --backend ana "${R[@]}" --rule 'leads.conversion_rate >= 20'
expect_rc 0
expect_out_has "PASS"
cs check --backend ana "${R[@]}" --rule 'leads.conversion_rate >= 25'
expect_rc 1

# backends lists what analytic serves; backends test reads /health and the dashboard.
cs backends -f json
expect_rc 0
json_check '[b["serves"] for b in d["backends"] if b["name"] == "ana"][0] == "dashboard, bot, bot --compare, conversation, leads, usage, search"'
mark
cs backends test ana -f json
expect_rc 0
json_check 'd["backends"][0]["status"] == "ok"'
[[ "$(requests)" == 2 ]] && head -n $((MARK + 1)) "$LOG" | tail -1 | grep -qxF "GET /health" || fail "backends test: $(tail -2 "$LOG")"
last_request_is "GET /v1/analytic/dashboard"
ANA_KEY="ak-wrong-key-value" cs backends test ana
expect_rc 4
grep -qF "401 Invalid API key or secret" "$OUT" "$ERR" || fail "backends test: no 401"
! grep -qF "ak-wrong-key-value" "$OUT" "$ERR" || fail "the key was printed"
pass

done_checks
