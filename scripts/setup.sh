#!/usr/bin/env bash
# Create .venv and install the pinned requirements, and the npm packages: esbuild for the build, the quality tools for the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
# npm: esbuild (the build minifies our scripts with it); the quality tools too for the tests. It installs in the
# background while pip works: both mostly wait on downloads.
if [ "${1:-}" = "requirements-dev.txt" ]; then
  (npm ci --silent --no-audit --no-fund >/dev/null 2>&1 || npm install --silent --no-audit --no-fund >/dev/null) &
  npm_install=$!
elif [ ! -x node_modules/.bin/esbuild ]; then
  npm ci --omit=dev --silent --no-audit --no-fund >/dev/null &
  npm_install=$!
fi
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
requirements="${1:-requirements.txt}"
pip_install() {
  # --no-compile: Python compiles a module when it is first imported; compiling every installed file costs seconds
  .venv/bin/python -m pip install -q --no-compile --disable-pip-version-check "$@"
}
# uv (pinned) installs the pinned requirements in seconds where pip takes half a minute; pip does it if uv cannot.
# uv does not read pip's configuration, so it gets pip's package sources (index, extra indexes, local wheels).
uv_sources() {
  .venv/bin/python -m pip config list 2>/dev/null | sed -n "s/^[^.]*\.\(index-url\|extra-index-url\|find-links\)='\(.*\)'$/\1 \2/p" |
    while read -r option values; do for value in $values; do printf -- '--%s %s ' "$option" "$value"; done; done
}
if pip_install uv==0.13.8 >/dev/null 2>&1 &&
   .venv/bin/uv pip install -q --python .venv/bin/python --index-strategy unsafe-best-match $(uv_sources) -r "$requirements"; then
  :
else
  echo "uv could not install the requirements; pip installs them" >&2
  pip_install -r "$requirements"
fi
if [ -n "${npm_install:-}" ] && ! wait "$npm_install"; then
  echo "npm could not install the packages in package.json" >&2
  exit 1
fi
