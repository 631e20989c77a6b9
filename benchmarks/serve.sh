#!/usr/bin/env bash
# Speed of the preview and of incremental builds, as ratios measured in one run on one machine:
#   1. saving a data file → the rebuilt page served by `safersite serve`, against a clean full build;
#   2. an incremental `safersite build --cache` (fresh process, .safersite-cache/) after one data value
#      changes, against a clean full build (--no-cache);
#   3. requests per second for a page from the preview server under wrk (loopback only, bounded),
#      with the error count (must be 0).
# Usage: benchmarks/serve.sh [runs]   (default 7; medians are reported). Needs curl and wrk (apt).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
SCRATCH=${SCRATCH:-.build}
WRK_SECONDS=${WRK_SECONDS:-10}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product safersite >/dev/null
BIN="$SCRATCH/release/safersite"

SITE=$(mktemp -d /tmp/safersite-bench.XXXXXX)
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$SITE"; }
trap cleanup EXIT
cp -r site.yaml content themes "$SITE/"
CSV=$(grep -l '^population,dudley,,' "$SITE"/content/data/*.csv | head -1)

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# Sets the Dudley population to $1 (330626 is the real value; others only for timing).
set_population() { sed -i "s/^population,dudley,,[0-9]*,/population,dudley,,$1,/" "$CSV"; }
comma() { python3 -c "print(f'{int(\"$1\"):,}')"; }

echo "Clean full builds (--no-cache), $RUNS runs..." >&2
"$BIN" build --site "$SITE" --no-cache >/dev/null 2>&1
for i in $(seq "$RUNS"); do
  t0=$(now); "$BIN" build --site "$SITE" --no-cache >/dev/null 2>&1; t1=$(now); ms "$t0" "$t1"
done | median > "$SITE.full"
FULL=$(cat "$SITE.full")

echo "Incremental builds after one data value changes, $RUNS runs..." >&2
"$BIN" build --cache --site "$SITE" >/dev/null 2>&1
for i in $(seq "$RUNS"); do
  set_population $((330626 + i))
  t0=$(now); "$BIN" build --cache --site "$SITE" >/dev/null 2>&1; t1=$(now); ms "$t0" "$t1"
done | median > "$SITE.incremental"
INCREMENTAL=$(cat "$SITE.incremental")
set_population 330700
LOG=$("$BIN" build --cache --site "$SITE" --verbose 2>&1 | grep -E "Pages:|rendered " | sed 's/^ *[0-9.]*s  */    /' || true)
set_population 330626; "$BIN" build --cache --site "$SITE" >/dev/null 2>&1

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --site "$SITE" --port "$PORT" > "$SITE.serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 200); do curl -fsS "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break; sleep 0.05; done

echo "Save → served, $RUNS runs..." >&2
for i in $(seq "$RUNS"); do
  value=$((340000 + i)); text=$(comma "$value")
  sleep 0.3
  t0=$(now); set_population "$value"
  for _ in $(seq 400); do curl -fsS "http://127.0.0.1:$PORT/" | grep -q "$text" && break; sleep 0.005; done
  t1=$(now); ms "$t0" "$t1"
done | median > "$SITE.served"
SERVED=$(cat "$SITE.served")
REBUILD=$(grep -o "Built in [0-9]* ms" "$SITE.serve.log" | tail -n "$RUNS" | grep -o "[0-9]*" | median)

echo "A page edited while serving, $RUNS runs..." >&2
PAGEFILE="$SITE/content/what-communities-told-us.md"
for i in $(seq "$RUNS"); do
  sleep 0.3
  sed -i "s/^The numbers show that Dudley is a safe borough overall[^.]*\./The numbers show that Dudley is a safe borough overall, edit $i./" "$PAGEFILE"
  for _ in $(seq 400); do curl -fsS "http://127.0.0.1:$PORT/what-communities-told-us/" | grep -q "overall, edit $i" && break; sleep 0.005; done
done
REBUILD_PAGE=$(grep -o "Built in [0-9]* ms" "$SITE.serve.log" | tail -n "$RUNS" | grep -o "[0-9]*" | median)

echo "wrk, ${WRK_SECONDS}s on 127.0.0.1..." >&2
PAGE="violence-in-dudley/"
WRK=$(wrk -t2 -c32 -d"${WRK_SECONDS}s" --latency "http://127.0.0.1:$PORT/$PAGE")
RPS=$(echo "$WRK" | awk '/Requests\/sec/ {print $2}')
ERRORS=$(echo "$WRK" | awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10} /Non-2xx/ {print $NF}' | paste -sd+ | bc 2>/dev/null || echo 0)
[ -z "$ERRORS" ] && ERRORS=0
P99=$(echo "$WRK" | awk '/ 99%/ {print $2}')
PAGEKB=$(( $(curl -fsS "http://127.0.0.1:$PORT/$PAGE" | wc -c) / 1024 ))
kill -INT "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
set_population 330626

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
cat <<REPORT
Measured $(date -u +%Y-%m-%d) on $(uname -sm), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), release build, Dudley site, medians of $RUNS runs:
| measure | time | ratio to a clean full build |
|---|---|---|
| clean full build (\`safersite build --no-cache\`, whole process) | ${FULL} ms | 1 |
| incremental build after one data value changes (\`safersite build --cache\`, new process, cache on disk) | ${INCREMENTAL} ms | $(ratio "$INCREMENTAL" "$FULL") |
| save a data file → the page with the new value served by \`safersite serve\` | ${SERVED} ms | $(ratio "$SERVED" "$FULL") |
| of which the rebuild inside serve | ${REBUILD} ms | $(ratio "$REBUILD" "$FULL") |
| rebuild inside serve after one page's text changes | ${REBUILD_PAGE} ms | $(ratio "$REBUILD_PAGE" "$FULL") |
| wrk -t2 -c32 -d${WRK_SECONDS}s /$PAGE (${PAGEKB} KB) | ${RPS} requests/s, p99 ${P99}, ${ERRORS} errors | |
The incremental build's log for one changed value:
${LOG}
REPORT
