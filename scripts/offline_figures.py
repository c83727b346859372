"""Offline figures: what the service worker keeps, how long a first visit takes to make a device ready, and what a
first visit costs before that starts.

    .venv/bin/python scripts/offline_figures.py [--site-dir /tmp/offline-figures-site] [--runs 5]

Builds the site (scripts/build.py), serves it as GitHub Pages does (gzip, max-age=600; scripts/benchmark.py's
server) and drives Debian's Chromium with the CPU slowed 4 times (Chrome DevTools' "phone" setting, applied
to the page; the service worker runs in the same renderer process). "Ready" is when the worker is active and
its cache holds every file of its list, timed from the start of the first visit's navigation.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))
from benchmark import CHROMIUM, PAGES, serve  # noqa: E402
from conftest import build_site  # noqa: E402

READY = """async (total) => {
  const reg = await navigator.serviceWorker.getRegistration();
  if (!reg || !reg.active || reg.active.state !== "activated") return null;
  let count = 0;
  for (const name of await caches.keys()) count += (await (await caches.open(name)).keys()).length;
  return count >= total ? performance.now() : null;
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path("/tmp/offline-figures-site"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    result = build_site(ROOT, args.site_dir)
    if result.returncode:
        sys.exit(result.stderr)
    first = (args.site_dir / "sw.js").read_text(encoding="utf-8").splitlines()[0]
    data = json.loads(first[len("self.PRECACHE = "):-1])
    files = data["files"]
    print(f"edition {data['edition']}, build {data['build']}: {len(files)} files, "
          f"{sum(1 for f in files if f.get('page'))} pages, {sum(f['bytes'] for f in files) / 1e6:.2f} MB")

    from playwright.sync_api import sync_playwright
    server, base = serve(args.site_dir)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
            times = []
            for _ in range(args.runs):
                context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
                page = context.new_page()
                page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
                page.goto(base)
                done = None
                for _ in range(1200):
                    done = page.evaluate(READY, len(files))
                    if done:
                        break
                    page.wait_for_timeout(50)
                times.append(done / 1000 if done else float("nan"))
                context.close()
            print(f"first visit to ready, CPU 4x slower: median {statistics.median(times):.2f} s "
                  f"({', '.join(f'{t:.2f}' for t in times)})")

            print("first visit, gzip'd bytes the page itself loads (the worker's saving, after load, apart):")
            for name, path in PAGES.items():
                context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
                own, kept = [], []
                context.on("requestfinished", lambda r: (kept if r.service_worker else own).append(r))
                page = context.new_page()
                page.goto(base + path, wait_until="networkidle")
                page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
                page.wait_for_load_state("networkidle")
                def size(requests):
                    return sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in requests)
                late = [r for r in own if r.url.endswith(("/sw.js", "/offline.js"))]
                print(f"  {name:16} {size(own) / 1024:6.1f} KiB in {len(own):2} requests, of which after load "
                      f"{', '.join(r.url.rsplit('/', 1)[1] for r in late)} {size(late) / 1024:.1f} KiB; "
                      f"saved by the worker: {len(kept)} requests, {size(kept) / 1024:.0f} KiB")
                context.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
