"""Bad YAML stops the build with one clear message (file, line, problem), no traceback, no site."""
import re

import pytest

from conftest import build_site, copy_project

GOOD_TAIL = "redirects:"


def broken_build(tmp_path, edit):
    project = copy_project(tmp_path / "project") if (tmp_path / "project").mkdir() is None else None
    data = project / "data" / "framework.yaml"
    data.write_text(edit(data.read_text(encoding="utf-8")), encoding="utf-8")
    out = tmp_path / "out"
    result = build_site(project, out)
    return result, result.stdout + result.stderr, out


def assert_refused(result, output, out, pattern):
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    assert re.search(pattern, output), output
    assert not (out / "index.html").exists(), "a half-built site was written"


def test_yaml_syntax_error(tmp_path):
    result, output, out = broken_build(tmp_path, lambda t: t.replace("areas:\n", "areas:\n  - [unclosed\n", 1))
    assert_refused(result, output, out, r"data/framework\.yaml:\d+: not valid YAML")


def test_empty_file(tmp_path):
    result, output, out = broken_build(tmp_path, lambda t: "")
    assert_refused(result, output, out, r"data/framework\.yaml: the file is empty")


def test_dangling_case_study_reference(tmp_path):
    result, output, out = broken_build(
        tmp_path, lambda t: t.replace("  featured:\n  - think-explore-thrive\n", "  featured:\n  - no-such-id\n  - think-explore-thrive\n", 1))
    assert_refused(result, output, out,
                   r"data/framework\.yaml:\d+: area 'outcomes-for-learners-with-send' lists case study 'no-such-id'.*not defined")


def test_duplicate_id(tmp_path):
    result, output, out = broken_build(tmp_path, lambda t: t.replace("- id: independence-in-action", "- id: think-explore-thrive", 1))
    assert_refused(result, output, out, r"data/framework\.yaml:\d+: a case study: id 'think-explore-thrive' is used twice")


def test_missing_tier(tmp_path):
    def drop_tier(text):
        start = text.index("    sustaining-excellence:\n")
        end = text.index("  featured:", start)
        return text[:start] + text[end:]
    result, output, out = broken_build(tmp_path, drop_tier)
    assert_refused(result, output, out, r"data/framework\.yaml:\d+: area 'outcomes-for-learners-with-send' is missing the tier 'sustaining-excellence'")


def test_statement_numbers_must_be_contiguous(tmp_path):
    result, output, out = broken_build(tmp_path, lambda t: t.replace("    number: 2\n", "    number: 3\n", 1))
    assert_refused(result, output, out, r"data/framework\.yaml:\d+: .*expected 2")


def test_orphaned_case_study(tmp_path):
    def orphan(text):
        return re.sub(r"\n  - sensory-success(?=\n)", "", text)
    result, output, out = broken_build(tmp_path, orphan)
    assert_refused(result, output, out, r"case study 'sensory-success' is not listed by any area")


def test_error_line_points_at_the_problem(tmp_path):
    result, output, out = broken_build(
        tmp_path, lambda t: t.replace("  featured:\n  - think-explore-thrive\n", "  featured:\n  - no-such-id\n  - think-explore-thrive\n", 1))
    project_yaml = (tmp_path / "project" / "data" / "framework.yaml").read_text().split("\n")
    line = int(re.search(r"data/framework\.yaml:(\d+): area", output).group(1))
    assert project_yaml[line - 1].strip() == "featured:"
