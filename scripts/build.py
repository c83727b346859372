"""Build the site: render it into a temporary folder, run the finish steps, then swap it in.

    .venv/bin/python scripts/build.py [--site-dir site] [--config mkdocs.yml] [--engine mkdocs|zensical]

The published build renders with MkDocs and Material (mkdocs.yml, its macros and hooks). `--engine zensical`
renders the same site with Zensical instead: the generate step (macros/generate.py) writes the pages as
plain Markdown with a mkdocs.yml of their own, which Zensical renders; scripts/build-zensical.sh installs it.

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
    """The theme engine: MkDocs with Material, strict, into `out`. Not with --quiet: that drops the warnings --strict
    counts (a dead link, a missing anchor), so the build would pass. Its INFO lines are left out of what it prints."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                             "--config-file", str(config), "--site-dir", str(out)],
                            env={**os.environ, **QUIET}, capture_output=True, text=True)
    for line in (result.stdout + result.stderr).splitlines():
        if not line.startswith("INFO"):
            print(line, file=sys.stderr)
    return result.returncode


ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
ZENSICAL_THEME = ROOT / "overrides-zensical"   # laid over overrides/: what Zensical's template engine reads differently
# Material's own templates copied into overrides/ with a fix (valid HTML, hashed inline scripts): Zensical keeps its own.
# partials/top.html is not among them: Zensical's partial is the same as Material's, so the one fork serves both.
MATERIAL_FORKS = ("base.html", "partials/nav-item.html", "partials/javascripts/base.html",
                  "partials/javascripts/palette.html", "partials/javascripts/content.html")


def render_zensical(config: Path, out: Path) -> int:
    """The generate step, then Zensical over its output, into `out`. Zensical wants its output folder
    inside the project folder, so the project is the temporary folder beside `out`."""
    import yaml
    project = Path(tempfile.mkdtemp(prefix=".zensical-", dir=out.parent))
    try:
        if subprocess.call([sys.executable, "-m", "macros.generate", str(project / "docs"), "--config", str(config)],
                           cwd=ROOT, stdout=subprocess.DEVNULL) != 0:
            return 1
        generated = project / "mkdocs.yml"
        data = yaml.safe_load(generated.read_text(encoding="utf-8"))
        theme = project / "theme"
        shutil.copytree(config.resolve().parent / "overrides", theme)
        for fork in MATERIAL_FORKS:
            (theme / fork).unlink()
        shutil.copytree(ZENSICAL_THEME, theme, dirs_exist_ok=True)
        data["theme"]["custom_dir"] = "theme"
        data["site_dir"] = "site"
        generated.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
        if subprocess.call([str(ZENSICAL), "build", "--strict", "--clean", "--config-file", str(generated)],
                           cwd=project, stdout=subprocess.DEVNULL) != 0:
            return 1
        for item in (project / "site").iterdir():
            item.rename(out / item.name)
        return 0
    finally:
        shutil.rmtree(project, ignore_errors=True)


def build(config: Path, site: Path, engine: str = "mkdocs") -> int:
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site.name}.new-", dir=site.parent))
    try:
        if (render_zensical if engine == "zensical" else render)(config, work) != 0:
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
    parser.add_argument("--engine", default="mkdocs", choices=("mkdocs", "zensical"))
    args = parser.parse_args(argv)
    return build(args.config, args.site_dir, args.engine)


if __name__ == "__main__":
    sys.exit(main())
