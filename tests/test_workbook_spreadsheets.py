"""Back from a spreadsheet, in Chromium against the built site.

A school fills in the site's Excel audit workbook (here with openpyxl, as Excel would save it) or edits the
workbook's own CSV export; either imports on the self-evaluation, compare and trust pages through the same
all-or-nothing validation as a JSON export. The .xlsx reader is fetched only when an .xlsx is picked.
"""
from __future__ import annotations

import csv
import datetime
import io
import json
import re

import openpyxl
from playwright.sync_api import expect

from conftest import ROOT
from framework.load import load_framework

FW = load_framework(ROOT / "data" / "framework.yaml")
EF, SP, SE = (t.name for t in FW.tiers)
READER = "vendor/read-excel-file.min.js"
STORAGE_JS = "() => localStorage.getItem('inclusion-audit-workbook')"


def filled_workbook(site_dir, tmp_path, tiers: dict, name="filled.xlsx", evidence=None, next_steps=None):
    """The site's own audit workbook with tiers (by statement id) chosen from its drop-down, saved."""
    book = openpyxl.load_workbook(site_dir / "downloads" / "inclusion-audit-workbook.xlsx")
    audit = book["Audit"]
    head = [c.value for c in audit[1]]
    col = {name: head.index(name) + 1 for name in ("Statement id", "Evidence of current practice", "Tier", "Next steps")}
    for row in range(2, audit.max_row + 1):
        sid = audit.cell(row, col["Statement id"]).value
        if sid in tiers:
            audit.cell(row, col["Tier"]).value = tiers[sid]
        if evidence and sid in evidence:
            audit.cell(row, col["Evidence of current practice"]).value = evidence[sid]
        if next_steps and sid in next_steps:
            audit.cell(row, col["Next steps"]).value = next_steps[sid]
    path = tmp_path / name
    book.save(path)
    return path


def radio(page, s, tier_name):
    return page.get_by_role("group", name=f"{s.label} {s.text}", exact=True).get_by_role("radio", name=tier_name, exact=True)


def open_areas(page):
    """Open every area of the form, as a reader taps them (they stay open when the tab reloads)."""
    closed = page.locator("details.wb-area:not([open]) > summary")
    while closed.count():
        closed.first.click()


def test_a_filled_in_excel_workbook_imports_into_the_workbook(page, base_url, site_dir, tmp_path):
    s1, s2, s3 = FW.statements[0], FW.statements[7], FW.statements[-1]
    path = filled_workbook(site_dir, tmp_path, {s1.id: SE, s2.id: EF, s3.id: SP},
                           evidence={s2.id: "Provision map, autumn term\nPupil voice survey"},
                           next_steps={s2.id: "Train every TA in precision teaching"})
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(base_url + "self-evaluation/")
    expect(page.locator("#wb-summary table")).to_be_visible()
    assert not [u for u in fetched if READER in u], "the .xlsx reader was loaded before anyone picked an .xlsx"
    page.set_input_files("#wb-import", str(path))
    expect(page.get_by_role("status").filter(has_text="Imported")).to_contain_text("3 judgements restored")
    open_areas(page)
    for s, name in ((s1, SE), (s2, EF), (s3, SP)):
        expect(radio(page, s, name)).to_be_checked()
    expect(page.locator(f"#evidence-{s2.id}")).to_have_value("Provision map, autumn term\nPupil voice survey")
    saved = json.loads(page.evaluate(STORAGE_JS))
    assert saved["statements"][s2.id]["action"] == "Train every TA in precision teaching"
    assert [u for u in fetched if READER in u], "the .xlsx reader was not loaded from the site"


def test_a_spreadsheet_with_a_mistake_is_refused_whole(page, base_url, site_dir, tmp_path):
    good, bad = FW.statements[0], FW.statements[3]
    path = filled_workbook(site_dir, tmp_path, {good.id: SE, bad.id: "Excellent"}, name="mistake.xlsx")
    page.goto(base_url + "self-evaluation/")
    open_areas(page)
    radio(page, good, EF).check()
    before = page.evaluate(STORAGE_JS)
    page.set_input_files("#wb-import", str(path))
    error = page.get_by_role("alert").filter(has_text="mistake.xlsx")
    expect(error).to_contain_text("was not imported")
    expect(error).to_contain_text(f"({bad.id}): the tier “Excellent” is not one of")
    assert page.evaluate(STORAGE_JS) == before
    expect(radio(page, good, EF)).to_be_checked()


