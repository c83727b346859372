"""Cross-reference checks: what the declared shape (schema.py) cannot say alone.

Each check reads the checked declarations and yields (loc, message): loc is the path of keys and list
indexes in the YAML (load.py turns it into a line), message says what is wrong and how to fix it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .model import PAGE_KINDS, TIER_IDS
from .safe_text import body_problems
from .schema import FrameworkIn

Problem = tuple[tuple, str]


def _duplicates(values, loc_of, what: str, fix: str = "keep one") -> Iterator[Problem]:
    first: dict = {}
    for index, value in enumerate(values):
        if value in first:
            yield loc_of(index), f"{what} '{value}' is listed twice (also item {first[value] + 1} of the list): {fix}"
        else:
            first[value] = index


def tiers(d: FrameworkIn) -> Iterator[Problem]:
    ids = [t.id for t in d.tiers]
    yield from _duplicates(ids, lambda i: ("tiers", i, "id"), "tier")
    missing = [t for t in TIER_IDS if t not in ids]
    if missing:
        yield ("tiers",), f"tiers: add the missing tier(s) {', '.join(missing)}"


def unique_ids(d: FrameworkIn) -> Iterator[Problem]:
    """An id names one thing of its kind (statement ids across the whole framework)."""
    kinds = {
        "an area": [(("areas", i, "id"), a.id) for i, a in enumerate(d.areas)],
        "a statement": [(("areas", i, "statements", j, "id"), s.id)
                        for i, a in enumerate(d.areas) for j, s in enumerate(a.statements)],
        "a case study": [(("case_studies", i, "id"), c.id) for i, c in enumerate(d.case_studies)],
        "a theme": [(("themes", i, "id"), t.id) for i, t in enumerate(d.themes)],
        "a knowledge page": [(("knowledge_pages", i, "id"), k.id) for i, k in enumerate(d.knowledge_pages)],
        "a glossary entry": [(("glossary", i, "term"), g.term) for i, g in enumerate(d.glossary)],
    }
    for what, items in kinds.items():
        seen: dict = {}
        for loc, value in items:
            if value in seen:
                yield loc, f"{what}: id '{value}' is used twice (first at item {seen[value] + 1}): give each its own id"
            else:
                seen[value] = loc[-2]


def numbering(d: FrameworkIn) -> Iterator[Problem]:
    for i, a in enumerate(d.areas):
        if a.number != i + 1:
            yield ("areas", i, "number"), (f"area '{a.id}' has number {a.number}, expected {i + 1} "
                                           f"(areas are numbered 1, 2, 3... in order)")
        for j, s in enumerate(a.statements):
            if s.number != j + 1:
                yield ("areas", i, "statements", j, "number"), (
                    f"area '{a.id}': statement '{s.id}' has number {s.number}, expected {j + 1} "
                    f"(numbers must run 1, 2, 3... with no gap)")


def descriptors(d: FrameworkIn) -> Iterator[Problem]:
    """Each descriptor names statements of its area; each statement has a descriptor at every tier."""
    for i, a in enumerate(d.areas):
        numbers = {s.number for s in a.statements}
        for tier_id, block in a.tiers.by_tier().items():
            described = set()
            for k, desc in enumerate(block.descriptors):
                loc = ("areas", i, "tiers", tier_id, "descriptors", k, "statements")
                for ref in desc.statements:
                    if ref not in numbers:
                        yield loc, (f"area '{a.id}', tier '{tier_id}': a descriptor refers to statement {ref}, "
                                    f"which the area does not have (it has 1 to {len(numbers)})")
                yield from _duplicates(desc.statements, lambda _: loc, f"area '{a.id}', tier '{tier_id}': statement")
                described.update(desc.statements)
            for s in a.statements:
                if s.number not in described:
                    yield ("areas", i, "tiers", tier_id), (
                        f"area '{a.id}', tier '{tier_id}': statement {s.number} ('{s.id}') has no descriptor: "
                        f"add its number to a descriptor's statements: list")


def case_study_links(d: FrameworkIn) -> Iterator[Problem]:
    known = {c.id for c in d.case_studies}
    listed = set()
    for i, a in enumerate(d.areas):
        for key in ("featured", "also"):
            refs = getattr(a, key)
            for j, ref in enumerate(refs):
                if ref not in known:
                    yield ("areas", i, key, j), (f"area '{a.id}' lists case study '{ref}' under {key}:, which is "
                                                 f"not defined under case_studies: (check the id)")
            yield from _duplicates(refs, lambda j, key=key: ("areas", i, key, j), f"area '{a.id}' {key}: case study")
            listed.update(refs)
        for j, ref in enumerate(a.also):
            if ref in a.featured:
                yield ("areas", i, "also", j), (f"area '{a.id}' lists case study '{ref}' under both `featured:` and "
                                                f"`also:`: keep it in one of them")
    for i, c in enumerate(d.case_studies):
        if c.id not in listed:
            yield ("case_studies", i, "id"), (f"case study '{c.id}' is not listed by any area "
                                              f"(add its id to an area's featured: or also:)")


def references(d: FrameworkIn, knowledge_dir: Path) -> Iterator[Problem]:
    """Themes, glossary and knowledge pages name things that exist."""
    themes, areas, studies = {t.id for t in d.themes}, {a.id for a in d.areas}, {c.id for c in d.case_studies}
    for i, c in enumerate(d.case_studies):
        for j, ref in enumerate(c.themes):
            if ref not in themes:
                yield ("case_studies", i, "themes", j), (f"case study '{c.id}' has theme '{ref}', which is not "
                                                         f"defined under themes:")
        yield from _duplicates(c.themes, lambda j, i=i: ("case_studies", i, "themes", j), f"case study '{c.id}': theme")
        statements = {s.id for a in d.areas for s in a.statements}
        for j, ref in enumerate(c.related_statements):
            if ref not in statements:
                yield ("case_studies", i, "related_statements", j), (
                    f"case study '{c.id}' lists '{ref}' under related_statements:, which is not a statement id "
                    f"(they look like statement-2-7)")
        yield from _duplicates(c.related_statements, lambda j, i=i: ("case_studies", i, "related_statements", j),
                               f"case study '{c.id}': related statement")
    for i, g in enumerate(d.glossary):
        for key, known in (("areas", areas), ("case_studies", studies)):
            refs = getattr(g, key)
            for j, ref in enumerate(refs):
                if ref not in known:
                    yield ("glossary", i, key, j), (f"glossary term '{g.term}' names {key[:-1].replace('_', ' ')} "
                                                    f"'{ref}', which is not defined")
            yield from _duplicates(refs, lambda j, i=i, key=key: ("glossary", i, key, j), f"glossary term '{g.term}':")
    for i, k in enumerate(d.knowledge_pages):
        for j, ref in enumerate(k.areas):
            if ref not in areas:
                yield ("knowledge_pages", i, "areas", j), (f"knowledge page '{k.id}' names area '{ref}', which is "
                                                           f"not defined")
        yield from _duplicates(k.areas, lambda j, i=i: ("knowledge_pages", i, "areas", j), f"knowledge page '{k.id}': area")
        if not (knowledge_dir / f"{k.id}.md").is_file():
            yield ("knowledge_pages", i, "id"), (f"knowledge page '{k.id}' has no body file: write "
                                                 f"data/knowledge/{k.id}.md")


def lists_without_repeats(d: FrameworkIn) -> Iterator[Problem]:
    oap = d.ordinarily_available_provision
    yield from _duplicates([la.name for la in oap.local_authorities],
                           lambda i: ("ordinarily_available_provision", "local_authorities", i, "name"), "local authority")
    ack = d.acknowledgements
    yield from _duplicates([o.name for o in ack.expert_group], lambda i: ("acknowledgements", "expert_group", i), "school")
    for key in ("call_for_evidence", "pilot_schools"):
        yield from _duplicates(getattr(ack, key), lambda i, key=key: ("acknowledgements", key, i), "school")
    for i, t in enumerate(d.tiers):
        yield from _duplicates(t.points, lambda j, i=i: ("tiers", i, "points", j), "point")
    for i, g in enumerate(d.glossary):
        yield from _duplicates(g.aliases, lambda j, i=i: ("glossary", i, "aliases", j), "alias")


# A page path inside the site: lower-case segments joined by "/", ending in .md; no "..", no leading "/",
# nothing a file system or a browser reads specially. A target may add an anchor (#statement-2-3).
SITE_PAGE = re.compile(r"[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\.md")
ANCHOR = re.compile(r"#[a-z0-9]+(-[a-z0-9]+)*")
# The anchors an area page gives its own headings and lists: a statement id must not take one of them.
AREA_ANCHORS = {"case-studies", "tier-summaries", "also-linked", "further-reading", "use-this-area"}


def reserved_ids(d: FrameworkIn, docs_dir: Path | None) -> Iterator[Problem]:
    """An id (or an old id in renamed_from) must not take the place of a page or anchor the site already has:
    `index` is each section's own index page, and docs/ may hold hand-written pages in the same folders."""
    for kind in PAGE_KINDS:
        key, page_of = kind.listed_in, kind.page_of
        for i, x in enumerate(getattr(d, key)):
            olds = [(("renamed_from", j), old) for j, old in enumerate(getattr(x, "renamed_from", []))]
            for where, value in [(("id",), x.id), *olds]:
                page = page_of(value)
                taken = value == "index" or (docs_dir is not None and ((docs_dir / page).exists()
                                                                      or (docs_dir / page.removesuffix(".md")).exists()))
                if taken:
                    yield (key, i, *where), (f"'{value}' is the name of a page the site already has ({page}): "
                                             f"choose another id")
    for i, a in enumerate(d.areas):
        for j, s in enumerate(a.statements):
            for where, value in [(("id",), s.id), *[(("renamed_from", k), o) for k, o in enumerate(s.renamed_from)]]:
                if value in AREA_ANCHORS or value.startswith(("case-study-", "also-")):
                    yield ("areas", i, "statements", j, *where), (
                        f"statement id '{value}' is already an anchor of the area page: choose another id")


