#!/usr/bin/env bash
# csat, csat responses, teams and agents through the binary: the hand-counted
# dataset of tests/data/small (see its README) around the Paris DST day, plus
# the records below on 2026-03-10 (UTC), counted by hand in the comments.
source "$(dirname "$0")/lib.sh"

cat >"$WORK/agents.ndjson" <<'NDJSON'
{"type":"conversation","id":"e1","started_at":"2026-03-10T09:00:00Z","assignee_id":"x2","assignee_name":"Xavier","team_id":"t3","first_response_at":"2026-03-10T09:05:00Z","resolved_at":"2026-03-10T09:30:00Z","resolved_by":"human"}
{"type":"conversation","id":"e2","started_at":"2026-03-10T10:00:00Z","assignee_id":"x1","assignee_name":"Yan","team_id":"t3","first_response_at":"2026-03-10T10:15:00Z"}
{"type":"conversation","id":"e3","channel":"email","started_at":"2026-03-10T11:00:00Z","assignee_id":"x2","assignee_name":"Xav","team_id":"t1","team_name":"Tier 1","resolved_at":"2026-03-10T12:30:00Z","resolved_by":"human","subject":"Refund"}
{"type":"csat","id":"q1","conversation_id":"e1","sent_at":"2026-03-10T11:00:00Z","responded_at":"2026-03-10T12:00:00Z","rating":5}
{"type":"csat","id":"q2","conversation_id":"e2","sent_at":"2026-03-10T11:00:00Z","responded_at":"2026-03-10T12:00:00Z","rating":3}
{"type":"csat","id":"q3","conversation_id":"e3","sent_at":"2026-03-10T12:40:00Z","responded_at":"2026-03-10T13:00:00Z","rating":4,"channel":"web"}
{"type":"csat","id":"q4","conversation_id":"e3","sent_at":"2026-03-10T12:40:00Z","responded_at":"2026-03-10T14:00:00Z","comment":"slow"}
{"type":"csat","id":"q5","conversation_id":"e1","sent_at":"2026-03-10T08:00:00Z"}
NDJSON

cs import "$DATA/small/records.ndjson" "$WORK/agents.ndjson"
expect_rc 0

# Paris 03-28..03-30: s1 (4, Paris 03-29), s2 (comment-only), s3 (2, 03-29T23:30Z = Paris 03-30).
cs csat --from 2026-03-28 --to 2026-03-30 --tz Europe/Paris -f json
expect_rc 0
expect_err_empty
json_check 'd["total_responses"] == 3 and d["rated_responses"] == 2 and d["avg_rating"] == 3.0'
json_check 'd["positive_responses"] == 1 and d["positive_rate"] == 50.0'
json_check 'd["surveys_sent"] == 3 and d["response_rate"] == 100.0'
json_check '[(x["rating"], x["response_count"]) for x in d["distribution"]] == [(5, 0), (4, 1), (3, 0), (2, 1), (1, 0)]'
json_check 'd["trend"] == [{"day": "2026-03-28", "count": 0, "avg_rating": None}, {"day": "2026-03-29", "count": 1, "avg_rating": 4.0}, {"day": "2026-03-30", "count": 1, "avg_rating": 2.0}]'
json_check 'd["per_agent"] == []'   # s2's a1 is comment-only; k2 and k4 have no assignee

# 2026-03-10 UTC: q1..q4 respond (q4 comment-only), q1..q5 were sent (q5 unanswered).
cs csat --from 2026-03-10 --to 2026-03-10 -f json
expect_rc 0
json_check 'd["total_responses"] == 4 and d["rated_responses"] == 3 and d["avg_rating"] == 4.0'
json_check 'd["positive_responses"] == 2 and d["positive_rate"] == 66.7'
json_check 'd["surveys_sent"] == 5 and d["response_rate"] == 80.0'
json_check 'd["per_agent"] == [{"assignee_user_id": "x2", "assignee_name": "Xav", "response_count": 2, "avg_rating": 4.5, "positive_rate": 100.0}, {"assignee_user_id": "x1", "assignee_name": "Yan", "response_count": 1, "avg_rating": 3.0, "positive_rate": 0.0}]'
cs csat --from 2026-03-10 --to 2026-03-10 -f csv
expect_rc 0
expect_out_eq $'day,count,avg_rating\r\n2026-03-10,3,4.0\r\n'
cs csat --from 2026-03-10 --to 2026-03-10 -f csv --section per_agent
expect_out_has $'x2,Xav,2,4.5,100.0\r'
cs csat --from 2026-03-10 --to 2026-03-10 --team t3 -f json
json_check 'd["total_responses"] == 2 and d["avg_rating"] == 4.0 and d["surveys_sent"] == 3'
cs csat --from 2025-01-01 --to 2025-01-01 -f json
expect_rc 0
json_check 'd["total_responses"] == 0 and d["avg_rating"] is None and d["positive_rate"] is None and d["response_rate"] is None'
json_check 'd["trend"] == [{"day": "2025-01-01", "count": 0, "avg_rating": None}] and sum(x["response_count"] for x in d["distribution"]) == 0'

