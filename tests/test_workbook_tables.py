"""Tables that fit: the action plan, compare and trust overview at 320, 390, 768 and 1280 px.

No column is clipped: a table fits its column, or scrolls sideways in its own labelled box that says so above
it and scrolls with the keyboard; on a laptop (1280 px) every table fits.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from framework.load import load_framework

FW = load_framework(ROOT / "data" / "framework.yaml")
FIXTURES = Path(__file__).parent / "fixtures"
OAK = json.loads((FIXTURES / "oak-2026.json").read_text(encoding="utf-8"))
for entry in OAK["statements"].values():          # every judgement a priority with a long action: a full plan
    entry.update(priority=True, action="Train every teaching assistant in precision teaching, then review the "
                 "provision map with the SENCO and governors", lead="Deputy headteacher", due="2027-03-31")

TABLES_JS = """() => [...document.querySelectorAll('article table')].map(t => {
  const wrap = t.closest('.table-wrap'), hint = wrap && wrap.parentElement.querySelector(':scope > .table-hint');
  return {label: wrap && wrap.getAttribute('aria-label'), role: wrap && wrap.getAttribute('role'),
          tabindex: wrap && wrap.getAttribute('tabindex'), wide: wrap ? wrap.scrollWidth > wrap.clientWidth + 1 : null,
          hint: !!(hint && hint.checkVisibility()), page: document.documentElement.scrollWidth <= innerWidth,
          scrolls: wrap && ['auto', 'scroll'].includes(getComputedStyle(wrap).overflowX)};
})"""


def show(page, base_url, where):
    if where == "action-plan":
        page.goto(base_url + "self-evaluation/")
        page.evaluate("s => localStorage.setItem('inclusion-audit-workbook', s)", json.dumps(OAK))
        page.goto(base_url + "action-plan/")
        expect(page.get_by_role("region", name="Priorities at a glance")).to_be_visible()
    elif where == "compare":
        page.goto(base_url + "compare/")
        page.set_input_files("#cmp-earlier", str(FIXTURES / "oak-2025.json"))
        page.set_input_files("#cmp-later", str(FIXTURES / "oak-2026.json"))
        page.get_by_role("button", name="Compare", exact=True).click()
        expect(page.get_by_role("region", name="Changes by area")).to_be_visible()
    else:
        page.goto(base_url + "trust-overview/")
        page.set_input_files("#trust-files", [str(FIXTURES / n) for n in ("oak-2026.json", "birch-2026.json", "cedar-primary-v1.json")])
        expect(page.get_by_role("region", name="Schools by area")).to_be_visible()


@pytest.mark.parametrize("width", [320, 390, 768, 1280])
@pytest.mark.parametrize("where", ["action-plan", "compare", "trust"])
def test_tables_fit_or_say_they_scroll_and_scroll_by_keyboard(browser, base_url, where, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        show(page, base_url, where)
        page.wait_for_function("() => document.fonts.status === 'loaded'")
        tables = page.evaluate(TABLES_JS)
        assert tables
        for t in tables:
            assert t["label"] and t["role"] == "region" and t["tabindex"] == "0", f"{where}: a table without its labelled box"
            assert t["page"], f"{where} at {width}px: the page itself scrolls sideways"
            if width >= 1280:
                assert not t["wide"], f"{where} at {width}px: “{t['label']}” is cut to its box on a laptop"
            if t["wide"]:
                assert t["scrolls"], f"{where} at {width}px: “{t['label']}” is clipped"
        # a wide table says so, and the arrow keys scroll it
        for region in page.locator(".table-wrap").all():
            wide = region.evaluate("w => w.scrollWidth > w.clientWidth + 1")
            hint = region.locator("xpath=preceding-sibling::p[contains(@class,'table-hint')]")
            if wide:
                expect(hint).to_be_visible()
                expect(hint).to_contain_text("scroll it sideways")
                region.focus()
                page.keyboard.press("ArrowRight")
                page.wait_for_function("w => w.scrollLeft > 0", arg=region.element_handle())
                region.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
                # scrolled to the end, the last column is whole
                assert region.evaluate("""w => { const r = w.getBoundingClientRect();
                    return [...w.querySelectorAll('tr > :last-child')].every(c => c.getBoundingClientRect().right <= r.right + 1); }""")
            else:
                expect(hint).to_be_hidden()
    finally:
        context.close()
