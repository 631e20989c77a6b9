#!/usr/bin/env bash
# Issue 17: before (90f2555) and after (HEAD) release binaries beside Hugo, in the same runs.
set -euo pipefail
B=/work/main/benchmarks
BEFORE=/tmp/before/.build/release/safersite
AFTER=/tmp/after/.build/release/safersite
WORK=/tmp/bench17; OUT=/dev/shm/bench17; RES=/tmp/bench17/results
mkdir -p $WORK $OUT $RES
for n in 1000 10000; do
  c=$WORK/corpus-$n; h=$WORK/hugo-$n; s=$WORK/safersite-$n
  [ -d $c ] || python3 $B/make_corpus.py $n $c >/dev/null
  [ -d $h ] || $B/hugo_site.sh --prepare $c $h
  [ -d $s ] || python3 $B/to_safersite.py $c $s
  $BEFORE build --site $s --output $OUT/check >/dev/null; rm -rf $OUT/check
  $AFTER build --site $s --output $OUT/check >/dev/null
  $BEFORE build --site $s --output $OUT/check2 >/dev/null
  diff -r $OUT/check $OUT/check2 > /dev/null && echo "N=$n: before and after outputs identical" | tee -a $RES/identical.txt
  rm -rf $OUT/check $OUT/check2
  runs=15; [ $n -ge 10000 ] && runs=6
  hyperfine --warmup 1 --min-runs $runs --export-json $RES/full-N$n.json \
    --prepare "rm -rf $OUT/hugo $OUT/before $OUT/after" \
    -n hugo "hugo --quiet -s $h -d $OUT/hugo" \
    -n before "$BEFORE build --no-cache --site $s --output $OUT/before" \
    -n after "$AFTER build --no-cache --site $s --output $OUT/after" 2>&1 | tail -20
  for t in before after; do
    bin=$BEFORE; [ $t = after ] && bin=$AFTER
    rm -rf $OUT/$t; /usr/bin/time -v $bin build --no-cache --site $s --output $OUT/$t 2> $RES/rss-$t-N$n.txt >/dev/null
  done
  # Incremental rebuilds in build --watch, alternating binaries.
  for round in 1 2; do
    for t in before after; do
      bin=$BEFORE; [ $t = after ] && bin=$AFTER
      echo "N=$n round $round $t: $($B/incremental.sh $bin $s $OUT/inc 7 | tr '\n' ' ')" | tee -a $RES/incremental.txt
    done
  done
  rm -rf $OUT/*
done
# The Dudley site.
hyperfine --warmup 2 --min-runs 30 --export-json $RES/dudley.json \
  --prepare "rm -rf $OUT/before $OUT/after" \
  -n before "$BEFORE build --no-cache --site /work/main --output $OUT/before" \
  -n after "$AFTER build --no-cache --site /work/main --output $OUT/after" 2>&1 | tail -12
mkdir -p $WORK/dudley && cp -r /work/main/site.yaml /work/main/content /work/main/themes $WORK/dudley/
for round in 1 2; do
  for t in before after; do
    bin=$BEFORE; [ $t = after ] && bin=$AFTER
    echo "Dudley round $round $t: $($B/incremental.sh $bin $WORK/dudley $OUT/inc 9 | tr '\n' ' ')" | tee -a $RES/incremental.txt
  done
done
echo done
