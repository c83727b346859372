#!/usr/bin/env bash
# Build the site with Zensical into OUT (default site-zensical): the same pages as the published MkDocs build.
#   bash scripts/build-zensical.sh [OUT]
# Zensical runs in its own venv (.venv-zensical), pinned in requirements-zensical.txt; the generate and finish
# steps run in .venv (scripts/setup.sh makes it).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv-zensical/bin/zensical ]; then
  python3 -m venv .venv-zensical
  bash scripts/install-requirements.sh .venv-zensical requirements-zensical.txt
fi
[ -x .venv/bin/python ] || bash scripts/setup.sh
exec .venv/bin/python scripts/build.py --engine zensical --site-dir "${1:-site-zensical}"
