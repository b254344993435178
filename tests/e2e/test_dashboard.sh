#!/usr/bin/env bash
# dashboard and search through the binary, on the records below (counted by
# hand in the comments): 2026-03-10..2026-03-12 in UTC.
source "$(dirname "$0")/lib.sh"

cat >"$WORK/records.ndjson" <<'NDJSON'
{"type":"conversation","id":"d1","started_at":"2026-03-10T09:00:00Z","bot_id":"b1","contact_id":"u1","channel":"email","subject":"Équipe de support"}
{"type":"conversation","id":"d2","started_at":"2026-03-10T10:00:00Z","bot_id":"b2","contact_id":"u1","channel":"chat","subject":"Refund request"}
{"type":"conversation","id":"d3","started_at":"2026-03-12T10:00:00Z","contact_id":"u2","channel":"chat"}
{"type":"conversation","id":"d4","tenant":"other","started_at":"2026-03-12T11:00:00Z","channel":"web","subject":"refund too"}
{"type":"message","id":"n1","conversation_id":"d1","at":"2026-03-10T09:01:00Z","direction":"inbound","text":"my parcel is late"}
{"type":"message","id":"n2","conversation_id":"d3","at":"2026-03-12T10:01:00Z","direction":"inbound","text":"late again, so late"}
{"type":"message","id":"n3","conversation_id":"d3","at":"2026-03-13T10:01:00Z","direction":"outbound","text":"sorry"}
{"type":"call","id":"k1","started_at":"2026-03-11T08:00:00Z","bot_id":"b3","status":"completed"}
{"type":"lead","id":"l1","created_at":"2026-03-11T08:30:00Z","stage":"new"}
NDJSON

cs import "$WORK/records.ndjson"
expect_rc 0

# 03-10..03-12: d1 d2 d3 d4, messages n1 n2 (n3 on 03-13), bots b1 b2 b3, contacts u1 u2.
cs dashboard --from 2026-03-10 --to 2026-03-12 -f json
expect_rc 0
expect_err_empty
json_check 'list(d) == ["bots", "conversations", "messages", "leads", "contacts", "calls", "usage_trend"]'
json_check 'd["bots"] == 3 and d["conversations"] == 4 and d["messages"] == 2 and d["leads"] == 1 and d["contacts"] == 2 and d["calls"] == 1'
json_check 'd["usage_trend"] == [{"date": "2026-03-10", "conversations": 2, "messages": 1}, {"date": "2026-03-11", "conversations": 0, "messages": 0}, {"date": "2026-03-12", "conversations": 2, "messages": 1}]'
cs dashboard --from 2026-03-10 --to 2026-03-12 --tenant other -f json
json_check 'd["conversations"] == 1 and d["contacts"] == 0 and d["bots"] == 0 and d["messages"] == 0'

# Tables draw conversations/day 2, 0, 2 as levels 7, 0, 7 (also when stdout is not a terminal).
cs dashboard --from 2026-03-10 --to 2026-03-12
expect_rc 0
[[ "$(sed -n 1,2p "$OUT")" == $'Dashboard\nconversations/day █▁█' ]] || fail "no sparkline under the title"
pass
cs dashboard --from 2026-03-10 --to 2026-03-12 -f csv
expect_out_eq $'date,conversations,messages\r\n2026-03-10,2,1\r\n2026-03-11,0,0\r\n2026-03-12,2,1\r\n'
cs dashboard --from 2026-03-10 --to 2026-03-12 -f md
expect_out_lacks '█'

# search: all time, each conversation once, best first.
cs search late -f json
expect_rc 0
expect_err_empty
json_check '[x["conversation_id"] for x in d["results"]] == ["d3", "d1"]'
json_check 'd["results"][0]["snippet"] == "[late] again, so [late]" and d["results"][0]["channel"] == "chat"'
json_check 'd["results"][1]["started_at"] == "2026-03-10T09:00:00Z" and d["results"][0]["score"] > d["results"][1]["score"]'
cs search equipe -f json
json_check '[x["conversation_id"] for x in d["results"]] == ["d1"] and d["results"][0]["snippet"] == "[Équipe] de support"'
cs search refund --tenant other -f json
json_check '[x["conversation_id"] for x in d["results"]] == ["d4"]'
cs search refund --limit 1 -f json
json_check 'len(d["results"]) == 1'
cs search nothingmatches -f json
expect_rc 0
json_check 'd == {"results": []}'

cs search '"unbalanced'
expect_rc 2
expect_err_has 'invalid search query'
cs search AND
expect_rc 2
expect_err_has 'syntax error'
cs search late --limit 0
expect_rc 2
expect_err_has '--limit'
cs search late --limit 51
expect_rc 2
cs search
expect_rc 2

done_checks
