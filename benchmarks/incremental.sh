#!/usr/bin/env bash
# Rebuild times of `safersite build --watch` on a site after one page's text changes and after one
# data value changes (the first row of content/data/observations.csv), as the watcher reports them
# ("Built in N ms"). Prints two medians in ms: "page <ms>" and "data <ms>".
#   benchmarks/incremental.sh BIN SITE OUTPUT [runs]
# It edits a copy of SITE, never SITE itself.
set -euo pipefail
BIN=$1; SOURCE=$2; OUTPUT=$3; RUNS=${4:-7}
SITE=$(mktemp -d "${TMPDIR:-/tmp}/safersite-incremental.XXXXXX")
WATCHER=""
cleanup() { [ -n "$WATCHER" ] && kill -INT "$WATCHER" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$SITE"; }
trap cleanup EXIT
cp -r "$SOURCE/." "$SITE/"
rm -rf "$OUTPUT"
LOG="$SITE.log"
"$BIN" build --watch --site "$SITE" --output "$OUTPUT" > "$LOG" 2>&1 &
WATCHER=$!
built() { grep -c "Built in" "$LOG" || true; }
wait_for() { for _ in $(seq 600); do [ "$(built)" -ge "$1" ] && return 0; sleep 0.01; done; echo "no rebuild" >&2; exit 1; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
wait_for 1
PAGE=$(find "$SITE/content" -name '*.md' ! -name 'index.md' | sort | sed -n 5p)
CSV="$SITE/content/data/observations.csv"
n=1
for i in $(seq "$RUNS"); do
  sleep 0.3; echo "An edited line, $i." >> "$PAGE"; n=$((n + 1)); wait_for $n
done
PAGE_MS=$(grep -o "Built in [0-9]* ms" "$LOG" | tail -n "$RUNS" | grep -o "[0-9]*" | median)
for i in $(seq "$RUNS"); do
  sleep 0.3
  # The second line's value gets a new last digit: one data value, still a valid number.
  awk -v d=$((i % 10)) -F, 'NR == 2 { OFS = ","; sub(/[0-9]$/, d, $4) } { print }' "$CSV" > "$CSV.new" && mv "$CSV.new" "$CSV"
  n=$((n + 1)); wait_for $n
done
DATA_MS=$(grep -o "Built in [0-9]* ms" "$LOG" | tail -n "$RUNS" | grep -o "[0-9]*" | median)
echo "page $PAGE_MS"
echo "data $DATA_MS"