def test_the_csv_export_comes_back_in_edited_in_a_spreadsheet(page, base_url, tmp_path):
    s = FW.statements[5]
    page.goto(base_url + "self-evaluation/")
    open_areas(page)
    page.get_by_label("School or setting name (optional)").fill("Oak Tree Primary")
    radio(page, s, SP).check()
    page.locator(f"#evidence-{s.id}").fill("=SUM is not a formula here, \"quoted\", and\na second line")
    with page.expect_download() as info:
        page.get_by_role("button", name="Export for a spreadsheet (CSV)").click()
    path = tmp_path / "export.csv"
    info.value.save_as(path)
    # edited as a spreadsheet user would: one more judgement typed in (UK date format for the due date)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    other = FW.statements[10]
    row = next(r for r in rows if r["statement_id"] == other.id)
    row.update(tier=SE, priority="yes", due="31/03/2027")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text("\ufeff" + out.getvalue(), encoding="utf-8")

    page.evaluate("localStorage.clear()")
    page.reload()
    page.set_input_files("#wb-import", str(path))
    expect(page.get_by_role("status").filter(has_text="Imported")).to_contain_text("2 judgements restored")
    expect(radio(page, s, SP)).to_be_checked()
    expect(radio(page, other, SE)).to_be_checked()
    expect(page.locator(f"#evidence-{s.id}")).to_have_value("=SUM is not a formula here, \"quoted\", and\na second line")
    expect(page.get_by_label("School or setting name (optional)")).to_have_value("Oak Tree Primary")
    saved = json.loads(page.evaluate(STORAGE_JS))
    assert saved["statements"][other.id]["due"] == "2027-03-31" and saved["statements"][other.id]["priority"] is True


def test_compare_and_trust_overview_read_excel_workbooks(page, base_url, site_dir, tmp_path):
    s1, s2 = FW.statements[0], FW.statements[1]
    earlier = filled_workbook(site_dir, tmp_path, {s1.id: EF, s2.id: SP}, name="elm-2025.xlsx")
    later = filled_workbook(site_dir, tmp_path, {s1.id: SP, s2.id: SP}, name="elm-2026.xlsx")
    page.goto(base_url + "compare/")
    page.get_by_label(re.compile("^Earlier evaluation")).set_input_files(str(earlier))
    page.get_by_label(re.compile("^Later evaluation")).set_input_files(str(later))
    page.get_by_role("button", name="Compare", exact=True).click()
    expect(page.locator(f"tr[data-statement='{s1.id}'] td").last).to_contain_text("Moved up")
    expect(page.locator(f"tr[data-statement='{s2.id}'] td").last).to_contain_text("Stayed the same")

    page.goto(base_url + "trust-overview/")
    other = filled_workbook(site_dir, tmp_path, {s1.id: SE}, name="ash-2026.xlsx")
    page.get_by_label(re.compile("^Schools' exported self-evaluations")).set_input_files([str(later), str(other)])
    expect(page.locator("article").get_by_role("status")).to_contain_text("2 schools loaded")


def test_the_action_plan_shows_a_filled_in_excel_workbook_without_saving_it(page, base_url, site_dir, tmp_path):
    s = FW.statements[4]
    path = filled_workbook(site_dir, tmp_path, {s.id: EF}, name="oak.xlsx",
                           next_steps={s.id: "Audit the accessibility plan with governors"})
    page.goto(base_url + "action-plan/")
    page.get_by_label(re.compile("^Or show the plan from a file")).set_input_files(str(path))
    expect(page.locator(f"#plan-{s.id}")).to_contain_text("Audit the accessibility plan with governors")
    expect(page.locator("article").get_by_role("status")).to_contain_text("Showing the plan from “oak.xlsx”")
    assert page.evaluate(STORAGE_JS) is None, "opening a file on the action plan saved it"


