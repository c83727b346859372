"""framework.json, the open data, and its JSON Schema (framework.schema.json), as views of the model.

A view lists the keys of one published object, in order. A key that is a field declared in schema.py is
published as the model holds it, and its JSON Schema comes from that declaration (types, lists, ids,
addresses...), so nothing is declared twice; a derived key gives its own type and how to get its value
(paths, labels, ids of linked things). The file and its schema come from the same views, so they cannot
drift apart. Publishing a YAML field is one word in a view.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from operator import attrgetter
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from framework import schema
from framework.model import TIER_IDS, Framework

FORMAT = "1.0"

Path = Annotated[str, Field(min_length=1)]
Ids = list[schema.Id]


class View:
    """One published object: `keys` are declared field names of `declared`, or (key, type, value of the object)."""

    def __init__(self, title: str, declared: type[BaseModel] | None, *keys, doc: str | None = None):
        self.keys: list[tuple[str, Any, Callable]] = []
        for key in keys:
            if isinstance(key, str):
                info = declared.model_fields[key]
                kind = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
                self.keys.append((key, kind, attrgetter(key)))
            else:
                self.keys.append(key)
        self.model = create_model(title, __config__=ConfigDict(extra="forbid", title=title), __doc__=doc,
                                  **{key: (kind, ...) for key, kind, _ in self.keys})

    def __call__(self, thing) -> dict:
        return {key: value(thing) for key, _, value in self.keys}

    def many(self, key: str, get: Callable, **field) -> tuple:
        """A key holding a list of objects published by this view."""
        return key, Annotated[list[self.model], Field(**field)], lambda thing: [self(x) for x in get(thing)]


def descriptor_text(area, statement, tier_id: str) -> str:
    """The statement's descriptors at one tier, paragraphs joined by a blank line."""
    at = next(t for t in area.tiers if t.tier.id == tier_id)
    return "\n\n".join(d.text for d in at.for_statement(statement.number))


EDITION = View("EditionOut", schema.EditionIn, "id", "date", ("notes", str, lambda e: e.notes or ""))
TIER = View("TierOut", schema.TierIn, "id", "name", "summary", "points")
STATEMENT_DESCRIPTORS = View(
    "StatementDescriptorsOut", None,
    *[(tier, str, lambda s, tier=tier: descriptor_text(s.area, s, tier)) for tier in TIER_IDS],
    doc="The statement's descriptor text at each tier (paragraphs joined by a blank line).")
STATEMENT = View(
    "StatementOut", schema.StatementIn, "id", "number",
    ("label", Annotated[str, Field(pattern=r"^\d+\.\d+$")], attrgetter("label")), "text",
    ("path", Annotated[str, Field(min_length=1, description="URL of the statement, relative to the site root")],
     attrgetter("url")),
    ("descriptors", STATEMENT_DESCRIPTORS.model, STATEMENT_DESCRIPTORS))
DESCRIPTOR = View(
    "DescriptorOut", schema.DescriptorIn,
    ("statements", Annotated[Ids, Field(min_length=1, description="ids of the statements it describes")],
     lambda d: [d.area.statements[n - 1].id for n in d.statements]),
    "text")
AREA_TIER = View(
    "AreaTierOut", schema.AreaTierIn, ("tier", schema.TierId, lambda at: at.tier.id),
    DESCRIPTOR.many("descriptors", lambda at: at.descriptors), "summary")
AREA = View(
    "AreaOut", schema.AreaIn, "id", "number", "name", ("path", Path, attrgetter("url")),
    STATEMENT.many("statements", attrgetter("statements"), min_length=1),
    AREA_TIER.many("tiers", attrgetter("tiers"), min_length=3, max_length=3),
    ("featured_case_studies", Ids, lambda a: [c.id for c in a.featured]),
    ("also_linked_case_studies", Ids, lambda a: [c.id for c in a.also]))
ARTEFACT = View("ArtefactOut", schema.ArtefactIn, "name", "url")
CASE_STUDY = View(
    "CaseStudyOut", schema.CaseStudyIn, "id", "title", ("path", Path, attrgetter("url")), "overview",
    ARTEFACT.many("artefacts", attrgetter("artefacts")), ("themes", Ids, lambda c: [t.id for t in c.themes]),
    ("sections", dict[str, str], lambda c: dict(c.sections)),
    ("featured_in", Ids, lambda c: [a.id for a in c.featured_in]),
    ("also_linked_from", Ids, lambda c: [a.id for a in c.linked_from]))
THEME = View("ThemeOut", schema.ThemeIn, "id", "name", ("description", str, lambda t: t.description or ""))
LOCAL_AUTHORITY = View("LocalAuthorityOut", schema.LocalAuthorityIn, "name", "accessed", "url")
GLOSSARY_ENTRY = View("GlossaryEntryOut", schema.GlossaryEntryIn, "term", "expansion", "aliases", "meaning")
FRAMEWORK = View(
    "Inclusion Audit Framework (open data)", schema.FrameworkIn,
    ("format", Literal["1.0"], lambda fw: FORMAT),
    ("edition", EDITION.model, lambda fw: EDITION(fw.edition)), "title",
    ("publisher", str, lambda fw: fw.publisher or ""),
    TIER.many("tiers", attrgetter("tiers"), min_length=3, max_length=3),
    AREA.many("areas", attrgetter("areas"), min_length=1),
    CASE_STUDY.many("case_studies", attrgetter("case_studies")),
    THEME.many("themes", attrgetter("themes")),
    LOCAL_AUTHORITY.many("local_authorities", lambda fw: fw.oap.local_authorities),
    GLOSSARY_ENTRY.many("glossary", attrgetter("glossary")),
    doc="framework.json, written at build time from data/framework.yaml.")


def _json(value) -> Any:
    """Dates as 2026-01-08; everything else is already JSON."""
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def framework_json(fw: Framework) -> str:
    return json.dumps(_json(FRAMEWORK(fw)), ensure_ascii=False, indent=1) + "\n"


def schema_json() -> str:
    """The JSON Schema (draft 2020-12) of framework.json, from the views above."""
    schema_ = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "framework.schema.json",
               **FRAMEWORK.model.model_json_schema(by_alias=True, mode="serialization")}
    return json.dumps(schema_, ensure_ascii=False, indent=1) + "\n"
