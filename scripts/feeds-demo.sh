#!/usr/bin/env bash
# The feeds tour of the README, against the loopback feed server (build/tests/feed_server, which
# serves tests/data/feeds with ETags): three sources added, fetched, listed, fetched again.
# Uses a throw-away database; needs a build (bash scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
newsdb=$PWD/build/newsdb
work=$(mktemp -d)
trap 'exec 3>&-; rm -rf "$work"' EXIT
export NEWSDB_DB=$work/news.sqlite

# The server stops when its stdin (fd 3 here) closes, i.e. when this script exits.
exec 3> >(build/tests/feed_server > "$work/url" 2>/dev/null)
for _ in $(seq 50); do [ -s "$work/url" ] && break; sleep 0.1; done
base=$(cat "$work/url")

run() { echo "\$ newsdb $*"; "$newsdb" "$@" || echo "(exit status $?)"; echo; }
run sources add "${base}rss2.xml"
run sources add "${base}atom.xml" --every 1h
run sources add "${base}jsonfeed.json"
run fetch
run sources list
# `newsdb search RTX` belongs here once the query commands are on main (wip/query-branch.patch).
run fetch --all
run sources list --format json
