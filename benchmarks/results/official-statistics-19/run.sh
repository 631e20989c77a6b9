#!/usr/bin/env bash
# Issues 18-19: d25a0ba (end of issue 17) against HEAD (built-in theme, Fingertips reading, the data ZIP,
# corrections, glossary), both release builds, beside Hugo, in the same runs.
set -euo pipefail
B=/work/main/benchmarks
BEFORE=/tmp/after/.build/release/safersite
AFTER=/tmp/after2/.build/release/safersite
WORK=/tmp/bench17; OUT=/dev/shm/bench19; RES=/tmp/bench19
mkdir -p $OUT $RES
for n in 1000 10000; do
  h=$WORK/hugo-$n; s=$WORK/safersite-$n
  runs=15; [ $n -ge 10000 ] && runs=6
  hyperfine --warmup 1 --min-runs $runs --export-json $RES/full-N$n.json \
    --prepare "rm -rf $OUT/hugo $OUT/before $OUT/after" \
    -n hugo "hugo --quiet -s $h -d $OUT/hugo" \
    -n before "$BEFORE build --no-cache --site $s --output $OUT/before" \
    -n after "$AFTER build --no-cache --site $s --output $OUT/after" > /dev/null 2>&1
  for round in 1 2; do
    for t in before after; do
      bin=$BEFORE; [ $t = after ] && bin=$AFTER
      echo "N=$n round $round $t: $($B/incremental.sh $bin $s $OUT/inc 7 | tr '\n' ' ')" | tee -a $RES/incremental.txt
    done
  done
  $AFTER build --no-cache --site $s --output $OUT/sizes > /dev/null
  ls -l $OUT/sizes/downloads | tee $RES/downloads-N$n.txt
  rm -rf $OUT/*
done
hyperfine --warmup 2 --min-runs 30 --export-json $RES/dudley.json \
  --prepare "rm -rf $OUT/before $OUT/after" \
  -n before "$BEFORE build --no-cache --site /work/main --output $OUT/before" \
  -n after "$AFTER build --no-cache --site /work/main --output $OUT/after" > /dev/null 2>&1
for f in full-N1000 full-N10000 dudley; do python3 -c "
import json
d=json.load(open('$RES/$f.json'))
print('$f', ', '.join('%s %.1f ms'%(r['command'], r['median']*1000) for r in d['results']))
"; done
echo done
