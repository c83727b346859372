"""The case-study index filters by area and theme in the browser, without a reload, and keeps the filter in the URL."""
from urllib.parse import parse_qs, urlsplit

from framework.load import load_framework

from conftest import ROOT

FW = load_framework(ROOT / "data" / "framework.yaml")


def shown(page) -> set[str]:
    """Ids of the case studies the list shows."""
    return set(page.eval_on_selector_all(
        "li.cs-item:not([hidden]) h2", "hs => hs.filter(h => h.offsetParent !== null).map(h => h.id)"))


def expected(area: str | None = None, themes: tuple[str, ...] = ()) -> set[str]:
    return {c.id for c in FW.case_studies
            if (not area or area in {a.id for a in c.areas})
            and (not themes or set(themes) & {t.id for t in c.themes})}


def theme_box(page, name: str):
    return page.get_by_role("checkbox", name=name, exact=True)


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_filter_by_area_and_theme_without_a_reload(page, base_url):
    page.goto(base_url + "case-studies/")
    form = page.locator("#cs-filter")
    assert form.is_visible(), "the filter form is shown when JavaScript runs"
    assert shown(page) == expected()
    assert page.locator("#cs-count").inner_text() == f"{len(FW.case_studies)} case studies."
    page.evaluate("window.__noReload = true")

    page.select_option("#filter-area", "efficient-use-of-resources")
    want = expected("efficient-use-of-resources")
    assert 0 < len(want) < len(FW.case_studies)
    assert shown(page) == want
    assert query(page) == {"area": ["efficient-use-of-resources"]}
    featured = len(FW.area("efficient-use-of-resources").featured)
    assert page.locator("#cs-count").inner_text() == (
        f"Showing {len(want)} of {len(FW.case_studies)} case studies. {featured} featured under this area, listed first.")

    theme_box(page, "SEMH and regulation").check()
    want = expected("efficient-use-of-resources", ("semh",))
    assert shown(page) == want
    assert query(page) == {"area": ["efficient-use-of-resources"], "theme": ["semh"]}

    theme_box(page, "Families and parents").check()
    assert shown(page) == expected("efficient-use-of-resources", ("semh", "families"))
    assert query(page)["theme"] == ["semh", "families"]

    assert page.evaluate("window.__noReload") is True, "filtering must not reload the page"

    page.get_by_role("button", name="Show all").click()
    assert shown(page) == expected()
    assert urlsplit(page.url).query == ""
    assert not theme_box(page, "SEMH and regulation").is_checked()
    assert page.locator("#filter-area").input_value() == ""


def test_filter_state_is_read_from_the_url(page, base_url):
    page.goto(base_url + "case-studies/?area=quality-of-teaching-and-learning&theme=sensory&theme=transition")
    assert page.locator("#filter-area").input_value() == "quality-of-teaching-and-learning"
    assert theme_box(page, "Sensory").is_checked()
    assert theme_box(page, "Transition").is_checked()
    assert not theme_box(page, "Curriculum").is_checked()
    assert shown(page) == expected("quality-of-teaching-and-learning", ("sensory", "transition"))


def test_unknown_filter_values_in_the_url_show_everything(page, base_url):
    page.goto(base_url + "case-studies/?area=no-such-area&theme=no-such-theme")
    assert page.locator("#filter-area").input_value() == ""
    assert shown(page) == expected()


def test_theme_tag_on_a_case_study_opens_the_filtered_index(page, base_url):
    page.goto(base_url + "case-studies/the-hive/")
    page.locator("a.tag", has_text="Transition").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.endswith("/case-studies/")
    assert query(page) == {"theme": ["transition"]}
    assert theme_box(page, "Transition").is_checked()
    assert shown(page) == expected(themes=("transition",))


def test_back_from_a_case_study_returns_to_the_same_filter(page, base_url):
    page.goto(base_url + "case-studies/")
    page.select_option("#filter-area", "leadership-of-send")
    theme_box(page, "Workforce and CPD").check()
    want = expected("leadership-of-send", ("workforce",))
    first = sorted(want)[0]
    page.locator(f"h2#{first} a").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.endswith(f"/case-studies/{first}/")
    page.go_back()
    page.wait_for_load_state()
    assert query(page) == {"area": ["leadership-of-send"], "theme": ["workforce"]}
    assert page.locator("#filter-area").input_value() == "leadership-of-send"
    assert shown(page) == want


# The layout shifts a reader sees (Chromium's layout-shift entries, none caused by input), from the page's start.
SHIFTS = """window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
  if (!e.hadRecentInput) window.__shift += e.value; }).observe({ type: "layout-shift", buffered: true });"""


def test_the_list_is_filtered_before_it_is_first_drawn_so_nothing_moves(browser, base_url):
    """Arriving from an area page's "featured case studies" link (?area=…&featured=1) on a laptop, the filter form,
    the count and the filtered list are drawn in their place at once: nothing moves under the reader."""
    area = FW.areas[1]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.add_init_script(SHIFTS)
        page.goto(base_url + f"case-studies/?area={area.id}&featured=1")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        assert shown(page) == {c.id for c in area.featured}
        assert page.locator("#cs-filter").is_visible()
        assert page.evaluate("window.__shift") < 0.01, page.evaluate("window.__shift")
    finally:
        context.close()
