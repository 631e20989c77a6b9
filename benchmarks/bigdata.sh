#!/usr/bin/env bash
# Memory and time for one very large data file, SaferSite beside Hugo in the same run.
#
#   benchmarks/bigdata.sh               # ROWS=1000000 (about a minute)
#   ROWS=200000 benchmarks/bigdata.sh
#
# SaferSite: the Northbrook test site with an extra observations CSV of ROWS rows (5 indicators x
# 2 areas x ROWS/10 months, each with an interval), built whole: every row read and checked,
# figures computed, and the CSV and JSON downloads of every row written.
# Hugo (the peer): a site whose home page reads the same CSV with transform.Unmarshal and writes
# it out as indented JSON, the nearest thing Hugo does with a data file.
# Peak memory from /usr/bin/time -v, quoted as a multiple of the CSV's size and as a ratio to
# Hugo's. Results: benchmarks/results/bigdata.md. It measures, it does not assert.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
ROWS=${ROWS:-1000000}
WORK=${WORK:-$ROOT/.build/bench-bigdata}
RESULTS=${RESULTS:-$HERE/results}
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
command -v hugo >/dev/null && [ -x /usr/bin/time ] || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq hugo time; }
make -C "$ROOT" deps >/dev/null
swift build -c release --static-swift-stdlib --product safersite --package-path "$ROOT" 2>&1 | tail -1
BIN="$ROOT/.build/release/safersite"

rm -rf "$WORK" && mkdir -p "$WORK/hugo/assets" "$WORK/hugo/layouts" "$RESULTS"
cp -r "$ROOT/Tests/SaferBuildTests/Fixtures/northbrook" "$WORK/site"
python3 - "$WORK/site/content/data" "$ROWS" <<'PY'
import random, sys
folder, rows = sys.argv[1], int(sys.argv[2])
random.seed(1)
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
indicators = [f"bulk_{i}" for i in range(5)]
with open(f"{folder}/indicators.yaml", "a") as f:
    for i in indicators:
        f.write(f"\n{i}:\n  title: Bulk indicator {i}\n  unit: rate per 100,000\n  rate_of: residents\n  polarity: low is good\n  source: Bulk source\n")
with open(f"{folder}/bulk.csv", "w") as f:
    f.write("indicator,area,period,value,lower,upper,note\n")
    for indicator in indicators:
        for area in ["northbrook", "england"]:
            for i in range(rows // 10):
                value = random.randint(100, 900) / 10
                f.write(f"{indicator},{area},{months[i % 12]} {1000 + i // 12},{value},{value - 5:.1f},{value + 5:.1f},\n")
PY
cp "$WORK/site/content/data/bulk.csv" "$WORK/hugo/assets/"
cat > "$WORK/hugo/hugo.toml" <<'TOML'
baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "section", "page"]
[outputs]
home = ["HTML", "JSON"]
TOML
echo '{{ $rows := resources.Get "bulk.csv" | transform.Unmarshal }}<p>{{ len $rows }} rows</p>' > "$WORK/hugo/layouts/index.html"
echo '{{ $rows := resources.Get "bulk.csv" | transform.Unmarshal }}{{ $rows | jsonify (dict "indent" "  ") }}' > "$WORK/hugo/layouts/index.json"

measure() {  # name, command...: peak KB and seconds, best of 3 by time
  local name=$1; shift
  local best_kb=0 best_s=999999
  for _ in 1 2 3; do
    /usr/bin/time -v "$@" > "$WORK/$name.out" 2> "$WORK/$name.time" || { cat "$WORK/$name.out" "$WORK/$name.time" | tail -20; exit 1; }
    local kb s
    kb=$(awk -F': ' '/Maximum resident/ {print $2}' "$WORK/$name.time")
    s=$(awk -F': ' '/Elapsed/ {split($2, t, ":"); print t[1] * 60 + t[2]}' "$WORK/$name.time")
    [ "$kb" -gt "$best_kb" ] && best_kb=$kb
    awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }' && best_s=$s
  done
  echo "$best_kb $best_s"
}
read -r SAFER_KB SAFER_S < <(measure safersite "$BIN" build --no-cache --site "$WORK/site" --output "$WORK/site-out")
read -r HUGO_KB HUGO_S < <(measure hugo hugo --quiet -s "$WORK/hugo" -d "$WORK/hugo-out")
INPUT=$(stat -c %s "$WORK/site/content/data/bulk.csv")
CSV=$(stat -c %s "$WORK/site-out/downloads/observations.csv"); JSON=$(stat -c %s "$WORK/site-out/downloads/observations.json")
python3 - "$ROWS" "$INPUT" "$SAFER_KB" "$SAFER_S" "$HUGO_KB" "$HUGO_S" "$CSV" "$JSON" "$(hugo version | cut -d' ' -f2)" > "$RESULTS/bigdata.md" <<'PY'
import sys
rows, size, skb, ss, hkb, hs, csv, js, hugo = sys.argv[1:]
rows, size, skb, hkb, csv, js = map(int, (rows, size, skb, hkb, csv, js)); ss, hs = float(ss), float(hs)
mb = lambda b: f"{b / 1e6:,.0f} MB"
print(f"# One data file of {rows:,} rows ({mb(size)})\n")
print("Peak memory is the highest of three runs, time the best; both from /usr/bin/time -v.\n")
print("| | peak memory | × the CSV | time | writes |")
print("|---|---|---|---|---|")
print(f"| SaferSite | {mb(skb * 1024)} | {skb * 1024 / size:.1f}× | {ss:.1f} s | CSV {mb(csv)} and JSON {mb(js)} of every row, checked |")
print(f"| Hugo {hugo} (peer) | {mb(hkb * 1024)} | {hkb * 1024 / size:.1f}× | {hs:.1f} s | JSON of every row |")
print(f"\nSaferSite / Hugo: memory {skb / hkb:.2f}×, time {ss / hs:.2f}×.")
PY
cat "$RESULTS/bigdata.md"
