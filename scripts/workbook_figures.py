"""The self-evaluation workbook as a SENCO meets it: figures for the README. Prints them; asserts nothing.

    .venv/bin/python scripts/workbook_figures.py                 # builds the site into a temporary folder
    .venv/bin/python scripts/workbook_figures.py --site /tmp/site  # or measures a site already built

What it measures, in Debian's Chromium:
- pages printed on A4 (`page.pdf()`) for an evaluation with six judgements (evidence, two priorities);
- the self-evaluation page's height on a 390 px wide phone, empty and with the same six judgements;
- taps to judge one statement after reading its three descriptors: the taps that make all three
  descriptors visible (opening a collapsed section is one) plus the tap that chooses the tier;
- page heights on a 390 x 844 phone of the five workbook pages as first shown (self-evaluation empty; action
  plan with five priorities; compare with two exports compared; trust overview with three schools; audit form),
  against 16 screens (13,504 px);
- keys to judge one statement at the top tier with the keyboard only, from the control before its tiers;
- typing: 100 keys in an evidence box against a plain <textarea> added to the same page, with the CPU slowed 4x;
- A4 pages printed: the report (six judgements), the action plan (five priorities), the trust overview
  (three schools);
- the self-evaluation's first visit, gzip'd as GitHub Pages sends it (scripts/benchmark.py's server).
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

from framework.load import load_framework  # noqa: E402

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
    return {"format": FW.workbook.format, "version": FW.workbook.version, "edition": FW.edition.id,
            "school": "Figures School", "date": "2026-11-23", "statements": statements}


def five_priorities() -> dict:
    """Six judgements, five of them priorities with an action each: an action plan a school would print."""
    state = six_judgements()
    for n, entry in enumerate(state["statements"].values()):
        if n < 5:
            entry.update(priority=True, action="Plan training for every teaching assistant this term, with a "
                         "review at the end of it.", lead="SENCO", due="2027-03-31")
    return state


def school_export(n: int, judged: int) -> bytes:
    """A school's export: the first `judged` statements judged, tiers in turn, two priorities."""
    tiers = [t.id for t in FW.tiers]
    statements = {}
    for i, s in enumerate(FW.statements[:judged]):
        statements[s.id] = {"tier": tiers[(i + n) % 3], "evidence": f"Evidence {i}",
                            "priority": i % 11 == n}
    return json.dumps({"format": FW.workbook.format, "version": FW.workbook.version, "edition": FW.edition.id,
                       "school": f"School {n + 1}", "date": f"2026-0{n + 1}-15", "statements": statements}).encode()


