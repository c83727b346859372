#!/usr/bin/env bash
# Install what the site needs and serve it with live reload on http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true exec .venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000 "$@"
