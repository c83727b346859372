"""The files people download, written at build time from the model: JSON, CSV, Excel, template.

Every file carries the edition so a copy on someone's laptop says which framework it is.
"""
from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from . import open_data
from framework.model import TIER_IDS, Framework
from .open_data import descriptor_text as _descriptor_text

HERE = Path(__file__).parent


# A cell a spreadsheet would read as a formula (OWASP, CSV injection): = + - @, or a tab, carriage return or line
# feed before one. It gets a leading apostrophe, which spreadsheets show as text and the workbook's import strips.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else value


def _csv(rows: list[list]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([[csv_cell(v) for v in row] for row in rows])
    return "\ufeff" + out.getvalue()   # BOM: Excel then reads the file as UTF-8


def statements_csv(fw: Framework) -> str:
    names = [t.name for t in fw.tiers]
    rows = [["edition", "area_number", "area", "statement_id", "statement", "text", *names]]
    for a in fw.areas:
        for s in a.statements:
            rows.append([fw.edition.id, a.number, a.name, s.id, s.label, s.text,
                         *[_descriptor_text(a, s, t) for t in TIER_IDS]])
    return _csv(rows)


def case_studies_csv(fw: Framework) -> str:
    rows = [["edition", "case_study_id", "title", "overview", "artefacts", "themes", "featured_in", "also_linked_from"]]
    for c in fw.case_studies:
        rows.append([fw.edition.id, c.id, c.title, c.overview, "; ".join(x.name for x in c.artefacts),
                     "; ".join(t.name for t in c.themes), "; ".join(a.id for a in c.featured_in),
                     "; ".join(a.id for a in c.linked_from)])
    return _csv(rows)


def _listed(names: list[str]) -> str:
    """"A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def audit_workbook(fw: Framework) -> bytes:
    """An Excel audit workbook: one row per statement, a tier drop-down, a summary with formulas."""
    wb = Workbook()
    wb.properties.title = f"{fw.title}: audit workbook"
    wb.properties.creator = "Inclusion Audit Framework site"
    stamp = datetime.datetime.combine(fw.edition.date, datetime.time())
    wb.properties.created = wb.properties.modified = stamp   # dated by the edition, not by the build
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    head_fill = PatternFill("solid", fgColor="DDE7F0")
    tier_names = [t.name for t in fw.tiers]
    n = len(fw.statements)

    about = wb.active
    about.title = "About"
    about_rows = [
        [fw.title], ["Self-evaluation audit workbook"], [f"Edition {fw.edition.id} ({fw.edition.date.isoformat()})"], [],
        ["How to use it"],
        ["1. On the Audit sheet, for each practice statement, list the activity in your setting (Evidence)."],
        ["2. Read the tier descriptors on the Descriptors sheet and choose a tier from the drop-down."],
        ["3. The Summary sheet counts your judgements per area and tier."],
        [f"4. For a priority, choose yes under {fw.workbook.field('priority').label} and fill in "
         f"{_listed([fw.workbook.field(i).label for i in fw.workbook.plan])}."],
        ["5. Put your school's name and the date on the first statement's row (School, Date)."],
        ["The website's self-evaluation, action plan, compare and trust pages can import this file once filled in."],
        ["Statement ids (e.g. statement-2-3) match the website's links and the browser workbook's exports."],
    ]
    for row in about_rows:
        about.append(row)
    about["A1"].font = Font(bold=True, size=14)
    about.column_dimensions["A"].width = 110

    audit = wb.create_sheet("Audit")
    # The columns the school fills in are the record's (data/workbook.yaml): its `excel:` fields, then the
    # evaluation's School and Date, written once, on the first statement's row. The browser's import reads these
    # headings by the same declaration, so a new field needs no edit here.
    record = fw.workbook
    fields = [record.field(i) for i in record.excel] + list(record.evaluation)
    col = {f.id: get_column_letter(5 + i) for i, f in enumerate(fields)}
    audit.append(["Area", "Statement id", "No.", "Practice statement", *[f.label for f in fields]])
    for a in fw.areas:
        for s in a.statements:
            audit.append([a.name, s.id, s.label, s.text, *[""] * len(fields)])
    for cell in audit[1]:
        cell.font, cell.fill = bold, head_fill
    for letter, width in zip("ABCD", (28, 16, 6, 70)):
        audit.column_dimensions[letter].width = width
    for f in fields:
        audit.column_dimensions[col[f.id]].width = record.excel_widths.get(f.id, 20)
    for row in audit.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    audit.freeze_panes = "D2"
    if "tier" in col:
        # the drop-down's choices are the tier names in the Descriptors sheet's headings (D1...), never the names
        # written into the formula: a comma in a name would split it, and Excel refuses a list over 255 characters
        names = f"Descriptors!$D$1:${get_column_letter(3 + len(tier_names))}$1"
        tiers_dv = DataValidation(type="list", formula1=names, allow_blank=True,
                                  showErrorMessage=True, errorTitle="Choose a tier",
                                  error="Choose one of the three tiers from the list.",
                                  promptTitle="Tier", prompt="Choose the tier your evidence shows.", showInputMessage=True)
        audit.add_data_validation(tiers_dv)
        tiers_dv.add(f"{col['tier']}2:{col['tier']}{n + 1}")
    for f in fields:
        if f.kind == "yes-no":
            yes_no = DataValidation(type="list", formula1='"yes,no"', allow_blank=True, showInputMessage=True,
                                    promptTitle=f.label, prompt="yes: a priority for development (it goes in the action plan)."
                                    if f.id == "priority" else "yes or no.")
            audit.add_data_validation(yes_no)
            yes_no.add(f"{col[f.id]}2:{col[f.id]}{n + 1}")
        if f.kind == "date":
            for row in range(2, n + 2):
                audit[f"{col[f.id]}{row}"].number_format = "yyyy-mm-dd"
    audit[f"{col['school']}2"].comment = Comment("Your school's name, on this first row only.", "Inclusion Audit Framework site")
    audit[f"{col['date']}2"].comment = Comment("The date of this audit, on this first row only.", "Inclusion Audit Framework site")

    desc = wb.create_sheet("Descriptors")
    desc.append(["Statement id", "No.", "Practice statement", *tier_names])
    for a in fw.areas:
        for s in a.statements:
            desc.append([s.id, s.label, s.text, *[_descriptor_text(a, s, t) for t in TIER_IDS]])
    for cell in desc[1]:
        cell.font, cell.fill = bold, head_fill
    for letter, width in zip("ABCDEF", (16, 6, 50, 60, 60, 60)):
        desc.column_dimensions[letter].width = width
    for row in desc.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap

    summary = wb.create_sheet("Summary")
    summary.append(["Area", *tier_names, "Not yet judged", "Statements"])
    tier_col = col["tier"]    # the Audit sheet's tier column, where the record puts it
    rng_area, rng_tier = f"Audit!$A$2:$A${n + 1}", f"Audit!${tier_col}$2:${tier_col}${n + 1}"
    for i, a in enumerate(fw.areas, start=2):
        # each tier by its heading cell (B1...), never by its name written into the formula
        counts = [f'=COUNTIFS({rng_area},$A{i},{rng_tier},{c}$1)' for c in "BCD"[:len(tier_names)]]
        summary.append([a.name, *counts, f"=F{i}-SUM(B{i}:D{i})", f"=COUNTIF({rng_area},$A{i})"])
    last = len(fw.areas) + 1
    summary.append(["All areas", *[f"=SUM({c}2:{c}{last})" for c in "BCDEF"]])
    for cell in summary[1] + summary[last + 1]:
        cell.font = bold
    for cell in summary[1]:
        cell.fill = head_fill
    summary.column_dimensions["A"].width = 60
    for letter in "BCDEF":
        summary.column_dimensions[letter].width = 24
    for sheet in (about, audit, desc, summary):
        _text_cells(sheet)
    wb.move_sheet("Audit", offset=-1)
    wb.active = 0
    out = io.BytesIO()
    wb.save(out)
    return _dated(out.getvalue(), stamp)


def _text_cells(sheet) -> None:
    """openpyxl stores any text that begins with "=" as a formula: every text cell from the data is stored as the
    text it is. Only the Summary's counting formulas, written above with cell references, stay formulas."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f" and not (sheet.title == "Summary" and cell.column > 1 and cell.row > 1):
                cell.data_type = "s"


def _dated(xlsx: bytes, stamp: datetime.datetime) -> bytes:
    """The workbook with every date in it set to `stamp`: openpyxl dates the file and each part inside it by the
    clock at save, so each build would publish a "changed" workbook although nothing in it changed."""
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    source, out = zipfile.ZipFile(io.BytesIO(xlsx)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + when.encode(), data)
            dest.writestr(zipfile.ZipInfo(item.filename, date_time=stamp.timetuple()[:6]), data,
                          compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def case_study_template() -> str:
    path = HERE.parent / "data" / "knowledge" / "case-study-template-download.md"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def all_downloads(fw: Framework) -> dict[str, str | bytes]:
    files = {
        "framework.json": open_data.framework_json(fw),
        "framework.schema.json": open_data.schema_json(),
        "statements.csv": statements_csv(fw),
        "case-studies.csv": case_studies_csv(fw),
        "inclusion-audit-workbook.xlsx": audit_workbook(fw),
    }
    template = case_study_template()
    if template:
        files["case-study-template.txt"] = template
    return files
