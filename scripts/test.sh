#!/usr/bin/env bash
# Install what the tests need and run them all (they build the site once, then check it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements-dev.txt
# The second theme engine installs itself in its own venv the first time tests/test_zensical_build.py runs
# scripts/build-zensical.sh, on one worker while the other goes on.
# Two test workers share one site build; each file runs whole on one worker, in its order, so a site that a
# file builds for itself is built once. The longest files go first (tests/conftest.py), kept in that order.
NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true exec .venv/bin/python -m pytest -n "${TEST_WORKERS:-2}" --dist loadfile --no-loadscope-reorder "$@"
