"""The site's downloads never carry a live formula (OWASP CSV injection): a text from the YAML that begins with
= + - @ (or a tab or line break) gets a leading apostrophe in statements.csv and case-studies.csv, and is a text
cell in the Excel workbook. Built in-process from a hostile copy of the YAML."""
from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from hostile import dump, plain_tree, project, with_payload
from outputs import downloads
from framework.load import load_framework

FORMULAS = ["=HYPERLINK(\"https://evil.example\",\"x\")", "+1+1 statement", "-2+3 statement", "@SUM(1,1) statement"]


@pytest.fixture(scope="module")
def fw(tmp_path_factory):
    tree = plain_tree()
    for i, text in enumerate(FORMULAS):
        tree = with_payload(tree, ("areas", 0, "statements", i, "text"), text)
    tree = with_payload(tree, ("case_studies", 0, "title"), FORMULAS[0])
    tree = with_payload(tree, ("case_studies", 0, "overview"), FORMULAS[3])
    tree = with_payload(tree, ("areas", 0, "name"), "=1+2")
    tree = with_payload(tree, ("tiers", 0, "name"), "Foundations\",\"x")     # a quote inside a formula string
    path = project(tmp_path_factory.mktemp("exports"))
    path.write_text(dump(tree), encoding="utf-8")
    return load_framework(path, path.parent / "knowledge", require_published=True)


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]


@pytest.mark.parametrize("name", ["statements_csv", "case_studies_csv"])
def test_csv_cells_that_could_be_formulas_start_with_an_apostrophe(fw, name):
    cells = _cells(getattr(downloads, name)(fw))
    live = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r", "\n")]
    assert live == []
    guarded = [c for c in cells if c.startswith("'")]
    assert any(c == "'" + FORMULAS[0] for c in guarded)


def test_the_excel_workbook_has_no_formula_from_the_data(fw):
    wb = openpyxl.load_workbook(io.BytesIO(downloads.audit_workbook(fw)))
    texts = {t for s in fw.statements for t in [s.text]} | {c.title for c in fw.case_studies} | {a.name for a in fw.areas}
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    # the Summary's own counting formulas: they refer to cells, never quote a text from the data
                    assert sheet.title == "Summary", (sheet.title, cell.coordinate, cell.value)
                    assert not any(t in cell.value for t in texts | {fw.tiers[0].name}), cell.value
    audit = wb["Audit"]
    column = [c.value for c in audit["D"]]
    assert FORMULAS[0] in column                 # the text itself, as a text cell
    assert [c.data_type for c in audit["D"] if c.value == FORMULAS[0]] == ["s"]
