#!/usr/bin/env bash
# Runs COMMAND... with a throw-away PostgreSQL 15 server: starts one in a fresh temporary folder,
# exports NEWSDB_TEST_PG_URI (a database tests may create databases next to) and NEWSDB_PG_URI,
# runs the command, then stops the server and removes the folder, whether the command passed,
# failed or was interrupted. Exits with the command's status.
#
#   bash scripts/pg_run.sh ctest --test-dir build --output-on-failure -j2
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/newsdb-pg-XXXXXX")
chmod 755 "$dir"
cleanup() {
  bash "$here/pg_server.sh" stop "$dir" || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A test server trades durability for speed: nothing it holds outlives the run.
export NEWSDB_PG_OPTIONS="-c fsync=off -c full_page_writes=off -c max_connections=200 ${NEWSDB_PG_OPTIONS:-}"
uri=$(bash "$here/pg_server.sh" start "$dir")
export NEWSDB_TEST_PG_URI="$uri" NEWSDB_PG_URI="$uri"
echo "pg_run.sh: PostgreSQL 15 at $uri" >&2
status=0
"$@" || status=$?
exit "$status"
