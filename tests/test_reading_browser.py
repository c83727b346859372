"""Reading on a phone (390 px) and a laptop (1280 px), in Chromium: layout limits, deep links,
the case-study filter and the glossary A-Z."""
from urllib.parse import parse_qs, urlsplit

import pytest

from framework.load import load_framework

from conftest import ROOT

FW = load_framework(ROOT / "data" / "framework.yaml")
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SCREEN = 844


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def laptop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


def top(page, selector: str) -> float:
    return page.eval_on_selector(selector, "e => e.getBoundingClientRect().top + window.scrollY")


@pytest.mark.parametrize("area", [FW.areas[1], FW.areas[5]], ids=lambda a: a.id)
def test_area_case_studies_take_at_most_three_phone_screens(phone, base_url, area):
    phone.goto(base_url + f"areas/{area.id}/")
    start = top(phone, "#case-studies")
    end = phone.evaluate("""() => { const h = [...document.querySelectorAll('article h2')];
        const next = h[h.indexOf(document.getElementById(document.getElementById('also-linked') ? 'also-linked'
                                                                                            : 'case-studies')) + 1];
        return next.getBoundingClientRect().top + window.scrollY; }""")
    assert end - start <= 2500, f"case-study section is {end - start:.0f} px on a 390 px phone"


def test_tier_paragraphs_are_at_least_45_characters_wide_on_a_laptop(laptop, base_url):
    laptop.goto(base_url + "areas/leadership-of-send/")
    chars = laptop.eval_on_selector_all(".tier > p", """ps => ps.map(p => {
        const c = document.createElement('canvas').getContext('2d'); c.font = getComputedStyle(p).font;
        return p.getBoundingClientRect().width / (c.measureText('abcdefghijklmnopqrstuvwxyz').width / 26); })""")
    assert chars and min(chars) >= 45, f"narrowest tier paragraph holds about {min(chars):.0f} characters a line"


@pytest.mark.parametrize("anchor, message", [
    ("statement-2-3", "You followed a link to statement 2.3."),
    ("case-study-the-hive", "You followed a link to case study The Hive."),
])
def test_deep_link_highlights_and_names_its_target(phone, base_url, anchor, message):
    phone.goto(base_url + f"areas/leadership-of-send/#{anchor}")
    note = phone.locator(".target-note")
    assert note.inner_text() == message
    assert note.is_visible() and note.get_attribute("role") == "status"
    outline = phone.eval_on_selector(f"#{anchor}", "e => getComputedStyle(e).outlineStyle")
    assert outline != "none", "the target is outlined (CSS :target)"
    box = note.bounding_box()
    assert 0 <= box["y"] < SCREEN, "the message is on screen when the page opens"


def test_following_another_link_on_the_page_moves_the_message(phone, base_url):
    phone.goto(base_url + "areas/leadership-of-send/#statement-2-3")
    phone.evaluate("location.hash = '#statement-2-7'")
    phone.wait_for_function("() => document.querySelector('.target-note').textContent.includes('2.7')")
    assert phone.locator(".target-note").count() == 1


def test_filter_box_fits_one_phone_screen(phone, base_url):
    phone.goto(base_url + "case-studies/")
    assert top(phone, "li.cs-item") <= SCREEN, "the first result starts within the first screen"


def test_filter_by_area_puts_featured_first_and_can_show_only_featured(phone, base_url):
    area = FW.area("leadership-of-send")
    phone.goto(base_url + "case-studies/")
    phone.select_option("#filter-area", area.id)
    order = phone.eval_on_selector_all("li.cs-item:not([hidden])", "ls => ls.map(l => l.querySelector('h2').id)")
    kinds = phone.eval_on_selector_all("li.cs-item:not([hidden]) .cs-item__kind", "ks => ks.map(k => k.textContent)")
    featured = {c.id for c in area.featured}
    assert set(order[:len(featured)]) == featured, "featured under the area come first"
    assert kinds == ["Featured"] * len(featured) + ["Also linked"] * (len(order) - len(featured))
    assert "featured under this area" in phone.locator("#cs-count").inner_text()

    phone.get_by_label("Only those featured under this area").check()
    shown = set(phone.eval_on_selector_all("li.cs-item:not([hidden]) h2", "hs => hs.map(h => h.id)"))
    assert shown == featured
    assert parse_qs(urlsplit(phone.url).query) == {"area": [area.id], "featured": ["1"]}

    phone.reload()
    assert phone.get_by_label("Only those featured under this area").is_checked(), "the filter is kept in the URL"
    assert set(phone.eval_on_selector_all("li.cs-item:not([hidden]) h2", "hs => hs.map(h => h.id)")) == featured


