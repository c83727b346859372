"""The shape of data/framework.yaml, declared once (pydantic v2, strict, unknown keys refused).

Why pydantic: one declaration gives strict type checks (no YAML coercion: 42 is not text), every error
at once with its path in the file, and the JSON Schema of the open data, from a well-kept library.

Each class below is one kind of YAML mapping; its fields are the keys a maintainer may write there.
Optional keys have a default. load.py maps each error's path back to the YAML line and adds the
cross-reference checks (ids resolve, no duplicates...), which need the whole file.
"""
from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _text(value: str) -> str:
    """Text as the site shows it: white space runs become one space; empty text is a mistake."""
    if not value.strip():
        raise PydanticCustomError("empty_text", "is empty: write the text, or delete the key if it is optional")
    return " ".join(value.split())


def _long_text(value: str) -> str:
    """Multi-paragraph text (case-study sections): line breaks kept, ends trimmed."""
    if not value.strip():
        raise PydanticCustomError("empty_text", "is empty: write the text, or delete the key")
    return value.strip()


def _ident(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise PydanticCustomError(
            "bad_id", "id '{value}' must be lower-case letters, digits and hyphens (like statement-2-3)",
            {"value": value})
    return value


def _https(value: str) -> str:
    if not re.match(r"^https://[^\s/]+\.[^\s]+$", value):
        raise PydanticCustomError("bad_url", "'{value}' is not a web address starting with https://", {"value": value})
    return value


def _iso_date(value):
    """A real calendar date written 2026-01-08 (quoted or not). Other forms are refused."""
    if type(value) is datetime.date:
        return value
    if isinstance(value, str) and ISO_DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("bad_date", "'{value}' is not a real date", {"value": value}) from None
    raise PydanticCustomError("bad_date", "must be a date written like 2026-01-08, not {value!r}",
                              {"value": value})


Text = Annotated[str, AfterValidator(_text)]
LongText = Annotated[str, AfterValidator(_long_text)]
Id = Annotated[str, AfterValidator(_ident)]
Url = Annotated[str, AfterValidator(_https)]
IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date)]
TierId = Literal["establishing-foundations", "strengthening-practice", "sustaining-excellence"]


def _list(item, *, min_length: int = 0):
    return Annotated[list[item], Field(min_length=min_length)]


class Declared(BaseModel):
    """A YAML mapping: only the keys declared, each of the declared type."""
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class EditionIn(Declared):
    id: Text                       # '2026.1': quoted, or YAML reads a number
    date: IsoDate
    notes: Text | None = None


class DevelopmentSectionIn(Declared):
    heading: Text | None = None
    paragraphs: _list(Text, min_length=1)


class DevelopmentIn(Declared):
    sections: _list(DevelopmentSectionIn, min_length=1)


class HowToUseIn(Declared):
    video_note: Text | None = None
    steps: _list(Text, min_length=1)


class TierIn(Declared):
    id: TierId
    name: Text
    summary: Text
    points: _list(Text, min_length=1)


class StatementIn(Declared):
    id: Id
    number: int
    text: Text
    renamed_from: _list(Id) = []


class DescriptorIn(Declared):
    statements: _list(int, min_length=1)      # statement numbers within the area
    text: Text


class AreaTierIn(Declared):
    descriptors: _list(DescriptorIn, min_length=1)
    summary: Text | None = None


class AreaTiersIn(Declared):
    """An area's descriptors, one block per tier (the keys are the tier ids)."""
    establishing_foundations: AreaTierIn = Field(alias="establishing-foundations")
    strengthening_practice: AreaTierIn = Field(alias="strengthening-practice")
    sustaining_excellence: AreaTierIn = Field(alias="sustaining-excellence")

    def by_tier(self) -> dict[str, AreaTierIn]:
        return {"establishing-foundations": self.establishing_foundations,
                "strengthening-practice": self.strengthening_practice,
                "sustaining-excellence": self.sustaining_excellence}


class AreaIn(Declared):
    id: Id
    number: int
    name: Text
    statements: _list(StatementIn, min_length=1)
    tiers: AreaTiersIn
    featured: _list(Id) = []
    also: _list(Id) = []
    renamed_from: _list(Id) = []


class ArtefactIn(Declared):
    name: Text
    url: Url | None = None


class CaseStudySectionsIn(Declared):
    """Optional write-up sections, shown in this order."""
    context: LongText | None = None
    intent: LongText | None = None
    implementation: LongText | None = None
    impact: LongText | None = None
    why_it_matters: LongText | None = None
    professional_knowledge: LongText | None = None
    motivations_for_change: LongText | None = None
    ways_to_address_them: LongText | None = None
    developing_professional_support: LongText | None = None
    further_sources: LongText | None = None


class CaseStudyIn(Declared):
    id: Id
    title: Text
    overview: Text
    artefacts: _list(ArtefactIn) = []
    themes: _list(Id) = []
    sections: CaseStudySectionsIn | None = None
    renamed_from: _list(Id) = []
    source_note: Text | None = None          # our words: how the framework's copies of this text differ
    related_statements: _list(Id) = []       # statement ids a maintainer sets; they replace the computed ones


class ThemeIn(Declared):
    id: Id
    name: Text
    description: Text | None = None


class LocalAuthorityIn(Declared):
    name: Text
    accessed: IsoDate
    url: Url | None = None


class OapIn(Declared):
    intro: Text
    local_authorities: _list(LocalAuthorityIn, min_length=1)


class OrganisationIn(Declared):
    name: Text
    place: Text | None = None


class AcknowledgementsIn(Declared):
    expert_group: _list(OrganisationIn, min_length=1)
    call_for_evidence: _list(Text, min_length=1)
    pilot_schools: _list(Text, min_length=1)


class GlossaryEntryIn(Declared):
    term: Text
    expansion: Text | None = None
    aliases: _list(Text) = []
    meaning: Text
    areas: _list(Id) = []
    case_studies: _list(Id) = []


class SourceIn(Declared):
    title: Text
    by: Text
    date: Text | None = None       # as the source gives it ("14 July 2023")


class KnowledgePageIn(Declared):
    id: Id
    title: Text
    summary: Text
    sources: _list(SourceIn, min_length=1)
    areas: _list(Id) = []


class RetiredIn(Declared):
    """An id removed from the framework on purpose: it stays out of published-ids checks."""
    id: Id
    kind: Literal["area", "statement", "case_study"]
    edition: Text
    note: Text | None = None


class FrameworkIn(Declared):
    """The whole of data/framework.yaml."""
    edition: EditionIn
    title: Text
    publisher: Text | None = None
    introduction: _list(Text, min_length=1)
    development: DevelopmentIn | None = None
    how_to_use: HowToUseIn
    tiers: _list(TierIn, min_length=1)
    areas: _list(AreaIn, min_length=1)
    case_studies: _list(CaseStudyIn, min_length=1)
    themes: _list(ThemeIn) = []
    ordinarily_available_provision: OapIn
    acknowledgements: AcknowledgementsIn
    glossary: _list(GlossaryEntryIn, min_length=1)
    knowledge_pages: _list(KnowledgePageIn) = []
    redirects: dict[str, str] = {}         # old page path -> current page path, by hand
    retired: _list(RetiredIn) = []
