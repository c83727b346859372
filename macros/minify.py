"""MkDocs hook: the site's own scripts minified in the built site (calmjs.parse: comments and spaces out, and
the names inside each script's function shortened; globals kept), so docs/assets/ keeps the readable sources.
Only the top level of docs/assets/: the vendored scripts (assets/vendor/) and Material's own
(assets/javascripts/) are copied as they are. Each minified script is kept in .cache/minify/ (not in git) for
the next build, under a hash of its source.

A page that needs several of our scripts at load can have them joined into one file (JOINED), one request
instead of several and one gzip stream over them (the self-evaluation: about 1 KiB less on a first visit).

Inline scripts in the pages are left exactly as written: the Content-Security-Policy (macros/csp.py) allows
each by the hash of its text, so they must not change after the page is rendered.

"""
from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

from calmjs.parse import es5
from calmjs.parse.unparsers.es5 import minify_print
from mkdocs.config.defaults import MkDocsConfig

CALMJS = version("calmjs.parse")

# built file -> the scripts in docs/assets/ it is made of, in order
JOINED = {"self-evaluation.js": ("workbook-core.js", "workbook.js")}


def minify(text: str) -> str:
    # renaming local names is about a tenth less gzip'd than removing spaces alone; the scripts are ES5
    return minify_print(es5(text), obfuscate=True, obfuscate_globals=False) + "\n"


def minified(text: str, cache: Path, used: set[str]) -> str:
    """minify(text), kept in `cache` under a hash of the text and the minifier's version: minifying every
    script takes about a second, and between two builds most scripts have not changed."""
    key = hashlib.sha256((CALMJS + "\0" + text).encode("utf-8")).hexdigest()[:32] + ".js"
    used.add(key)
    path = cache / key
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        out = minify(text)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        path.write_text(out, encoding="utf-8")
    except OSError:                          # a read-only checkout builds as before, only slower
        pass
    return out


def on_post_build(config: MkDocsConfig) -> None:
    source, site = Path(config.docs_dir) / "assets", Path(config.site_dir) / "assets"
    cache, used = Path(config.config_file_path).parent / ".cache" / "minify", set()
    for path in sorted(source.glob("*.js")):
        built = site / path.name
        if built.is_file():
            built.write_text(minified(path.read_text(encoding="utf-8"), cache, used), encoding="utf-8")
    for old in cache.glob("*.js") if cache.is_dir() else ():
        if old.name not in used:            # a script's earlier versions: not needed again
            old.unlink(missing_ok=True)
    for name, parts in JOINED.items():
        (site / name).write_text("".join((site / part).read_text(encoding="utf-8") for part in parts), encoding="utf-8")
