"""The one stylesheet the site ships (finish/styles.py: Material's CSS and ours, cut to the rules the site can
use) renders every element exactly as Material's full CSS does, in Debian Chromium; and the pages without their
indentation (finish/spaces.py) draw as with it.

The reference is the same project built without those two finish steps (and without mkdocs.yml's one stylesheet), so its pages link Material's main.css and
palette.css and our site.css as they come, and keep every space the templates write. Both sites are opened side by side in the same state: six page
types, each on a 390 px phone and a 1280 px laptop and in both palettes; the search open showing results; the
navigation drawer open on a phone; work saved in the workbook; and with JavaScript off. In each state, every element's computed style (every
property but custom properties, which are not drawn; with its ::before, ::after and ::placeholder) and the
screenshot must be the same. The last tests drop one used rule from the shipped stylesheet and check that
the comparison notices, so a purge that drops a used rule cannot pass.
"""
from __future__ import annotations

import base64
import functools
import http.server
import json
import re
import sys
import threading

import pytest

from conftest import ROOT, QuietHandler, copy_project, shared_build
from finish import STEPS
from finish.spaces import collapse_pages
from finish.styles import prune_styles

sys.path.insert(0, str(ROOT / "scripts"))
import build as build_script  # noqa: E402  (scripts/build.py: its render step alone)

PAGES = {"home": "", "area": "areas/leadership-of-send/", "case study": "case-studies/the-hive/",
         "glossary": "glossary/", "self-evaluation": "self-evaluation/", "action plan": "action-plan/"}
PHONE, LAPTOP = 390, 1280
QUERY = "transition"

# What is worth reading. A computed style has some 470 properties and reading one costs about a microsecond, so
# reading them all on every element of a long page takes seconds per site, and most were set by no stylesheet.
# A property that no author rule of either site and no style attribute declares for an element (or its ::before,
# ::after, ::placeholder) takes its value there from Chromium's own stylesheet, the HTML, its parent (inheritance)
# and the element's other properties (font-size carries em values, color currentcolor, border-style the border
# widths, writing-mode the logical properties), all the same in both sites as long as those properties are: by
# induction down the tree and through those properties, comparing each declared property where a rule declaring
# it matches compares everything. So each page lists, per property, the elements that its rules' selectors
# (with ::before, ::after, ::placeholder read as their element) and style attributes give it, and both pages are
# hashed over the union of the two lists, so that a property only the full CSS gives an element is still read
# there (test_comparison_notices_a_lost_property). A rule matched by its selector alone (whatever its @media,
# @supports, @layer or @container) can only add elements. A declaration whose reach a selector does not tell
# (another pseudo-element, such as ::details-content whose children inherit from it; nested rules, @scope,
# @keyframes, @starting-style; a selector querySelectorAll refuses) is read on every element. What does not
# follow from properties is layout: the two sites' pages differ in their whitespace (finish/spaces.py), and some
# properties read back what layout made of them (a box's width and height, margins, padding, insets, grid tracks,
# transform origins): those are read on every element.
DECLARED = """layout => {
  const all = [document.documentElement, document.body, ...document.body.querySelectorAll("*")];
  const index = new Map(all.map((el, i) => [el, i]));
  const everywhere = new Set(layout), where = new Map(), bySelector = new Map();
  const names = style => Array.from({length: style.length}, (_, i) => style[i]);
  const somewhere = (name, i) => { if (!where.has(name)) where.set(name, new Set()); where.get(name).add(i); };
  const grouping = [CSSMediaRule, CSSSupportsRule, CSSLayerBlockRule, CSSContainerRule];
  function walk(rules, plain) {
    for (const rule of rules) {
      if (rule.style && plain && rule instanceof CSSStyleRule) {
        if (!bySelector.has(rule.selectorText)) bySelector.set(rule.selectorText, new Set());
        for (const name of names(rule.style)) bySelector.get(rule.selectorText).add(name);
      } else if (rule.style) {
        for (const name of names(rule.style)) everywhere.add(name);
      }
      if (rule.cssRules) walk(rule.cssRules, plain && grouping.some(type => rule instanceof type));
      if (rule.styleSheet) walk(rule.styleSheet.cssRules, plain);          // @import
    }
  }
  for (const sheet of [...document.styleSheets, ...document.adoptedStyleSheets]) walk(sheet.cssRules, true);
  for (const [selector, declared] of bySelector) {
    const own = selector.replace(/::(before|after|placeholder)(?![\\w-])|:(before|after)(?![\\w-])/g, ":is(*)");
    let matched = null;
    if (!/::|:first-l/.test(own)) { try { matched = document.querySelectorAll(own); } catch (error) {} }
    for (const name of declared) {
      if (!matched) everywhere.add(name);
      else for (const el of matched) if (index.has(el)) somewhere(name, index.get(el));
    }
  }
  all.forEach((el, i) => { for (const name of names(el.style)) somewhere(name, i); });
  const every = [...getComputedStyle(document.documentElement)].filter(name => !name.startsWith("--"));
  const known = new Set(every);
  if (everywhere.has("all") || where.has("all")) return JSON.stringify([every, {}, all.length]);   // listed as "all"
  return JSON.stringify([[...everywhere].filter(name => known.has(name)),
    Object.fromEntries([...where].filter(([name]) => known.has(name)).map(([name, at]) => [name, [...at]])),
    all.length]);
}"""
# Properties whose value getComputedStyle reads back from layout (CSSOM's resolved values, and Chromium's for
# transforms and grid tracks): read on every element whether a stylesheet declares them or not.
LAYOUT = [f"{box}-{side}" for box in ("margin", "padding") for side in ("top", "right", "bottom", "left")] + [
    "width", "height", "top", "right", "bottom", "left", "transform", "transform-origin", "perspective-origin",
    "grid-template-columns", "grid-template-rows"]


