"""Prints that are documents, and a trust overview that reads: in Chromium, with the pages' own files."""
from __future__ import annotations

import json

from playwright.sync_api import expect

from framework.load import load_framework

from conftest import ROOT
from pdf_text import pages as pdf_pages

FW = load_framework(ROOT / "data" / "framework.yaml")
STORAGE_KEY = "inclusion-audit-workbook"


def five_priorities() -> dict:
    tiers = [t.id for t in FW.tiers]
    picks = [FW.statements[i] for i in (0, 6, 12, 20, 28)]       # five areas
    return {"format": "inclusion-audit-self-evaluation", "version": 2, "edition": FW.edition.id,
            "school": "Print School", "date": "2026-11-23", "statements": {
                s.id: {"tier": tiers[n % 2], "evidence": "A paragraph of evidence written after talking to staff.",
                       "priority": True, "action": "Plan training for every teaching assistant this term.",
                       "lead": "SENCO", "due": "2027-03-31"} for n, s in enumerate(picks)}}


def school(n: int, judged: int) -> dict:
    tiers = [t.id for t in FW.tiers]
    return {"name": f"school-{n}.json", "mimeType": "application/json", "buffer": json.dumps({
        "format": "inclusion-audit-self-evaluation", "version": 2, "edition": FW.edition.id,
        "school": f"School {n}", "date": f"2026-0{n}-15",
        "statements": {s.id: {"tier": tiers[(i + n) % 3]} for i, s in enumerate(FW.statements[:judged])}}).encode()}


def test_the_action_plan_for_five_priorities_prints_on_three_pages_without_the_pages_intro(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(f"localStorage.setItem('{STORAGE_KEY}', {json.dumps(json.dumps(five_priorities()))})")
    try:
        page = context.new_page()
        page.goto(base_url + "action-plan/")
        expect(page.locator(".ap-item")).to_have_count(5)
        page.emulate_media(media="print")
        printed = pdf_pages(page.pdf(format="A4"))
        text = " ".join(" ".join(printed).split())
        assert len(printed) <= 3, f"{len(printed)} pages"
        assert "Plan training for every teaching assistant" in text
        assert "Nothing leaves this browser" not in text and "grouped by area: where you are now" not in text
    finally:
        context.close()


def test_the_trust_overview_gives_every_count_as_text_and_prints_every_column(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    try:
        page = context.new_page()
        page.goto(base_url + "trust-overview/")
        # nothing loaded: the export says so and makes no file
        downloads = []
        page.on("download", lambda d: downloads.append(d))
        button = page.locator("#trust-export-csv")
        if button.is_visible():
            button.click()
            expect(page.locator("#trust-status")).to_contain_text("nothing was exported")
        assert downloads == []
        page.locator("#trust-files").set_input_files([school(1, len(FW.statements)), school(2, 3)])
        grid = page.get_by_role("region", name="Schools by area")
        expect(grid).to_be_visible()
        cells = grid.locator("tbody td, tfoot td")
        for n in range(cells.count()):
            expect(cells.nth(n).locator(".tier-bar__text")).to_be_visible()     # counts in text, not only a bar
        # School 2 judged three statements: a table of statements says how many schools have not judged each
        expect(page.get_by_role("region", name=f"Statements most often at {FW.tiers[0].name}")).to_contain_text("not judged")
        page.emulate_media(media="print")
        printed = pdf_pages(page.pdf(format="A4"))
        assert len(printed) <= 2, f"{len(printed)} pages"
        assert "All areas" in " ".join(printed)
        last = grid.locator("thead th").last
        assert last.bounding_box()["x"] + last.bounding_box()["width"] <= grid.bounding_box()["x"] + grid.bounding_box()["width"] + 1
    finally:
        context.close()


def test_the_audit_form_fits_sixteen_phone_screens_and_opens_an_area_in_one_tap(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(base_url + "audit-form/")
        assert page.evaluate("document.documentElement.scrollHeight") <= 16 * 844
        last = FW.statements[-1]
        heading = page.get_by_role("heading", name=f"{last.label} {last.text}")
        expect(heading).to_be_hidden()
        page.locator(f"details:has(#form-{last.id}) > summary").click()
        expect(heading).to_be_visible()
    finally:
        context.close()