def glossary_forms(d: FrameworkIn) -> Iterator[Problem]:
    """A term or alias names one glossary entry: the site explains it on every page with that entry's meaning."""
    owner: dict[str, str] = {g.term: g.term for g in d.glossary}
    for i, g in enumerate(d.glossary):
        for j, alias in enumerate(g.aliases):
            if owner.get(alias, g.term) != g.term:
                yield ("glossary", i, "aliases", j), (f"glossary term '{g.term}' has the alias '{alias}', which is "
                                                      f"the glossary term or alias '{owner[alias]}': remove it")
            owner.setdefault(alias, g.term)


def redirects(d: FrameworkIn, docs_dir: Path | None) -> Iterator[Problem]:
    """Hand-written redirects go from a page that no longer exists to one that does, both inside the site."""
    pages = {kind.page_of(x.id) for kind in PAGE_KINDS for x in getattr(d, kind.listed_in)}
    sections = {kind.folder for kind in PAGE_KINDS}
    for old, new in d.redirects.items():
        loc = ("redirects", old)
        if not old.endswith(".md"):
            yield loc, f"redirects: '{old}' must be an old page path ending in .md, like areas/old-id.md"
            continue
        if not SITE_PAGE.fullmatch(old) or old.split("/")[-1] == "index.md":
            yield loc, (f"redirects: {old!r} is not a page path inside the site: write it like areas/old-id.md "
                        f"(lower-case words and hyphens, no ../, no / at the start, not an index.md)")
            continue
        path, _, anchor = new.partition("#")
        if not SITE_PAGE.fullmatch(path) or (anchor and not ANCHOR.fullmatch("#" + anchor)):
            yield loc, (f"redirects: '{old}' points to {new!r}, which is not a page path inside the site: write it "
                        f"like areas/new-id.md or areas/new-id.md#statement-2-3")
            continue
        folder_page = old.removesuffix(".md") + "/index.md"     # knowledge.md would be written as knowledge/index.html
        if old in pages or (docs_dir and ((docs_dir / old).is_file() or (docs_dir / folder_page).is_file())):
            yield loc, f"redirects: '{old}' is still a page, so it cannot redirect"
        target = new.split("#")[0]
        hand_written = docs_dir is not None and (docs_dir / target).is_file()
        if target not in pages and (target.split("/")[0] in sections or (docs_dir and not hand_written)):
            yield loc, f"redirects: '{old}' points to '{new}', which is not a page (check the id and the .md)"


