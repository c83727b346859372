"""Speed and size of the site on this machine. Prints figures with their targets beside them; asserts nothing.

    .venv/bin/python scripts/benchmark.py            # everything (about 5 minutes on 2 cores)
    .venv/bin/python scripts/benchmark.py --no-lighthouse
    .venv/bin/python scripts/benchmark.py --no-large --runs 3 --keep /tmp/lh   # median of 3 runs; keep the reports

What it measures:
- `mkdocs build --strict` time for the real data, and for a generated framework 10 times larger
  (80 areas, 330 case studies) made from the real YAML's shape in a temporary copy of the project;
- bytes transferred, gzip'd as GitHub Pages sends them, for the home page, an area page, a case-study page and
  the self-evaluation with everything each one loads (first visit, empty cache), target <= 90 KiB each; also
  the same without the search index and search worker (which should load only when someone starts to search);
  and for a later page view (warm cache: another page of the site was visited first, so only what is not
  cached yet comes over the wire: the page's HTML, with anything inlined in it); what the service worker saves
  for offline use once a page has loaded is left out (scripts/offline_figures.py measures it);
- the size of the search index, and how long the first search takes on a phone-speed CPU;
- Lighthouse mobile scores (performance, accessibility, best practices, SEO) for the same pages,
  target 1.00 each. Lighthouse is the npm package in scripts/benchmark-tools (installed there the first time),
  run on Debian's Chromium.
- main-thread blocking on a phone-speed CPU: each page loaded from a Chromium trace, and every task of the page's
  main thread after the first contentful paint counted as Lighthouse's simulation counts it, four times its
  length, less 50 ms (total blocking time). Lighthouse times tasks by the clock, which other processes on a
  shared machine stretch; this counts the time the thread itself ran, so it repeats from run to run;
- LCP as a ratio: each page's Lighthouse LCP divided by the LCP of the same page's HTML with every stylesheet
  and script removed (the fastest this content can paint), measured in the same run, one after the other.
  Time on a shared machine is noisy; the ratio much less so. Target <= 1.5.

The pages are served from 127.0.0.1 by a small server that gzips text and sends GitHub Pages' cache header.
"""
from __future__ import annotations

import argparse
import copy
import functools
import gzip
import http.server
import json
import mimetypes
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import build_site, copy_project  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
TOOLS = ROOT / "scripts" / "benchmark-tools"     # npm packages for the benchmark alone; the tests do not need them
LIGHTHOUSE = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {"home page": "", "area page": "areas/leadership-of-send/", "case-study page": "case-studies/the-hive/",
         "self-evaluation": "self-evaluation/"}
SIZE_TARGET_KIB = 90
LCP_RATIO_TARGET = 1.5
BARE_DIR = "_bare"          # bare copies of the measured pages (no stylesheet, no script) are written here
SEARCH_FILES = ("/search/documents.json", "/search-worker.js")   # loaded for the search box only
SCALE = 10
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


# ---- a GitHub Pages-like static server: gzip for text, max-age=600 ----

class PagesHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 (http.server's name)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?")[0] + "/")
                self.end_headers()
                return
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
        body = path.read_bytes()
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Cache-Control", "max-age=600")
        if ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, 6)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass        # Lighthouse closes connections once its page has what it measures


def serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PagesHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# ---- build times ----

def timed_build(project: Path, out: Path) -> float:
    start = time.perf_counter()
    result = build_site(project, out)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {project}:\n{result.stdout}\n{result.stderr}")
    return seconds


