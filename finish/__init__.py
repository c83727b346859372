"""Finish steps: standalone, ordered steps over a rendered site folder.

Each step is a function `step(site: Path) -> None` that reads and writes files inside `site` only.
`scripts/build.py` runs them in the order of STEPS, after the theme engine has rendered the pages
and before the new site replaces the old one. A step that fails raises FinishError with one line.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable


class FinishError(Exception):
    """A finish step could not complete; the message is one line for the maintainer."""


def _steps() -> list[Callable[[Path], None]]:
    from .offline import offline
    from .scripts import minify_scripts
    from .spaces import collapse_pages
    from .styles import prune_styles
    return [
        minify_scripts,      # our own scripts minified by esbuild, the self-evaluation's joined
        collapse_pages,      # the templates' indentation out of every page's text
        prune_styles,        # the one stylesheet the pages link: the theme's and ours, cut to what they use
        offline,             # last: it lists and hashes the finished files for the service worker
    ]


STEPS: list[Callable[[Path], None]] = _steps()
