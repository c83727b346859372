"""Which of an area's case studies to suggest first for one statement, and why (the workbook's next step).

A statement's area features many case studies (up to 23); the workbook shows three and says why each one:
the glossary key terms it shares with the statement, or else the words its overview shares with the
statement and its Sustaining Excellence descriptor, rarer words counting more. Ties keep the framework's order.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from . import key_terms
from .model import Area, CaseStudy, Framework, Statement

# Words too common in this framework to say why a case study fits (checked against the text, not tuned).
_COMMON = set("""a about across after all also an and are as at be been being both but by can do does for from
has have how in into is it its of on or our so such that the their them these they this through to up use used
using we well were what met meet meets shared share when where which while who will with within without learner learners send setting
settings school schools staff pupil pupils child children young people need needs support supported supports
provision practice ensure ensures effective effectively including include includes leader leaders
# evaluative and process words every tier descriptor uses: they say how well, not what about
secure embedded strong strongly early clear clearly robust provide create inform impact plan planned evidence
meaningful experience consistent consistently develop developing development work working across high
quality approach approaches system systematic regular regularly review reviewed ensure outcome improve
improved improvement implementation aligned coherent responsive matched realistic professional""".split())


def _words(text: str) -> dict[str, str]:
    """Content words of a text: {plural-free form: the word as written}."""
    words = {}
    for word in re.findall(r"[a-z][a-z'-]+", text.lower()):
        word = word.strip("'-")
        if len(word) < 4 or word in _COMMON:
            continue
        key = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        if key not in _COMMON:
            words.setdefault(key, word)
    return words


def _rarity(fw: Framework) -> dict[str, float]:
    """How rare each word is across the case-study overviews: log(N / number of overviews using it)."""
    counts = Counter(w for cs in fw.case_studies for w in _words(cs.title + " " + cs.overview))
    n = len(fw.case_studies)
    return {w: math.log(n / c) for w, c in counts.items()}


def for_statement(fw: Framework, area: Area, statement: Statement, limit: int = 3) -> list[tuple[CaseStudy, str]]:
    """Up to `limit` of the area's featured case studies, best first, each with a one-line reason."""
    rarity = _rarity(fw)
    terms = {g.term: g for g in key_terms.for_statement(fw, area, statement)}
    top_tier = area.descriptors_for(statement)[-1][1]
    wanted = _words(statement.text + " " + " ".join(d.text for d in top_tier))
    scored = []
    for order, cs in enumerate(area.featured):
        shared_terms = [t for t in (g.term for g in key_terms.for_case_study(fw, cs)) if t in terms]
        shared = sorted(wanted.keys() & _words(cs.title + " " + cs.overview).keys(), key=lambda w: (-rarity.get(w, 0), w))
        shared_words = [wanted[w] for w in shared]
        score = 3 * len(shared_terms) + sum(rarity.get(w, 0) for w in shared)
        if shared_terms:
            why = "Shares key terms with this statement: " + ", ".join(shared_terms) + "."
        elif shared_words:
            why = "Its overview and this statement both speak of " + ", ".join(shared_words[:3]) + "."
        else:
            why = f"One of the framework's case studies for moving Area {area.number} to {fw.tiers[-1].name}."
        scored.append((-score, order, cs, why))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [(cs, why) for _, _, cs, why in scored[:limit]]
