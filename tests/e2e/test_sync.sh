#!/usr/bin/env bash
# sync from a files backend: change detection, no duplicates (same KPIs as a
# plain import), a malformed file, the sync lock, backend validation, backends,
# backends test and doctor, an aggregates-only HTTP kind has nothing to sync.
source "$(dirname "$0")/lib.sh"

src="$WORK/src"
mkdir -p "$src/sub" "$XDG_CONFIG_HOME/convstat"
cp "$DATA/small/records.ndjson" "$src/small.ndjson"
cp "$DATA/pipeline/records.ndjson" "$src/sub/pipeline.ndjson"   # no id shared with small.ndjson
cat > "$src/sub/2026-04-conversations.csv" <<'CSV'
id,started_at,channel,priority
f1,2026-04-01T09:00:00Z,chat,high
f2,2026-04-01T10:00:00Z,email,
CSV
echo "not a record file" > "$src/notes.txt"
config="$XDG_CONFIG_HOME/convstat/config.toml"
cat > "$config" <<TOML
[defaults]
backend = "local"

[backend.local]
kind = "files"
path = "$src"

[backend.glob]
kind = "files"
path = "../../src/*.ndjson"   # relative to this file's folder
TOML

# Plain import of the same files into another cache: the reference.
ref() { RC=0; "$CONVSTAT_BIN" --cache "$WORK/ref.db" "$@" >"$OUT" 2>"$ERR" || RC=$?; }
kpis() { "$CONVSTAT_BIN" --cache "$1" overview --from 2026-03-01 --to 2026-04-30 -f json; }

cs sync             # the backend setting of [defaults]
expect_rc 0
expect_out_empty
expect_err_has "sync local (files): 3 files imported, 0 unchanged; records"
[[ "$(sqlite3 "$CACHE" "SELECT count(*) FROM sync_files WHERE backend = 'local'")" == 3 ]] || fail "3 file states"
pass
cs sync local
expect_rc 0
expect_err_has "sync local (files): nothing new (3 files unchanged)"
cs sync local --quiet
expect_rc 0
expect_err_empty

# A touched file (new mtime, same bytes) is not re-imported; a changed one is, without duplicates.
touch -d '2030-01-01' "$src/small.ndjson"
cs sync local
expect_err_has "nothing new (3 files unchanged)"
echo '{"type":"conversation","id":"k9","channel":"chat","started_at":"2026-03-30T10:00:00Z"}' >> "$src/small.ndjson"
cs sync local
expect_rc 0
expect_err_has "1 file imported, 2 unchanged; records 1 new, 0 updated, 8 unchanged"
ref import "$src/small.ndjson" "$src/sub/pipeline.ndjson"
ref import "$src/sub/2026-04-conversations.csv" --type conversation
[[ "$(kpis "$CACHE")" == "$(kpis "$WORK/ref.db")" ]] || fail "overview after sync differs from a plain import"
pass
[[ "$(sqlite3 "$CACHE" "SELECT count(*) FROM conversations")" == "$(sqlite3 "$WORK/ref.db" "SELECT count(*) FROM conversations")" ]] \
  || fail "conversation counts differ"
pass

# A malformed file: file, line and field named, exit 3 as import; the files before it stay, nothing of it.
echo '{"type":"conversation","id":"n1","started_at":"2026-03-30T10:00:00Z"}' > "$src/a-new.ndjson"
{
  echo '{"type":"conversation","id":"b1","started_at":"2026-03-30T10:00:00Z"}'
  echo '{"type":"conversation","id":"b2","started_at":"2026-03-30T10:00:00Z","priority":"critical"}'
} > "$src/b-bad.ndjson"
cs sync local
expect_rc 3
expect_out_empty
expect_err_has "b-bad.ndjson' has 1 invalid record; nothing of this file was written"
expect_err_has "b-bad.ndjson:2: priority:"
[[ "$(sqlite3 "$CACHE" "SELECT group_concat(id) FROM conversations WHERE id IN ('n1', 'b1', 'b2')")" == "n1" ]] \
  || fail "a-new.ndjson committed, nothing of b-bad.ndjson"
pass
[[ "$(sqlite3 "$CACHE" "SELECT count(*) FROM sync_files WHERE path LIKE '%b-bad.ndjson'")" == 0 ]] || fail "no state for the bad file"
pass
rm "$src/b-bad.ndjson"
cs sync local
expect_err_has "nothing new (4 files unchanged)"

# A CSV file's type comes from its name.
echo "id,started_at" > "$src/mystery.csv"
cs sync local
expect_rc 2
expect_err_has "cannot tell the record type of the CSV file"
rm "$src/mystery.csv"

# The lock: a held lock makes --wait 0 exit 5 at once; a longer wait gets it when released.
flock "$CACHE.lock" sh -c "sleep 8; date +%s.%N > '$WORK/released'" &   # long enough for two slow (sanitizer) starts
holder=$!
for _ in $(seq 1 100); do flock -n "$CACHE.lock" true 2>/dev/null || break; sleep 0.05; done   # until it is held
cs sync local --wait 0
expect_rc 5
expect_err_has "another sync is writing the cache"
cs sync local --wait 20
expect_rc 0
expect_err_has "waiting for another sync of this cache to end"
ended=$(date +%s.%N)
python3 -c "import sys; sys.exit(0 if float(sys.argv[2]) >= float(open(sys.argv[1]).read()) else 1)" "$WORK/released" "$ended" \
  || fail "the second sync should have waited until the lock was released"
