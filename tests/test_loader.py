"""The loader on small inline YAML files: each mistake a maintainer can make is refused with
`data/framework.yaml:LINE: what is wrong, and the fix`, on the right line, all at once, never a traceback.
(tests/test_validation.py checks the same through a real mkdocs build, and that the old site survives.)"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from framework.load import FrameworkError, load_framework

MINIMAL = """\
edition:
  id: '2026.1'
  date: '2026-11-22'
title: A test framework
introduction:
- One paragraph.
how_to_use:
  steps:
  - Read it.
tiers:
- id: establishing-foundations
  name: Establishing Foundations
  summary: At this stage, one.
  points: [A point.]
- id: strengthening-practice
  name: Strengthening Practice
  summary: At this stage, two.
  points: [A point.]
- id: sustaining-excellence
  name: Sustaining Excellence
  summary: At this stage, three.
  points: [A point.]
areas:
- id: first-area
  number: 1
  name: First area
  statements:
  - id: statement-1-1
    number: 1
    text: The first statement.
  - id: statement-1-2
    number: 2
    text: The second statement.
  tiers:
    establishing-foundations:
      descriptors:
      - statements: [1, 2]
        text: Foundations text.
    strengthening-practice:
      descriptors:
      - statements: [1, 2]
        text: Strengthening text.
    sustaining-excellence:
      descriptors:
      - statements: [1]
        text: Excellence text one.
      - statements: [2]
        text: Excellence text two.
  featured:
  - a-case-study
case_studies:
- id: a-case-study
  title: A case study
  overview: What the school did.
  artefacts: []
  themes: [semh]
- id: another-study
  title: Another study
  overview: What another school did.
themes:
- id: semh
  name: SEMH
ordinarily_available_provision:
  intro: Local documents.
  local_authorities:
  - name: Bolton
    accessed: '2026-01-08'
  - name: Bury
    accessed: 2026-01-08
acknowledgements:
  expert_group:
  - name: A school
    place: A town
  call_for_evidence: [A school]
  pilot_schools: [A school]
glossary:
- term: TA
  expansion: Teaching assistant
  meaning: A member of support staff.
  areas: [first-area]
