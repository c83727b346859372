"""How the self-evaluation starts, in Chromium: a closed area stays out of the layout while the page loads (the
browser's form filling asks about every field as the page finishes loading, and a field in a closed <details> makes
the browser lay out its whole area). Once the reader does anything, the areas are laid out one at a time when the
browser is idle, hidden the browser's own way, so that find in page reaches them. Without JavaScript the browser's
way is kept.
"""
from __future__ import annotations

from playwright.sync_api import expect

CLOSED = "details.wb-area:not([open])"
# how the content of each closed area is displayed (a closed <details> holds it in its ::details-content)
DISPLAYS = f"[...document.querySelectorAll('{CLOSED}')].map(d => getComputedStyle(d, '::details-content').display)"
RECORD = "document.addEventListener('DOMContentLoaded', () => { window.__atLoad = " + DISPLAYS + "; });"


def test_closed_areas_are_laid_out_once_the_reader_acts_when_the_browser_is_idle_and_stay_closed(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.add_init_script(RECORD)
    page = context.new_page()
    page.goto(base_url + "self-evaluation/")           # conftest: also waits until the scripts have run
    at_load = page.evaluate("window.__atLoad")
    assert at_load and set(at_load) == {"none"}, f"closed areas laid out as the page loads: {at_load}"
    # the reader scrolls: then every one, as the browser hides a closed <details> (find in page opens it), and
    # nothing new shows
    page.mouse.wheel(0, 300)
    page.wait_for_function(f"() => {DISPLAYS}.every(d => d !== 'none')")
    assert page.locator("details.wb-area[open]").count() == 0
    for section in page.locator(CLOSED + " .wb-statement").all()[::10]:
        expect(section).to_be_hidden()
    # an area opened shows its statements, as before
    page.locator("details.wb-area > summary").first.click()
    expect(page.locator("details.wb-area[open] .wb-statement textarea").first).to_be_visible()
    context.close()


def test_without_javascript_closed_areas_are_hidden_the_browsers_way(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "self-evaluation/")
    displays = page.evaluate(DISPLAYS)
    assert displays and "none" not in displays, "find in page reaches closed areas only if they are laid out"
    context.close()
