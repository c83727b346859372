"""No request to any other host: record every request Chromium makes, and fail on any that leaves 127.0.0.1
(the test server). Also fail on any local request that fails or answers with an error, since a missing asset
is a broken page too. Every page is loaded once in tests/test_quality_axe.py, which records its requests with
the Recorder below and checks them; here, the phone layout, the dark palette and searching, which loads the
search worker and index.
"""
from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

from test_quality_common import open_page

LOCAL_SCHEMES = ("data", "blob", "about")
OTHER_HOSTS = re.compile(r"^(?!http://127\.0\.0\.1[:/])[a-z][a-z0-9+.-]*://")   # a regex: matched in the browser


class Recorder:
    """Every request a browser context makes, and the ones that went wrong. Requests to other hosts are
    recorded and then aborted, so a test run never sends traffic off this machine."""

    def __init__(self, context):
        self.page = "?"                # the page being loaded, which names its requests
        self.outside: list[str] = []
        self.failed: list[str] = []
        self.count = 0
        self.in_flight = 0
        self.last_activity = time.monotonic()
        context.on("request", self.on_request)
        context.on("requestfinished", self.on_done)
        context.on("requestfailed", self.on_failed)
        context.on("response", self.on_response)
        context.route(OTHER_HOSTS, lambda route: route.abort("blockedbyclient"))

    def on_request(self, request):
        self.count += 1
        self.in_flight += 1
        self.last_activity = time.monotonic()
        parts = urlsplit(request.url)
        if parts.scheme in LOCAL_SCHEMES:
            return
        if parts.hostname != "127.0.0.1":
            self.outside.append(f"{self.page}: {request.resource_type} {request.url}")

    def on_done(self, request):
        self.in_flight -= 1
        self.last_activity = time.monotonic()

    def on_failed(self, request):
        self.on_done(request)
        # ERR_ABORTED is the browser dropping a request because the test moved to the next page (seen with the
        # favicon); a missing file still fails the test through its 404 in on_response.
        if urlsplit(request.url).hostname == "127.0.0.1" and request.failure != "net::ERR_ABORTED":
            self.failed.append(f"{self.page}: {request.url} failed ({request.failure})")

    def on_response(self, response):
        if response.status >= 400 and urlsplit(response.url).hostname == "127.0.0.1":
            self.failed.append(f"{self.page}: {response.url} answered {response.status}")

    def settle(self, pg, quiet: float = 0.25, limit: float = 10) -> None:
        """Wait until nothing has been in flight for `quiet` seconds (Playwright's networkidle waits 0.5 s,
        which costs half a minute over the whole site)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            pg.wait_for_timeout(50)
            if self.in_flight <= 0 and time.monotonic() - self.last_activity >= quiet:
                return

    def report(self) -> str:
        return "\n".join(["requests to other hosts:", *self.outside, "failed requests:", *self.failed])


def test_phone_layout_dark_palette_and_search_request_nothing_from_another_host(browser, base_url):
    """The other code paths that load things: the phone layout, the dark palette, the search worker and
    its index, the palette switch."""
    context = browser.new_context(color_scheme="dark", viewport={"width": 375, "height": 740},
                                  is_mobile=True, has_touch=True)
    recorder = Recorder(context)
    pg = context.new_page()
    try:
        for rel in ("index.html", "areas/leadership-of-send/index.html", "self-evaluation/index.html"):
            recorder.page = rel
            open_page(pg, base_url, rel, wait_until="networkidle")
        recorder.page = "search"
        pg.locator("label.md-header__button[for='__search']").first.click()
        pg.keyboard.type("zones of regulation", delay=20)
        pg.wait_for_selector(".md-search-result__item", timeout=15000)
        pg.locator(".md-search-result__link").first.click()
        pg.wait_for_load_state("networkidle")
        recorder.page = "palette switch"
        pg.locator("label.md-header__button[for^='__palette']:not([hidden])").click()
        pg.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert not recorder.outside and not recorder.failed, recorder.report()


def test_the_recorder_catches_a_request_to_another_host(browser, base_url):
    context = browser.new_context()
    recorder = Recorder(context)
    pg = context.new_page()
    try:
        open_page(pg, base_url, "index.html")
        recorder.page = "guard"
        # 198.51.100.0/24 is reserved for documentation; the request is aborted before it leaves the browser.
        pg.evaluate("""() => new Promise(done => { const img = new Image(); img.onerror = img.onload = done;
                                                   img.src = "http://198.51.100.7/pixel.png"; })""")
    finally:
        context.close()
    assert recorder.outside == ["guard: image http://198.51.100.7/pixel.png"], recorder.report()
