"""Key terms: which glossary entries to show on a statement or a case study.

A visible "Key terms" line spells out abbreviations and lets the site search find a page by either form.
Terms the framework uses in every area (SEND) are left out: they would be a key term of everything.
"""
from __future__ import annotations

import functools
import re

from .model import Area, CaseStudy, Framework, GlossaryEntry, Statement

_PUNCTUATION = re.compile(r"[,.;:!?()\[\]'\"/&\u2018\u2019\u201c\u201d\u2013\u2014-]")


# Cached: every glossary entry is looked for in every statement of its areas, so the same texts come back
# many times in one load (and in every load of the same file).
@functools.lru_cache(maxsize=8192)
def _words(text: str) -> str:
    """' the EEF s 5 a day ': punctuation dropped, padded so whole words can be found with `in`."""
    return " " + " ".join(_PUNCTUATION.sub(" ", text).split()) + " "


@functools.lru_cache(maxsize=8192)
def _lower_words(text: str) -> str:
    return _words(text).lower()


@functools.lru_cache(maxsize=4096)
def _wanted(form: str) -> tuple[bool, str]:
    """A term, long form or alias as the words to find: in capitals as written (True), or in lower case."""
    capitals = form == form.upper() and form != form.lower()
    return capitals, (_words(form).strip() if capitals else _words(form).strip().lower())


@functools.lru_cache(maxsize=4096)
def _looked_for(forms: tuple) -> tuple[tuple[bool, str, str], ...]:
    """(in capitals?, the form as whole words, the form plus s) for each form that is written."""
    return tuple((capitals, f" {want} ", f" {want}s ") for capitals, want in map(_wanted, filter(None, forms)))


def _mentions(text: str, entry: GlossaryEntry) -> bool:
    """The term, its long form or an alias (or that plus s) occurs as whole words in text.
    An abbreviation in capitals must match in capitals ("ARE" is not "are")."""
    for capitals, one, plural in _looked_for((entry.term, entry.expansion, *entry.aliases)):
        hay = _words(text) if capitals else _lower_words(text)
        if one in hay or plural in hay:
            return True
    return False


def specific(fw: Framework) -> list[GlossaryEntry]:
    """Entries in term order, without those the framework uses in every area."""
    return [g for g in sorted(fw.glossary, key=lambda g: g.term.lower()) if len(g.areas) < len(fw.areas)]


_specific = specific


def for_statement(fw: Framework, area: Area, statement: Statement) -> list[GlossaryEntry]:
    """Entries that list this area and appear in the statement or its tier descriptors."""
    return [g for g in _specific(fw) if area in g.areas and statement in statements_using(area, g)]


def for_case_study(fw: Framework, cs: CaseStudy) -> list[GlossaryEntry]:
    """Entries that list this case study (curated in data/framework.yaml)."""
    return [g for g in _specific(fw) if cs in g.case_studies]


def statement_text(area: Area, statement: Statement) -> str:
    """The statement and its tier descriptors: where its key terms are looked for."""
    return " ".join([statement.text] + [d.text for _, ds in area.descriptors_for(statement) for d in ds])


def statements_using(area: Area, entry: GlossaryEntry, texts: dict[int, str] | None = None) -> list[Statement]:
    """The area's statements whose text or tier descriptors use the entry (for the glossary page).
    texts: each statement's statement_text by id(statement), when the caller has them already."""
    return [s for s in area.statements
            if _mentions(texts[id(s)] if texts is not None else statement_text(area, s), entry)]
