"""Finish step: the site works offline after one visit and can be installed.

Writes, at the root of the built site:

- `sw.js`, the service worker (finish/offline-worker.js), after a first line `self.PRECACHE = {...};` listing
  every file to keep offline: every page, stylesheet and script, the search index, the downloads, the icons
  and the manifest; each with its size and SRI hash. Left out: source maps, the search's other languages
  (assets/javascripts/lunr/: this site's search is English) and the sitemap. The cache is named by the
  edition id (from the model) and a hash of this build, so two builds never share a cache;
- `manifest.webmanifest`: name, short name, start address, standalone display, theme colour and the
  192 and 512 px icons (docs/assets/icon-*.png, made by scripts/make_icons.py from the site's mark).

It reads only the built folder and the model, so any theme engine's output can go through it. The theme
colour and the description are the home page's own (<meta name="theme-color">, set in overrides/main.html;
failing that, the colour of the site's mark, assets/favicon.svg).
`scripts/build.py` runs from the project folder, which is where the model's data is.
"""
from __future__ import annotations

import base64
import hashlib
import json
from html.parser import HTMLParser
from pathlib import Path

from finish import FinishError

LIMIT = 8 * 1024 * 1024                     # the most a school laptop or phone is asked to keep
SHORT_NAME = "Inclusion audit"              # under a home-screen icon (about 15 characters show)
ICONS = ("assets/icon-192.png", "assets/icon-512.png")
OFFLINE_PAGE = "offline/"                   # docs/offline.md: what a page never cached shows
WORKER = Path(__file__).with_name("offline-worker.js")
LEFT_OUT = ("assets/javascripts/lunr/",      # the theme's search engine and word splitters: the site has its own
            "assets/javascripts/workers/search.", "search/search_index.json")


class _Head(HTMLParser):
    """The <meta name=...> contents and whether the page is a redirect stub."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.redirect = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("name"):
            self.meta[a["name"]] = a.get("content") or ""
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            self.redirect = True


def _head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8").partition("</head>")[0])    # the <meta> tags are all in the head
    return parser


def _model(project: Path):
    from framework.load import FrameworkError, load_framework
    data = project / "data" / "framework.yaml"
    if not data.is_file():
        raise FinishError(f"offline: {data} not found; run the build from the project folder")
    try:
        return load_framework(data, data.parent / "knowledge")
    except FrameworkError as error:
        raise FinishError(f"offline: the framework data has a problem: {error}") from None


def _kept(rel: str) -> bool:
    return not (rel.endswith(".map") or rel.startswith(LEFT_OUT) or rel.startswith("sitemap.xml")
                or rel == "sw.js")


def _url(rel: str) -> str:
    """A file's address relative to the site, as pages link it: "about/index.html" is "about/"."""
    return rel[:-len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel


def precache_list(site: Path) -> list[dict]:
    files = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if not _kept(rel):
            continue
        data = path.read_bytes()
        entry = {"url": _url(rel), "bytes": len(data),
                 "integrity": "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()}
        if path.suffix == ".html" and rel not in ("404.html", OFFLINE_PAGE + "index.html") and not _head(path).redirect:
            entry["page"] = True
        files.append(entry)
    return files


def _mark_colour(site: Path) -> str | None:
    """The fill of the site's mark (assets/favicon.svg): its background, drawn first."""
    import xml.etree.ElementTree as ET
    try:
        root = ET.parse(site / "assets" / "favicon.svg").getroot()
    except (OSError, ET.ParseError):
        return None
    return next((el.get("fill") for el in root.iter() if el.get("fill")), None)


def manifest(site: Path, title: str) -> dict:
    home = _head(site / "index.html")
    colour = home.meta.get("theme-color") or _mark_colour(site)     # an engine without our <head> override
    if not colour:
        raise FinishError("offline: the home page has no <meta name=\"theme-color\"> (overrides/main.html)")
    return {
        "id": "./", "name": title, "short_name": SHORT_NAME, "description": home.meta.get("description", ""),
        "lang": "en", "start_url": "./", "scope": "./", "display": "standalone",
        "theme_color": colour, "background_color": "#ffffff",
        "icons": [{"src": icon, "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
                  for icon, size in zip(ICONS, (192, 512))],
    }


def offline(site: Path, project: Path | None = None) -> None:
    fw = _model(project or Path.cwd())
    for rel in (*ICONS, OFFLINE_PAGE + "index.html", "index.html"):
        if not (site / rel).is_file():
            raise FinishError(f"offline: {rel} is missing from the built site")
    (site / "manifest.webmanifest").write_text(
        json.dumps(manifest(site, fw.title), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    files = precache_list(site)
    total = sum(f["bytes"] for f in files)
    if total > LIMIT:
        biggest = ", ".join(f"{f['url']} ({f['bytes'] // 1024} KB)" for f in sorted(files, key=lambda f: -f["bytes"])[:3])
        raise FinishError(f"offline: the site to keep offline is {total / 1e6:.1f} MB, over {LIMIT / 1e6:.1f} MB; "
                          f"biggest: {biggest}")
    build = hashlib.sha256("\n".join(f"{f['url']} {f['integrity']}" for f in files).encode()).hexdigest()[:12]
    data = {"edition": fw.edition.id, "build": build, "offline": OFFLINE_PAGE, "files": files}
    head = "self.PRECACHE = " + json.dumps(data, separators=(",", ":"), ensure_ascii=True) + ";\n"
    (site / "sw.js").write_text(head + WORKER.read_text(encoding="utf-8"), encoding="utf-8")
