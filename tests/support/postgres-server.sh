#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the test suite (Debian's `postgresql`
# package must be installed) and prints its URL. Safe to run again: an already running server is
# reused. Used by .ci/run and by `npm run test:postgres`.
set -euo pipefail
port=${TEST_POSTGRES_PORT:-55432}
dir=${TEST_POSTGRES_DIR:-/tmp/study-bot-postgres}
url="postgresql://postgres@127.0.0.1:${port}/postgres"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL is not installed: sudo apt-get install postgresql" >&2
  exit 1
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
# `postgres-server.sh stop`: stops the server this script started (npm run bench stops one it started).
if [ "${1:-}" = stop ]; then
  if [ -d "$dir/data" ]; then as_owner "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null"; fi
  exit 0
fi
if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  echo "$url"
  exit 0
fi
rm -rf "$dir"
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
as_owner "'$bin/initdb' -D '$dir/data' -A trust -U postgres --no-sync >'$dir/initdb.log' 2>&1"
# A test server: durability settings off for speed, listening on loopback only.
as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start >/dev/null"
echo "$url"
