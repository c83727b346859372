"""Load data/framework.yaml once, check it, and build the typed model.

Three steps, each refusing with `data/framework.yaml:LINE: what is wrong, and the fix`:
1. parse.py: PyYAML, keeping the line of every mapping, key and list item (Node, Seq);
2. check: the shape declared in schema.py (pydantic, strict; messages.py words its errors) and the
   cross-references in checks.py, all problems listed together, in line order;
3. build (here): model.model_of copies the checked declarations into model.py's objects; the builders
   here only resolve cross-references (ids into objects) and back-links.
Nothing here raises anything but FrameworkError, so the build prints one message and no traceback.
"""
from __future__ import annotations

import gc
from pathlib import Path

import yaml

from . import checks, key_terms, related
from .messages import line_of, schema_problems
from .model import TIER_IDS, Area, CaseStudy, Development, Framework, model_of
from .parse import FrameworkError, Node, Seq, parse_yaml, shown_path  # noqa: F401  (re-exported)
from .schema import FrameworkIn
from .workbook_record import PATH as RECORD_PATH, load_record

PUBLISHED_IDS = "published-ids.yaml"


# Build: every declared field is copied by model.model_of; the builders below only resolve references ---

def _case_studies(d: FrameworkIn, themes) -> list[CaseStudy]:
    theme_by_id = {t.id: t for t in themes}
    return [model_of(c, themes=[theme_by_id[t] for t in c.themes],
                     sections={k: v for k, v in c.sections if v} if c.sections else {})
            for c in d.case_studies]


def _areas(d: FrameworkIn, tiers, case_studies: list[CaseStudy]) -> list[Area]:
    tier_by_id, cs_by_id = {t.id: t for t in tiers}, {c.id: c for c in case_studies}
    areas = []
    for a in d.areas:
        area = model_of(a, statements=[], tiers=[], featured=[cs_by_id[c] for c in a.featured],
                        also=[cs_by_id[c] for c in a.also])
        area.statements = [model_of(s, area=area) for s in a.statements]
        area.tiers = sorted((model_of(block, tier=tier_by_id[tid]) for tid, block in a.tiers.by_tier().items()),
                            key=lambda t: TIER_IDS.index(t.tier.id))
        for t in area.tiers:
            for descriptor in t.descriptors:
                descriptor.area = area
        for s in area.statements:
            s.tier_descriptors = [(t, t.for_statement(s.number)) for t in area.tiers]
        for cs in area.featured:
            cs.featured_in.append(area)
        for cs in area.also:
            cs.linked_from.append(area)
        areas.append(area)
    return areas


def _glossary(d: FrameworkIn, areas: list[Area], case_studies: list[CaseStudy]):
    area_by_id, cs_by_id = {a.id: a for a in areas}, {c.id: c for c in case_studies}
    return [model_of(g, areas=[area_by_id[a] for a in g.areas], case_studies=[cs_by_id[c] for c in g.case_studies])
            for g in d.glossary]


def _knowledge(d: FrameworkIn, areas: list[Area], knowledge_dir: Path):
    area_by_id, pages = {a.id: a for a in areas}, []
    for k in d.knowledge_pages:
        page = model_of(k, areas=[area_by_id[a] for a in k.areas],
                        body=(knowledge_dir / f"{k.id}.md").read_text(encoding="utf-8"))
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
    texts = {id(s): key_terms.statement_text(a, s) for a in fw.areas for s in a.statements}
    for entry in fw.glossary:
        entry.statements_by_area = {a.id: key_terms.statements_using(a, entry, texts) for a in entry.areas}
    specific = key_terms.specific(fw)
    for area in fw.areas:
        for statement in area.statements:
            statement.key_terms = [g for g in specific if area in g.areas and statement in g.statements_by_area[area.id]]
    for cs in fw.case_studies:
        cs.key_terms = [g for g in specific if cs in g.case_studies]     # key_terms.for_case_study


