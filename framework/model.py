"""Typed objects for the framework. Built only by load.load_framework(); templates, hooks, navigation,
redirects and downloads read them and nothing else.

The keys a maintainer writes are declared once, in schema.py. Each class here is made from its
declaration by `@from_schema`: it has every declared field (same name, same default), and declares only
what the model adds: cross-references resolved into objects (`featured` holds case studies, not ids),
back-links and values worked out by load.py. So a new YAML key is in the model, and in templates, with
no edit here. Every class takes keywords only.

Each page's place is defined here once: `page` is its Markdown source path (for MkDocs, the navigation
and redirects), `url` its address relative to the site root (for links).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

from pydantic import BaseModel

from . import schema

TIER_IDS = ("establishing-foundations", "strengthening-practice", "sustaining-excellence")

_MODEL_OF: dict[type, type] = {}     # schema class -> the model class made from it


def from_schema(declared: type[BaseModel]):
    """Class decorator: a keyword-only dataclass with every field of `declared` the class does not
    declare itself, then the class's own fields (which take the place of declared ones of that name)."""
    def make(cls):
        own = dict(cls.__dict__.get("__annotations__", {}))
        annotations = {}
        for name, info in declared.model_fields.items():
            if name in own:
                continue
            annotations[name] = info.annotation
            if not info.is_required():
                default = info.default
                if isinstance(default, (list, dict)):        # a fresh list or dict for each object
                    setattr(cls, name, field(default_factory=lambda d=default: copy.copy(d)))
                else:
                    setattr(cls, name, default)
        cls.__annotations__ = annotations | own
        cls.declared = declared
        model = dataclass(eq=False, kw_only=True)(cls)
        _MODEL_OF[declared] = model
        return model
    return make


def _converted(value):
    """A declared value as the model holds it: declarations become model objects, lists are copied."""
    if isinstance(value, BaseModel) and type(value) in _MODEL_OF:
        return model_of(value)
    if isinstance(value, list):
        return [_converted(v) for v in value]
    if isinstance(value, dict):
        return {k: _converted(v) for k, v in value.items()}
    return value


def model_of(declared: BaseModel, **resolved):
    """The model object of one checked declaration: every declared field copied (nested declarations
    converted the same way), then `resolved` (cross-references, back-links) by keyword."""
    values = {name: _converted(getattr(declared, name)) for name in type(declared).model_fields
              if name not in resolved}
    return _MODEL_OF[type(declared)](**(values | resolved))


def _made(declared: type[BaseModel]) -> type:
    """A model class with nothing of its own: the declaration's fields, as a keyword-only dataclass."""
    name = declared.__name__.removesuffix("In")
    return from_schema(declared)(type(name, (), {"__module__": __name__, "__qualname__": name}))


# What the YAML declares, and nothing more:
Edition = _made(schema.EditionIn)
HowToUse = _made(schema.HowToUseIn)
DevelopmentSection = _made(schema.DevelopmentSectionIn)
Organisation = _made(schema.OrganisationIn)
Acknowledgements = _made(schema.AcknowledgementsIn)
Tier = _made(schema.TierIn)
Artefact = _made(schema.ArtefactIn)
Theme = _made(schema.ThemeIn)
LocalAuthority = _made(schema.LocalAuthorityIn)
Oap = _made(schema.OapIn)
Source = _made(schema.SourceIn)
Retired = _made(schema.RetiredIn)


def _url(page: str) -> str:
    """areas/x.md -> areas/x/ (MkDocs' directory URLs)."""
    return page.removesuffix(".md") + "/"


class Page:
    """A model object with a page of its own, made from `template` (which calls the object `called`),
    one for each object of the framework's list `listed_in`, at `folder`/<id>.md. PAGE_KINDS below lists
    the kinds: the build, the id checks and the redirect checks go through it."""
    listed_in: str
    folder: str
    template: str
    called: str

    @classmethod
    def page_of(cls, page_id: str) -> str:
        return f"{cls.folder}/{page_id}.md"

    @property
    def page(self) -> str:
        return self.page_of(self.id)

    @property
    def url(self) -> str:
        return _url(self.page)


@from_schema(schema.DevelopmentIn)
class Development:
    sections: list[DevelopmentSection] = field(default_factory=list)   # none when the YAML has no `development`


