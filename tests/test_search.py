"""Search quality: staff type what they remember and land on the right page.

The queries in tests/search_queries.yaml, tests/search_queries_heldout.yaml (held out for one round, tuned on
since), tests/search_queries_tuning2.yaml to tests/search_queries_tuning7.yaml and the seven held-out sets
tests/search_queries_fresh.yaml to tests/search_queries_fresh7.yaml (each written by someone who had not seen
the ranking) are run against
the built site's search/search_index.json the way Material for MkDocs 9.8.1's search worker runs them (lunr
with the index's own fields, boosts, separator and pipeline; Material's tokenizer, query transformation,
post-query boosts and grouping by page; and the site's own step before Material's, in
docs/assets/search-worker.js: stop words dropped, no trailing wildcard on short terms, three-letter words of the
index ("act") or abbreviations typed in capitals (unless the index lacks them: a slip), American spellings made
British, a definition question or a glossary term's name alone sent to the glossary, a word few documents contain
weighed more, an unknown word cut to a known one or given an edit distance; each document found by the other
forms of its words; a result weighed more for the query's words side by side and for its whole title in the
query; then the pages found ordered by how much of the query their best result matched). Issue 15's goal, on queries written independently of the ranking:
at least 95% of queries put an accepted page in the first five results, and at least 90% of the queries that
name one practice statement land on it. Each set here keeps a floor (FLOORS, HELD_OUT_FLOORS).

An accepted target without "#" (case-studies/the-hive/) is hit when that page is one of the first five results.
A target with "#" (areas/leadership-of-send/#statement-2-5, glossary/#term-apdr) is hit only when that section
is the best match within its page's result, so the link the user sees first goes to the anchor.

Run it on any built site to see every query's results:  .venv/bin/python tests/test_search.py SITE_DIR [QUERY_FILE...]
"""
from __future__ import annotations

import bisect
import copy
import functools
import json
import random
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest
import yaml

import lunr.builder
from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.query import Query, QueryPresence
from lunr.query_lexer import QueryLexer
from lunr.query_parser import QueryParser
from lunr.stemmer import PorterStemmer, stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from lunr.trimmer import trimmer

QUERIES = Path(__file__).with_name("search_queries.yaml")
HELD_OUT = Path(__file__).with_name("search_queries_heldout.yaml")      # held out once; tuned on since
TUNING2 = Path(__file__).with_name("search_queries_tuning2.yaml")       # written without seeing the ranking
TUNING3 = Path(__file__).with_name("search_queries_tuning3.yaml")       # likewise, after the second round
TUNING4 = Path(__file__).with_name("search_queries_tuning4.yaml")       # likewise, before the fourth round
TUNING5 = Path(__file__).with_name("search_queries_tuning5.yaml")       # likewise, before the fifth round
TUNING6 = Path(__file__).with_name("search_queries_tuning6.yaml")       # likewise: spellings, capitals, slips
TUNING7 = Path(__file__).with_name("search_queries_tuning7.yaml")       # likewise: the site's tools, neighbours
FRESH = Path(__file__).with_name("search_queries_fresh.yaml")         # held out: never tuned on (see below)
FRESH2 = Path(__file__).with_name("search_queries_fresh2.yaml")       # held out too, written with tuning4
FRESH3 = Path(__file__).with_name("search_queries_fresh3.yaml")       # held out too, written with tuning5
FRESH4 = Path(__file__).with_name("search_queries_fresh4.yaml")       # held out too, after the fifth round
FRESH5 = Path(__file__).with_name("search_queries_fresh5.yaml")       # held out too, written with tuning6
FRESH6 = Path(__file__).with_name("search_queries_fresh6.yaml")       # held out too, written with tuning7
FRESH7 = Path(__file__).with_name("search_queries_fresh7.yaml")       # held out too, after the sixth round
TOP = 5
REQUIRED_SHARE = 0.95
REQUIRED_LANDINGS = 0.90
MATERIAL_QUERY_FIELDS = ["title", "text", "tags"]   # Material's query code names these three, whatever the index has
PIPELINE_FUNCTIONS = {"stemmer": stemmer, "stopWordFilter": stop_word_filter, "trimmer": trimmer}


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


# --- Material's tokenizer (src/templates/assets/javascripts/integrations/search/internal) ----------------

def _split(text: str, separator: re.Pattern) -> list[str]:
    """split(): the non-empty stretches between separator matches (zero-length matches allowed)."""
    parts, index = [], 0
    for match in separator.finditer(text):
        if index < match.start():
            parts.append(text[index:match.start()])
        index = match.end()
    if index < len(text):
        parts.append(text[index:])
    return parts


def material_tokenizer(separator: re.Pattern):
    """tokenize(): text between HTML tags, split with the configured separator, lower-cased. No trimmer."""
    def tokenize(value, metadata=None, separator_=None):
        if value is None:
            return []
        tokens = []
        for item in value if isinstance(value, list) else [value]:
            for block in re.split(r"<[^>]*>", str(item)):
                tokens.extend(Token(part.lower(), {}) for part in _split(block, separator))
        return tokens
    return tokenize


# --- Material's query transformation (integrations/search/query) ------------------------------------------

def _transform(query: str, fn) -> str:
    """transform(): phrases become required terms, stray operators go, every plain term gets a trailing *."""
    query = query.strip()
    pieces = re.split(r'"([^"]+)"', query)
    query = "".join(re.sub(r"^\b|^(?![^\x00-\x7F]|$)|\s+", " +", p) if i % 2 else p for i, p in enumerate(pieces))
    query = re.sub(r'"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)', "", query)
    terms = []
    for term in re.split(r"\s+", query):
        terms.extend(fn(term))
    terms = [f"{t}1" if re.search(r"[~^]$", t) else t for t in terms]
    return " ".join(t if re.search(r"(^[+-]|[~^]\d+$)", t) else f"{t}*" for t in terms)


def vocabulary(docs: list[dict], fields, separator: re.Pattern) -> tuple[list[str], dict[str, set[int]]]:
    """Every word of the index (each field's text between HTML tags, split with the separator, lower-cased),
    sorted, and the documents each is in: the search box's own lists (docs/assets/search-worker.js),
    to tell a misspelling from a word and a rare word from a common one."""
    postings: dict[str, set[int]] = {}
    for n, doc in enumerate(docs):
        for block in _blocks(doc, fields):
            for part in _split(block, separator):
                postings.setdefault(part.lower(), set()).add(n)
    return sorted(postings), postings


