#!/usr/bin/env bash
# Install what the tests need and run them all (they build the site once, then check it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements-dev.txt
NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true .venv/bin/python -m pytest "$@"
# The browser scripts' own unit tests (Node's test runner; no package needed).
node --test tests/js/
