"""Offline after one visit, in Chromium: one browser context goes through what a SENCO on a train does.

Visit the home page once and wait for the service worker; go offline; every page opens, search answers and the
self-evaluation keeps a judgement over a reload. Then a new edition is published at the same address: the open
page says so, Reload brings it in, and every page, online and then offline, shows the new edition and nothing
of the old one; the saved judgement is still there. The tests run in this file's order and share the context.
"""
from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest
from playwright.sync_api import expect

from conftest import ROOT, QuietHandler, build_site, copy_project
from framework.load import load_framework

FW = load_framework(ROOT / "data" / "framework.yaml", ROOT / "data" / "knowledge")
NEW_EDITION = "2099.1"
STATEMENT = FW.statements[6]
TIER = FW.tiers[1].name
LIMIT = 8 * 1024 * 1024
FIXTURES = ROOT / "tests" / "fixtures"

WORKER_READY = """async () => {
  const reg = await navigator.serviceWorker.getRegistration();
  return !!(reg && reg.active && reg.active.state === "activated" && navigator.serviceWorker.controller);
}"""
FOOTER_EDITION = "() => document.querySelector('.site-footer strong').textContent.trim()"
CACHE_BYTES = """async () => {
  let total = 0, count = 0;
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) { total += (await (await cache.match(request)).arrayBuffer()).byteLength; count++; }
  }
  return { names: await caches.keys(), total, count };
}"""