def _reading(ref, new) -> tuple[list[str], dict[str, list[str]], int | None]:
    """The properties to read on every element, those to read on some elements too (the union of what the two
    pages declare, DECLARED), and how many elements they were counted over, the same for both pages."""
    (ref_every, ref_where, ref_count), (new_every, new_where, new_count) = (
        json.loads(page.evaluate(DECLARED, LAYOUT)) for page in (ref, new))
    every = set(ref_every) | set(new_every)
    extra: dict[int, set[str]] = {}
    for where in (ref_where, new_where):
        for name, elements in where.items():
            if name not in every:
                for i in elements:
                    extra.setdefault(i, set()).add(name)
    # By element index; with different numbers of elements, the comparison fails anyway (on the elements).
    count = ref_count if ref_count == new_count else None
    return sorted(every), {str(i): sorted(names) for i, names in extra.items()}, count


# Per element, a hash of its computed style (and of its pseudo-elements'), with a short name for messages: the
# values of the properties read on every element and of those read on it too (_reading), hashed as they are
# read, in that order; the text of an element's whole style (every
# property but custom properties, which are not drawn) is only put together for the message when its hashes
# differ (ELEMENT_STYLE).
SIGNATURES = """reading => {
  const [every, extra, count] = JSON.parse(reading);
  const pseudos = ["::before", "::after"];
  const drawn = style => style.content !== "none" && style.content !== "normal";
  window.__styleText = el => {
    const every = [...getComputedStyle(document.documentElement)].filter(p => !p.startsWith("--"));
    const text = style => every.map(name => name + ":" + style.getPropertyValue(name)).join(";");
    let s = text(getComputedStyle(el));
    for (const pseudo of pseudos) {
      const style = getComputedStyle(el, pseudo);
      if (drawn(style)) s += "\\n" + pseudo + " " + text(style);
    }
    if (el.matches("input, textarea")) s += "\\n::placeholder " + text(getComputedStyle(el, "::placeholder"));
    return s;
  };
  let h, n;                  // FNV-1a over the values, each ended by a NUL (which no computed value holds)
  function add(s) {
    for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
    h = Math.imul(h, 0x01000193);
    n += s.length + 1;
  }
  let names;
  function addStyle(style) { for (const name of names) add(style.getPropertyValue(name)); }
  function signature(el, i) {
    h = 0x811c9dc5; n = 0;
    names = extra[i] ? every.concat(extra[i]) : every;
    addStyle(getComputedStyle(el));
    for (const pseudo of pseudos) {
      const style = getComputedStyle(el, pseudo);
      if (drawn(style)) { add(pseudo); addStyle(style); }
    }
    if (el.matches("input, textarea")) { add("::placeholder"); addStyle(getComputedStyle(el, "::placeholder")); }
    return (h >>> 0).toString(16) + ":" + n;
  }
  const all = [document.documentElement, document.body, ...document.body.querySelectorAll("*")];
  if (count !== null && count !== all.length) throw new Error("the page's elements changed while it was read");
  return JSON.stringify(all.map((el, i) => [el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
                        + (el.classList.length ? "." + [...el.classList].join(".") : ""), signature(el, i)]));
}"""

