#!/usr/bin/env bash
# Builds newsdb and its tests with AddressSanitizer + UndefinedBehaviorSanitizer (g++) into
# build-asan/ and runs the whole test suite there. Any report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
BUILD_DIR=build-asan BUILD_TYPE=Debug bash scripts/build.sh -DNEWSDB_SANITIZE=ON
ctest --test-dir build-asan --output-on-failure -j2 "$@"
