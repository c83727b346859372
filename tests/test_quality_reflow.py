"""Reflow (WCAG 1.4.10): every page fits a 320px-wide viewport with no sideways scrolling, with scripts on and
off, and anything wider than the screen (a table) scrolls inside its own box instead of widening the page.
"""
from __future__ import annotations

import pytest

from test_quality_common import content_pages, open_page, serve_under_site_prefix

WIDTH = 320

# Elements wider than their box, and whether an ancestor (or they themselves) scroll sideways.
OVERFLOWING = """() => {
  const scrolls = el => { for (let e = el; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (["auto", "scroll"].includes(s.overflowX) && e.clientWidth < e.scrollWidth + 1) return true;
    } return false; };
  const out = [];
  for (const el of document.querySelectorAll("article *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || getComputedStyle(el).position === "fixed") continue;
    if (r.right > innerWidth + 1 || r.left < -1) {
      if (!scrolls(el.parentElement)) out.push(el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ").join(".") : "")
                                         + " right edge " + Math.round(r.right) + "px");
    }
  }
  return out.slice(0, 5);
}"""

# Anywhere on the page (the header too): the innermost elements whose right edge is past the screen's.
STICKING_OUT = """width => [...document.body.querySelectorAll("*")].filter(el => {
    const past = e => e.getBoundingClientRect().right > width + 1;
    return past(el) && ![...el.children].some(past);
  }).slice(0, 3).map(el => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ").join(".") : "")
                          + " right edge " + Math.round(el.getBoundingClientRect().right) + "px")"""


def _every_page_on_a_phone(browser, base_url, html_pages, width, scripts=True):
    """(page path, the page) for every content page, opened in turn on a phone `width` pixels wide."""
    context = browser.new_context(viewport={"width": width, "height": 640}, is_mobile=True, has_touch=True,
                                  java_script_enabled=scripts)
    serve_under_site_prefix(context)
    pg = context.new_page()
    try:
        for rel in content_pages(html_pages):
            open_page(pg, base_url, rel)
            yield rel, pg
    finally:
        context.close()


def test_every_page_fits_320px_without_sideways_scrolling(browser, base_url, html_pages):
    problems = []
    for rel, pg in _every_page_on_a_phone(browser, base_url, html_pages, WIDTH):
        width = pg.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            problems.append(f"{rel}: the page is {width}px wide; too wide: {pg.evaluate(OVERFLOWING)}")
        elif stray := pg.evaluate(OVERFLOWING):
            problems.append(f"{rel}: content sticks out of the screen without its own scroll box: {stray}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [320, 390])
def test_no_page_scrolls_sideways_without_javascript(browser, base_url, html_pages, width):
    """With scripts off, Material's header shows no search button, so its title box is wider. The page title
    it keeps hidden for after scrolling sits a little to the right of that box: it must not widen the page."""
    problems = []
    for rel, pg in _every_page_on_a_phone(browser, base_url, html_pages, width, scripts=False):
        page_width = pg.evaluate("document.documentElement.scrollWidth")
        if page_width > width:
            problems.append(f"{rel}: the page is {page_width}px wide; sticking out: {pg.evaluate(STICKING_OUT, width)}")
    assert not problems, f"{len(problems)} pages scroll sideways at {width}px without JavaScript:\n" + "\n".join(problems)


def test_wide_tables_scroll_inside_their_own_box(browser, base_url, html_pages, soup):
    """Every page with a table: at 320px each table either fits or sits in a box that scrolls sideways."""
    with_tables = [rel for rel in html_pages if soup(rel).select("article table")]
    assert with_tables, "expected some pages with tables (the ordinarily available provision list, downloads)"
    context = browser.new_context(viewport={"width": WIDTH, "height": 640}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    problems = []
    try:
        for rel in with_tables:
            open_page(pg, base_url, rel)
            tables = pg.evaluate("""() => [...document.querySelectorAll("article table")].map(t => {
                let box = t.parentElement;
                while (box && box !== document.body && !["auto", "scroll"].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
                const own = ["auto", "scroll"].includes(getComputedStyle(t).overflowX);
                return {wide: t.scrollWidth > t.parentElement.clientWidth + 1 || own && t.scrollWidth > t.clientWidth + 1,
                        scrolls: own || (box && box !== document.body && box.getBoundingClientRect().right <= innerWidth + 1),
                        text: t.innerText.slice(0, 60)};
            })""")
            for t in tables:
                if t["wide"] and not t["scrolls"]:
                    problems.append(f"{rel}: a table wider than the screen does not scroll in its own box: {t['text']!r}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_a_table_too_wide_for_the_screen_scrolls_in_its_table_wrap(browser, base_url):
    """Guard for the convention the templates use (<div class="table-wrap"> around a table): a table far
    wider than a phone scrolls inside its box and the page itself stays 320px wide."""
    context = browser.new_context(viewport={"width": WIDTH, "height": 640}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    try:
        open_page(pg, base_url, "ordinarily-available-provision/index.html")
        pg.evaluate("""() => {
            const wrap = document.createElement("div");
            wrap.className = "table-wrap";
            wrap.innerHTML = "<table><tr>" + "<td>a-very-long-unbreakable-cell-content</td>".repeat(12) + "</tr></table>";
            document.querySelector("article").appendChild(wrap);
        }""")
        assert pg.evaluate("document.documentElement.scrollWidth") <= WIDTH
        scrolls = pg.evaluate("""() => { const w = [...document.querySelectorAll("article .table-wrap")].pop();
                                         return w.scrollWidth > w.clientWidth && w.getBoundingClientRect().right <= innerWidth + 1; }""")
        assert scrolls, "the table-wrap should scroll sideways within the screen"
    finally:
        context.close()
