"""The downloads written at build time: JSON valid against its schema, CSV, Excel workbook, template."""
import csv
import io
import json

import jsonschema
import openpyxl

from conftest import ROOT
from framework.load import load_framework

FW = load_framework(ROOT / "data" / "framework.yaml")

def test_framework_json_validates_against_its_schema(site_dir):
    data = json.loads((site_dir / "downloads" / "framework.json").read_text())
    schema = json.loads((site_dir / "downloads" / "framework.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert sum(len(a["statements"]) for a in data["areas"]) == len(FW.statements)
    assert len(data["case_studies"]) == len(FW.case_studies)
    assert len(data["local_authorities"]) == len(FW.oap.local_authorities)
    assert data["edition"]["id"]


def test_schema_rejects_a_broken_file(site_dir):
    data = json.loads((site_dir / "downloads" / "framework.json").read_text())
    schema = json.loads((site_dir / "downloads" / "framework.schema.json").read_text())
    data["areas"][0]["statements"][0]["id"] = "Statement 1.1"
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert errors


def test_json_links_both_ways_and_ids_match_site_anchors(site_dir):
    data = json.loads((site_dir / "downloads" / "framework.json").read_text())
    featured = {(a["id"], c) for a in data["areas"] for c in a["featured_case_studies"]}
    back = {(a, c["id"]) for c in data["case_studies"] for a in c["featured_in"]}
    assert featured == back
    html = (site_dir / "areas" / "leadership-of-send" / "index.html").read_text()
    for s in data["areas"][1]["statements"]:
        assert f'id="{s["id"]}"' in html
        assert s["path"] == f"areas/leadership-of-send/#{s['id']}"


def test_statements_csv(site_dir):
    text = (site_dir / "downloads" / "statements.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["statement_id"] for r in rows] == [st.id for st in FW.statements]
    assert rows[0]["statement_id"] == "statement-1-1" and rows[0]["Sustaining Excellence"]
    assert all(r["edition"] for r in rows)


def test_excel_workbook(site_dir):
    wb = openpyxl.load_workbook(site_dir / "downloads" / "inclusion-audit-workbook.xlsx")
    audit = wb["Audit"]
    ids = [audit.cell(row=r, column=2).value for r in range(2, audit.max_row + 1)]
    assert ids == [st.id for st in FW.statements]
    validations = audit.data_validations.dataValidation
    assert len(validations) == 2                      # the tier, and priority yes/no
    dv = next(v for v in validations if str(v.sqref) == "F2:F44")
    assert dv.type == "list"
    assert _choices(wb, dv) == ["Establishing Foundations", "Strengthening Practice", "Sustaining Excellence"]
    assert str(dv.sqref) == "F2:F44"
    descriptors = wb["Descriptors"]
    assert descriptors.max_row == 44 and descriptors["D1"].value == "Establishing Foundations"
    summary = wb["Summary"]
    assert summary["B2"].value.startswith("=COUNTIFS(Audit!$A$2:$A$44")
    assert summary["E2"].value == "=F2-SUM(B2:D2)"
    assert summary.max_row == 10   # header, 8 areas, total


def _choices(wb, dv) -> list[str]:
    """The drop-down's choices: the cells its list refers to (a list written into the formula would split a name at
    its commas, and Excel refuses one over 255 characters)."""
    sheet, cells = dv.formula1.split("!")
    return [c.value for row in wb[sheet][cells.replace("$", "")] for c in row]


def test_a_tier_name_with_a_comma_is_one_choice_of_the_excel_drop_down(tmp_path):
    from hostile import project
    from outputs.downloads import audit_workbook
    path = project(tmp_path)
    path.write_text((ROOT / "data" / "framework.yaml").read_text(encoding="utf-8").replace(
        "  name: Establishing Foundations\n", "  name: Establishing, with \"care\", Foundations\n", 1), encoding="utf-8")
    fw = load_framework(path)
    wb = openpyxl.load_workbook(io.BytesIO(audit_workbook(fw)))
    [dv] = [v for v in wb["Audit"].data_validations.dataValidation if str(v.sqref) == "F2:F44"]
    assert _choices(wb, dv) == [t.name for t in fw.tiers]
    assert wb["Summary"]["B1"].value == 'Establishing, with "care", Foundations'


def test_case_study_template_downloads(site_dir):
    text = (site_dir / "downloads" / "case-study-template.txt").read_text()
    for heading in ("Context", "Intent", "Implementation", "Impact"):
        assert heading in text


def test_downloads_page_links_every_file(soup):
    hrefs = {a["href"] for a in soup("downloads/index.html").select("article a[href]")}
    for name in ("framework.json", "framework.schema.json", "statements.csv", "case-studies.csv",
                 "inclusion-audit-workbook.xlsx", "case-study-template.txt"):
        assert name in hrefs, name
    home = {a["href"] for a in soup("index.html").select("article a[href]")}
    assert "downloads/" in home
