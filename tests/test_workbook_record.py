"""data/workbook.yaml: the workbook's record (format, version, fields) declared once, checked like the framework,
and read by the Excel audit workbook, the self-evaluation form and the pages' data island.
tests/js/workbook.test.mjs shows the browser's code reading a field added to it with no other change."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

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
