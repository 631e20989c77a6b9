#!/usr/bin/env bash
# build-fixture.sh SAFERSITE OUTPUT_DIR
# Builds checks/site/fixture (a page of every theme component) with the repo's default theme.
# SaferSite refuses theme links that leave the site folder, so both are copied into a scratch folder.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="$1"; OUT="$2"
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/site-check-fixture.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT
cp -R "$HERE/fixture/." "$SCRATCH/"
mkdir -p "$SCRATCH/themes"
cp -R "$ROOT/themes/default" "$SCRATCH/themes/default"
"$BIN" build --site "$SCRATCH" --output "$OUT"
