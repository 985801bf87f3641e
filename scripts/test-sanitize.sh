#!/usr/bin/env bash
# Builds newsdb and its tests with AddressSanitizer + UndefinedBehaviorSanitizer (g++, Debug) into
# build-asan/ and runs the whole test suite there, on SQLite and on a throw-away PostgreSQL (as
# scripts/test.sh does). Any sanitizer report fails the run: ASan aborts, UBSan halts.
# The crash loop and the concurrency test run shorter here (a sanitized import is several times
# slower); NEWSDB_CRASH_RUNS and NEWSDB_STRESS_SECONDS override.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export NEWSDB_CRASH_RUNS=${NEWSDB_CRASH_RUNS:-12}
export NEWSDB_STRESS_SECONDS=${NEWSDB_STRESS_SECONDS:-15}
BUILD_DIR=build-asan BUILD_TYPE=Debug bash scripts/build.sh -DNEWSDB_SANITIZE=ON
bash scripts/pg_run.sh ctest --test-dir build-asan --output-on-failure -j2 "$@"