def _blocks(doc: dict, fields) -> list[str]:
    """search-worker.js blocks(): the stretches of text between HTML tags in the named fields (each item of a
    list field)."""
    return [block for name in fields
            for item in (doc[name] if isinstance(doc.get(name), list) else [] if doc.get(name) is None else [doc[name]])
            for block in re.split(r"<[^>]*>", str(item))]


def _rare(part: str, vocab: list[str], postings: dict[str, set[int]], rare: dict | None) -> bool:
    """Words starting with this one are in at least one and at most rare["docs"] documents."""
    if not rare:
        return False
    low, seen = part.lower(), set()
    for word in vocab[bisect.bisect_left(vocab, low):]:
        if not word.startswith(low):
            break
        seen |= postings[word]
    return 0 < len(seen) <= rare["docs"]


def _known(part: str, vocab: list[str]) -> bool:
    """Some word of the index starts with this one (Material's trailing wildcard will find it)."""
    i = bisect.bisect_left(vocab, part)
    return i < len(vocab) and vocab[i].startswith(part)


def british(part: str, vocab: list[str] | None, spellings: list[list[str]] | None) -> str:
    """The British spelling of an American one ("individualized": individualised), by the first of the search
    box's spelling rules (config.spellings: a pattern and its replacement, $1 for a group) whose result some word
    of the index starts with; otherwise the word as typed."""
    low = part.lower()
    for pattern, replacement in spellings or ():
        if re.search(pattern, low):
            new = re.sub(pattern, lambda m: re.sub(r"\$(\d)", lambda g: m.group(int(g.group(1))) or "", replacement), low)
            if new != low and _known(new, vocab or []):
                return new
    return part


def fuzz(part: str, vocab: list[str] | None, fuzzy: dict | None) -> str:
    """A word the index does not know (no index word starts with it) loses an ending if what is left is known
    ("labeling" -> label, which Material's wildcard extends), or else gets lunr's edit distance: ~1 from
    fuzzy["min"][0] letters, ~2 from fuzzy["min"][1], so a misspelling finds the word meant ("scafolding")."""
    low = part.lower()
    if not vocab or not fuzzy or len(low) < fuzzy["min"][0] or re.search(r"\d", low) or _known(low, vocab):
        return part
    for ending in fuzzy["endings"]:
        stem = low[:-len(ending)]
        if low.endswith(ending) and len(stem) >= fuzzy["min"][0] and _known(stem, vocab):
            return part[:len(stem)]
    return f"{part}~{2 if len(low) >= fuzzy['min'][1] else 1}"


def undot(word: str) -> str:
    """An abbreviation typed with dots, without them ("E.H.C.P." is EHCP); any other word as it is."""
    return word.replace(".", "") if re.fullmatch(r"(?:[A-Za-z]\.){2,}[A-Za-z]?\.?", word) else word


def no_short_wildcards(query: str, separator: re.Pattern, min_wildcard: int, words: dict | None = None,
                       vocab: list[str] | None = None, fuzzy: dict | None = None,
                       definition: dict | None = None, stop_words: list[str] | None = None,
                       capitals: int = 0, postings: dict | None = None, rare: dict | None = None,
                       abbreviations: list[str] | None = None, whole_words: list[str] | None = None,
                       spellings: list[list[str]] | None = None, names: list[str] | None = None) -> str:
    """The site's step before Material's (docs/assets/search-worker.js, keep the two in step): each plain word is
    split with the separator, and a piece shorter than min_wildcard gets a neutral boost "^1", which makes
    Material's transform leave its wildcard off ("TA" stays TA, not TA* which matches "tailored").
    A word listed in config.query_words is first replaced (American spelling -> British; question words -> "").
    Words with query syntax (+ - ~ ^ * or quotes) are left to Material."""
    if not min_wildcard or '"' in query:
        return query
    out, stop = [], set(stop_words or [])
    plain = [w for w in query.split() if w.lower() not in stop or w.isupper() and len(w) > 1]
    for word in plain or query.split():          # words like "for" and "is" go, unless nothing else is left
        if re.search(r"[+~^*]|^-", word):
            out.append(word)
            continue
        word = (words or {}).get(word.lower(), word)
        word = undot(word)                                            # "E.H.C.P." is EHCP
        for p in _split(word, separator):
            p = british(p, vocab, spellings)
            abbreviation = len(p) <= capitals and p.isupper() and p.lower() not in stop or p.lower() in (abbreviations or [])
            if (abbreviation and len(p) >= min_wildcard and fuzz(p, vocab, fuzzy) == p and postings is not None
                    and p.lower() not in postings):
                out.append(p)                      # only the start of a word of the index: "SCERT" is SCERTS
            elif len(p) < min_wildcard or abbreviation and fuzz(p, vocab, fuzzy) == p:
                out.append(f"{p}^1")               # no wildcard: "TA" is not "tailored", "SEN" not "senior"
            elif abbreviation:
                out.append(fuzz(p, vocab, fuzzy))  # an abbreviation the index lacks is a slip ("EHPC": EHCP)
            elif p.lower() in (whole_words or ()):  # a short word of the index: "act" is the Act, not "action"
                out.append(f"{p}^{rare['boost'] if vocab and _rare(p, vocab, postings, rare) else 1}")
            elif vocab and _rare(p, vocab, postings, rare):
                out.append(f"{p}*^{rare['boost']}")   # "Tor View School": Tor says which page
            else:
                out.append(fuzz(p, vocab, fuzzy))
    if definition and (re.search(definition["pattern"], query, re.I)
                       or " ".join(undot(w) for w in query.lower().split()) in (names or ())):   # "SEND" alone
        out.append(f"{definition['word']}^{definition['boost']}")             # "what is X": the glossary's answer first
    return " ".join(out)


class _LunrJsStemmer(PorterStemmer):
    """lunr.js's Porter stemmer, which the search box uses: its step 1c turns a final "y" into "i" only after a
    consonant (/^(.+?[^aeiou])y$/: "deploy" stays, "fly" is "fli"), where lunr's Python port looks for a vowel
    anywhere before it ("deploi", "fly")."""

    def step1c(self):
        if re.fullmatch(r".+?[^aeiou]y", self.b[self.k0:self.k + 1]):
            self.b = self.b[:self.k] + "i" + self.b[self.k + 1:]


_STEMMER = _LunrJsStemmer()


@functools.lru_cache(maxsize=None)
def _stem(word: str) -> str:
    return _STEMMER.stem(word)


