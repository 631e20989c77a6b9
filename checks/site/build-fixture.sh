#!/usr/bin/env bash
# build-fixture.sh SAFERSITE OUTPUT_DIR
# Builds checks/site/fixture (a page of every theme component) with the default theme built into
# SaferSite (the same files as themes/default/, which a test keeps in step).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="$1"; OUT="$2"
"$BIN" build --site "$HERE/fixture" --output "$OUT"
