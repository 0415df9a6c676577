#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster:
#
#   scripts/with-postgres.sh node --test test/server/
#
# initdb's a cluster in a temp dir, starts it on a free loopback port (TCP on
# 127.0.0.1 only, socket in the temp dir), runs the command with DATABASE_URL
# set, then stops the cluster and deletes the dir, whatever the outcome.
# Uses the newest /usr/lib/postgresql/*/bin (Debian's `postgresql` package).
# PG_SERVER_OPTS adds server settings (the bench: "-c shared_buffers=4GB").
# PostgreSQL refuses to run as root, so as root the cluster runs as the
# `postgres` user (created by the package; created here if missing).
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "with-postgres: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install -y postgresql)" >&2
  exit 1
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/ucrm-pg.XXXXXX")"
DATA="$TMP/data"
PORT="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

AS=()
if [ "$(id -u)" -eq 0 ]; then
  PGUSER_OS="${PG_OS_USER:-postgres}"
  if ! id "$PGUSER_OS" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$PGUSER_OS"
  fi
  chown "$PGUSER_OS" "$TMP"
  AS=(runuser -u "$PGUSER_OS" --)
fi

cleanup() {
  "${AS[@]}" "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

"${AS[@]}" "$BIN/initdb" -D "$DATA" -U ucrm --auth=trust -E UTF8 --no-locale >"$TMP/initdb.log" 2>&1 ||
  { cat "$TMP/initdb.log" >&2; exit 1; }
"${AS[@]}" "$BIN/pg_ctl" -D "$DATA" -w -t 60 -l "$TMP/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $TMP -c fsync=off -c max_connections=300 ${PG_SERVER_OPTS:-}" start >/dev/null ||
  { cat "$TMP/server.log" >&2; exit 1; }

export DATABASE_URL="postgresql://ucrm@127.0.0.1:$PORT/postgres"
echo "with-postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2
set +e
"$@"
STATUS=$?
set -e
exit "$STATUS"