def add_forms(docs: list[dict], forms: dict, separator: re.Pattern) -> None:
    """search-worker.js addForms(): each document gets, in a `forms` field, the other words of the index that
    lunr stems as it stems one of its own ("developing": developed, development), so "who developed the
    framework" finds "Developing the framework" though Material's index is not stemmed."""
    own = []
    by_stem: dict[str, set[str]] = {}
    for doc in docs:
        words = {w.lower() for block in _blocks(doc, forms["fields"]) for w in _split(block, separator)
                 if len(w) >= forms["min"] and re.fullmatch(r"[a-z]+", w.lower())}
        own.append(words)
        for word in words:
            by_stem.setdefault(_stem(word), set()).add(word)
    for doc, words in zip(docs, own):
        if extra := {other for word in words for other in by_stem[_stem(word)]} - words:
            doc["forms"] = sorted(extra)


def word_sequences(doc: dict, fields: list[str], separator: re.Pattern, stop_words: list[str]) -> list[list[str]]:
    """search-worker.js sequences(): each field item, and each stretch between HTML tags, as its words lower case,
    stop words left out, stemmed as lunr stems them."""
    return [[_stem(w.lower()) for w in _split(block, separator) if w.lower() not in stop_words]
            for block in _blocks(doc, fields)]


def query_words(prepared: str, definition: dict | None, stop_words: list[str]) -> list[str]:
    """search-worker.js queryWords(): the words of the query as the site's step left it, stemmed; not query
    syntax, stop words or the glossary's word that a definition question adds."""
    added = f"{definition['word']}^{definition['boost']}" if definition else None
    words = []
    for term in prepared.split():
        if term.startswith("-") or term == added:
            continue
        word = re.split(r"[\^~*]", term.lstrip("+"))[0].lower()
        if word and word not in stop_words:
            words.append(_stem(word))
    return words


def titled(title: list[str], words: list[str]) -> bool:
    """search-worker.js titled(): every word of the title is in the query (a query word starts it, as
    Material's wildcard matches): "eight areas" names the page "Areas", "the hive" the case study."""
    return bool(title) and all(any(t.startswith(w) for w in words) for t in title)


def adjacent(pairs: list[tuple[str, str]], sequences: list[list[str]]) -> int:
    """search-worker.js adjacent(): how many of the query's word pairs the document has side by side (each word
    as the start of the document's, as Material's wildcard matches)."""
    return sum(1 for a, b in pairs
               if any(x.startswith(a) and y.startswith(b) for seq in sequences for x, y in zip(seq, seq[1:])))


def transform_search_query(query: str, separator: re.Pattern, fields: list[str]) -> str:
    """transformSearchQuery(): split each lexer term with the index's separator, as the worker does."""
    def split_part(part: str) -> list[str]:
        terms = []
        lexer = QueryLexer(part)
        lexer.run()
        for lexeme in lexer.lexemes:
            if lexeme["type"] == QueryLexer.FIELD and lexeme["string"] not in fields:
                part = part[:lexeme["end"]] + " " + part[lexeme["end"] + 1:]
            elif lexeme["type"] == QueryLexer.TERM:
                start, end = lexeme["start"], lexeme["end"]
                for piece in _split(lexeme["string"], separator):
                    terms.append(part[:start] + piece + part[end:])
        return terms
    return _transform(query, split_part)


def _query_clauses(query: str, fields: list[str]):
    """parseSearchQuery(): the clauses, wildcards stripped from their terms, prohibited ones left out."""
    parsed = QueryParser(query, Query(fields)).parse()
    for clause in parsed.clauses:
        clause.term = clause.term.strip("*")
    return [c for c in parsed.clauses if c.presence != QueryPresence.PROHIBITED]


@dataclass
class Hit:
    location: str
    title: str
    score: float
    found: float = 1.0      # the share of the query's words this result matched


class SiteSearch:
    """The site's search index, loaded the way Material's search worker loads it."""

    def __init__(self, site_dir: Path):
        data = json.loads((Path(site_dir) / "search" / "search_index.json").read_text(encoding="utf-8"))
        config = data["config"]
        if config.get("forms"):                       # the search box's addForms(), before anything reads the docs
            add_forms(data["docs"], config["forms"], re.compile(config["separator"]))
            config["fields"] = dict(config["fields"], forms={"boost": config["forms"]["boost"]})
        self.separator = re.compile(config["separator"])
        self.fields = list(config["fields"])
        self.min_wildcard = config.get("min_wildcard", 0)
        self.whole_words = set(config.get("whole_words", []))
        self.query_words = config.get("query_words", {})
        self.fuzzy = config.get("fuzzy")
        self.definition = config.get("definition")
        self.stop_words = config.get("stop_words")
        self.capitals = config.get("capitals", 0)
        self.abbreviations = config.get("abbreviations")
        self.rare = config.get("rare")
        self.coverage = config.get("coverage", 0)
        self.spellings = config.get("spellings")
        self.proximity = config.get("proximity")        # {"boost": ..., "fields": [...]}
        self._sequences: dict[str, list[list[str]]] = {}
        self.names = (config.get("definition") or {}).get("names")
        self.vocab, self.postings = vocabulary(data["docs"], config["fields"], self.separator) if self.fuzzy else (None, None)
        self.docs = {}
        self.parent = {}
        for doc in data["docs"]:                       # setupSearchDocumentMap(): first entry of a path is the article
            path = doc["location"].split("#")[0]
            if path not in self.docs:
                self.docs[path] = doc
            else:
                self.docs[doc["location"]] = doc
                self.parent[doc["location"]] = path

        builder = Builder()
        builder.b(0)
        builder.ref("location")
        for name, spec in config["fields"].items():
            builder.field(name, boost=spec.get("boost", 1), extractor=lambda d, n=name: d.get(n))
        for name in config["pipeline"]:
            builder.pipeline.add(PIPELINE_FUNCTIONS[name])
            if name == "stemmer":
                builder.search_pipeline.add(stemmer)
        with mock.patch.object(lunr.builder, "Tokenizer", material_tokenizer(self.separator)):
            for doc in data["docs"]:
                builder.add(doc, {"boost": doc["boost"]} if "boost" in doc else None)
        self.index = builder.build()

    def transform(self, query: str) -> str:
        return transform_search_query(self.prepare(query), self.separator, MATERIAL_QUERY_FIELDS)

    def prepare(self, query: str) -> str:
        """The site's step (search-worker.js prepare()), before Material's."""
        return no_short_wildcards(query, self.separator, self.min_wildcard, self.query_words, self.vocab, self.fuzzy,
                                  self.definition, self.stop_words, self.capitals,
                                  self.postings, self.rare, self.abbreviations, self.whole_words,
                                  self.spellings, self.names)

    def sequences(self, location: str) -> list[list[str]]:
        """search-worker.js sequences(): each stretch of the document's words, stemmed, stop words left out."""
        if location not in self._sequences:
            self._sequences[location] = word_sequences(self.docs[location], self.proximity["fields"], self.separator,
                                                       self.stop_words or [])
        return self._sequences[location]

    def title_words(self, location: str) -> list[str]:
        """search-worker.js titleWords(): the document's title as the query's words are compared."""
        return [w for seq in word_sequences({"title": self.docs[location]["title"]}, ["title"], self.separator,
                                            self.stop_words or []) for w in seq]

    def search(self, query: str) -> list[list[Hit]]:
        """Results grouped by page, best page first; within a page, best section first (as the search box shows)."""
        words = query_words(self.prepare(query), self.definition, self.stop_words or []) if self.proximity else []
        pairs = list(zip(words, words[1:]))
        query = self.transform(query)
        if not query:
            return []
        clauses = _query_clauses(query, MATERIAL_QUERY_FIELDS)
        items = []
        for result in self.index.search(query):
            doc = self.docs.get(result["ref"])
            if doc is None:
                continue
            matched = list(result["match_data"].metadata)
            terms, remaining = {}, list(clauses)
            for term in matched:                       # getSearchQueryTerms()
                for clause in list(remaining):
                    if term.startswith(clause.term):
                        terms[clause.term] = True
                        remaining.remove(clause)
            for clause in remaining:
                if stop_word_filter(Token(clause.term)):
                    terms[clause.term] = False
            found = sum(1 for v in terms.values() if v) / len(terms) if terms else 0
            boost = (0 if doc["location"] in self.parent else 1) + found
            score = result["score"] * (1 + boost ** 2)
            if pairs:                                  # the search box's byProximity()
                score *= 1 + self.proximity["boost"] * adjacent(pairs, self.sequences(result["ref"])) / len(pairs)
            if words and titled(self.title_words(result["ref"]), words):
                score *= 1 + self.proximity["title"]
            items.append(Hit(doc["location"], doc["title"], score, found))
        items.sort(key=lambda h: -h.score)
        groups: dict[str, list[Hit]] = {}
        for hit in items:
            groups.setdefault(self.parent.get(hit.location, hit.location), []).append(hit)
        if not self.coverage:
            return list(groups.values())
        # the search box's byCoverage(): pages by their best result's score times the share of words it matched
        return sorted(groups.values(), key=lambda g: -max(h.score * (h.found ** self.coverage if h.found else 0.01)
                                                          for h in g))


