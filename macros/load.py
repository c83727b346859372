"""Load data/framework.yaml once, validate it, and build the typed model.

Three steps, each refusing with `data/framework.yaml:LINE: what is wrong, and the fix`:
1. parse: PyYAML, keeping the line of every mapping, key and list item (Node, Seq);
2. check: the shape declared in schema.py (pydantic, strict) and the cross-references in checks.py,
   all problems listed together, in line order;
3. build: one small builder per section turns the checked declarations into model.py's objects.
Nothing here raises anything but FrameworkError, so the build prints one message and no traceback.
"""
from __future__ import annotations

import difflib
import typing
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from . import checks, key_terms
from .model import (
    TIER_IDS, Acknowledgements, Area, AreaTier, Artefact, CaseStudy, Descriptor, Development,
    DevelopmentSection, Edition, Framework, GlossaryEntry, HowToUse, KnowledgePage, LocalAuthority, Oap,
    Organisation, Source, Statement, Theme, Tier,
)
from .schema import CaseStudySectionsIn, FrameworkIn

PUBLISHED_IDS = "published-ids.yaml"


class FrameworkError(Exception):
    """The YAML is wrong. str(error) is the message for the maintainer: one line per problem."""


# 1. Parse ---------------------------------------------------------------------------------------

class Node(dict):
    """A YAML mapping that remembers the line it starts on and the line of each key."""
    line = 0
    key_lines: dict


class Seq(list):
    """A YAML list that remembers the line it starts on and the line of each item."""
    line = 0
    item_lines: list


class _DuplicateKey(Exception):
    pass


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # the C parser when PyYAML has it: 8x faster


class LineLoader(_Base):
    pass


def _mapping(loader, node):
    loader.flatten_mapping(node)
    result = Node()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise _DuplicateKey(f"{key_node.start_mark.line + 1}: the key {key!r} must be text (a word, like name:)")
        if key in result:
            raise _DuplicateKey(f"{key_node.start_mark.line + 1}: the key '{key}' appears twice in one mapping: "
                                f"keep one (the first is on line {result.key_lines[key]})")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader, node):
    result = Seq(loader.construct_object(child, deep=True) for child in node.value)
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
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FrameworkError(f"{shown}: file not found") from None
    except UnicodeDecodeError as error:
        raise FrameworkError(f"{shown}: not UTF-8 text ({error.reason} at byte {error.start}): "
                             f"save the file as UTF-8") from None
    if not text.strip():
        raise FrameworkError(f"{shown}: the file is empty")
    try:
        data = yaml.load(text, Loader=LineLoader)
    except _DuplicateKey as error:
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


# 2. Check: where in the file, and what to say --------------------------------------------------

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
            parts.append(label or f"item {step + 1}")
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
        elif origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
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


# 3. Build: one builder per section ---------------------------------------------------------------

def _edition(d: FrameworkIn) -> Edition:
    return Edition(d.edition.id, d.edition.date, d.edition.notes)


def _tiers(d: FrameworkIn) -> list[Tier]:
    tiers = [Tier(t.id, t.name, t.summary, list(t.points)) for t in d.tiers]
    return sorted(tiers, key=lambda t: TIER_IDS.index(t.id))


def _themes(d: FrameworkIn) -> list[Theme]:
    return [Theme(t.id, t.name, t.description or "") for t in d.themes]


def _case_studies(d: FrameworkIn, themes: list[Theme]) -> list[CaseStudy]:
    theme_by_id = {t.id: t for t in themes}
    order = list(CaseStudySectionsIn.model_fields)
    result = []
    for c in d.case_studies:
        sections = {k: v for k in order if (v := getattr(c.sections, k, None))} if c.sections else {}
        result.append(CaseStudy(c.id, c.title, c.overview, [Artefact(a.name, a.url) for a in c.artefacts],
                                [theme_by_id[t] for t in c.themes], sections, renamed_from=list(c.renamed_from)))
    return result


def _areas(d: FrameworkIn, tiers: list[Tier], case_studies: list[CaseStudy]) -> list[Area]:
    tier_by_id, cs_by_id = {t.id: t for t in tiers}, {c.id: c for c in case_studies}
    areas = []
    for a in d.areas:
        area = Area(a.id, a.number, a.name, [], [], [cs_by_id[c] for c in a.featured],
                    [cs_by_id[c] for c in a.also], renamed_from=list(a.renamed_from))
        area.statements = [Statement(s.id, s.number, s.text, area, list(s.renamed_from)) for s in a.statements]
        for tid, block in a.tiers.by_tier().items():
            area.tiers.append(AreaTier(tier_by_id[tid], [Descriptor(list(x.statements), x.text) for x in block.descriptors],
                                       block.summary))
        area.tiers.sort(key=lambda t: TIER_IDS.index(t.tier.id))
        for s in area.statements:
            s.tier_descriptors = [(t, t.for_statement(s.number)) for t in area.tiers]
        for cs in area.featured:
            cs.featured_in.append(area)
        for cs in area.also:
            cs.linked_from.append(area)
        areas.append(area)
    return areas


def _oap(d: FrameworkIn) -> Oap:
    o = d.ordinarily_available_provision
    return Oap(o.intro, [LocalAuthority(la.name, la.accessed, la.url) for la in o.local_authorities])


