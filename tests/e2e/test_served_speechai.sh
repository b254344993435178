#!/usr/bin/env bash
# Served KPIs from the speechai backend (seed 003), end to end, against the
# seed 003 loopback server as a process ($LOOPBACK_BIN speechai): sessions
# costs|metrics ID (one GET each, kept per session for ttl_s, --offline),
# feedback add --backend (POST /feedback, the seed's 400 as a usage error,
# nothing stored locally), the documented 404 and 401 (the variable's name,
# never the key), commands speechai does not serve, check, backends / backends test.
source "$(dirname "$0")/lib.sh"
start_loopback speechai

mkdir -p "$XDG_CONFIG_HOME/convstat"
config="$XDG_CONFIG_HOME/convstat/config.toml"
cat > "$config" <<TOML
[backend.speech]
kind = "speechai"
base_url = "http://127.0.0.1:$PORT/api/v1"
api_key_env = "SPEECH_KEY"
max_retries = 0

[backend.fresh]
kind = "speechai"
base_url = "http://127.0.0.1:$PORT/api/v1"
api_key_env = "SPEECH_KEY"
ttl_s = 0
max_retries = 0
TOML
export SPEECH_KEY="sk-speech-good"

MARK=0
requests() { local n; n=$(wc -l < "$LOG"); echo $((n - MARK)); }
mark() { MARK=$(wc -l < "$LOG"); }

# sessions costs: one GET of the session's path, the seed's answer with the local units.
mark
cs sessions costs session-123 --backend speech -f json
expect_rc 0
json_check 'd["total_cost_usd"] == 0.0456 and d["breakdown_by_service"]["llm"] == 0.0245 and d["total_entries"] == 12'
json_check 'list(d) == ["total_cost_usd", "breakdown_by_service", "breakdown_by_provider", "total_entries", "cache_savings_usd", "optimization_level"]'
[[ "$(requests)" == 1 ]] && tail -1 "$LOG" | grep -qxF "GET /api/v1/sessions/session-123/costs" || fail "costs request: $(tail -1 "$LOG")"
pass
# sessions metrics, as a table and as CSV.
mark
cs sessions metrics session-123 --backend speech
expect_rc 0
expect_out_has "2937.8"
expect_out_has "0.4200"
expect_out_has "hi-IN"
tail -1 "$LOG" | grep -qxF "GET /api/v1/sessions/session-123/metrics" || fail "metrics request: $(tail -1 "$LOG")"
pass
cs sessions metrics session-123 --backend speech -f csv
expect_rc 0
expect_out_has "avg_llm_latency_ms"
cp "$OUT" "$WORK/metrics.csv"

# Repeated within ttl_s (default 300 s): answered from the cache, no request.
mark
cs sessions metrics session-123 --backend speech -f csv
expect_rc 0
[[ "$(requests)" == 0 ]] || fail "a fresh answer was fetched again ($(requests) requests)"
diff -q "$OUT" "$WORK/metrics.csv" >/dev/null || fail "the cached answer differs"
pass
# ttl_s = 0: sessions are live and never settle, so every run asks again.
mark
cs sessions costs session-123 --backend fresh -f json
cs sessions costs session-123 --backend fresh -f json
expect_rc 0
[[ "$(requests)" == 2 ]] || fail "ttl_s 0: expected 2 requests, got $(requests)"
pass
# --refresh asks again.
mark
cs sessions metrics session-123 --backend speech --refresh -f json
expect_rc 0
[[ "$(requests)" == 1 ]] || fail "--refresh: expected 1 request"
pass

# --offline: from the cache, or exit 3 naming the session; nothing asked.
mark
cs sessions metrics session-123 --backend speech --offline -f csv
expect_rc 0
diff -q "$OUT" "$WORK/metrics.csv" >/dev/null || fail "--offline answer differs"
pass
cs sessions costs other-session --backend speech --offline
expect_rc 3
expect_err_has "--offline: no answer of backend 'speech' for sessions costs other-session"
[[ "$(requests)" == 0 ]] || fail "--offline asked the server"
pass

