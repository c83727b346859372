"""Accessibility (WCAG 2.2 AA): axe-core on every built page in both palettes, and the page structure.

axe-core comes from npm (node_modules/axe-core, pinned in package.json) and is injected with Playwright into
headless Debian Chromium. Rules: the WCAG 2.0/2.1/2.2 A and AA tags plus axe's best-practice rules
(landmarks, one <h1>, headings in order, skip link, named dialogs).

Every page is loaded once, for all that a desktop visit checks: axe's rules in the light palette, axe's colour
rules in the dark one, and every request the page makes. Each page opens in the palette the page before was left
in (Material keeps the choice) and its palette switch turns it to the other (the no-other-host test,
tests/test_quality_requests.py, gets its results from here). The phone, search and workbook tests load the dark
palette the way a visitor's system chooses it (prefers-color-scheme: dark) and check that Material applied it.
"""
from __future__ import annotations

import pytest

from test_quality_common import (
    AXE_JS, BEST_PRACTICE_TAGS, SCHEMES, WCAG_TAGS, content_pages, open_page, require_file, serve_under_site_prefix,
    wait_for_scheme,
)
from test_quality_requests import Recorder

RUN_AXE = """async (runOnly) => {
  const result = await axe.run(document, {runOnly, resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary.replace(/\\s+/g, " ")),
  }));
}"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    return require_file(AXE_JS, "axe-core").read_text(encoding="utf-8")


# The rules whose answer depends on colours. The two palettes differ only in colours (Material sets them as
# CSS custom properties on the same markup), so on every page the second palette is checked with these rules
# alone; the palette-specific markup (the palette switch's label) is checked with every rule in both palettes
# by the phone, search and workbook tests below.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


# On a phone the side menu's checkbox is the menu's keyboard control, shown over the header's menu button. It is
# outside every landmark (the best-practice rule "region") because Material's CSS needs it before the header and
# the page, as their sibling. That one node is allowed.
OUTSIDE_LANDMARKS = ("region", "#__drawer: ")


def axe_violations(pg, axe_source: str, colours_only: bool = False) -> list[dict]:
    if not pg.evaluate("typeof window.axe !== 'undefined'"):
        pg.evaluate(axe_source)
    if colours_only:
        return pg.evaluate(RUN_AXE, {"type": "rule", "values": COLOUR_RULES})
    found = pg.evaluate(RUN_AXE, {"type": "tag", "values": WCAG_TAGS + BEST_PRACTICE_TAGS})
    rule, node = OUTSIDE_LANDMARKS
    for v in found:
        if v["id"] == rule:
            v["nodes"] = [n for n in v["nodes"] if not n.startswith(node)]
    return [v for v in found if v["nodes"]]


def describe(found: dict[str, list[dict]]) -> str:
    lines = []
    for where, violations in found.items():
        for v in violations:
            lines.append(f"{where}: [{v['id']}, {v['impact']}] {v['help']}")
            lines.extend(f"    {node[:400]}" for node in v["nodes"][:5])
            if len(v["nodes"]) > 5:
                lines.append(f"    ... and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


# Choose a palette as Material's palette switch does (its radio button checked, and the change it listens for), from
# script, so that focus stays where it is.
CHOOSE_PALETTE = """scheme => {
  const input = document.querySelector(`input[name=__palette][data-md-color-scheme='${scheme}']`);
  if (!input) return false;
  input.checked = true;
  input.dispatchEvent(new Event("change", {bubbles: true}));
  return true;
}"""
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"


def switch_palette(pg, scheme: str) -> None:
    """Turn the open page to a palette (Material saves the choice: the next page opens in it)."""
    assert pg.evaluate(CHOOSE_PALETTE, SCHEMES[scheme]), f"{pg.url}: no palette switch on the page"
    wait_for_scheme(pg, SCHEMES[scheme])
    pg.wait_for_function(SETTLED)


@pytest.fixture(scope="module")
def every_page(browser, base_url, html_pages, axe_source):
    """Each page at 1280px, loaded once: axe's violations in the light palette (every rule) and in the dark one
    (the colour rules), one palette as the page opens and the other after its switch, and a Recorder of every
    request the pages made."""
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    serve_under_site_prefix(context)
    recorder = Recorder(context)
    pg = context.new_page()
    found = {"light": {}, "dark": {}}
    opens_in = "light"                  # the palette the next page opens in: the one the last page was left in
    try:
        for rel in content_pages(html_pages):
            recorder.page = rel
            open_page(pg, base_url, rel)
            wait_for_scheme(pg, SCHEMES[opens_in])
            # Check the palette the page opened in, then switch to the other and check that: one switch a page.
            other = "dark" if opens_in == "light" else "light"
            for scheme in (opens_in, other):
                if scheme == other:
                    switch_palette(pg, other)
                if violations := axe_violations(pg, axe_source, colours_only=scheme == "dark"):
                    found[scheme][rel] = violations
            opens_in = other
            recorder.settle(pg)
    finally:
        context.close()
    return found, recorder


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_page_has_no_axe_violations(every_page, scheme):
    found = every_page[0][scheme]
    assert not found, f"axe-core found problems in the {scheme} palette:\n" + describe(found)


def test_no_page_requests_anything_from_another_host(every_page, html_pages):
    recorder = every_page[1]
    assert recorder.count > len(html_pages) * 3, "the recorder should have seen every page's assets"
    assert not recorder.outside and not recorder.failed, recorder.report()


# A phone: the navigation is a drawer, the search a full-screen overlay; targets must still be 24px.
PHONE_PAGES = ["index.html", "areas/leadership-of-send/index.html", "case-studies/the-hive/index.html",
               "case-studies/index.html", "self-evaluation/index.html"]


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_phone_layout_and_open_drawer_have_no_axe_violations(browser, base_url, html_pages, axe_source, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 375, "height": 740},
                                  device_scale_factor=2, is_mobile=True, has_touch=True)
    pg = context.new_page()
    found = {}
    try:
        for rel in PHONE_PAGES:
            assert rel in html_pages, rel
            open_page(pg, base_url, rel)
            wait_for_scheme(pg, SCHEMES[scheme])
            if violations := axe_violations(pg, axe_source):
                found[rel] = violations
        # The navigation drawer, opened with its menu button.
        pg.locator("label.md-header__button[for='__drawer']").click()
        # open, and done sliding in (its transition finished) rather than a fixed wait
        pg.wait_for_function("""() => document.getElementById("__drawer").checked
                                      && document.getAnimations().every(a => a.playState !== "running")""")
        if violations := axe_violations(pg, axe_source):
            found["navigation drawer open"] = violations
    finally:
        context.close()
    assert not found, f"axe-core found problems on a phone ({scheme} palette):\n" + describe(found)


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_search_results_have_no_axe_violations(browser, base_url, axe_source, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    try:
        open_page(pg, base_url, "index.html")
        wait_for_scheme(pg, SCHEMES[scheme])
        pg.locator("input.md-search__input").click()
        pg.keyboard.type("regulation", delay=20)          # Material searches on key presses
        pg.wait_for_selector(".md-search-result__item", timeout=15000)
        violations = axe_violations(pg, axe_source)
    finally:
        context.close()
    assert not violations, "axe-core found problems in the open search results:\n" + describe({"search": violations})


# The workbook pages once someone has used them: tiers chosen, priorities ticked, summary bars drawn,
# next steps and the action plan shown. (Generic selectors: the workbook's own tests check the wording.)
FILL_WORKBOOK = """() => {
  const groups = [...document.querySelectorAll("fieldset.wb-tiers")];
  groups.forEach((group, i) => {
    const radios = [...group.querySelectorAll("input[type=radio]")].filter(r => r.value);
    const radio = radios[i % radios.length];
    if (radio) radio.click();
  });
  [...document.querySelectorAll("input[type=checkbox][name^=priority-]")].filter((_, i) => i % 4 === 0)
    .forEach(box => box.click());
  return groups.length;
}"""


SAVED_AND_SETTLED = """() => localStorage.getItem("inclusion-audit-workbook") !== null
                             && document.getAnimations().every(a => a.playState !== "running")"""


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_workbook_in_use_has_no_axe_violations(browser, base_url, html_pages, axe_source, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    found = {}
    try:
        open_page(pg, base_url, "self-evaluation/index.html")
        wait_for_scheme(pg, SCHEMES[scheme])
        assert pg.evaluate(FILL_WORKBOOK) > 0, "no tier choices found on the self-evaluation page"
        pg.wait_for_function(SAVED_AND_SETTLED)     # the other pages read what it saved
        if violations := axe_violations(pg, axe_source):
            found["self-evaluation, filled in"] = violations
        for rel in ("action-plan/index.html", "compare/index.html", "trust-overview/index.html"):
            assert rel in html_pages, f"{rel} is missing from the site"
            open_page(pg, base_url, rel)           # they read the saved evaluation from localStorage
            wait_for_scheme(pg, SCHEMES[scheme])
            pg.wait_for_function(SETTLED)          # drawn by then (their scripts draw as they start)
            if violations := axe_violations(pg, axe_source):
                found[f"{rel} with a saved evaluation"] = violations
    finally:
        context.close()
    assert not found, f"axe-core found problems in the workbook in use ({scheme} palette):\n" + describe(found)


# ---- Structure, read from the built HTML (every page) ----

def test_every_page_has_one_h1_and_headings_in_order(html_pages, soup):
    problems = []
    for rel in html_pages:
        doc = soup(rel)
        h1s = doc.find_all("h1")
        if len(h1s) != 1:
            problems.append(f"{rel}: {len(h1s)} <h1> elements")
        levels = [(int(h.name[1]), h.get_text(" ", strip=True)[:50])
                  for h in doc.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
        if levels and levels[0][0] != 1:
            problems.append(f"{rel}: the first heading is <h{levels[0][0]}> {levels[0][1]!r}, not the <h1>")
        for (before, _), (level, text) in zip(levels, levels[1:]):
            if level > before + 1:
                problems.append(f"{rel}: <h{level}> {text!r} follows an <h{before}> (a level is skipped)")
    assert not problems, "\n".join(problems)


def test_every_page_has_the_landmarks(html_pages, soup):
    problems = []
    for rel in html_pages:
        doc = soup(rel)
        for tag, count in (("main", 1), ("header", 1), ("footer", 1)):
            found = [el for el in doc.find_all(tag) if el.find_parent(["article", "aside", "section"]) is None]
            if len(found) != count:
                problems.append(f"{rel}: {len(found)} top-level <{tag}>, expected {count}")
        for nav in doc.find_all("nav"):
            if not (nav.get("aria-label") or nav.get("aria-labelledby")):
                problems.append(f"{rel}: a <nav> without an accessible name: {str(nav)[:120]}")
    assert not problems, "\n".join(problems)


def test_every_page_starts_with_a_skip_link_to_its_h1(html_pages, soup):
    problems = []
    for rel in html_pages:
        doc = soup(rel)
        first = doc.body.find(lambda el: el.name in ("a", "button", "input", "select", "textarea")
                              and el.get("type") != "checkbox" and el.get("tabindex") != "-1")
        if first is None or "md-skip" not in (first.get("class") or []):
            problems.append(f"{rel}: the first focusable element is not the skip link: {str(first)[:120]}")
            continue
        target = first.get("href", "").partition("#")[2]
        h1 = doc.find("h1")
        if not target or h1 is None or h1.get("id") != target:
            problems.append(f"{rel}: the skip link goes to #{target}, not to the <h1> (id {h1.get('id') if h1 else None})")
    assert not problems, "\n".join(problems)
