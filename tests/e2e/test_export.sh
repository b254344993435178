#!/usr/bin/env bash
# export through the binary: redaction by default (no full phone number or
# e-mail address in any format), --no-redact, --include-transcripts, filters,
# -o, the audit log, and the round trip export -> import -> the same KPIs.
source "$(dirname "$0")/lib.sh"

cat >"$WORK/pii.ndjson" <<'NDJSON'
{"type":"conversation","id":"c1","started_at":"2026-03-10T09:00:00Z","channel":"email","contact_id":"jane.doe@example.com","subject":"Call me back on +33 6 12 34 56 78","topics":["billing","refund"],"priority":"high"}
{"type":"conversation","id":"c2","started_at":"2026-03-11T09:00:00Z","channel":"chat","contact_id":"contact-2","subject":"Order 12345678 from 2026-03-01"}
{"type":"message","id":"m1","conversation_id":"c1","at":"2026-03-10T09:01:00Z","direction":"inbound","text":"write to jane.doe@example.com or call 06 12 34 56 78"}
{"type":"call","id":"k1","started_at":"2026-03-10T10:00:00Z","status":"completed","phone":"+33 6 12 34 56 78","transcript":"my number is +33612345678","outcome":"resolved"}
{"type":"feedback","conversation_id":"c1","rating":1,"rating_type":"thumbs","created_at":"2026-03-10T09:05:00Z","user_input":"mail me: jane.doe@example.com","feedback_text":"ring 0612345678"}
NDJSON
cs import "$WORK/pii.ndjson"
expect_rc 0
RANGE=(--from 2026-03-01 --to 2026-03-31)

# Redacted by default, in every format: no number, no address, anywhere.
for type in conversations messages calls feedback; do
  for format in ndjson json csv; do
    cs export "$type" "${RANGE[@]}" -f "$format" --include-transcripts
    expect_rc 0
    expect_out_lacks '12 34 56 78'
    expect_out_lacks '612345678'
    expect_out_lacks 'jane.doe'
    expect_out_lacks 'example.com'
  done
done
cs export conversations "${RANGE[@]}"
expect_rc 0
expect_err_has 'exported 2 conversations'
json_check_lines() { python3 -c "import json,sys; d=[json.loads(l) for l in open(sys.argv[1])]; assert ($1), d" "$OUT" || fail "check failed: $1"; pass; }
json_check_lines 'd[0]["type"] == "conversation" and d[0]["subject"] == "Call me back on ***-***-5678"'
json_check_lines 'd[0]["contact_id"].startswith("redacted-") and d[1]["contact_id"] == "contact-2"'
json_check_lines 'd[1]["subject"] == "Order 12345678 from 2026-03-01" and d[0]["topics"] == ["billing", "refund"]'
json_check_lines '"ended_at" not in d[0] and d[0]["started_at"] == "2026-03-10T09:00:00Z"'
cs export calls "${RANGE[@]}"
json_check_lines 'd[0]["phone"] == "***-***-5678" and "transcript" not in d[0]'
cs export messages "${RANGE[@]}"
json_check_lines '"text" not in d[0]'
cs export messages "${RANGE[@]}" --include-transcripts
json_check_lines 'd[0]["text"] == "write to [email] or call ***-***-5678"'
cs export calls "${RANGE[@]}" --include-transcripts --no-redact -f json
json_check 'd[0]["phone"] == "+33 6 12 34 56 78" and d[0]["transcript"] == "my number is +33612345678"'
cs export conversations "${RANGE[@]}" -f csv
expect_rc 0
[[ "$(head -1 "$OUT")" == $'id,tenant,bot_id,channel,started_at,ended_at,first_response_at,resolved_at,resolved_by,escalated_at,handover_requested_at,status,priority,team_id,team_name,assignee_id,assignee_name,contact_id,subject,topics,language,sentiment,ai_quality,first_response_due_at,resolution_due_at,updated_at\r' ]] || fail "csv header"
pass
expect_out_has 'billing;refund'

# Filters narrow as in the KPI commands; one that does not apply is a usage error.
cs export conversations "${RANGE[@]}" --channel chat
json_check_lines '[x["id"] for x in d] == ["c2"]'
cs export messages "${RANGE[@]}" --channel chat
expect_rc 0
expect_out_empty
cs export events --channel chat
expect_rc 2
expect_err_has '--channel does not apply to events'
cs export conversations -f table
expect_rc 2
cs export nothing
expect_rc 2

# -o writes atomically (patterns expanded); every export is in the audit log.
cs export calls "${RANGE[@]}" -f csv -o "$WORK/out/calls-%Y.csv"
expect_rc 0
expect_out_empty
[[ -s "$WORK/out/calls-$(date -u +%Y).csv" ]] || fail "-o pattern"
pass
cs cache audit -f json
json_check 'd["entries"][-1]["command"] == "export calls" and d["entries"][-1]["detail"] == "csv, redacted" and d["entries"][-1]["result_count"] == 1'
json_check 'all("612345678" not in json.dumps(e) for e in d["entries"])'

# Round trip: every type exported (ndjson, and conversations also as csv) and
# imported into a new cache gives the same KPIs.
cs demo --conversations 300 --days 30 --as-of 2026-03-31T00:00:00Z
expect_rc 0
for type in conversations messages csat calls turns usage feedback leads events kb_articles; do
  cs export "$type" --from 2026-01-01 --to 2026-04-30 -o "$WORK/rt/$type.ndjson"
  expect_rc 0
done
cs export conversations --from 2026-01-01 --to 2026-04-30 -f csv -o "$WORK/rt-csv/conversations.csv"
ORIGINAL="$CACHE"
for copy in ndjson csv; do
  CACHE="$WORK/copy-$copy.db"
  if [[ $copy == ndjson ]]; then
    cs import "$WORK"/rt/*.ndjson
  else
    cs import "$WORK"/rt/*.ndjson
    cs import "$WORK/rt-csv/conversations.csv" --type conversation
    expect_err_has 'conversation: 0 inserted, 0 updated'
  fi
  expect_rc 0
  for command in overview sla csat agents calls usage latency leads engagement dashboard unified; do
    CACHE="$ORIGINAL" cs $command --from 2026-03-01 --to 2026-03-31 --as-of 2026-03-31T00:00:00Z -f json
    cp "$OUT" "$WORK/original.json"
    CACHE="$WORK/copy-$copy.db" cs $command --from 2026-03-01 --to 2026-03-31 --as-of 2026-03-31T00:00:00Z -f json
    diff "$WORK/original.json" "$OUT" >/dev/null || fail "$command differs after the $copy round trip"
    pass
  done
done
CACHE="$ORIGINAL"

done_checks
