"""Pydantic's errors as a maintainer reads them: `LINE`, where (by ids) and what is wrong, with the fix.

line_of() maps an error's loc (keys and list indexes) back to the YAML line through the Node/Seq tree;
explain() turns each error type into plain words; unknown keys get the nearest declared key (difflib).
"""
from __future__ import annotations

import difflib
import types
import typing

from pydantic import BaseModel, ValidationError

from .parse import Node, Seq
from .schema import FrameworkIn


def line_of(tree, loc: tuple) -> int:
    """The YAML line of the thing at loc (keys and list indexes), or of its nearest parent found."""
    line, node = getattr(tree, "line", 1), tree
    for step in loc:
        if isinstance(node, Node) and step in node:
            line, node = node.key_lines.get(step, line), node[step]
        elif isinstance(node, Seq) and isinstance(step, int) and 0 <= step < len(node):
            line, node = node.item_lines[step], node[step]
        else:
            break
    return line


def describe(tree, loc: tuple) -> str:
    """'areas › leadership-of-send › statements › statement-2-3': the path to loc, with ids for items."""
    parts, node = [], tree
    for step in loc:
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
            label = next((item[k] for k in ("id", "term", "name") if isinstance(item, dict)
                          and isinstance(item.get(k), str)), None)
            parts.append(" ".join(label.split())[:60] if label else f"item {step + 1}")   # one line, whatever the id
        else:
            parts.append(str(step))
        node = node[step] if isinstance(node, (dict, list)) and _has(node, step) else None
    return " › ".join(parts)


def _has(node, step) -> bool:
    return (step in node) if isinstance(node, dict) else isinstance(step, int) and 0 <= step < len(node)


def _unwrap(tp):
    """The class inside Annotated[...] / X | None."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
        else:
            return tp


def _declaration_at(loc: tuple):
    """The schema class describing the mapping at loc (for the keys allowed there)."""
    tp = FrameworkIn
    for step in loc:
        tp = _unwrap(tp)
        if isinstance(step, int) and typing.get_origin(tp) is list:
            tp = typing.get_args(tp)[0]
        elif isinstance(tp, type) and issubclass(tp, BaseModel):
            field = next((f for name, f in tp.model_fields.items() if (f.alias or name) == step), None)
            if field is None:
                return None
            tp = field.annotation
        else:
            return None
    tp = _unwrap(tp)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _allowed_keys(loc: tuple) -> list[str]:
    declared = _declaration_at(loc)
    return [f.alias or name for name, f in declared.model_fields.items()] if declared else []


def _kind(value) -> str:
    if isinstance(value, bool):
        return "a yes/no value (YAML reads Yes, No, true, false, on, off that way)"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return f"the text {value!r}" if isinstance(value, str) else f"a {type(value).__name__}"


def explain(error: dict, source_lines: list[str], line: int) -> str:
    """One pydantic error as 'what is wrong, and the fix'."""
    kind, loc, value = error["type"], error["loc"], error.get("input")
    key = next((s for s in reversed(loc) if isinstance(s, str)), "")
    if kind == "missing":
        return f"`{key}` is missing: add it"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1])
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}`?" if close else f"the keys allowed here are {', '.join(allowed)}"
        return f"unknown key `{key}`: {hint}"
    if value is None and kind != "missing":
        return "is empty: write it after the colon (or delete the key if it is optional)"
    if kind == "string_type":
        written = source_lines[line - 1].split(":", 1)[-1].strip() if 0 < line <= len(source_lines) else ""
        if isinstance(value, (bool, int, float)) and written and not written.startswith(("-", "[", "{")):
            return f"is {_kind(value)}, but text is expected here: put it in quotes, like '{written}'"
        return f"is {_kind(value)}, but text is expected here"
    if kind in ("int_type", "int_parsing"):
        return f"is {_kind(value)}, but a whole number is expected here: write it without quotes, like 3"
    if kind == "list_type":
        if isinstance(value, str):
            return "is a single text, but a list is expected: write one `- item` per line (or [a, b])"
        return f"is {_kind(value)}, but a list is expected: write one `- item` per line"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"is {_kind(value)}, but a mapping is expected: write `key: value` lines indented below it"
    if kind == "too_short":
        return "is empty: list at least one item"
    if kind == "literal_error":
        return f"is {_kind(value)}; it must be one of {error['ctx']['expected']}"
    if kind == "string_too_short":
        return "is empty: write the text"
    return error["msg"][0].lower() + error["msg"][1:] if error["msg"] else kind


def schema_problems(tree, text: str) -> tuple[FrameworkIn | None, list[tuple[int, str]]]:
    """The declared shape: (the checked data, or None) and [(line, message)]."""
    try:
        return FrameworkIn.model_validate(tree), []
    except ValidationError as error:
        lines, problems = text.split("\n"), []
        for e in error.errors(include_url=False):
            loc = tuple(e["loc"])
            line = line_of(tree, loc)
            where = describe(tree, loc[:-1] if e["type"] in ("missing", "extra_forbidden") else loc)
            problems.append((line, f"{where}: {explain(e, lines, line)}" if where else explain(e, lines, line)))
        return None, problems


def checked_file(model: type[BaseModel], path, tree):
    """A YAML file of a declared shape other than the framework's (search words, the workbook record), checked:
    the model, or FrameworkError naming each problem's line, its place and what is wrong."""
    from pathlib import Path

    from .parse import FrameworkError, shown_path
    try:
        return model.model_validate(tree)
    except ValidationError as error:
        lines, problems = Path(path).read_text(encoding="utf-8").split("\n"), []
        for e in error.errors(include_url=False):
            loc = tuple(e["loc"])
            line = line_of(tree, loc)
            problems.append((line, f"{' › '.join(map(str, loc))}: {explain(e, lines, line)}"))
        raise FrameworkError("\n".join(f"{shown_path(path)}:{line}: {m}" for line, m in sorted(problems))) from None
