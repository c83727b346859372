"""The self-evaluation workbook as a SENCO meets it: figures for the README. Prints them; asserts nothing.

    .venv/bin/python scripts/workbook_figures.py                 # builds the site into a temporary folder
    .venv/bin/python scripts/workbook_figures.py --site /tmp/site  # or measures a site already built

What it measures, in Debian's Chromium:
- pages printed on A4 (`page.pdf()`) for an evaluation with six judgements (evidence, two priorities);
- the self-evaluation page's height on a 390 px wide phone, empty and with the same six judgements;
- taps to judge one statement after reading its three descriptors: the taps that make all three
  descriptors visible (opening a collapsed section is one) plus the tap that chooses the tier.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))
from conftest import build_site  # noqa: E402
from pdf_text import pages as pdf_pages  # noqa: E402

from macros.load import load_framework  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FW = load_framework(ROOT / "data" / "framework.yaml")
STORAGE_KEY = "inclusion-audit-workbook"


def six_judgements() -> dict:
    """A saved evaluation with six statements judged across four areas: what a first sitting looks like."""
    tiers = [t.id for t in FW.tiers]
    picks = [FW.statements[i] for i in (0, 6, 12, 20, 28, 40)]
    statements = {}
    for n, s in enumerate(picks):
        entry = {"tier": tiers[n % 3], "evidence": f"What we do for {s.label}: a paragraph of evidence written "
                 "by the SENCO after talking to staff, pupils and parents, with the documents it draws on."}
        if n in (1, 3):
            entry.update(priority=True, action="Plan training for every teaching assistant this term.",
                         lead="SENCO", due="2027-03-31")
        statements[s.id] = entry
    return {"format": "inclusion-audit-self-evaluation", "version": 2, "edition": FW.edition.id,
            "school": "Figures School", "date": "2026-11-23", "statements": statements}


def serve(site: Path) -> str:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def open_workbook(browser, url: str, width: int, state: dict | None):
    context = browser.new_context(viewport={"width": width, "height": 800})
    if state is not None:
        context.add_init_script(f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(json.dumps(state))})")
    page = context.new_page()
    page.goto(url + "self-evaluation/")
    page.wait_for_selector("#wb-summary table")
    return context, page


TAPS_JS = """(id) => {
  // taps to make every tier's descriptor of one statement visible, then one to choose
  const card = document.getElementById('eval-' + id) || document.querySelector('[data-statement="' + id + '"]');
  const texts = [...card.querySelectorAll('.wb-descriptor p, .wb-option__descriptor, [data-descriptor]')];
  const hidden = texts.filter(p => !p.checkVisibility());
  const closers = new Set(hidden.map(p => p.closest('details')).filter(Boolean));
  if (hidden.length && closers.size === 0) return -1;
  return closers.size + 1;
}"""


def measure(site: Path) -> dict:
    from playwright.sync_api import sync_playwright
    url = serve(site)
    figures = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        for label, state in (("empty", None), ("six judgements", six_judgements())):
            context, page = open_workbook(browser, url, 390, state)
            figures[f"page height at 390 px, {label}"] = page.evaluate("document.documentElement.scrollHeight")
            if state is None:
                figures["taps to judge one statement after reading its descriptors"] = page.evaluate(
                    TAPS_JS, FW.statements[6].id)
            context.close()
        context, page = open_workbook(browser, url, 1280, six_judgements())
        page.emulate_media(media="print")
        figures["A4 pages printed, six judgements"] = len(pdf_pages(page.pdf(format="A4")))
        context.close()
        browser.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build one)")
    args = parser.parse_args()
    site = args.site
    if site is None:
        site = Path(tempfile.mkdtemp()) / "site"
        result = build_site(ROOT, site)
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
    for name, value in measure(site).items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