# An unknown session: the documented 404 "Session not found", exit 3 like the local command.
cs sessions costs session-999 --backend speech
expect_rc 3
expect_err_has "session 'session-999' not found: Session not found"

# A wrong key: exit 4 with the API's message and the variable's name, never its value.
SPEECH_KEY="sk-wrong-value" cs sessions costs session-123 --backend speech --refresh
expect_rc 4
expect_err_has "401 Invalid API key"
expect_err_has "X-API-Key from \$SPEECH_KEY"
! grep -qF "sk-wrong-value" "$OUT" "$ERR" || fail "the key was printed"
pass
# ... and the failure left the stored answer as it was.
cs sessions costs session-123 --backend speech --offline -f json
expect_rc 0
json_check 'd["total_cost_usd"] == 0.0456'

# feedback add --backend: POST /feedback; the backend's answer printed, created_at (no offset) read as UTC.
mark
cs feedback add --backend speech --conversation session-123 --rating 5 --rating-type stars --text "Clear answer" -f json
expect_rc 0
json_check 'd == {"id": 42, "session_id": "session-123", "rating": 5, "rating_type": "stars", "created_at": "2025-10-15T14:32:10.123Z"}'
[[ "$(requests)" == 1 ]] && tail -1 "$LOG" | grep -qxF "POST /api/v1/feedback" || fail "feedback request: $(tail -1 "$LOG")"
pass
# Not stored locally: the local feedback KPI still sees no record.
cs feedback --from 2025-10-01 --to 2025-10-31 -f json
expect_rc 0
json_check 'd["total"] == 0'
# The seed's validation error: exit 2 with the backend's message, nothing stored.
cs feedback add --backend speech --conversation session-123 --rating 3 --rating-type thumbs
expect_rc 2
expect_err_has "400 Rating must be -1 (thumbs down) or 1 (thumbs up) for thumbs type"
cs feedback add --backend speech --conversation session-123 --rating=-1 --rating-type thumbs -f csv
expect_rc 0
expect_out_has "id,43"
expect_out_has "session_id,session-123"
expect_out_has "rating,-1"
expect_out_has "rating_type,thumbs"
expect_out_has "created_at,2025-10-15T14:32:10.123Z"
# --offline cannot post.
mark
cs feedback add --backend speech --conversation session-123 --rating 1 --rating-type thumbs --offline
expect_rc 2
expect_err_has "--offline"
[[ "$(requests)" == 0 ]] || fail "--offline posted"
pass

# Commands speechai does not serve: a usage error naming those it serves.
cs overview --backend speech
expect_rc 2
expect_err_has "does not serve overview"
expect_err_has "sessions costs, sessions metrics, feedback add"
cs sessions list --backend speech
expect_rc 2
expect_err_has "does not serve sessions list"
# check: both served commands need a session id, which check does not give: refused before any request.
cs check --backend speech --rule 'sessions_metrics.total_turns > 0'
expect_rc 2
expect_err_has "needs id and cannot be checked"
cs check --backend speech --rule 'overview.total_conversations > 0'
expect_rc 2
expect_err_has "does not serve overview"
[[ "$(requests)" == 0 ]] || fail "refused commands asked the server"
pass

# backends lists what speechai serves; backends test asks a probe session's metrics (404 = key accepted).
cs backends -f json
expect_rc 0
json_check '[b["serves"] for b in d["backends"] if b["name"] == "speech"][0] == "sessions costs, sessions metrics, feedback add"'
mark
cs backends test speech -f json
expect_rc 0
json_check 'd["backends"][0]["status"] == "ok" and "404 Session not found" in d["backends"][0]["detail"]'
[[ "$(requests)" == 1 ]] && tail -1 "$LOG" | grep -qxF "GET /api/v1/sessions/convstat-backends-test/metrics" \
  || fail "backends test: $(tail -1 "$LOG")"
pass
SPEECH_KEY="sk-wrong-value" cs backends test speech
expect_rc 4
grep -qF "401 Invalid API key" "$OUT" "$ERR" || fail "backends test: no 401"
! grep -qF "sk-wrong-value" "$OUT" "$ERR" || fail "the key was printed"
pass

done_checks
