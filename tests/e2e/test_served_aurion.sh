#!/usr/bin/env bash
# Served KPIs from the aurion backend (seed 002 v2 conversation analytics),
# end to end, against the seed 002 loopback server as a process
# ($LOOPBACK_BIN aurion): date_from/date_to as sent, the served-answer cache
# (a settled past range is not asked again), check and report, auth errors
# without secrets (an X-API-Key gets the documented 403 today), the fixed UTC
# zone, commands aurion does not serve, backends / backends test.
source "$(dirname "$0")/lib.sh"
start_loopback aurion

mkdir -p "$XDG_CONFIG_HOME/convstat"
config="$XDG_CONFIG_HOME/convstat/config.toml"
cat > "$config" <<TOML
[backend.aurion]
kind = "aurion"
base_url = "http://127.0.0.1:$PORT"
token_env = "AURION_SESSION"
max_retries = 0

[backend.keyed]
kind = "aurion"
base_url = "http://127.0.0.1:$PORT"
api_key_env = "AURION_API_KEY"
max_retries = 0

[report.cs]
title = "Served CS"
sections = ["overview", "sla", "csat"]
TOML
export AURION_SESSION="session-good" AURION_API_KEY="itsm_sk_live_good"

MARK=0
requests() { local n; n=$(wc -l < "$LOG"); echo $((n - MARK)); }
mark() { MARK=$(wc -l < "$LOG"); }
R=(--from 2026-03-01 --to 2026-03-08)

# sla: one request with the seed's own date_from/date_to (inclusive end - 1 s).
mark
cs sla --backend aurion "${R[@]}" -f json
expect_rc 0
json_check 'd["resolution"]["compliance_rate"] == 91.8 and d["by_priority"][0]["priority"] == "urgent"'
json_check 'list(d) == ["first_response", "resolution", "by_priority", "by_team"]'
[[ "$(requests)" == 1 ]] || fail "expected 1 request, got $(requests)"
tail -1 "$LOG" | grep -qF "GET /api/v2/analytics/conversations/sla-compliance?date_from=2026-03-01T00:00:00Z&date_to=2026-03-08T23:59:59Z" \
  || fail "request: $(tail -1 "$LOG")"
pass
cs sla --backend aurion "${R[@]}" -f csv
expect_rc 0
cp "$OUT" "$WORK/first.csv"

# Repeated: a range settled (7 days after its end) is never asked again.
mark
cs sla --backend aurion "${R[@]}" -f csv
expect_rc 0
[[ "$(requests)" == 0 ]] || fail "a stable answer was fetched again ($(requests) requests)"
diff -q "$OUT" "$WORK/first.csv" >/dev/null || fail "the cached answer differs"
pass
# check reads the same answer through the result model.
cs check --backend aurion "${R[@]}" --rule 'sla.resolution.compliance_rate >= 90'
expect_rc 0
expect_out_has "PASS"
cs check --backend aurion "${R[@]}" --rule 'sla.resolution.compliance_rate >= 95'
expect_rc 1
[[ "$(requests)" == 0 ]] || fail "check fetched a cached stable answer"
pass
# --refresh asks again.
mark
cs sla --backend aurion "${R[@]}" --refresh -f json
expect_rc 0
[[ "$(requests)" == 1 ]] || fail "--refresh: expected 1 request"
pass

# The other commands, with the local units (percent one decimal, minutes one decimal).
cs overview --backend aurion "${R[@]}"
expect_rc 0
expect_out_has "41.4"
expect_out_has "252.0"
cs overview --backend aurion "${R[@]}" -f json
json_check 'list(d)[:3] == ["total_conversations", "ai_resolved_count", "ai_resolution_rate"] and d["resolution_minutes_median"] == 252.0'
cs csat --backend aurion "${R[@]}" -f json
expect_rc 0
json_check 'd["avg_rating"] == 4.3 and len(d["distribution"]) == 5'
cs resolution --backend aurion "${R[@]}" -f md
expect_rc 0
expect_out_has "73.7"
cs insights --backend aurion "${R[@]}" -f json
expect_rc 0
json_check 'd["metadata"]["date_to"] == "2026-03-08T23:59:59Z" and d["aggregation_health"]["target_met"] is True'
mark
cs teams --backend aurion -f json
expect_rc 0
json_check 'd["teams"][0]["team_name"] == "Tier 1"'
tail -1 "$LOG" | grep -qxF "GET /api/v2/analytics/conversations/teams" || fail "teams request: $(tail -1 "$LOG")"
pass

