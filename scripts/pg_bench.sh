#!/usr/bin/env bash
# Import speed, SQLite against PostgreSQL, on one generated corpus: each round imports the corpus
# into a new SQLite file and into a new PostgreSQL database, alternately, and prints newsdb's own
# summary line for each. The PostgreSQL server is a private one (scripts/pg_server.sh) with its
# default durability settings, started in a temporary folder and stopped at the end.
#
#   bash scripts/pg_bench.sh [COUNT] [ROUNDS]      (defaults: 20000 articles, 2 rounds)
#
# Each line ends with the CPU seconds the import took: newsdb's own (parse threads and writer) and,
# for PostgreSQL, the server's (its backends), which the machine's load moves less than the wall
# time.
#
# Environment: NEWSDB (the binary, default build/newsdb), CORPUS (an existing corpus folder to use
# instead of generating one with tools/gen_corpus.py --seed 42), JOBS (import --jobs;
# default: newsdb's own, one parse thread per core), BEFORE (another newsdb binary, say the one
# before a change: each round then also imports into PostgreSQL with it, just before NEWSDB, on
# the same server, so the two are compared under the same load), FLOOR=1 (then measure the floor,
# below, on the last round's PostgreSQL database).
#
# The floor: what the server alone needs to store the corpus, which no client can beat on this
# machine. The last round's PostgreSQL tables are exported as they ended up (COPY's binary form)
# and loaded back into a new, empty newsdb database with plain COPY, in one backend and one
# transaction, with the session settings newsdb's writer uses:
#   indexed   into the schema as it is, every index kept up to date row by row (as any importer
#             that leaves the indexes in place must);
#   deferred  with the secondary indexes (search, sort orders, topic, provider) dropped first and
#             built again after the rows are in (PostgreSQL's advice for loading an empty table).
# Each floor line gives the wall time and that one backend's CPU seconds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
count=${1:-20000}
rounds=${2:-2}
newsdb=${NEWSDB:-$root/build/newsdb}
[ -x "$newsdb" ] || { echo "pg_bench.sh: no $newsdb: run 'bash scripts/build.sh' first" >&2; exit 1; }
before_binary=${BEFORE:-}
[ -z "$before_binary" ] || [ -x "$before_binary" ] || { echo "pg_bench.sh: no $before_binary (BEFORE)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/newsdb-bench-XXXXXX")
chmod 755 "$work"
cleanup() {
  bash "$here/pg_server.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

corpus=${CORPUS:-}
if [ -z "$corpus" ]; then
  generator="$root/tools/gen_corpus.py"
  corpus="$work/corpus"
  python3 "$generator" --count "$count" --out "$corpus" --seed 42 --jobs 1 -q
fi

jobs=()
[ -n "${JOBS:-}" ] && jobs=(--jobs "$JOBS")
tick=$(getconf CLK_TCK)
# CPU seconds of the server's finished backends (the postmaster's reaped children).
server_cpu() { awk -v t="$tick" '{ printf "%.2f", ($16 + $17) / t }' "/proc/$(head -1 "$work/pg/data/postmaster.pid")/stat"; }
# Runs one import (with the binary $2, default NEWSDB); prints its summary line and newsdb's CPU
# seconds.
import_into() {
  local times="$work/times"
  /usr/bin/time -o "$times" -f "%U %S" "${2:-$newsdb}" --db "$1" import "${jobs[@]}" "$corpus" | tail -1 | tr -d '\n'
  awk '{ printf "  [cpu: newsdb %.2f s", $1 + $2 }' "$times"
}
# Imports into a new PostgreSQL database ($1) with the binary $2; adds the server's CPU seconds.
import_into_server() {
  local before
  before=$(server_cpu)
  import_into "${server%/*}/$1" "$2"
  sleep 0.2  # the backends exit after newsdb closes its connections
  awk -v a="$before" -v b="$(server_cpu)" 'BEGIN { printf ", server %.2f s]\n", b - a }'
}

server=$(bash "$here/pg_server.sh" start "$work/pg")
echo "corpus: $corpus ($(find "$corpus" -type f | wc -l) files); import ${jobs[*]:-(default jobs)}; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  printf 'round %s  sqlite      ' "$round"
  import_into "$work/round$round.sqlite"
  echo "]"
  if [ -n "$before_binary" ]; then
    printf 'round %s  pg (BEFORE) ' "$round"
    import_into_server "before$round" "$before_binary"
  fi
  printf 'round %s  postgresql  ' "$round"
  import_into_server "round$round" "$newsdb"
done

[ "${FLOOR:-}" = 1 ] || { echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"; exit 0; }

base=${server%/*}
psql_as() { "${PG_BIN:-/usr/lib/postgresql/15/bin}/psql" -X -v ON_ERROR_STOP=1 -q "$@"; }
tables=(providers topics articles article_topics images related import_files)
for t in "${tables[@]}"; do
  psql_as "$base/round$rounds" -c "\\copy $t TO '$work/$t.copy' (FORMAT binary)"
done
# The secondary indexes of a new newsdb database (for dropping them and building them again).
secondary="FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND NOT i.indisunique AND NOT i.indisprimary"
seconds() { awk -v a="$1" -v b="$2" -v t="${3:-1}" 'BEGIN { printf "%.2f", (b - a) / t }'; }
floor() {  # $1: indexed | deferred
  local db="floor_$1"
  mkdir -p "$work/empty"
  "$newsdb" --db "$base/$db" import "$work/empty" >/dev/null  # a new database with the schema
  {
    echo "SELECT pg_backend_pid() AS pid \\gset"
    echo "\\setenv FLOOR_PID :pid"
    echo "SET synchronous_commit = off;"
    echo "SET default_toast_compression = lz4;"
    echo "\\! awk '{ print \$14 + \$15 }' /proc/\$FLOOR_PID/stat > $work/cpu.before; date +%s.%N > $work/wall.before"
    echo "BEGIN;"
    [ "$1" = indexed ] || psql_as "$base/$db" -At -c "SELECT 'DROP INDEX ' || c.relname || ';' $secondary"
    for t in "${tables[@]}"; do echo "COPY $t FROM '$work/$t.copy' (FORMAT binary);"; done
    if [ "$1" = deferred ]; then
      echo "SET maintenance_work_mem = '256MB';"
      psql_as "$base/$db" -At -c "SELECT pg_get_indexdef(i.indexrelid) || ';' $secondary"
    fi
    echo "COMMIT;"
    echo "\\! date +%s.%N > $work/wall.after; awk '{ print \$14 + \$15 }' /proc/\$FLOOR_PID/stat > $work/cpu.after"
  } >"$work/floor.sql"
  psql_as "$base/$db" -f "$work/floor.sql"
  printf 'floor, %-9s  wall %s s  [cpu: server backend %s s]\n' "$1" \
    "$(seconds "$(cat "$work/wall.before")" "$(cat "$work/wall.after")")" \
    "$(seconds "$(cat "$work/cpu.before")" "$(cat "$work/cpu.after")" "$tick")"
}
floor indexed
floor deferred
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
