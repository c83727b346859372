"""The built site under hostile data, for real: the publishing build (scripts/build.py) of a sample of the
corpus (tests/test_security_corpus.py runs every case in-process), parsed and loaded in Chromium; and the
Content-Security-Policy of the real site, checked against each page's inline scripts and in Chromium with
search and the workbook in use.
"""
from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import http.server
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from conftest import BUILD_ENV, QuietHandler, build_site, copy_project
from hostile import dump, live_markup, plain_tree, with_payload
from test_quality_requests import Recorder

# Texts the checks accept (no tag, no link elsewhere than https://, no braces) that the site must still escape:
# quotes that would end an attribute, escaped markup that a careless unescape would bring back, a formula.
INERT = {
    ("case_studies", 0, "title"): "Hive &lt;img src=x onerror=alert(1)&gt; \"quoted\" & <3",
    ("areas", 0, "name"): "Outcomes x\" onmouseover=\"alert(2)",
    ("case_studies", 0, "overview"): "x \"> y &lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt; z",
    ("edition", "id"): "2026.1 &lt;script&gt;alert(4)&lt;/script&gt;",
    ("glossary", 0, "meaning"): "See [the guidance](https://www.gov.uk/) \"quoted\".",
    ("areas", 0, "statements", 0, "text"): "=HYPERLINK(\"https://evil.example\",\"x\") *Leaders* ensure it",
}

# A word for the search box, in data/search.yaml, that no page has of its own
SEARCH_KIND = "<img src=x onerror=alert(5)> wobblefrog"

# One full build for each kind of refusal (all the others are in the in-process corpus).
REFUSED = {
    "a tag in a title": (("case_studies", 0, "title"), "<img src=x onerror=alert(1)>"),
    "a javascript: link in an overview": (("case_studies", 0, "overview"), "[click](javascript:alert(1))"),
    "an attribute list": (("introduction", 0), "*hover*{: onmouseover=alert(1) }"),
    "an image from another host": (("glossary", 0, "meaning"), "![x](https://evil.example/p.png)"),
    "a link to a page that does not exist": (("case_studies", 0, "sections", "context"), "See [x](../local-offer.md)."),
    "a 300-character id": (("case_studies", 0, "id"), "a" * 300),
    "a redirect outside the site": (("redirects",), "../" * 30 + "{tmp}/escape-x.md"),
}


