#!/usr/bin/env bash
# Starts a disposable PostgreSQL server on a spare loopback port and prints its superuser URL.
# Usage: eval "$(bash scripts/throwaway-postgres.sh start)"  -> exports TEST_DATABASE_URL, PARKLEAD_PG_DIR
#        bash scripts/throwaway-postgres.sh stop DIR
# PostgreSQL refuses to run as root, so as root the server runs as the "postgres" system user.
# PARKLEAD_PG_STAT_STATEMENTS=1 loads pg_stat_statements (planning too, and statements inside trigger functions)
# and times functions (pg_stat_user_functions), for profiling where a request's database time goes.
set -euo pipefail

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/postgres" ] || { echo "no PostgreSQL server under /usr/lib/postgresql" >&2; return 1; }
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

spare_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

case "${1:-}" in
  start)
    bin=$(find_bin)
    dir=$(mktemp -d /tmp/parklead-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    port=$(spare_port)
    profiling=""
    if [ "${PARKLEAD_PG_STAT_STATEMENTS:-}" = 1 ]; then
      profiling="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c pg_stat_statements.track_planning=on -c track_functions=all"
    fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off $profiling" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "export TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$port/postgres"
    echo "export PARKLEAD_PG_DIR=$dir"
    ;;
  stop)
    dir=${2:?directory printed by start}
    bin=$(find_bin)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
