#!/usr/bin/env bash
# Install a pinned requirements file into a venv: bash scripts/install-requirements.sh VENV REQUIREMENTS
# uv (pinned) installs in seconds where pip takes half a minute; pip does it if uv cannot. uv does not read
# pip's configuration, so it gets pip's package sources (index, extra indexes, local wheels).
set -euo pipefail
venv="$1" requirements="$2"
pip_install() {
  # --no-compile: Python compiles a module when it is first imported; compiling every installed file costs seconds
  "$venv/bin/python" -m pip install -q --no-compile --disable-pip-version-check "$@"
}
uv_sources() {
  "$venv/bin/python" -m pip config list 2>/dev/null | sed -n "s/^[^.]*\.\(index-url\|extra-index-url\|find-links\)='\(.*\)'$/\1 \2/p" |
    while read -r option values; do for value in $values; do printf -- '--%s %s ' "$option" "$value"; done; done
}
if pip_install uv==0.13.8 >/dev/null 2>&1 &&
   "$venv/bin/uv" pip install -q --python "$venv/bin/python" --index-strategy unsafe-best-match $(uv_sources) -r "$requirements"; then
  exit 0
fi
echo "uv could not install $requirements; pip installs it" >&2
pip_install -r "$requirements"
