"""The self-evaluation workbook in Chromium, against the built and served site.

Choices, evidence and actions are kept in localStorage, survive a reload, go out in an export and come back in
an import; a bad file changes nothing; clearing asks first; the page prints cleanly and works without JavaScript.
"""
from __future__ import annotations

import re

import json

import pytest
from playwright.sync_api import expect

from framework.load import load_framework

from conftest import ROOT
from page_checks import LABELS_JS, open_areas

FW = load_framework(ROOT / "data" / "framework.yaml")
# a statement of area 2 that the site relates case studies to (its next step offers them)
STATEMENT = next(s for s in FW.areas[1].statements if FW.related.for_statement(s))
AREA = STATEMENT.area
TIER_NAMES = [t.name for t in FW.tiers]

# The workbook's part of localStorage (Material keeps its palette there too), to prove that a failed
# import or a dismissed clear changed nothing.
STORAGE_JS = """() => { const out = {};
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i); if (k.startsWith('inclusion-audit')) out[k] = localStorage.getItem(k); }
  return out; }"""


def open_workbook(page, base_url):
    page.goto(base_url + "self-evaluation/")
    expect(page.locator("#wb-summary table")).to_be_visible()   # self-evaluation.mjs has run
    open_areas(page, by_hand=False)
    return page


def tiers_of(page, statement):
    """The statement's radio group: a fieldset whose legend is the statement."""
    return page.get_by_role("group", name=f"{statement.label} {statement.text}", exact=True)


def choose(page, statement, tier_name):
    tiers_of(page, statement).get_by_role("radio", name=tier_name, exact=True).check()


def storage(page) -> dict:
    return page.evaluate(STORAGE_JS)


def judgements(saved: str) -> dict:
    """statement id -> tier of a saved workbook (its JSON text), leaving out edit times and empty entries."""
    return {k: v["tier"] for k, v in json.loads(saved)["statements"].items() if v.get("tier")}


def fill_some_work(page):
    """Judge three statements, write evidence, name the school, mark a priority with its action."""
    page.get_by_label("School or setting name (optional)").fill("Oak Tree Primary")
    page.get_by_label("Date of this evaluation").fill("2026-03-14")
    choose(page, FW.statements[0], TIER_NAMES[2])
    choose(page, STATEMENT, TIER_NAMES[0])
    choose(page, FW.statements[-1], TIER_NAMES[1])
    page.get_by_label(f"Evidence of current practice for statement {STATEMENT.label}").fill("Pupil voice survey, 2026")
    page.get_by_label(f"Make statement {STATEMENT.label} a priority for development").check()
    page.get_by_label(f"Action for statement {STATEMENT.label}").fill("Train every TA in precision teaching")
    page.get_by_label(f"Who leads it (statement {STATEMENT.label})").fill("SENCo")
    page.get_by_label(f"By when (statement {STATEMENT.label})").fill("2026-07-20")


def assert_some_work(page):
    expect(page.get_by_label("School or setting name (optional)")).to_have_value("Oak Tree Primary")
    expect(page.get_by_label("Date of this evaluation")).to_have_value("2026-03-14")
    expect(tiers_of(page, FW.statements[0]).get_by_role("radio", name=TIER_NAMES[2], exact=True)).to_be_checked()
    expect(tiers_of(page, STATEMENT).get_by_role("radio", name=TIER_NAMES[0], exact=True)).to_be_checked()
    expect(tiers_of(page, FW.statements[-1]).get_by_role("radio", name=TIER_NAMES[1], exact=True)).to_be_checked()
    expect(tiers_of(page, FW.statements[1]).get_by_role("radio", name="Not yet judged")).to_be_checked()
    expect(page.get_by_label(f"Evidence of current practice for statement {STATEMENT.label}")).to_have_value(
        "Pupil voice survey, 2026")
    expect(page.get_by_label(f"Make statement {STATEMENT.label} a priority for development")).to_be_checked()
    expect(page.get_by_label(f"Action for statement {STATEMENT.label}")).to_have_value(
        "Train every TA in precision teaching")
    expect(page.get_by_label(f"Who leads it (statement {STATEMENT.label})")).to_have_value("SENCo")
    expect(page.get_by_label(f"By when (statement {STATEMENT.label})")).to_have_value("2026-07-20")


def test_tier_choice_is_kept_after_reload(page, base_url):
    open_workbook(page, base_url)
    choose(page, STATEMENT, TIER_NAMES[1])
    choose(page, FW.statements[0], TIER_NAMES[2])
    page.reload()
    expect(tiers_of(page, STATEMENT).get_by_role("radio", name=TIER_NAMES[1], exact=True)).to_be_checked()
    expect(tiers_of(page, FW.statements[0]).get_by_role("radio", name=TIER_NAMES[2], exact=True)).to_be_checked()
    expect(tiers_of(page, FW.statements[1]).get_by_role("radio", name="Not yet judged")).to_be_checked()
    saved = json.loads(storage(page)["inclusion-audit-workbook"])
    assert saved["statements"][STATEMENT.id]["tier"] == FW.tiers[1].id


