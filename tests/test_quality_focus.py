"""Keyboard use (WCAG 2.2 AA): the skip link, a visible focus on every tab stop in both palettes, and the palette
switch said by name. Each test opens its pages in headless Debian Chromium, as tests/test_quality_axe.py does.

These are apart from the axe-core checks so that the two test workers (scripts/test.sh) can run them side by side.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from test_quality_common import SCHEMES, open_page, wait_for_scheme


def test_skip_link_appears_on_the_first_tab_and_moves_focus_past_the_header(page, base_url):
    open_page(page, base_url, "areas/leadership-of-send/index.html")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box and box["width"] > 0 and box["y"] >= 0, "the focused skip link should be on screen"
    page.keyboard.press("Enter")
    _wait_quietly(page, "() => location.hash !== ''")       # the link followed (the assertion below says where to)
    assert page.evaluate("location.hash") == "#" + page.locator("h1").get_attribute("id")
    page.keyboard.press("Tab")
    in_main = page.evaluate("document.activeElement.closest('main, article, .md-content') !== null")
    assert in_main, "after the skip link, Tab should reach the page's content, not the header or navigation"


def test_the_back_to_top_button_takes_focus_only_when_shown(page, base_url):
    """The theme's Back to top button is invisible until the reader scrolls up. Until then a Tab press must not
    land on it; once shown, it is a tab stop like any other."""
    page.set_viewport_size({"width": 1280, "height": 700})
    open_page(page, base_url, "glossary/index.html")
    top = page.locator(".md-top")
    assert top.evaluate("el => el.hidden"), "the button should start hidden"
    assert top.evaluate("el => el.tabIndex") == -1, "a hidden Back to top button should not be a tab stop"
    page.mouse.wheel(0, 3000)
    _wait_quietly(page, "() => window.scrollY > 2000")
    page.mouse.wheel(0, -400)                    # Material shows the button as the reader scrolls up
    page.wait_for_function("() => !document.querySelector('.md-top').hidden")
    page.wait_for_function("() => document.querySelector('.md-top').tabIndex === 0")


def _wait_quietly(pg, condition: str, timeout: float = 2000) -> None:
    """Wait until condition holds, at most timeout ms; the test's own assertion then says what is wrong."""
    try:
        pg.wait_for_function(condition, timeout=timeout)
    except PlaywrightTimeoutError:
        pass


# ---- Visible focus ----

FOCUS_PAGES = ["index.html", "areas/leadership-of-send/index.html", "case-studies/index.html",
               "self-evaluation/index.html", "case-studies/the-hive/index.html", "glossary/index.html"]
MAX_TAB_STOPS = 600
# Look closely at the first tab stops of each kind (tag, classes, place) on each page: 3 in the light palette;
# in the dark one, where only the colours differ, the first of each kind (found by the light walk: first_of_kind).
SAME_KIND_CHECKS = {"light": 3, "dark": 1}

# What shows a focused control: itself, or for a visually hidden control (Material's palette switch, the side
# menu's checkbox) the label a reader sees: of the next element and the control's labels, one with a size that is
# on top at its centre (the side menu's checkbox has three labels: the overlay, the menu button and the open
# drawer's title; which one is seen depends on whether the drawer is open). Null if none is seen.
SHOWN_BY = """el => {
  const r0 = el.getBoundingClientRect();
  if (r0.width >= 2 && r0.height >= 2 && getComputedStyle(el).opacity !== "0") return el;
  const labels = [el.nextElementSibling, ...(el.labels || [])].filter(l => l && l.tagName === "LABEL");
  return labels.find(l => { const r = l.getBoundingClientRect();
    return r.width >= 2 && r.height >= 2 && l.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); })
    || null;
}"""

