"""Accessibility (WCAG 2.2 AA): axe-core on every built page in both palettes, and the page structure.

axe-core comes from npm (node_modules/axe-core, pinned in package.json) and is injected with Playwright into
headless Debian Chromium. Rules: the WCAG 2.0/2.1/2.2 A and AA tags plus axe's best-practice rules
(landmarks, one <h1>, headings in order, skip link, named dialogs).

Every page is loaded once, for all that a desktop visit checks: axe's rules in the light palette, axe's colour
rules after the page's palette switch turns it dark, and every request the page makes (the no-other-host test,
tests/test_quality_requests.py, gets its results from here). The phone, search and workbook tests load the dark
palette the way a visitor's system chooses it (prefers-color-scheme: dark) and check that Material applied it.
"""
from __future__ import annotations

import pytest

from test_quality_common import (
    AXE_JS, BEST_PRACTICE_TAGS, WCAG_TAGS, content_pages, open_page, require_file, serve_under_site_prefix,
    wait_for_scheme,
)
from test_quality_requests import Recorder

SCHEMES = {"light": "default", "dark": "slate"}

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


def axe_violations(pg, axe_source: str, colours_only: bool = False) -> list[dict]:
    if not pg.evaluate("typeof window.axe !== 'undefined'"):
        pg.evaluate(axe_source)
    if colours_only:
        return pg.evaluate(RUN_AXE, {"type": "rule", "values": COLOUR_RULES})
    return pg.evaluate(RUN_AXE, {"type": "tag", "values": WCAG_TAGS + BEST_PRACTICE_TAGS})


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
    (the colour rules), and a Recorder of every request the pages made."""
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    serve_under_site_prefix(context)
    recorder = Recorder(context)
    pg = context.new_page()
    found = {"light": {}, "dark": {}}
    try:
        for rel in content_pages(html_pages):
            recorder.page = rel
            open_page(pg, base_url, rel)
            wait_for_scheme(pg, SCHEMES["light"])
            if violations := axe_violations(pg, axe_source):
                found["light"][rel] = violations
            switch_palette(pg, "dark")
            if violations := axe_violations(pg, axe_source, colours_only=True):
                found["dark"][rel] = violations
            switch_palette(pg, "light")
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


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_workbook_in_use_has_no_axe_violations(browser, base_url, html_pages, axe_source, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    found = {}
    try:
        open_page(pg, base_url, "self-evaluation/index.html")
        wait_for_scheme(pg, SCHEMES[scheme])
        assert pg.evaluate(FILL_WORKBOOK) > 0, "no tier choices found on the self-evaluation page"
        pg.wait_for_timeout(300)
        if violations := axe_violations(pg, axe_source):
            found["self-evaluation, filled in"] = violations
        for rel in ("action-plan/index.html", "compare/index.html", "trust-overview/index.html"):
            assert rel in html_pages, f"{rel} is missing from the site"
            open_page(pg, base_url, rel)           # they read the saved evaluation from localStorage
            wait_for_scheme(pg, SCHEMES[scheme])
            pg.wait_for_timeout(300)
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


def test_skip_link_appears_on_the_first_tab_and_moves_focus_past_the_header(page, base_url):
    open_page(page, base_url, "areas/leadership-of-send/index.html")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box and box["width"] > 0 and box["y"] >= 0, "the focused skip link should be on screen"
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    assert page.evaluate("location.hash") == "#" + page.locator("h1").get_attribute("id")
    page.keyboard.press("Tab")
    in_main = page.evaluate("document.activeElement.closest('main, article, .md-content') !== null")
    assert in_main, "after the skip link, Tab should reach the page's content, not the header or navigation"


# ---- Visible focus ----

FOCUS_PAGES = ["index.html", "areas/leadership-of-send/index.html", "case-studies/index.html",
               "self-evaluation/index.html", "case-studies/the-hive/index.html", "glossary/index.html"]
MAX_TAB_STOPS = 600
# Look closely at the first tab stops of each kind (tag, classes, place) on each page: 3 in the light palette;
# in the dark one, where only the colours differ, the first of each kind (found by the light walk: first_of_kind).
SAME_KIND_CHECKS = {"light": 3, "dark": 1}

FOCUS_BOX = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // Focus came round to the start again (a fixed header's controls have a new y once the page has scrolled).
  const again = el.dataset.qualitySeen === "1";
  el.dataset.qualitySeen = "1";
  let shown = el;
  const r0 = el.getBoundingClientRect();
  if (r0.width < 2 || r0.height < 2 || getComputedStyle(el).opacity === "0") {
    // A visually hidden control shows its focus on a label (Material's palette switch: the next one).
    const labels = [el.nextElementSibling, ...(el.labels || [])].filter(l => l && l.tagName === "LABEL");
    shown = labels.find(l => { const r = l.getBoundingClientRect(); return r.width >= 2 && r.height >= 2; }) || el;
  }
  const r = shown.getBoundingClientRect();
  const classes = e => [...e.classList].filter(c => !c.startsWith("focus-visible")).sort().join(".");
  const place = el.closest("header, nav, main, footer, aside, form");
  return {x: r.x, y: r.y + scrollY, top: r.y, width: r.width, height: r.height,
          kind: el.tagName + "." + classes(el) + " in " + (place ? place.tagName + "." + classes(place) : "body"),
          what: el.outerHTML.slice(0, 160), shownBy: shown === el ? "itself" : "its label", again};
}"""


