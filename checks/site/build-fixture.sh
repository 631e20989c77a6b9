#!/usr/bin/env bash
# build-fixture.sh SAFERSITE OUTPUT_DIR
# Builds checks/site/fixture (a page of every theme component) with the default theme built into
# SaferSite (compiled from themes/default/ by the EmbedTheme build plugin).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="$1"; OUT="$2"
"$BIN" build --site "$HERE/fixture" --output "$OUT"