# Pixels that differ between two PNG screenshots (as data: URLs), and the largest difference in one channel.
PIXELS = """async ([a, b]) => {
  async function pixels(url) {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = new OffscreenCanvas(img.width, img.height), context = canvas.getContext("2d");
    context.drawImage(img, 0, 0);
    return context.getImageData(0, 0, img.width, img.height);
  }
  const [A, B] = [await pixels(a), await pixels(b)];
  if (A.width !== B.width || A.height !== B.height) return [-1, 255];
  let count = 0, worst = 0;
  for (let i = 0; i < A.data.length; i += 4) {
    const d = Math.max(...[0, 1, 2, 3].map(k => Math.abs(A.data[i + k] - B.data[i + k])));
    if (d) { count++; worst = Math.max(worst, d); }
  }
  return [count, worst];
}"""
# With the same computed styles and layout, Chromium may still rasterise a few anti-aliased corners of rounded
# borders one or two levels apart between the two sites (seen on the self-evaluation: 12 pixels, by up to 8).
# More than this is a real difference.
NOISE_PIXELS, NOISE_LEVEL = 100, 12

ELEMENT_STYLE = """i => {
  const all = [document.documentElement, document.body, ...document.body.querySelectorAll("*")];
  return window.__styleText(all[i]);
}"""


def _serve(directory):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def full_css_url(tmp_path_factory, worker_id):
    """The site as Material styles it: the project built without finish/styles.py (its pages link Material's
    stylesheets, as when mkdocs.yml names no one stylesheet), and with the pages' whitespace as the templates
    write it (without finish/spaces.py). Built once and shared by the test workers."""
    def make(out):
        project = copy_project(tmp_path_factory.mktemp("full-css-project"))
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        line = "  stylesheet: assets/stylesheets/styles.min.css\n"
        if line not in text:
            return f"mkdocs.yml no longer names one stylesheet with: {line.strip()}"
        config.write_text(text.replace(line, ""), encoding="utf-8")
        if build_script.render(config, out) != 0:
            return "the reference build failed"
        for step in STEPS:
            if step not in (collapse_pages, prune_styles):
                step(out)
    out = shared_build(tmp_path_factory, worker_id, "full-css-site", make)
    assert list(out.glob("assets/stylesheets/main.*.css")) and not list(out.glob("assets/stylesheets/styles.*.css"))
    server, url = _serve(out)
    yield url
    server.shutdown()


def _judge(page, root: str):
    """Work a school might have saved: three statements judged (one with a priority and its action), so the
    workbook draws its next steps, summary bars and action rows (assets/workbook.css, cut like the rest)."""
    page.goto(root + "self-evaluation/")
    page.wait_for_function("() => window.component$ !== undefined")
    for area in ("1", "2", "3"):          # one area open at a time: open the three, as a reader taps them
        page.locator(f"details.wb-area:has(input[name^=tier-statement-{area}-]) > summary").click()
    for statement, tier in (("1-1", "strengthening-practice"), ("2-7", "establishing-foundations"),
                            ("3-1", "sustaining-excellence")):
        page.locator(f"input[name=tier-statement-{statement}][value={tier}]").check()
    page.locator("#priority-statement-2-7").check()
    page.locator("#action-statement-2-7").fill("Plan transitions a term earlier")


# Nothing on the pages loads after the load event but fonts and images (the site has neither today): wait for
# them by name rather than for a quiet network (half a second per page, twice per case).
LOADED = """() => document.fonts.status === "loaded"
                  && [...document.images].every(img => img.complete || img.loading === "lazy")"""


SETTLED = "() => !document.querySelector('.wb-js .wb-area:not(.wb-laid-out)')"

# A transition still running (Material's colours fade for a quarter of a second when the palette is set, or the
# search opens) gives the two sites different values at the moment they are read: wait for the finite ones to end.
STILL = """() => document.getAnimations().every(a => a.playState !== "running"
                                                 || a.effect.getComputedTiming().endTime === Infinity)"""


def _new_tab(browser, width: int, scheme: str, javascript: bool, route=None):
    phone = width == PHONE
    context = browser.new_context(viewport={"width": width, "height": 844 if phone else 900}, is_mobile=phone,
                                  has_touch=phone, color_scheme=scheme, reduced_motion="reduce",
                                  java_script_enabled=javascript)
    if route:
        context.route(*route)
    return context, context.new_page()


