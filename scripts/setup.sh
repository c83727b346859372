#!/usr/bin/env bash
# Create .venv and install the pinned requirements, and the npm packages: esbuild for the build, the quality tools for the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# --no-compile: Python compiles a module when it is first imported; compiling every installed file costs seconds
.venv/bin/python -m pip install -q --no-compile --disable-pip-version-check -r "${1:-requirements.txt}"
# npm: esbuild (the build minifies our scripts with it); the quality tools too for the tests.
if [ "${1:-}" = "requirements-dev.txt" ]; then
  npm ci --silent --no-audit --no-fund >/dev/null 2>&1 || npm install --silent --no-audit --no-fund >/dev/null
elif [ ! -x node_modules/.bin/esbuild ]; then
  npm ci --omit=dev --silent --no-audit --no-fund >/dev/null
fi
