#!/usr/bin/env bash
# A private PostgreSQL 15 server for newsdb, living entirely in one folder: data, socket and log.
# Nothing is installed system-wide and nothing runs until `start`.
#
#   scripts/pg_server.sh start [DIR]   initdb (first time), start on a free loopback port, create
#                                      the `newsdb` database; prints its URI (only that) on stdout
#   scripts/pg_server.sh stop [DIR]    stop the server (its data stays in DIR)
#   scripts/pg_server.sh uri [DIR]     print the URI of the running server
#   scripts/pg_server.sh status [DIR]  exit 0 when the server in DIR is running
#
# DIR defaults to ${TMPDIR:-/tmp}/newsdb-pg. One-command set-up:
#   export NEWSDB_DB=$(bash scripts/pg_server.sh start)
#
# initdb refuses to run as root, so as root the server runs as the `postgres` system user (made by
# Debian's postgresql package); DIR must then be reachable by that user (so not under /root).
# Authentication is `trust`, on 127.0.0.1 and the folder's own unix socket only: a development and
# test server, not a production one.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
command=${1:-}
dir=${2:-${TMPDIR:-/tmp}/newsdb-pg}
data="$dir/data"

die() { echo "pg_server.sh: $*" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

uri() {
  [ -f "$dir/port" ] || die "no server in $dir: run 'bash scripts/pg_server.sh start $dir'"
  echo "postgresql://postgres@127.0.0.1:$(cat "$dir/port")/newsdb"
}

running() { [ -f "$data/postmaster.pid" ] && as_owner "$PG_BIN/pg_ctl" status -D "$data" >/dev/null 2>&1; }

init_cluster() {
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 is not installed: run 'bash scripts/install-deps.sh'"
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    getent passwd postgres >/dev/null || die "no 'postgres' user: run 'bash scripts/install-deps.sh'"
    chown postgres: "$dir"
    runuser -u postgres -- test -w "$dir" ||
      die "the postgres user cannot write to $dir (is it under /root?); pass a folder such as /tmp/newsdb-pg"
  fi
  as_owner "$PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || die "initdb failed; see $dir/initdb.log"
}

start() {
  if running; then uri; return; fi
  [ -f "$data/PG_VERSION" ] || init_cluster
  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    # The socket goes in DIR so that several servers (one per test run) never collide.
    if as_owner "$PG_BIN/pg_ctl" start -D "$data" -l "$dir/server.log" -w -t 60 \
         -o "-p $port -h 127.0.0.1 -k $dir ${NEWSDB_PG_OPTIONS:-}" >/dev/null 2>&1; then
      echo "$port" >"$dir/port"
      as_owner "$PG_BIN/psql" -h "$dir" -p "$port" -U postgres -d postgres -qAt \
        -c "SELECT 1 FROM pg_database WHERE datname = 'newsdb'" | grep -q 1 ||
        as_owner "$PG_BIN/createdb" -h "$dir" -p "$port" -U postgres newsdb
      uri
      return
    fi
    # Most likely the port was taken between choosing and binding it: try another.
  done
  die "the server did not start; see $dir/server.log"
}

stop() {
  if running; then
    as_owner "$PG_BIN/pg_ctl" stop -D "$data" -m fast -w >/dev/null
  fi
  rm -f "$dir/port"
}

case "$command" in
  start) start ;;
  stop) stop ;;
  uri) running || die "no server running in $dir"; uri ;;
  status) running ;;
  *) echo "usage: $0 start|stop|uri|status [DIR]" >&2; exit 2 ;;
esac