def test_evidence_is_kept_after_reload(page, base_url):
    open_workbook(page, base_url)
    box = page.get_by_label(f"Evidence of current practice for statement {STATEMENT.label}")
    box.fill("Provision map reviewed termly\nParent forum minutes")
    page.reload()
    expect(box).to_have_value("Provision map reviewed termly\nParent forum minutes")


def test_export_then_import_into_a_fresh_browser_restores_everything(page, browser, base_url, tmp_path):
    open_workbook(page, base_url)
    fill_some_work(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Export (JSON file)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name == "self-evaluation-oak-tree-primary-2026-03-14.json"
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported["format"] == "inclusion-audit-self-evaluation" and exported["version"] == 2
    assert exported["school"] == "Oak Tree Primary" and exported["date"] == "2026-03-14"
    assert exported["statements"][STATEMENT.id]["priority"] is True

    context = browser.new_context()                     # a new context has empty storage
    try:
        fresh = open_workbook(context.new_page(), base_url)
        assert storage(fresh) == {}
        fresh.set_input_files("#wb-import", str(path))
        expect(fresh.get_by_role("status").filter(has_text="Imported")).to_contain_text("3 judgements restored")
        assert_some_work(fresh)
        fresh.reload()                                   # and the import was saved
        assert_some_work(fresh)
    finally:
        context.close()


def test_csv_export_has_a_row_per_statement(page, base_url, tmp_path):
    open_workbook(page, base_url)
    fill_some_work(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Export for a spreadsheet (CSV)").click()
    path = tmp_path / "export.csv"
    info.value.save_as(path)
    import csv
    rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == len(FW.statements)
    row = next(r for r in rows if r["statement_id"] == STATEMENT.id)
    assert row["tier"] == TIER_NAMES[0] and row["school"] == "Oak Tree Primary" and row["priority"] == "yes"
    assert row["action"] == "Train every TA in precision teaching"


def export_with(**changes) -> str:
    data = {"format": "inclusion-audit-self-evaluation", "version": 2, "school": "Elm", "date": "2026-01-01",
            "statements": {FW.statements[0].id: {"tier": FW.tiers[0].id, "evidence": ""}}}
    data.update(changes)
    return json.dumps(data)


# Each way a file can be wrong is refused by the core's validation: tests/js/workbook.test.mjs checks every one
# (wrong format or version, unknown ids and tiers, damaged fields, too big). Here, what the page does then.
BAD_FILES = {
    "not-json": ("notes.json", "this is not JSON {", "is not a JSON file"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_bad_file_is_refused_and_changes_nothing(page, base_url, tmp_path, case):
    name, content, reason = BAD_FILES[case]
    open_workbook(page, base_url)
    choose(page, STATEMENT, TIER_NAMES[1])
    page.get_by_label(f"Evidence of current practice for statement {STATEMENT.label}").fill("Kept")
    page.wait_for_function("() => (localStorage.getItem('inclusion-audit-workbook') || '').includes('Kept')")   # saved after a pause
    before = storage(page)
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    page.set_input_files("#wb-import", str(path))
    error = page.get_by_role("alert").filter(has_text=name)
    expect(error).to_be_visible()
    expect(error).to_contain_text(reason)
    expect(error).to_contain_text("Your saved work has not been changed.")
    assert storage(page) == before
    expect(tiers_of(page, STATEMENT).get_by_role("radio", name=TIER_NAMES[1], exact=True)).to_be_checked()
    expect(page.get_by_label(f"Evidence of current practice for statement {STATEMENT.label}")).to_have_value("Kept")


def test_import_can_be_undone(page, base_url, tmp_path):
    open_workbook(page, base_url)
    choose(page, STATEMENT, TIER_NAMES[1])
    before = storage(page)["inclusion-audit-workbook"]
    path = tmp_path / "other.json"
    path.write_text(export_with(), encoding="utf-8")
    page.set_input_files("#wb-import", str(path))
    expect(tiers_of(page, STATEMENT).get_by_role("radio", name="Not yet judged")).to_be_checked()
    page.get_by_role("button", name="Undo import").click()
    expect(tiers_of(page, STATEMENT).get_by_role("radio", name=TIER_NAMES[1], exact=True)).to_be_checked()
    # the same work is back (stamped as written again, so other open tabs take it in) and the backup is gone
    after = storage(page)
    assert list(after) == ["inclusion-audit-workbook"]
    assert judgements(after["inclusion-audit-workbook"]) == judgements(before)
    expect(page.get_by_role("button", name="Undo import")).to_have_count(0)


def test_clear_all_asks_first(page, base_url):
    open_workbook(page, base_url)
    choose(page, STATEMENT, TIER_NAMES[2])
    before = storage(page)
    questions = []

    def dismiss(dialog):
        questions.append(dialog.message)
        dialog.dismiss()
    page.once("dialog", dismiss)
    page.get_by_role("button", name="Clear all…").click()
    expect(page.get_by_role("status").filter(has_text="Nothing was cleared.")).to_be_visible()
    assert questions and "cannot be undone" in questions[0]
    assert storage(page) == before
    expect(tiers_of(page, STATEMENT).get_by_role("radio", name=TIER_NAMES[2], exact=True)).to_be_checked()

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all…").click()
    expect(page.get_by_role("status").filter(has_text="Cleared.")).to_be_visible()
    expect(tiers_of(page, STATEMENT).get_by_role("radio", name="Not yet judged")).to_be_checked()
    # the cleared workbook is written, not just removed, so that other open tabs clear too
    assert judgements(storage(page)["inclusion-audit-workbook"]) == {}
    page.reload()
    expect(tiers_of(page, STATEMENT).get_by_role("radio", name="Not yet judged")).to_be_checked()


def test_print_hides_navigation_header_and_buttons(page, base_url):
    open_workbook(page, base_url)
    screen_only = [page.locator(".md-header"), page.locator(".md-sidebar--primary"),
                   page.get_by_role("button", name="Export (JSON file)"),
                   page.get_by_role("button", name="Print report"), page.get_by_role("button", name="Clear all…"),
                   page.locator(".wb-file-button")]
    for node in screen_only:
        expect(node).to_be_visible()
    page.emulate_media(media="print")
    for node in screen_only:
        expect(node).to_be_hidden()
    # the page prints the report drawn from the saved work, not the form
    expect(page.get_by_role("heading", name="Self-evaluation report")).to_be_visible()
    expect(page.locator(".wb-report__summary")).to_be_visible()
    expect(tiers_of(page, STATEMENT)).to_be_hidden()


def test_summary_counts_each_area_with_a_bar(page, base_url):
    open_workbook(page, base_url)
    rows = page.locator("#wb-summary tbody tr")
    expect(rows).to_have_count(len(FW.areas))
    choose(page, AREA.statements[0], TIER_NAMES[0])
    choose(page, AREA.statements[1], TIER_NAMES[0])
    choose(page, AREA.statements[2], TIER_NAMES[2])
    row = rows.filter(has=page.get_by_role("rowheader", name=AREA.name))
    rest = len(AREA.statements) - 3
    expect(row).to_contain_text(f"{TIER_NAMES[0]} 2, {TIER_NAMES[1]} 0, {TIER_NAMES[2]} 1, not yet judged {rest}")
    bar = row.get_by_role("img")
    expect(bar).to_have_attribute("aria-label", f"{AREA.name}: {TIER_NAMES[0]} 2, {TIER_NAMES[1]} 0, "
                                                f"{TIER_NAMES[2]} 1, not yet judged {rest}")
    ef = bar.locator(".tier-bar__part--establishing-foundations")
    se = bar.locator(".tier-bar__part--sustaining-excellence")
    expect(ef).to_have_text("2")
    assert ef.bounding_box()["width"] > se.bounding_box()["width"] > 0   # the bar is drawn to scale
    expect(page.locator("#wb-summary")).to_contain_text(f"All {len(FW.statements)} statements: {TIER_NAMES[0]} 2,")


def test_without_javascript_every_statement_and_descriptor_is_there(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "self-evaluation/")
        # (Playwright's text locators skip <noscript>, so find the note by CSS)
        note = page.locator("noscript .note")
        expect(note).to_be_visible()
        expect(note).to_contain_text("The interactive parts of this page need JavaScript.")
        expect(page.locator(".wb-tools")).to_be_hidden()
        expect(page.locator("fieldset.wb-tiers")).to_have_count(len(FW.statements))
        open_areas(page)                # the areas open and close without JavaScript too
        for area in FW.areas:
            for s in area.statements:
                group = tiers_of(page, s)
                expect(group).to_have_count(1)
                for name in TIER_NAMES:        # named by its whole label, tier then descriptor (self-evaluation.mjs shortens it)
                    expect(group.get_by_role("radio", name=re.compile("^" + re.escape(name)))).to_be_enabled()
                section = page.locator(f"#eval-{s.id}")
                for at, descriptors in area.descriptors_for(s):
                    box = section.locator(f".wb-descriptor[data-tier='{at.tier.id}']")
                    for d in descriptors:
                        assert " ".join(d.text.split()) in " ".join(box.text_content().split())
    finally:
        context.close()




def test_every_control_has_a_label_and_radio_groups_are_fieldsets(page, base_url):
    open_workbook(page, base_url)
    choose(page, STATEMENT, TIER_NAMES[0])              # draws the next step, with its case-study boxes
    page.get_by_label(f"Make statement {STATEMENT.label} a priority for development").check()
    expect(page.locator(f"[data-next-for='{STATEMENT.id}'] input[type=checkbox]").first).to_be_visible()
    assert page.evaluate(LABELS_JS) == []
    orphans = page.evaluate("""() => Array.from(document.querySelectorAll('article input[type=radio]'))
        .filter(r => { const f = r.closest('fieldset'); const l = f && f.querySelector(':scope > legend');
                       return !l || !l.textContent.trim(); }).length""")
    assert orphans == 0
    for s in FW.statements:
        expect(tiers_of(page, s).locator("input[type=radio]")).to_have_count(len(FW.tiers) + 1)