# csat responses: every page (limit 200, offset until total) in one command; --limit/--offset pick the page.
mark
cs csat responses --backend aurion "${R[@]}" --limit 10 --offset 445 -f json
expect_rc 0
json_check 'd["total"] == 450 and len(d["items"]) == 5 and d["items"][0]["id"] == "resp-0445" and d["limit"] == 10'
[[ "$(requests)" == 3 && "$(grep -c 'limit=200&offset=' "$LOG")" == 3 ]] || fail "csat responses paging: $(tail -3 "$LOG")"
pass
mark
cs csat responses --backend aurion "${R[@]}" -f csv
expect_rc 0
[[ "$(wc -l < "$OUT")" == 51 ]] || fail "expected the default 50 rows"
[[ "$(requests)" == 0 ]] || fail "csat responses: a stable answer was fetched again"
pass
cs csat responses --backend aurion "${R[@]}" --limit 500
expect_rc 2

# v1 calls: start_date/end_date (inclusive days) and tz, so --tz another zone is fine there.
mark
cs calls --backend aurion "${R[@]}" --tz Europe/Paris -f json
expect_rc 0
json_check 'd["kpis"]["first_call_resolution_rate"] == 62.8 and d["kpis"]["period_end"] == "2026-03-08"'
tail -1 "$LOG" | grep -qF "GET /api/v1/analytics/call-metrics?end_date=2026-03-08&start_date=2026-03-01&tz=Europe/Paris" \
  || fail "calls request: $(tail -1 "$LOG")"
pass
cs calls resolution --backend aurion "${R[@]}" --tz Europe/Paris -f json
expect_rc 0
json_check 'd["avg_resolution_time_seconds"] == 252.0 and d["period_comparison"] is None'
cs calls --backend aurion "${R[@]}" --tz Europe/Paris -f json
[[ "$(requests)" == 2 ]] || fail "calls: expected 2 requests, got $(requests)"
pass

# --offline with nothing cached: exit 3, nothing asked.
mark
cs overview --backend aurion --from 2025-01-01 --to 2025-01-31 --offline
expect_rc 3
expect_err_has "--offline: no answer of backend 'aurion' for overview 2025-01-01T00:00:00Z..2025-01-31T23:59:59Z"
[[ "$(requests)" == 0 ]] || fail "--offline asked the server"
pass

# A wrong session token: exit 4 with the API's message and the variable's name, never its value.
AURION_SESSION="session-wrong-value" cs sla --backend aurion "${R[@]}" --refresh
expect_rc 4
expect_err_has "401 Could not validate credentials"
expect_err_has "AURION_SESSION"
! grep -qF "session-wrong-value" "$OUT" "$ERR" || fail "the token was printed"
pass
# An X-API-Key: the seed's documented 403 today, with a hint to use token_env.
cs overview --backend keyed "${R[@]}"
expect_rc 4
expect_err_has "403 API key access is not enabled for analytics endpoints"
expect_err_has "X-API-Key from \$AURION_API_KEY"
expect_err_has "token_env"
! grep -qF "itsm_sk_live_good" "$OUT" "$ERR" || fail "the key was printed"
pass
# ... and the failures left the stored answer as it was.
cs sla --backend aurion "${R[@]}" -f csv --offline
expect_rc 0
diff -q "$OUT" "$WORK/first.csv" >/dev/null || fail "a failed fetch changed the cached answer"
pass

# Its fixed zone: --tz another zone is a usage error naming UTC; nothing asked.
mark
cs sla --backend aurion "${R[@]}" --tz Europe/Paris
expect_rc 2
expect_err_has "buckets days in UTC, not Europe/Paris"
# Commands aurion does not serve: a usage error naming those it serves.
cs daily chats --backend aurion "${R[@]}"
expect_rc 2
expect_err_has "does not serve daily chats"
expect_err_has "overview, sla, csat, csat responses, resolution, teams, insights, calls, calls resolution, unified, usage, calls search"
cs check --backend aurion "${R[@]}" --rule 'agents.agent_performance[0].assigned_count > 0'
expect_rc 2
expect_err_has "does not serve agents"
# The support preset has agents, which aurion does not serve: refused before any request.
cs report support --backend aurion "${R[@]}" -f json
expect_rc 2
expect_err_has "does not serve agents"
[[ "$(requests)" == 0 ]] || fail "refused commands asked the server"
pass
# A report of served sections works.
cs report cs --backend aurion "${R[@]}" -f json
expect_rc 0
expect_out_has '"sla"'
expect_out_has '91.8'

