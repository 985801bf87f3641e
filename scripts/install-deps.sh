#!/usr/bin/env bash
# Installs everything newsdb needs to build and test, from Debian's packages only.
# Safe to run repeatedly; needs root (or sudo).
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
packages=(
  build-essential cmake ninja-build pkg-config ccache
  libyaml-dev libyaml-cpp-dev nlohmann-json3-dev libsqlite3-dev sqlite3
  libcurl4-openssl-dev libxxhash-dev catch2 libcli11-dev libfmt-dev libarchive-dev libxml2-dev libidn2-dev
  libpq-dev libpqxx-dev postgresql-15 postgresql-contrib-15
  clang-19 libclang-rt-19-dev python3 python3-yaml hyperfine sqlite-utils
  libcpp-httplib-dev zlib1g-dev chromium chromium-driver wrk
)
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