redirects: {}
"""
# another-study is listed by no area in MINIMAL: each test adds it somewhere or expects that complaint.
VALID = MINIMAL.replace("  featured:\n  - a-case-study\n", "  featured:\n  - a-case-study\n  also:\n  - another-study\n")


def load(tmp_path: Path, text: str, published: str | None = None):
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "framework.yaml").write_text(text, encoding="utf-8")
    if published is not None:
        (data / "published-ids.yaml").write_text(published, encoding="utf-8")
    return load_framework(data / "framework.yaml", data / "knowledge")


def refused(tmp_path: Path, text: str, published: str | None = None) -> list[str]:
    with pytest.raises(FrameworkError) as caught:
        load(tmp_path, text, published)
    lines = str(caught.value).split("\n")
    for line in lines:
        assert re.match(r"^data/framework\.yaml:\d+: ", line), line
    return lines


def line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), start=1) if fragment in line)


def test_the_minimal_file_loads(tmp_path):
    fw = load(tmp_path, VALID)
    assert [s.id for s in fw.statements] == ["statement-1-1", "statement-1-2"]
    assert fw.edition.id == "2026.1" and fw.edition.date.isoformat() == "2026-11-22"
    assert [la.accessed.isoformat() for la in fw.oap.local_authorities] == ["2026-01-08", "2026-01-08"]
    assert fw.how_to_use.steps == ["Read it."] and fw.acknowledgements.expert_group[0].place == "A town"
    assert fw.migrations == {k: {"renamed": {}, "retired": []} for k in ("area", "statement", "case_study")}


def test_misspelt_key_names_the_nearest_key_on_its_line(tmp_path):
    text = VALID.replace("  featured:\n", "  featurd:\n")
    [message] = refused(tmp_path, text)
    assert message.startswith(f"data/framework.yaml:{line_of(text, 'featurd:')}: ")
    assert "unknown key `featurd`: did you mean `featured`?" in message


def test_unquoted_edition_number_is_refused_with_quote_it(tmp_path):
    text = VALID.replace("  id: '2026.1'", "  id: 2026.10")
    [message] = refused(tmp_path, text)
    assert message.startswith("data/framework.yaml:2: edition › id: is a number") and "'2026.10'" in message


@pytest.mark.parametrize("edit, where, expected", [
    (("  meaning: A member of support staff.", "  meaning: Yes"), "meaning: Yes", "yes/no value"),
    (("  name: First area", "  name: 42"), "name: 42", "is a number, but text is expected"),
    (("  areas: [first-area]", "  areas: first-area"), "areas: first-area", "a list is expected"),
    (("title: A test framework", "title:"), "title:", "is empty"),
    (("    accessed: '2026-01-08'", "    accessed: '2026-02-30'"), "2026-02-30", "is not a real date"),
    (("    accessed: '2026-01-08'", "    accessed: 8 January 2026"), "8 January", "like 2026-01-08, not '8 January 2026'"),
    (("    accessed: '2026-01-08'", "    accessed: 2026-01-08T10:00:00"), "T10:00", "like 2026-01-08, not '2026-01-08T10:00:00'"),
    (("  - name: Bolton\n", "  - name: Bolton\n    url: javascript:alert(1)\n"), "javascript", "https://"),
    (("  - name: Bolton\n", "  - name: Bolton\n    url: http://example.org/x\n"), "http://", "https://"),
    (("  number: 1\n  name", "  number: '1'\n  name"), "number: '1'", "a whole number is expected"),
])
def test_no_coercion(tmp_path, edit, where, expected):
    text = VALID.replace(*edit)
    assert text != VALID
    [message] = refused(tmp_path, text)
    assert message.startswith(f"data/framework.yaml:{line_of(text, where)}: "), message
    assert expected in message
    assert not re.search(r"\{\w+(![rsa])?\}", message), f"a placeholder left in: {message}"


@pytest.mark.parametrize("edit, expected", [
    (("  also:\n  - another-study\n", "  also:\n  - a-case-study\n  - another-study\n"), "under both `featured:` and `also:`"),
    (("  also:\n  - another-study\n", "  also:\n  - no-such-study\n"), "'no-such-study'"),
    (("  - name: Bury\n", "  - name: Bolton\n"), "local authority 'Bolton' is listed twice"),
    (("- id: strengthening-practice\n", "- id: establishing-foundations\n"), "tier 'establishing-foundations' is listed twice"),
    (("      - statements: [2]\n        text: Excellence text two.\n", ""), "statement 2 ('statement-1-2') has no descriptor"),
    (("- id: another-study", "- id: a-case-study"), "id 'a-case-study' is used twice"),
    (("  themes: [semh]", "  themes: [sensory]"), "theme 'sensory'"),
    (("    number: 2\n", "    number: 3\n"), "expected 2"),
])
def test_cross_references(tmp_path, edit, expected):
    text = VALID.replace(*edit)
    assert text != VALID
    messages = refused(tmp_path, text)
    assert any(expected in m for m in messages), messages


def test_orphan_case_study(tmp_path):
    [message] = refused(tmp_path, MINIMAL)
    assert message == (f"data/framework.yaml:{line_of(MINIMAL, '- id: another-study') + 0}: case study 'another-study' "
                       f"is not listed by any area (add its id to an area's featured: or also:)")


def test_every_problem_at_once_in_line_order(tmp_path):
    text = VALID.replace("  featured:\n", "  featurd:\n").replace("  name: SEMH", "  name: 3").replace(
        "title: A test framework", "title:")
    messages = refused(tmp_path, text)
    assert len(messages) == 3
    lines = [int(m.split(":")[1]) for m in messages]
    assert lines == sorted(lines)


def test_syntax_error_names_the_relative_path_and_line(tmp_path):
    text = VALID.replace("areas:\n", "areas:\n  - [unclosed\n", 1)
    [message] = refused(tmp_path, text)
    assert re.match(r"data/framework\.yaml:\d+: not valid YAML", message)


def test_duplicate_key(tmp_path):
    text = VALID.replace("title: A test framework\n", "title: A test framework\ntitle: Again\n")
    [message] = refused(tmp_path, text)
    assert message.startswith("data/framework.yaml:5: the key 'title' appears twice")


@pytest.mark.parametrize("text", ["", "just text\n", "- a list\n", "\x00\x01", "a: [\n", "\t- x\n"])
def test_odd_files_get_one_line_and_no_traceback(tmp_path, text):
    with pytest.raises(FrameworkError) as caught:
        load(tmp_path, text)
    assert str(caught.value).startswith("data/framework.yaml")


PUBLISHED = "area: [first-area]\nstatement: [statement-1-1, statement-1-2]\ncase_study: [a-case-study, another-study]\n"


def test_a_published_id_cannot_disappear_undeclared(tmp_path):
    text = VALID.replace("  - id: statement-1-2\n", "  - id: statement-1-2b\n")
    [message] = refused(tmp_path, text, PUBLISHED)
    assert "the statement id 'statement-1-2' was published" in message and "renamed_from: [statement-1-2]" in message


def test_a_declared_rename_gives_the_migration_and_the_redirect(tmp_path):
    text = (VALID.replace("  - id: statement-1-2\n", "  - id: statement-1-2b\n    renamed_from: [statement-1-2]\n")
            .replace("- id: first-area\n", "- id: area-one\n  renamed_from: [first-area]\n")
            .replace("  areas: [first-area]", "  areas: [area-one]"))
    fw = load(tmp_path, text, PUBLISHED)
    assert fw.migrations["statement"] == {"renamed": {"statement-1-2": "statement-1-2b"}, "retired": []}
    assert fw.migrations["area"] == {"renamed": {"first-area": "area-one"}, "retired": []}
    assert fw.redirects == {"areas/first-area.md": "areas/area-one.md"}
    assert fw.statements[1].renamed_from == ["statement-1-2"]


def test_a_retired_id_is_declared_with_its_edition(tmp_path):
    text = VALID.replace("- id: another-study\n  title: Another study\n  overview: What another school did.\n", "").replace(
        "  also:\n  - another-study\n", "") + "retired:\n- id: another-study\n  kind: case_study\n  edition: '2026.2'\n"
    fw = load(tmp_path, text, PUBLISHED)
    assert fw.migrations["case_study"] == {"renamed": {}, "retired": ["another-study"]}


@pytest.mark.parametrize("edit, expected", [
    (("    number: 1\n    text: The first statement.\n", "    number: 1\n    text: The first statement.\n    renamed_from: [statement-1-2]\n"),
     "still in use"),
    (("redirects: {}\n", "redirects: {}\nretired:\n- id: statement-1-1\n  kind: statement\n  edition: '2026.2'\n"), "still in use"),
    (("redirects: {}\n", "redirects: {}\nretired:\n- id: old\n  kind: page\n  edition: '2026.2'\n"), "must be one of"),
])
def test_rename_and_retire_mistakes(tmp_path, edit, expected):
    text = VALID.replace(*edit)
    assert text != VALID
    assert any(expected in m for m in refused(tmp_path, text, PUBLISHED))


@pytest.mark.parametrize("redirects, expected", [
    ("redirects:\n  areas/old.md: areas/first-area.md\n", None),
    ("redirects:\n  areas/old.md: areas/no-such-area.md\n", "which is not a page"),
    ("redirects:\n  areas/first-area.md: areas/first-area.md\n", "is still a page"),
    ("redirects:\n  old-about: about.md\n", "ending in .md"),
])
def test_redirects(tmp_path, redirects, expected):
    text = VALID.replace("redirects: {}\n", redirects)
    if expected is None:
        assert load(tmp_path, text).redirects == {"areas/old.md": "areas/first-area.md"}
    else:
        assert any(expected in m for m in refused(tmp_path, text))


def test_a_redirect_to_a_hand_written_page_must_find_it(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About\n")
    assert load(tmp_path, VALID.replace("redirects: {}\n", "redirects:\n  old-about.md: about.md\n")).redirects
    messages = refused(tmp_path, VALID.replace("redirects: {}\n", "redirects:\n  old-about.md: abuot.md\n"))
    assert any("which is not a page" in m for m in messages)
