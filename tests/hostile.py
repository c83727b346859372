"""Hostile YAML for the security tests: the payloads a contributor could put in data/framework.yaml, and the
check that a built page holds none of them as live markup.

Each payload carries a tag ({n}) so that a finding names the field it came from.
"""
from __future__ import annotations

import copy
import io
import shutil
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent

PAYLOADS = {
    "html tag": "<img src=x onerror=alert('{n}')>",
    "attribute break-out": "x \"><img src=x onerror=alert('{n}')> y",
    "closing tags": "</title></script><script>alert('{n}')</script>",
    "escaped markup": "&lt;script&gt;alert('{n}')&lt;/script&gt;",
    "javascript link": "[click](javascript:alert('{n}'))",
    "raw link": "<a href=\"javascript:alert('{n}')\">x</a>",
    "attribute list": "*hover*{{: onmouseover=alert('{n}') }}",
    "bare attribute list": "*hover*{{ onmouseover=alert('{n}') }}",
    "image from another host": "![x](https://evil.example/p-{n}.png)",
    "parenthesis in a URL": "https://a.example/x-{n})[click](javascript:alert('{n}')",
    "line break after a URL": "https://a.example/x-{n}\n",
    "link to no page": "See [x](../local-offer-{n}.md).",
    "reference link": "[click][r{n}]\n\n[r{n}]: javascript:alert('{n}')",
    "formula": "=HYPERLINK(\"https://evil.example/{n}\",\"x\")",
}

HOSTS_ALLOWED_FOR_REQUESTS: tuple[str, ...] = ()      # none: the site loads nothing from another host


def plain_tree() -> dict:
    return yaml.load((ROOT / "data" / "framework.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def text_fields(tree) -> list[tuple]:
    """One path (keys and list indexes) for every kind of text in the file: the first of each, so every key
    that holds text is tried once (areas.*.statements.*.text stands for all statement texts)."""
    seen, out = set(), []

    def walk(node, path):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, path + (k,))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, path + (i,))
        elif isinstance(node, str):
            kind = tuple("*" if isinstance(p, int) else p for p in path)
            if kind not in seen:
                seen.add(kind)
                out.append(path)
    walk(tree, ())
    return out


def set_at(tree, path, value):
    node = tree
    for step in path[:-1]:
        node = node.setdefault(step, {}) if isinstance(node, dict) else node[step]
    node[path[-1]] = value


DUMP_OPTIONS = {"allow_unicode": True, "sort_keys": False, "width": 10_000}


def dump(tree) -> str:
    return yaml.dump(tree, Dumper=yaml.CSafeDumper, **DUMP_OPTIONS)


class OneChange:
    """dump(with_payload(tree, path, text)) for many paths and texts, the same text byte for byte but without
    representing the whole tree again each time (most of dump's work): the tree becomes YAML nodes once, and
    each text is written with its one node swapped in. Only the top-level key that holds the text is written
    again: the file is its top-level keys one after another, each written alike whatever the others hold
    (checked here once, and by the corpus against yaml.dump itself)."""

    def __init__(self, tree):
        self._dumper = yaml.CSafeDumper(io.StringIO(), **DUMP_OPTIONS)
        self._root = self._dumper.represent_data(tree)
        self._sections = [self._write(self._section(i)) for i in range(len(self._root.value))]
        assert "".join(self._sections) == dump(tree)

    def dump(self, path, text: str) -> str:
        top, _ = self._child(self._root, path[0])
        parent = self._root
        for step in path[:-1]:
            parent = self._child(parent, step)[1]
        slot, old = self._child(parent, path[-1])
        new = self._dumper.represent_data(text)           # as yaml.dump represents it
        parent.value[slot] = (parent.value[slot][0], new) if isinstance(parent, yaml.MappingNode) else new
        try:
            return "".join([*self._sections[:top], self._write(self._section(top)), *self._sections[top + 1:]])
        finally:
            parent.value[slot] = (parent.value[slot][0], old) if isinstance(parent, yaml.MappingNode) else old

    def _section(self, index: int):
        """The file's index-th top-level key alone, as a YAML mapping."""
        return yaml.MappingNode(self._root.tag, [self._root.value[index]], flow_style=self._root.flow_style)

    @staticmethod
    def _write(node) -> str:
        out = io.StringIO()
        writer = yaml.CSafeDumper(out, **DUMP_OPTIONS)
        writer.open()
        writer.serialize(node)
        writer.close()
        return out.getvalue()

    @staticmethod
    def _child(node, step):
        if isinstance(node, yaml.MappingNode):
            return next((i, value) for i, (key, value) in enumerate(node.value) if key.value == step)
        return step, node.value[step]


def project(tmp: Path) -> Path:
    """A throwaway project: data/ (knowledge and published ids copied) and docs/ linked, for load_framework."""
    data = tmp / "data"
    data.mkdir(parents=True, exist_ok=True)
    if not (data / "knowledge").exists():
        shutil.copytree(ROOT / "data" / "knowledge", data / "knowledge")
        shutil.copy(ROOT / "data" / "published-ids.yaml", data / "published-ids.yaml")
        (tmp / "docs").symlink_to(ROOT / "docs")
    return data / "framework.yaml"


def renamed(tree, kind: str, index: int, new: str) -> dict:
    """The tree with one area, case study or knowledge page given a new id everywhere it is named, declared
    with renamed_from (so the only problem left is the new id itself)."""
    tree = copy.deepcopy(tree)
    thing = tree[kind][index]
    old = thing["id"]

    def swap(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("featured", "also", "case_studies", "areas") and isinstance(v, list):
                    node[k] = [new if x == old else x for x in v] if all(isinstance(x, str) for x in v) else v
                swap(node[k])
        elif isinstance(node, list):
            for v in node:
                swap(v)
    swap(tree)
    thing["id"] = new
    if kind != "knowledge_pages":
        thing["renamed_from"] = [*thing.get("renamed_from", []), old]
    return tree


def with_payload(tree, path, text):
    tree = copy.deepcopy(tree)
    set_at(tree, path, text)
    return tree


def live_markup(html: str) -> list[str]:
    """What in a page could run or fetch: event-handler attributes, javascript: addresses, inline scripts that
    call alert, elements that embed or load from another host."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for el in soup.find_all(True):
        for name, value in el.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"<{el.name} {name}=...>")
            low = "".join(value.split()).lower()
            if name in ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset") and \
                    low.startswith(("javascript:", "vbscript:")):
                found.append(f"<{el.name} {name}={value[:40]!r}>")
            loads = name in ("src", "srcset", "poster", "data") or (
                el.name == "link" and name == "href" and "canonical" not in (el.get("rel") or []))
            if loads and low.startswith(("http:", "https:", "//")):
                found.append(f"<{el.name} {name}={value[:60]!r}>: a request to another host")
        if el.name in ("iframe", "object", "embed", "base"):
            found.append(f"<{el.name}>")
        if el.name == "script" and el.get("type") in (None, "", "module", "text/javascript") \
                and "alert(" in (el.string or ""):
            found.append(f"<script>{(el.string or '')[:40]}")
        if el.name == "img" and el.get("src") == "x":
            found.append("<img src=x>")
    return found
