"""Material's bundle and site.js start after the first paint (overrides/main.html, overrides/partials/inline-scripts.html), and
everything they do still happens: Material mounts its components even when DOMContentLoaded has long passed.
"""
from __future__ import annotations

import pytest

# Before any page script: note the first contentful paint and when each external script is added.
RECORD = """
window.__seen = {fcp: null, scripts: []};
new PerformanceObserver(list => {
  for (const e of list.getEntriesByName("first-contentful-paint")) window.__seen.fcp = e.startTime;
}).observe({type: "paint", buffered: true});
new MutationObserver(records => {
  for (const r of records) for (const n of r.addedNodes)
    if (n.tagName === "SCRIPT" && n.src) window.__seen.scripts.push([n.getAttribute("src"), performance.now()]);
}).observe(document, {childList: true, subtree: true});
"""


@pytest.mark.parametrize("path", ["", "areas/leadership-of-send/", "knowledge/case-study-template/", "self-evaluation/"])
def test_bundle_and_site_js_start_after_the_first_paint_and_material_mounts(browser, base_url, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.add_init_script(RECORD)
    page = context.new_page()
    page.goto(base_url + path)           # conftest: also waits until the scripts have run
    seen = page.evaluate("window.__seen")
    late = {src.rsplit("/", 1)[-1]: t for src, t in seen["scripts"] if "bundle." in src or src.endswith("site.js")}
    assert len(late) == 2 and seen["fcp"] is not None, seen
    assert all(t >= seen["fcp"] for t in late.values()), f"a script started before the first paint: {seen}"
    # Material is live: its search answers, and (mounted from its document$) its content component wraps tables.
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").type("senco")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    if path == "knowledge/case-study-template/":
        assert page.locator("article .md-typeset__scrollwrap table").count() > 0, "Material wraps tables to scroll"
    context.close()