def is_hit(group: list[Hit], target: str) -> bool:
    page = group[0].location.split("#")[0]
    if "#" not in target:
        return page == target
    best = group[0].score
    return any(h.location == target for h in group if h.score >= best)


def evaluate(search: SiteSearch, queries: list[dict]) -> list[tuple[dict, int | None, list[list[Hit]]]]:
    """(query entry, rank of the first accepted result or None, the result groups) for every query."""
    outcome = []
    for entry in queries:
        groups = search.search(entry["query"])
        rank = next((i + 1 for i, g in enumerate(groups[:TOP]) if any(is_hit(g, t) for t in entry["accept"])), None)
        outcome.append((entry, rank, groups))
    return outcome


def lands(entry: dict, groups: list[list[Hit]]) -> bool:
    """A query that names one statement lands on it: that statement's page is in the top five and the link
    it shows first goes to the statement."""
    return any(is_hit(g, entry["statement"]) for g in groups[:TOP])


def figures(outcome) -> tuple[int, int, int, int]:
    """(top-five hits, queries, statement landings, statement queries)."""
    named = [(e, groups) for e, _, groups in outcome if e.get("statement")]
    return (sum(1 for _, rank, _ in outcome if rank), len(outcome),
            sum(1 for e, groups in named if lands(e, groups)), len(named))


def report(outcome, name: str = "search") -> str:
    found, total, landed, named = figures(outcome)
    return (f"{name}: {found}/{total} queries ({found / total:.1%}) have an accepted result in the top {TOP}; "
            f"{landed}/{named} statement queries ({landed / max(named, 1):.1%}) land on the statement")


# --- tests -------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site_search(site_dir) -> SiteSearch:
    return SiteSearch(site_dir)


def test_every_accepted_target_exists(site_search):
    search = site_search
    missing = [(q["query"], t) for path in (QUERIES, HELD_OUT, TUNING2, TUNING3, TUNING4, TUNING5, TUNING6, TUNING7,
                                            FRESH, FRESH2, FRESH3, FRESH4, FRESH5, FRESH6, FRESH7)
               for q in load_queries(path)
               for t in q["accept"] if t not in search.docs]
    assert not missing, f"targets not in the search index: {missing}"


def test_statement_sections_are_indexed_at_their_anchors(site_search):
    search = site_search
    statements = [loc for loc in search.docs if re.search(r"^areas/[^/]+/#statement-\d+-\d+$", loc)]
    assert len(statements) == 43


def test_search_words_are_keyed_by_things_that_exist(site_search):
    """A maintainer's typo in a key of SUBJECT_WORDS, TERM_WORDS or TOOL_WORDS (macros/search_index.py) would drop
    its words silently: each key must name a statement label, a glossary term or a page of the built site."""
    from macros.load import load_framework
    from macros.search_index import SUBJECT_WORDS, TERM_WORDS, TOOL_WORDS
    from conftest import ROOT
    fw = load_framework(ROOT / "data" / "framework.yaml")
    labels = {f"{a.number}.{s.number}" for a in fw.areas for s in a.statements}
    terms = {g.term for g in fw.glossary}
    assert set(SUBJECT_WORDS) <= labels, set(SUBJECT_WORDS) - labels
    assert set(TERM_WORDS) <= terms, set(TERM_WORDS) - terms
    assert set(TOOL_WORDS) <= set(site_search.docs), set(TOOL_WORDS) - set(site_search.docs)


