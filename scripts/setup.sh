#!/usr/bin/env bash
# Create .venv and install the pinned requirements (and the npm tools the quality tests use).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -r "${1:-requirements.txt}"
if [ "${1:-}" = "requirements-dev.txt" ] && [ -f package.json ] && command -v npm >/dev/null 2>&1; then
  npm ci --silent --no-audit --no-fund >/dev/null 2>&1 || npm install --silent --no-audit --no-fund >/dev/null
fi
