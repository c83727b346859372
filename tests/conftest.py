"""Shared fixtures: the site is built once per test session; browser tests use Debian's Chromium."""
from __future__ import annotations

import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}  # silence end-of-life banners


def build_site(project: Path, out: Path) -> subprocess.CompletedProcess:
    """Run the publishing build (scripts/build.py: render with --strict, finish steps, then swap in)
    for a project directory; returns the finished process."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(out)],
        cwd=project, capture_output=True, text=True, env=BUILD_ENV, timeout=300,
    )


# The project's code, layer by layer (each folder has a README saying what it holds).
CODE = ("framework", "rendering", "outputs", "search", "macros", "finish")


def copy_project(dest: Path) -> Path:
    """A temporary copy of the project (without site/, .venv/, .git/) to edit in a test."""
    ignore = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "node_modules")
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, dest / name)
    for name in ("docs", "data", *CODE, "overrides"):
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    if (ROOT / "node_modules").exists():
        (dest / "node_modules").symlink_to((ROOT / "node_modules").resolve())   # esbuild, for the pages' inline scripts
    return dest


def shared_build(tmp_path_factory, worker_id: str, name: str, make) -> Path:
    """A folder made once for the whole test run and shared by every test worker (pytest-xdist): the first
    worker to get here runs make(folder) while the others wait on the lock. make returns an error text or None."""
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    out, failed = shared / name, shared / f"{name}-failed.txt"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not out.is_dir() and not failed.exists():
            error = make(out)
            if error:
                failed.write_text(error, encoding="utf-8")
    assert not failed.exists(), failed.read_text(encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, worker_id) -> Path:
    """The real site, built once with --strict and shared by every test worker."""
    def make(out: Path):
        result = build_site(ROOT, out)
        return None if result.returncode == 0 else f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return shared_build(tmp_path_factory, worker_id, "site", make)


@pytest.fixture(scope="session")
def html_pages(site_dir) -> dict[str, Path]:
    """Every built HTML page, by its path relative to the site."""
    return {p.relative_to(site_dir).as_posix(): p for p in sorted(site_dir.rglob("*.html"))}


@functools.lru_cache(maxsize=None)
def _parse(path: str) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def soup(site_dir):
    """soup("areas/leadership-of-send/index.html") -> the parsed page."""
    return lambda rel: _parse(str(site_dir / rel))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site_dir):
    """The built site served on localhost, like GitHub Pages serves it."""
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (no downloaded browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (.ci/run does)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        # Once a page has loaded, the site's service worker saves the whole site (megabytes) for offline use.
        # Contexts block it unless a test asks for it (service_workers="allow", tests/test_offline_browser.py),
        # so that each fresh context does not download the site in the background.
        for name in ("new_context", "new_page"):
            make = getattr(b, name)
            setattr(b, name, lambda *a, _make=make, **k: _make(*a, **{"service_workers": "block", **k}))
        yield b
        b.close()


SCRIPTS_RAN = """() => { const loader = document.querySelector("script[data-after-paint]");
                         return !loader || loader.dataset.afterPaint !== "waiting"; }"""


@pytest.fixture(scope="session", autouse=True)
def wait_for_scripts_after_paint():
    """Material's bundle and site.js start after the first paint (overrides/main.html),
    so after the load event that page.goto() and page.reload() wait for: a reader sees the page, and the
    scripts run a moment later. Tests act as that reader does once they have run: goto() and reload() also
    wait for them (nothing to wait for with JavaScript off, or with wait_until="commit"/"domcontentloaded")."""
    from playwright.sync_api import Page

    def waiting(method):
        def wrapper(self, *args, **kwargs):
            response = method(self, *args, **kwargs)
            if kwargs.get("wait_until") not in ("commit", "domcontentloaded"):
                self.wait_for_function(SCRIPTS_RAN)
            return response
        return wrapper
    originals = Page.goto, Page.reload
    Page.goto, Page.reload = waiting(Page.goto), waiting(Page.reload)
    yield
    Page.goto, Page.reload = originals


@pytest.fixture
def page(browser):
    """A fresh browser context (empty localStorage) and page for each test."""
    context = browser.new_context(accept_downloads=True)
    pg = context.new_page()
    yield pg
    context.close()


# Two workers share the files, each file whole on one worker (scripts/test.sh). The longest files start first,
# so that the two workers finish together; the rest keep their order. Only the suite's time depends on this list.
# Ordered by each file's time in a run of the whole suite (--durations=0, summed per file). The Zensical build
# installs its own venv on a fresh clone (scripts/build-zensical.sh), so its file goes before it would by its time.
LONGEST_FIRST = ("test_quality_axe.py", "test_styles_browser.py", "test_quality_focus.py",
                 "test_workbook_faults_browser.py", "test_offline_browser.py", "test_security_site.py",
                 "test_yaml_mutations.py", "test_search_browser.py", "test_action_plan_browser.py",
                 "test_layout_shift_browser.py", "test_workbook_browser.py", "test_security_corpus.py",
                 "test_zensical_build.py", "test_workbook_loading.py", "test_search.py")


def pytest_collection_modifyitems(items):
    def rank(item):
        name = item.path.name
        return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)
    items.sort(key=rank)    # a stable sort: each file's tests keep their order