def test_staff_phrases_name_real_statements_and_reach_the_index(site_search):
    """A maintainer's typo in a label (macros/staff_phrases.py) must not drop a statement's phrases silently."""
    from macros.staff_phrases import STAFF_PHRASES
    from macros.search_index import FIELDS
    labels = {m.group(1) + "." + m.group(2): loc for loc in site_search.docs
              if (m := re.search(r"#statement-(\d+)-(\d+)$", loc))}
    assert set(STAFF_PHRASES) == set(labels), set(STAFF_PHRASES) ^ set(labels)
    for label, loc in labels.items():
        indexed = site_search.docs[loc].get("phrases", []) + site_search.docs[loc]["keys"]
        assert {p.lower() for p in STAFF_PHRASES[label]} <= {k.lower() for k in indexed}, label
    # the looser phrases weigh least, so a statement's own words and key terms still rank it first
    assert FIELDS["phrases"]["boost"] == min(spec["boost"] for spec in FIELDS.values())
    doc = site_search.docs[labels["7.3"]]
    assert "velcro effect" in doc["phrases"] and "velcro" not in doc["text"].lower()


def test_workbook_pages_are_found_by_what_they_say(site_search, soup):
    """The self-evaluation and the audit form are out of Material's index (their forms repeat every statement);
    each is one document carrying the page's own prose: its lede, what works without JavaScript, where work is
    kept. So "where is my work saved" finds the page that says so; no statement's text comes with it."""
    page = soup("self-evaluation/index.html")
    privacy = " ".join(page.select_one(".wb-privacy p").get_text(" ").split())
    doc = site_search.docs["self-evaluation/"]
    text = " ".join(re.sub(r"<[^>]+>", " ", doc["text"]).split())
    assert privacy.replace(" ,", ",") in text.replace(" ,", ",")
    assert "Evidence of current practice" not in text and "Leaders use deep understanding" not in text
    assert "lede" in str(soup("audit-form/index.html").select_one("article > p.lede")["class"])
    assert "meeting around a table" in site_search.docs["audit-form/"]["text"]
    top = [g[0].location for g in site_search.search("is my work saved on a server")[:TOP]]
    assert "self-evaluation/" in top, top
    # its buttons' names are what people call what it does ("print report"), Material's "Back to top" is not
    buttons = {" ".join(b.get_text(" ").split()) for b in page.select("article button")} - {""}
    assert buttons and all(b in text for b in buttons), (buttons, text)
    assert "Back to top" not in text
    top = [g[0].location for g in site_search.search("print report")[:TOP]]
    assert "self-evaluation/" in top, top


# Floors: what each tuning set reached when the ranking was last changed (issue 15's goal is REQUIRED_SHARE top
# five and REQUIRED_LANDINGS statement landings on queries written independently of the ranking; the lead
# measures the fresh set, tests/search_queries_fresh.yaml, which nobody tuning may open).
FLOORS = {QUERIES: (0.98, 0.98), HELD_OUT: (0.99, 0.99), TUNING2: (0.95, 0.97), TUNING3: (0.95, 0.86),
          TUNING4: (0.98, 0.98), TUNING5: (0.95, 0.96), TUNING6: (0.97, 0.98), TUNING7: (0.96, 0.97)}


def test_staff_queries_find_the_right_page(site_search, capsys):
    """Each tuning set keeps its floor; the figures are printed."""
    outcomes = {path: evaluate(site_search, load_queries(path)) for path in FLOORS}
    with capsys.disabled():                            # the figures are printed even when pytest captures output
        print("\n" + "\n".join(report(outcome, path.stem) for path, outcome in outcomes.items()))
    for path, (share, landings) in FLOORS.items():
        found, total, landed, named = figures(outcomes[path])
        assert found / total >= share and landed / named >= landings, report(outcomes[path], path.stem)


# The held-out sets: tests/search_queries_fresh.yaml (written on 2026-11-24, before the last five tuning rounds),
# tests/search_queries_fresh2.yaml (written with tuning4, before that round's ranking changes) and
# tests/search_queries_fresh3.yaml (written with tuning5, before that round's), tests/search_queries_fresh4.yaml
# (written after them), tests/search_queries_fresh5.yaml (written with tuning6, before its changes) and
# tests/search_queries_fresh6.yaml (written with tuning7, before the sixth round's changes) and
# tests/search_queries_fresh7.yaml (written after them), each by someone who had not seen the ranking; nobody
# tuning has opened fresh or fresh3 to fresh7 (part of fresh2 was once printed by mistake, 2026-12-06).
# Their figures are the honest measure of issue 15's goal. Only totals are ever printed (a failing assert shows
# the figures, never the queries), so they stay held out. Floors: top five and landings when the ranking was last
# changed (2026-12-06, sixth round).
HELD_OUT_FLOORS = {FRESH: (0.91, 0.93),      # 248/271 top five, 94/101 landings
                   FRESH2: (0.96, 0.94),     # 269/279 top five, 104/110 landings
                   FRESH3: (0.95, 0.94),     # 325/341 top five, 119/126 landings
                   FRESH4: (0.95, 0.96),     # 319/334 top five, 125/129 landings
                   FRESH5: (0.93, 0.95),     # 289/310 top five, 109/114 landings
                   FRESH6: (0.97, 0.94),     # 314/323 top five, 114/120 landings
                   FRESH7: (0.97, 0.98)}     # 316/324 top five, 115/117 landings


@pytest.mark.parametrize("path", list(HELD_OUT_FLOORS), ids=lambda p: p.stem)
def test_held_out_set_keeps_its_floor(site_search, capsys, path):
    found, total, landed, named = figures(evaluate(site_search, load_queries(path)))
    line = (f"held-out {path.stem}: {found}/{total} ({found / total:.1%}) top five; "
            f"{landed}/{named} ({landed / named:.1%}) land")
    with capsys.disabled():
        print("\n" + line)
    floor = HELD_OUT_FLOORS[path]
    assert found / total >= floor[0] and landed / named >= floor[1], line


@pytest.mark.xfail(reason="issue 15's goal: 95% top five and 90% landings on each held-out set; landings are met "
                          "on all seven, top five on fresh2, fresh3, fresh4, fresh6 and fresh7 (96.4%, 95.3%, 95.5%, "
                          "97.2%, 97.5%; 95.3% over all seven) but not on fresh (91.5%) or fresh5 (93.2%) when the "
                          "ranking was last changed",
                   strict=False)
@pytest.mark.parametrize("path", list(HELD_OUT_FLOORS), ids=lambda p: p.stem)
def test_held_out_set_reaches_the_goal(site_search, path):
    found, total, landed, named = figures(evaluate(site_search, load_queries(path)))
    assert found / total >= REQUIRED_SHARE and landed / named >= REQUIRED_LANDINGS, "below the goal (totals only)"


