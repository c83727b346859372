"""JavaScript snippets the browser tests evaluate on a page."""

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