@pytest.fixture(scope="module")
def tabs(browser):
    """tabs(site, width, scheme, javascript, judged) -> a page of that site with those settings. One page per site and
    setting, kept open and navigated from case to case (the two sites are on different ports, so each keeps
    its own storage; both go through the same pages, so each has the same visited links): a case loads two
    pages rather than opening two browser contexts. With judged, the page is in a context of its own where work
    was saved (_judge) when it was opened: the workbook pages' cases at one width share it."""
    opened = {}

    def tab(site: str, width: int, scheme: str, javascript: bool, judged: bool = False):
        key = site, width, scheme, javascript, judged
        if key not in opened:
            opened[key] = _new_tab(browser, width, scheme, javascript)
            if judged:
                _judge(opened[key][1], site)
        return opened[key][1]
    yield tab
    for context, _ in opened.values():
        context.close()


def _show(page, root: str, path: str, width: int, state: str) -> None:
    """Load root + path in page and bring it to the state (for "judged", the page's context has saved work)."""
    page.goto(root + path)
    if state != "no JavaScript":
        # Material's bundle and site.js start after the first paint (overrides/main.html): wait for both.
        page.wait_for_function("() => window.component$ !== undefined")
        # The workbook lays out its closed areas once the reader first does something (self-evaluation.mjs):
        # a key press, then wait until it has, so both sites are compared in the same, settled state.
        page.keyboard.press("Shift")
        page.wait_for_function(SETTLED)
    page.wait_for_function(LOADED)
    if state == "search":
        if width == PHONE:
            page.locator("label.md-header__button[for=__search]").click()
        page.locator("input.md-search__input").click()
        # One input event with the whole query (assets/search-box.js searches on input and draws only the results
        # of what the box holds): no earlier keystroke's results can be on screen.
        page.locator("input.md-search__input").fill(QUERY)
        page.wait_for_function("() => /match/.test(document.querySelector('.md-search-result__meta').textContent)"
                               " && document.querySelectorAll('.md-search-result__item').length > 3")
        if width == PHONE:
            # On a phone, Material fixes the page under the open search 400 ms after it opens (data-md-scrolllock).
            page.wait_for_function("() => document.body.hasAttribute('data-md-scrolllock')")
    elif state == "drawer":
        page.locator("label.md-header__button[for=__drawer]").click()
        page.wait_for_function("() => document.getElementById('__drawer').checked")
    page.wait_for_function(STILL)


def _snapshot(page, reading: str):
    return json.loads(page.evaluate(SIGNATURES, reading)), page.screenshot(animations="disabled", caret="hide")


def differences(browser, tabs, reference_url: str, shipped_url: str, path: str, width: int, scheme: str, state: str,
                route=None) -> list[str]:
    """What differs between the two sites for one page in one state (empty when they render the same). route, if
    given, is put on the shipped site's context (to change what it serves)."""
    javascript = state != "no JavaScript"
    own = []                    # contexts opened for this case alone, closed at its end
    # Saved work stays in a context's storage: those cases use tabs of their own, with the same work saved in both.
    # A changed stylesheet is this case's alone: such a case opens both sites in fresh contexts (both, so that the
    # two have the same history, as :visited links draw it).
    if route:
        own = [_new_tab(browser, width, scheme, javascript), _new_tab(browser, width, scheme, javascript, route)]
        ref, new = own[0][1], own[1][1]
        if state == "judged":
            _judge(ref, reference_url)
            _judge(new, shipped_url)
    else:
        judged = state == "judged"
        ref, new = (tabs(reference_url, width, scheme, javascript, judged),
                    tabs(shipped_url, width, scheme, javascript, judged))
    try:
        _show(ref, reference_url, path, width, state)
        _show(new, shipped_url, path, width, state)
        reading = json.dumps(_reading(ref, new))
        for attempt in (1, 2):
            (ref_sig, ref_png), (new_sig, new_png) = _snapshot(ref, reading), _snapshot(new, reading)
            if [name for name, _ in ref_sig] != [name for name, _ in new_sig]:
                return [f"the pages' elements differ ({len(ref_sig)} against {len(new_sig)})"]
            problems, passing = [], True
            for i, ((name, a), (_, b)) in enumerate(zip(ref_sig, new_sig)):
                if a != b and len(problems) < 5:
                    want = dict(_declarations(ref.evaluate(ELEMENT_STYLE, i)))
                    got = dict(_declarations(new.evaluate(ELEMENT_STYLE, i)))
                    changed = sorted(k for k in want.keys() | got.keys() if want.get(k) != got.get(k))
                    passing = passing and not changed
                    problems.append(f"<{name}> " + "; ".join(f"{k}: {want.get(k)!r} -> {got.get(k)!r}"
                                                             for k in changed[:6]))
            # A difference gone by the time its styles are read was a moment of the page (a busy machine):
            # look again once the pages are still. One that stays is reported.
            if not (problems and passing) or attempt == 2:
                break
            ref.wait_for_function(STILL)
            new.wait_for_function(STILL)
        if not problems and ref_png != new_png:
            count, worst = ref.evaluate(PIXELS, [_data_url(ref_png), _data_url(new_png)])
            if count < 0 or count > NOISE_PIXELS or worst > NOISE_LEVEL:
                problems.append(f"same computed styles, but {count} pixels of the screenshots differ (by up to {worst})")
        return problems
    finally:
        for context, _ in own:
            context.close()