def test_query_rewrites(site_search):
    """The search box's step before Material's: stop words go (not the only word, not in capitals), a
    definition question asks the glossary, capitals mark an abbreviation, a rare word weighs more, an unknown
    word loses an ending or gets an edit distance."""
    t = site_search.transform
    assert t("training for teaching assistants") == "training* teaching* assistant*"
    assert t("what is adaptive teaching") == "adaptive* teaching* definition^10"
    assert t("what does APDR stand for") == "APDR^1 definition^10"
    assert t("define dysregulation") == "dysregulation* definition^10"
    assert t("ARE") == "ARE* definition^10"          # a stop word, so not in the index as itself; a term's name
    assert t("SEND") == "SEND^1 definition^10" and t("ehcp") == "ehcp^1 definition^10"   # a term alone: its entry
    # American spellings, to the British the index has
    assert t("modeling") == "modelling*" and t("prioritize") == "prioritise*" and t("center") == "centre*"
    assert t("pediatrician") == "paediatrician*^10" and t("analyze data") == "analyse*^10 data*"
    assert "filled" not in t("filed") and "feelling" not in t("feeling")     # not American: not rewritten
    assert t("E.H.C.P. plan") == "EHCP^1 plan*" and t("s.e.n.c.o") == "senco^1 definition^10"   # typed with dots
    assert t("S.E.N.D.") == "SEND^1 definition^10"              # ... and alone: a question about the term
    assert t("SCERT") == "SCERT*" and t("KS") == "KS^1"        # capitals that only start a word: its wildcard,
    assert t("SEN") == "SEN^1 definition^10"                   # but not under three letters nor for a whole word
    assert t("SEN support") == "SEN^1 support*" and t("sen support") == "sen^1 support*"
    assert t("passport") == "passport*" and t("mat") == "mat*"
    assert t("scafolding") == "scafolding~2" and t("behavour") == "behavour~2" and t("ehpc") == "ehpc~1"
    assert t("EHPC") == "EHPC~1" and t("EHCP support") == "EHCP^1 support*"   # capitals the index lacks: a slip
    assert t("modeled pupils") == "model* pupil*"
    assert t("Tor View School") == "Tor^10 View* School*"     # only the about page names Tor View
    assert t("the") == "the*"


def test_synonyms_reach_every_document_that_uses_a_word_of_their_group(site_search):
    """A property over the whole index and every SYNONYMS group (macros/synonyms.py): a document with one member
    of a group, as whole words, is found by all of them; one with none gets none of them. A maintainer's group of
    one word, or a word in two groups (which would join them), is refused."""
    from macros.synonyms import SYNONYMS
    words = lambda text: " " + " ".join(w.lower() for w in _split(re.sub(r"<[^>]*>", " ", text),
                                                                   site_search.separator)) + " "
    members = [words(m) for group in SYNONYMS for m in group]
    assert all(len(group) >= 2 for group in SYNONYMS) and all(m.strip() for m in members)
    assert len(members) == len(set(members)), sorted(m for m in members if members.count(m) > 1)
    checked = 0
    for doc in site_search.docs.values():
        own = words(" ".join(str(x) for name in ("title", "text", "tags", "keys")
                             for x in (doc.get(name) if isinstance(doc.get(name), list) else [doc.get(name) or ""])))
        added = words(" ".join(doc.get("synonyms", [])))
        for group in SYNONYMS:
            forms = [words(m) for m in group]
            if any(f in own for f in forms):
                checked += 1
                assert all(f in own or f.strip() in added for f in forms), (doc["location"], group)
            else:
                assert not any(f.strip() and f in added for f in forms), (doc["location"], group)
    assert checked > 200


def test_a_word_finds_pages_that_use_another_of_its_group(site_search):
    """"autistic" finds a case study that says "autism"; "PDA" finds the section that says "demand avoidance";
    "looked after" pages are found by "LAC"."""
    for query, target, absent in [("autistic", "case-studies/foundations-for-focus/", "autistic"),
                                  ("PDA", "knowledge/scaling-across-a-trust/", "pda")]:
        top = [g[0].location.split("#")[0] for g in site_search.search(query)[:TOP]]
        assert target in top, (query, top)
        assert absent not in re.sub(r"<[^>]*>", " ", site_search.docs[target]["text"]).lower().split()
    lac = {g[0].location for g in site_search.search("LAC")}
    assert lac and all("looked after" in re.sub(r"<[^>]*>", " ", site_search.docs[loc]["text"] + " ".join(
        site_search.docs[loc].get("keys", []))).lower().replace("-", " ") for loc in lac), lac


def test_a_hyphenated_word_is_found_written_solid(site_search):
    """A property over the index: every document with a hyphenated word ("self-regulation") is found by it written
    solid ("selfregulation"), as people type it; and such a query finds pages that say it with the hyphen."""
    for loc, doc in site_search.docs.items():
        text = " ".join(str(x) for name in ("title", "text", "tags", "keys")
                        for x in (doc.get(name) if isinstance(doc.get(name), list) else [doc.get(name) or ""]))
        solid = {w for a, b in re.findall(r"\b([A-Za-z]{2,})-([A-Za-z]{2,})\b", text)
                 for w in _split((a + b).lower(), site_search.separator)}
        have = {w.lower() for w in _split(re.sub(r"<[^>]*>", " ", text + " " + " ".join(doc.get("synonyms", []))),
                                          site_search.separator)}
        assert solid <= have, (loc, solid - have)
    top = [g[0].location.split("#")[0] for g in site_search.search("selfregulation")[:TOP]]
    said = lambda p: (site_search.docs[p]["text"] + " " + " ".join(site_search.docs[p].get("keys", []))).lower()
    assert top and all("self-regulation" in said(p) for p in top), top


def test_pages_come_in_order_of_how_much_of_the_query_they_match(site_search):
    """A property over every tuning query: each page's weight (its best result's score times the share of the
    query's words it matched) is never above the weight of a page before it, as the search box orders them."""
    assert site_search.coverage
    weight = lambda g: max(h.score * (h.found ** site_search.coverage if h.found else 0.01) for h in g)
    for path in FLOORS:
        for entry in load_queries(path):
            weights = [weight(g) for g in site_search.search(entry["query"])]
            assert weights == sorted(weights, reverse=True), entry["query"]
    top = [g[0].location for g in site_search.search("statement ids")[:TOP]]
    assert top[0].startswith("downloads/"), top   # Material's order put five statements that say "statement" first


