"""data/search.yaml: the search box's words, keyed by id, checked like the framework, never a query's answer."""
import re
from pathlib import Path

import pytest
import yaml

from framework.load import load_framework
from framework.parse import FrameworkError
from search.words import load_search_words

ROOT = Path(__file__).resolve().parent.parent
WORDS = ROOT / "data" / "search.yaml"


@pytest.fixture(scope="module")
def fw():
    return load_framework(ROOT / "data" / "framework.yaml")


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def test_no_keyword_is_a_query_of_any_query_set(fw):
    """A keyword is a term staff use for the subject, not the answer to a query someone typed. Every query set
    counts, held out or not; the message names where the keyword is, not the query (held-out sets stay unread).
    Synonym groups are not keywords of a page: they say two words mean the same ("autism", "ASD"), and a query
    may well be one of them."""
    queries = {_normal(q["query"]) for path in ROOT.glob("tests/search_queries*.yaml")
               for q in yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]}
    words = load_search_words(WORDS, fw, ROOT / "docs")
    found = [f"{section} › {key}, keyword {n + 1}" for section in ("statements", "glossary", "pages")
             for key, items in getattr(words, section).items() for n, item in enumerate(items)
             if _normal(item) in queries]
    assert found == [], f"{len(found)} keywords equal a query: " + "; ".join(found)


def _load(tmp_path, fw, text):
    path = tmp_path / "search.yaml"
    path.write_text(text, encoding="utf-8")
    return load_search_words(path, fw, ROOT / "docs")


def test_an_unknown_id_is_refused_with_its_line(tmp_path, fw):
    with pytest.raises(FrameworkError, match=r"search\.yaml:3: statements › statement-9-9: no statement has this id"):
        _load(tmp_path, fw, "statements:\n  statement-1-1: [needs analysis]\n  statement-9-9: [x]\n")


def test_a_label_is_not_an_id(tmp_path, fw):
    with pytest.raises(FrameworkError, match="no statement has this id"):
        _load(tmp_path, fw, "statements:\n  '2.7': [SENCO time]\n")


def test_an_unknown_key_or_a_word_in_two_groups_is_refused(tmp_path, fw):
    with pytest.raises(FrameworkError, match=r"search\.yaml:1: .*keywords"):
        _load(tmp_path, fw, "keywords: {}\n")
    with pytest.raises(FrameworkError, match="'ASD' is in two groups"):
        _load(tmp_path, fw, "synonyms:\n  - [autism, ASD]\n  - [ASD, autistic spectrum]\n")
    with pytest.raises(FrameworkError, match=r"search\.yaml:2: .*text"):
        _load(tmp_path, fw, "pages:\n  glossary: [3]\n")


def test_the_real_words_load(fw):
    words = load_search_words(WORDS, fw, ROOT / "docs")
    assert words.statements and words.synonyms
    assert all(re.fullmatch(r"statement-\d+-\d+", key) for key in words.statements)


def test_a_renamed_statement_keeps_its_words_under_its_earlier_id(tmp_path, fw):
    from search.documents import documents
    statement = fw.areas[0].statements[0]
    statement.renamed_from, before = ["an-earlier-id"], statement.renamed_from
    try:
        words = _load(tmp_path, fw, "statements:\n  an-earlier-id: [needs analysis]\n")
        doc = next(d for d in documents(fw, words, ROOT / "docs") if d["url"].endswith("#" + statement.id))
    finally:
        statement.renamed_from = before
    assert "needs analysis" in doc["keys"]


def test_words_that_would_find_nothing_are_named_with_their_line(tmp_path, fw):
    """A narrower: key must be a word the site's text uses, and a synonyms: group must have a word some page (or
    some narrower word) uses, or they would find nothing."""
    from search.documents import documents, unused_words
    text = ("synonyms:\n  - [autism, ASD]\n  - [zebra, pelican crossing]\n"
            "narrower:\n  cognition and learning: [MLD]\n  zebra crossings: [puffin]\n")
    words = _load(tmp_path, fw, text)
    found = unused_words(words, documents(fw, words, ROOT / "docs"), tmp_path / "search.yaml")
    assert [f.split("search.yaml:")[1] for f in found] == [
        "6: narrower › zebra crossings: no page uses 'zebra crossings': name a word the framework or a page uses",
        "3: synonyms: no page uses any of 'zebra, pelican crossing': put one of them under narrower:"]
    with pytest.raises(FrameworkError, match=r"search\.yaml:2: narrower › x: an empty word"):
        _load(tmp_path, fw, "narrower:\n  x: ['  ']\n")


def test_every_word_of_the_real_file_finds_something(fw):
    """The build goes on with a word that finds nothing (an edition may retire the page that used it); this test
    names it, so a maintainer moves or deletes it."""
    from search.documents import documents, unused_words
    words = load_search_words(WORDS, fw, ROOT / "docs")
    assert unused_words(words, documents(fw, words, ROOT / "docs"), WORDS) == []
