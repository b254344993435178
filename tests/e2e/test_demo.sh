#!/usr/bin/env bash
# demo: deterministic for a seed and an --as-of day, every record type filled.
source "$(dirname "$0")/lib.sh"

fingerprint() {  # a digest of every record of every table of cache $1
  local sql="" t
  for t in conversations messages csat calls turns usage feedback leads events kb_articles; do
    sql+="SELECT '$t', tenant, id, content_hash FROM $t UNION ALL "
  done
  sqlite3 "$1" "${sql% UNION ALL } ORDER BY 1, 2, 3" | sha256sum
}

args=(demo --conversations 400 --seed 7 --days 30 --as-of 2026-03-31T15:00:00Z)
cs "${args[@]}"
expect_rc 0
expect_err_has "conversation: 400 inserted"
for t in message csat call turn usage feedback lead event kb_article; do expect_err_has "$t: "; done
a=$(fingerprint "$CACHE")

RC=0; "$CONVSTAT_BIN" --cache "$WORK/b.db" "${args[@]}" >"$OUT" 2>"$ERR" || RC=$?
expect_rc 0
[[ "$(fingerprint "$WORK/b.db")" == "$a" ]] || fail "same seed, different caches"
pass
RC=0; "$CONVSTAT_BIN" --cache "$WORK/c.db" demo --conversations 400 --seed 8 --days 30 --as-of 2026-03-31T15:00:00Z >"$OUT" 2>"$ERR" || RC=$?
[[ "$(fingerprint "$WORK/c.db")" != "$a" ]] || fail "another seed gave the same data"
pass

# Running it again changes nothing; --fresh starts over.
cs "${args[@]}"
expect_err_has "conversation: 0 inserted, 0 updated, 400 unchanged"
cs demo --conversations 50 --seed 7 --days 30 --as-of 2026-03-31T15:00:00Z --fresh
expect_rc 0
[[ "$(sqlite3 "$CACHE" 'SELECT count(*) FROM conversations')" == 50 ]] || fail "--fresh left old records"
pass

# The data ends before --as-of's day and overview sees it.
cs overview --from 2026-03-01 --to 2026-03-31 -f json
expect_rc 0
json_check 'd["total_conversations"] == 50'
cs cache check
expect_rc 0
expect_out_has "ok: "
cs demo --conversations -1
expect_rc 2

done_checks
