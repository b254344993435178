#!/usr/bin/env bash
# Transparent huge pages for malloc (cli/main.cpp): convstat runs itself once
# more with glibc.malloc.hugetlb=1 in GLIBC_TUNABLES, keeping the user's other
# tunables, the arguments, stdio and exit codes; CONVSTAT_NO_HUGEPAGES opts
# out. Seen through /proc/PID/environ of a convstat held waiting on the sync
# lock.
source "$(dirname "$0")/lib.sh"
ver=$(getconf GNU_LIBC_VERSION 2>/dev/null || true)
[[ "$ver" =~ ^glibc\ 2\.([0-9]+) && ${BASH_REMATCH[1]} -ge 35 ]] || { echo "SKIP: glibc older than 2.35"; exit 77; }
# (ldd's output is captured whole: `ldd | grep -q` under pipefail fails when grep exits before ldd is done)
libs=$(ldd "$CONVSTAT_BIN" 2>/dev/null || true)
[[ "$libs" == *libasan* ]] && { echo "SKIP: AddressSanitizer build (its own malloc: no huge pages asked)"; exit 77; }

mkdir -p "$WORK/src" "$XDG_CONFIG_HOME/convstat"
cp "$DATA/small/records.ndjson" "$WORK/src/"
printf '[backend.local]\nkind = "files"\npath = "%s"\n' "$WORK/src" > "$XDG_CONFIG_HOME/convstat/config.toml"
cs sync local
expect_rc 0

# tunables_of ENV...: the GLIBC_TUNABLES a sync runs with, under env ENV..., while the lock is held.
tunables_of() {
  flock "$CACHE.lock" sleep 2 &
  local holder=$! pid _
  for _ in $(seq 1 100); do flock -n "$CACHE.lock" true 2>/dev/null || break; sleep 0.02; done
  env "$@" "$CONVSTAT_BIN" --cache "$CACHE" sync local --wait 10 >"$OUT" 2>"$ERR" &
  pid=$!
  sleep 0.5   # past the exec: the process waits for the lock
  tr '\0' '\n' < "/proc/$pid/environ" | sed -n 's/^GLIBC_TUNABLES=//p' > "$WORK/tunables"
  wait "$pid" || fail "the waiting sync failed"
  wait "$holder"
  cat "$WORK/tunables"
}

[[ "$(tunables_of -u GLIBC_TUNABLES)" == "glibc.malloc.hugetlb=1" ]] || fail "no huge pages asked: '$(cat "$WORK/tunables")'"
pass
expect_err_has "nothing new"   # the sync itself ran as usual after the exec
# (glibc 2.36 rewrites the string in place once parsed, so only the user's part is sure to show.)
[[ "$(tunables_of GLIBC_TUNABLES=glibc.malloc.arena_max=2)" == glibc.malloc.arena_max=2* ]] \
  || fail "the user's tunables were not kept: '$(cat "$WORK/tunables")'"
pass
[[ "$(tunables_of GLIBC_TUNABLES=glibc.malloc.hugetlb=0)" == "glibc.malloc.hugetlb=0" ]] || fail "the user's hugetlb was overridden"
pass
[[ "$(tunables_of -u GLIBC_TUNABLES CONVSTAT_NO_HUGEPAGES=1)" == "" ]] || fail "CONVSTAT_NO_HUGEPAGES was ignored"
pass

# Exit codes and output pass through the exec unchanged.
cs overview --from 2026-03-01 --to 2026-03-31 -f json
expect_rc 0
json_check 'd["total_conversations"] == 5'
cs overview --from 2026-03-31 --to 2026-03-01
expect_rc 2
expect_err_has "convstat:"
done_checks
