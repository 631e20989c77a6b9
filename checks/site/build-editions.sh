#!/usr/bin/env bash
# build-editions.sh SAFERSITE OUTPUT_DIR [BUILD FLAGS...]
# A starter site (`safersite init`) taken through an annual update, as the README tells a council
# to do it: the next edition started, a year's rows added, built. Its earlier edition's pages carry
# the "not the latest edition" banner and its latest pages name their edition, with a glossary
# and a correction, for the site check.
set -euo pipefail
BIN="$1"; OUT="$2"
SITE="$(mktemp -d "${TMPDIR:-/tmp}/site-check-editions.XXXXXX")"
trap 'rm -rf "$SITE"' EXIT
rmdir "$SITE"
"$BIN" init "$SITE" >/dev/null
"$BIN" new-edition 2025-26 --site "$SITE" >/dev/null
printf 'violence_with_injury,exampleton,2025/26,8.1,,,Sample data: invented\nviolence_with_injury,england,2025/26,8.9,,,Sample data: invented\nviolence_with_injury,region,2025/26,10.0,,,Sample data: invented\n' \
  >> "$SITE/content/data/observations.csv"
# A glossary and a correction, so their links, notes and pages are checked too.
printf -- '- term: sample data\n  definition: Numbers made up to show how the site works.\n- term: rate per 1,000\n  definition: How many times something happens for every 1,000 residents.\n' \
  > "$SITE/content/data/glossary.yaml"
printf -- '- date: 2026-01-15\n  figures: [violence_change]\n  change: We corrected the change in violence with injury.\n  why: A row was typed twice.\n' \
  > "$SITE/content/data/corrections.yaml"
"$BIN" build --site "$SITE" --output "$OUT" "${@:3}"
