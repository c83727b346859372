"""MkDocs hooks: small post-build fixes to Material's HTML: valid for the Nu HTML Checker, and accessible.

Listed under `hooks:` in mkdocs.yml. Each fix is a narrow text substitution on markup that Material
itself writes, so a Material upgrade that changes the markup simply leaves the page alone (and the
HTML validity test says so).

- `autocomplete="off"` on Material's two toggle checkboxes (`#__drawer`, `#__search`): HTML allows
  `autocomplete` only on text-like inputs. Material sets it so that Firefox does not restore a ticked
  toggle on reload; overrides/main.html unticks them on `pageshow` instead.
- `tabindex=""` on the labels of navigation sections: an empty tabindex is not an integer. Material
  writes it for sections that are not focusable, so the attribute is simply dropped.
- the search box's `role="dialog"` has no accessible name (axe's and Lighthouse's aria-dialog-name):
  name it "Search".
"""
from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig

_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')
_UNNAMED_SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>')


def fix_html(html: str) -> str:
    """The page's HTML with the fixes above."""
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    html = _UNNAMED_SEARCH_DIALOG.sub(r'\1 aria-label="Search">', html)
    return html


# Every Markdown page, after Material's templates have rendered it.
def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    return fix_html(output)


# Pages rendered from a theme template alone (404.html).
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html"):
        return fix_html(output_content)
    return output_content
