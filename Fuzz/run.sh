#!/bin/sh
# Builds and runs every fuzz target for a set time (default 300 seconds each), one after another.
#
#   Fuzz/run.sh [seconds] [target ...]       e.g. Fuzz/run.sh 600 csv markdown
#
# Targets: csv, yaml, figures, boundary, markdown, claims, page, list (see Fuzz/README.md). Each starts from Fuzz/seeds/TARGET
# and keeps what it learns in .build-fuzz/corpus/TARGET. A crash, a timeout (over 10 s for one
# input) or running out of memory (over 2 GB) stops that target, leaves the input in
# .build-fuzz/crashes/TARGET/ and makes the script exit 1. A summary of each run (executions per
# second, coverage) is printed at the end and kept in .build-fuzz/logs/.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECONDS_EACH=${1:-300}
[ $# -gt 0 ] && shift
TARGETS=${*:-csv yaml figures boundary markdown claims page list}
OUT=$ROOT/.build-fuzz

"$ROOT/Fuzz/build.sh" "$TARGETS" || exit 2

status=0
for target in $TARGETS; do
    corpus=$OUT/corpus/$target
    crashes=$OUT/crashes/$target
    mkdir -p "$corpus" "$crashes" "$OUT/logs"
    log=$OUT/logs/$target.log
    echo "fuzzing $target for $SECONDS_EACH s (log: $log)"
    "$OUT/fuzz-$target" "$corpus" "$ROOT/Fuzz/seeds/$target" \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$crashes/" -print_final_stats=1 > "$log" 2>&1
    code=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    if [ $code -eq 0 ]; then
        echo "  $target: no crash; ${runs:-?} inputs, ${speed:-?}/s, $cov"
    else
        echo "  $target: FAILED (exit $code); input saved in $crashes:"
        grep -E "ERROR: libFuzzer|Fatal error|SUMMARY" "$log" | head -5 | sed 's/^/    /'
        status=1
    fi
done
exit $status