def test_glossary_a_to_z_stays_on_screen_and_lands_terms_below_it(phone, base_url):
    phone.goto(base_url + "glossary/")
    # the page's script keeps jump targets clear of the A-Z; a reader taps once the page has settled
    phone.wait_for_function("() => document.documentElement.classList.contains('has-az-list')")
    nav = phone.locator("nav.az-list")
    assert nav.bounding_box()["height"] < 120, "two short rows at most on a phone"
    phone.mouse.wheel(0, 6000)
    phone.wait_for_function("() => window.scrollY > 3000")
    phone.wait_for_function("() => new Promise(done => { const y = scrollY; setTimeout(() => done(scrollY === y), 200); })")
    box = nav.bounding_box()
    assert 0 <= box["y"] < 100, "the A-Z stays at the top while scrolling"
    # scrolling back up a little shows the theme's "Back to top" button: it must not cover any letter
    phone.mouse.wheel(0, -300)
    phone.wait_for_function("() => document.querySelector('.md-top:not([hidden])')")
    phone.wait_for_function("() => new Promise(done => { const y = scrollY; setTimeout(() => done(scrollY === y), 200); })")
    covered = phone.eval_on_selector_all("nav.az-list a", """links => links.filter(a => {
        const r = a.getBoundingClientRect(), hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return !a.contains(hit);
    }).map(a => a.textContent)""")
    assert covered == [], f"letters covered by something else: {covered}"
    link = nav.get_by_role("link", name="S", exact=True)
    target = link.get_attribute("href")
    link.click()
    phone.wait_for_function(f"() => location.hash === '{target}'")
    term = phone.locator(target).bounding_box()
    bar = nav.bounding_box()
    assert term["y"] >= bar["y"] + bar["height"] - 1, "the term is not hidden under the A-Z"
    assert term["y"] < SCREEN / 2


def narrow_phone(browser, width: int):
    return browser.new_context(viewport={"width": width, "height": 740}, is_mobile=True, has_touch=True)


def read_on_a_phone(browser, url: str, width: int, script: str):
    """What `script` returns on the page at `url`, on a phone `width` pixels wide."""
    context = narrow_phone(browser, width)
    try:
        pg = context.new_page()
        pg.goto(url)
        return pg.evaluate(script)
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 390])
def test_glossary_letters_are_targets_of_at_least_24_px(browser, base_url, width):
    """WCAG 2.2 target size (2.5.8): each A-Z letter link is at least 24 by 24 CSS px on the narrowest phone."""
    boxes = read_on_a_phone(browser, base_url + "glossary/", width, """() => [...document.querySelectorAll(
        "nav.az-list a")].map(a => { const r = a.getBoundingClientRect(); return [a.textContent, r.width, r.height]; })""")
    assert len(boxes) > 20
    small = [f"{text} {w:.1f}x{h:.1f}" for text, w, h in boxes if w < 24 or h < 24]
    assert not small, f"letters under 24x24 px at {width}px: {small}"


# For each theme in the case-study filter: its checkbox's width, and the right edges of its text, its label and the form.
THEME_BOXES = """() => { const form = document.querySelector("form.cs-filter").getBoundingClientRect();
  return [...document.querySelectorAll(".cs-filter__themes label")].map(label => {
    const text = document.createRange();
    text.setStart(label.querySelector("input").nextSibling, 0);
    text.setEndAfter(label.lastChild);
    return {name: label.textContent.trim(), box: label.querySelector("input").getBoundingClientRect().width,
            text: text.getBoundingClientRect().right, label: label.getBoundingClientRect().right, form: form.right};
  }); }"""


@pytest.mark.parametrize("width", [320, 390])
def test_theme_checkboxes_keep_their_size_and_labels_stay_inside(browser, base_url, width):
    themes = read_on_a_phone(browser, base_url + "case-studies/", width, THEME_BOXES)
    assert len(themes) > 5
    problems = []
    widths = {t["name"]: round(t["box"], 1) for t in themes}
    if len(set(widths.values())) > 1:
        problems.append(f"checkboxes of different widths: {widths}")
    problems += [f"{t['name']}: text to {t['text']:.0f}px, label to {t['label']:.0f}px, form to {t['form']:.0f}px"
                 for t in themes if t["text"] > min(t["label"], t["form"]) + 0.5]
    assert not problems, f"theme filter at {width}px:\n" + "\n".join(problems)
