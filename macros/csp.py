"""MkDocs hook: the Content-Security-Policy of every page, as a <meta http-equiv> (GitHub Pages sets no headers).

Nothing runs on a page unless the site put it there: scripts only from this site ('self') or inline scripts whose
exact text the policy names by its sha256 hash; no plugin content, no other host for anything. The theme's
template (overrides/main.html) writes the meta element first in <head> with CSP_MARK as its content; this hook,
listed last under `hooks:` so no later step changes a page, fills in the hashes of the page's inline scripts as
they are written. Any step that rewrote an inline script afterwards would stop it running (and
tests/test_security_site.py fails), so no finish step may touch inline scripts.
"""
from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.config.defaults import MkDocsConfig

CSP_MARK = "content-security-policy-filled-in-by-macros-csp"

# An inline script: a <script> start tag without src=, its text, the end tag. Its text is what the browser hashes.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)([^>]*)>(.*?)</script>", re.S | re.I)
DATA_TYPES = ('type="application/json"', "type='application/json'")   # data islands: never run, need no hash

POLICY = [
    "default-src 'self'",
    "script-src 'self' {hashes}",
    # no inline styles either: the pages have no style attribute or <style> element (macros/styles.py makes one
    # stylesheet), and scripts set styles through the DOM (element.style), which a policy does not block
    "style-src 'self'",
    "img-src 'self' data:",          # data: for the icons Material inlines in its stylesheet
    "font-src 'self'",
    "connect-src 'self'",            # the search index and the workbook's data
    "worker-src 'self'",             # the search worker and the offline service worker
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
]


# `mkdocs serve` (the local preview) adds its live-reload script to each page as it is sent, with a new number
# every time, so no hash can name it: the preview alone allows inline scripts. Builds never do.
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(html: str) -> str:
    hashes = []
    for attrs, text in INLINE_SCRIPT.findall(html):
        if any(t in attrs for t in DATA_TYPES):
            continue
        h = script_hash(text)
        if h not in hashes:
            hashes.append(h)
    if _serving:
        hashes = ["'unsafe-inline'"]
    return "; ".join(POLICY).format(hashes=" ".join(hashes)).replace("'self' ;", "'self';")


def with_policy(html: str) -> str:
    """The page with its policy in the meta element the template wrote (a page without one is left alone)."""
    return html.replace(CSP_MARK, policy(html), 1) if CSP_MARK in html else html


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    return with_policy(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return with_policy(output_content) if template_name.endswith(".html") else output_content
