"""Typed objects for the framework. Built only by load.load_framework(); templates read them."""
from __future__ import annotations

from dataclasses import dataclass, field

TIER_IDS = ("establishing-foundations", "strengthening-practice", "sustaining-excellence")


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

    @property
    def url(self) -> str:
        return f"areas/{self.id}/"

    @property
    def title(self) -> str:
        return f"Area {self.number}: {self.name}"

    def descriptors_for(self, statement: Statement) -> list[tuple[AreaTier, list[Descriptor]]]:
        return [(t, t.for_statement(statement.number)) for t in self.tiers]


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
    source_note: str | None = None                                      # issue 16: see load.py
    related_statements: list[str] = field(default_factory=list)         # issue 16: statement ids

    @property
    def url(self) -> str:
        return f"case-studies/{self.id}/"

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
    accessed: str         # ISO date
    url: str | None = None


@dataclass(eq=False)
class GlossaryEntry:
    term: str
    meaning: str
    expansion: str | None = None
    aliases: list[str] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)
    case_studies: list[CaseStudy] = field(default_factory=list)

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

    @property
    def url(self) -> str:
        return f"knowledge/{self.id}/"


@dataclass(eq=False)
class Framework:
    edition: dict
    title: str
    publisher: str
    introduction: list[str]
    development: dict
    how_to_use: dict
    tiers: list[Tier]
    areas: list[Area]
    case_studies: list[CaseStudy]
    themes: list[Theme]
    oap: dict
    acknowledgements: dict
    glossary: list[GlossaryEntry]
    knowledge_pages: list[KnowledgePage]
    redirects: dict[str, str]

    @property
    def statements(self) -> list[Statement]:
        return [s for a in self.areas for s in a.statements]

    def area(self, area_id: str) -> Area:
        return next(a for a in self.areas if a.id == area_id)

    def case_study(self, cs_id: str) -> CaseStudy:
        return next(c for c in self.case_studies if c.id == cs_id)

    def tier(self, tier_id: str) -> Tier:
        return next(t for t in self.tiers if t.id == tier_id)
