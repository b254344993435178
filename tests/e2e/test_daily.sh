#!/usr/bin/env bash
# The daily series through the binary, on tests/data/engagement (its README
# has the hand count): 2026-03-09..2026-03-15 in UTC, and paging with cursors.
source "$(dirname "$0")/lib.sh"

cs import "$DATA/engagement/records.ndjson"
expect_rc 0
WEEK=(--from 2026-03-09 --to 2026-03-15)

cs daily chats "${WEEK[@]}" -f json
expect_rc 0
expect_err_empty
json_check 'list(d) == ["status", "data", "metadata"] and d["status"] == "SUCCESS"'
json_check '[x["count"] for x in d["data"]] == [2, 1, 1, 1, 0, 0, 1]'
json_check 'd["data"][0] == {"date": "2026-03-09", "count": 2} and d["metadata"] == {"total_count": 7, "next_cursor": None}'
cs daily chats "${WEEK[@]}" --channel email -f json
json_check '[x["count"] for x in d["data"]] == [1, 0, 0, 0, 0, 0, 0]'

cs daily messages "${WEEK[@]}" -f json
expect_rc 0
json_check 'd["data"][0] == {"date": "2026-03-09", "inbound_messages": 2, "outbound_messages": 1, "positive_feedback": 1, "negative_feedback": 0, "ht_requests": 1, "ht_starts": 1}'
json_check 'd["data"][2] == {"date": "2026-03-11", "inbound_messages": 0, "outbound_messages": 1, "positive_feedback": 0, "negative_feedback": 1, "ht_requests": 1, "ht_starts": 0}'
json_check 'd["data"][6]["inbound_messages"] == 3 and d["data"][6]["outbound_messages"] == 1'
json_check 'd["metadata"] == {"total_days": 7, "next_cursor": None}'

cs daily users "${WEEK[@]}" -f json
json_check '[(x["unique_users"], x["returning_users"]) for x in d["data"]] == [(2, 1), (1, 0), (1, 1), (0, 0), (0, 0), (0, 0), (1, 0)]'
json_check 'd["metadata"]["total_count"] == 7'

cs daily csat "${WEEK[@]}" -f json
json_check '[(x["total"], x["avg_score"]) for x in d["data"][:4]] == [(1, 5.0), (1, 3.0), (1, None), (0, None)]'
json_check 'd["metadata"] == {"days_count": 7, "next_cursor": None}'

cs daily ai-quality "${WEEK[@]}" -f json
json_check 'd["data"][0] == {"date": "2026-03-09", "score": 0.7, "sample_size": 2} and d["data"][1]["score"] is None'
json_check 'd["metadata"]["total_days"] == 7'

cs daily errors "${WEEK[@]}" -f json
json_check '[x["error_count"] for x in d["data"]] == [0, 2, 0, 0, 0, 0, 1]'
json_check 'd["data"][1]["bucket"] == "2026-03-10T00:00:00+00:00"'
cs daily errors "${WEEK[@]}" --tz Europe/Paris -f json
json_check 'd["data"][0]["bucket"] == "2026-03-09T00:00:00+01:00"'

# Tables, CSV and Markdown show the days as the main section; the metadata stays in the table's summary.
cs daily chats "${WEEK[@]}" -f csv
expect_out_eq $'date,count\r\n2026-03-09,2\r\n2026-03-10,1\r\n2026-03-11,1\r\n2026-03-12,1\r\n2026-03-13,0\r\n2026-03-14,0\r\n2026-03-15,1\r\n'
cs daily chats "${WEEK[@]}" -f csv --section summary
expect_out_has 'metadata.total_count,7'
cs daily csat "${WEEK[@]}" -f md
expect_rc 0
expect_out_has '| 2026-03-09 | 1 | 5.0 |'
cs daily chats "${WEEK[@]}"
expect_rc 0
expect_out_has 'Daily chats'
expect_out_has '2026-03-15'

# Paging: --limit 3 then each next_cursor walks every day once, as the unpaged list.
cs daily chats --from 2026-03-01 --to 2026-03-20 -f json
python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["data"]))' "$OUT" >"$WORK/all.json"
pages=() cursor=""
while :; do
  if [[ -z "$cursor" ]]; then cs daily chats --from 2026-03-01 --to 2026-03-20 --limit 7 -f json
  else cs daily chats --from 2026-03-01 --to 2026-03-20 --limit 7 --cursor "$cursor" -f json; fi
  expect_rc 0
  json_check 'd["metadata"]["total_count"] == 20 and 1 <= len(d["data"]) <= 7'
  cp "$OUT" "$WORK/page${#pages[@]}.json"
  pages+=("$WORK/page${#pages[@]}.json")
  cursor=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["metadata"]["next_cursor"]; print(c or "")' "$OUT")
  [[ -n "$cursor" ]] || break
  (( ${#pages[@]} < 10 )) || fail "paging does not end"
done
[[ ${#pages[@]} == 3 ]] || fail "expected 3 pages (7 + 7 + 6), got ${#pages[@]}"
pass
python3 -c 'import json,sys; print(json.dumps([x for p in sys.argv[2:] for x in json.load(open(p))["data"]]))' \
  "$WORK/all.json" "${pages[@]}" >"$WORK/paged.json"
diff "$WORK/all.json" "$WORK/paged.json" >/dev/null || fail "the pages differ from the unpaged list"
pass

# A cursor of another command or range, or a malformed one, is a usage error.
cs daily chats --from 2026-03-01 --to 2026-03-20 --limit 7 -f json
first=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["metadata"]["next_cursor"])' "$OUT")
cs daily users --from 2026-03-01 --to 2026-03-20 --limit 7 --cursor "$first"
expect_rc 2
expect_err_has 'Invalid cursor'
expect_out_empty
cs daily chats --from 2026-03-02 --to 2026-03-20 --limit 7 --cursor "$first"
expect_rc 2
expect_err_has 'Invalid cursor'
cs daily chats --from 2026-03-01 --to 2026-03-20 --cursor 'garbage!!'
expect_rc 2
expect_err_has 'Invalid cursor'
cs daily chats "${WEEK[@]}" --limit 0
expect_rc 2
expect_err_has '--limit'
cs daily chats "${WEEK[@]}" --limit 366
expect_rc 2
cs daily
expect_rc 2

done_checks
