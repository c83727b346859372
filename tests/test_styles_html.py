"""What the built pages load before they can paint (a fast first visit), and the purge's rules.

Built HTML: every page with styles links one stylesheet, the combined one (finish/styles.py), never Material's
main.css and palette.css or our site.css, which would each block the first paint, and no favicon file (it is
inline); and no page loads Material's
bundle or site.js with a <script src> tag: overrides/main.html starts them after the first paint.
(tests/test_styles_browser.py checks that the combined stylesheet renders as Material's full CSS, with and
without JavaScript.) Then the purge itself, on small stylesheets.
"""
from __future__ import annotations

import json
import re

import pytest

from finish.styles import Words, parse, purge

SCRIPT_LIST = re.compile(r"\}\)\((\[[^\]]*\]),\s*document\.currentScript\);?\s*$")   # the after-paint loader's list


def _redirect(page) -> bool:
    return page.find("meta", attrs={"http-equiv": "refresh"}) is not None


def test_every_page_links_only_the_combined_stylesheet_and_no_icon_file(site_dir, html_pages, soup):
    combined = list(site_dir.glob("assets/stylesheets/styles.*.css"))
    assert len(combined) == 1, combined
    problems = []
    for rel in html_pages:
        page = soup(rel)
        if _redirect(page):
            continue
        links = [link["href"] for link in page.head.find_all("link", rel="stylesheet")]
        if len(links) != 1 or not links[0].endswith("/" + combined[0].name):
            problems.append(f"{rel}: {links}")
        if page.head.find("style"):
            problems.append(f"{rel}: a <style> in <head>")
        icon = page.head.find("link", rel="icon")
        if icon is None or not icon["href"].startswith("data:image/svg+xml,"):
            problems.append(f"{rel}: the favicon is a request of its own: {icon}")
    assert not problems, "\n".join(problems)


def test_a_stylesheet_linked_in_a_page_body_is_cut_and_minified_too(site_dir, html_pages, soup):
    """The workbook pages link assets/workbook.css in their text (the action plan, compare and trust overview
    workbook-tools.css too), the audit form audit-form.css: the built copies
    have no comments or line breaks and keep the rules those pages draw (test_styles_browser.py compares the
    workbook pages rendered, with work saved)."""
    linked = {link["href"].split("/")[-1] for rel in html_pages for link in soup(rel).body.find_all("link", rel="stylesheet")}
    assert linked == {"workbook.css", "workbook-tools.css", "audit-form.css"}, linked
    for name, selectors in {"workbook.css": (".wb-report__summary", ".table-wrap"),
                            "workbook-tools.css": (".trust-grid", ".ap-item__facts"),
                            "audit-form.css": (".af-statement", ".af-write__label")}.items():
        built = (site_dir / "assets" / name).read_text(encoding="utf-8")
        assert "/*" not in built and "\n" not in built.strip(), name
        for selector in selectors:
            assert selector in built, (name, selector)


def test_no_page_loads_materials_bundle_or_site_js_before_it_paints(html_pages, soup):
    problems = []
    for rel in html_pages:
        page = soup(rel)
        if _redirect(page):
            continue
        blocking = [s["src"] for s in page.find_all("script", src=True)
                    if re.search(r"(bundle\.[0-9a-f]+\.min|/site)\.js$", "/" + s["src"])]
        loader = page.find("script", attrs={"data-after-paint": True})
        found = SCRIPT_LIST.search(loader.string) if loader else None
        later = json.loads(found.group(1)) if found else []
        # Material's bundle, then site.js, then the page's own scripts (front matter `scripts:`), if any
        if blocking or len(later) < 2 or not re.search(r"bundle\.[0-9a-f]+\.min\.js$", later[0]) \
                or not later[1].endswith("assets/site.js"):
            problems.append(f"{rel}: <script src> {blocking}, after the first paint {later}")
    assert not problems, "\n".join(problems)


# ---- the purge on small stylesheets ----

def run(css: str, markup: str = "", scripts: str = "") -> str:
    from finish.styles import _PREFIX, _WORD, _markup_words
    markup_words = _markup_words(markup)
    return purge(parse(css), Words(markup_words | set(_WORD.findall(scripts)), markup_words,
                                   tuple(_PREFIX.findall(scripts))))


@pytest.mark.parametrize("css, markup, scripts, kept", [
    (".a{color:red}.b{color:blue}", '<p class="a">b</p>', "", ".a{color:red}"),              # text is no markup
    (".a, .b > p {color:red}", '<p class="b">', "", ".b > p{color:red}"),                    # list shortened
    (".x{color:red}", "<p>", 'el.className = "x"', ".x{color:red}"),                         # added by a script
    (".t--ef{color:red}", "<p>", 'el.className = "t--" + tier', ".t--ef{color:red}"),         # joined by a script
    ("#top{color:red}#gone{color:blue}", '<a id="top">', "", "#top{color:red}"),
    ("kbd{color:red}p{color:blue}", "<p>", "", "p{color:blue}"),                              # element names
    ("[data-s=slate] p{color:red}[data-s=red] p{color:blue}", '<p data-s="slate">', "", "[data-s=slate] p{color:red}"),
    ("[href^=http]{color:red}[open]{color:blue}", "<p>", "", "[href^=http]{color:red}[open]{color:blue}"),
    (":is(.a,.b) p{color:red}:is(.c,.d) p{color:blue}", '<p class="b">', "", ":is(.a,.b) p{color:red}"),
    (".a:not(.z){color:red}", '<p class="a">', "", ".a:not(.z){color:red}"),
    (".a::-moz-selection,.z::selection{color:red}", '<p class="a">', "", ".a::-moz-selection,.z::selection{color:red}"),
    ("[dir=rtl] .a{color:red}[dir=ltr] .a{color:blue}", '<body dir="ltr"><p class="a">', 'x === "rtl"',
     "[dir=ltr] .a{color:blue}"),                                                             # rtl only from markup
    ("@media screen{.a{color:red}.z{color:blue}}@media print{.z{color:red}}", '<p class="a">', "",
     "@media screen{.a{color:red}}"),
    (":root{--used:1px;--via:var(--used);--icon:url(x.svg)}.a{width:var(--via)}", '<p class="a">', "",
     ":root{--used:1px;--via:var(--used)}.a{width:var(--via)}"),                               # unread properties go
    (":root{--set-by-js:0}", "<p>", 'style.setProperty("--set-by-js", 1)', ":root{--set-by-js:0}"),
    ("@keyframes spin{to{transform:rotate(1turn)}}@keyframes gone{}.a{animation:spin 1s}", '<p class="a">', "",
     "@keyframes spin{to{transform:rotate(1turn)}}.a{animation:spin 1s}"),
    ("/* note */ .a  {\n  color : red ;\n  margin:0 !important }", '<p class="a">', "", ".a{color:red;margin:0!important}"),
])
def test_purge_keeps_what_can_match_and_only_that(css, markup, scripts, kept):
    assert run(css, markup, scripts) == kept