def _serve(directory: Path):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The project with INERT texts and a redirect, built with scripts/build.py."""
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    tree = plain_tree()
    for path, text in INERT.items():
        tree = with_payload(tree, path, text)
    cs = tree["case_studies"][1]["id"]
    tree["redirects"] = {"case-studies/old-name.md": f"case-studies/{cs}.md#artefacts"}
    (project / "data" / "framework.yaml").write_text(dump(tree), encoding="utf-8")
    # data/search.yaml comes in pull requests too: a kind of a subject, and the subject, shown beside a result
    words = yaml.safe_load((project / "data" / "search.yaml").read_text(encoding="utf-8"))
    words["narrower"][tree["case_studies"][0]["title"]] = [SEARCH_KIND]
    (project / "data" / "search.yaml").write_text(yaml.safe_dump(words, allow_unicode=True), encoding="utf-8")
    out = project / "site"
    result = build_site(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = _serve(out)
    yield out, url, tree
    server.shutdown()


def test_hostile_texts_are_published_inert_on_every_page(hostile):
    out, _, _ = hostile
    problems = []
    for page in sorted(out.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        problems += [f"{page.relative_to(out)}: {p}" for p in live_markup(html)]
        soup = BeautifulSoup(html, "html.parser")
        title = soup.title.get_text() if soup.title else ""
        if "<" in title and "&lt;" not in html.split("<title>", 1)[-1].split("</title>", 1)[0]:
            problems.append(f"{page.relative_to(out)}: raw markup in <title>")
    assert problems == [], problems[:10]


def test_the_texts_read_as_written(hostile):
    """Escaped once: the reader sees the text as typed, in the navigation, the title, the description, the footer."""
    out, _, tree = hostile
    cs = tree["case_studies"][0]
    page = BeautifulSoup((out / "case-studies" / cs["id"] / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.h1.get_text(" ", strip=True) == cs["title"]
    assert page.title.get_text().startswith(cs["title"] + " - ")
    nav = [a.get_text(" ", strip=True) for a in page.select("nav.md-nav a")]
    assert cs["title"] in nav
    assert page.find("meta", attrs={"name": "description"})["content"].startswith("Case study: x \"> y &lt;/title&gt;")
    assert tree["edition"]["id"] in page.select_one(".site-footer").get_text(" ", strip=True)
    area = tree["areas"][0]
    area_page = BeautifulSoup((out / "areas" / area["id"] / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert area["name"] in area_page.find("meta", attrs={"name": "description"})["content"]
    assert area_page.find(id=area["statements"][0]["id"]) is not None       # emphasis kept the anchor


def test_the_redirect_page_stays_inside_the_site_and_forwards(hostile, browser):
    out, url, tree = hostile
    stub = out / "case-studies" / "old-name" / "index.html"
    assert stub.is_file()
    context = browser.new_context()
    try:
        page = context.new_page()
        violations = _watch(page)
        page.goto(url + "case-studies/old-name/", wait_until="load")
        page.wait_for_url(re.compile(rf"/case-studies/{tree['case_studies'][1]['id']}/#artefacts$"))
        assert violations == []
    finally:
        context.close()


@contextlib.contextmanager
def _watched_page(browser):
    """A page in a context of its own, with the dialogs it opens and the policy violations it reports."""
    context = browser.new_context()
    dialogs = []
    try:
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        yield page, dialogs, _watch(page)
    finally:
        context.close()


def test_no_dialog_opens_on_the_hostile_pages(hostile, browser):
    out, url, tree = hostile
    pages = ["", f"areas/{tree['areas'][0]['id']}/", f"case-studies/{tree['case_studies'][0]['id']}/",
             "case-studies/", "glossary/", "self-evaluation/", "downloads/", "nope/"]
    with _watched_page(browser) as (page, dialogs, violations):
        for rel in pages:
            page.goto(url + rel)
            page.mouse.move(200, 300)
            page.mouse.move(400, 500)
        assert dialogs == [] and violations == []


def test_the_search_box_draws_hostile_search_words_as_text(hostile, browser):
    """A result found through a kind of a subject says what it comes under: both words come from
    data/search.yaml and are shown as typed, never run."""
    out, url, tree = hostile
    with _watched_page(browser) as (page, dialogs, violations):
        page.goto(url)
        page.locator("input.md-search__input").click()
        page.keyboard.type("wobblefrog")
        line = page.locator("li.md-search-result__item").filter(has_text="comes under").first
        expect(line).to_contain_text(f"“{SEARCH_KIND}” comes under “{tree['case_studies'][0]['title']}”")
        assert page.locator(".md-search-result img").count() == 0
        assert dialogs == [] and violations == []


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_refused_build_names_the_line_and_leaves_the_site_untouched(tmp_path, case):
    path, value = REFUSED[case]
    project = copy_project(tmp_path)
    if path == ("redirects",):                      # up and out of the site, into this test's own folder
        tree = dict(plain_tree(), redirects={value.format(tmp=tmp_path.relative_to("/")): "about.md"})
    else:
        tree = with_payload(plain_tree(), path, value)
    (project / "data" / "framework.yaml").write_text(dump(tree), encoding="utf-8")
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the site we had", encoding="utf-8")
    result = build_site(project, out)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert re.search(r"data/framework\.yaml:\d+: ", output), output
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "the site we had"
    assert not (tmp_path / "escape-x").exists()


def test_mkdocs_build_itself_cannot_write_outside_its_site_folder(tmp_path):
    """The hook refuses a redirect out of the site before MkDocs writes anything, with or without scripts/build.py."""
    project = copy_project(tmp_path)
    escape = tmp_path / "outside"
    tree = dict(plain_tree(), redirects={f"../../../../../../../..{escape}/x.md": "about.md",
                                          f"{escape}/y.md": "about.md"})
    (project / "data" / "framework.yaml").write_text(dump(tree), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(project / "site")],
                            cwd=project, capture_output=True, text=True, env=BUILD_ENV, timeout=300)
    assert result.returncode != 0
    assert re.search(r"data/framework\.yaml:\d+: redirects", result.stdout + result.stderr)
    assert not escape.exists()


# --- the Content-Security-Policy of the real site ------------------------------------------------------------------

def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_every_page_has_a_policy_that_allows_exactly_its_inline_scripts(site_dir):
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        meta = soup.head.find("meta") if soup.head else None
        if meta is None or meta.get("http-equiv", "").lower() != "content-security-policy":
            problems.append(f"{path.relative_to(site_dir)}: no Content-Security-Policy first in <head>")
            continue
        rules = dict((part.strip().split(" ", 1) + [""])[:2] for part in meta["content"].split(";"))
        for directive, value in {"object-src": "'none'", "base-uri": "'self'", "default-src": "'self'"}.items():
            if rules.get(directive) != value:
                problems.append(f"{path.relative_to(site_dir)}: {directive} is {rules.get(directive)!r}")
        allowed = set(rules.get("script-src", "").split())
        if allowed - {"'self'"} - {t for t in allowed if t.startswith("'sha256-")}:
            problems.append(f"{path.relative_to(site_dir)}: script-src allows {allowed}")
        if re.search(r"https?:|\*|'unsafe-eval'", meta["content"]):
            problems.append(f"{path.relative_to(site_dir)}: the policy names another host or allows eval")
        # the exact text of each inline script, as the browser hashes it (the raw HTML between the tags)
        for attrs, text in re.findall(r"<script(?![^>]*\ssrc=)([^>]*)>(.*?)</script>", html, re.S):
            if "application/json" not in attrs and _hash(text) not in allowed:
                problems.append(f"{path.relative_to(site_dir)}: an inline script is not allowed: {text[:60]!r}")
    assert problems == [], problems[:10]


WATCH_JS = """window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));"""


def _watch(page) -> list[str]:
    found: list[str] = []
    page.add_init_script(WATCH_JS)
    page.on("console", lambda m: found.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: found.append(str(e)) if "Content Security Policy" in str(e) else None)
    return found


def _violations(page, console) -> list[str]:
    return console + page.evaluate("window.__violations || []")


PAGE_TYPES = ["", "about/", "tiers/", "areas/", "areas/leadership-of-send/", "case-studies/",
              "case-studies/the-hive/", "glossary/", "knowledge/", "ordinarily-available-provision/", "downloads/",
              "maintainers/", "action-plan/", "compare/", "trust-overview/", "audit-form/", "no-such-page/"]


def test_no_page_type_breaks_the_policy(browser, base_url, site_dir):
    knowledge = next(p.parent.name for p in (site_dir / "knowledge").glob("*/index.html"))
    context = browser.new_context()
    network = Recorder(context)        # to wait for a quiet network (a quarter second; networkidle waits half)
    try:
        page = context.new_page()
        console = _watch(page)
        for rel in [*PAGE_TYPES, f"knowledge/{knowledge}/"]:
            page.goto(base_url + rel)
            network.settle(page)
            assert _violations(page, console) == [], rel
    finally:
        context.close()


def test_search_and_the_workbook_work_under_the_policy(browser, base_url):
    context = browser.new_context(accept_downloads=True)
    try:
        page = context.new_page()
        console = _watch(page)
        page.goto(base_url + "case-studies/?theme=semh")
        page.locator("input.md-search__input").click()
        page.keyboard.type("velcro TA")
        page.wait_for_selector("li.md-search-result__item")
        assert _violations(page, console) == []
        page.goto(base_url + "self-evaluation/")
        expect(page.locator("#wb-summary table")).to_be_visible()
        page.locator("details.wb-area > summary").first.click()      # open Area 1, as a reader does
        page.get_by_label(re.compile(r"^Evidence of current practice for statement 1\.1")).fill("Under the policy")
        with page.expect_download():
            page.get_by_role("button", name=re.compile(r"CSV")).first.click()
        page.reload()
        expect(page.get_by_label(re.compile(r"^Evidence of current practice for statement 1\.1"))).to_have_value(
            "Under the policy")
        assert _violations(page, console) == []
    finally:
        context.close()
