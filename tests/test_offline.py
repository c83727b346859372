"""Offline after one visit, as built (finish/offline.py): the manifest, the service worker's precache list,
the pages' links to them and what the downloads page says. The browser side is tests/test_offline_browser.py."""
from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest

from framework.load import load_framework

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 8 * 1024 * 1024


def precache(site_dir: Path) -> dict:
    """The list the worker caches: the first line of sw.js is `self.PRECACHE = {...};`."""
    first = (site_dir / "sw.js").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("self.PRECACHE = ") and first.endswith(";"), first[:80]
    return json.loads(first[len("self.PRECACHE = "):-1])


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_manifest_is_installable(site_dir):
    manifest = json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))
    fw = load_framework(ROOT / "data" / "framework.yaml", ROOT / "data" / "knowledge")
    assert manifest["name"] == fw.title
    assert 0 < len(manifest["short_name"]) <= 15
    assert manifest["display"] == "standalone"
    assert (site_dir / manifest["start_url"] / "index.html").resolve() == (site_dir / "index.html").resolve()
    assert manifest["theme_color"].startswith("#")
    sizes = {}
    for icon in manifest["icons"]:
        path = site_dir / icon["src"]
        assert icon["type"] == "image/png"
        width, height = png_size(path)
        assert icon["sizes"] == f"{width}x{height}"
        sizes[width] = path
    assert {192, 512} <= set(sizes)


def test_every_page_links_the_manifest_and_theme_colour(html_pages, soup, site_dir):
    theme = json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))["theme_color"]
    checked = 0
    for rel, path in html_pages.items():
        page = soup(rel)
        if page.find("meta", attrs={"http-equiv": "refresh"}):
            continue                                   # a redirect stub
        link = page.find("link", rel="manifest")
        assert link, f"{rel}: no <link rel=manifest>"
        href = link["href"]                           # the 404 page's links start at the site's root
        target = site_dir / href.lstrip("/") if href.startswith("/") else path.parent / href
        assert target.resolve() == (site_dir / "manifest.webmanifest").resolve(), rel
        assert page.find("meta", attrs={"name": "theme-color"})["content"] == theme, rel
        checked += 1
    assert checked


def test_precache_holds_every_page_script_stylesheet_index_and_download(site_dir, html_pages):
    listed = {f["url"]: f for f in precache(site_dir)["files"]}
    def url(rel: str) -> str:
        return rel[:-len("index.html")] if rel.endswith("index.html") else rel
    for rel in html_pages:
        assert url(rel) in listed, f"page {rel} is not precached"
    for path in site_dir.rglob("*"):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith(("assets/javascripts/lunr/", "assets/javascripts/workers/search.")) \
                or rel.endswith(".map") or rel in ("sw.js", "search/search_index.json"):
            continue                      # the theme's own search (unused), source maps, the worker itself
        if path.suffix in (".js", ".css") or rel.startswith(("downloads/", "search/")):
            assert url(rel) in listed, f"{rel} is not precached"
    for rel, entry in listed.items():
        target = site_dir / (rel + "index.html" if rel.endswith("/") or rel == "" else rel)
        assert target.is_file(), f"precache lists {rel!r}, which is not in the site"
        assert entry["bytes"] == target.stat().st_size, rel
        assert entry["integrity"].startswith("sha256-"), rel
    assert "sw.js" not in listed


def test_precache_is_at_most_8_mb_and_named_by_edition_and_build(site_dir):
    data = precache(site_dir)
    assert 0 < sum(f["bytes"] for f in data["files"]) <= LIMIT
    fw = load_framework(ROOT / "data" / "framework.yaml", ROOT / "data" / "knowledge")
    assert data["edition"] == fw.edition.id
    assert len(data["build"]) >= 8
    assert data["offline"] in {f["url"] for f in data["files"]}, "the offline page is not precached"


def test_offline_page_says_so_and_links_home(site_dir, soup):
    url = precache(site_dir)["offline"]
    page = soup(url + "index.html")
    main = page.select_one("article") or page
    assert "offline" in page.h1.get_text().lower()
    home = [a for a in main.find_all("a") if (site_dir / url / a["href"]).resolve() == site_dir.resolve()]
    assert home, "the offline page has no link to the home page"


def test_downloads_page_has_a_use_offline_section(soup):
    page = soup("downloads/index.html")
    heading = page.find(id="use-offline")
    assert heading and heading.name == "h2", "no 'Use offline' heading"
    text = " ".join(el.get_text(" ") for el in heading.find_all_next(["p", "li", "noscript"], limit=20))
    assert "needs JavaScript" in text                        # said without JavaScript
    assert page.find(attrs={"data-offline-status": True}), "no place for the worker's readiness"
    assert "phone" in text.lower() and "laptop" in text.lower()


def test_search_worker_takes_nothing_from_its_own_address(site_dir):
    """A response from Cache Storage carries no #fragment: the search worker must need nothing from its URL."""
    worker = (site_dir / "assets" / "search-worker.js").read_text(encoding="utf-8")
    assert "location.hash" not in worker and "location.search" not in worker


def test_a_site_over_8_mb_stops_the_build_with_one_line(site_dir, tmp_path):
    import shutil

    from finish import FinishError
    from finish.offline import offline
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    (site / "downloads" / "big.csv").write_bytes(b"x" * (LIMIT + 1))
    with pytest.raises(FinishError, match=r"over 8\.4 MB; biggest: downloads/big\.csv"):
        offline(site, project=ROOT)
    (site / "downloads" / "big.csv").write_bytes(b"x" * 10)
    offline(site, project=ROOT)
    assert precache(site)["build"] != precache(site_dir)["build"], "a changed file must change the build hash"
