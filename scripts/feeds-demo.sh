#!/usr/bin/env bash
# The feeds tour of docs/feeds.md, against the loopback feed server (build/tests/feed_server, which
# serves tests/data/feeds with ETags, Last-Modified and gzip): three sources added, fetched,
# searched, fetched again (all 304s); then `import URL` and a source that fails.
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

# stderr goes to stdout so that warnings show where they happen.
# Arguments with spaces are shown quoted, as they would be typed.
show() { local a out=; for a; do [[ $a == *" "* ]] && a="\"$a\""; out+=" $a"; done; echo "\$ newsdb${out}"; }
run() { show "$@"; "$newsdb" "$@" 2>&1 || echo "(exit status $?)"; echo; }
run sources add "${base}rss2.xml"
run sources add "${base}atom.xml" --every 1h
run sources add "${base}jsonfeed.json"
run fetch
run search rtx 4090 --format table
run query --provider "Example Blog" --format table
run fetch
run fetch --all
run sources list

# Read URLs once, like files: a feed and an HTML page that only points at one.
run import "${base}articles.ndjson" "${base}page.html"
run errors
run import "${base}articles.ndjson"
# A source that cannot be read is reported, retried after a backoff, and shown by `sources list`.
run sources add "${base}missing.xml"
run fetch
run sources list
