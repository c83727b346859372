"""MkDocs hooks: add the pages and downloads that come from data/framework.yaml, and give the theme's templates
what they need to write each page whole (the inline favicon, the policy's hashes).

Listed under `hooks:` in mkdocs.yml. Each hook only calls code in this package. No hook changes a page the theme
has written (tests/test_no_html_rewrites.py): work over the finished site is a finish step (finish/).
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # so `import macros` works

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from markupsafe import escape  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from rendering import csp, pages, redirects  # noqa: E402
from macros.inputs import get_framework, get_generated_files  # noqa: E402
from rendering.navigation import site_nav  # noqa: E402


# `mkdocs serve` (the local preview) runs no finish step: its pages link the theme's own stylesheets, and its
# live-reload script needs inline scripts allowed (rendering/csp.py).
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


# Load, check and render every generated page and download before MkDocs cleans or writes anything
# (a mistake stops the build here and the previous site stays as it was); set the navigation.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    fw = get_framework(config.config_file_path)
    get_generated_files(config.config_file_path)
    config.nav = site_nav(fw)
    # the footer (overrides/partials/copyright.html) shows the edition: escaped here, where it leaves the model
    config.extra["edition"] = {"id": str(escape(fw.edition.id)), "date": fw.edition.date}
    if _serving:
        config.extra["stylesheet"] = None
    # the favicon (a 200-byte SVG) goes into each page as a data: URL: as a file it was one more request, which the
    # browser makes as soon as the page has loaded, often before the first paint (Lighthouse then counts it)
    icon = Path(config.docs_dir) / config.theme["favicon"]
    if icon.suffix == ".svg" and icon.is_file():
        svg = " ".join(icon.read_text(encoding="utf-8").split())
        config.theme["favicon"] = "data:image/svg+xml," + quote(svg, safe="/:=;,()")
    return config


@functools.lru_cache(maxsize=None)
def _minify_js(text: str) -> str:
    from finish.scripts import minify     # esbuild, as for the site's other scripts
    return minify(str(text)).strip()


# The theme's templates write each page's Content-Security-Policy (overrides/main.html) with these, and minify
# the scripts they write inline (overrides/partials/inline-scripts.html).
def on_env(env, config: MkDocsConfig, files: Files):
    env.filters["csp_hash"] = csp.script_hash
    env.filters["minify_js"] = _minify_js
    env.globals["content_security_policy"] = lambda hashes: csp.policy(hashes, serving=_serving)
    return env


# Add one page per area, case study and knowledge page, and the download files.
def on_files(files: Files, config: MkDocsConfig) -> Files:
    generated = get_generated_files(config.config_file_path)   # made in on_config
    for src_uri, content in generated.items():
        if files.get_file_from_path(src_uri):
            files.remove(files.get_file_from_path(src_uri))  # the model wins over a stray file
        files.append(File.generated(config, src_uri, content=content))
    return files


# Old URLs keep working: one small page for each of the YAML's redirects and renamed pages (rendering/redirects.py).
def on_post_build(config: MkDocsConfig) -> None:
    redirects.write_redirects(get_framework(config.config_file_path).redirects, config.site_dir)


# Explain every glossary abbreviation wherever it appears (Markdown's abbr extension reads these lines).
def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    fw = get_framework(config.config_file_path)
    return markdown + "\n\n" + pages.abbreviation_lines(fw)
