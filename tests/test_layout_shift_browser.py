"""Nothing moves under the reader as a page loads: each page's layout shift, as Chromium reports it
(layout-shift entries not caused by input, summed from the start), on a 390 px phone and a 1280 px laptop, with
the scripts that start after the first paint included. Google calls up to 0.1 good; these pages stay well under
it. The self-evaluation keeps its tools' space from the first paint (workbook-reserve.js), so they appear in place.
"""
from __future__ import annotations

import pytest

SHIFTS = """window.__shift = 0; window.__moved = []; new PerformanceObserver(list => { for (const e of list.getEntries())
  if (!e.hadRecentInput) { window.__shift += e.value;
    window.__moved.push(e.sources.map(s => s.node ? s.node.nodeName + "." + (s.node.className || "") : "?").join(" ")); }
}).observe({ type: "layout-shift", buffered: true });"""

PAGES = {"": 0.02, "areas/leadership-of-send/": 0.02, "case-studies/the-hive/": 0.02, "glossary/": 0.02,
         "case-studies/": 0.02, "case-studies/?area=leadership-of-send&featured=1": 0.02,
         "action-plan/": 0.05, "compare/": 0.05, "trust-overview/": 0.05, "self-evaluation/": 0.02}


WIDTHS = (390, 1280)


@pytest.mark.parametrize("path", list(PAGES))
def test_nothing_moves_as_the_page_loads(browser, base_url, path):
    """The page at each width, each in a context of its own. Each is loaded in turn (goto waits for its load and its
    scripts after paint); then each waits for a quiet network and half a second more, the waits side by side."""
    contexts, pages = [], {}
    try:
        for width in WIDTHS:
            phone = width == 390
            context = browser.new_context(viewport={"width": width, "height": 844 if phone else 900}, is_mobile=phone)
            contexts.append(context)
            page = pages[width] = context.new_page()
            page.add_init_script(SHIFTS)
            page.goto(base_url + path)
        for page in pages.values():
            page.wait_for_load_state("networkidle")
        pages[WIDTHS[-1]].wait_for_timeout(500)          # each page has had half a second since its network went quiet
        problems = []
        for width, page in pages.items():
            shift = page.evaluate("window.__shift")
            if not shift < PAGES[path]:
                problems.append(f"{path or '/'} at {width} px: {shift:.3f}, moved: {page.evaluate('window.__moved')}")
        assert not problems, "\n".join(problems)
    finally:
        for context in contexts:
            context.close()