def files(*blobs: bytes) -> list[dict]:
    return [{"name": f"school-{i + 1}.json", "mimeType": "application/json", "buffer": b} for i, b in enumerate(blobs)]


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
  const texts = [...card.querySelectorAll('.wb-descriptor, .wb-descriptor p, .wb-option__descriptor, [data-descriptor]')];
  const hidden = texts.filter(p => !p.checkVisibility());
  const closers = new Set(hidden.map(p => p.closest('details')).filter(Boolean));
  if (hidden.length && closers.size === 0) return -1;
  return closers.size + 1;
}"""


KEYS_JS = """(id) => {
  const group = document.getElementById('eval-' + id).querySelector('fieldset');
  const se = group.querySelector('input[value="sustaining-excellence"]');
  return {focusIn: group.contains(document.activeElement), checked: se.checked,
          onChange: document.activeElement && document.activeElement.classList.contains('wb-change'),
          radio: document.activeElement && document.activeElement.type === 'radio'};
}"""


def keys_to_judge(page, statement_id: str) -> int:
    """Keys, from the control before a statement's tiers (its area open), until its top tier is chosen and saved:
    Tab in, arrows; where a choice hides the other tiers, Tab on to "Change the tier", Enter, Shift+Tab back."""
    page.evaluate("""(id) => { const s = document.getElementById('eval-' + id);
      const area = s.closest('details'); if (area) area.open = true;
      const all = [...document.querySelectorAll('input, textarea, button, a[href]')].filter(n => n.checkVisibility());
      const first = s.querySelector('input');
      all[all.indexOf(first) - 1].focus(); }""", statement_id)
    keys = 0
    for _ in range(30):
        st = page.evaluate(KEYS_JS, statement_id)
        if st["checked"]:
            page.wait_for_timeout(1200)
            saved = page.evaluate(f"JSON.parse(localStorage.getItem('{STORAGE_KEY}') || '{{}}')")
            ok = (saved.get("statements", {}).get(statement_id, {}).get("tier") == "sustaining-excellence")
            return keys if ok else -keys
        se_visible = page.evaluate(f"document.getElementById('eval-{statement_id}')"
                                   ".querySelector('input[value=\"sustaining-excellence\"]').checkVisibility()")
        if st["onChange"] and not se_visible:
            page.keyboard.press("Enter"); keys += 1
            page.keyboard.press("Shift+Tab")
        elif st["focusIn"] and st["radio"] and se_visible:
            page.keyboard.press("ArrowDown")
        else:
            page.keyboard.press("Tab")
        keys += 1
    return -1


def typing_ratio(page) -> tuple[float, float]:
    """Seconds for 100 keys in a plain textarea and in the first evidence box, CPU slowed 4x."""
    import time
    page.evaluate("""() => { const t = document.createElement('textarea'); t.id = 'plain-box';
      document.querySelector('article').prepend(t); }""")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    out = []
    for sel in ("#plain-box", "textarea[id^=evidence-]"):
        box = page.locator(sel).first
        box.focus()
        page.wait_for_timeout(300)
        start = time.perf_counter()
        page.keyboard.type("Evidence of current practice, typed by a SENCO in a hurry before the meeting starts now!"[:100]
                           .ljust(100, "x"))
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r)))")
        out.append(time.perf_counter() - start)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    return out[0], out[1]


def phone_page(browser, url: str, path: str, state: dict | None, ready: str, act=None) -> int:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    if state is not None:
        context.add_init_script(f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(json.dumps(state))})")
    page = context.new_page()
    page.goto(url + path)
    if act:
        act(page)
    page.wait_for_selector(ready)
    page.wait_for_timeout(300)
    height = page.evaluate("document.documentElement.scrollHeight")
    context.close()
    return height


def compare_files(page):
    page.wait_for_selector("#cmp-earlier", state="attached")
    page.locator("#cmp-earlier").set_input_files(files(school_export(0, 30))[0])
    page.locator("#cmp-later").set_input_files(files(school_export(0, 30), school_export(1, 43))[1])
    page.locator("#cmp-form button[type=submit]").click()


def trust_files(page):
    page.wait_for_selector("#trust-files", state="attached")
    page.locator("#trust-files").set_input_files(files(school_export(0, 43), school_export(1, 30), school_export(2, 20)))


def printed(browser, url: str, path: str, state: dict | None, ready: str, act=None) -> int:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    if state is not None:
        context.add_init_script(f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(json.dumps(state))})")
    page = context.new_page()
    page.goto(url + path)
    if act:
        act(page)
    page.wait_for_selector(ready)
    page.emulate_media(media="print")
    page.wait_for_timeout(300)
    n = len(pdf_pages(page.pdf(format="A4")))
    context.close()
    return n


def first_visit_gzip(site: Path) -> str:
    import benchmark
    benchmark.PAGES = {"self-evaluation": "self-evaluation/"}
    server, url = benchmark.serve(site)
    try:
        total, requests, _, without_search = benchmark.transferred(url)["self-evaluation"]
    finally:
        server.shutdown()
    return f"{without_search / 1024:.1f} KiB in {requests} requests"


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
        figures["A4 pages printed, action plan, five priorities"] = printed(
            browser, url, "action-plan/", five_priorities(), "#ap-plan h2")
        figures["A4 pages printed, trust overview, three schools"] = printed(
            browser, url, "trust-overview/", None, "#trust-result table", trust_files)
        phone = {
            "self-evaluation, empty": ("self-evaluation/", None, "#wb-summary table", None),
            "action plan, five priorities": ("action-plan/", five_priorities(), "#ap-plan h2", None),
            "compare, two exports": ("compare/", None, "#cmp-result table", compare_files),
            "trust overview, three schools": ("trust-overview/", None, "#trust-result table", trust_files),
            "audit form": ("audit-form/", None, ".af-page", None),
        }
        for name, (path, state, ready, act) in phone.items():
            height = phone_page(browser, url, path, state, ready, act)
            figures[f"phone height (390 x 844), {name}"] = f"{height} px, {height / 844:.1f} screens"
        context, page = open_workbook(browser, url, 1280, None)
        figures["keys to judge statement 1.2 at the top tier, keyboard only"] = keys_to_judge(page, FW.statements[1].id)
        context.close()
        context, page = open_workbook(browser, url, 1280, None)
        plain, evidence = typing_ratio(page)
        figures["100 keys at 4x CPU slowdown: plain textarea, evidence box, ratio"] = (
            f"{plain:.2f} s, {evidence:.2f} s, {evidence / plain:.2f}")
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
    print(f"self-evaluation first visit, gzip: {first_visit_gzip(site)}")


if __name__ == "__main__":
    main()