def test_words_side_by_side_pick_the_statement(site_search):
    """Staff type a phrase ("over identification", "success criteria"): the statement that has those words side
    by side comes before its neighbours that only have them apart (config.proximity). Without that weight, none
    of these tuning queries lands on its statement."""
    cases = {"over identification of SEND": "areas/assessment-and-identification/#statement-5-3",
             "setting success criteria before an intervention starts":
                 "areas/monitoring-tracking-and-evaluation/#statement-6-5",
             "TA professional review meetings": "areas/efficient-use-of-resources/#statement-7-2"}
    assert site_search.proximity["boost"] > 0
    for query, statement in cases.items():
        assert lands({"statement": statement}, site_search.search(query)), query
    plain = copy.copy(site_search)
    plain.proximity = None
    assert not any(lands({"statement": st}, plain.search(q)) for q, st in cases.items())


def test_a_query_that_names_a_page_finds_it(site_search):
    """A query that has every word of a page's title ("eight areas": the page "Areas"; "SEMH case study
    examples": "Case studies") finds that page, though its words are common ones that many pages weigh more
    for (config.proximity["title"]). Without that weight, neither does."""
    cases = {"eight areas": "areas/", "SEMH case study examples": "case-studies/"}
    assert site_search.proximity["title"] > 0
    for query, page in cases.items():
        assert page in [g[0].location for g in site_search.search(query)[:TOP]], query
    plain = copy.copy(site_search)
    plain.proximity = dict(site_search.proximity, title=0)
    assert not any(page in [g[0].location for g in plain.search(q)[:TOP]] for q, page in cases.items())


def test_a_word_finds_the_other_forms_of_itself(site_search, site_dir):
    """Material's index is not stemmed; the search box gives each document the other forms of its words
    (config.forms). A property over the whole index: every word a document gains shares a stem with one of the
    document's own, and is a word of some other document. And staff who type one form ("raising a concern",
    "independence targets") reach the statement that uses another ("raise", "target setting"): without the forms,
    neither does."""
    assert site_search.vocab and site_search.proximity
    raw = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not any("forms" in doc for doc in raw)                 # made in the browser: the download does not grow
    separator, checked = site_search.separator, 0
    for loc, doc in site_search.docs.items():
        own = {w.lower() for name in ("title", "text", "keys", "phrases", "tags")
               for item in (doc.get(name) if isinstance(doc.get(name), list) else [doc.get(name) or ""])
               for w in _split(re.sub(r"<[^>]*>", " ", str(item)), separator)}
        for form in doc.get("forms", []):
            assert form not in own and any(_stem(form) == _stem(w) for w in own), (loc, form)
            checked += 1
    assert checked > 1000
    cases = {"raising a SEND concern": "areas/assessment-and-identification/#statement-5-1",
             "independence targets": "areas/monitoring-tracking-and-evaluation/#statement-6-3"}
    for query, statement in cases.items():
        assert lands({"statement": statement}, site_search.search(query)), query
    plain = _search_without_forms(site_dir)
    assert not any(lands({"statement": st}, plain.search(q)) for q, st in cases.items())


def _search_without_forms(site_dir: Path) -> SiteSearch:
    """The site's search as it would be without config.forms (for a test that must see the difference)."""
    data = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    data["config"].pop("forms")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "search").mkdir()
        (Path(tmp) / "search" / "search_index.json").write_text(json.dumps(data), encoding="utf-8")
        return SiteSearch(Path(tmp))


def test_a_page_leads_with_its_best_section(site_search):
    """A property over every tuning query: within each page's result the sections come best first, so the link a
    person sees first (and the threshold Material shows sections by) is the best match, after the proximity
    weight has changed the scores."""
    for path in FLOORS:
        for entry in load_queries(path):
            for group in site_search.search(entry["query"]):
                scores = [h.score for h in group]
                assert scores == sorted(scores, reverse=True), (entry["query"], group[0].location)


def test_misspellings_find_the_word_meant(site_search):
    for query, target in [("scafolding", "glossary/#term-scaffolding"), ("govenors", "glossary/#term-governors"),
                          ("behavour", "areas/assessment-and-identification/#statement-5-4")]:
        groups = site_search.search(query)[:TOP]
        assert any(is_hit(g, target) for g in groups), (query, [g[0].location for g in groups])


def misspell(query: str, rng: random.Random) -> str | None:
    """The query with one slip in its longest word (two letters swapped, one dropped, doubled or changed)."""
    word = max(query.split(), key=len)
    if len(word) < 6 or not word.isalpha() or word.isupper():
        return None
    i, slip = rng.randrange(1, len(word) - 2), rng.choice(["swap", "drop", "double", "change"])
    typo = {"swap": word[:i] + word[i + 1] + word[i] + word[i + 2:], "drop": word[:i] + word[i + 1:],
            "double": word[:i] + word[i] + word[i:], "change": word[:i] + rng.choice("aeiou") + word[i + 1:]}[slip]
    return query.replace(word, typo, 1)


def test_misspelt_queries_find_nearly_as_well(site_search):
    """Every tuning query with a slip in its longest word: nearly as many find an accepted page (fuzziness;
    608 of 649 find, against 617 spelt right; 508 without the box's word list)."""
    rng, typed = random.Random(3), []
    for entry in load_queries(QUERIES) + load_queries(HELD_OUT) + load_queries(TUNING2):
        query = misspell(entry["query"], rng)
        if query:
            typed.append(dict(entry, query=query))
    found, total, _, _ = figures(evaluate(site_search, typed))
    assert found / total >= 0.9, f"{found}/{total}"


def test_queries_typed_in_lower_case_find_as_well(site_search):
    """Every tuning query with a capital, typed all in lower case ("sen support", "ehcp"), finds nearly as
    often as written: 404 of 435 find, against 405 as written."""
    queries = [entry for path in FLOORS for entry in load_queries(path) if entry["query"] != entry["query"].lower()]
    written, total, _, _ = figures(evaluate(site_search, queries))
    found, _, _, _ = figures(evaluate(site_search, [dict(e, query=e["query"].lower()) for e in queries]))
    assert found >= written - total // 100, f"{found}/{total} in lower case, {written} as written"


def test_definition_questions_bring_the_glossary_first(site_search):
    for query, target in [("what is adaptive teaching", "glossary/#term-adaptive-teaching"),
                          ("what does APDR mean", "glossary/#term-apdr")]:
        assert is_hit(site_search.search(query)[0], target), query


def test_what_a_tier_looks_like_brings_its_section_on_the_tiers_page(site_search):
    from macros.load import load_framework
    fw = load_framework(Path(__file__).resolve().parent.parent / "data" / "framework.yaml")
    for tier in fw.tiers:
        for query in (f"what does {tier.name} look like", f"what is {tier.name.lower()}"):
            assert is_hit(site_search.search(query)[0], f"tiers/#{tier.id}"), query


