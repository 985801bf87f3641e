#!/usr/bin/env bash
# Load on `newsdb serve` with wrk against one CLI process per query (hyperfine), on a generated
# store; prints the numbers bench/serve.md records.
#
#   bash bench/serve.sh [COUNT]      (default 20000; the store and corpus go to /tmp/serve-bench)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
newsdb="$here/build/newsdb"
count=${1:-20000}
work=/tmp/serve-bench
mkdir -p "$work"
db="$work/store-$count.sqlite"
gen=${GEN_CORPUS:-$here/../shared/tools/gen_corpus.py}
[ -f "$work/corpus-$count.ndjson" ] || python3 "$gen" --count "$count" --out "$work/corpus-$count.ndjson" --format ndjson --seed 7 -q
[ -f "$work/extra.ndjson" ] || python3 "$gen" --count 5000 --out "$work/extra.ndjson" --format ndjson --seed 8 -q
[ -f "$db" ] || "$newsdb" --db "$db" import "$work/corpus-$count.ndjson" >/dev/null

topic=$("$newsdb" --db "$db" topics --limit 1 --format tsv | sed -n 2p | cut -f1)
word=$("$newsdb" --db "$db" query --topic "$topic" --limit 1 --format tsv | sed -n 2p | cut -f4 | tr -cs 'A-Za-z' '\n' | awk 'length > 5' | head -1)
id=$("$newsdb" --db "$db" query --limit 1 --offset 500 --format tsv | sed -n 2p | cut -f1)
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
echo "store: $count articles; topic '$topic', search '$word', article $id"

"$newsdb" --db "$db" serve --port 0 > "$work/serve.out" 2> "$work/serve.err" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
base=$(sed -n 's/^listening on \(http:[^ ]*\)\/$/\1/p' "$work/serve.out")

load() {  # NAME PATH
  out=$(wrk -t2 -c8 -d${WRK_SECONDS:-10}s --latency "$base$2")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  echo "| $1 | $2 | $rps | $p50 | $p99 | ${non2xx:-0} |"
}
echo "| what | path | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|"
load "topic page" "/?topic=$(enc "$topic")"
load "search page" "/search?q=$(enc "$word")"
load "article page" "/articles/$id"
load "API topic" "/api/articles?topic=$(enc "$topic")"
load "API search" "/api/search?q=$(enc "$word")"
load "API article" "/api/articles/$id"

cp "$db" "$work/writing.sqlite"
kill $server; wait $server 2>/dev/null || true
"$newsdb" --db "$work/writing.sqlite" serve --port 0 > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 100); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
base=$(sed -n 's/^listening on \(http:[^ ]*\)\/$/\1/p' "$work/serve.out")
echo "with an import of 5000 records running beside:"
( "$newsdb" --db "$work/writing.sqlite" import "$work/extra.ndjson" > "$work/import.out" 2>&1 ) &
importer=$!
load "topic page, importing" "/?topic=$(enc "$topic")"
load "article page, importing" "/articles/$id"
wait $importer && echo "(import finished: $(tail -1 "$work/import.out"))"

echo "one CLI process per query:"
hyperfine -N --warmup 3 --runs ${RUNS:-30} --export-markdown "$work/cli.md" \
  "$newsdb --db $db query --topic '$topic' --format json" \
  "$newsdb --db $db search '$word' --format json" \
  "$newsdb --db $db show $id --format json" >/dev/null
cat "$work/cli.md"