def scaled_framework(data: dict, scale: int) -> dict:
    """The framework `scale` times over: every area and case study copied, ids and numbers kept unique,
    each copied area pointing at its own copies of the case studies. Copy 0 keeps the real ids, so the
    glossary, knowledge pages and hand-written pages still find what they link to."""
    big = copy.deepcopy(data)
    big["areas"], big["case_studies"] = [], []
    number = 0
    for k in range(scale):
        suffix = "" if k == 0 else f"-copy-{k}"
        for cs in data["case_studies"]:
            new = copy.deepcopy(cs)
            new["id"] = cs["id"] + suffix
            new["title"] = cs["title"] + ("" if k == 0 else f" (copy {k})")
            big["case_studies"].append(new)
        for area in data["areas"]:
            number += 1
            new = copy.deepcopy(area)
            new["id"] = area["id"] + suffix
            new["number"] = number
            new["name"] = area["name"] + ("" if k == 0 else f" (copy {k})")
            for s in new["statements"]:
                s["id"] = f"statement-{number}-{s['number']}" if k else s["id"]
            for key in ("featured", "also"):
                new[key] = [cid + suffix for cid in area.get(key) or []]
            big["areas"].append(new)
    return big


def make_large_project(dest: Path, scale: int) -> tuple[int, int]:
    copy_project(dest)
    path = dest / "data" / "framework.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    big = scaled_framework(data, scale)
    path.write_text(yaml.safe_dump(big, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")
    return len(big["areas"]), len(big["case_studies"])


# ---- bytes on the wire ----

def transferred(base_url: str) -> dict[str, tuple[int, int, list, int]]:
    """Per page: (bytes transferred incl. headers, number of requests, the biggest responses,
    bytes transferred without the search index and search worker)."""
    from playwright.sync_api import sync_playwright
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        for name, path in PAGES.items():
            context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
            page = context.new_page()
            requests = []
            context.on("requestfinished", lambda request: requests.append(request))
            page.goto(base_url + path, wait_until="networkidle")
            total, search, rows = 0, 0, []
            for request in requests:
                # the saving for offline use starts after the page has loaded (assets/offline.js, then the
                # service worker's own requests): scripts/offline_figures.py measures it
                if request.service_worker or request.url.endswith("/assets/offline.js"):
                    continue
                sizes = request.sizes()
                size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
                total += size
                if any(part in request.url for part in SEARCH_FILES):
                    search += size
                rows.append((size, request.url.replace(base_url, "/")))
            out[name] = (total, len(rows), sorted(rows, reverse=True)[:4], total - search)
            context.close()
        browser.close()
    return out


def first_search(base_url: str, query: str = "raising a concern", runs: int = 5) -> list[float]:
    """Seconds from typing a query into the search box of a freshly opened home page to its first results, on a
    phone-speed CPU (Chromium slowed 4 times): the worker and the documents load, the worker makes the index,
    and the worker answers. One figure per run, each in a new browser context."""
    import time
    from playwright.sync_api import sync_playwright
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})   # the box shown, not its icon
            page = context.new_page()
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(base_url, wait_until="networkidle")
            box = page.locator("input.md-search__input")
            box.click()
            start = time.perf_counter()
            box.type(query)
            page.wait_for_function("() => document.querySelectorAll('li.md-search-result__item').length > 0")
            out.append(time.perf_counter() - start)
            context.close()
        browser.close()
    return out


def transferred_later(base_url: str) -> dict[str, tuple[int, int]]:
    """Per page: (bytes over the wire, requests that went to the server) when the page is opened after another
    page of the site (the next one in PAGES), in the same browser, so its cache holds what that page loaded."""
    from playwright.sync_api import sync_playwright
    out, names = {}, list(PAGES)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        for i, name in enumerate(names):
            context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
            page = context.new_page()
            page.goto(base_url + PAGES[names[(i + 1) % len(names)]], wait_until="networkidle")
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            sizes, cached = {}, set()
            cdp.on("Network.loadingFinished", lambda ev: sizes.__setitem__(ev["requestId"], ev["encodedDataLength"]))
            cdp.on("Network.requestServedFromCache", lambda ev: cached.add(ev["requestId"]))
            page.goto(base_url + PAGES[name], wait_until="networkidle")
            wire = {rid: size for rid, size in sizes.items() if rid not in cached and size > 0}
            out[name] = (sum(wire.values()), len(wire))
            context.close()
        browser.close()
    return out


# ---- main-thread blocking ----

