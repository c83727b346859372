"""Finish step: the search index made when the site is built (search/index.json), so a phone does not make it.

The search worker (docs/assets/search-worker.js) used to make MiniSearch's index from search/documents.json on the
first search, which takes most of a second on a slow phone. Here Node runs the site's own search code (the built
assets/search.js and assets/vendor/minisearch.js: the same files the browser runs, so the index and the ranking
cannot drift apart) over the same documents and writes the index as MiniSearch's JSON; the worker loads it with
MiniSearch's loader. Runs after the scripts are minified (the code the browser gets) and before the offline step
(which lists every file to keep offline, this one too).
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from . import FinishError

SCRIPT = Path(__file__).with_name("search-index.js")
NEEDED = ("search/documents.json", "assets/search.js", "assets/vendor/minisearch.js")


def search_index(site: Path) -> None:
    if not all((site / name).is_file() for name in NEEDED):
        return                                  # a site without the search box (a test fixture): nothing to index
    node = shutil.which("node")
    if not node:
        raise FinishError("node is missing: the search index is made by Node at build time (as esbuild needs it)")
    result = subprocess.run([node, str(SCRIPT), str(site)], capture_output=True, text=True)
    if result.returncode != 0:
        raise FinishError("the search index could not be made: " + " ".join(result.stderr.split())[:400])
