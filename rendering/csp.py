"""The Content-Security-Policy of every page, as a <meta http-equiv> (GitHub Pages sets no headers).

Nothing runs on a page unless the site put it there: scripts only from this site ('self') or inline scripts whose
exact text the policy names by its sha256 hash; no plugin content, no other host for anything. The policy is
written where the page is rendered: overrides/main.html puts it first in <head>, with the hashes of the theme's
inline scripts (their text in overrides/partials/inline-scripts.html) and of the scripts the page's Markdown
carries (recorded by macros/__init__.py as the generate step writes them: front matter `csp_hashes`).
macros/hooks.py gives the theme's templates `csp_hash` and `content_security_policy`. No step may change an
inline script afterwards: it would stop running (tests/test_security_site.py fails).
"""
from __future__ import annotations

import base64
import hashlib

POLICY = [
    "default-src 'self'",
    "script-src 'self' {hashes}",
    # no inline styles either: the pages have no style attribute or <style> element (the theme links one
    # stylesheet), and scripts set styles through the DOM (element.style), which a policy does not block
    "style-src 'self'",
    "img-src 'self' data:",          # data: for the icons Material inlines in its stylesheet, and the favicon
    "font-src 'self'",
    "connect-src 'self'",            # the search index and the workbook's data
    "worker-src 'self'",             # the search worker and the offline service worker
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
]


def script_hash(text: str) -> str:
    """The policy's name for an inline script: the sha256 of its exact text, as the browser hashes it."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(str(text).encode("utf-8")).digest()).decode("ascii") + "'"


def policy(hashes: list[str], serving: bool = False) -> str:
    """The policy for a page whose inline scripts have these hashes (each named once, in order).
    `mkdocs serve` (the local preview) adds its live-reload script to each page as it is sent, with a new number
    every time, so no hash can name it: the preview alone allows inline scripts. Builds never do."""
    names = ["'unsafe-inline'"] if serving else list(dict.fromkeys(hashes))
    return "; ".join(POLICY).format(hashes=" ".join(names)).replace("'self' ;", "'self';")
