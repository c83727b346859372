"""Preview the site as it is published: build it (scripts/build.py), serve it on http://127.0.0.1:8000, and build
again whenever a source file changes. Reload the browser page to see the change. A failed build says why and
keeps serving the last good site.

    .venv/bin/python scripts/serve.py [--port 8000]
"""
from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import build  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("data", "docs", "framework", "rendering", "outputs", "search", "macros", "overrides", "finish",
           "mkdocs.yml")


def _stamp() -> float:
    files = (p for name in WATCHED for p in ([ROOT / name] if (ROOT / name).is_file() else (ROOT / name).rglob("*")))
    return max((p.stat().st_mtime for p in files if p.is_file()), default=0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    port = parser.parse_args().port
    site = ROOT / "site"
    if build(ROOT / "mkdocs.yml", site, "mkdocs") != 0 and not site.is_dir():
        return 1
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving the site on http://127.0.0.1:{port}/ (Ctrl+C stops)", flush=True)
    seen = _stamp()
    try:
        while True:
            time.sleep(1)
            now = _stamp()
            if now != seen:
                seen = now
                print("A source changed: building again", flush=True)
                build(ROOT / "mkdocs.yml", site, "mkdocs")
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
