"""Print: an area page and a case-study page print cleanly (print media emulated in Chromium).

The site's chrome (header, search, navigation, table of contents, footer, back-to-top, skip link) is not
printed; the content uses the page's full width; every piece of text, links included, is dark enough to
read on white paper (also when the reader has the dark palette on); links stay underlined; and the page
really prints to a PDF.
"""
from __future__ import annotations

import pytest

from test_quality_common import open_page

PRINTED_PAGES = ["areas/leadership-of-send/index.html", "case-studies/the-hive/index.html"]
CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer",
          ".md-top", ".md-skip", ".md-content__button", ".share", ".jump-list"]

# Contrast on white paper (browsers print no backgrounds unless asked), WCAG formula.
TEXT_ON_PAPER = """() => {
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const rgba = s => { const m = s.match(/[\\d.]+/g).map(Number); return m.length > 3 ? m : [...m, 1]; };
  const onWhite = ([r, g, b, a]) => [r, g, b].map(v => v * a + 255 * (1 - a));
  const bad = [];
  for (const el of document.querySelectorAll("article *")) {
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    if (!el.checkVisibility()) continue;
    const style = getComputedStyle(el);
    const ratio = (1.05) / (lum(onWhite(rgba(style.color))) + 0.05);
    if (ratio < 4.5) bad.push(`${el.tagName.toLowerCase()}.${el.className}: ${style.color} is ${ratio.toFixed(2)}:1 on white: ${el.textContent.trim().slice(0, 50)}`);
  }
  return bad.slice(0, 20);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("rel", PRINTED_PAGES)
def test_page_prints_without_the_site_chrome_and_with_readable_text(browser, base_url, rel, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    try:
        open_page(pg, base_url, rel)
        pg.emulate_media(media="print")
        shown = [sel for sel in CHROME if any(el.is_visible() for el in pg.locator(sel).all())]
        assert not shown, f"{rel}: printed with the site's {shown}"
        article = pg.locator("article").first
        assert article.is_visible()
        width = article.bounding_box()["width"]
        assert width > 0.85 * 1280 - 100, f"{rel}: the printed content is only {width:.0f}px of 1280px wide"
        assert pg.evaluate(TEXT_ON_PAPER) == [], f"{rel} ({scheme} palette): text too faint on paper"
        links = pg.evaluate("""() => [...document.querySelectorAll("article a[href]")].filter(a => a.checkVisibility())
            .filter(a => !getComputedStyle(a).textDecorationLine.includes("underline")).map(a => a.outerHTML.slice(0, 100))""")
        assert links == [], f"{rel}: printed links that are not underlined: {links}"
        pdf = pg.pdf(format="A4", print_background=False)
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    finally:
        context.close()


def test_printed_area_page_keeps_every_statement_and_tier(browser, base_url, soup):
    rel = PRINTED_PAGES[0]
    context = browser.new_context()
    pg = context.new_page()
    try:
        open_page(pg, base_url, rel)
        pg.emulate_media(media="print")
        statements = soup(rel).select(".statement-text")
        tiers = soup(rel).select(".tier")
        assert statements and tiers
        assert pg.locator(".statement-text").evaluate_all("els => els.filter(e => e.checkVisibility()).length") == len(statements)
        assert pg.locator(".tier").evaluate_all("els => els.filter(e => e.checkVisibility()).length") == len(tiers)
    finally:
        context.close()