def ids_for_ever(d: FrameworkIn, published: dict[str, list[str]]) -> Iterator[Problem]:
    """A published id stays, or is declared: renamed_from: on its successor, or retired:."""
    things = {
        "area": [(("areas", i), a) for i, a in enumerate(d.areas)],
        "statement": [(("areas", i, "statements", j), s) for i, a in enumerate(d.areas) for j, s in enumerate(a.statements)],
        "case_study": [(("case_studies", i), c) for i, c in enumerate(d.case_studies)],
    }
    where = {"area": ("areas",), "statement": ("areas",), "case_study": ("case_studies",)}
    for kind, items in things.items():
        current = {x.id for _, x in items}
        renamed: dict[str, str] = {}
        for loc, x in items:
            for j, old in enumerate(x.renamed_from):
                if old in current:
                    yield loc + ("renamed_from", j), (f"{kind.replace('_', ' ')} '{x.id}': renamed_from names "
                                                      f"'{old}', which is still in use: remove it from renamed_from")
                elif old in renamed:
                    yield loc + ("renamed_from", j), (f"{kind.replace('_', ' ')} '{x.id}': '{old}' is already "
                                                      f"declared renamed to '{renamed[old]}': an old id has one successor")
                renamed.setdefault(old, x.id)
        retired = {}
        for i, r in enumerate(d.retired):
            if r.kind != kind:
                continue
            if r.id in current or r.id in renamed:
                yield ("retired", i, "id"), (f"retired: '{r.id}' is still in use or declared renamed: remove it "
                                             f"from retired:")
            retired[r.id] = i
        for old in published.get(kind, []):
            if old not in current and old not in renamed and old not in retired:
                yield where[kind], (
                    f"the {kind.replace('_', ' ')} id '{old}' was published (data/published-ids.yaml) and is "
                    f"gone: if it was renamed, add `renamed_from: [{old}]` to its successor; if it was removed on "
                    f"purpose, list it under retired: (id, kind: {kind}, edition, note)")


def cross_reference_problems(d: FrameworkIn, published: dict[str, list[str]], knowledge_dir: Path,
                             docs_dir: Path | None = None) -> list[Problem]:
    """Every problem the checks above find. docs_dir (the hand-written pages) lets redirects be checked."""
    return [*tiers(d), *unique_ids(d), *numbering(d), *descriptors(d), *case_study_links(d),
            *references(d, knowledge_dir), *lists_without_repeats(d), *redirects(d, docs_dir),
            *reserved_ids(d, docs_dir), *glossary_forms(d),
            *ids_for_ever(d, published)]


def knowledge_body_problems(d: FrameworkIn, knowledge_dir: Path) -> list[tuple[Path, int, str]]:
    """Each knowledge page's body (data/knowledge/ID.md) arrives in pull requests like the YAML: the same safe
    Markdown (safe_text.body_problems), as (file, line, message)."""
    found = []
    for k in d.knowledge_pages:
        body = knowledge_dir / f"{k.id}.md"
        if not body.is_file():
            continue                                  # references() names a missing body, with its YAML line
        try:
            text = body.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            found.append((body, 1, "is not UTF-8 text: save it as UTF-8 in your editor"))
            continue
        found += [(body, line, message) for line, message in body_problems(text)]
    return found
