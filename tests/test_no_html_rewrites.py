"""No MkDocs hook rewrites the HTML the theme wrote: what a page needs is in the page when it is generated or in
the theme's overrides, so that another theme engine (the Zensical build runs no hooks) renders the same pages.
Work over the finished site belongs in an ordered finish step (finish/STEPS), not in a hook."""
from __future__ import annotations

import ast

import yaml

from conftest import ROOT

# MkDocs events whose return value (or, at the end of the build, whose writes) replace what the theme rendered
REWRITING_EVENTS = {"on_post_page", "on_post_template", "on_post_build"}


def hook_modules() -> list[str]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    loader = type("Loader", (yaml.SafeLoader,), {})    # mkdocs.yml's !ENV tags do not matter here
    loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load(text, Loader=loader)
    return config.get("hooks") or []


def writes_html(func: ast.FunctionDef) -> bool:
    """An on_post_build hook may write files (the redirect pages are new files, not the theme's); it may not
    open the theme's pages to change them."""
    source = ast.unparse(func)
    return ".html" in source and ("read_text" in source or "open(" in source or "rglob" in source)


def test_no_hook_rewrites_the_theme_html():
    offenders = []
    for module in hook_modules():
        tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name in REWRITING_EVENTS:
                if node.name != "on_post_build" or writes_html(node) or _calls_rewriter(tree, node):
                    offenders.append(f"{module}: {node.name}")
    assert not offenders, "hooks that rewrite the theme's HTML: " + ", ".join(offenders)


def _calls_rewriter(tree: ast.Module, func: ast.FunctionDef) -> bool:
    """on_post_build calling a function of the same module that reads the built pages back in."""
    called = {n.func.id for n in ast.walk(func) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    return any(isinstance(n, ast.FunctionDef) and n.name in called and writes_html(n) for n in tree.body)
