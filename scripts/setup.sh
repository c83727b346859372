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
bash scripts/install-requirements.sh .venv "${1:-requirements.txt}"
if [ -n "${npm_install:-}" ] && ! wait "$npm_install"; then
  echo "npm could not install the packages in package.json" >&2
  exit 1
fi
