"""The one place the build gets the model from: loaded once per build, shared by the hook and the macros."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from .load import FrameworkError, load_framework
from .model import Framework

_cache: dict[tuple, Framework] = {}


def data_path(config_file: str | Path) -> Path:
    return Path(config_file).resolve().parent / "data" / "framework.yaml"


def get_framework(config_file: str | Path) -> Framework:
    """The model for the project whose mkdocs.yml is config_file.

    A bad YAML file raises PluginError, which MkDocs prints as one ERROR line and exits 1
    without a traceback.
    """
    path = data_path(config_file)
    knowledge = path.parent / "knowledge"
    stamp = tuple(p.stat().st_mtime_ns for p in [path, *sorted(knowledge.glob("*.md"))] if p.exists())
    key = (str(path), stamp)
    if key not in _cache:
        try:
            _cache.clear()
            _cache[key] = load_framework(path, knowledge)
        except FrameworkError as error:
            raise PluginError(f"The framework data has a problem; nothing was built.\n{error}") from None
    return _cache[key]
