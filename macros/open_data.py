"""framework.json, the open data: declared here once (pydantic), so the file and its JSON Schema
(framework.schema.json) come from the same declaration and cannot drift apart.

`framework_json(fw)` fills the declaration from the model; `schema_json()` is the JSON Schema of it.
"""
from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .model import TIER_IDS, Framework

FORMAT = "1.0"

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, Field(min_length=1)]
IsoDate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
TierId = Literal["establishing-foundations", "strengthening-practice", "sustaining-excellence"]


class Published(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class EditionOut(Published):
    id: Text
    date: IsoDate
    notes: str = ""


class TierOut(Published):
    id: TierId
    name: Text
    summary: Text
    points: list[Text]


class StatementDescriptorsOut(Published):
    """The statement's descriptor text at each tier (paragraphs joined by a blank line)."""
    establishing_foundations: str = Field(alias="establishing-foundations")
    strengthening_practice: str = Field(alias="strengthening-practice")
    sustaining_excellence: str = Field(alias="sustaining-excellence")


class StatementOut(Published):
    id: Id
    number: Annotated[int, Field(ge=1)]
    label: Annotated[str, Field(pattern=r"^\d+\.\d+$")]
    text: Text
    path: Text = Field(description="URL of the statement, relative to the site root")
    descriptors: StatementDescriptorsOut


class DescriptorOut(Published):
    statements: Annotated[list[Id], Field(min_length=1, description="ids of the statements it describes")]
    text: Text


class AreaTierOut(Published):
    tier: TierId
    descriptors: list[DescriptorOut]
    summary: str | None


class AreaOut(Published):
    id: Id
    number: Annotated[int, Field(ge=1)]
    name: Text
    path: Text
    statements: Annotated[list[StatementOut], Field(min_length=1)]
    tiers: Annotated[list[AreaTierOut], Field(min_length=3, max_length=3)]
    featured_case_studies: list[Id]
    also_linked_case_studies: list[Id]


class ArtefactOut(Published):
    name: Text
    url: Annotated[str, Field(pattern=r"^https://")] | None


class CaseStudyOut(Published):
    id: Id
    title: Text
    path: Text
    overview: Text
    artefacts: list[ArtefactOut]
    themes: list[Id]
    sections: dict[str, str]
    featured_in: list[Id]
    also_linked_from: list[Id]


class ThemeOut(Published):
    id: Id
    name: Text
    description: str


class LocalAuthorityOut(Published):
    name: Text
    accessed: IsoDate
    url: Annotated[str, Field(pattern=r"^https://")] | None


class GlossaryEntryOut(Published):
    term: Text
    expansion: str | None
    aliases: list[str]
    meaning: Text


class FrameworkOut(Published):
    """framework.json, written at build time from data/framework.yaml."""
    model_config = ConfigDict(extra="forbid", title="Inclusion Audit Framework (open data)")
    format: Literal["1.0"]
    edition: EditionOut
    title: Text
    publisher: str
    tiers: Annotated[list[TierOut], Field(min_length=3, max_length=3)]
    areas: Annotated[list[AreaOut], Field(min_length=1)]
    case_studies: list[CaseStudyOut]
    themes: list[ThemeOut]
    local_authorities: list[LocalAuthorityOut]
    glossary: list[GlossaryEntryOut]


def descriptor_text(area, statement, tier_id) -> str:
    at = next(t for t in area.tiers if t.tier.id == tier_id)
    return "\n\n".join(d.text for d in at.for_statement(statement.number))


def framework_out(fw: Framework) -> FrameworkOut:
    """The whole model as the open data declares it."""
    return FrameworkOut(
        format=FORMAT,
        edition=EditionOut(id=fw.edition.id, date=fw.edition.date.isoformat(), notes=fw.edition.notes or ""),
        title=fw.title, publisher=fw.publisher or "",
        tiers=[TierOut(id=t.id, name=t.name, summary=t.summary, points=t.points) for t in fw.tiers],
        areas=[AreaOut(
            id=a.id, number=a.number, name=a.name, path=a.url,
            statements=[StatementOut(
                id=s.id, number=s.number, label=s.label, text=s.text, path=s.url,
                descriptors=StatementDescriptorsOut(**{t: descriptor_text(a, s, t) for t in TIER_IDS}),
            ) for s in a.statements],
            tiers=[AreaTierOut(tier=at.tier.id, summary=at.summary, descriptors=[
                DescriptorOut(statements=[a.statements[n - 1].id for n in d.statements], text=d.text)
                for d in at.descriptors]) for at in a.tiers],
            featured_case_studies=[c.id for c in a.featured], also_linked_case_studies=[c.id for c in a.also],
        ) for a in fw.areas],
        case_studies=[CaseStudyOut(
            id=c.id, title=c.title, path=c.url, overview=c.overview,
            artefacts=[ArtefactOut(name=x.name, url=x.url) for x in c.artefacts], themes=[t.id for t in c.themes],
            sections=dict(c.sections), featured_in=[a.id for a in c.featured_in],
            also_linked_from=[a.id for a in c.linked_from],
        ) for c in fw.case_studies],
        themes=[ThemeOut(id=t.id, name=t.name, description=t.description) for t in fw.themes],
        local_authorities=[LocalAuthorityOut(name=la.name, accessed=la.accessed.isoformat(), url=la.url)
                           for la in fw.oap.local_authorities],
        glossary=[GlossaryEntryOut(term=g.term, expansion=g.expansion, aliases=g.aliases, meaning=g.meaning)
                  for g in fw.glossary],
    )


def framework_json(fw: Framework) -> str:
    data = framework_out(fw).model_dump(mode="json", by_alias=True)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def schema_json() -> str:
    """The JSON Schema (draft 2020-12) of framework.json, from the declaration above."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "framework.schema.json",
              **FrameworkOut.model_json_schema(by_alias=True, mode="serialization")}
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"
