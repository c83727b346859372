"""The maintainer's edits in CONTRIBUTING.md, each made once on a temporary copy of the YAML:
a new case study (with the optional sections), a descriptor fix, an artefact link, a local-authority
link, a redirect, and a renamed case study and statement (declared with renamed_from). One build of the edited copy; each test checks one consequence."""
import csv
import io
import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import build_site, copy_project

NEW_CASE_STUDY = """\
- id: quiet-lunchtimes
  title: Quiet Lunchtimes
  overview: >-
    A test case study added by the maintainer test.
  artefacts:
  - name: Lunchtime Plan
    url: https://example.org/lunchtime-plan.pdf
  themes: [semh]
  sections:
    context: The test school's context.
    impact: What changed in the test school.
"""


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    root = tmp_path_factory.mktemp("edited")
    project = copy_project(root)
    path = project / "data" / "framework.yaml"
    text = path.read_text(encoding="utf-8")
    # 1. add a case study, featured by area 2
    text = text.replace("case_studies:\n", "case_studies:\n" + NEW_CASE_STUDY, 1)
    start = text.index("- id: leadership-of-send")
    featured = text.index("  featured:\n", start) + len("  featured:\n")
    text = text[:featured] + "  - quiet-lunchtimes\n" + text[featured:]
    # 2. fix a descriptor's wording
    text = text.replace("Leaders are developing an understanding of outcomes", "Leaders are developing an EDITED understanding of outcomes", 1)
    # 3. give a local authority its link
    text = text.replace("  - name: Bolton\n", "  - name: Bolton\n    url: https://example.org/bolton-oap\n", 1)
    # 4. an old case-study URL that must keep working
    text = text.replace("redirects: {}", "redirects:\n  case-studies/hive.md: case-studies/the-hive.md", 1)
    # 5. rename a case study and a statement, declaring the old ids
    text = re.sub(r"(?<![\w-])sensory-support(?![\w-])", "sensory-support-hub", text)
    text = text.replace("- id: sensory-support-hub\n", "- id: sensory-support-hub\n  renamed_from: [sensory-support]\n", 1)
    text = text.replace("  - id: statement-3-2\n", "  - id: statement-3-2-teaching\n    renamed_from: [statement-3-2]\n", 1)
    assert "quiet-lunchtimes" in text and "EDITED" in text and "bolton-oap" in text and "hive.md" in text
    assert "renamed_from: [statement-3-2]" in text and "renamed_from: [sensory-support]" in text
    path.write_text(text, encoding="utf-8")
    out = root / "out"
    result = build_site(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def parse(out, rel):
    return BeautifulSoup((out / rel).read_text(encoding="utf-8"), "html.parser")


def test_new_case_study_gets_its_page_with_sections(edited):
    page = parse(edited, "case-studies/quiet-lunchtimes/index.html")
    assert page.h1.get_text(strip=True) == "Quiet Lunchtimes"
    assert page.find(id="context") and "The test school's context." in page.get_text()
    assert page.find(id="impact") and page.find(id="intent") is None, "absent sections show nothing"
    assert page.select_one('a[href="https://example.org/lunchtime-plan.pdf"]').get_text() == "Lunchtime Plan"
    assert "../../areas/leadership-of-send/" in {a["href"].split("#")[0] for a in page.select("article a[href]")}


def test_real_case_study_without_sections_shows_none(edited):
    page = parse(edited, "case-studies/the-hive/index.html")
    assert page.find(id="context") is None and page.find(id="impact") is None


def test_new_case_study_in_index_area_page_and_nav(edited):
    index = parse(edited, "case-studies/index.html")
    assert len(index.select("li.cs-item")) == 34
    assert index.find(id="quiet-lunchtimes")
    area = parse(edited, "areas/leadership-of-send/index.html")
    assert "../../case-studies/quiet-lunchtimes/" in {a["href"] for a in area.select("article a[href]")}


def test_new_case_study_in_every_download(edited):
    data = json.loads((edited / "downloads" / "framework.json").read_text())
    cs = next(c for c in data["case_studies"] if c["id"] == "quiet-lunchtimes")
    assert cs["featured_in"] == ["leadership-of-send"] and cs["sections"]["context"]
    area = next(a for a in data["areas"] if a["id"] == "leadership-of-send")
    assert "quiet-lunchtimes" in area["featured_case_studies"]
    rows = list(csv.DictReader(io.StringIO((edited / "downloads" / "case-studies.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 34 and any(r["case_study_id"] == "quiet-lunchtimes" for r in rows)


def test_descriptor_fix_reaches_page_json_and_csv(edited):
    assert "EDITED understanding" in parse(edited, "areas/outcomes-for-learners-with-send/index.html").get_text()
    assert "EDITED understanding" in (edited / "downloads" / "statements.csv").read_text(encoding="utf-8-sig")
    assert "EDITED understanding" in (edited / "downloads" / "framework.json").read_text()


def test_local_authority_link(edited):
    page = parse(edited, "ordinarily-available-provision/index.html")
    link = page.select_one('a[href="https://example.org/bolton-oap"]')
    assert link is not None and link.get_text() == "Bolton"


def test_old_url_redirects(edited):
    stub = (edited / "case-studies" / "hive" / "index.html").read_text()
    assert "../the-hive/" in stub and "refresh" in stub


def test_statement_ids_unchanged_by_wording_fix(edited):
    page = parse(edited, "areas/outcomes-for-learners-with-send/index.html")
    assert [h["id"] for h in page.select("h2.statement-heading")] == [f"statement-1-{n}" for n in range(1, 5)]


def test_renamed_case_study_old_page_redirects(edited):
    stub = (edited / "case-studies" / "sensory-support" / "index.html").read_text()
    assert "../sensory-support-hub/" in stub and "refresh" in stub
    assert parse(edited, "case-studies/sensory-support-hub/index.html").h1


def test_renamed_statement_keeps_its_old_anchor(edited):
    page = parse(edited, "areas/quality-of-teaching-and-learning/index.html")
    new = page.find(id="statement-3-2-teaching")
    old = page.find(id="statement-3-2")
    assert new is not None and old is not None
    assert old.find_parent("p", class_="statement-text") is new.find_next("p", class_="statement-text")


def test_workbook_data_carries_the_migrations(edited):
    page = parse(edited, "self-evaluation/index.html")
    data = json.loads(page.find(id="wb-framework").string)
    assert data["migrations"]["statement"] == {"renamed": {"statement-3-2": "statement-3-2-teaching"}, "retired": []}
    assert data["migrations"]["case_study"] == {"renamed": {"sensory-support": "sensory-support-hub"}, "retired": []}
    assert data["migrations"]["area"] == {"renamed": {}, "retired": []}
