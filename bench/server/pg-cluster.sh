#!/usr/bin/env bash
# A PostgreSQL cluster for the bench that outlives one run, so the million
# contacts are seeded once (~25 min here) and the timed phases rerun in
# minutes. Same settings as the bench's throwaway cluster (run.mjs).
#
#   bench/server/pg-cluster.sh start DIR [PORT]   initdb when DIR is new, start; prints DATABASE_URL
#   bench/server/pg-cluster.sh stop DIR
#
#   eval "$(bench/server/pg-cluster.sh start /tmp/ucrm-bench-1m)"
#   node bench/server/seed.mjs --million            # once (a seeded DIR keeps its contacts)
#   npm run bench:server -- --only-postgres --seeded
set -euo pipefail
CMD="${1:-}"; DIR="${2:-}"; PORT="${3:-55432}"
if [ -z "$CMD" ] || [ -z "$DIR" ]; then echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2; fi
BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
AS=()
if [ "$(id -u)" -eq 0 ]; then AS=(runuser -u "${PG_OS_USER:-postgres}" --); fi
case "$CMD" in
  start)
    mkdir -p "$DIR"
    if [ "$(id -u)" -eq 0 ]; then chown "${PG_OS_USER:-postgres}" "$DIR"; fi
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      "${AS[@]}" "$BIN/initdb" -D "$DIR/data" -U ucrm --auth=trust -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1
    fi
    "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -w -t 60 -l "$DIR/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200 -c shared_buffers=4GB -c effective_cache_size=12GB -c work_mem=32MB -c jit=off" \
      start >&2
    echo "export DATABASE_URL=postgresql://ucrm@127.0.0.1:$PORT/postgres"
    ;;
  stop) "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