@from_schema(schema.StatementIn)
class Statement:
    area: Area = field(repr=False, default=None)
    key_terms: list[GlossaryEntry] = field(default_factory=list, repr=False)   # set by load.py
    # [(area tier, its descriptors of this statement)] in tier order (set by load.py)
    tier_descriptors: list[tuple[AreaTier, list[Descriptor]]] = field(default_factory=list, repr=False)

    @property
    def label(self) -> str:
        return f"{self.area.number}.{self.number}"

    @property
    def url(self) -> str:
        return f"{self.area.url}#{self.id}"


@from_schema(schema.DescriptorIn)
class Descriptor:
    area: Area = field(repr=False, default=None)     # set by load.py


@from_schema(schema.AreaTierIn)
class AreaTier:
    """What one tier looks like across one area."""
    tier: Tier

    def for_statement(self, number: int) -> list[Descriptor]:
        return [d for d in self.descriptors if number in d.statements]


@from_schema(schema.AreaIn)
class Area(Page):
    listed_in, folder, template, called = "areas", "areas", "area.md.j2", "area"
    statements: list[Statement]
    tiers: list[AreaTier]                 # in tier order
    featured: list[CaseStudy]
    also: list[CaseStudy]
    further_reading: list[KnowledgePage] = field(default_factory=list, repr=False)

    @property
    def title(self) -> str:
        return f"Area {self.number}: {self.name}"

    def descriptors_for(self, statement: Statement) -> list[tuple[AreaTier, list[Descriptor]]]:
        return statement.tier_descriptors


@from_schema(schema.CaseStudyIn)
class CaseStudy(Page):
    listed_in, folder, template, called = "case_studies", "case-studies", "case_study.md.j2", "cs"
    themes: list[Theme] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)      # the sections written, in the declared order
    featured_in: list[Area] = field(default_factory=list, repr=False)   # back-links: kept out of repr,
    linked_from: list[Area] = field(default_factory=list, repr=False)   # which would otherwise loop
    key_terms: list[GlossaryEntry] = field(default_factory=list, repr=False)   # set by load.py

    @property
    def areas(self) -> list[Area]:
        return sorted(set(self.featured_in) | set(self.linked_from), key=lambda a: a.number)


@from_schema(schema.GlossaryEntryIn)
class GlossaryEntry:
    areas: list[Area] = field(default_factory=list)
    case_studies: list[CaseStudy] = field(default_factory=list)
    # per area in self.areas: the statements whose text or descriptors use the term (set by load.py)
    statements_by_area: dict[str, list[Statement]] = field(default_factory=dict, repr=False)

    @property
    def anchor(self) -> str:
        return "term-" + "".join(c if c.isalnum() else "-" for c in self.term.lower()).strip("-")


@from_schema(schema.KnowledgePageIn)
class KnowledgePage(Page):
    listed_in, folder, template, called = "knowledge_pages", "knowledge", "knowledge.md.j2", "page"
    areas: list[Area]
    body: str             # Markdown, from data/knowledge/<id>.md


PAGE_KINDS: tuple[type[Page], ...] = (Area, CaseStudy, KnowledgePage)


@from_schema(schema.FrameworkIn)
class Framework:
    development: Development
    tiers: list[Tier]                  # in tier order
    areas: list[Area]
    case_studies: list[CaseStudy]
    glossary: list[GlossaryEntry]
    knowledge_pages: list[KnowledgePage]
    redirects: dict[str, str]          # old page source path -> current one (by hand, and from renames)
    # {"area"|"statement"|"case_study": {"renamed": {old: new}, "retired": [ids]}}: for saved workbooks
    migrations: dict[str, dict] = field(default_factory=dict)
    related: object = field(default=None, repr=False)   # related.Relation, set by load.build
    workbook: object = field(default=None, repr=False)  # workbook_record.Record (data/workbook.yaml), set by load

    @property
    def oap(self) -> Oap:
        return self.ordinarily_available_provision

    @property
    def statements(self) -> list[Statement]:
        return [s for a in self.areas for s in a.statements]

    def area(self, area_id: str) -> Area:
        return next(a for a in self.areas if a.id == area_id)

    def case_study(self, cs_id: str) -> CaseStudy:
        return next(c for c in self.case_studies if c.id == cs_id)

    def tier(self, tier_id: str) -> Tier:
        return next(t for t in self.tiers if t.id == tier_id)
