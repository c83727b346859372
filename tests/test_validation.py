"""Bad YAML stops the real build with one clear message (file, line, problem), no traceback, and the
site built before stays exactly as it was. (The messages themselves are tested on small files in
tests/test_loader.py; tests/test_yaml_mutations.py makes 200+ mistakes.)"""
import re

import pytest

from conftest import build_site, copy_project


@pytest.fixture(scope="module")
def project_with_site(tmp_path_factory):
    """A copy of the project and a site built from it."""
    root = tmp_path_factory.mktemp("validation")
    project = copy_project(root)
    out = root / "site"
    result = build_site(project, out)
    assert result.returncode == 0, result.stderr
    return project, out


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("old, new, pattern", [
    ("  featured:\n  - think-explore-thrive\n", "  featurd:\n  - think-explore-thrive\n",
     r"data/framework\.yaml:(\d+): areas › outcomes-for-learners-with-send: unknown key `featurd`: did you mean `featured`\?"),
    ("areas:\n", "areas:\n  - [unclosed\n", r"data/framework\.yaml:(\d+): not valid YAML"),
    ("  featured:\n  - think-explore-thrive\n", "  featured:\n  - no-such-id\n  - think-explore-thrive\n",
     r"data/framework\.yaml:(\d+): area 'outcomes-for-learners-with-send' lists case study 'no-such-id'.*not defined"),
])
def test_a_failed_build_says_where_and_leaves_the_old_site_untouched(project_with_site, old, new, pattern):
    project, out = project_with_site
    before = snapshot(out)
    data = project / "data" / "framework.yaml"
    good = data.read_text(encoding="utf-8")
    assert old in good
    data.write_text(good.replace(old, new, 1), encoding="utf-8")
    try:
        result = build_site(project, out)
    finally:
        data.write_text(good, encoding="utf-8")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    found = re.search(pattern, output)
    assert found, output
    assert "/tmp" not in output.split("ERROR", 1)[-1], "the message names the project's path, not a temporary one"
    assert snapshot(out) == before, "a failed build changed the site that was there"
    if "not valid YAML" not in pattern:
        bad_line = good.replace(old, new, 1).split("\n")[int(found.group(1)) - 1]
        assert bad_line.strip() in {new.split("\n")[0].strip(), new.split("\n")[1].strip()}


def test_empty_file_writes_no_site(tmp_path):
    project = copy_project(tmp_path)
    (project / "data" / "framework.yaml").write_text("", encoding="utf-8")
    result = build_site(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert re.search(r"data/framework\.yaml:1: the file is empty", output), output
    assert not (tmp_path / "out").exists()