def build(d: FrameworkIn, knowledge_dir: Path) -> Framework:
    themes = [model_of(t) for t in d.themes]
    tiers = sorted((model_of(t) for t in d.tiers), key=lambda t: TIER_IDS.index(t.id))
    case_studies = _case_studies(d, themes)
    areas = _areas(d, tiers, case_studies)
    fw = model_of(
        d, development=model_of(d.development) if d.development else Development(), tiers=tiers, areas=areas,
        case_studies=case_studies, themes=themes, glossary=_glossary(d, areas, case_studies),
        knowledge_pages=_knowledge(d, areas, knowledge_dir), redirects=_redirects(d, areas, case_studies),
        migrations=_migrations(d),
    )
    _prepare_key_terms(fw)
    fw.related = related.compute(fw)     # statement <-> case-study suggestions, read by the templates
    return fw


KINDS = ("area", "statement", "case_study")


def load_published_ids(path: Path, required: bool = False) -> dict[str, list[str]]:
    """data/published-ids.yaml: {area: [...], statement: [...], case_study: [...]}.

    The site's build requires it (required=True): without it, "ids are for ever" would silently switch off. A
    file that is empty, not YAML, or has a kind other than those three is refused with its line."""
    file = Path(path).parent / PUBLISHED_IDS
    shown = shown_path(file)
    fix = "regenerate it with .venv/bin/python scripts/published_ids.py (see CONTRIBUTING, 'Ids are for ever')"
    if not file.is_file():
        if required:
            raise FrameworkError(f"{shown}:1: the file is missing: restore it from git, or {fix}")
        return {}
    try:
        tree = parse_yaml(file)
    except FrameworkError as error:
        raise FrameworkError(f"{error}; or {fix}") from None
    for kind, ids in tree.items():
        line = tree.key_lines.get(kind, 1)
        if kind not in KINDS:
            raise FrameworkError(f"{shown}:{line}: unknown kind `{kind}`: the kinds are {', '.join(KINDS)}")
        if not isinstance(ids, list) or not all(isinstance(x, str) for x in ids):
            raise FrameworkError(f"{shown}:{line}: `{kind}` must be a list of ids, one `- id` per line")
    missing = [k for k in KINDS if k not in tree]
    if missing:
        raise FrameworkError(f"{shown}:1: `{missing[0]}` is missing: {fix}")
    return {k: [str(x) for x in v] for k, v in tree.items()}


def load_framework(path: Path, knowledge_dir: Path | None = None, require_published: bool = False) -> Framework:
    """Read, check and build the whole model. Raises FrameworkError listing every problem.
    require_published: data/published-ids.yaml must exist (the site's build; small test files have none)."""
    # A load makes tens of thousands of objects that live until the model is built: Python's cycle collector
    # would walk them over and over while they are made (a quarter of a load's time in a test process).
    # It runs once afterwards instead, as usual.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(Path(path), knowledge_dir, require_published)
    finally:
        if collecting:
            gc.enable()


def _load(path: Path, knowledge_dir: Path | None, require_published: bool) -> Framework:
    shown = shown_path(path)
    knowledge_dir = Path(knowledge_dir or path.parent / "knowledge")
    docs_dir = path.resolve().parent.parent / "docs"     # the hand-written pages, beside data/
    try:
        tree = parse_yaml(path)
        checked, problems = schema_problems(tree, path.read_text(encoding="utf-8"))
        if checked is not None:
            problems = [(line_of(tree, loc), message) for loc, message
                        in checks.cross_reference_problems(checked, load_published_ids(path, require_published), knowledge_dir,
                                                           docs_dir if docs_dir.is_dir() else None)]
        if problems:
            # one line per problem, even when a message quotes a text with line breaks
            raise FrameworkError("\n".join(f"{shown}:{line}: {' '.join(message.splitlines())}"
                                           for line, message in sorted(problems)))
        bodies = checks.knowledge_body_problems(checked, knowledge_dir)
        if bodies:
            raise FrameworkError("\n".join(f"{shown_path(knowledge_dir)}/{file.name}:{line}: {message}"
                                           for file, line, message in bodies))
        fw = build(checked, knowledge_dir)
        # the workbook's record beside the framework (the project's own for a framework file elsewhere, as in tests)
        record = path.parent / "workbook.yaml"
        fw.workbook = load_record(record if record.is_file() else RECORD_PATH)
        return fw
    except FrameworkError:
        raise
    except Exception as error:  # a case the checks above missed: still one line, never a traceback
        raise FrameworkError(f"{shown}:1: could not be read ({type(error).__name__}: {error}); "
                             f"please report this with the file") from None