# unified: v2 unified-overview with the same date_from/date_to.
mark
cs unified --backend aurion "${R[@]}" -f json
expect_rc 0
json_check 'list(d) == ["profile", "voice", "cs", "cross_product", "kb"] and d["cross_product"]["voice_share"] == 35.4'
tail -1 "$LOG" | grep -qF "GET /api/v2/analytics/unified-overview?date_from=2026-03-01T00:00:00Z&date_to=2026-03-08T23:59:59Z" \
  || fail "unified request: $(tail -1 "$LOG")"
pass
cs unified --backend aurion "${R[@]}"
expect_rc 0
expect_out_has "70.5"
# usage: v1 usage-patterns (days of --tz, sent as tz); --by model is not served.
cs usage --backend aurion "${R[@]}" --tz Europe/Paris -f csv
expect_rc 0
expect_out_has "groq"
tail -1 "$LOG" | grep -qF "GET /api/v1/analytics/usage-patterns?end_date=2026-03-08&start_date=2026-03-01&tz=Europe/Paris" \
  || fail "usage request: $(tail -1 "$LOG")"
pass
cs usage --backend aurion "${R[@]}" -f json
expect_rc 0
json_check 'd["llm_usage"][0]["total_requests"] == 1240 and d["avg_tokens_per_call"] == 412.0'
mark
cs usage --backend aurion "${R[@]}" --by model
expect_rc 2
expect_err_has "by provider only"
[[ "$(requests)" == 0 ]] || fail "usage --by model asked the server"
pass

# calls search: the digits sent, the answer redacted, never the number in output or errors; never cached; audited.
mark
cs calls search --backend aurion --phone "+33 6 12 34 56 78" "${R[@]}" --limit 5 -f json
expect_rc 0
json_check 'd["total_count"] == 1 and d["results"][0]["phone_number_redacted"] == "***-***-5678" and d["search_term_redacted"] == "***-***-5678"'
tail -1 "$LOG" | grep -qF "GET /api/v1/analytics/search?end_date=2026-03-08&limit=5&phone=33612345678&start_date=2026-03-01&tz=UTC" \
  || fail "search request: $(tail -1 "$LOG")"
pass
cs calls search --backend aurion --phone 5678 "${R[@]}" -f csv -v
expect_rc 0
expect_out_has "99990000-3333-4444-5555-666677778888"
expect_err_has "***-***-5678"
[[ "$(requests)" == 2 ]] || fail "calls search: expected 2 requests (never cached), got $(requests)"
pass
! grep -qE "612345678|33 6 12" "$OUT" "$ERR" || fail "the number was printed"
pass
cs cache audit -f json
expect_rc 0
json_check '[e["detail"] for e in d["entries"] if e["command"] == "calls search --backend aurion"] == ["***-***-5678", "***-***-5678"]'
expect_out_lacks "612345678"
# Usage errors never echo the number; --offline refuses (nothing is cached).
mark
cs calls search --backend aurion --phone "+1-2" "${R[@]}"
expect_rc 2
expect_err_has "--phone needs at least 4 digits"
cs calls search --backend aurion --phone 33612345678 "${R[@]}" --offline
expect_rc 2
expect_err_has "never cached"
! grep -qF "33612345678" "$OUT" "$ERR" || fail "the number was printed"
[[ "$(requests)" == 0 ]] || fail "refused searches asked the server"
pass
# A wrong token: exit 4, the variable named, the number nowhere.
AURION_SESSION="session-wrong-value" cs calls search --backend aurion --phone 33612345678 "${R[@]}"
expect_rc 4
expect_err_has "AURION_SESSION"
! grep -qE "33612345678|session-wrong-value" "$OUT" "$ERR" || fail "the number or the token was printed"
pass

# backends shows what aurion serves; backends test reads aggregation-health.
cs backends -f json
expect_rc 0
json_check '[b["serves"] for b in d["backends"] if b["name"] == "aurion"][0] == "overview, sla, csat, csat responses, resolution, teams, insights, calls, calls resolution, unified, usage, calls search"'
mark
cs backends test aurion -f json
expect_rc 0
json_check 'd["backends"][0]["status"] == "ok"'
[[ "$(requests)" == 1 ]] && tail -1 "$LOG" | grep -qF "aggregation-health?date_from=" || fail "backends test: $(tail -1 "$LOG")"
pass
cs backends test keyed
expect_rc 4
grep -qF "403 API key access is not enabled" "$OUT" "$ERR" || fail "backends test keyed: no 403"
pass

done_checks
