"""Finish step: the site's own scripts minified in the built folder, by esbuild (pinned in package.json).

The site's own scripts are the files directly in assets/ of the built site (docs/assets/*.js); Material's
(assets/javascripts/) and the vendored ones (assets/vendor/) stay as shipped, and docs/assets/ keeps the
readable sources. esbuild takes away comments and spaces and shortens local names;
a script's top-level names are its globals and are kept. Scripts inline in the pages are not touched here:
their text is fixed when the page is generated.

ES modules: code shared between scripts lives in docs/assets/modules/*.mjs (Node's tests import it there). A
script in assets/ that imports them is bundled: esbuild puts what it imports inside it, as one classic script
(a page needs no `type="module"`), and the built site keeps no modules/ folder. So each page loads one script of
its own (the workbook's pages: self-evaluation.js, action-plan.js, compare.js, trust.js): one request and one gzip
stream for everything it needs at load. A module may import a package pinned in package.json by its name (the
search's MiniSearch).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from . import FinishError

ROOT = Path(__file__).resolve().parent.parent
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
TARGET = "es2017"       # the browsers Material 9 supports; nothing newer than they read is written

MODULES = "modules"     # assets/modules/*.mjs: bundled into the scripts that import them, then removed
IMPORTS = re.compile(r"^\s*import\b", re.MULTILINE)

# made compact by rendering/pages.py (one JSON assignment), left as written
AS_MADE = {"workbook-suggested.js"}


def _esbuild(args: list[str], text: str | None = None) -> str:
    if not ESBUILD.exists():
        raise FinishError(f"{ESBUILD} is missing: run `npm ci` (esbuild minifies the site's scripts)")
    # a bare import ("minisearch") is found in the project's node_modules: the built folder may be anywhere
    result = subprocess.run([str(ESBUILD), "--minify", f"--target={TARGET}", "--log-level=error", *args],
                            input=text, capture_output=True, text=True,
                            env={**os.environ, "NODE_PATH": str(ROOT / "node_modules")})
    if result.returncode != 0:
        raise FinishError("esbuild could not minify the site's scripts: " + " ".join(result.stderr.split())[:400])
    return result.stdout


def minify(text: str) -> str:
    """One script's text, minified (for a script that a page carries inline, when the page is generated)."""
    return _esbuild(["--loader=js"], text)


def minify_scripts(site: Path) -> None:
    assets = site / "assets"
    scripts = sorted(p for p in assets.glob("*.js") if p.name not in AS_MADE) if assets.is_dir() else []
    modular = [str(p) for p in scripts if IMPORTS.search(p.read_text(encoding="utf-8"))]
    plain = [str(p) for p in scripts if str(p) not in modular]
    if modular:   # each with what it imports inside it, as an ordinary script
        _esbuild(["--bundle", "--format=iife", *modular, f"--outdir={assets}", "--allow-overwrite"])
    if plain:     # one run for all of them, in place; a script's top-level names stay its globals
        _esbuild([*plain, f"--outdir={assets}", "--allow-overwrite"])
    shutil.rmtree(assets / MODULES, ignore_errors=True)
