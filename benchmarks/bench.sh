#!/usr/bin/env bash
# SaferSite against Hugo on the same pages, timed side by side in one hyperfine run per size.
#
#   benchmarks/bench.sh                 # N = 15 1000 10000 (about 20 minutes on 2 cores)
#   NS="1000" benchmarks/bench.sh       # one size
#
# For each N: make_corpus.py writes N pages (~5 KB each, 10 sections) and 5*N data rows;
# hugo_site.sh lays them out for Hugo, to_safersite.py for SaferSite (links as .md links, one
# computed figure cited per page, section pages listing their pages, as Hugo's list pages do).
# Timed: a full build of each (SaferSite with --no-cache, so nothing is reused) into an empty
# folder on a tmpfs (hyperfine --prepare deletes it),
# and `cat all.md | cmark` as the parse floor; for N >= 1000 also incremental rebuilds in
# `build --watch` (incremental.sh). Peak memory: /usr/bin/time -v. Results: one JSON
# per N and summary.md in benchmarks/results/, quoted as ratios to Hugo's median in the same run.
# Not part of `make test`: it measures, it does not assert.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
NS=${NS:-"15 1000 10000"}
WORK=${WORK:-$ROOT/.build/bench}
RESULTS=${RESULTS:-$HERE/results}
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

need=()
for tool in hugo hyperfine cmark; do command -v $tool >/dev/null || need+=($tool); done
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need[@]}"
fi
make -C "$ROOT" deps >/dev/null
swift build -c release --static-swift-stdlib --product safersite --package-path "$ROOT" 2>&1 | tail -1
BIN="$ROOT/.build/release/safersite"

mkdir -p "$WORK" "$RESULTS"
OUT="$WORK/out"
mkdir -p "$OUT"
# Outputs on a tmpfs: this VM's disk makes deleting 10,000 files slow and noisy for every tool.
if mountpoint -q "$OUT" || $SUDO mount -t tmpfs -o size=4g tmpfs "$OUT" 2>/dev/null; then TMPFS=1; else TMPFS=0; fi
cleanup() { [ "$TMPFS" = 1 ] && $SUDO umount "$OUT" 2>/dev/null || true; }
trap cleanup EXIT

{
  echo "date: $(date -u +%Y-%m-%d)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "safersite: $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "hugo: $(hugo version | head -1)"
  echo "hyperfine: $(hyperfine --version)"
  echo "cmark: $(cmark --version | head -1)"
  echo "outputs on tmpfs: $TMPFS"
} > "$RESULTS/env.txt"

for n in $NS; do
  corpus="$WORK/corpus-$n"; hugo_site="$WORK/hugo-$n"; safer_site="$WORK/safersite-$n"
  [ -d "$corpus" ] || python3 "$HERE/make_corpus.py" "$n" "$corpus" >/dev/null
  [ -d "$hugo_site" ] || "$HERE/hugo_site.sh" --prepare "$corpus" "$hugo_site"
  [ -d "$safer_site" ] || python3 "$HERE/to_safersite.py" "$corpus" "$safer_site"
  find "$corpus/pages" -name '*.md' -print0 | sort -z | xargs -0 cat > "$WORK/all-$n.md"
  # One untimed build proves the site builds before anything is timed.
  "$BIN" build --site "$safer_site" --output "$OUT/check" >/dev/null
  rm -rf "$OUT"/*
  hyperfine --warmup 1 --min-runs 5 --export-json "$RESULTS/hyperfine-N$n.json" \
    --prepare "rm -rf $OUT/hugo $OUT/safersite" \
    -n hugo "hugo --quiet -s $hugo_site -d $OUT/hugo" \
    -n safersite "$BIN build --no-cache --site $safer_site --output $OUT/safersite" \
    -n cmark-floor "cat $WORK/all-$n.md | cmark > /dev/null"
  # Incremental rebuilds in `build --watch` after one page and one data value change.
  [ "$n" -ge 1000 ] && "$HERE/incremental.sh" "$BIN" "$safer_site" "$OUT/incremental" 7 > "$RESULTS/incremental-N$n.txt"
  rm -rf "$OUT/incremental"
  for tool in hugo safersite; do
    rm -rf "$OUT/$tool"
    if [ $tool = hugo ]; then cmd=(hugo --quiet -s "$hugo_site" -d "$OUT/hugo"); else cmd=("$BIN" build --no-cache --site "$safer_site" --output "$OUT/safersite"); fi
    /usr/bin/time -v "${cmd[@]}" 2> "$RESULTS/rss-$tool-N$n.txt" >/dev/null
  done
done
# The Dudley site itself against Hugo's 15-page corpus, in one hyperfine run.
if [[ " $NS " == *" 15 "* ]]; then
  hyperfine --warmup 2 --min-runs 20 --export-json "$RESULTS/dudley-vs-hugo15.json" \
    --prepare "rm -rf $OUT/hugo $OUT/dudley" \
    -n hugo-15 "hugo --quiet -s $WORK/hugo-15 -d $OUT/hugo" \
    -n safersite-dudley "$BIN build --no-cache --site $ROOT --output $OUT/dudley"
fi
python3 "$HERE/summarize.py" "$RESULTS" $NS | tee "$RESULTS/summary.md"
