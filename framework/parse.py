"""Parse data/framework.yaml with PyYAML, keeping the line of every mapping, key and list item.

A syntax mistake becomes FrameworkError("data/framework.yaml:LINE: not valid YAML: ..."), with the path as
the maintainer knows it (never a temporary or absolute one).
"""
from __future__ import annotations

from pathlib import Path

import yaml


class FrameworkError(Exception):
    """The YAML is wrong. str(error) is the message for the maintainer: one line per problem."""


class Node(dict):
    """A YAML mapping that remembers the line it starts on and the line of each key."""
    line = 0
    key_lines: dict


class Seq(list):
    """A YAML list that remembers the line it starts on and the line of each item."""
    line = 0
    item_lines: list


class _KeyProblem(Exception):
    pass


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # the C parser when PyYAML has it: 8x faster


_RESOLVED: dict = {}
_STR = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG
_SEQ = yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG
_MAP = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
_INT = "tag:yaml.org,2002:int"
_MERGE_OR_VALUE = {"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}    # keys flatten_mapping rewrites
_Scalar, _Sequence, _Mapping = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode


class LineLoader(_Base):
    def resolve(self, kind, value, implicit):
        """The tag of a node, as PyYAML resolves it. Only a plain (unquoted) scalar can be read as something
        other than text; its answer is remembered: a file of thousands of texts asks again and again for the
        same few answers, and each answer depends on nothing else (there are no path resolvers)."""
        if self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        if kind is _Scalar:
            if not implicit[0]:
                return _STR             # quoted, or tagged `!`: text
        elif kind is _Sequence:
            return _SEQ
        elif kind is _Mapping:
            return _MAP
        key = (kind, value, implicit)
        tag = _RESOLVED.get(key)
        if tag is None:
            if len(_RESOLVED) > 200_000:
                _RESOLVED.clear()
            tag = _RESOLVED[key] = super().resolve(kind, value, implicit)
        return tag


def _construct(loader, node):
    """loader.construct_object(node, deep=True), with PyYAML's bookkeeping done here for texts, numbers,
    mappings and lists, which are the whole file: a text's value is taken directly (what PyYAML's constructor
    for text returns), and so is a number written with digits only (not 0-prefixed, which YAML reads as octal);
    a mapping or list is remembered (an alias gives the same object) and refused if it contains itself, as
    construct_object does."""
    tag = node.tag
    kind = node.__class__
    if kind is _Scalar:
        if tag == _STR:
            return node.value
        value = node.value
        if tag == _INT and value.isascii() and value.isdecimal() and (value[0] != "0" or value == "0"):
            return int(value)
    elif (kind is _Mapping and tag == _MAP) or (kind is _Sequence and tag == _SEQ):
        done = loader.constructed_objects
        if node in done:
            return done[node]
        if node in loader.recursive_objects:
            raise yaml.constructor.ConstructorError(None, None, "found unconstructable recursive node",
                                                    node.start_mark)
        loader.recursive_objects[node] = None
        data = _mapping(loader, node) if kind is _Mapping else _sequence(loader, node)
        done[node] = data
        del loader.recursive_objects[node]
        return data
    return loader.construct_object(node, deep=True)


def _mapping(loader, node):
    for key_node, _ in node.value:
        if key_node.tag in _MERGE_OR_VALUE:      # `<<:` or `=`: only then is there anything to flatten
            loader.flatten_mapping(node)
            break
    result = Node()
    result.line = node.start_mark.line + 1
    result.key_lines = key_lines = {}
    for key_node, value_node in node.value:
        key = key_node.value if key_node.tag == _STR and key_node.__class__ is _Scalar else _construct(loader, key_node)
        if not isinstance(key, str):
            raise _KeyProblem(f"{key_node.start_mark.line + 1}: the key {key!r} must be text (a word, like name:)")
        if key in result:
            raise _KeyProblem(f"{key_node.start_mark.line + 1}: the key '{key}' appears twice in one mapping: "
                                f"keep one (the first is on line {key_lines[key]})")
        result[key] = (value_node.value if value_node.tag == _STR and value_node.__class__ is _Scalar
                       else _construct(loader, value_node))
        key_lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader, node):
    result = Seq([child.value if child.tag == _STR and child.__class__ is _Scalar else _construct(loader, child)
                  for child in node.value])
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
# An unquoted date stays the text it is: the schema decides where a date belongs and checks it is real
# (PyYAML would otherwise stop with a traceback on 2026-02-30).
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_scalar)


def shown_path(path: Path) -> str:
    """The path as messages print it: data/framework.yaml, wherever the project is."""
    path = Path(path)
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


def parse_yaml(path: Path):
    shown = shown_path(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise FrameworkError(f"{shown}:1: file not found") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise FrameworkError(f"{shown}:{line}: not UTF-8 text (the byte {raw[error.start]:#04x} on this line): "
                             f"retype the character, or save the file as UTF-8") from None
    if not text.strip():
        raise FrameworkError(f"{shown}:1: the file is empty")
    try:
        data = yaml.load(text, Loader=LineLoader)
    except _KeyProblem as error:
        raise FrameworkError(f"{shown}:{error}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        context = getattr(error, "context", None)
        detail = f"{problem} ({context})" if context else problem
        raise FrameworkError(f"{shown}:{line}: not valid YAML: {detail}: check the indentation and "
                             f"punctuation on this line and the one before") from None
    if not isinstance(data, dict):
        raise FrameworkError(f"{shown}:1: the top level must be a mapping of keys (title:, areas:, ...)")
    return data
