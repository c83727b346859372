"""The one place the build gets the model from: loaded once per build, shared by the hook and the macros."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from outputs import downloads
from rendering import pages
from search import documents as search_docs
from framework.load import FrameworkError, load_framework
from framework.model import PAGE_KINDS, Framework

_cache: dict[tuple, tuple[Framework, dict]] = {}


def data_path(config_file: str | Path) -> Path:
    return Path(config_file).resolve().parent / "data" / "framework.yaml"


def _load(config_file: str | Path) -> tuple[Framework, dict]:
    """(model, generated files), made together so that every page and download exists before MkDocs
    cleans or writes anything. A bad YAML file raises PluginError, which MkDocs prints as one ERROR
    message (one line per problem) and exits 1 without a traceback."""
    path = data_path(config_file)
    knowledge = path.parent / "knowledge"
    docs = path.parent.parent / "docs"
    watched = [path, path.parent / "published-ids.yaml", path.parent / "search.yaml", path.parent / "workbook.yaml", *sorted(knowledge.glob("*.md")),
               *sorted(docs.rglob("*.md"))]
    key = (str(path), tuple(p.stat().st_mtime_ns for p in watched if p.exists()))
    if key not in _cache:
        _cache.clear()
        try:
            fw = load_framework(path, knowledge, require_published=True)
            search = search_docs.documents_file(fw, path.parent / "search.yaml", docs)   # search/documents.json
        except FrameworkError as error:
            raise PluginError(f"The framework data has a problem; nothing was built.\n{error}") from None
        try:
            _cache[key] = (fw, {**generated_files(fw), **search})
        except Exception as error:   # data passed its checks but a template failed: still one message
            raise PluginError(f"data/framework.yaml:1: the data passed its checks but a page could not be made "
                              f"({type(error).__name__}: {error}); nothing was built. Please report this.") from None
    return _cache[key]


def generated_files(fw: Framework) -> dict[str, str | bytes]:
    """Every page and download made from the model, by its path under docs/. Partials are rendered
    once too, so a template that cannot render stops the build here, before anything is written."""
    files = {}
    for kind in PAGE_KINDS:       # a page for each area, case study, knowledge page...
        for thing in getattr(fw, kind.listed_in):
            files[thing.page] = pages.render(kind.template, fw=fw, **{kind.called: thing})
    files["assets/workbook-suggested.js"] = pages.workbook_suggested_js(fw)   # loaded by the self-evaluation
    for name, content in downloads.all_downloads(fw).items():
        files[f"downloads/{name}"] = content
    for name in pages.partial_names():
        pages.partial(fw, name, up="../", src_up="../")
    return files


def get_framework(config_file: str | Path) -> Framework:
    """The model for the project whose mkdocs.yml is config_file."""
    return _load(config_file)[0]


def get_generated_files(config_file: str | Path) -> dict[str, str | bytes]:
    return _load(config_file)[1]