SLOWDOWN = 4          # Lighthouse's mobile CPU slowdown
BLOCKING_FROM_MS = 50  # a task blocks input for what it takes beyond this
TASKS = ("RunTask", "ThreadControllerImpl::RunTask")
BLOCKING_RUNS = 5


def blocking(base_url: str, path: str, runs: int = BLOCKING_RUNS) -> list[tuple[float, float]]:
    """Per run: (blocking time in ms, the longest task in ms), both on a CPU SLOWDOWN times slower, from a trace of
    the page's load until 4 s after its load event. Each task is its thread time (not the clock's), times
    SLOWDOWN; it blocks for what it takes beyond BLOCKING_FROM_MS; tasks that start before the first contentful
    paint do not count, as in Lighthouse."""
    from playwright.sync_api import sync_playwright
    out = []
    with sync_playwright() as p, tempfile.TemporaryDirectory(prefix="iaf-trace-") as tmp:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        for run in range(runs):
            context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, device_scale_factor=1.75)
            page = context.new_page()
            trace = Path(tmp) / f"{run}.json"
            browser.start_tracing(page=page, path=str(trace), categories=["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "loading"])
            page.goto(base_url + path, wait_until="load")
            page.wait_for_timeout(4000)
            browser.stop_tracing()
            context.close()
            events = json.loads(trace.read_text(encoding="utf-8"))
            events = events["traceEvents"] if isinstance(events, dict) else events
            # the page's main thread is the one that parsed its HTML
            pid, tid = next((e["pid"], e["tid"]) for e in events if e.get("name") == "ParseHTML")
            fcp = min((e["ts"] for e in events if e.get("name") == "firstContentfulPaint"), default=0)
            total, longest, end = 0.0, 0.0, 0
            for e in sorted((e for e in events if e.get("name") in TASKS and e.get("ph") == "X"
                             and (e["pid"], e["tid"]) == (pid, tid)), key=lambda e: (e["ts"], -e["dur"])):
                if e["ts"] < end:      # a task run inside another is part of it
                    continue
                end = e["ts"] + e["dur"]
                if e["ts"] < fcp:
                    continue
                ms = SLOWDOWN * e.get("tdur", e["dur"]) / 1000
                total += max(0.0, ms - BLOCKING_FROM_MS)
                longest = max(longest, ms)
            out.append((total, longest))
        browser.close()
    return out


# ---- Lighthouse ----

def write_bare_pages(site: Path) -> None:
    """For each measured page, the same HTML with no stylesheet and no script, at _bare/<path>: the limit
    its LCP is compared with. Same server, same origin, same images."""
    import re
    for path in PAGES.values():
        html = (site / path / "index.html").read_text(encoding="utf-8")
        html = re.sub(r"<script\b.*?</script>", "", html, flags=re.S)
        html = re.sub(r"<link\b[^>]*rel=\"?(stylesheet|preload|modulepreload)[^>]*>", "", html)
        html = re.sub(r"<style\b.*?</style>", "", html, flags=re.S)
        # relative links keep working one folder deeper with a <base> at the page's real address
        html = html.replace("<head>", f'<head><base href="/{path}">', 1)
        out = site / BARE_DIR / path / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")

def lighthouse(url: str, report: Path) -> dict[str, float] | str:
    """Lighthouse's scores and figures for one URL; its full JSON report is left at `report`."""
    if not LIGHTHOUSE.exists():
        installed = subprocess.run(["npm", "ci", "--silent", "--no-audit", "--no-fund"], cwd=TOOLS,
                                   capture_output=True, text=True)
        if installed.returncode != 0 or not LIGHTHOUSE.exists():
            return f"Lighthouse could not be installed: run `npm ci` in {TOOLS.relative_to(ROOT)}"
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
         "--only-categories=performance,accessibility,best-practices,seo", "--form-factor=mobile",
         "--chrome-flags=--headless --no-sandbox --disable-gpu"],
        capture_output=True, text=True, env=env, timeout=600,
    )
    if result.returncode != 0 or not report.exists():
        return f"Lighthouse failed: {(result.stderr or result.stdout).strip()[-300:]}"
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {key: cat["score"] for key, cat in data["categories"].items()}
    scores["_lcp_ms"] = data["audits"].get("largest-contentful-paint", {}).get("numericValue")
    scores["_metrics"] = "  ".join(f"{label} {data['audits'][audit]['displayValue']}" for label, audit in (
        ("FCP", "first-contentful-paint"), ("LCP", "largest-contentful-paint"), ("TBT", "total-blocking-time"),
        ("CLS", "cumulative-layout-shift")) if audit in data["audits"])
    failing = [f"{a['id']} ({a['score']})" for a in data["audits"].values() if not a["id"].endswith("-insight")
               if a.get("score") is not None and a["score"] < 0.9 and a.get("scoreDisplayMode") in ("binary", "numeric")]
    scores["_failing"] = failing[:8]
    return scores


