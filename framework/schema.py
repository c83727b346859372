"""The shape of data/framework.yaml, declared once (pydantic v2, strict, unknown keys refused).

Why pydantic: one declaration gives strict type checks (no YAML coercion: 42 is not text), every error
at once with its path in the file, and the JSON Schema of the open data, from a well-kept library.

Each class below is one kind of YAML mapping; its fields are the keys a maintainer may write there.
Optional keys have a default. model.py makes the model's classes from these (a key declared here is an
attribute there), and open_data.py takes the types of the published fields from here. load.py maps each error's path back to the YAML line and adds the
cross-reference checks (ids resolve, no duplicates...), which need the whole file.
"""
from __future__ import annotations

import datetime
import functools
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from . import safe_text

ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
ID_MAX = 80          # an id is a file name and a URL: long enough for any title, short enough for every file system
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


# Remembered: checking a text renders it with Markdown, and the same texts come back in every load of the file
# (tests load hundreds of variants of data/framework.yaml that differ in one text).
@functools.lru_cache(maxsize=8192)
def _problems(value: str, links: bool) -> tuple[str, ...]:
    return tuple(safe_text.problems(value, links))


# The longest a text may be: far over any text of the framework (a title, a statement: under 500 characters; a
# paragraph or a case-study section: under 600), so that only a mistake (a paste of a whole document) meets it.
MOST = {False: 1_000, True: 10_000}


def _checked(value: str, links: bool) -> str:
    if len(value) > MOST[links]:
        raise PydanticCustomError("too_long", "is {length} characters long: keep it to {most} (is a whole document "
                                  "pasted here?)", {"length": len(value), "most": MOST[links]})
    found = _problems(value, links)
    if found:
        raise PydanticCustomError("unsafe_text", "; ".join(found))
    return value


def _plain(value: str) -> str:
    """Plain text: words and emphasis, no link, image, HTML or attribute list (see safe_text.py)."""
    return _checked(value, links=False)


def _markdown(value: str) -> str:
    """A Markdown paragraph: plain text, and links to full https:// addresses (see safe_text.py)."""
    return _checked(value, links=True)


def _ident(value: str) -> str:
    if len(value) > ID_MAX:
        raise PydanticCustomError("bad_id", "id is {length} characters long: keep it to {most} (it becomes a file "
                                  "name and a web address)", {"length": len(value), "most": ID_MAX})
    if not ID_PATTERN.fullmatch(value):
        raise PydanticCustomError(
            "bad_id", "id '{value}' must be lower-case letters, digits and hyphens (like statement-2-3)",
            {"value": value})
    return value


def _https(value: str) -> str:
    if not safe_text.is_url(value):
        raise PydanticCustomError("bad_url", "'{value}' is not a web address starting with https:// (one address, "
                                  "with no spaces, line breaks, quotes or brackets)", {"value": value})
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
    raise PydanticCustomError("bad_date", "must be a date written like 2026-01-08, not '{value}'",
                              {"value": str(value)})


# Each text is declared plain (Text) or Markdown (Markdown, LongMarkdown): CONTRIBUTING says what each accepts.
# WithJsonSchema: what the open data's JSON Schema says of the value (open_data.py); it checks nothing here.
_SOME_TEXT = WithJsonSchema({"type": "string", "minLength": 1})
Text = Annotated[str, AfterValidator(_text), AfterValidator(_plain), _SOME_TEXT]
Markdown = Annotated[str, AfterValidator(_text), AfterValidator(_markdown), _SOME_TEXT]
LongMarkdown = Annotated[str, AfterValidator(_long_text), AfterValidator(_markdown), _SOME_TEXT]
Id = Annotated[str, AfterValidator(_ident), WithJsonSchema({"type": "string", "pattern": "^" + ID_PATTERN.pattern + "$"})]
Url = Annotated[str, AfterValidator(_https), WithJsonSchema({"type": "string", "pattern": "^https://"})]
IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date), WithJsonSchema({"type": "string", "pattern": ISO_DATE.pattern})]
Number = Annotated[int, WithJsonSchema({"type": "integer", "minimum": 1})]    # checks.py: 1, 2, 3... in order
TierId = Literal["establishing-foundations", "strengthening-practice", "sustaining-excellence"]


def _list(item, *, min_length: int = 0):
    return Annotated[list[item], Field(min_length=min_length)] if min_length else list[item]


class Declared(BaseModel):
    """A YAML mapping: only the keys declared, each of the declared type."""
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class EditionIn(Declared):
    id: Text                       # '2026.1': quoted, or YAML reads a number
    date: IsoDate
    notes: Markdown | None = None


class DevelopmentSectionIn(Declared):
    heading: Text | None = None
    paragraphs: _list(Markdown, min_length=1)


class DevelopmentIn(Declared):
    sections: _list(DevelopmentSectionIn, min_length=1)


class HowToUseIn(Declared):
    video_note: Markdown | None = None
    steps: _list(Markdown, min_length=1)


class TierIn(Declared):
    id: TierId
    name: Text
    summary: Markdown
    points: _list(Markdown, min_length=1)


class StatementIn(Declared):
    id: Id
    number: Number
    text: Text
    renamed_from: _list(Id) = []


class DescriptorIn(Declared):
    statements: _list(int, min_length=1)      # statement numbers within the area
    text: Markdown


class AreaTierIn(Declared):
    descriptors: _list(DescriptorIn, min_length=1)
    summary: Markdown | None = None


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
    number: Number
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
    context: LongMarkdown | None = None
    intent: LongMarkdown | None = None
    implementation: LongMarkdown | None = None
    impact: LongMarkdown | None = None
    why_it_matters: LongMarkdown | None = None
    professional_knowledge: LongMarkdown | None = None
    motivations_for_change: LongMarkdown | None = None
    ways_to_address_them: LongMarkdown | None = None
    developing_professional_support: LongMarkdown | None = None
    further_sources: LongMarkdown | None = None


class CaseStudyIn(Declared):
    id: Id
    title: Text
    overview: Markdown
    artefacts: _list(ArtefactIn) = []
    themes: _list(Id) = []
    sections: CaseStudySectionsIn | None = None
    renamed_from: _list(Id) = []
    source_note: Markdown | None = None          # our words: how the framework's copies of this text differ
    related_statements: _list(Id) = []       # statement ids a maintainer sets; they replace the computed ones


class ThemeIn(Declared):
    id: Id
    name: Text
    description: Markdown | None = None


class LocalAuthorityIn(Declared):
    name: Text
    accessed: IsoDate
    url: Url | None = None


class OapIn(Declared):
    """Ordinarily available provision: the intro and the local authorities' documents."""
    intro: Markdown
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
    meaning: Markdown
    areas: _list(Id) = []
    case_studies: _list(Id) = []


class SourceIn(Declared):
    title: Text
    by: Text
    date: Text | None = None       # as the source gives it ("14 July 2023")


class KnowledgePageIn(Declared):
    id: Id
    title: Text
    summary: Markdown
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
    introduction: _list(Markdown, min_length=1)
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
