"""Generate: the whole site as plain Markdown, ready for any theme engine that reads mkdocs.yml.

    .venv/bin/python -m macros.generate OUT [--config mkdocs.yml]

Writes into OUT (emptied first) every page and file of the site with nothing left for a plugin or a hook
to do: the hand-written pages of docs/ with their {{ show(...) }} and {{ count(...) }} calls expanded, the
pages and downloads made from data/framework.yaml, each page's abbreviation lines, docs/assets/, and one
HTML file for each old address in the YAML's redirects. Next to OUT it writes OUT/../mkdocs.yml: the
project's configuration with the navigation written out and no hooks, no macros, no redirects plugin.

It calls the MkDocs build's own code up to the Markdown stage (the same plugins, hooks and page
objects), so what it writes is exactly what the published MkDocs build turns into HTML.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

# The plugins whose work this step has done; the generated configuration keeps the others (search).
DONE_HERE = ("macros", "redirects")


def _front_matter(meta: dict) -> str:
    if not meta:
        return ""
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def generate(config_file: Path, out: Path) -> Path:
    """Write the tree into `out` and its configuration next to it; return the configuration's path."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation

    from .inputs import get_framework
    from rendering.navigation import site_nav

    config_file, out = config_file.resolve(), out.resolve()
    target_config = out.parent / "mkdocs.yml"
    if target_config == config_file or out == (config_file.parent / "docs"):
        raise SystemExit(f"{out} would overwrite the project's own files; choose another folder.")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    files = get_files(config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    config.plugins.on_nav(nav, config=config, files=files)

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for file in files:
        if file.inclusion.is_excluded():
            continue
        dest = out / file.src_uri
        dest.parent.mkdir(parents=True, exist_ok=True)
        if file.is_documentation_page():
            page = file.page
            page.read_source(config)
            # the macros plugin (show, count) and the hook's abbreviation lines, as in the MkDocs build
            markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            dest.write_text(_front_matter(page.meta) + markdown, encoding="utf-8")
        else:
            dest.write_bytes(file.content_bytes)

    # Old addresses: the redirects plugin writes its HTML files into the tree, which any engine copies as is.
    redirects = config.plugins.get("redirects")
    if redirects is not None:
        site_dir = config["site_dir"]
        config["site_dir"] = str(out)
        try:
            redirects.on_post_build(config=config)
        finally:
            config["site_dir"] = site_dir

    fw = get_framework(config_file)
    # what the hook's on_config adds to `extra` for the theme's templates (the footer's edition)
    extra = {"edition": {k: str(v) for k, v in dataclasses.asdict(fw.edition).items() if v is not None}}
    target_config.write_text(plain_config(config_file, out, site_nav(fw), extra), encoding="utf-8")
    return target_config


def plain_config(config_file: Path, docs: Path, nav: list, extra: dict) -> str:
    """The project's mkdocs.yml for the generated tree: nav written out, no hooks, no macros, no redirects."""
    class Loader(yaml.SafeLoader):
        pass

    # !ENV [NAME, default]: keep the default (the build that publishes sets its own site_url)
    Loader.add_constructor("!ENV", lambda loader, node: os.environ.get(
        loader.construct_sequence(node)[0], loader.construct_sequence(node)[-1]))
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader)
    data.pop("hooks", None)
    data["docs_dir"] = docs.name
    theme = data.get("theme", {})
    if "custom_dir" in theme:
        theme["custom_dir"] = os.path.relpath(config_file.parent / theme["custom_dir"], docs.parent)
    plugins = []
    for plugin in data.get("plugins", []):
        name = next(iter(plugin)) if isinstance(plugin, dict) else plugin
        if name not in DONE_HERE:
            plugins.append(plugin)
    data["plugins"] = plugins
    data["nav"] = nav
    data.setdefault("extra", {}).update(extra)
    return ("# Made by macros/generate.py from " + config_file.name + ": do not edit.\n"
            + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder for the Markdown tree (its configuration goes beside it)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.config.resolve().parent))
    from mkdocs.exceptions import MkDocsException
    try:
        written = generate(args.config, args.out)
    except MkDocsException as error:
        print(f"ERROR   -  {error}", file=sys.stderr)
        return 1
    print(f"Wrote {args.out} and {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