# csat responses: newest first, ties (q1, q2 at 12:00) by id, comment-only included.
cs csat responses --from 2026-03-10 --to 2026-03-10 -f json
expect_rc 0
json_check '[i["id"] for i in d["items"]] == ["q4", "q3", "q1", "q2"] and d["total"] == 4 and d["limit"] == 50 and d["offset"] == 0'
json_check 'd["items"][0]["rating"] is None and d["items"][0]["comment"] == "slow" and d["items"][0]["channel"] == "email"'
json_check 'd["items"][1]["channel"] == "web" and d["items"][2]["channel"] == "chat"'
json_check 'd["items"][0]["responded_at"] == "2026-03-10T14:00:00Z" and d["items"][0]["sent_at"] == "2026-03-10T12:40:00Z"'
json_check 'd["items"][0]["conversation_subject"] == "Refund" and d["items"][0]["assignee_team_name"] == "Tier 1"'
cs csat responses --from 2026-03-10 --to 2026-03-10 --limit 1 --offset 1 -f json
expect_rc 0
json_check '[i["id"] for i in d["items"]] == ["q3"] and d["total"] == 4 and d["limit"] == 1 and d["offset"] == 1'
cs csat responses --from 2026-03-10 --to 2026-03-10 --offset 10 -f json
expect_rc 0
json_check 'd["items"] == [] and d["total"] == 4'
cs csat responses --from 2026-03-10 --to 2026-03-10 -f csv --section summary
expect_out_has $'total,4\r'
for bad in "--limit 0" "--limit 201" "--limit x" "--offset=-1"; do
  # shellcheck disable=SC2086
  cs csat responses $bad
  expect_rc 2
  expect_out_empty
done
cs csat responses --limit 0
expect_err_has "invalid --limit '0'"

# teams: all time, by name (null first, code points: "Tier 1" < "Équipe Paris").
cs teams -f json
expect_rc 0
json_check 'd == {"teams": [{"team_id": "t3", "team_name": None}, {"team_id": "t1", "team_name": "Tier 1"}, {"team_id": "t2", "team_name": "Équipe Paris"}]}'
cs teams -f csv
expect_out_eq $'team_id,team_name\r\nt3,\r\nt1,Tier 1\r\nt2,Équipe Paris\r\n'

# agents on 2026-03-10: x2 (e1 e3) before x1 (e2); teams t3 (e1 e2) before t1 (e3).
cs agents --from 2026-03-10 --to 2026-03-10 -f json
expect_rc 0
json_check 'd["agent_performance"][0] == {"assignee_user_id": "x2", "assignee_name": "Xav", "assigned_count": 2, "resolved_count": 2, "resolution_rate": 100.0, "avg_first_response_minutes": 5.0, "avg_resolution_minutes": 60.0}'
json_check 'd["agent_performance"][1] == {"assignee_user_id": "x1", "assignee_name": "Yan", "assigned_count": 1, "resolved_count": 0, "resolution_rate": 0.0, "avg_first_response_minutes": 15.0, "avg_resolution_minutes": None}'
json_check 'd["team_performance"] == [{"team_id": "t3", "team_name": None, "assigned_count": 2, "resolved_count": 1, "resolution_rate": 50.0, "avg_resolution_minutes": 30.0}, {"team_id": "t1", "team_name": "Tier 1", "assigned_count": 1, "resolved_count": 1, "resolution_rate": 100.0, "avg_resolution_minutes": 90.0}]'
cs agents --from 2026-03-10 --to 2026-03-10 -f csv
expect_rc 0
expect_out_eq $'assignee_user_id,assignee_name,assigned_count,resolved_count,resolution_rate,avg_first_response_minutes,avg_resolution_minutes\r\nx2,Xav,2,2,100.0,5.0,60.0\r\nx1,Yan,1,0,0.0,15.0,\r\n'
cs agents --from 2026-03-10 --to 2026-03-10 -f csv --section team_performance
expect_out_has $'t3,,2,1,50.0,30.0\r'
# UTC 2026-03-29: k3 (a1, t2) and k4 (t1); t1 and t2 tie on 1, so by id.
cs agents --from 2026-03-29 --to 2026-03-29 -f json
json_check '[t["team_id"] for t in d["team_performance"]] == ["t1", "t2"] and d["agent_performance"][0]["assignee_name"] == "प्रिया शर्मा"'
cs agents --from 2025-01-01 --to 2025-01-01 -f json
json_check 'd == {"agent_performance": [], "team_performance": []}'

done_checks
