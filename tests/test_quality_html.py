"""Valid HTML: the Nu HTML Checker (vnu-jar from npm, run with java) finds no error in any built page.

Nothing is filtered: Material's own invalid attributes are fixed in the theme's overrides (overrides/base.html,
overrides/partials/nav-item.html).
"""
from __future__ import annotations

import json
import subprocess

from test_quality_common import VNU_JAR, require_file, require_java


def test_every_built_page_is_valid_html(site_dir, html_pages):
    java = require_java()
    jar = require_file(VNU_JAR, "The Nu HTML Checker (vnu-jar)")
    result = subprocess.run(
        [java, "-Xss1024k", "-jar", str(jar), "--format", "json", "--errors-only", "--skip-non-html",
         "--also-check-css", str(site_dir)],
        capture_output=True, text=True, timeout=600,
    )
    # vnu writes its JSON report to stderr; exit status 1 means "errors found".
    report = json.loads(result.stderr or '{"messages": []}')
    messages = report.get("messages", [])
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")
              or m.get("subType") == "fatal"]
    lines = []
    for m in errors:
        where = m.get("url", "").replace(site_dir.as_uri() + "/", "").replace("file:" + str(site_dir) + "/", "")
        lines.append(f"{where}:{m.get('lastLine', '?')}: {m.get('message')}\n    {m.get('extract', '').strip()[:200]}")
    assert not errors, f"{len(errors)} HTML errors from the Nu HTML Checker:\n" + "\n".join(lines[:100])
    assert result.returncode == 0, f"vnu exited with {result.returncode}: {result.stdout[-2000:]} {result.stderr[-2000:]}"
    assert len(html_pages) > 40, "the checker should have been given the whole site"


def test_the_checker_really_finds_errors(tmp_path):
    """Guard against a checker that silently checks nothing: a broken page must be reported."""
    java = require_java()
    jar = require_file(VNU_JAR, "The Nu HTML Checker (vnu-jar)")
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="en"><head><title>x</title></head>'
                   '<body><input type="checkbox" autocomplete="off"><p id="a" id="a">x</body></html>')
    result = subprocess.run([java, "-jar", str(jar), "--format", "json", "--errors-only", str(bad)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    assert any("autocomplete" in m.get("message", "") for m in messages), messages
