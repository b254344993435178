#!/usr/bin/env bash
# leads, engagement and realtime through the binary, on tests/data/engagement
# (its README has the hand count): the week 2026-03-09..2026-03-15 in UTC.
source "$(dirname "$0")/lib.sh"

cs import "$DATA/engagement/records.ndjson"
expect_rc 0
WEEK=(--from 2026-03-09 --to 2026-03-15)

# leads: 4 leads, 1 converted; funnel 4 3 2 1; ads and web tie on 2 (ads first); 4 against 2 before.
cs leads "${WEEK[@]}" -f json
expect_rc 0
expect_err_empty
json_check 'list(d) == ["total_leads", "converted", "conversion_rate", "funnel", "sources", "growth", "growth_rate"]'
json_check 'd["total_leads"] == 4 and d["converted"] == 1 and d["conversion_rate"] == 25.0'
json_check '[(f["stage"], f["count"]) for f in d["funnel"]] == [("new", 4), ("contacted", 3), ("qualified", 2), ("converted", 1)]'
json_check '[f["conversion_from_previous"] for f in d["funnel"]] == [100.0, 75.0, 66.7, 50.0]'
json_check '[f["conversion_from_start"] for f in d["funnel"]] == [100.0, 75.0, 50.0, 25.0]'
json_check 'd["sources"] == [{"source": "ads", "leads": 2, "converted": 0, "conversion_rate": 0.0}, {"source": "web", "leads": 2, "converted": 1, "conversion_rate": 50.0}]'
json_check 'd["growth"] == [{"period": "2026-W11", "leads": 4, "converted": 1}] and d["growth_rate"] == 100.0'
cs leads "${WEEK[@]}" --bot b1 -f json
json_check 'd["total_leads"] == 2 and d["converted"] == 1 and d["growth_rate"] == 100.0'
cs leads "${WEEK[@]}" --group-by day -f csv
expect_rc 0
expect_out_eq $'period,leads,converted\r\n2026-03-09,1,1\r\n2026-03-10,1,0\r\n2026-03-11,1,0\r\n2026-03-12,1,0\r\n2026-03-13,0,0\r\n2026-03-14,0,0\r\n2026-03-15,0,0\r\n'
cs leads "${WEEK[@]}" --group-by month -f json
json_check 'd["growth"] == [{"period": "2026-03", "leads": 4, "converted": 1}]'
cs leads "${WEEK[@]}"
expect_rc 0
expect_out_has 'Lead analytics'
expect_out_has 'funnel'
cs leads "${WEEK[@]}" --group-by year
expect_rc 2
expect_out_empty

# engagement: 4 active (u0 u1 u2, other/u0), 3 new, 5 conversations; cohort W11 of 3, u1 back in W12.
cs engagement "${WEEK[@]}" --as-of 2026-04-30T00:00:00Z -f json
expect_rc 0
expect_err_empty
json_check 'd["active_users"] == 4 and d["new_users"] == 3 and d["returning_users"] == 1'
json_check 'd["avg_conversations_per_user"] == 1.25'
json_check 'd["retention"] == [{"cohort_week": "2026-W11", "users": 3, "week_1": 33.3, "week_2": 0.0, "week_3": 0.0, "week_4": 0.0}]'
json_check 'd["satisfaction"] == {"csat_avg": 4.0, "positive_rate": 50.0, "thumbs_up_rate": 66.7}'
cs engagement "${WEEK[@]}" --as-of 2026-03-20T00:00:00Z -f json
json_check 'd["retention"][0]["week_1"] is None and d["retention"][0]["week_4"] is None'
cs engagement "${WEEK[@]}" --as-of 2026-04-30T00:00:00Z --tenant other -f json
json_check 'd["active_users"] == 1 and d["new_users"] == 1 and d["satisfaction"]["csat_avg"] is None'
cs engagement "${WEEK[@]}" --as-of 2026-04-30T00:00:00Z -f md
expect_rc 0
expect_out_has '| cohort_week | users | week_1 | week_2 | week_3 | week_4 |'
expect_out_has '| 2026-W11 | 3 | 33.3 | 0.0 | 0.0 | 0.0 |'

# realtime at 12:00: 3 messages of e3 and e4 in 5 minutes; calls k1 and k3; newest activity e7's start (03-17).
cs realtime --as-of 2026-03-15T12:00:00Z -f json
expect_rc 0
expect_err_empty
json_check 'd == {"active_sessions": 2, "messages_per_minute": 0.6, "active_calls": 2, "window_minutes": 5, "data_as_of": "2026-03-17T10:00:00Z"}'
cs realtime --as-of 2026-03-15T12:00:00Z --window 15 -f json
json_check 'd["active_sessions"] == 3 and d["messages_per_minute"] == 0.2667 and d["window_minutes"] == 15'
cs realtime --as-of 2026-03-15T12:00:00Z --tenant other -f csv
expect_out_eq $'metric,value\r\nactive_sessions,0\r\nmessages_per_minute,0.0\r\nactive_calls,0\r\nwindow_minutes,5\r\ndata_as_of,2026-03-10T10:00:00Z\r\n'
cs realtime --as-of 2026-03-15T12:00:00Z --channel email -f json
json_check 'd["active_sessions"] == 0'
cs realtime --window 0
expect_rc 2
expect_err_has '--window'
cs realtime --window 1441
expect_rc 2
cs realtime --window five
expect_rc 2

done_checks
