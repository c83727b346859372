"""data/workbook.yaml: the workbook's record (format, version, fields) declared once, checked like the framework,
and read by the Excel audit workbook, the self-evaluation form and the pages' data island.
A field added to it, with no other edit, is a column of the Excel workbook, a box of the self-evaluation, a column
of the action plan and of its CSV export (a site built from such a copy, in Chromium); tests/js/workbook.test.mjs
shows the core's merging, checks and CSV round trip reading such a field as they read the others."""
from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import re
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook
from playwright.sync_api import expect

from conftest import QuietHandler, build_site, copy_project
from rendering.pages import workbook_json

from outputs import downloads
from framework.load import load_framework
from framework.parse import FrameworkError
from framework.workbook_record import load_record

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "data" / "workbook.yaml"


@pytest.fixture(scope="module")
def fw():
    return load_framework(ROOT / "data" / "framework.yaml")


def broken(tmp_path, old: str, new: str) -> Path:
    text = RECORD.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "workbook.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    """The last line that begins with text (after its indent): the one the mistake put there."""
    return [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if line.lstrip(" -").startswith(text)][-1]


@pytest.mark.parametrize("old, new, found, message", [
    ("    limit: 5000", "    limit: lots", "limit: lots", "whole number"),
    ("    kind: date\n    label: By when", "    kind: when\n    label: By when", "kind: when", "must be one of"),
    ("  - id: lead\n", "  - id: lead\n    colour: red\n", "colour: red", "unknown key `colour`"),
    ("  - id: lead\n", "  - id: evidence\n", "id: evidence", "a second field with this id"),
    ("    limit: 200\n  - id: due", "  - id: due", "id: lead", "needs a `limit`"),
    ("version: 2 ", "version: 3 ", "version: 3", "not in reads_versions"),
    ("excel: [evidence, tier,", "excel: [evidence, teir,", "excel:", "`teir` is not a field"),
    ("excel: [evidence, tier,", "excel: [evidence,", "excel:", "list it"),
    ("plan: [action, lead, due]", "plan: [action, lead, tier]", "plan:", "`tier` is a field of kind tier"),
    ("plan: [action, lead, due]", "plan: [action, lead, lead]", "plan:", "`lead` is listed twice"),
    ("plan: [action, lead, due]", "plan: []", "plan:", "list at least one item"),
    ("format: inclusion-audit-self-evaluation", "format: Inclusion Audit", "format:", "format"),
    ("  - id: priority\n    kind: yes-no", "  - id: priority\n    kind: text\n    limit: 3", "statement:", "needs a field `priority`"),
])
def test_a_mistake_in_the_record_stops_the_build_naming_its_line(tmp_path, old, new, found, message):
    path = broken(tmp_path, old, new)
    with pytest.raises(FrameworkError) as error:
        load_record(path)
    text = str(error.value)
    assert re.search(rf"workbook\.yaml:{line_of(path, found)}: .*{re.escape(message)}", text), text


def test_the_excel_audit_sheet_has_the_records_columns_and_labels(fw):
    record = fw.workbook
    audit = load_workbook(io.BytesIO(downloads.audit_workbook(fw)))["Audit"]
    head = [c.value for c in audit[1]]
    assert head[4:] == [record.field(i).label for i in record.excel] + [f.label for f in record.evaluation]
    tier = head.index(record.field("tier").label) + 1
    assert any(str(v.sqref).startswith(f"{audit.cell(2, tier).column_letter}2:")
               for v in audit.data_validations.dataValidation)


def test_a_field_added_to_the_record_is_a_column_of_the_excel_workbook(tmp_path, fw):
    path = broken(tmp_path, "excel: [evidence, tier, action, priority, lead, due]",
                  "excel: [evidence, tier, action, priority, lead, support, due]")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  - id: due\n", "  - id: support\n    kind: text\n    label: Support from the local authority\n    limit: 300\n"
        "  - id: due\n", 1), encoding="utf-8")
    fw.workbook, kept = load_record(path), fw.workbook
    try:
        head = [c.value for c in load_workbook(io.BytesIO(downloads.audit_workbook(fw)))["Audit"][1]]
    finally:
        fw.workbook = kept
    assert head.index("Support from the local authority") == head.index("Who leads it") + 1


def test_the_pages_carry_the_record_and_the_form_its_limits(soup, fw):
    record = fw.workbook
    for rel in ("self-evaluation/index.html", "action-plan/index.html", "compare/index.html", "trust-overview/index.html"):
        island = json.loads(soup(rel).find("script", id="wb-framework").string)
        assert island["record"] == record.for_browser(), rel
    page = soup("self-evaluation/index.html")
    assert page.find("input", id="wb-school")["maxlength"] == str(record.field("school").limit)
    assert {t["maxlength"] for t in page.select("textarea[id^=evidence-]")} == {str(record.field("evidence").limit)}


def test_the_island_carries_a_field_added_to_the_record(tmp_path, fw):
    path = broken(tmp_path, "  - id: due\n", "  - id: support\n    kind: text\n    label: Support from the local "
                  "authority\n    limit: 300\n  - id: due\n")
    fw.workbook, kept = load_record(path), fw.workbook
    try:
        island = json.loads(workbook_json(fw))
    finally:
        fw.workbook = kept
    support = next(f for f in island["record"]["statement"] if f["id"] == "support")
    assert support == {"id": "support", "kind": "text", "label": "Support from the local authority", "limit": 300}


def test_the_summary_counts_the_tier_column_wherever_the_record_puts_it(tmp_path, fw):
    path = broken(tmp_path, "excel: [evidence, tier, action, priority, lead, due]",
                  "excel: [evidence, action, priority, lead, due, tier]")
    fw.workbook, kept = load_record(path), fw.workbook
    try:
        book = load_workbook(io.BytesIO(downloads.audit_workbook(fw)))
    finally:
        fw.workbook = kept
    tier = [c.value for c in book["Audit"][1]].index(fw.workbook.field("tier").label) + 1
    letter = book["Audit"].cell(1, tier).column_letter
    assert f"Audit!${letter}$2:" in book["Summary"]["B2"].value


def test_a_mistake_in_the_record_stops_the_publishing_build_with_its_line(tmp_path):
    project = copy_project(tmp_path)
    path = project / "data" / "workbook.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    limit: 5000", "    limit: -5", 1), encoding="utf-8")
    out = tmp_path / "out"
    result = build_site(project, out)
    told = result.stdout + result.stderr
    assert result.returncode != 0 and not out.exists()
    assert re.search(rf"data/workbook\.yaml:{line_of(path, 'limit: -5')}: .*limit", told), told
    assert "Traceback" not in told


SUPPORT = ("  - id: support\n    kind: text\n    label: Support from the local authority\n    short: LA support\n"
           "    limit: 300\n")


@pytest.fixture(scope="module")
def support_site(tmp_path_factory):
    """The site built from a copy whose record has one more field, `support`, in the plan and the Excel workbook:
    data/workbook.yaml is the only file edited. Served on localhost."""
    root = tmp_path_factory.mktemp("support")
    project = copy_project(root)
    path = project / "data" / "workbook.yaml"
    text = path.read_text(encoding="utf-8").replace("  - id: due\n", SUPPORT + "  - id: due\n", 1)
    text = text.replace("plan: [action, lead, due]", "plan: [action, lead, support, due]", 1)
    text = text.replace("excel: [evidence, tier, action, priority, lead, due]",
                        "excel: [evidence, tier, action, priority, lead, support, due]", 1)
    assert text.count("support") == 4
    path.write_text(text, encoding="utf-8")
    out = root / "out"
    result = build_site(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield out, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_a_field_added_to_the_record_reaches_the_excel_workbook_and_the_island(support_site):
    out, _ = support_site
    head = [c.value for c in load_workbook(out / "downloads" / "inclusion-audit-workbook.xlsx")["Audit"][1]]
    assert head.index("Support from the local authority") == head.index("Who leads it") + 1
    page = BeautifulSoup((out / "action-plan" / "index.html").read_text(encoding="utf-8"), "html.parser")
    record = json.loads(page.find("script", id="wb-framework").string)["record"]
    assert "support" in record["plan"] and any(f["id"] == "support" for f in record["statement"])


def test_a_field_added_to_the_plan_is_a_box_a_column_and_an_export_column(support_site, page, fw):
    _, base = support_site
    s = fw.areas[0].statements[0]
    page.goto(base + "self-evaluation/")
    expect(page.locator("#wb-summary table")).to_be_visible()
    page.locator(f"#eval-{s.id}").locator("xpath=ancestor::details[1]/summary").click()
    page.get_by_label(f"Make statement {s.label} a priority for development").check()
    box = page.get_by_label(f"Support from the local authority (statement {s.label})")
    expect(box).to_have_attribute("maxlength", "300")
    box.fill("Two visits from the advisory teacher")
    page.reload()
    expect(page.get_by_label(f"Support from the local authority (statement {s.label})")).to_have_value(
        "Two visits from the advisory teacher")
    page.goto(base + "action-plan/")
    glance = page.locator(".ap-glance table")
    expect(glance.locator("thead th")).to_contain_text(["Statement", "Now", "Action", "Who leads", "LA support", "By when"])
    expect(glance.locator("tbody tr").first).to_contain_text("Two visits from the advisory teacher")
    with page.expect_download() as info:
        page.locator("#ap-export-csv").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0]["support"] == "Two visits from the advisory teacher"