@pytest.fixture(scope="module")
def served(site_dir, tmp_path_factory):
    """The built site on a port of its own, whose folder can be swapped for another build (a new edition
    published at the same address)."""
    state = {"dir": str(site_dir)}

    class Handler(QuietHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=state["dir"], **kwargs)

        def send_head(self):
            # http.server answers "not modified" by file times alone; a build swapped in may have older ones
            del self.headers["If-Modified-Since"]
            return super().send_head()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def next_edition(tmp_path_factory) -> object:
    """The same project with a new edition id, built."""
    project = copy_project(tmp_path_factory.mktemp("next-edition"))
    data = project / "data" / "framework.yaml"
    text = data.read_text(encoding="utf-8")
    edition = f"id: '{FW.edition.id}'"
    assert edition in text
    data.write_text(text.replace(edition, f"id: '{NEW_EDITION}'", 1), encoding="utf-8")
    out = tmp_path_factory.mktemp("next-edition-site")
    result = build_site(project, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def context(browser):
    ctx = browser.new_context(service_workers="allow")
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def tab(context):
    return context.new_page()


@functools.lru_cache(maxsize=None)
def pages(site: str) -> dict[str, str]:
    """Every page of a built site (no redirect stub, no 404) by its address, with its h1's text."""
    from bs4 import BeautifulSoup
    from pathlib import Path
    out = {}
    for path in sorted(Path(site).rglob("index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.h1 is None:
            continue
        rel = path.relative_to(site).as_posix()[:-len("index.html")]
        out[rel] = " ".join(soup.h1.get_text(" ").split())
    return out


def heading(tab) -> str:
    return " ".join(tab.locator("h1").first.inner_text().split())


def test_one_visit_makes_the_site_ready_offline(tab, context, served):
    _, base = served
    tab.goto(base)
    tab.wait_for_function(WORKER_READY, timeout=60_000, polling=250)
    tab.goto(base + "downloads/")
    expect(tab.locator("[data-offline-status]")).to_contain_text(
        re.compile(r"Ready to use offline: \d+ pages, \d+(\.\d)? MB"), timeout=30_000)


def test_every_page_opens_offline(tab, context, served, site_dir):
    _, base = served
    context.set_offline(True)
    try:
        for rel, h1 in pages(str(site_dir)).items():
            tab.goto(base + rel, wait_until="domcontentloaded")
            assert heading(tab) == h1, rel
            assert tab.evaluate(FOOTER_EDITION) == FW.edition.id, rel
        tab.goto(base + "no-such-page/")
        assert "offline" in heading(tab).lower()
        tab.get_by_role("main").get_by_role("link", name=re.compile("home page", re.I)).click()
        tab.wait_for_url(base)
    finally:
        context.set_offline(False)


def test_search_answers_offline(tab, context, served):
    _, base = served
    context.set_offline(True)
    try:
        tab.set_viewport_size({"width": 1280, "height": 900})
        tab.goto(base)
        box = tab.locator("input.md-search__input")
        box.click()
        box.type("raising a concern")
        expect(tab.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ matching pages?"), timeout=15_000)
        expect(tab.locator("li.md-search-result__item").first).to_be_visible()
    finally:
        context.set_offline(False)


def judge(tab, base):
    tab.goto(base + "self-evaluation/")
    expect(tab.locator("#wb-summary table")).to_be_visible()
    area = tab.locator("details.wb-area", has=tab.locator(f"#eval-{STATEMENT.id}"))
    if area.get_attribute("open") is None:                  # one area at a time: open the statement's, as a reader does
        area.locator("> summary").click()
    group = tab.get_by_role("group", name=f"{STATEMENT.label} {STATEMENT.text}", exact=True)
    return group.get_by_role("radio", name=TIER, exact=True)


def test_workbook_pages_work_offline(tab, context, served):
    """Judge a statement and make it a priority offline, reload; the action plan, compare and trust overview
    pages then work on it offline (their file readers load on first use, from the cache)."""
    _, base = served
    context.set_offline(True)
    try:
        judge(tab, base).check()
        tab.get_by_label(f"Make statement {STATEMENT.label} a priority for development").check()
        tab.reload()
        expect(judge(tab, base)).to_be_checked()
        tab.goto(base + "action-plan/")
        expect(tab.locator(f"#plan-{STATEMENT.id}")).to_contain_text(STATEMENT.text[:40])
        tab.goto(base + "compare/")
        tab.set_input_files("#cmp-earlier", str(FIXTURES / "oak-2025.json"))
        tab.get_by_role("button", name="Compare", exact=True).click()
        expect(tab.locator(".cmp-counts")).to_contain_text("statement")
        tab.goto(base + "trust-overview/")
        tab.get_by_label(re.compile("^Schools' exported self-evaluations")).set_input_files(
            [str(FIXTURES / n) for n in ("oak-2026.json", "birch-2026.json")])
        expect(tab.locator("article").get_by_role("status").filter(has_text="schools loaded")).to_have_text(
            "2 schools loaded.")
    finally:
        context.set_offline(False)


def test_a_new_edition_is_announced_then_shown_everywhere_never_mixed(tab, context, served, next_edition):
    state, base = served
    old = state["dir"]
    state["dir"] = str(next_edition)          # published at the same address
    try:
        tab.goto(base + "tiers/")             # the worker checks for an update on each navigation
        assert tab.evaluate(FOOTER_EDITION) == FW.edition.id      # the current edition keeps working meanwhile
        notice = tab.get_by_role("status").filter(has_text=f"A new edition ({NEW_EDITION}) is available")
        expect(notice).to_be_visible(timeout=60_000)
        button = notice.get_by_role("button", name="Reload")
        button.focus()
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        tab.wait_for_function(f"() => document.querySelector('.site-footer strong').textContent.trim() === '{NEW_EDITION}'")
        for offline in (False, True):
            context.set_offline(offline)
            for rel in pages(str(next_edition)):
                tab.goto(base + rel, wait_until="domcontentloaded")
                assert tab.evaluate(FOOTER_EDITION) == NEW_EDITION, (rel, "offline" if offline else "online")
        expect(judge(tab, base)).to_be_checked()                  # saved work untouched by the update
        caches = tab.evaluate("async () => await caches.keys()")
        assert len(caches) == 1 and NEW_EDITION in caches[0], caches
    finally:
        context.set_offline(False)
        state["dir"] = old


def test_the_cache_holds_at_most_8_mb(tab, served):
    _, base = served
    tab.goto(base)
    found = tab.evaluate(CACHE_BYTES)
    assert found["count"] > 0 and 0 < found["total"] <= LIMIT, found
