"""The browser workbook under a wrong clock and hostile spreadsheets, in Chromium against the built site.

- Saved work stamped ahead of the computer's clock (a laptop whose clock was wrong, then corrected) must not win
  over what is typed now: the box keeps what was typed, and so does the saved copy.

The CSV export's guard against formulas and its exact round trip, and a CSV with a quote never closed, are plain
logic: tests/js/workbook.test.mjs checks them in Node, on the modules the page is built from.
"""
from __future__ import annotations

import json

from playwright.sync_api import expect

from conftest import ROOT
from framework.load import load_framework
from page_checks import open_areas

FW = load_framework(ROOT / "data" / "framework.yaml")
KEY = "inclusion-audit-workbook"
STORAGE_JS = f"() => localStorage.getItem('{KEY}')"
YEAR_MS = 365 * 24 * 3600 * 1000


def open_workbook(page, base_url):
    page.goto(base_url + "self-evaluation/")
    expect(page.locator("#wb-summary table")).to_be_visible()
    open_areas(page)
    return page


def evidence(page, s):
    return page.locator(f"#evidence-{s.id}")


def _shift_saved_times(page, by_ms: int) -> None:
    """Move every edit time of the saved work by_ms ahead, as a clock that was wrong would have stamped it."""
    page.evaluate("""([key, by]) => {
      const data = JSON.parse(localStorage.getItem(key));
      const shift = holder => { if (holder && holder.changed) for (const f in holder.changed) holder.changed[f] += by; };
      shift(data); Object.values(data.statements || {}).forEach(shift);
      if (data.replaced_at) data.replaced_at += by;
      localStorage.setItem(key, JSON.stringify(data));
    }""", [KEY, by_ms])


def test_saved_work_stamped_in_the_future_does_not_revert_typing(page, base_url):
    s = FW.statements[2]
    open_workbook(page, base_url)
    evidence(page, s).fill("Written when the clock was a year fast")
    page.wait_for_function(f"() => (localStorage.getItem('{KEY}') || '').includes('a year fast')")
    _shift_saved_times(page, YEAR_MS)
    page.reload()
    expect(page.locator("#wb-summary table")).to_be_visible()
    box = evidence(page, s)
    expect(box).to_have_value("Written when the clock was a year fast")
    box.fill("")
    box.press_sequentially("Typed today", delay=20)
    page.wait_for_timeout(1500)                    # the saves as the user types, and any redraw after them
    expect(box).to_have_value("Typed today")
    assert json.loads(page.evaluate(STORAGE_JS))["statements"][s.id]["evidence"] == "Typed today"
    page.reload()
    expect(evidence(page, s)).to_have_value("Typed today")


def test_another_tabs_future_stamps_do_not_win_over_a_later_edit(browser, base_url):
    s = FW.statements[4]
    context = browser.new_context()
    try:
        a = open_workbook(context.new_page(), base_url)
        evidence(a, s).fill("First, from a tab with a fast clock")
        a.wait_for_function(f"() => (localStorage.getItem('{KEY}') || '').includes('fast clock')")
        _shift_saved_times(a, YEAR_MS)
        b = open_workbook(context.new_page(), base_url)
        evidence(b, s).fill("Then, in another tab")
        b.wait_for_timeout(1000)
        expect(evidence(b, s)).to_have_value("Then, in another tab")
        fresh = open_workbook(context.new_page(), base_url)
        expect(evidence(fresh, s)).to_have_value("Then, in another tab")
    finally:
        context.close()
