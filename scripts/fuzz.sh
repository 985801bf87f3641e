#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-19 (+ASan/UBSan) and runs each for FUZZ_SECONDS
# (default 60), seeded from samples/, tests/data/ and fuzz/corpus/<target>/, with the dictionary
# fuzz/<target>.dict where there is one. Exits non-zero on any finding; the crashing input is left
# in build-fuzz/findings/ to become a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
BUILD_DIR=${FUZZ_BUILD_DIR:-build-fuzz}
CC=clang-19 CXX=clang++-19 cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNEWSDB_FUZZ=ON -DNEWSDB_SANITIZE=ON -DNEWSDB_TESTS=OFF -DNEWSDB_POSTGRES=OFF >/dev/null
cmake --build "$BUILD_DIR" --target fuzzers
mkdir -p "$BUILD_DIR/findings"
summary="$BUILD_DIR/fuzz-summary.txt"
: >"$summary"
status=0
for bin in "$BUILD_DIR"/fuzz/*_fuzz; do
  name=$(basename "$bin")
  work="$BUILD_DIR/corpus/$name"
  mkdir -p "$work"
  # Seeds: the project's own samples and fixtures, plus any target-specific corpus.
  find samples tests/data -type f -size -64k -exec cp -n {} "$work/" \; 2>/dev/null || true
  [ -d "fuzz/corpus/$name" ] && cp -n fuzz/corpus/"$name"/* "$work/" 2>/dev/null || true
  # A dictionary of the target's syntax (fuzz/<target>.dict: YAML anchors and aliases, JSON
  # nesting) lets the fuzzer build amplifying inputs that random bytes rarely reach.
  dict=()
  [ -f "fuzz/$name.dict" ] && dict=(-dict="fuzz/$name.dict")
  echo "== $name for ${SECONDS_PER_TARGET}s"
  if ! "$bin" "$work" "${dict[@]}" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
       -max_len=65536 -artifact_prefix="$BUILD_DIR/findings/$name-" -print_final_stats=1 \
       2>"$BUILD_DIR/$name.log"; then
    echo "FINDING in $name:"; tail -n 40 "$BUILD_DIR/$name.log"; status=1
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$BUILD_DIR/$name.log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$BUILD_DIR/$name.log")
  echo "$name: ${execs:-?} executions in ${SECONDS_PER_TARGET}s, peak RSS ${rss:-?} MB" | tee -a "$summary"
done
exit $status