FOCUS_BOX = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // Focus came round to the start again (a fixed header's controls have a new y once the page has scrolled).
  const again = el.dataset.qualitySeen === "1";
  el.dataset.qualitySeen = "1";
  const shown = (SHOWN_BY)(el) || el;
  const r = shown.getBoundingClientRect();
  const classes = e => [...e.classList].filter(c => !c.startsWith("focus-visible")).sort().join(".");
  const place = el.closest("header, nav, main, footer, aside, form");
  return {x: r.x, y: r.y + scrollY, top: r.y, width: r.width, height: r.height,
          kind: el.tagName + "." + classes(el) + " in " + (place ? place.tagName + "." + classes(place) : "body"),
          what: el.outerHTML.slice(0, 160), shownBy: shown === el ? "itself" : "its label", again};
}""".replace("SHOWN_BY", SHOWN_BY)


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


# ---- Search and the side menu: no tab stop behind a panel or off screen ----

# The focused element as a reader sees it: its box (a visually hidden control shows focus on its label: SHOWN_BY),
# and whether it or an ancestor is hidden or fully transparent.
SEEN_STOP = """() => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  const what = el.outerHTML.slice(0, 140), inDrawer = !!el.closest(".md-sidebar--primary");
  el = (SHOWN_BY)(el) || el;
  const r = el.getBoundingClientRect();
  let hidden = getComputedStyle(el).visibility === "hidden";
  for (let e = el; e && !hidden; e = e.parentElement) hidden = getComputedStyle(e).opacity === "0";
  return {what, inDrawer, seen: !hidden && r.width >= 1 && r.height >= 1 && r.left >= 0 && r.right <= innerWidth,
          seenWhole: r.top > -1 && r.bottom < innerHeight + 1};    // scrolling is by whole pixels
}""".replace("SHOWN_BY", SHOWN_BY)
SEEN = f"() => ({SEEN_STOP})()?.seen === true"
SEARCH_OPEN = "() => document.getElementById('__search').checked || document.body.hasAttribute('data-md-scrolllock')"


def _stop(pg) -> dict:
    """The focused element, once any transition (the search panel opening, the skip link showing) has let it show."""
    _wait_quietly(pg, SEEN, 600)
    return pg.evaluate(SEEN_STOP)


@pytest.mark.parametrize("width", [390, 1280])
def test_tabbing_out_of_search_closes_it(browser, base_url, width):
    """Search is a dialog: Tab from the box through its results keeps it open; Tab past the last result, or
    Shift+Tab back from the box, closes it, as Escape does (on a phone the page scrolls again)."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    pg = context.new_page()
    try:
        for rel in ("index.html", "areas/leadership-of-send/index.html"):
            open_page(pg, base_url, rel)
            pg.focus("#site-search-input")
            pg.wait_for_function("() => document.getElementById('__search').checked")
            # one input event, so one answer: an answer drawn while Tab walks the links would take focus away
            pg.fill("#site-search-input", "attendance")
            pg.wait_for_function("() => document.querySelectorAll('#site-search-result a').length > 0")
            pg.wait_for_timeout(150)
            links = pg.evaluate("() => document.querySelectorAll('#site-search-result a').length")
            reached = 0
            for _ in range(links + 5):
                pg.keyboard.press("Tab")
                if not pg.evaluate("() => !!document.activeElement.closest('.md-search')"):
                    break
                assert pg.evaluate("() => document.getElementById('__search').checked"), \
                    f"{rel} at {width}px: search closed while focus was still in it"
                reached += pg.evaluate("() => document.activeElement.matches('#site-search-result a')")
            assert reached == links, f"{rel} at {width}px: Tab reached {reached} of the {links} result links"
            _wait_quietly(pg, f"() => !({SEARCH_OPEN})()")
            assert not pg.evaluate(SEARCH_OPEN), f"{rel} at {width}px: search stayed open after Tab left it"
            pg.wait_for_timeout(300)                  # the page's scroll put back (on a phone), after search closed
            stop = _stop(pg)
            assert stop and stop["seen"] and stop["seenWhole"], \
                f"{rel} at {width}px: Tab out of search went to {stop and stop['what']}, not on screen"

            pg.focus("#site-search-input")
            pg.wait_for_function("() => document.getElementById('__search').checked")
            pg.keyboard.press("Shift+Tab")
            _wait_quietly(pg, f"() => !({SEARCH_OPEN})()")
            assert not pg.evaluate(SEARCH_OPEN), f"{rel} at {width}px: search stayed open after Shift+Tab left it"
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_the_side_menu_is_in_the_tab_order_only_when_shown(browser, base_url, width):
    """On a phone the side menu is a drawer off the screen's left edge: closed, none of its links is a tab stop
    (a keyboard user would tab through dozens of stops they cannot see); opened, they are. On a wide screen the
    menu is always shown and always in the tab order."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    pg = context.new_page()
    try:
        # the home page has no side menu on a wide screen (hide: navigation); an area page has
        for rel in ("index.html", "areas/leadership-of-send/index.html"):
            open_page(pg, base_url, rel)
            drawer_stops = 0
            for presses in range(1, 41):
                pg.keyboard.press("Tab")
                stop = _stop(pg)
                if stop is None:
                    continue                                    # past the page's end: the next Tab comes round
                drawer_stops += stop["inDrawer"]
                if width < 1280:
                    assert stop["seen"], f"{rel} at {width}px: Tab {presses} went to something not seen: {stop['what']}"
            if width < 1280:
                assert not drawer_stops, f"{rel} at {width}px: the closed menu's links are tab stops"
        if width == 1280:
            assert drawer_stops, "at 1280px the side menu's links should be in the tab order"
            return

        in_drawer = "() => !!document.activeElement.closest('.md-sidebar--primary')"
        open_page(pg, base_url, "areas/leadership-of-send/index.html")
        pg.click("label.md-header__button[for='__drawer']")           # the menu button opens the drawer
        pg.wait_for_function("() => document.getElementById('__drawer').checked")
        # From the page's first content link, Shift+Tab goes back into the menu (just before the content).
        pg.evaluate("() => document.querySelector('.md-content a[href]').focus()")
        for _ in range(5):
            pg.keyboard.press("Shift+Tab")
            if pg.evaluate(in_drawer):
                break
        stop = _stop(pg)
        assert stop and stop["inDrawer"] and stop["seen"], f"at {width}px the open menu's links are not reached: {stop}"

        pg.click(".md-overlay", position={"x": width - 10, "y": 400})    # a tap beside the drawer closes it
        pg.wait_for_function("() => !document.getElementById('__drawer').checked")
        _wait_quietly(pg, "() => getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility === 'hidden'")
        pg.evaluate("() => document.querySelector('.md-content a[href]').focus()")
        pg.keyboard.press("Shift+Tab")
        assert not pg.evaluate(in_drawer), f"at {width}px the closed menu's links are tab stops again"
    finally:
        context.close()


@pytest.mark.parametrize("width,js", [(320, True), (390, True), (390, False), (1280, True)])
def test_the_side_menu_opens_and_closes_from_the_keyboard(browser, base_url, width, js):
    """On a phone, or a desktop zoomed to 400%, the side menu is a drawer behind a menu button. That button is a
    label and takes no focus, so the drawer's checkbox itself is the tab stop, just after the skip link: its focus
    shows on the button (around the drawer once open), Space opens the drawer, Tab goes on into its visible links,
    and back on the checkbox Space closes it.
    No script is needed. On a wide screen the menu is always shown: no such tab stop."""
    viewport = {"width": width, "height": 800}
    context = browser.new_context(viewport=viewport, java_script_enabled=js, reduced_motion="reduce",
                                  bypass_csp=True)     # for the test's own style below
    pg = context.new_page()
    rel = "areas/leadership-of-send/index.html"
    where = f"{rel} at {width}px{'' if js else ' without JavaScript'}"
    on_control = "() => document.activeElement.id === '__drawer'"
    checked = "() => document.getElementById('__drawer').checked"
    # wait_for_function needs the page's scripts on; with no transitions there is nothing to wait for
    seen_stop = (lambda: _stop(pg)) if js else (lambda: pg.evaluate(SEEN_STOP))
    try:
        open_page(pg, base_url, rel)
        # no transitions, so each state is settled (add_style_tag never returns with scripts off)
        pg.evaluate("""() => { const s = document.createElement("style");
          s.textContent = "*, *::before, *::after { transition: none !important; animation: none !important; }";
          document.head.append(s); }""")
        pg.keyboard.press("Tab")
        assert pg.evaluate("() => document.activeElement.matches('a.md-skip')"), f"{where}: Tab 1 missed the skip link"
        pg.keyboard.press("Tab")
        if width >= 1280:
            assert not pg.evaluate(on_control), f"{where}: the hidden menu control is a tab stop"
            return
        assert pg.evaluate(on_control), f"{where}: Tab 2 went to {seen_stop()}, not the menu control"
        box = pg.evaluate(FOCUS_BOX)
        assert box["shownBy"] == "its label" and seen_stop()["seen"], f"{where}: the menu control is not seen: {box}"
        assert not _check_focus(pg, where, box, viewport)

        pg.keyboard.press("Space")
        assert pg.evaluate(checked), f"{where}: Space did not open the menu"
        tabs = 4
        for presses in range(1, tabs + 1):
            pg.keyboard.press("Tab")
            stop = seen_stop()
            assert stop and stop["inDrawer"] and stop["seen"], \
                f"{where}: Tab {presses} after opening the menu went to {stop}, not a link in it"

        for _ in range(tabs):
            pg.keyboard.press("Shift+Tab")
        assert pg.evaluate(on_control), f"{where}: Shift+Tab did not come back to the menu control"
        # the open drawer covers the menu button: the control's focus shows around the drawer
        box = pg.evaluate("""() => { const r = document.querySelector(".md-sidebar--primary").getBoundingClientRect();
          return {x: r.x, top: r.y, width: r.width, height: r.height, what: "the menu control", shownBy: "the drawer"}; }""")
        assert not _check_focus(pg, where, box, viewport)
        pg.keyboard.press("Space")
        assert not pg.evaluate(checked), f"{where}: Space did not close the menu"
        pg.keyboard.press("Tab")
        stop = seen_stop()
        # (without JavaScript the next stop, the palette switch, has no visible button: Material shows it by script)
        assert stop and not stop["inDrawer"] and (stop["seen"] or not js), \
            f"{where}: Tab after closing the menu went to {stop}"
    finally:
        context.close()
