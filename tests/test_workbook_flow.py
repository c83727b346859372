"""The workbook as a SENCO works through it, in Chromium on a phone and a laptop.

Progress is always in view with a way to the next statement not judged; each tier option carries what the
tier looks like, so one tap judges after reading; the next step is one suggestion and three case studies with
why, the rest on request, and ticking a case study never leaves the page.
"""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from framework.load import load_framework
from page_checks import open_areas

FW = load_framework(ROOT / "data" / "framework.yaml")
TIERS = [t.id for t in FW.tiers]
NAMES = [t.name for t in FW.tiers]
AREA = FW.areas[2]
STATEMENT = AREA.statements[1]
# the area's case studies in the workbook: featured ones, then any related to its statements from elsewhere


def saved(*judged) -> dict:
    return {"format": "inclusion-audit-self-evaluation", "version": 2, "school": "", "date": "",
            "statements": {s.id: {"tier": TIERS[0], "evidence": ""} for s in judged}}


def workbook(browser, base_url, width, state=None):
    context = browser.new_context(viewport={"width": width, "height": 800})
    if state:
        context.add_init_script(f"localStorage.setItem('inclusion-audit-workbook', {json.dumps(json.dumps(state))})")
    page = context.new_page()
    page.goto(base_url + "self-evaluation/")
    expect(page.locator("#wb-summary table")).to_be_visible()
    open_areas(page)
    return context, page


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


@pytest.mark.parametrize("width", [390, 1280])
def test_progress_stays_in_view_and_leads_to_the_next_statement_not_judged(browser, base_url, width):
    first = FW.areas[0].statements
    context, page = workbook(browser, base_url, width, saved(first[0], first[1]))
    try:
        progress = page.get_by_role("region", name="Progress")
        expect(progress).to_contain_text(f"2 of {len(FW.statements)} judged")
        page.locator(f"#eval-{FW.statements[-1].id}").scroll_into_view_if_needed()    # far down the page
        assert in_view(page, progress), "the progress line scrolled out of view"
        next_button = progress.get_by_role("button", name=f"Next not judged: {first[2].label}")
        next_button.click()
        target = page.locator(f"#eval-{first[2].id}")
        # on the checked radio, where Tab lands: the arrow keys then go through the tiers in order
        expect(target.get_by_role("radio", name="Not yet judged")).to_be_focused()
        assert target.bounding_box()["y"] < page.viewport_size["height"] / 2
        expect(page.locator(f"[data-progress-for='{FW.areas[0].id}']")).to_have_text(f"2 of {len(first)} judged")
        # choosing updates it at once
        page.locator(f"#eval-{first[2].id} .wb-option").first.click()
        expect(progress).to_contain_text(f"3 of {len(FW.statements)} judged")
        if width >= 1280:      # the contents column lists the areas with their counts
            toc = page.locator(".md-sidebar--secondary")
            expect(toc).to_be_visible()
            for area in FW.areas:
                link = toc.locator(f"a[href='#area-{area.id}']")
                expect(link).to_be_visible()
                expect(link).to_contain_text(area.name)
            expect(toc.locator(f"a[href='#area-{FW.areas[0].id}']")).to_contain_text(f"3 of {len(first)} judged")
    finally:
        context.close()


def test_one_tap_judges_a_statement_after_reading_its_three_descriptors(browser, base_url):
    context, page = workbook(browser, base_url, 390)
    try:
        section = page.locator(f"#eval-{STATEMENT.id}")
        section.scroll_into_view_if_needed()
        # every tier's descriptor is readable where the choice is made, with no tap to open anything
        for at, descriptors in AREA.descriptors_for(STATEMENT):
            option = section.locator(f".wb-option--{at.tier.id}")
            for d in descriptors:
                expect(option).to_contain_text(" ".join(d.text.split()))
            expect(option.locator(".wb-descriptor")).to_be_visible()
            # the option's radio is named by its tier and described by what the tier looks like
            radio = section.get_by_role("radio", name=at.tier.name, exact=True)
            assert descriptors[0].text[:40] in " ".join(radio.evaluate(
                "r => document.getElementById(r.getAttribute('aria-describedby')).textContent").split())
        # nothing of another statement sits between the statement and its last option
        boxes = page.evaluate("""(id) => {
            const s = document.getElementById('eval-' + id), r = s.getBoundingClientRect();
            return [...s.querySelectorAll('.wb-option')].every(o => { const b = o.getBoundingClientRect();
                return b.top >= r.top && b.bottom <= r.bottom; }) && !s.querySelector('.wb-statement'); }""", STATEMENT.id)
        assert boxes
        # one tap, on what the reader has just read, judges
        section.locator(f".wb-option--{TIERS[1]} .wb-descriptor").click()
        expect(section.get_by_role("radio", name=NAMES[1], exact=True)).to_be_checked()
        stored = json.loads(page.evaluate("localStorage.getItem('inclusion-audit-workbook')"))
        assert stored["statements"][STATEMENT.id]["tier"] == TIERS[1]
    finally:
        context.close()


