# A private PostgreSQL cluster for one e2e test, in $WORK: initdb, a free
# loopback port, a unix socket folder in $WORK, stopped by the EXIT trap. As
# root the server runs as the `postgres` system user (postgres refuses root).
# When it cannot start, the test prints "SKIP: postgres: REASON" and exits 77
# (ctest's SKIP_RETURN_CODE). Sets PG_DSN and defines pg_sql.
pg_skip() { echo "SKIP: postgres: $*"; exit 77; }

PGBIN=""
for dir in "$(pg_config --bindir 2>/dev/null || true)" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && { PGBIN=$dir; break; }
done
[[ -n "$PGBIN" ]] || pg_skip "no initdb/pg_ctl (install postgresql)"
command -v psql >/dev/null || pg_skip "no psql"

PGDIR="$WORK/pg"
mkdir -p "$PGDIR/data" "$PGDIR/sock"
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || pg_skip "running as root and there is no postgres user to run the server"
  chmod 711 "$WORK"   # the server's user must reach $WORK/pg
  chown -R postgres "$PGDIR"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
as_pg "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U convstat -E UTF8 --no-sync >"$WORK/initdb.log" 2>&1 \
  || pg_skip "initdb failed: $(tail -n 3 "$WORK/initdb.log" | tr '\n' ' ')"
PGPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
  -o "-p $PGPORT -k $PGDIR/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start \
  >/dev/null 2>&1 || pg_skip "the server did not start: $(tail -n 3 "$PGDIR/server.log" 2>/dev/null | tr '\n' ' ')"
pg_stop() { as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true; }
trap 'pg_stop; cleanup' EXIT   # cleanup (lib.sh) also stops loopback servers

export PG_DSN="host=$PGDIR/sock port=$PGPORT user=convstat dbname=postgres"
# pg_sql SQL: runs SQL on the test cluster; prints rows unaligned, no headers.
pg_sql() { psql "$PG_DSN" -v ON_ERROR_STOP=1 -qAtX -c "$1"; }