def _data_url(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode()


def _declarations(text: str):
    section = ""
    for line in text.split("\n"):
        if line.startswith("::"):
            section, line = line.split(" ", 1)
        for declaration in filter(None, line.split(";")):
            name, _, value = declaration.partition(":")
            yield section + name, value


# Every page type at both widths in both palettes; the search at both widths in both palettes; the drawer (a phone's)
# in both palettes; saved work on both workbook pages at both widths (one width after the other); every page type with JavaScript off at both
# widths. Cases that share a width, palette and JavaScript setting follow each other (they share the tabs).
SCHEMES = ("light", "dark")
CASES = ([(page, width, scheme, "page") for width in (PHONE, LAPTOP) for scheme in SCHEMES for page in PAGES]
         + [("area", width, scheme, "search") for width in (PHONE, LAPTOP) for scheme in SCHEMES]
         + [("home", PHONE, scheme, "drawer") for scheme in SCHEMES]
         + [(page, width, "light", "judged") for width in (PHONE, LAPTOP) for page in ("self-evaluation", "action plan")]
         + [(page, width, "light", "no JavaScript") for width in (PHONE, LAPTOP) for page in PAGES])


@pytest.mark.parametrize("name, width, scheme, state", CASES)
def test_shipped_stylesheet_renders_as_materials_full_css(browser, tabs, full_css_url, base_url, name, width, scheme,
                                                          state):
    problems = differences(browser, tabs, full_css_url, base_url, PAGES[name], width, scheme, state)
    assert not problems, f"{name}, {width}px, {scheme}, {state}:\n" + "\n".join(problems)


def _without_rule(css: str, selector: str) -> str:
    """The stylesheet with the first rule whose selector list is exactly `selector` removed."""
    rule = re.compile(r"(?<=[{}])" + re.escape(selector) + r"\{[^{}]*\}")
    assert rule.search(css), f"no rule {selector} in the shipped stylesheet"
    return rule.sub("", css, count=1)


@pytest.mark.parametrize("sheet, selector, name, width, scheme, state", [
    ("stylesheets/styles.*.css", ".md-search-result__meta", "area", LAPTOP, "light", "search"),   # drawn once a search runs
    ("stylesheets/styles.*.css", ".tier--sustaining-excellence", "area", PHONE, "dark", "page"),  # one of our own rules
    ("stylesheets/styles.*.css", "[data-md-color-scheme=slate]", "case study", PHONE, "dark", "page"),  # dark colours
    ("workbook.css", ".table-wrap", "action plan", LAPTOP, "light", "judged"),    # the workbook pages' own sheet
])
def test_comparison_notices_a_dropped_rule(browser, tabs, full_css_url, base_url, site_dir, sheet, selector, name, width,
                                           scheme, state):
    shipped = next(site_dir.glob("assets/" + sheet)).read_text(encoding="utf-8")
    broken = _without_rule(shipped, selector)
    route = ("**/assets/" + sheet, lambda r: r.fulfill(body=broken, content_type="text/css"))
    assert differences(browser, tabs, full_css_url, base_url, PAGES[name], width, scheme, state, route)


def test_comparison_notices_a_lost_property(browser, tabs, full_css_url, base_url, site_dir):
    """A property that only the full CSS declares is compared too: with its one declaration taken out of the
    shipped stylesheet, the shipped site's sheets no longer name it, and the comparison still reads it."""
    sheet = next(site_dir.glob("assets/stylesheets/styles.*.css"))
    shipped = sheet.read_text(encoding="utf-8")
    declaration = re.compile(r";?text-underline-offset:[^;}]*")
    assert len(declaration.findall(shipped)) == 1, "text-underline-offset is no longer declared once (site.css)"
    broken = declaration.sub("", shipped)
    route = ("**/assets/stylesheets/" + sheet.name, lambda r: r.fulfill(body=broken, content_type="text/css"))
    problems = differences(browser, tabs, full_css_url, base_url, PAGES["glossary"], LAPTOP, "light", "page", route)
    assert any("text-underline-offset" in problem for problem in problems), problems
