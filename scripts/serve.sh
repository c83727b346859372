#!/usr/bin/env bash
# Install what the site needs, build it as published and serve it on http://127.0.0.1:8000 (it builds again
# when a source changes; reload the page to see it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true exec .venv/bin/python scripts/serve.py "$@"
