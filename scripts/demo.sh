#!/usr/bin/env bash
# Installs dependencies, builds, and runs the main job on samples/ with the embedded SQLite store:
# checks the samples, imports them into a fresh database (build/demo.sqlite unless NEWSDB_DB says
# otherwise), imports them again (all unchanged), and asks the store a few questions.
# Installs only what building newsdb needs (install-deps.sh build): no test framework, database
# server, fuzzer or benchmark tools; the program is built without its tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh build
bash scripts/build.sh -DNEWSDB_TESTS=OFF
export NEWSDB_DB=${NEWSDB_DB:-build/demo.sqlite}
rm -f "$NEWSDB_DB" "$NEWSDB_DB-wal" "$NEWSDB_DB-shm"
newsdb=./build/newsdb
run() { printf '\n$ newsdb %s\n' "$*"; "$newsdb" "$@"; }
run check samples/
run import samples/
run import samples/
run query --topic ai --format table
run search "rtx 4090" --format table
run providers --limit 5 --format table
run show "https://BEEBOM.com/rtx-4090-gpus-re-built-ai-compute-in-china/?utm_source=x#top"
run related 11 --format table
run stats --format text
