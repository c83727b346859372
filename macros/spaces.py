"""MkDocs hook: the pages' indentation out of the built HTML (about 0.8 KiB less on each first visit, gzip'd).

Material's templates indent every line. Each run of spaces, tabs and line breaks between words or tags becomes
one character (a line break if the run had one), which the browser draws exactly as it drew the run, except
where whitespace is kept as typed: <pre>, <textarea>, <code> (the site's CSS sets it to pre-wrap), scripts and
styles, which are left alone. A non-breaking space is not whitespace here and stays.
tests/test_styles_browser.py compares the pages drawn with and without this hook.

Listed under `hooks:` in mkdocs.yml; runs on every page, `mkdocs serve` included.
"""
from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig

KEEP_SPACES = re.compile(r"(<(pre|textarea|code|script|style)\b.*?</\2>)", re.S | re.I)
RUN_WITH_BREAK = re.compile(r"[ \t\r]*\n[ \t\r\n]*")
RUN = re.compile(r"[ \t]{2,}")


def collapse_spaces(html: str) -> str:
    parts = KEEP_SPACES.split(html)       # text, kept element, its tag name, text, ...
    for i in range(0, len(parts), 3):
        parts[i] = RUN.sub(" ", RUN_WITH_BREAK.sub("\n", parts[i]))
    return "".join(part for i, part in enumerate(parts) if i % 3 != 2)


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    return collapse_spaces(output)