# --- trust overview: the same school twice ----------------------------------------------------

FIXTURES = ROOT / "tests" / "fixtures"


def test_trust_overview_counts_the_same_school_once_unless_told_otherwise(page, base_url, tmp_path):
    copy = tmp_path / "birch-copy.json"               # one export saved twice under two names
    copy.write_text((FIXTURES / "birch-2026.json").read_text(encoding="utf-8"), encoding="utf-8")
    page.goto(base_url + "trust-overview/")
    page.get_by_label(re.compile("^Schools' exported self-evaluations")).set_input_files(
        [str(FIXTURES / n) for n in ("oak-2025.json", "oak-2026.json", "birch-2026.json")] + [str(copy)])
    status = page.locator("article").get_by_role("status")
    expect(status).to_contain_text("2 schools loaded. 2 files look like a school already loaded and are counted once")
    warning = page.locator(".trust-twins")
    expect(warning.get_by_role("heading")).to_have_text("Same school twice?")
    expect(warning).to_contain_text("“oak-2025.json” and “oak-2026.json” have the same school name (Oak Tree Primary)")
    expect(warning).to_contain_text("counted once, using “oak-2026.json” (12 March 2026)")
    expect(warning).to_contain_text("“birch-copy.json” and “birch-2026.json” hold the same judgements and evidence")
    grid = page.get_by_role("region", name="Schools by area").get_by_role("table")
    expect(grid.locator("tbody th[scope=row]")).to_have_text(["Oak Tree Primary, 12 March 2026", "Birch Academy, 2 February 2026"])
    expect(grid.locator("tfoot th")).to_have_text("All 2 schools")

    page.get_by_label("They are different schools: count every file").check()
    expect(grid.locator("tbody th[scope=row]")).to_have_count(4)
    expect(page.get_by_role("region", name="Schools by area").get_by_role("table").locator("tfoot th")).to_have_text("All 4 schools")
    expect(status).to_have_text("4 schools loaded.")


def test_school_date_priority_lead_and_by_when_come_back_from_the_excel_workbook(page, base_url, site_dir, tmp_path):
    """A school's Excel audit keeps who it is, when it was done, and who leads each priority by when."""
    s = FW.statements[2]
    book = openpyxl.load_workbook(site_dir / "downloads" / "inclusion-audit-workbook.xlsx")
    audit = book["Audit"]
    head = [c.value for c in audit[1]]
    col = {name: head.index(name) + 1 for name in
           ("Statement id", "Tier", "Next steps", "Priority", "Who leads it", "By when", "School", "Date")}
    row = next(r for r in range(2, audit.max_row + 1) if audit.cell(r, col["Statement id"]).value == s.id)
    audit.cell(2, col["School"]).value = "Rowan Primary"        # on the first row, as the sheet asks
    audit.cell(2, col["Date"]).value = datetime.date(2026, 3, 9)
    audit.cell(row, col["Tier"]).value = EF
    audit.cell(row, col["Next steps"]).value = "Map provision with class teachers"
    audit.cell(row, col["Priority"]).value = "yes"
    audit.cell(row, col["Who leads it"]).value = "SENCO"
    audit.cell(row, col["By when"]).value = datetime.date(2026, 7, 17)
    path = tmp_path / "rowan.xlsx"
    book.save(path)
    page.goto(base_url + "self-evaluation/")
    expect(page.locator("#wb-summary table")).to_be_visible()
    page.set_input_files("#wb-import", str(path))
    expect(page.get_by_role("status").filter(has_text="Imported")).to_contain_text("1 judgements restored")
    saved = json.loads(page.evaluate(STORAGE_JS))
    assert (saved["school"], saved["date"]) == ("Rowan Primary", "2026-03-09")
    entry = saved["statements"][s.id]
    assert (entry["priority"], entry["lead"], entry["due"]) == (True, "SENCO", "2026-07-17")
    assert entry["action"] == "Map provision with class teachers"
