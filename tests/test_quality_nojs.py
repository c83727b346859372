"""Works without JavaScript: with scripts off, every page's content is in the HTML and on screen.

Generic, on every page: no text is hidden by CSS waiting for a script, and whatever is `hidden` until a script
runs holds controls (a filter, the workbook's buttons), never content. Specific, from the YAML: an area page
shows every statement and every descriptor; the case-study index lists every case study; a case-study page
shows its overview and its areas. (The workbook page has its own no-JS test in test_workbook_browser.py.)
"""
from __future__ import annotations

import pytest

from framework.load import load_framework
from test_quality_common import ROOT, content_pages, open_page

FW = load_framework(ROOT / "data" / "framework.yaml")

HIDDEN_TEXT = """() => {
  const out = {invisible: [], hiddenContent: []};
  const blocks = "p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, figcaption, blockquote, summary, caption";
  for (const el of document.querySelectorAll(`article :is(${blocks})`)) {
    if (!el.textContent.trim() || el.closest("[hidden], noscript, template, details:not([open])")) continue;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true}))
      out.invisible.push(el.outerHTML.slice(0, 160));
  }
  // Hidden until a script shows it: fine for controls (they need the script), not for content.
  for (const el of document.querySelectorAll("article [hidden]")) {
    if (!el.textContent.trim() || el.classList.contains("js-only")
        || el.matches("form, [role=alert], [role=status]") || el.querySelector("input, select, textarea, button")) continue;
    out.hiddenContent.push(el.outerHTML.slice(0, 160));
  }
  return out;
}"""


@pytest.fixture(scope="module")
def nojs_page(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def visible_text(pg, selector="article") -> str:
    return " ".join(pg.locator(selector).first.inner_text().split())


def words(text: str) -> str:
    """Text as it reads on screen: no Markdown emphasis marks, whitespace collapsed."""
    return " ".join(text.replace("**", "").replace("__", "").split())


def test_no_page_hides_content_until_a_script_runs(nojs_page, base_url, html_pages):
    problems = []
    for rel in content_pages(html_pages):
        open_page(nojs_page, base_url, rel)
        found = nojs_page.evaluate(HIDDEN_TEXT)
        problems += [f"{rel}: text not on screen without JavaScript: {html}" for html in found["invisible"]]
        problems += [f"{rel}: content hidden until a script runs: {html}" for html in found["hiddenContent"]]
        if len(visible_text(nojs_page)) < 100:
            problems.append(f"{rel}: almost no text on screen without JavaScript")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("area", FW.areas, ids=lambda a: a.id)
def test_area_page_shows_every_statement_and_descriptor_without_javascript(nojs_page, base_url, area):
    open_page(nojs_page, base_url, f"areas/{area.id}/index.html")
    shown = visible_text(nojs_page)
    missing = []
    for s in area.statements:
        if words(s.text) not in shown:
            missing.append(f"statement {s.label}: {s.text[:60]}")
        for at, descriptors in area.descriptors_for(s):
            for d in descriptors:
                if words(d.text) not in shown:
                    missing.append(f"{at.tier.name} for {s.label}: {d.text[:60]}")
    for cs in area.featured:
        if words(cs.title) not in shown:
            missing.append(f"case study {cs.title}")
    assert not missing, f"{area.id} without JavaScript is missing:\n" + "\n".join(missing)


def test_case_study_index_lists_every_case_study_without_javascript(nojs_page, base_url):
    open_page(nojs_page, base_url, "case-studies/index.html")
    links = nojs_page.locator("article a[href]")
    shown = {" ".join(t.split()) for t in links.all_inner_texts()}
    missing = [cs.title for cs in FW.case_studies if words(cs.title) not in shown]
    assert not missing, f"case studies not listed without JavaScript: {missing}"
    count = nojs_page.locator("#cs-count")
    assert count.count() == 1, "the case-study count is missing without JavaScript"
    assert str(len(FW.case_studies)) in count.inner_text()
    for cs in FW.case_studies:
        assert nojs_page.locator(f"article a[href='{cs.id}/']").first.is_visible(), cs.id


def test_case_study_page_shows_its_overview_and_areas_without_javascript(nojs_page, base_url):
    for cs in FW.case_studies:
        open_page(nojs_page, base_url, f"case-studies/{cs.id}/index.html")
        shown = visible_text(nojs_page)
        assert words(cs.title) in shown, cs.id
        assert words(cs.overview)[:200] in shown, f"{cs.id}: overview not on screen"
        for area in cs.areas:
            assert words(area.title) in shown, f"{cs.id}: area {area.title} not on screen"
