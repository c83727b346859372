"""Make the app icons (docs/assets/icon-192.png, icon-512.png) from the site's mark, docs/assets/favicon.svg.

    .venv/bin/python scripts/make_icons.py

Run once after changing the mark, and commit the PNGs: Debian's Chromium draws the SVG at each size (no
other image tool needed). The manifest (finish/offline.py) lists them.
"""
from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def main() -> None:
    svg = (ROOT / "docs" / "assets" / "favicon.svg").read_text(encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        for size in (192, 512):
            page = browser.new_page(viewport={"width": size, "height": size}, device_scale_factor=1)
            page.set_content(f'<html><body style="margin:0;background:transparent">'
                             f'<div style="width:{size}px;height:{size}px">{svg}</div></body></html>')
            page.eval_on_selector("svg", f"s => {{ s.setAttribute('width', {size}); s.setAttribute('height', {size}); }}")
            out = ROOT / "docs" / "assets" / f"icon-{size}.png"
            page.screenshot(path=str(out), omit_background=True, clip={"x": 0, "y": 0, "width": size, "height": size})
            print(out.relative_to(ROOT), out.stat().st_size, "bytes")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
