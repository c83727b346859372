"""Helpers shared by the quality-gate tests (tests/test_quality_*.py). Holds no tests itself.

The other quality modules import it by name (`from test_quality_common import ...`): pytest puts tests/ on
sys.path, as it does for conftest.py.
"""
from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"

# The WCAG 2.0, 2.1 and 2.2 A and AA rule sets of axe-core.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# and axe's best-practice rules, which cover the page's structure: landmarks, one <h1>, headings in order,
# a working skip link, no content outside a landmark, named dialogs (Lighthouse runs them too).
BEST_PRACTICE_TAGS = ["best-practice"]
# The site's two palettes, by the name the tests give them and the scheme Material sets on <body>.
SCHEMES = {"light": "default", "dark": "slate"}


@functools.lru_cache(maxsize=None)
def site_url() -> str:
    """site_url as the build sees it (mkdocs.yml may read it from the environment with !ENV)."""
    from mkdocs.utils.yaml import get_yaml_loader
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    url = config.get("site_url") or "/"
    return url if url.endswith("/") else url + "/"


def site_prefix() -> str:
    """The path the site is published under, e.g. '/inclusion-audit-framework/' (often just '/')."""
    return urlsplit(site_url()).path or "/"


def page_url(base_url: str, rel: str) -> str:
    """The address a browser uses for a built file: 'areas/x/index.html' -> base + 'areas/x/'."""
    if rel == "index.html":
        return base_url
    if rel.endswith("/index.html"):
        return base_url + rel[: -len("index.html")]
    return base_url + rel


def serve_under_site_prefix(context) -> None:
    """404.html links its CSS and JS by absolute path under site_url's path (it is served at any depth on
    GitHub Pages). The test server serves the site at '/', so map that prefix back to '/'."""
    prefix = site_prefix()
    if prefix == "/":
        return
    pattern = re.compile(r"^http://127\.0\.0\.1:\d+" + re.escape(prefix))

    def rewrite(route):
        url = route.request.url
        parts = urlsplit(url)
        route.continue_(url=f"{parts.scheme}://{parts.netloc}/{parts.path[len(prefix):]}"
                            + (f"?{parts.query}" if parts.query else ""))

    context.route(pattern, rewrite)


def require_file(path: Path, what: str) -> Path:
    if not path.exists():
        pytest.fail(f"{what} not found at {path.relative_to(ROOT)}: run `npm ci` in the project "
                    "(scripts/test.sh does it through scripts/setup.sh)")
    return path


def require_java() -> str:
    java = shutil.which("java")
    if not java:
        pytest.fail("java not found: the Nu HTML Checker needs it (apt-get install default-jre-headless; .ci/run does)")
    return java


def open_page(pg, base_url: str, rel: str, wait_until: str = "load") -> None:
    """Load a built page and fail with its address on an HTTP error."""
    response = pg.goto(page_url(base_url, rel), wait_until=wait_until)
    assert response is not None and response.ok, f"{rel}: HTTP {response.status if response else 'no response'}"


def content_pages(html_pages: dict[str, Path]) -> list[str]:
    """Every built page, 404.html included."""
    return sorted(html_pages)


def wait_for_scheme(pg, scheme: str) -> None:
    """Material applies the palette from script; wait until the body carries the expected one."""
    pg.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s", arg=scheme)