pass
wait "$holder"
# Two real syncs at once: both succeed, one after the other; nothing is imported twice.
rm -f "$WORK/dup.db"
for i in 1 2; do ( "$CONVSTAT_BIN" --cache "$WORK/dup.db" sync glob >"$WORK/par$i.out" 2>"$WORK/par$i.err"; echo $? >"$WORK/par$i.rc" ) & done
wait
[[ "$(cat "$WORK/par1.rc")$(cat "$WORK/par2.rc")" == "00" ]] || fail "parallel syncs: $(cat "$WORK"/par*.err)"
pass
grep -q "nothing new (2 files unchanged)" "$WORK/par1.err" "$WORK/par2.err" || fail "the second sync should find nothing new"
pass

# backends, backends test, doctor.
cs backends -f json
expect_rc 0
json_check '[(b["name"], b["kind"], b["last_sync_records"]) for b in d["backends"]] == [("glob", "files", None), ("local", "files", 0)]'
cs backends -f csv
expect_out_has "name,kind,serves,records,last_sync_at,last_sync_records"
cs backends test
expect_rc 0
expect_out_has "4 readable files"
cs doctor -f json
expect_rc 0
json_check 'd["status"] == "ok" and [c["check"] for c in d["checks"]] == ["config", "cache", "time zones", "backend glob", "backend local"]'
json_check '"schema version 6, quick_check ok" in d["checks"][1]["detail"]'
cs backends test nope
expect_rc 2
expect_err_has "unknown backend 'nope'"

# Validation: per kind, naming the backend and the key; credentials files must be 0600.
bad_config() { printf '%s\n' "$@" > "$WORK/bad.toml"; RC=0; "$CONVSTAT_BIN" --cache "$CACHE" --config "$WORK/bad.toml" backends >"$OUT" 2>"$ERR" || RC=$?; }
bad_config '[backend.p]' 'kind = "postgres"' 'dsn_env = "X_DSN"' 'path = "x"'
expect_rc 2
expect_err_has "backend 'p': kind postgres takes no key 'path'"
bad_config '[backend.f]' 'kind = "files"'
expect_rc 2
expect_err_has "backend 'f': missing required key 'path' for kind files"
bad_config '[backend.p]' 'kind = "postgres"' 'dsn_env = "UNSET_DSN_VAR"'
expect_rc 2
expect_err_has "backend 'p': 'dsn_env' names the environment variable UNSET_DSN_VAR, which is not set"
bad_config '[backend.a]' 'kind = "aurion"' 'api_key_env = "HOME"'
expect_rc 2
expect_err_has "backend 'a': missing required key 'base_url' for kind aurion"
bad_config '[backend.i]' 'kind = "indigo"' 'base_url = "https://i"' 'project_id = "p"'
expect_rc 2
expect_err_has "backend 'i': missing 'token_env' for kind indigo"
bad_config '[backend.x]' 'kind = "postgress"'
expect_rc 2
expect_err_has "unknown kind 'postgress' (did you mean 'postgres'?)"
printf 'dsn = "host=/nowhere password=s3cret-value"\n' > "$WORK/creds.toml"
chmod 644 "$WORK/creds.toml"
bad_config '[backend.p]' 'kind = "postgres"' "credentials_file = \"$WORK/creds.toml\""
expect_rc 2
expect_err_has "is readable by others (mode 0644)"
chmod 600 "$WORK/creds.toml"
bad_config '[backend.p]' 'kind = "postgres"' "credentials_file = \"$WORK/creds.toml\""
expect_rc 0
RC=0; "$CONVSTAT_BIN" --cache "$CACHE" --config "$WORK/bad.toml" -v backends test >"$OUT" 2>"$ERR" || RC=$?
expect_rc 4
! grep -q "s3cret" "$OUT" "$ERR" || fail "a secret from the credentials file was printed"
pass

# An HTTP kind that serves aggregates only (speechai): configured and listed; sync is a usage error.
cat >> "$config" <<'TOML'

[backend.aur]
kind = "speechai"
base_url = "https://apps.example.net"
api_key_env = "AURION_KEY_FOR_TEST"
TOML
AURION_KEY_FOR_TEST=k cs sync aur
expect_rc 2
expect_err_has "backend 'aur' (speechai) serves aggregates only: there are no records to sync"
expect_err_has "its KPIs are asked with --backend aur"
! grep -q "not built" "$ERR" || fail "speechai sync should not say 'not built'"
pass
AURION_KEY_FOR_TEST=k cs backends test
expect_rc 4
expect_out_has "Could not resolve host"  # speechai is built: its probe request fails on the unknown host
AURION_KEY_FOR_TEST=k cs doctor
expect_rc 4
cs backends
expect_rc 2
expect_err_has "AURION_KEY_FOR_TEST, which is not set"

done_checks
