"""What the browser tests do and check on a page: JavaScript snippets they evaluate, and a reader's steps they share."""

# Controls with no accessible name (no label text, aria-label or aria-labelledby).
LABELS_JS = """() => Array.from(document.querySelectorAll('article input, article textarea, article select, article button'))
  .filter(n => {
    const text = n.tagName === 'BUTTON' ? n.textContent.trim() : '';
    const byLabel = n.labels && Array.from(n.labels).some(l => l.textContent.trim());
    return !(text || byLabel || n.getAttribute('aria-label') || n.getAttribute('aria-labelledby'));
  }).map(n => n.outerHTML.slice(0, 120))"""

# The levels of the visible headings in the article, in order.
HEADINGS_JS = """() => Array.from(document.querySelectorAll('article h1, article h2, article h3, article h4, article h5, article h6'))
  .filter(h => h.getClientRects().length).map(h => +h.tagName[1])"""


def open_areas(page, by_hand: bool = True):
    """Open every area of the self-evaluation's form, as a reader taps them (one area at a time is shown; the
    ones opened stay open when the tab reloads).

    by_hand=False, for tests about something else: the first area is tapped (its summary must be there and take
    a click), the others are clicked by the page's own script, the same toggle without Playwright's checks before
    each tap (a second a page). The areas' own test taps every one (test_workbook_browser.py, without JavaScript)."""
    closed = page.locator("details.wb-area:not([open]) > summary")
    if not by_hand and closed.count():
        closed.first.click()
        closed.evaluate_all("summaries => summaries.forEach(s => s.click())")
    while closed.count():
        closed.first.click()
