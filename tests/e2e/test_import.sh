#!/usr/bin/env bash
# import through the binary: all-or-nothing, --skip-invalid, re-import, formats, stdin, gzip.
source "$(dirname "$0")/lib.sh"

good="$DATA/small/records.ndjson"
cs import "$good"
expect_rc 0
expect_out_empty
expect_err_has "conversation: 5 inserted, 0 updated, 0 unchanged"
expect_err_has "csat: 3 inserted, 0 updated, 0 unchanged"
cs cache info -f json
before=$(cat "$OUT")
json_check '[t["count"] for t in d["types"] if t["type"] in ("conversation", "csat")] == [5, 3]'

# The same file again changes nothing.
cs import "$good"
expect_rc 0
expect_err_has "conversation: 0 inserted, 0 updated, 5 unchanged"

# One bad line: exit 3, every error named by file:line: field, nothing written.
bad="$WORK/bad.ndjson"
{
  echo '{"type":"conversation","id":"n1","started_at":"2026-03-30T10:00:00Z"}'
  echo '{"type":"conversation","id":"n2","started_at":"2026-03-30T10:00:00"}'
  echo '{"type":"conversation","id":"n3","started_at":"2026-03-30T10:00:00Z","priority":"critical"}'
  echo 'not json'
} > "$bad"
cs import "$bad"
expect_rc 3
expect_out_empty
expect_err_has "convstat: error: 3 invalid records; nothing was written"
expect_err_has "bad.ndjson:2: started_at: timestamp has no UTC offset"
expect_err_has "bad.ndjson:3: priority:"
expect_err_has "bad.ndjson:4:"
expect_err_has "hint: "
cs cache info -f json
[[ "$(cat "$OUT")" == "$before" ]] || fail "cache info changed after a failed import"
pass

# --assume-tz reads offset-less timestamps in a zone.
printf '%s\n' '{"type":"conversation","id":"z1","started_at":"2026-03-29T02:30:00"}' > "$WORK/local.ndjson"
cs import "$WORK/local.ndjson" --assume-tz Europe/Paris
expect_rc 0
[[ "$(sqlite3 "$CACHE" "SELECT started_at FROM conversations WHERE id = 'z1'")" == "1774747800000" ]] \
  || fail "02:30 in the Paris DST gap should be 01:30Z"   # shifted forward by the gap
pass

# --skip-invalid writes the valid records and the rejects file.
cs import "$bad" --skip-invalid --rejects "$WORK/rejects.ndjson"
expect_rc 0
expect_err_has "conversation: 1 inserted"
expect_err_has "rejected: 3 invalid records"
[[ $(wc -l < "$WORK/rejects.ndjson") -eq 3 ]] || fail "rejects file should have 3 lines"
python3 - "$WORK/rejects.ndjson" <<'PY' || fail "rejects file content"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert [l["line"] for l in lines] == [2, 3, 4], lines
assert lines[2]["raw"] == "not json", lines[2]
assert lines[0]["errors"][0].startswith("started_at: "), lines[0]
PY
pass

# CSV needs --type; quoted fields with commas, quotes and newlines; arrays with ';'.
cat > "$WORK/conv.csv" <<'CSV'
id,started_at,channel,subject,topics,priority
c1,2026-04-01T09:00:00Z,Email,"Refund, ""urgent""
second line",billing;refund,high
c2,2026-04-01T10:00:00Z,chat,,,
CSV
cs import "$WORK/conv.csv"
expect_rc 2
expect_err_has "--type"
cs import "$WORK/conv.csv" --type conversation
expect_rc 0
expect_err_has "conversation: 2 inserted"
[[ "$(sqlite3 "$CACHE" "SELECT channel || '|' || topics FROM conversations WHERE id = 'c1'")" == 'email|["billing","refund"]' ]] \
  || fail "CSV channel lower-cased and topics split"
pass
[[ "$(sqlite3 "$CACHE" "SELECT subject FROM conversations WHERE id = 'c1'")" == $'Refund, "urgent"\nsecond line' ]] \
  || fail "CSV quoted field"
pass

# JSON array, stdin and gzip.
printf '[{"type":"lead","id":"l1","stage":"new","created_at":"2026-04-01T09:00:00Z"},\n {"type":"lead","id":"l2","stage":"won","created_at":"2026-04-01T09:00:00Z"}]\n' > "$WORK/leads.json"
cs import "$WORK/leads.json"
expect_rc 3
expect_err_has "leads.json:2: stage:"
printf '%s\n' '{"type":"event","at":"2026-04-01T09:00:00Z","kind":"api_request"}' | { RC=0; "$CONVSTAT_BIN" --cache "$CACHE" import - >"$OUT" 2>"$ERR" || RC=$?; expect_rc 0; }
expect_err_has "event: 1 inserted"
printf '%s\n' '{"type":"event","at":"2026-04-01T09:00:00Z","kind":"api_request"}' | gzip > "$WORK/events.ndjson.gz"
cs import "$WORK/events.ndjson.gz"
expect_rc 0
expect_err_has "event: 0 inserted, 0 updated, 1 unchanged"   # the hashed id is stable

# A missing file is a usage error.
cs import "$WORK/nope.ndjson"
expect_rc 2
expect_err_has "nope.ndjson"

done_checks
