"""Links: every internal link and every #fragment in every built page resolves, and no page is orphaned.

Read from the built HTML with a parser. A link is internal when it has no host, or when it starts with the
site's own address (site_url, used by 404.html). Each one must name a file in the built site (a folder
means its index.html); a #fragment must name an id (or <a name>) in the page it points to.
"""
from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from test_quality_common import site_url

# Where links are: (tag, attribute).
LINK_ATTRIBUTES = [("a", "href"), ("link", "href"), ("area", "href"), ("script", "src"), ("img", "src"),
                   ("source", "src"), ("iframe", "src"), ("form", "action"), ("use", "href"), ("use", "xlink:href")]
NOT_LINKS = ("mailto:", "tel:", "javascript:", "data:", "blob:")


def page_path(rel: str) -> str:
    """The URL path of a built file: 'areas/x/index.html' -> '/areas/x/'."""
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def resolve(site_dir, html_pages, rel: str, url: str):
    """(target file relative to the site, fragment), or (None, reason) for a broken or (None, None) for an
    external link."""
    own = site_url()
    if url.startswith(own):
        url = "/" + url[len(own):]
    elif url.startswith("//"):
        return None, None
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None, None
    path = unquote(parts.path)
    if path == "":
        target = rel                                   # "#fragment" or "?query": this page
    else:
        base = page_path(rel) if rel != "404.html" else "/"
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), path)) if not path.startswith("/") \
            else posixpath.normpath(path)
        if joined.startswith(".."):
            return None, f"goes above the site root: {url}"
        joined = joined.lstrip("/")
        if path.endswith("/") or path in (".", "./") or (site_dir / joined).is_dir():
            target = (joined + "/index.html").lstrip("/") if joined not in ("", ".") else "index.html"
        else:
            target = joined
        if not (site_dir / target).is_file():
            return None, f"no such file in the site: {url} (looked for {target})"
    return target, parts.fragment


def ids_of(soup_page) -> set[str]:
    ids = {el["id"] for el in soup_page.find_all(id=True)}
    ids |= {el["name"] for el in soup_page.find_all("a", attrs={"name": True})}
    return ids


def test_every_internal_link_and_fragment_resolves(site_dir, html_pages, soup):
    broken = []
    checked = 0
    ids = {}
    for rel in html_pages:
        doc = soup(rel)
        for tag, attr in LINK_ATTRIBUTES:
            for el in doc.find_all(tag, attrs={attr: True}):
                url = el[attr].strip()
                if not url or url.lower().startswith(NOT_LINKS):
                    if not url and tag == "a":
                        broken.append(f"{rel}: an empty href on {str(el)[:100]}")
                    continue
                target, fragment = resolve(site_dir, html_pages, rel, url)
                if target is None:
                    if fragment:
                        broken.append(f"{rel}: <{tag} {attr}={url!r}> {fragment}")
                    continue
                checked += 1
                if fragment and target.endswith(".html"):
                    if target not in ids:
                        ids[target] = ids_of(soup(target))
                    if unquote(fragment) not in ids[target]:
                        broken.append(f"{rel}: <{tag} {attr}={url!r}>: no id {fragment!r} in {target}")
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(broken)
    assert checked > 1000, f"only {checked} internal links checked: is the parser finding them?"


def test_every_page_is_linked_from_another_page(site_dir, html_pages, soup):
    linked = set()
    for rel in html_pages:
        for el in soup(rel).find_all("a", href=True):
            target, _ = resolve(site_dir, html_pages, rel, el["href"].strip())
            if target and target != rel:
                linked.add(target)
    orphans = [rel for rel in html_pages if rel not in linked and rel not in ("404.html", "index.html")]
    assert not orphans, f"pages no other page links to: {orphans}"


def test_the_link_checker_catches_a_broken_link_and_fragment(site_dir, html_pages):
    rel = "areas/leadership-of-send/index.html"
    assert resolve(site_dir, html_pages, rel, "../no-such-area/")[0] is None
    assert resolve(site_dir, html_pages, rel, "../../case-studies/the-hive/")[0] == "case-studies/the-hive/index.html"
    assert resolve(site_dir, html_pages, rel, "#statement-2-3") == (rel, "statement-2-3")
    assert resolve(site_dir, html_pages, "404.html", site_url() + "areas/")[0] == "areas/index.html"
    assert resolve(site_dir, html_pages, rel, "https://www.gov.uk/") == (None, None)
