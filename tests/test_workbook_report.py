"""The printed self-evaluation report and the blank audit form, in Chromium.

Printing the self-evaluation page (`page.pdf()`, A4) gives a report a SENCO can hand to governors: title,
school, date, edition, a summary by area and tier, each judged statement with its tier, its evidence in full
(however long), priority, action, lead and date, the rest listed by number, and no form controls.
"""
from __future__ import annotations

import json

from playwright.sync_api import expect

from conftest import ROOT
from framework.load import load_framework
from pdf_text import pages as pdf_pages
from pdf_text import squashed

FW = load_framework(ROOT / "data" / "framework.yaml")
TIERS = [t.id for t in FW.tiers]
TIER_NAMES = {t.id: t.name for t in FW.tiers}
# Six judgements in six different areas, each with a long evidence text (not the figures script's case).
JUDGED = [FW.statements[i] for i in (2, 9, 15, 22, 31, 37)]
LONG = JUDGED[1]
TWELVE_LINES = [f"{n}. Evidence line {n} for {LONG.label}: minutes of the meeting of week {n}, "
                f"with the provision map and pupil voice notes." for n in range(1, 13)]


def six_judgements() -> dict:
    statements = {}
    for n, s in enumerate(JUDGED):
        evidence = "\n".join(TWELVE_LINES) if s is LONG else "\n".join(
            f"Evidence {k} for {s.label}: what staff, pupils and families told us, and the records we keep." for k in range(1, 7))
        entry = {"tier": TIERS[n % 3], "evidence": evidence}
        if n % 2:
            entry.update(priority=True, action=f"Action for {s.label}: train staff and review in six weeks.",
                         lead="Assistant SENCO", due="2027-02-15")
        statements[s.id] = entry
    return {"format": "inclusion-audit-self-evaluation", "version": 2, "edition": FW.edition.id,
            "school": "Willow Lane Primary", "date": "2026-10-05", "statements": statements}


def printed(browser, base_url, state) -> tuple[list[str], object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(f"localStorage.setItem('inclusion-audit-workbook', {json.dumps(json.dumps(state))})")
    page = context.new_page()
    page.goto(base_url + "self-evaluation/")
    expect(page.locator("#wb-summary table")).to_be_visible()
    page.wait_for_function("() => !!window.WorkbookReport")     # loaded once the page is idle, as there is work
    page.emulate_media(media="print")
    return pdf_pages(page.pdf(format="A4")), (context, page)


def test_six_judgements_print_as_a_short_report_with_every_line_of_evidence(browser, base_url):
    pages, (context, page) = printed(browser, base_url, six_judgements())
    try:
        text = "\n".join(pages)
        flat = squashed(text)
        assert len(pages) <= 8, f"six judgements printed on {len(pages)} A4 pages (at most 8)"
        for line in TWELVE_LINES:
            assert squashed(line) in flat, f"evidence line missing from the print: {line!r}"
        for expected in ["Self-evaluation report", "Willow Lane Primary", "5 October 2026", FW.edition.id,
                         FW.title, "Summary", f"6 of {len(FW.statements)} statements judged", "Assistant SENCO", "15 February 2027"]:
            assert squashed(expected) in flat, f"{expected!r} is not in the printed report"
        for n, s in enumerate(JUDGED):
            assert squashed(f"{s.label} {s.text}") in flat, f"statement {s.label} is not printed"
        # the rest by number, not in full: an unjudged statement's text is not printed
        unjudged = [s for s in FW.statements if s not in JUDGED]
        assert squashed(unjudged[0].text) not in flat
        area1 = [s.label for s in FW.areas[0].statements if s not in JUDGED]
        assert squashed(f"Area 1: {', '.join(area1)}") in flat
        # no form controls printed
        controls = page.evaluate("""() => [...document.querySelectorAll('input, textarea, select, button')]
            .filter(e => e.checkVisibility()).map(e => e.outerHTML.slice(0, 80))""")
        assert controls == [], f"form controls printed: {controls[:5]}"
    finally:
        context.close()


def test_the_report_follows_changes_made_on_the_page(browser, base_url):
    """Judge on the page, then print: the new judgement is in the report without a reload."""
    pages, (context, page) = printed(browser, base_url, six_judgements())
    try:
        page.emulate_media(media="screen")
        s = FW.statements[0]
        page.locator(f"details:has(#eval-{s.id}) > summary").click()          # its area, opened
        page.locator(f"#eval-{s.id} input[type=radio][value='{TIERS[2]}']").check()
        page.locator(f"#evidence-{s.id}").fill("Governors' visit notes, spring term")
        page.emulate_media(media="print")
        flat = squashed("\n".join(pdf_pages(page.pdf(format="A4"))))
        assert squashed("Governors' visit notes, spring term") in flat
        assert squashed(f"7 of {len(FW.statements)} statements judged") in flat
    finally:
        context.close()