def _front_matter(d: FrameworkIn) -> tuple[HowToUse, Development, Acknowledgements]:
    how = HowToUse(list(d.how_to_use.steps), d.how_to_use.video_note)
    dev = Development([DevelopmentSection(list(s.paragraphs), s.heading) for s in d.development.sections]
                      if d.development else [])
    ack = d.acknowledgements
    acknowledgements = Acknowledgements([Organisation(o.name, o.place) for o in ack.expert_group],
                                        list(ack.call_for_evidence), list(ack.pilot_schools))
    return how, dev, acknowledgements


def _glossary(d: FrameworkIn, areas: list[Area], case_studies: list[CaseStudy]) -> list[GlossaryEntry]:
    area_by_id, cs_by_id = {a.id: a for a in areas}, {c.id: c for c in case_studies}
    return [GlossaryEntry(g.term, g.meaning, g.expansion, list(g.aliases), [area_by_id[a] for a in g.areas],
                          [cs_by_id[c] for c in g.case_studies]) for g in d.glossary]


def _knowledge(d: FrameworkIn, areas: list[Area], knowledge_dir: Path) -> list[KnowledgePage]:
    area_by_id, pages = {a.id: a for a in areas}, []
    for k in d.knowledge_pages:
        body = (knowledge_dir / f"{k.id}.md").read_text(encoding="utf-8")
        page = KnowledgePage(k.id, k.title, k.summary, [Source(s.title, s.by, s.date) for s in k.sources],
                             [area_by_id[a] for a in k.areas], body)
        for area in page.areas:
            area.further_reading.append(page)
        pages.append(page)
    return pages


def _migrations(d: FrameworkIn) -> dict[str, dict]:
    """What saved work must follow: {kind: {"renamed": {old: new}, "retired": [ids]}}."""
    items = {"area": d.areas, "statement": [s for a in d.areas for s in a.statements], "case_study": d.case_studies}
    return {kind: {"renamed": {old: x.id for x in things for old in x.renamed_from},
                   "retired": [r.id for r in d.retired if r.kind == kind]}
            for kind, things in items.items()}


def _redirects(d: FrameworkIn, areas: list[Area], case_studies: list[CaseStudy]) -> dict[str, str]:
    """The YAML's own redirects, plus one from each renamed area or case study's old page."""
    redirects = dict(d.redirects)
    for thing in [*areas, *case_studies]:
        for old in thing.renamed_from:
            redirects[thing.page_of(old)] = thing.page
    return redirects


def _prepare_key_terms(fw: Framework) -> None:
    """Key terms are worked out here, once, so templates only read them (the same rules as
    key_terms.for_statement / for_case_study, with each area's matches computed once)."""
    for entry in fw.glossary:
        entry.statements_by_area = {a.id: key_terms.statements_using(a, entry) for a in entry.areas}
    specific = key_terms.specific(fw)
    for area in fw.areas:
        for statement in area.statements:
            statement.key_terms = [g for g in specific if area in g.areas and statement in g.statements_by_area[area.id]]
    for cs in fw.case_studies:
        cs.key_terms = key_terms.for_case_study(fw, cs)


def build(d: FrameworkIn, knowledge_dir: Path) -> Framework:
    themes, tiers = _themes(d), _tiers(d)
    case_studies = _case_studies(d, themes)
    areas = _areas(d, tiers, case_studies)
    how, development, acknowledgements = _front_matter(d)
    fw = Framework(
        edition=_edition(d), title=d.title, publisher=d.publisher, introduction=list(d.introduction),
        development=development, how_to_use=how, tiers=tiers, areas=areas, case_studies=case_studies,
        themes=themes, oap=_oap(d), acknowledgements=acknowledgements,
        glossary=_glossary(d, areas, case_studies), knowledge_pages=_knowledge(d, areas, knowledge_dir),
        redirects=_redirects(d, areas, case_studies), migrations=_migrations(d),
    )
    _prepare_key_terms(fw)
    return fw


def load_published_ids(path: Path) -> dict[str, list[str]]:
    """data/published-ids.yaml: {area: [...], statement: [...], case_study: [...]} (empty if absent)."""
    file = Path(path).parent / PUBLISHED_IDS
    if not file.is_file():
        return {}
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise FrameworkError(f"{shown_path(file)}: not valid YAML ({error}): regenerate it "
                             f"(see CONTRIBUTING, 'Ids are for ever')") from None
    if not (isinstance(data, dict) and all(isinstance(v, list) for v in data.values())):
        raise FrameworkError(f"{shown_path(file)}:1: must be lists of ids under area:, statement:, case_study:")
    return {k: [str(x) for x in v] for k, v in data.items()}


def load_framework(path: Path, knowledge_dir: Path | None = None) -> Framework:
    """Read, check and build the whole model. Raises FrameworkError listing every problem."""
    path = Path(path)
    shown = shown_path(path)
    knowledge_dir = Path(knowledge_dir or path.parent / "knowledge")
    docs_dir = path.resolve().parent.parent / "docs"     # the hand-written pages, beside data/
    try:
        tree = parse_yaml(path)
        checked, problems = schema_problems(tree, path.read_text(encoding="utf-8"))
        if checked is not None:
            problems = [(line_of(tree, loc), message) for loc, message
                        in checks.cross_reference_problems(checked, load_published_ids(path), knowledge_dir,
                                                           docs_dir if docs_dir.is_dir() else None)]
        if problems:
            raise FrameworkError("\n".join(f"{shown}:{line}: {message}" for line, message in sorted(problems)))
        return build(checked, knowledge_dir)
    except FrameworkError:
        raise
    except Exception as error:  # a case the checks above missed: still one line, never a traceback
        raise FrameworkError(f"{shown}:1: could not be read ({type(error).__name__}: {error}); "
                             f"please report this with the file") from None
