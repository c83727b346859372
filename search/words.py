"""data/search.yaml: the search box's words beside the framework's text, read and checked like the framework.

parse.py reads the YAML with the line of every key; the small pydantic model below declares its shape
(strict, unknown keys refused); every id must name a statement, glossary term or page that exists. A problem
stops the build with `data/search.yaml:LINE: what is wrong`, as for data/framework.yaml.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from framework.messages import checked_file, line_of
from framework.model import Framework
from framework.parse import FrameworkError, parse_yaml, shown_path

Words = list[str]


class SearchWords(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    statements: dict[str, Words] = Field(default_factory=dict)
    glossary: dict[str, Words] = Field(default_factory=dict)
    pages: dict[str, Words] = Field(default_factory=dict)
    synonyms: list[Words] = Field(default_factory=list)
    narrower: dict[str, Words] = Field(default_factory=dict)


def page_ids(fw: Framework, docs_dir: Path) -> set[str]:
    """Every page's path as search.yaml names it: "home", "about", "knowledge/sharing-expertise"..."""
    ids = {p.relative_to(docs_dir).with_suffix("").as_posix().removesuffix("/index").removesuffix("index")
           for p in docs_dir.rglob("*.md")}
    ids |= {p.page.removesuffix(".md").removesuffix("/index") for p in [*fw.areas, *fw.case_studies, *fw.knowledge_pages]}
    return {i or "home" for i in ids}


def load_search_words(path: Path, fw: Framework, docs_dir: Path) -> SearchWords:
    shown, tree = shown_path(path), parse_yaml(path)
    words = checked_file(SearchWords, path, tree)
    # a statement renamed since (renamed_from:) keeps its words under its earlier id until someone moves them;
    # a retired one's words are simply unused, so cutting an edition needs no edit here
    retired = {r.id for r in fw.retired if r.kind == "statement"}
    known = {"statements": {i for a in fw.areas for s in a.statements for i in [s.id, *s.renamed_from]} | retired,
             "glossary": {g.anchor.removeprefix("term-") for g in fw.glossary},
             "pages": page_ids(fw, docs_dir)}
    problems = []
    for section, ids in known.items():
        for key in getattr(words, section):
            if key not in ids:
                problems.append((line_of(tree, (section, key)), f"{section} › {key}: no {section[:-1]} has this id: "
                                 f"use the id from data/framework.yaml (or the page's path)"))
        for key, items in getattr(words, section).items():
            for n, item in enumerate(items):
                if not item.strip():
                    problems.append((line_of(tree, (section, key, n)), f"{section} › {key}: an empty keyword"))
    seen: dict[str, int] = {}
    for n, group in enumerate(words.synonyms):
        for word in group:
            low = word.lower()
            if low in seen and seen[low] != n:
                problems.append((line_of(tree, ("synonyms", n)), f"synonyms: '{word}' is in two groups: keep it in one"))
            seen[low] = n
    for key, items in words.narrower.items():
        if not key.strip() or not all(item.strip() for item in items):
            problems.append((line_of(tree, ("narrower", key)), f"narrower › {key}: an empty word"))
    if problems:
        raise FrameworkError("\n".join(f"{shown}:{line}: {m}" for line, m in sorted(problems)))
    return words