def kib(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse runs (the slowest part)")
    parser.add_argument("--no-large", action="store_true", help="skip the 10x build")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep Lighthouse's JSON reports in DIR")
    parser.add_argument("--runs", type=int, default=1, metavar="N",
                        help="run Lighthouse N times per page; print the run with the median LCP ratio (a shared machine is noisy)")
    parser.add_argument("--pages", metavar="NAMES",
                        help="measure blocking time and Lighthouse for these pages only, e.g. self-evaluation,area "
                             "(the first word of each name in the output)")
    args = parser.parse_args()
    measured = PAGES
    if args.pages:
        wanted = set(args.pages.split(","))
        measured = {name: path for name, path in PAGES.items() if name.split()[0] in wanted}
        if not measured:
            parser.error("--pages: none of " + ", ".join(sorted(wanted)) + " is one of " +
                         ", ".join(name.split()[0] for name in PAGES))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    print(f"Benchmark on this machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="iaf-bench-") as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        seconds = timed_build(ROOT, site)
        data = yaml.safe_load((ROOT / "data" / "framework.yaml").read_text(encoding="utf-8"))
        pages = len(list(site.rglob("*.html")))
        print("\n== mkdocs build --strict ==")
        print(f"real data ({len(data['areas'])} areas, {len(data['case_studies'])} case studies, {pages} pages): "
              f"{seconds:.1f} s")
        if not args.no_large:
            project = tmp / "large"
            project.mkdir()
            areas, studies = make_large_project(project, SCALE)
            large_site = tmp / "large-site"
            seconds = timed_build(project, large_site)
            pages = len(list(large_site.rglob("*.html")))
            print(f"generated {SCALE}x framework ({areas} areas, {studies} case studies, {pages} pages): {seconds:.1f} s")
            large_index = (large_site / "search" / "documents.json").read_bytes()
            shutil.rmtree(project)
            shutil.rmtree(large_site)

        index = site / "search" / "documents.json"
        raw = index.read_bytes()
        print("\n== search index ==")
        print(f"search/documents.json: {kib(len(raw))}, {kib(len(gzip.compress(raw, 6)))} gzip'd "
              "(loaded only when someone starts to search)")
        if not args.no_large:
            print(f"for the {SCALE}x framework: {kib(len(large_index))}, {kib(len(gzip.compress(large_index, 6)))} gzip'd")

        server, base_url = serve(site)
        try:
            print(f"\n== bytes transferred, gzip'd, first visit (target <= {SIZE_TARGET_KIB} KiB each) ==")
            for name, (total, count, biggest, no_search) in transferred(base_url).items():
                verdict = "meets target" if total <= SIZE_TARGET_KIB * 1024 else "OVER target"
                print(f"{name:16} {kib(total):>10} in {count:2} requests   target <= {SIZE_TARGET_KIB} KiB: {verdict}"
                      f"   (without search index and worker: {kib(no_search)})")
                print("                 biggest: " + ", ".join(f"{url} {kib(size)}" for size, url in biggest))
            times = sorted(first_search(base_url))
            print("\n== first search results, phone-speed CPU (4x slowed), fresh page ==")
            print(f"typed, from the first key (Playwright's typing on the slowed page included): median "
                  f"{times[len(times) // 2]:.2f} s of {len(times)} runs: " + ", ".join(f"{t:.2f}" for t in times))
            # The person's wait, by the page's clock (scripts/search_speed.py): pasted is the longest, the whole
            # start with no typing to overlap it; typed counts from the last key.
            import search_speed
            from playwright.sync_api import sync_playwright
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
                runs = [search_speed.one_run(browser, site, base_url, "raising a concern")[:2] for _ in range(5)]
                browser.close()
            for name, column in (("pasted, from focus", 0), ("typed, from the last key", 1)):
                waits = sorted(run[column] for run in runs)
                print(f"{name}: median {waits[2]:.2f} s of 5 runs: " + ", ".join(f"{t:.2f}" for t in waits))
            print("\n== bytes transferred, gzip'd, later page view (another page of the site visited first) ==")
            for name, (total, count) in transferred_later(base_url).items():
                print(f"{name:16} {kib(total):>10} in {count:2} requests")

            print(f"\n== main-thread blocking, phone-speed CPU ({SLOWDOWN}x), thread time (median of {BLOCKING_RUNS} loads) ==")
            for name, path in measured.items():
                runs = sorted(blocking(base_url, path))
                total, longest = runs[len(runs) // 2]
                print(f"{name:16} blocking {total:4.0f} ms, longest task {longest:4.0f} ms   "
                      f"(in {BLOCKING_RUNS} runs: {', '.join(f'{r[0]:.0f}' for r in runs)})")

            if not args.no_lighthouse:
                write_bare_pages(site)
                print(f"\n== Lighthouse, mobile (target 1.00 each; LCP ratio to the bare page <= {LCP_RATIO_TARGET}) ==")
                reports = args.keep or tmp
                reports.mkdir(parents=True, exist_ok=True)
                for name, path in measured.items():
                    slug = name.split()[0]
                    runs = []
                    for run in range(args.runs):
                        suffix = f"-{run + 1}" if args.runs > 1 else ""
                        bare = lighthouse(base_url + BARE_DIR + "/" + path, reports / f"{slug}-bare{suffix}.json")
                        scores = lighthouse(base_url + path, reports / f"{slug}{suffix}.json")
                        if isinstance(scores, str):
                            break
                        runs.append((scores, None if isinstance(bare, str) else bare.get("_lcp_ms")))
                    if not runs:
                        print(f"{name:16} {scores}")
                        continue
                    # the run with the median LCP ratio (then performance) stands for the page
                    runs.sort(key=lambda r: (r[0]["_lcp_ms"] / r[1] if r[1] and r[0].get("_lcp_ms") else 9,
                                             -r[0]["performance"]))
                    scores, bare_lcp = runs[len(runs) // 2]
                    line = "  ".join(f"{key} {scores[key]:.2f}" for key in
                                     ("performance", "accessibility", "best-practices", "seo"))
                    each = ", ".join(sorted(f"{r[0]['performance']:.2f}" for r in runs))
                    many = f"; in {len(runs)} runs: {each}" if len(runs) > 1 else ""
                    print(f"{name:16} {line}   (target 1.00{many})")
                    print(f"                 {scores['_metrics']}")
                    if bare_lcp and scores.get("_lcp_ms"):
                        ratio = scores["_lcp_ms"] / bare_lcp
                        verdict = "meets target" if ratio <= LCP_RATIO_TARGET else "OVER target"
                        ratios = ", ".join(f"{r[0]['_lcp_ms'] / r[1]:.2f}" for r in runs if r[1] and r[0].get("_lcp_ms"))
                        each = f"; in {len(runs)} runs: {ratios}" if len(runs) > 1 else ""
                        print(f"                 LCP {scores['_lcp_ms'] / 1000:.2f} s against the bare page's "
                              f"{bare_lcp / 1000:.2f} s: ratio {ratio:.2f} ({verdict}{each})")
                    if scores["_failing"]:
                        print(f"                 below 0.9: {', '.join(scores['_failing'])}")
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
