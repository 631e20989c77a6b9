#!/usr/bin/env bash
# Issue 19 end: c345b71 (before footnotes and the ZIP reuse) against HEAD, release builds, beside Hugo.
set -euo pipefail
B=/work/main/benchmarks
BEFORE=/tmp/after2/.build/release/safersite
AFTER=/tmp/exp/.build/release/safersite
WORK=/tmp/bench17; OUT=/dev/shm/bench19b; RES=/tmp/bench19b
mkdir -p $OUT $RES; rm -f $RES/incremental.txt
n=1000; h=$WORK/hugo-$n; s=$WORK/safersite-$n
hyperfine --warmup 1 --min-runs 15 --export-json $RES/full-N$n.json \
  --prepare "rm -rf $OUT/hugo $OUT/before $OUT/after" \
  -n hugo "hugo --quiet -s $h -d $OUT/hugo" \
  -n before "$BEFORE build --no-cache --site $s --output $OUT/before" \
  -n after "$AFTER build --no-cache --site $s --output $OUT/after" > /dev/null 2>&1
for n in 1000 10000; do
  s=$WORK/safersite-$n
  for t in before after; do
    bin=$BEFORE; [ $t = after ] && bin=$AFTER
    echo "N=$n $t: $($B/incremental.sh $bin $s $OUT/inc 7 | tr '\n' ' ')" | tee -a $RES/incremental.txt
  done
done
hyperfine --warmup 2 --min-runs 30 --export-json $RES/dudley.json \
  --prepare "rm -rf $OUT/before $OUT/after" \
  -n before "$BEFORE build --no-cache --site /work/main --output $OUT/before" \
  -n after "$AFTER build --no-cache --site /work/main --output $OUT/after" > /dev/null 2>&1
for f in full-N1000 dudley; do python3 -c "
import json
d=json.load(open('$RES/$f.json'))
print('$f', ', '.join('%s %.1f ms'%(r['command'], r['median']*1000) for r in d['results']))
"; done
for r in 1 2; do /tmp/glossbench.sh $BEFORE; /tmp/glossbench.sh $AFTER; done | tee $RES/glossary.txt
rm -rf $OUT
echo done
