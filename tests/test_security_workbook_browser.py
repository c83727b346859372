"""The browser workbook under a wrong clock and hostile spreadsheets, in Chromium against the built site.

- Saved work stamped ahead of the computer's clock (a laptop whose clock was wrong, then corrected) must not win
  over what is typed now: the box keeps what was typed, and so does the saved copy.
- Its CSV export guards every cell a spreadsheet would run as a formula (= + - @, tab, carriage return, line feed)
  with an apostrophe, and its import takes the apostrophe off again: the round trip is exact.
- A CSV with a quote that is never closed is refused, naming the row, and the saved work is unchanged.
"""
from __future__ import annotations

import csv
import io
import json
import re

from playwright.sync_api import expect

from conftest import ROOT
from framework.load import load_framework

FW = load_framework(ROOT / "data" / "framework.yaml")
KEY = "inclusion-audit-workbook"
STORAGE_JS = f"() => localStorage.getItem('{KEY}')"
YEAR_MS = 365 * 24 * 3600 * 1000


def open_workbook(page, base_url):
    page.goto(base_url + "self-evaluation/")
    expect(page.locator("#wb-summary table")).to_be_visible()
    open_areas(page)
    return page


def open_areas(page):
    """Open every area of the form, as a reader taps them (one area at a time on screen)."""
    closed = page.locator("details.wb-area:not([open]) > summary")
    while closed.count():
        closed.first.click()


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


FORMULAS = ["=SUM(A1:A9)", "+44 20 7946 0000", "-2 pupils", "@home", "\tstarts with a tab", "\nstarts with a line break",
            "'already has an apostrophe", "'=guarded by hand"]


def _export_csv(page, tmp_path) -> str:
    with page.expect_download() as info:
        page.get_by_role("button", name="Export for a spreadsheet (CSV)").click()
    path = tmp_path / "export.csv"
    info.value.save_as(path)
    return path.read_text(encoding="utf-8-sig")


def test_formula_cells_are_guarded_on_export_and_come_back_exactly(page, base_url, tmp_path):
    open_workbook(page, base_url)
    statements = FW.statements[:len(FORMULAS)]
    for s, text in zip(statements, FORMULAS):
        evidence(page, s).fill(text)
    text = _export_csv(page, tmp_path)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    cells = [v for r in rows for v in r.values()]
    assert [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r", "\n")] == []
    by_id = {r["statement_id"]: r for r in rows}
    for s, value in zip(statements, FORMULAS):
        assert by_id[s.id]["evidence"] == "'" + value, (s.id, by_id[s.id]["evidence"])

    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.locator("#wb-summary table")).to_be_visible()
    page.set_input_files("#wb-import", str(tmp_path / "export.csv"))
    expect(page.get_by_role("status").filter(has_text="Imported")).to_be_visible()
    saved = json.loads(page.evaluate(STORAGE_JS))
    assert [saved["statements"][s.id]["evidence"] for s in statements] == FORMULAS


def test_a_csv_with_an_unclosed_quote_is_refused_with_its_row(page, base_url, tmp_path):
    s = FW.statements[1]
    open_workbook(page, base_url)
    evidence(page, s).fill("Kept as it was")
    page.wait_for_function(f"() => (localStorage.getItem('{KEY}') || '').includes('Kept as it was')")
    before = page.evaluate(STORAGE_JS)
    rows = [["statement_id", "tier", "evidence"],
            [FW.statements[0].id, FW.tiers[0].name, "Fine"],
            [FW.statements[1].id, FW.tiers[1].name, '"Never closed, so the next rows would vanish into it'],
            [FW.statements[2].id, FW.tiers[2].name, "Swallowed"]]
    path = tmp_path / "broken.csv"
    path.write_text("\r\n".join(",".join(r) for r in rows) + "\r\n", encoding="utf-8")
    page.set_input_files("#wb-import", str(path))
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(re.compile(r"Row 3 opens a quote"))
    assert page.evaluate(STORAGE_JS) == before
    expect(evidence(page, s)).to_have_value("Kept as it was")