def test_each_download_is_found_by_its_file_name(site_search):
    """Staff copy a file's name from an email or a slide ("statements.csv"): it finds the page that offers it."""
    from macros.downloads import all_downloads
    from macros.load import load_framework
    fw = load_framework(Path(__file__).resolve().parent.parent / "data" / "framework.yaml")
    for name in all_downloads(fw):
        top = [g[0].location for g in site_search.search(name)[:TOP]]
        assert "downloads/" in top, (name, top)


def test_the_glossary_is_found_by_what_people_call_it(site_search):
    for query in ["acronyms", "jargon buster", "SEND terminology"]:
        top = [g[0].location.split("#")[0] for g in site_search.search(query)[:3]]
        assert "glossary/" in top, (query, top)


def test_short_terms_get_no_wildcard(site_search):
    """"TA" finds teaching assistants, not every word that starts with "ta" (tailored, targeted); a three-letter
    word of the index is taken whole ("act" is the Act, not "action"), one that is not keeps the wildcard, as
    someone is still typing it ("beh" on the way to "behaviour")."""
    assert site_search.transform("TA deployment") == "TA^1 deployment*"
    assert site_search.transform("Equality Act") == "Equality* Act^1 definition^10"   # also a term's name
    assert site_search.transform("beh") == "beh*"
    assert site_search.transform("Tor") == "Tor^10"          # whole, and rare: only the about page names it
    top = [g[0].location for g in site_search.search("Children and Families Act")[:TOP]]
    assert "action-plan/" not in top, top
    top = [g[0].location for g in site_search.search("TA")[:TOP]]
    assert not any(loc.startswith(("case-studies/growing-futures", "case-studies/foundations-for-focus")) for loc in top), top


def test_site_pages_stay_out_of_topic_results(site_search):
    for query in ["transition", "parents", "assessment", "SEND", "governors", "case study"]:
        top = [g[0].location for g in site_search.search(query)[:TOP]]
        assert not {"", "downloads/", "maintainers/"} & set(top), (query, top)


def test_statement_results_show_number_and_area(site_search):
    doc = site_search.docs["areas/leadership-of-send/#statement-2-7"]
    assert doc["title"] == "Statement 2.7 · Area 2: Leadership of SEND"


def test_case_study_results_show_their_areas(site_search):
    doc = site_search.docs["case-studies/warm-transitions/"]
    assert re.match(r"(Featured in|Linked to) Area \d$", doc["tags"][0]), doc["tags"]


def test_glossary_has_a_heading_per_term(soup):
    from macros.load import load_framework
    from conftest import ROOT
    page = soup("glossary/index.html")
    for entry in load_framework(ROOT / "data" / "framework.yaml").glossary:
        heading = page.find(id=entry.anchor)
        assert heading is not None and heading.name == "h2", entry.term
        assert heading.get_text(" ", strip=True).startswith(entry.term)
        if entry.expansion:
            assert entry.expansion in heading.get_text(" ", strip=True)


def test_key_terms_lines_link_to_the_glossary(soup):
    area = soup("areas/quality-of-teaching-and-learning/index.html")
    line = area.find(id="statement-3-4").find_next("p", class_="key-terms")
    assert line.find_previous("h2")["id"] == "statement-3-4"
    assert "../../glossary/#term-ta" in [a["href"] for a in line.find_all("a")]
    assert "(Teaching assistant)" in line.get_text(" ", strip=True)
    hive = soup("case-studies/the-hive/index.html").select_one("article p.key-terms")
    assert "../../glossary/#term-semh" in [a["href"] for a in hive.find_all("a")]
    assert "(Social, emotional and mental health)" in hive.get_text(" ", strip=True)


def test_copies_stay_out_of_the_search_index(site_search):
    """Each case study is found on its own page, not in the area pages' or the index's copies of it."""
    copies = [loc for loc in site_search.docs
              if re.match(r"areas/[^#]+#(case-study-|also-linked)", loc) or loc.startswith("case-studies/#")]
    assert copies == []


# What Material's own transformSearchQuery() (run in Node with lunr 2.3.9) makes of these queries, with
# Material's default separator and with this site's.
TRANSFORMS = {
    r"[\s\-]+": {
        "regulat": "regulat*",
        "  sensory passports ": "sensory* passports*",
        '"warm transition"': "+warm +transition",
        "co-production with parents": "co-production* co-production* with* parents*",
        "(SEMH)": "(SEMH)*",
        "1:1": "1 1*",
    },
    "site": {
        "transitions": "transition*",
        "TAs": "TA*",
        "(SEMH)": "SEMH*",
        "EEF's 5-a-day": "EEF* 5-a-day* 5-a-day* 5-a-day*",
        "drop-ins": "drop-ins* drop-in*",
        "co-production with parents": "co-production* co-production* with* parent*",
    },
}


def test_whole_words_leave_out_what_lunr_drops():
    """A word lunr's stop-word filter drops is not in the index, so it is never taken whole: "all" stays "all*"
    (taken whole, "all about me" would find nothing)."""
    import lunr.stop_word_filter
    from macros.search_index import LUNR_STOP_WORDS
    assert LUNR_STOP_WORDS == set(lunr.stop_word_filter.WORDS)


def test_query_transformation_matches_material(site_search):
    fields = ["title", "text", "tags"]
    for separator, cases in TRANSFORMS.items():
        sep = site_search.separator if separator == "site" else re.compile(separator)
        for query, expected in cases.items():
            assert transform_search_query(query, sep, fields) == expected, (separator, query)


def test_site_separator_matches_plurals_and_punctuation(site_search):
    sep = site_search.separator
    assert _split("(SEMH), pupils\u2019 KS1\u2013KS2 transitions 2.3.", sep) == ["SEMH", "pupil", "KS1", "KS2", "transition", "2.3"]


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    files = [Path(f) for f in sys.argv[2:]] or [QUERIES]     # never pass the fresh file while tuning
    outcome = [o for f in files for o in evaluate(SiteSearch(site), load_queries(f))]
    for entry, rank, groups in outcome:
        mark = (f"#{rank}" if rank else "MISS") + ("" if not entry.get("statement") or lands(entry, groups) else "!")
        print(f"{mark:5} {entry['query']!r:40} -> " + ", ".join(
            g[0].location.replace("case-studies/", "cs/").replace("areas/", "a/") for g in groups[:TOP]))
    print(report(outcome))
