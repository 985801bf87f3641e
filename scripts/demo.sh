#!/usr/bin/env bash
# Installs dependencies, builds, and runs the main job on samples/ with the embedded SQLite store.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
./build/newsdb check samples/
