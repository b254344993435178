# Shared helpers for the end-to-end tests: each test runs the real binary
# ($CONVSTAT_BIN) on a temporary cache and checks stdout, stderr and exit code.
set -euo pipefail
: "${CONVSTAT_BIN:?set CONVSTAT_BIN to the convstat binary}"
: "${CONVSTAT_SOURCE_DIR:?set CONVSTAT_SOURCE_DIR to the repository}"
DATA="$CONVSTAT_SOURCE_DIR/tests/data"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/convstat-e2e.XXXXXX")
LOOPBACK_PIDS=()
cleanup() {
  local pid
  for pid in "${LOOPBACK_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
# Never touch the user's files: config and cache live in the temporary folder.
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"
unset CONVSTAT_CACHE CONVSTAT_CONFIG CONVSTAT_PROFILE CONVSTAT_TENANT CONVSTAT_TZ CONVSTAT_FORMAT NO_COLOR
mkdir -p "$HOME"
CACHE="$WORK/cache.db"
OUT="$WORK/stdout" ERR="$WORK/stderr" RC=0
CHECKS=0

fail() {
  echo "FAIL: $*" >&2
  echo "--- stdout:" >&2; head -c 4000 "$OUT" >&2 || true
  echo "--- stderr:" >&2; head -c 4000 "$ERR" >&2 || true
  exit 1
}
pass() { CHECKS=$((CHECKS + 1)); }

# start_loopback KIND [FLAG...]: starts the seed loopback server KIND
# ($LOOPBACK_BIN, tests/support/loopback_main.cpp), stopped on exit; sets PORT
# to its port and LOG to the file it logs each request to ("GET /path?k=v&…").
start_loopback() {
  : "${LOOPBACK_BIN:?set LOOPBACK_BIN to the loopback test server}"
  local kind=$1
  shift
  local port_file="$WORK/$kind.port"
  LOG="$WORK/$kind.log"
  "$LOOPBACK_BIN" "$kind" "$port_file" "$LOG" "$@" &
  LOOPBACK_PIDS+=($!)
  local _
  for _ in $(seq 1 250); do [[ -s "$port_file" ]] && break; sleep 0.02; done
  [[ -s "$port_file" ]] || fail "the $kind loopback server did not start"
  PORT=$(cat "$port_file")
  touch "$LOG"
}

# cs ARGS...: runs convstat with the test cache; records stdout, stderr and exit code.
cs() {
  RC=0
  "$CONVSTAT_BIN" --cache "$CACHE" "$@" >"$OUT" 2>"$ERR" || RC=$?
}
expect_rc() { [[ "$RC" == "$1" ]] || fail "expected exit $1, got $RC"; pass; }
expect_out_has() { grep -qF -- "$1" "$OUT" || fail "stdout lacks: $1"; pass; }
expect_err_has() { grep -qF -- "$1" "$ERR" || fail "stderr lacks: $1"; pass; }
expect_out_lacks() { ! grep -qF -- "$1" "$OUT" || fail "stdout has: $1"; pass; }
expect_out_empty() { [[ ! -s "$OUT" ]] || fail "stdout should be empty"; pass; }
expect_err_empty() { [[ ! -s "$ERR" ]] || fail "stderr should be empty"; pass; }
expect_out_eq() { diff <(printf '%s' "$1") "$OUT" >/dev/null || { diff <(printf '%s' "$1") "$OUT" >&2 || true; fail "stdout differs"; }; pass; }
# json_check 'PYTHON EXPRESSION over d': the JSON on stdout must make it true.
json_check() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' "$OUT" "$1" \
    || fail "JSON check failed: $1"
  pass
}
done_checks() { echo "ok: $(basename "$0") ($CHECKS checks)"; }
