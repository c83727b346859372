"""From judgement to action, in Chromium against the built and served site.

The workbook shows the next tier after a judgement; priorities and actions survive a reload and an export and
import; the action plan, compare and trust overview pages read the saved work or exported files in the browser.
Fixture exports are in tests/fixtures/ (oak-2025 -> oak-2026 is one school a year apart; cedar is version 1).
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from framework.load import load_framework

from conftest import ROOT
from page_checks import HEADINGS_JS, LABELS_JS, open_areas


FW = load_framework(ROOT / "data" / "framework.yaml")
FIXTURES = Path(__file__).parent / "fixtures"
EF, SP, SE = (t.name for t in FW.tiers)
PAGES = {"action-plan/": "Action plan", "compare/": "Compare with an earlier evaluation",
         "trust-overview/": "Trust overview"}


def statement(sid):
    return next(s for s in FW.statements if s.id == sid)


def descriptors(sid, tier_index):
    s = statement(sid)
    at, found = s.area.descriptors_for(s)[tier_index]
    assert at.tier.id == FW.tiers[tier_index].id
    return [d.text for d in found]


def fixture(name) -> str:
    return str(FIXTURES / name)


def norm(text: str) -> str:
    return " ".join(text.split())


def open_workbook(page, base_url):
    page.goto(base_url + "self-evaluation/")
    expect(page.locator("#wb-summary table")).to_be_visible()
    open_areas(page, by_hand=False)
    return page


def import_into_workbook(page, base_url, name):
    open_workbook(page, base_url)
    page.set_input_files("#wb-import", fixture(name))
    expect(page.locator("article").get_by_role("status").filter(has_text="Imported")).to_be_visible()


def tier_radio(page, s, name):
    group = page.get_by_role("group", name=f"{s.label} {s.text}", exact=True)
    return group.get_by_role("radio", name=name, exact=True)


def csv_rows(download, tmp_path) -> list[dict]:
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    return list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))


# --- the workbook: next step, priorities, actions --------------------------------------------------------------

def test_next_tier_text_and_case_studies_appear_after_a_judgement(page, base_url):
    s = statement("statement-2-3")
    open_workbook(page, base_url)
    box = page.locator(f"[data-next-for='{s.id}']")
    expect(box).to_be_empty()                              # not judged yet: no next step
    tier_radio(page, s, EF).check()
    expect(box.get_by_role("heading")).to_have_text(f"Next step: what {SP} looks like for statement {s.label}")
    for text in descriptors(s.id, 1):
        expect(box).to_contain_text(norm(text))
    # a compact next step: at most three case studies, each with why, the rest on request
    cases = box.get_by_role("group", name=re.compile("^Case studies that may help"))
    expect(cases.get_by_role("checkbox")).to_have_count(len(FW.related.pairs_for_statement(s)))   # the site's related ones
    expect(cases.locator(".wb-case__why").first).not_to_be_empty()
    listed = [*s.area.featured, *s.area.also]      # the framework's list for the area; the site's suggestions apart
    related = [p.case_study for p in FW.related.pairs_for_statement(s)]
    cases.get_by_role("button", name=f"Show all {len(listed)} case studies the framework lists for this area").click()
    expect(cases.get_by_role("checkbox")).to_have_count(len(set(listed) | set(related)))
    first = s.area.featured[0]
    link = cases.get_by_role("link", name=f"Read it: {first.title}", exact=True)
    expect(link).to_have_attribute("href", f"../case-studies/{first.id}/")
    tier_radio(page, s, SP).check()                        # one tier up (choosing folds nothing): the text follows
    for text in descriptors(s.id, 2):
        expect(box).to_contain_text(norm(text))
    tier_radio(page, s, SE).check()                        # the top tier has no next tier
    expect(box).to_contain_text(f"Judged at {SE}: keep it there")
    expect(box.get_by_role("checkbox")).to_have_count(0)


# statement 2.3's first suggested case study (ticked in these tests), and one it does not tick
# (its first suggestion, or the first case study its area lists when no case study speaks to it)
CHOSEN_2_3 = next((p.case_study for p in FW.related.pairs_for_statement(statement("statement-2-3"))),
                  statement("statement-2-3").area.featured[0])
UNCHOSEN_2_3 = next(c for c in statement("statement-2-3").area.featured if c is not CHOSEN_2_3)


def plan_statement_2_3(page):
    s = statement("statement-2-3")
    tier_radio(page, s, EF).check()
    page.get_by_label(f"Make statement {s.label} a priority for development").check()
    page.get_by_label(f"Action for statement {s.label}").fill("Governor training on the SEND Code of Practice")
    page.get_by_label(f"Who leads it (statement {s.label})").fill("Chair of governors")
    page.get_by_label(f"By when (statement {s.label})").fill("2026-10-01")
    box = page.locator(f"[data-next-for='{s.id}']")
    if not box.get_by_role("checkbox", name=CHOSEN_2_3.title).is_visible():
        box.get_by_role("button", name=re.compile("^Show all")).click()
    box.get_by_role("checkbox", name=CHOSEN_2_3.title).check()


def assert_statement_2_3_planned(page):
    s = statement("statement-2-3")
    expect(tier_radio(page, s, EF)).to_be_checked()
    expect(page.get_by_label(f"Make statement {s.label} a priority for development")).to_be_checked()
    expect(page.get_by_label(f"Action for statement {s.label}")).to_have_value(
        "Governor training on the SEND Code of Practice")
    expect(page.get_by_label(f"Who leads it (statement {s.label})")).to_have_value("Chair of governors")
    expect(page.get_by_label(f"By when (statement {s.label})")).to_have_value("2026-10-01")
    boxes = page.locator(f"[data-next-for='{s.id}']")
    expect(boxes.get_by_role("checkbox", name=CHOSEN_2_3.title)).to_be_checked()
    expect(boxes.locator(f"input[value='{UNCHOSEN_2_3.id}']")).not_to_be_checked()   # may sit behind "Show all"


def assert_action_plan_shows_2_3(page, base_url):
    s = statement("statement-2-3")
    page.goto(base_url + "action-plan/")
    item = page.locator(f"#plan-{s.id}")
    expect(page.get_by_role("heading", level=2, name=f"Area {s.area.number}: {s.area.name}")).to_be_visible()
    expect(item.get_by_role("heading", level=3)).to_have_text(f"Statement {s.label}")
    expect(item).to_contain_text(norm(s.text))
    expect(item.locator("dd").first).to_have_text(EF)
    expect(item).to_contain_text(f"What {SP} looks like")
    for text in descriptors(s.id, 1):
        expect(item).to_contain_text(norm(text))
    chosen = CHOSEN_2_3
    expect(item.get_by_role("link", name=chosen.title, exact=True)).to_have_attribute(
        "href", f"../case-studies/{chosen.id}/")
    expect(item.get_by_role("link", name=UNCHOSEN_2_3.title, exact=True)).to_have_count(0)
    expect(item).to_contain_text("Governor training on the SEND Code of Practice")
    expect(item).to_contain_text("Chair of governors")
    expect(item).to_contain_text("1 October 2026")


def test_priorities_and_actions_survive_reload_and_export_import(page, browser, base_url, tmp_path):
    open_workbook(page, base_url)
    page.get_by_label("School or setting name (optional)").fill("Rowan School")
    plan_statement_2_3(page)
    page.reload()
    assert_statement_2_3_planned(page)

    with page.expect_download() as info:
        page.get_by_role("button", name="Export (JSON file)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert re.fullmatch(r"self-evaluation-rowan-school-\d{4}-\d{2}-\d{2}\.json", path.name)

    context = browser.new_context()
    try:
        fresh = open_workbook(context.new_page(), base_url)
        fresh.set_input_files("#wb-import", str(path))
        expect(fresh.locator("article").get_by_role("status").filter(has_text="Imported")).to_be_visible()
        assert_statement_2_3_planned(fresh)
        expect(fresh.get_by_label("School or setting name (optional)")).to_have_value("Rowan School")
        # the export gave the evaluation a date (today), which came back with it
        expect(fresh.get_by_label("Date of this evaluation")).to_have_value(re.compile(r"^\d{4}-\d{2}-\d{2}$"))
        assert_action_plan_shows_2_3(fresh, base_url)
    finally:
        context.close()


def test_an_older_version_1_export_still_imports_everywhere(page, base_url):
    import_into_workbook(page, base_url, "cedar-primary-v1.json")
    expect(page.locator("article").get_by_role("status").filter(has_text="Imported")).to_contain_text("3 judgements restored")
    expect(tier_radio(page, statement("statement-1-3"), EF)).to_be_checked()
    expect(tier_radio(page, statement("statement-2-3"), SP)).to_be_checked()
    expect(page.get_by_label("Evidence of current practice for statement 2.3")).to_have_value(
        "Staff handbook has a SEND section")
    expect(page.get_by_label("School or setting name (optional)")).to_have_value("")
    # compare: the version 1 file against the same work saved in the browser: nothing moved
    page.goto(base_url + "compare/")
    page.set_input_files("#cmp-earlier", fixture("cedar-primary-v1.json"))
    page.get_by_role("button", name="Compare", exact=True).click()
    expect(page.locator(".cmp-counts")).to_contain_text("Stayed the same: 3 statements")
    # the action plan reads it (it has no priorities) and says what to do
    page.goto(base_url + "action-plan/")
    expect(page.locator("#ap-plan")).to_contain_text("No statement is marked as a priority yet")


# --- the action plan page ---------------------------------------------------------------------------------------

def test_action_plan_groups_priorities_by_area_prints_and_exports(page, base_url, tmp_path):
    import_into_workbook(page, base_url, "oak-2026.json")
    page.goto(base_url + "action-plan/")
    expect(page.locator("h1")).to_have_text("Action plan")
    expect(page.locator("#ap-plan")).to_contain_text("Oak Tree Primary: 2 priorities in 2 areas, "
                                                     "from the self-evaluation of 12 March 2026.")
    headings = page.locator("#ap-plan h2, #ap-plan h3")
    a1, a2 = FW.areas[0], FW.areas[1]
    expect(headings).to_have_text(["At a glance", f"Area 1: {a1.name}", "Statement 1.3",
                                   f"Area 2: {a2.name}", "Statement 2.3"])
    glance = page.get_by_role("region", name="Priorities at a glance").get_by_role("table")
    expect(glance.get_by_role("row")).to_have_count(3)
    expect(glance.get_by_role("row").nth(1)).to_contain_text("Termly attendance review by group")
    item = page.locator("#plan-statement-2-3")
    for cs_id in ("think-explore-thrive", "regulation-rooms"):
        cs = FW.case_study(cs_id)
        expect(item.get_by_role("link", name=cs.title, exact=True)).to_have_attribute(
            "href", f"../case-studies/{cs_id}/")
    expect(page.locator("#plan-statement-1-3")).to_contain_text("None chosen.")
    expect(page.get_by_role("note")).to_contain_text("Nothing leaves this browser.")

    with page.expect_download() as info:
        page.get_by_role("button", name="Export the plan for a spreadsheet (CSV)").click()
    rows = csv_rows(info.value, tmp_path)
    assert [r["statement_id"] for r in rows] == ["statement-1-3", "statement-2-3"]
    assert rows[1]["current_tier"] == SP and rows[1]["next_tier"] == SE
    assert norm(rows[1]["next_tier_descriptor"]) == norm(" ".join(descriptors("statement-2-3", 2)))
    assert rows[1]["case_studies"] == "Think, Explore, Thrive; Regulation Rooms Overview Plan"
    assert rows[1]["lead"] == "Ms Patel" and rows[1]["due"] == "2026-07-17"
    expect(page.locator("article").get_by_role("status")).to_contain_text("Exported action-plan-oak-tree-primary-2026-03-12.csv")

    page.emulate_media(media="print")
    for hidden in (page.locator(".md-header"), page.locator(".md-sidebar--primary"),
                   page.get_by_role("button", name="Print the plan"), page.locator(".ap-item__edit").first):
        expect(hidden).to_be_hidden()
    expect(item).to_be_visible()


def test_action_plan_with_nothing_saved_points_to_the_workbook(page, base_url):
    page.goto(base_url + "action-plan/")
    plan = page.locator("#ap-plan")
    expect(plan).to_contain_text("There is no self-evaluation saved in this browser yet.")
    expect(plan.get_by_role("link", name="self-evaluation workbook")).to_have_attribute("href", "../self-evaluation/")
    expect(page.get_by_role("button", name="Export the plan for a spreadsheet (CSV)")).to_be_hidden()


# --- compare ----------------------------------------------------------------------------------------------------

def run_compare(page, base_url, earlier, later=None):
    page.goto(base_url + "compare/")
    page.get_by_label(re.compile("^Earlier evaluation")).set_input_files(fixture(earlier))
    if later:
        page.get_by_label(re.compile("^Later evaluation")).set_input_files(fixture(later))
    page.get_by_role("button", name="Compare", exact=True).click()


def assert_oak_movement(page):
    counts = page.locator(".cmp-counts li")
    expect(counts).to_have_text(["▲ Moved up: 3 statements", "▼ Moved down: 1 statement",
                                 "= Stayed the same: 2 statements", "+ Newly judged: 1 statement",
                                 "− No longer judged: 1 statement",
                                 f"○ Not judged: {len(FW.statements) - 8} statements"])
    expect(page.locator("article").get_by_role("status")).to_contain_text(
        "moved up 3, moved down 1, stayed the same 2, newly judged 1, no longer judged 1")
    rows = page.get_by_role("region", name="Changes by statement").get_by_role("row")
    expect(rows).to_have_count(len(FW.statements) + 1)

    def row(sid):
        return page.locator(f"tr[data-statement='{sid}']")
    expect(row("statement-1-1").locator("td")).to_have_text([EF, SP, "▲ Moved up"])
    expect(row("statement-2-1").locator("td")).to_have_text([EF, SE, "▲ Moved up 2 tiers"])
    expect(row("statement-1-3").locator("td")).to_have_text([SP, EF, "▼ Moved down"])
    expect(row("statement-1-2").locator("td")).to_have_text([SP, SP, "= Stayed the same"])
    expect(row("statement-4-1").locator("td").last).to_have_text("− No longer judged")
    expect(row("statement-5-1").locator("td").last).to_have_text("+ Newly judged")     # apart from "not judged"
    expect(row("statement-8-1").locator("td").last).to_have_text("○ Not judged in either")
    # the symbols are decoration; the words carry the meaning
    expect(row("statement-1-1").locator(".move__symbol")).to_have_attribute("aria-hidden", "true")
    # per area: area 1 had one up (1.1), one down (1.3), one the same (1.2) and one not judged (1.4)
    area_row = page.get_by_role("region", name="Changes by area").get_by_role("row").nth(1)
    expect(area_row.get_by_role("rowheader")).to_have_text(f"1. {FW.areas[0].name}")
    expect(area_row.locator("td.wb-num")).to_have_text(["1", "1", "1", "0", "0", "1"])
    expect(area_row.get_by_role("img")).to_have_count(2)


def test_two_exports_compared_show_what_moved(page, base_url):
    run_compare(page, base_url, "oak-2025.json", "oak-2026.json")
    expect(page.locator("#cmp-result")).to_contain_text("Earlier: Oak Tree Primary, 10 March 2025")
    assert_oak_movement(page)


def test_an_export_compared_with_the_saved_workbook(page, base_url):
    import_into_workbook(page, base_url, "oak-2026.json")
    run_compare(page, base_url, "oak-2025.json")
    expect(page.locator("#cmp-result")).to_contain_text(
        "Later: the self-evaluation saved in this browser (Oak Tree Primary, 12 March 2026).")
    assert_oak_movement(page)


def test_compare_names_a_bad_file_and_shows_nothing(page, base_url):
    run_compare(page, base_url, "broken-export.json", "oak-2026.json")
    error = page.get_by_role("alert")
    expect(error).to_contain_text("“broken-export.json” was not imported")
    expect(error).to_contain_text("\"outstanding\", which does not exist")
    expect(page.locator("#cmp-result")).to_be_empty()


# --- trust overview ---------------------------------------------------------------------------------------------

def test_trust_overview_shows_three_schools_and_names_the_bad_file(page, base_url, tmp_path):
    page.goto(base_url + "trust-overview/")
    page.get_by_label(re.compile("^Schools' exported self-evaluations")).set_input_files(
        [fixture(n) for n in ("oak-2026.json", "broken-export.json", "birch-2026.json", "cedar-primary-v1.json")])
    expect(page.locator("article").get_by_role("status")).to_have_text(
        "3 schools loaded. 1 file was not loaded: see “Files not loaded”.")
    errors = page.locator(".trust-errors li")
    expect(errors).to_have_count(1)
    expect(errors).to_contain_text("“broken-export.json” was not imported")

    grid = page.get_by_role("region", name="Schools by area").get_by_role("table")
    expect(grid.locator("tbody th[scope=row]")).to_have_text(
        ["Oak Tree Primary, 12 March 2026", "Birch Academy, 2 February 2026", "cedar-primary-v1"])
    expect(grid.locator("thead th[scope=col]")).to_have_count(len(FW.areas) + 2)
    oak_area1 = grid.locator("tbody tr").first.get_by_role("img").first
    expect(oak_area1).to_have_attribute(
        "aria-label", f"Oak Tree Primary, 12 March 2026, {FW.areas[0].name}: "
                      f"{EF} 1, {SP} 2, {SE} 0, not yet judged 1")
    expect(grid.locator("tfoot th")).to_have_text("All 3 schools")

    low = page.get_by_role("region", name=f"Statements most often at {EF}").locator("tbody tr")
    expect(low.nth(0)).to_contain_text("1.3")
    expect(low.nth(0)).to_contain_text("3 of 3")
    expect(low.nth(1)).to_contain_text("5.1")
    expect(low.nth(2)).to_contain_text("1 of 3")
    shared = page.get_by_role("region", name="Priorities schools share").locator("tbody tr")
    expect(shared).to_have_count(2)
    expect(shared.nth(0)).to_contain_text("Oak Tree Primary, 12 March 2026; Birch Academy, 2 February 2026")

    with page.expect_download() as info:
        page.get_by_role("button", name="Export for a spreadsheet (CSV)").click()
    rows = csv_rows(info.value, tmp_path)
    assert len(rows) == 3 * len(FW.statements)
    assert {r["file"] for r in rows} == {"oak-2026.json", "birch-2026.json", "cedar-primary-v1.json"}
    birch = next(r for r in rows if r["school"] == "Birch Academy" and r["statement_id"] == "statement-1-3")
    assert birch["tier"] == EF and birch["priority"] == "yes" and birch["action"] == "Analyse exclusions by need"

    page.emulate_media(media="print")
    for hidden in (page.locator(".md-header"), page.get_by_role("button", name="Print the overview"),
                   page.locator("#trust-files")):
        expect(hidden).to_be_hidden()
    expect(grid).to_be_visible()


def test_trust_overview_with_only_bad_files_shows_the_reasons(page, base_url, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("minutes of the SEND governors' meeting", encoding="utf-8")
    page.goto(base_url + "trust-overview/")
    page.set_input_files("#trust-files", [str(notes), fixture("broken-export.json")])
    expect(page.locator("article").get_by_role("status")).to_have_text("0 schools loaded. 2 files were not loaded: see “Files not loaded”.")
    expect(page.locator(".trust-errors li")).to_have_count(2)
    expect(page.locator(".trust-errors li").first).to_contain_text("“notes.txt” is not a JSON file")
    expect(page.get_by_role("region", name="Schools by area")).to_have_count(0)


# --- every page: without JavaScript, labels, headings, tables ---------------------------------------------------

@pytest.mark.parametrize("path", PAGES)
def test_pages_without_javascript_say_they_need_it(browser, base_url, path):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + path)
        expect(page.locator("h1")).to_have_text(PAGES[path])
        note = page.locator("noscript .note")              # Playwright's text locators skip <noscript>
        expect(note).to_be_visible()
        expect(note).to_contain_text("needs JavaScript")
        expect(note.locator("a[href='../self-evaluation/']")).to_have_count(1)
        expect(page.get_by_role("note")).to_contain_text("Nothing leaves this browser.")
        for part in page.locator(".js-only").all():       # every part that needs JavaScript
            expect(part).to_be_hidden()
    finally:
        context.close()





def load_everything(page, base_url, path):
    """Each page with data in it, so the drawn parts are checked too."""
    if path == "action-plan/":
        import_into_workbook(page, base_url, "oak-2026.json")
        page.goto(base_url + path)
    elif path == "compare/":
        run_compare(page, base_url, "oak-2025.json", "oak-2026.json")
        expect(page.locator(".cmp-counts")).to_be_visible()
    else:
        page.goto(base_url + path)
        page.set_input_files("#trust-files", [fixture("oak-2026.json"), fixture("birch-2026.json")])
        expect(page.locator("article").get_by_role("status")).to_contain_text("2 schools loaded")


@pytest.mark.parametrize("path", PAGES)
def test_pages_label_every_control_order_headings_and_scope_table_headers(page, base_url, path):
    load_everything(page, base_url, path)
    assert page.evaluate(LABELS_JS) == []
    levels = page.evaluate(HEADINGS_JS)
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    assert page.locator("article table").count() > 0
    assert page.locator("article th:not([scope])").count() == 0
    expect(page.locator("article [role=status]")).to_have_count(1)
    # pages carry the framework from the model, not typed by hand
    assert page.evaluate("JSON.parse(document.getElementById('wb-framework').textContent).areas.length") == len(FW.areas)


@pytest.mark.parametrize("name", ["action-plan.md", "compare.md", "trust-overview.md", "self-evaluation.md"])
def test_page_sources_do_not_type_framework_content(name):
    source = (ROOT / "docs" / name).read_text(encoding="utf-8")
    for words in [t.name for t in FW.tiers] + [a.name for a in FW.areas] + [s.text[:40] for s in FW.statements]:
        assert words not in source, f"docs/{name} types {words!r}: take it from the model"
