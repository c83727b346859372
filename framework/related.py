"""Related case studies for each practice statement, and related statements for each case study.

This is the site's own reading aid, worked out from the YAML: it is shown as "related", never as the
framework's mapping (the framework only places case studies under areas). A pair scores points for:

- words the statement and the case study (title, overview, theme names) share, each word weighted by how
  rare it is among the case studies and among the statements, so "transition" counts and "pupils" or
  "embedded" hardly; a theme's name counts triple; a word only in the statement's tier descriptors counts less than one in the statement;
  the sum is divided by the square root of the case study's length, so a long overview does not win
  everywhere;
- glossary key terms they share (SENCO, EHCP...);
- the framework placing the case study under the statement's area (featured counts more than "also").

Each statement keeps its best few case studies; a case study that no statement chose keeps its best
statement. Both views read the same pairs, so they always agree. A maintainer can set `related_statements:` (statement ids)
on a case study: that list then wins, and the case study relates to exactly those statements.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field

from . import key_terms
from .model import CaseStudy, Framework, Statement

PER_STATEMENT = 3         # case studies shown under a statement, at most
MIN_SCORE = 1.0           # below this a pair is not shown as related...
FLOOR_SCORE = 0.5         # ...unless it is a statement's best pair and still scores this much
DESCRIPTOR_SHARE = 0.4    # a word found only in the tier descriptors counts this much
TOPIC_WEIGHT = 3.0        # a word of the case study's theme names says what it is about: counts triple
# (not title words: "Successful Partnerships" or "Growing Futures" name a school's project, not its topic)
KEY_TERM_POINTS = 0.6
FEATURED_POINTS = 0.4
ALSO_POINTS = 0.2
COMMON_SHARE = 0.3        # a word in more than this share of case studies says nothing about any of them

# Short everyday words and the words every statement and case study uses.
_STOPWORDS = set("""
about above across after again against also among another because been before being between both
could does doing down during each either enable enables ensure ensures ensuring every from further have
having here into itself just more most much must need needs only other over same should some such than
that their them then there these they this those through towards under until upon very were what when
where which while whole will with within without would your year years
""".split())
# Words that say how well or how much, not what about: "strong", "effective", "using", "work", "access".
# Shared, they made a statement on law and policy look related to one on parents; they never count.
_STOPWORDS |= set("""
able access accesses achieve based best better clear clearly consistent consistently develop developed
developing development effective effectively embed embedded embedding enabling ensured fully good great high
implement implementation implemented implementing leader evidence informed
highly impact improve improved improving increase increased meaningful part place positive practice process
processe provide provided purposeful quality range reduce reduced regular regularly review reviewed rigorous
robust secure share shared strategy strategie strengthen strengthen strong stronger successful successfully
support supported sustained time understanding use used using well work working
""".split())


@dataclass
class Pair:
    """One statement and one case study, with why they are related (for the maintainers' table)."""
    statement: Statement
    case_study: CaseStudy
    score: float
    words: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    set_by_maintainer: bool = False
    shown: list[str] = field(default_factory=list)    # the shared words as the texts write them, never a stem

    @property
    def why(self) -> str:
        if self.set_by_maintainer:
            return "set by a maintainer (related_statements:)"
        parts = []
        if self.terms:
            parts.append("key terms: " + ", ".join(self.terms))
        if self.words:
            parts.append("words: " + ", ".join((self.shown or self.words)[:5]))
        return "; ".join(parts) or "same area"

    @property
    def reason(self) -> str:
        """Why, in a sentence for school staff (the workbook's next step)."""
        if self.set_by_maintainer:
            return "Chosen by this site's editors for this statement."
        if self.terms:
            return "Shares key terms with this statement: " + ", ".join(self.terms) + "."
        if self.words:
            return "It and this statement both speak of " + ", ".join((self.shown or self.words)[:3]) + "."
        return f"One of the framework's case studies for Area {self.statement.area.number}."


@dataclass
class Relation:
    pairs: list[Pair]

    def for_statement(self, statement: Statement) -> list[CaseStudy]:
        return [p.case_study for p in self._sorted(p for p in self.pairs if p.statement is statement)]

    def for_case_study(self, cs: CaseStudy) -> list[Statement]:
        mine = [p for p in self.pairs if p.case_study is cs]
        if any(p.set_by_maintainer for p in mine):     # in the maintainer's order
            return [p.statement for p in mine]
        return sorted((p.statement for p in mine), key=lambda s: (s.area.number, s.number))

    def pairs_for_statement(self, statement: Statement) -> list[Pair]:
        return self._sorted(p for p in self.pairs if p.statement is statement)

    @staticmethod
    def _sorted(pairs) -> list[Pair]:
        return sorted(pairs, key=lambda p: (not p.set_by_maintainer, -p.score, p.case_study.title))


def _stem(word: str) -> str:
    """Plural to singular and a few word endings, roughly: 'transitions' and 'transitional' -> 'transition',
    'families' -> 'family'."""
    if word.endswith("ional"):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
        return word[:-1]
    return word


def words(text: str) -> set[str]:
    """The content words of a text, lower case and singular."""
    return set(_words(text))


def forms(text: str) -> dict[str, list[str]]:
    """Each content word's stem -> the whole words of the text that make it, in the order they first appear."""
    return {stem: list(ws) for stem, ws in _forms(text).items()}


# Cached (and so immutable), because a file loaded again with one field changed has the same texts
# everywhere else: tests load hundreds of variants of data/framework.yaml.
@functools.lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    found = {_stem(w) for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 4}
    return frozenset(w for w in found if w not in _STOPWORDS)


@functools.lru_cache(maxsize=4096)
def _forms(text: str) -> dict[str, tuple[str, ...]]:
    """forms(text), shared by every caller: read it, never change it."""
    out: dict[str, list[str]] = {}
    for w in re.findall(r"[a-z]+", text.lower()):
        if len(w) >= 4 and w not in _STOPWORDS:
            seen = out.setdefault(_stem(w), [])
            if w not in seen:
                seen.append(w)
    return {stem: tuple(ws) for stem, ws in out.items()}


def shown_words(stems: list[str], statement_forms: dict[str, list[str]], study_forms: dict[str, list[str]]) -> list[str]:
    """The shared stems as words both texts write the same way ("processes"), never a stem ("processe"); where
    the two write every one differently ("foundation", "foundations"), as the statement writes them."""
    both = [next((w for w in statement_forms.get(stem, []) if w in study_forms.get(stem, [])), None) for stem in stems]
    return [w for w in both if w] or [statement_forms.get(stem, [stem])[0] for stem in stems]


def _descriptor_text(statement: Statement) -> str:
    return " ".join(d.text for _, ds in statement.area.descriptors_for(statement) for d in ds)


def _case_study_text(cs: CaseStudy) -> str:
    return " ".join([cs.title, cs.overview, *(t.name for t in cs.themes)])


def _topic_text(cs: CaseStudy) -> str:
    return " ".join(t.name for t in cs.themes)


def explicit_statements(cs: CaseStudy) -> list[str]:
    """The statement ids a maintainer set on the case study (`related_statements:`), if the model has them."""
    return list(getattr(cs, "related_statements", None) or [])


def compute(fw: Framework) -> Relation:
    studies = fw.case_studies
    cs_words = {cs.id: _words(_case_study_text(cs)) for cs in studies}
    cs_topic = {cs.id: _words(_topic_text(cs)) for cs in studies}
    df: dict[str, int] = {}
    for ws in cs_words.values():
        for w in ws:
            df[w] = df.get(w, 0) + 1
    n = len(studies)
    s_words = {s.id: (_words(s.text), _words(_descriptor_text(s))) for s in fw.statements}
    s_df: dict[str, int] = {}
    for own, desc in s_words.values():
        for w in own | desc:
            s_df[w] = s_df.get(w, 0) + 1
    m = len(s_words)
    # rare among case studies, and rare among statements ("embedded" and "strong" describe every statement)
    weight = {w: math.log(n / k) * math.log((m + 1) / s_df.get(w, 1)) / math.log(m + 1)
              for w, k in df.items() if k <= max(1, COMMON_SHARE * n)}
    cs_terms: dict[int, set[str]] = {id(cs): set() for cs in studies}     # as key_terms.for_case_study
    for g in key_terms.specific(fw):
        for cs in g.case_studies:
            if id(cs) in cs_terms:
                cs_terms[id(cs)].add(g.term)
    # Every statement meets every case study: what depends on the case study alone is worked out once
    # (a file loaded again and again, as the tests do, runs this each time).
    computed = [(cs, cs_words[cs.id], cs_topic[cs.id], cs_terms[id(cs)], math.sqrt(len(cs_words[cs.id])))
                for cs in studies if not explicit_statements(cs)]

    candidates: list[tuple] = []      # (score, statement, case study, words in common, key terms)
    weights: dict[str, dict[str, float]] = {}
    for area in fw.areas:
        featured, also = {id(cs) for cs in area.featured}, {id(cs) for cs in area.also}
        for s in area.statements:
            own, desc = s_words[s.id]
            # each word's weight for this statement (a word found only in the descriptors counts less)
            mine = weights[s.id] = {w: weight[w] * (1 if w in own else DESCRIPTOR_SHARE) for w in own | desc if w in weight}
            mine_words = frozenset(mine)      # (two frozensets intersect faster than a dict's keys and a set)
            s_terms = {g.term for g in s.key_terms}       # key_terms.for_statement, worked out once by load.py
            for cs, ws, topic, terms_of_cs, length in computed:
                common = mine_words & ws
                terms = sorted(s_terms & terms_of_cs) if s_terms and terms_of_cs else []
                if len(common) < 2 and not terms and not common & topic:
                    continue        # one word in common ("policy"), not the case study's theme, is a coincidence
                # fsum is exact, so the order of the words (a set's, which changes from one run to the next)
                # cannot change the score
                score = (math.fsum([mine[w] * (TOPIC_WEIGHT if w in topic else 1) for w in common]) / length
                         + KEY_TERM_POINTS * len(terms))
                if id(cs) in featured:
                    score += FEATURED_POINTS
                elif id(cs) in also:
                    score += ALSO_POINTS
                candidates.append((round(score, 2), s, cs, common, terms))

    chosen: dict[tuple[str, str], tuple] = {}
    by_statement: dict[str, list[tuple]] = {}
    by_study: dict[str, list[tuple]] = {}
    for p in candidates:
        by_statement.setdefault(p[1].id, []).append(p)
        by_study.setdefault(p[2].id, []).append(p)
    for pairs in (*by_statement.values(), *by_study.values()):
        pairs.sort(key=lambda p: (-p[0], p[2].title, p[1].id))
    for pairs in by_statement.values():         # each statement: its best few that score enough
        for p in pairs[:PER_STATEMENT]:
            if p[0] >= MIN_SCORE:
                chosen[(p[1].id, p[2].id)] = p
    chosen_statements = {k[0] for k in chosen}
    for s in fw.statements:                     # ...or its best one, if that still honestly relates
        best = by_statement.get(s.id, [])
        if best and best[0][0] >= FLOOR_SCORE and s.id not in chosen_statements:
            chosen[(s.id, best[0][2].id)] = best[0]
    chosen_studies = {k[1] for k in chosen}
    for cs_id, pairs in by_study.items():       # a case study no statement chose: its best statement
        if pairs and pairs[0][0] >= FLOOR_SCORE and cs_id not in chosen_studies:
            chosen[(pairs[0][1].id, cs_id)] = pairs[0]
            chosen_studies.add(cs_id)

    shown = []
    for score, s, cs, common, terms in chosen.values():
        # the words in common, weightiest first, in word order where weights tie (never a set's order, which
        # changes from one run of Python to the next), and as the texts write them: only for the pairs shown
        topic, mine = cs_topic[cs.id], weights[s.id]
        share = {w: mine[w] * (TOPIC_WEIGHT if w in topic else 1) for w in common}
        shared = sorted(share, key=lambda w: (-share[w], w))
        words_shown = shown_words(shared[:5], _forms(s.text + " " + _descriptor_text(s)), _forms(_case_study_text(cs)))
        shown.append(Pair(s, cs, score, shared, terms, shown=words_shown))
    statements = {s.id: s for s in fw.statements}
    explicit = [Pair(statements[sid], cs, 0.0, set_by_maintainer=True)
                for cs in studies for sid in explicit_statements(cs) if sid in statements]
    return Relation(explicit + shown)
