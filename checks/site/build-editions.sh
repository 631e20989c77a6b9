#!/usr/bin/env bash
# build-editions.sh SAFERSITE OUTPUT_DIR
# A starter site (`safersite init`) taken through an annual update, as the README tells a council
# to do it: the next edition started, a year's rows added, built. Its earlier edition's pages carry
# the "not the latest edition" banner and its latest pages name their edition, for the site check.
set -euo pipefail
BIN="$1"; OUT="$2"
SITE="$(mktemp -d "${TMPDIR:-/tmp}/site-check-editions.XXXXXX")"
trap 'rm -rf "$SITE"' EXIT
rmdir "$SITE"
"$BIN" init "$SITE" >/dev/null
"$BIN" new-edition 2025-26 --site "$SITE" >/dev/null
printf 'violence_with_injury,exampleton,2025/26,8.1,,,Sample data: invented\nviolence_with_injury,england,2025/26,8.9,,,Sample data: invented\nviolence_with_injury,region,2025/26,10.0,,,Sample data: invented\n' \
  >> "$SITE/content/data/observations.csv"
"$BIN" build --site "$SITE" --output "$OUT"