def _clip(box, viewport, margin=8):
    x = max(0, box["x"] - margin)
    y = max(0, box["top"] - margin)
    w = min(viewport["width"], box["x"] + box["width"] + margin) - x
    h = min(viewport["height"], box["top"] + box["height"] + margin) - y
    return {"x": x, "y": y, "width": w, "height": h} if w > 0 and h > 0 else None


@pytest.fixture(scope="module")
def first_of_kind() -> dict[str, dict[int, str]]:
    """Per page, the first tab stop of each kind, by the number of Tab presses that reach it: found by the light
    palette's walk. The dark palette's walk (the same page, only its colours differ) presses Tab as often and looks
    closely at those stops alone."""
    return {}


def _check_focus(pg, rel: str, box: dict, viewport) -> list[str]:
    """Screenshot the focused stop, then the same place with focus gone: they must differ."""
    focused = pg.screenshot(clip=_clip(box, viewport), animations="disabled", caret="hide")
    pg.evaluate("() => { const el = document.activeElement; el.dataset.qualityFocus = '1'; el.blur(); }")
    unfocused = pg.screenshot(clip=_clip(box, viewport), animations="disabled", caret="hide")
    # Put focus back where it was, so that the next Tab moves on from there.
    pg.evaluate("""() => { const el = document.querySelector('[data-quality-focus]');
                           delete el.dataset.qualityFocus; el.focus({preventScroll: true}); }""")
    return [f"{rel}: no visible focus on {box['what']} (shown by {box['shownBy']})"] if focused == unfocused else []


def _on_screen(box, viewport) -> bool:
    return box["width"] >= 1 and box["height"] >= 1 and _clip(box, viewport) is not None


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_tab_stop_shows_visible_focus(browser, base_url, first_of_kind, scheme):
    """Tab through each page: every stop must be on screen, and look different focused and unfocused."""
    viewport = {"width": 1280, "height": 900}
    # bypass_csp: the test's own inline style below (no transitions, so each state is settled) is not the site's;
    # the site's policy is tested in test_security_site.py
    context = browser.new_context(color_scheme=scheme, viewport=viewport, reduced_motion="reduce", bypass_csp=True)
    pg = context.new_page()
    problems = []
    try:
        for rel in FOCUS_PAGES:
            open_page(pg, base_url, rel)
            wait_for_scheme(pg, SCHEMES[scheme])
            pg.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
            known = first_of_kind.get(rel) if scheme == "dark" else None
            if known:                                  # the stops the light walk found first of their kind
                for presses in range(1, max(known) + 1):
                    pg.keyboard.press("Tab")
                    if presses in known:
                        box = pg.evaluate(FOCUS_BOX)
                        if box is None or box["kind"] != known[presses]:
                            problems.append(f"{rel}: Tab {presses} reached {box and box['what']}, not a {known[presses]} "
                                            "as in the light palette")
                            break
                        problems += (_check_focus(pg, rel, box, viewport) if _on_screen(box, viewport)
                                     else [f"{rel}: focus went to something not on screen: {box['what']}"])
                continue
            seen, kinds, first = set(), {}, {}
            for presses in range(1, MAX_TAB_STOPS + 1):
                pg.keyboard.press("Tab")
                box = pg.evaluate(FOCUS_BOX)
                if box is None or box["again"] or (box["what"], round(box["y"])) in seen:
                    break                                  # focus left the page or came round again
                seen.add((box["what"], round(box["y"])))
                if not _on_screen(box, viewport):
                    problems.append(f"{rel}: focus went to something not on screen: {box['what']}")
                    continue
                kinds[box["kind"]] = kinds.get(box["kind"], 0) + 1
                if kinds[box["kind"]] == 1:
                    first[presses] = box["kind"]
                if kinds[box["kind"]] <= SAME_KIND_CHECKS[scheme]:
                    problems += _check_focus(pg, rel, box, viewport)
            else:
                problems.append(f"{rel}: more than {MAX_TAB_STOPS} tab stops; raise MAX_TAB_STOPS")
            if scheme == "light":
                first_of_kind[rel] = first
    finally:
        context.close()
    assert not problems, f"focus problems ({scheme} palette):\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_palette_switch_by_keyboard_says_what_it_does(browser, base_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    try:
        open_page(pg, base_url, "index.html")
        wait_for_scheme(pg, SCHEMES[scheme])
        for _ in range(10):
            pg.keyboard.press("Tab")
            if pg.evaluate("document.activeElement.classList.contains('md-option')"):
                break
        else:
            pytest.fail("Tab never reached the palette switch")
        name = pg.evaluate("document.activeElement.getAttribute('aria-label')")
        shown = pg.evaluate("[...document.querySelectorAll('.md-option + label')].find(l => !l.hidden).title")
        assert name == shown, f"the focused switch is called {name!r} but the button on screen says {shown!r}"
        other = "slate" if SCHEMES[scheme] == "default" else "default"
        pg.keyboard.press("Enter")
        wait_for_scheme(pg, other)
        name = pg.evaluate("document.activeElement.getAttribute('aria-label')")
        shown = pg.evaluate("[...document.querySelectorAll('.md-option + label')].find(l => !l.hidden).title")
        assert name == shown, f"after switching, the focused switch is called {name!r} but says {shown!r}"
    finally:
        context.close()
