"""The Zensical build (scripts/build-zensical.sh) holds the published MkDocs build's content: every page at the same
address, every paragraph and list item of the main content, every link of the main content (area <-> case study
among them), every statement anchor, and every internal link of its own pages resolving.

Zensical is built once here, into a temporary folder; the MkDocs build is the suite's `site_dir`.
"""
from __future__ import annotations

import subprocess
from functools import lru_cache
from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD_ENV, ROOT


@pytest.fixture(scope="module")
def zensical_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("zensical") / "site"
    result = subprocess.run(["bash", str(ROOT / "scripts" / "build-zensical.sh"), str(out)], cwd=ROOT,
                            capture_output=True, text=True, env=BUILD_ENV, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


@lru_cache(maxsize=None)
def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def main(site: Path, page: str):
    return parse(site / page).select_one("article.md-content__inner")


def text(element) -> str:
    return " ".join(element.get_text().split())


def target(page: str, href: str) -> str | None:
    """An internal link's target as "path/index.html#fragment" from the site root; None for other hosts."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    path = unquote(parts.path)
    if path:
        path = normpath(str(Path(page).parent / path)).lstrip("./") if not path.startswith("/") else path.lstrip("/")
        if path in (".", ""):
            path = ""
        if path == "" or path.endswith("/") or not Path(path).suffix:
            path = (path.rstrip("/") + "/index.html").lstrip("/")
    else:
        path = page
    return path + ("#" + parts.fragment if parts.fragment else "")


def content_links(site: Path, page: str) -> set[str]:
    article = main(site, page)
    return {t for a in article.select("a[href]") if (t := target(page, a["href"])) is not None} if article else set()


def test_every_page_is_built(site_dir, zensical_dir):
    missing = sorted(set(pages(site_dir)) - set(pages(zensical_dir)))
    assert not missing, f"pages of the MkDocs build missing from the Zensical build: {missing}"


def test_every_paragraph_and_list_item_is_kept(site_dir, zensical_dir):
    lost = []
    for page in pages(site_dir):
        ours = main(site_dir, page)
        if ours is None or not (zensical_dir / page).exists():
            continue
        theirs = main(zensical_dir, page)
        kept = {text(e) for e in theirs.select("p, li")} if theirs is not None else set()
        lost += [f"{page}: {text(e)[:100]}" for e in ours.select("p, li") if text(e) and text(e) not in kept]
    assert not lost, f"{len(lost)} paragraphs or list items of the MkDocs build are not in the Zensical build:\n" + "\n".join(lost[:20])


def test_every_content_link_is_kept(site_dir, zensical_dir):
    lost = []
    for page in pages(site_dir):
        if (zensical_dir / page).exists():
            lost += [f"{page} -> {t}" for t in sorted(content_links(site_dir, page) - content_links(zensical_dir, page))]
    assert not lost, "links of the MkDocs build missing from the Zensical build:\n" + "\n".join(lost[:20])


def test_area_and_case_study_pages_link_each_other(site_dir, zensical_dir):
    pairs = {(page, t.split("#")[0]) for page in pages(site_dir) for t in content_links(site_dir, page)
             if page.startswith(("areas/", "case-studies/")) and t.startswith(("areas/", "case-studies/"))
             and page.split("/")[0] != t.split("/")[0] and t.count("/") == 2}
    assert pairs, "the MkDocs build has no link between an area page and a case-study page"
    zensical = {(page, t.split("#")[0]) for page, _ in pairs for t in content_links(zensical_dir, page)}
    assert not pairs - zensical, f"area <-> case-study links missing from the Zensical build: {sorted(pairs - zensical)[:20]}"


def test_every_statement_anchor_is_kept(site_dir, zensical_dir):
    anchors = {(page, e["id"]) for page in pages(site_dir) for e in parse(site_dir / page).select('[id^="statement-"]')}
    assert anchors, "the MkDocs build has no statement anchor"
    lost = sorted((page, i) for page, i in anchors
                  if not (zensical_dir / page).exists() or parse(zensical_dir / page).find(id=i) is None)
    assert not lost, f"statement anchors missing from the Zensical build: {lost[:20]}"


def test_every_internal_link_of_the_zensical_build_resolves(zensical_dir):
    broken = []
    for page in pages(zensical_dir):
        for a in parse(zensical_dir / page).select("a[href]"):
            t = target(page, a["href"])
            if t is None or page == "404.html":   # the 404 page links from the site's root address
                continue
            path, _, fragment = t.partition("#")
            if not (zensical_dir / path).is_file():
                broken.append(f"{page} -> {a['href']}")
            elif fragment and path.endswith(".html") and parse(zensical_dir / path).find(id=unquote(fragment)) is None:
                broken.append(f"{page} -> {a['href']} (no such anchor)")
    assert not broken, f"{len(broken)} broken internal links in the Zensical build:\n" + "\n".join(broken[:20])


def test_back_to_top_starts_out_of_the_tab_order(site_dir, zensical_dir):
    """Both builds' Back to top button starts hidden and out of the tab order: the theme's script shows it and makes
    it a tab stop once the reader scrolls up (a browser test follows that in the MkDocs build)."""
    for name, site in (("MkDocs", site_dir), ("Zensical", zensical_dir)):
        wrong = [page for page in pages(site)
                 if (top := parse(site / page).select_one(".md-top")) is not None
                 and not (top.has_attr("hidden") and top.get("tabindex") == "-1")]
        assert not wrong, f"{name} build: a hidden Back to top button is a tab stop on {len(wrong)} pages: {wrong[:5]}"
