#!/usr/bin/env bash
# Installs dependencies, builds, and runs the whole test suite — against both backends: the store
# and query tests run on SQLite and on a throw-away PostgreSQL 15 server that scripts/pg_run.sh
# starts on loopback before the run and stops after it, even when a test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh test
bash scripts/build.sh -DNEWSDB_TESTS=ON
bash scripts/pg_run.sh ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j2
