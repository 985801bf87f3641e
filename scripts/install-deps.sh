#!/usr/bin/env bash
# Installs what newsdb needs, from Debian's packages only, in groups:
#
#   bash scripts/install-deps.sh build     compile and run newsdb (what scripts/demo.sh needs)
#   bash scripts/install-deps.sh test      build + the test suite on both backends (PostgreSQL 15)
#   bash scripts/install-deps.sh [all]     test + CI's extras: fuzzing (clang), the benchmark,
#                                          packaging and the man page check (the default)
#
# Safe to run repeatedly; needs root (or sudo).
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
group=${1:-all}
# The compiler and the libraries newsdb links (libpq for the PostgreSQL backend, which is part
# of every build; the server itself is only needed by the tests).
build=(
  g++ make cmake ninja-build pkg-config
  libyaml-dev libyaml-cpp-dev nlohmann-json3-dev libsqlite3-dev
  libcurl4-openssl-dev libxxhash-dev libcli11-dev libarchive-dev libxml2-dev libidn2-dev
  libpq-dev libstemmer-dev libcpp-httplib-dev zlib1g-dev
)
# The test suite: Catch2, the sqlite3 shell, python3 for the corpus generator (tools/), a
# PostgreSQL 15 server for the second backend, ccache for repeated builds, and headless Chromium
# for the web page's browser tests.
test=(catch2 sqlite3 python3 postgresql-15 postgresql-contrib-15 ccache chromium chromium-driver)
# CI's extra steps: libFuzzer (clang), the benchmark and its peers, the .deb, the man page and
# the shells whose completions are checked.
ci=(clang-19 libclang-rt-19-dev python3-yaml hyperfine sqlite-utils dpkg-dev file groff-base man-db wrk zsh fish)
case $group in
  build) packages=("${build[@]}") ;;
  test) packages=("${build[@]}" "${test[@]}") ;;
  all) packages=("${build[@]}" "${test[@]}" "${ci[@]}") ;;
  *) echo "install-deps.sh: unknown group '$group'; use build, test or all" >&2; exit 2 ;;
esac
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  # The downloaded packages are installed now; their copies only take disk (~0.5 GB).
  $SUDO apt-get clean
fi
