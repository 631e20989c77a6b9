#!/usr/bin/env bash
# Rebuild time in build --watch after a glossary edit (no download changes), 10,000-page corpus.
set -euo pipefail
BIN=$1; SITE=$(mktemp -d /tmp/gb.XXXX); OUT=/dev/shm/gb-out
cp -r /tmp/bench17/safersite-10000/. $SITE/
printf -- "- term: benchmark term\n  definition: A term used only to time rebuilds, version 0.\n" > $SITE/content/data/glossary.yaml
rm -rf $OUT; LOG=$SITE.log
$BIN build --watch --site $SITE --output $OUT > $LOG 2>&1 & W=$!
built() { grep -c "Built in" $LOG || true; }
wait_for() { for _ in $(seq 1000); do [ "$(built)" -ge "$1" ] && return 0; sleep 0.01; done; echo "no rebuild" >&2; exit 1; }
wait_for 1; n=1
for i in $(seq 7); do sleep 0.3; printf -- "- term: benchmark term\n  definition: A term used only to time rebuilds, version $i.\n" > $SITE/content/data/glossary.yaml; n=$((n+1)); wait_for $n; done
kill -INT $W; wait 2>/dev/null || true
echo "$(basename $(dirname $(dirname $(dirname $BIN)))): $(grep -o 'Built in [0-9]* ms' $LOG | tail -7 | grep -o '[0-9]*' | sort -n | tr '\n' ' ')"
rm -rf $SITE $SITE.log
