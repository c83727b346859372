"""First search results on a phone-speed CPU: Chromium slowed 4 times, a fresh home page, until the first results
show. Two figures per run, each in a new browser context:

- pasted: the query put in the box at once, the moment the box is focused, so nothing of the search's start
  (its worker, MiniSearch, the ranking, the documents and the index loading, the index made or read) overlaps
  the typing: the longest anyone waits;
- typed: the query typed key by key from the focused box; the search starts meanwhile. Counted from the last key,
  as the person's wait (the typing itself takes a varying second or more on a loaded machine).

Both are timed by the page's own clock, from the box's focus (pasted) or the last key's input event (typed) to the
first result in the page, so the test driver's own delays on the slowed CPU are not counted.

    .venv/bin/python scripts/search_speed.py SITE_DIR [OTHER_SITE_DIR ...] ["a query" ...]

Prints the median and every run (RUNS per query and site), and what the first search downloads: every response
from focusing the box to the first results (the worker, the engine, the ranking, the documents, the index), in
bytes as sent gzip'd (headers not counted). Two sites or more are measured in turn, run by run,
so a machine's changing load falls on each alike. A figure, not a test: it depends on the machine and its load.
"""
import gzip
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchmark  # noqa: E402

RUNS = int(__import__("os").environ.get("RUNS", 7))
SHOWN = "li.md-search-result__item"
# the page's clock at the box's focus, at each input event, when the first result is in the page and when results
# were last drawn (for a typed query: the answer to all of it, those to the first keys being drawn before)
CLOCK = """() => {
  const box = document.querySelector("input.md-search__input");
  box.addEventListener("focus", () => { window.focusedAt = performance.now(); }, { capture: true });
  box.addEventListener("input", () => { window.typedAt = performance.now(); }, { capture: true });
  new MutationObserver(() => {
    if (!document.querySelector("li.md-search-result__item")) return;
    window.shownAt = window.shownAt || performance.now();
    window.drawnAt = performance.now();
  }).observe(document.body, { childList: true, subtree: true });
}"""


def gzipped(site: Path, url: str) -> int:
    """A response's size as the server sends it: the file gzip'd as benchmark.serve does (a worker's own script
    reports no body size to the browser's tools)."""
    body = (site / url.split("?")[0].lstrip("/")).read_bytes()
    return len(gzip.compress(body, 6))


def one_run(browser, site: Path, base: str, query: str) -> tuple[float, float, dict]:
    out, fetched = [], {}
    for typed in (False, True):
        # the box shown, not its icon; no service worker, whose saving for offline use would compete
        context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(base, wait_until="networkidle")
        page.wait_for_selector("script[data-after-paint=done]", state="attached")    # the page's own scripts in
        requests = []
        if not typed:       # a dedicated worker's requests are the page's too
            context.on("requestfinished", lambda request: requests.append(request))
        page.evaluate(CLOCK)
        box = page.locator("input.md-search__input")
        if typed:
            box.click()
            box.type(query)
        else:
            box.fill(query)                     # focuses the box (the search starts) and puts the query in
        page.wait_for_selector(SHOWN)
        if typed:
            page.wait_for_timeout(1500)         # the answer to the whole query drawn, whenever it comes
        out.append(page.evaluate("() => window.drawnAt - window.typedAt" if typed
                                 else "() => window.shownAt - window.focusedAt") / 1000)
        for request in requests:
            if request.response() and request.response().ok:
                fetched[request.url.replace(base, "/")] = gzipped(site, request.url.replace(base, "/"))
        context.close()
    return out[0], out[1], fetched


if __name__ == "__main__":
    from playwright.sync_api import sync_playwright
    sites = [Path(a) for a in sys.argv[1:] if Path(a).is_dir()]
    queries = [a for a in sys.argv[1:] if not Path(a).is_dir()] or ["raising a concern"]
    servers = [benchmark.serve(site) for site in sites]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=benchmark.CHROMIUM, headless=True,
                                        args=["--no-sandbox", "--disable-gpu"])
            for query in queries:
                times = {site: ([], []) for site in sites}
                fetched = {}
                for _ in range(RUNS):
                    for site, (_, base) in zip(sites, servers):
                        pasted, typed, fetched[site] = one_run(browser, site, base, query)
                        times[site][0].append(pasted)
                        times[site][1].append(typed)
                for site in sites:
                    files = ", ".join(f"{url} {size / 1024:.1f}" for url, size in sorted(fetched[site].items()))
                    print(f"{site} first search downloads {sum(fetched[site].values()) / 1024:.1f} KiB gzip'd "
                          f"({files})")
                    for name, runs in zip(("pasted", "typed, after the last key"), times[site]):
                        print(f"{site} {query!r} {name}: median {statistics.median(runs):.2f} s "
                              f"({', '.join(f'{t:.2f}' for t in sorted(runs))})")
            browser.close()
    finally:
        for server, _ in servers:
            server.shutdown()
