"""MkDocs hook: minify the site's own scripts in the built site (rjsmin: comments and spaces out, nothing
renamed), so docs/assets/ keeps the readable sources. Only the top level of docs/assets/: the vendored
scripts (assets/vendor/) and Material's own (assets/javascripts/) are copied as they are.

Listed under `hooks:` in mkdocs.yml; runs after every build, `mkdocs serve` included.
"""
from __future__ import annotations

from pathlib import Path

import rjsmin
from mkdocs.config.defaults import MkDocsConfig


def minify(text: str) -> str:
    return rjsmin.jsmin(text) + "\n"


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir) / "assets"
    for source in sorted((Path(config.docs_dir) / "assets").glob("*.js")):
        built = site / source.name
        if built.is_file():
            built.write_text(minify(source.read_text(encoding="utf-8")), encoding="utf-8")
