"""Load data/framework.yaml once, check it, and build the typed model.

Three steps, each refusing with `data/framework.yaml:LINE: what is wrong, and the fix`:
1. parse.py: PyYAML, keeping the line of every mapping, key and list item (Node, Seq);
2. check: the shape declared in schema.py (pydantic, strict; messages.py words its errors) and the
   cross-references in checks.py, all problems listed together, in line order;
3. build (here): one small builder per section turns the checked declarations into model.py's objects.
Nothing here raises anything but FrameworkError, so the build prints one message and no traceback.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from . import checks, key_terms, related
from .messages import line_of, schema_problems
from .model import (
    TIER_IDS, Acknowledgements, Area, AreaTier, Artefact, CaseStudy, Descriptor, Development,
    DevelopmentSection, Edition, Framework, GlossaryEntry, HowToUse, KnowledgePage, LocalAuthority, Oap,
    Organisation, Source, Statement, Theme, Tier,
)
from .parse import FrameworkError, Node, Seq, parse_yaml, shown_path  # noqa: F401  (re-exported)
from .schema import CaseStudySectionsIn, FrameworkIn

PUBLISHED_IDS = "published-ids.yaml"


# Build: one builder per section ----------------------------------------------------------------

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
                                [theme_by_id[t] for t in c.themes], sections, renamed_from=list(c.renamed_from),
                                source_note=c.source_note, related_statements=list(c.related_statements)))
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
    path = Path(path)
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
        return build(checked, knowledge_dir)
    except FrameworkError:
        raise
    except Exception as error:  # a case the checks above missed: still one line, never a traceback
        raise FrameworkError(f"{shown}:1: could not be read ({type(error).__name__}: {error}); "
                             f"please report this with the file") from None
