"""Typed objects for the framework. Built only by load.load_framework(); templates, hooks, navigation,
redirects and downloads read them and nothing else.

Each page's place is defined here once: `page` is its Markdown source path (for MkDocs, the navigation
and redirects), `url` its address relative to the site root (for links).
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

TIER_IDS = ("establishing-foundations", "strengthening-practice", "sustaining-excellence")


def _url(page: str) -> str:
    """areas/x.md -> areas/x/ (MkDocs' directory URLs)."""
    return page.removesuffix(".md") + "/"


@dataclass(eq=False)
class Edition:
    id: str               # '2026.1'
    date: datetime.date
    notes: str | None = None


@dataclass(eq=False)
class HowToUse:
    steps: list[str]
    video_note: str | None = None


@dataclass(eq=False)
class DevelopmentSection:
    paragraphs: list[str]
    heading: str | None = None


@dataclass(eq=False)
class Development:
    sections: list[DevelopmentSection] = field(default_factory=list)


@dataclass(eq=False)
class Organisation:
    name: str
    place: str | None = None


@dataclass(eq=False)
class Acknowledgements:
    expert_group: list[Organisation]
    call_for_evidence: list[str]
    pilot_schools: list[str]


@dataclass(eq=False)
class Tier:
    id: str
    name: str
    summary: str          # "At this stage, ..." line
    points: list[str]


@dataclass(eq=False)
class Statement:
    id: str               # stable: used in URLs, anchors, exports
    number: int
    text: str
    area: "Area" = field(repr=False, default=None)
    renamed_from: list[str] = field(default_factory=list)   # earlier ids: their anchors stay on the page
    key_terms: list["GlossaryEntry"] = field(default_factory=list, repr=False)   # set by load.py
    # [(area tier, its descriptors of this statement)] in tier order (set by load.py)
    tier_descriptors: list[tuple["AreaTier", list["Descriptor"]]] = field(default_factory=list, repr=False)

    @property
    def label(self) -> str:
        return f"{self.area.number}.{self.number}"

    @property
    def url(self) -> str:
        return f"{self.area.url}#{self.id}"


@dataclass(eq=False)
class Descriptor:
    statements: list[int]  # statement numbers within the area
    text: str


@dataclass(eq=False)
class AreaTier:
    """What one tier looks like across one area."""
    tier: Tier
    descriptors: list[Descriptor]
    summary: str | None

    def for_statement(self, number: int) -> list[Descriptor]:
        return [d for d in self.descriptors if number in d.statements]


@dataclass(eq=False)
class Area:
    id: str
    number: int
    name: str
    statements: list[Statement]
    tiers: list[AreaTier]
    featured: list["CaseStudy"]
    also: list["CaseStudy"]
    further_reading: list["KnowledgePage"] = field(default_factory=list, repr=False)
    renamed_from: list[str] = field(default_factory=list)

    @staticmethod
    def page_of(area_id: str) -> str:
        return f"areas/{area_id}.md"

    @property
    def page(self) -> str:
        return self.page_of(self.id)

    @property
    def url(self) -> str:
        return _url(self.page)

    @property
    def title(self) -> str:
        return f"Area {self.number}: {self.name}"

    def descriptors_for(self, statement: Statement) -> list[tuple[AreaTier, list[Descriptor]]]:
        return statement.tier_descriptors


@dataclass(eq=False)
class Artefact:
    name: str
    url: str | None = None


@dataclass(eq=False)
class CaseStudy:
    id: str
    title: str
    overview: str
    artefacts: list[Artefact]
    themes: list["Theme"] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)
    featured_in: list[Area] = field(default_factory=list, repr=False)   # back-links: kept out of repr,
    linked_from: list[Area] = field(default_factory=list, repr=False)   # which would otherwise loop
    renamed_from: list[str] = field(default_factory=list)
    key_terms: list["GlossaryEntry"] = field(default_factory=list, repr=False)   # set by load.py

    @staticmethod
    def page_of(cs_id: str) -> str:
        return f"case-studies/{cs_id}.md"

    @property
    def page(self) -> str:
        return self.page_of(self.id)
    source_note: str | None = None                  # our words on how copies of the text differ
    related_statements: list[str] = field(default_factory=list)   # statement ids a maintainer set (wins)

    @property
    def url(self) -> str:
        return _url(self.page)

    @property
    def areas(self) -> list[Area]:
        return sorted(set(self.featured_in) | set(self.linked_from), key=lambda a: a.number)


@dataclass(eq=False)
class Theme:
    id: str
    name: str
    description: str


@dataclass(eq=False)
class LocalAuthority:
    name: str
    accessed: datetime.date
    url: str | None = None


@dataclass(eq=False)
class Oap:
    """Ordinarily available provision: the intro and the local authorities' documents."""
    intro: str
    local_authorities: list[LocalAuthority]


@dataclass(eq=False)
class GlossaryEntry:
    term: str
    meaning: str
    expansion: str | None = None
    aliases: list[str] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)
    case_studies: list[CaseStudy] = field(default_factory=list)
    # per area in self.areas: the statements whose text or descriptors use the term (set by load.py)
    statements_by_area: dict[str, list[Statement]] = field(default_factory=dict, repr=False)

    @property
    def anchor(self) -> str:
        return "term-" + "".join(c if c.isalnum() else "-" for c in self.term.lower()).strip("-")


@dataclass(eq=False)
class Source:
    title: str
    by: str
    date: str | None = None


@dataclass(eq=False)
class KnowledgePage:
    id: str
    title: str
    summary: str
    sources: list[Source]
    areas: list[Area]
    body: str             # Markdown, from data/knowledge/<id>.md

    @staticmethod
    def page_of(page_id: str) -> str:
        return f"knowledge/{page_id}.md"

    @property
    def page(self) -> str:
        return self.page_of(self.id)

    @property
    def url(self) -> str:
        return _url(self.page)


@dataclass(eq=False)
class Framework:
    edition: Edition
    title: str
    publisher: str | None
    introduction: list[str]
    development: Development
    how_to_use: HowToUse
    tiers: list[Tier]
    areas: list[Area]
    case_studies: list[CaseStudy]
    themes: list[Theme]
    oap: Oap
    acknowledgements: Acknowledgements
    glossary: list[GlossaryEntry]
    knowledge_pages: list[KnowledgePage]
    redirects: dict[str, str]          # old page source path -> current one (by hand, and from renames)
    # {"area"|"statement"|"case_study": {"renamed": {old: new}, "retired": [ids]}}: for saved workbooks
    migrations: dict[str, dict] = field(default_factory=dict)
    related: "object" = field(default=None, repr=False)   # related.Relation, set by load.build

    @property
    def statements(self) -> list[Statement]:
        return [s for a in self.areas for s in a.statements]

    def area(self, area_id: str) -> Area:
        return next(a for a in self.areas if a.id == area_id)

    def case_study(self, cs_id: str) -> CaseStudy:
        return next(c for c in self.case_studies if c.id == cs_id)

    def tier(self, tier_id: str) -> Tier:
        return next(t for t in self.tiers if t.id == tier_id)
