"""Build the site: render it into a temporary folder, run the finish steps, then swap it in.

    .venv/bin/python scripts/build.py [--site-dir site] [--config mkdocs.yml]

The output folder changes only when every step succeeded, `--strict` warnings included: a failed
build leaves the site you had exactly as it was. Run from the project folder (the one with mkdocs.yml).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from finish import STEPS, FinishError  # noqa: E402

QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}   # silence end-of-life banners


def render(config: Path, out: Path) -> int:
    """The theme engine: MkDocs with Material, strict, into `out`."""
    return subprocess.call([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                            "--config-file", str(config), "--site-dir", str(out)],
                           env={**os.environ, **QUIET})


def build(config: Path, site: Path) -> int:
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site.name}.new-", dir=site.parent))
    try:
        if render(config, work) != 0:
            print(f"The build failed; the site folder ({site.name}) was not changed.", file=sys.stderr)
            return 1
        for step in STEPS:
            try:
                step(work)
            except FinishError as error:
                print(f"ERROR   -  {error}\nThe build failed; the site folder ({site.name}) was not changed.", file=sys.stderr)
                return 1
        old = None
        if site.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=site.parent))
            site.rename(old / "site")
        work.rename(site)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return 0
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", default="site", type=Path)
    parser.add_argument("--config", default="mkdocs.yml", type=Path)
    args = parser.parse_args(argv)
    return build(args.config, args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
