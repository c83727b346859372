"""The redirect pages: an old address (a renamed area or case study, or redirects: in the YAML) forwards to the
page that replaced it.

Written here rather than by a plugin's template so that every address is a checked site path (checks.py:
inside the site, no ../), every value is escaped where it enters the HTML, the page has the same
Content-Security-Policy as the rest, and no file can be written outside the site folder.
"""
from __future__ import annotations

import posixpath
from pathlib import Path

from markupsafe import escape

from . import csp

# The same text on every redirect page (so one hash allows it): keep the old address's #anchor, if any.
FORWARD = ('var to=document.querySelector("link[rel=canonical]").getAttribute("href");'
           'location.replace(location.hash&&to.indexOf("#")<0?to+location.hash:to);')


def _dir_of(page: str) -> str:
    """areas/x.md -> areas/x (the folder of its index.html); about.md -> about; areas/index.md -> areas."""
    stem = page.removesuffix(".md")
    return stem.removesuffix("/index") if stem.endswith("/index") else ("" if stem == "index" else stem)


def redirect_html(old: str, new: str) -> str:
    path, _, anchor = new.partition("#")
    start, target = _dir_of(old), _dir_of(path)
    url = posixpath.relpath(target or ".", start=start or ".") + "/" + (f"#{anchor}" if anchor else "")
    url = escape(url)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp.policy([csp.script_hash(FORWARD)])}">
<title>This page has moved</title>
<link rel="canonical" href="{url}">
<meta http-equiv="refresh" content="0; url={url}">
<script>{FORWARD}</script>
</head>
<body>
<p>This page has moved to <a href="{url}">its new address</a>.</p>
</body>
</html>
"""


def write_redirects(redirects: dict[str, str], site_dir: str | Path) -> None:
    site = Path(site_dir).resolve()
    for old, new in redirects.items():
        out = (site / _dir_of(old) / "index.html").resolve()
        if not out.is_relative_to(site) or out.parent == site:     # checks.py refuses these; never write there
            raise ValueError(f"redirect {old!r} is not a page inside the site")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(redirect_html(old, new), encoding="utf-8")