def test_the_next_step_is_compact_and_ticking_a_case_study_stays_on_the_page(browser, base_url):
    context, page = workbook(browser, base_url, 390)
    try:
        section = page.locator(f"#eval-{STATEMENT.id}")
        section.locator(f".wb-option--{TIERS[0]}").click()
        box = page.locator(f"[data-next-for='{STATEMENT.id}']")
        expect(box.get_by_role("heading")).to_contain_text(f"what {NAMES[1]} looks like")
        cases = box.get_by_role("group", name="Case studies that may help: tick the ones to use in your action plan")
        ticks = cases.get_by_role("checkbox")
        related = FW.related.pairs_for_statement(STATEMENT)
        assert 1 <= len(related) <= 3
        expect(ticks).to_have_count(len(related))          # the site's related case studies, at most three
        for why in cases.locator(".wb-case__why").filter(visible=True).all():
            assert len(why.inner_text().strip()) > len("Read it") + 10, "a suggestion without a reason"
        height = box.bounding_box()["height"]
        assert height < 1000, f"the next step is {height:.0f}px tall on a phone"
        url = page.url
        label = cases.locator("label").first
        label.click()                                  # a tap on the case study's name ticks it, and stays
        expect(ticks.first).to_be_checked()
        assert page.url == url
        assert label.locator("a").count() == 0, "a link inside the tick box's label: a mis-tap leaves the page"
        listed = [*AREA.featured, *AREA.also]           # the framework's list; the site's suggestions apart
        expect(cases.get_by_role("button", name=f"Show all {len(listed)} case studies the framework lists for this area")).to_be_visible()
        more = cases.locator("button[aria-controls]")
        expect(more).to_have_attribute("aria-expanded", "false")
        more.click()
        expect(cases.get_by_role("checkbox")).to_have_count(len(set(listed) | {p.case_study for p in related}))
        expect(more).to_have_attribute("aria-expanded", "true")
    finally:
        context.close()


def test_a_judged_statement_shows_its_tier_and_can_be_changed(browser, base_url):
    context, page = workbook(browser, base_url, 390, saved(STATEMENT))
    try:
        section = page.locator(f"#eval-{STATEMENT.id}")
        expect(section.locator(".wb-option").filter(visible=True)).to_have_count(1)
        section.get_by_role("button", name="Change the tier").click()
        expect(section.locator(".wb-option").filter(visible=True)).to_have_count(len(FW.tiers))
        section.locator(f".wb-option--{TIERS[2]}").click()
        expect(section.get_by_role("radio", name=NAMES[2], exact=True)).to_be_checked()
        # choosing folds nothing (WCAG 3.2.2 On Input); "Keep this tier" does
        expect(section.locator(".wb-option").filter(visible=True)).to_have_count(len(FW.tiers))
        section.get_by_role("button", name="Keep this tier").click()
        expect(section.locator(".wb-option").filter(visible=True)).to_have_count(1)
    finally:
        context.close()


def test_the_workbook_suggests_the_sites_related_case_studies_and_can_name_each(soup, site_dir):
    """One relation for the whole site: the workbook's suggestions are the case studies the statement's area page
    lists as related (framework/related.py), and each one, even from another area, has a title and a page. The
    self-evaluation loads them from assets/workbook-suggested.js (its island says "later"); the action plan's
    island carries them."""
    data = json.loads(soup("self-evaluation/index.html").find(id="wb-framework").string)
    assert data["suggested"] == "later"
    script = (site_dir / "assets" / "workbook-suggested.js").read_text(encoding="utf-8")
    later = json.loads(script.split("window.WorkbookSuggested = ", 1)[1].rstrip().rstrip(";"))
    plan = json.loads(soup("action-plan/index.html").find(id="wb-framework").string)
    cases = data["case_studies"]       # each case study once; the areas list their places in it
    for area, island, plan_area in zip(FW.areas, data["areas"], plan["areas"]):
        listed = {cases[n]["id"]: cases[n] for n in island["case_studies"]}
        for statement, entry, plan_entry in zip(area.statements, island["statements"], plan_area["statements"]):
            related = [p.case_study.id for p in FW.related.pairs_for_statement(statement)]
            assert "suggested" not in entry
            assert [x["id"] for x in later[statement.id]] == related == [x["id"] for x in plan_entry["suggested"]]
            for x in later[statement.id]:
                assert x["why"], statement.id
                # a page at its usual address carries no path (core.mjs gives it "case-studies/<id>/")
                assert listed[x["id"]]["title"] and listed[x["id"]].get("path", "case-studies/").startswith("case-studies/"), x["id"]
