"""The search box's documents, made from the model beside the pages and downloads (search/documents.json).

One document per practice statement (its text, its descriptors at every tier, its key terms, its area, and the
staff words of data/search.yaml), per case study (overview, themes, key terms, artefacts, the areas that list
it), per glossary term (its names and meaning) and per section of every other page (from the page's Markdown,
with its blocks rendered as the page renders them). The browser ranks them (docs/assets/modules/search.mjs); nothing
here reads the built HTML.
"""
from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

import jinja2
from markdown.extensions.toc import slugify

from framework.key_terms import for_case_study, for_statement
from framework.model import Framework, GlossaryEntry
from rendering.pages import knowledge_page, partial
from framework.messages import line_of
from framework.parse import parse_yaml, shown_path
from .words import SearchWords, load_search_words

# Pages whose blocks list other pages (every case study, every term, every statement): their documents keep
# the page's own words only, so "autism" finds the case studies, not the list of them.
LIST_PAGES = {"index.md", "glossary.md", "case-studies/index.md", "areas/index.md", "knowledge/index.md",
              "maintainers.md"}
# Tools whose form repeats every statement: their documents are the page's words before the form (what the
# tool does, where work is kept, its buttons' names), not the form.
TOOL_PAGES = {"self-evaluation.md", "audit-form.md"}
HEADING = re.compile(r"^(#{1,3})\s+(.+?)\s*(?:\{\s*#([\w-]+)[^}]*\})?\s*$|^<h([1-3]) id=\"([\w-]+)\"[^>]*>(.*?)</h\4>$")


def _plain(markdown: str) -> str:
    """Markdown and HTML as the words a reader sees."""
    text = re.sub(r"<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->", " ", markdown, flags=re.S)
    text = re.sub(r"\{[:.#][^}]*\}|\{\s*[.#][^}]*\}", " ", text)            # attribute lists
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)                   # links and images: their words
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"^\s*(?:[*+-]|\d+\.|>|\|)\s*|[*_`|]+|-{3,}|^\*?\[[^\]]*\]:.*$", " ", text, flags=re.M)
    return " ".join(html.unescape(text).split())


def _inline(markdown: str) -> str:
    """A heading's Markdown as its words: links as their text, no emphasis marks."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return " ".join(html.unescape(re.sub(r"<[^>]+>|[*`]", "", text)).split())


def _sections(markdown: str, url: str) -> list[dict]:
    """A page's Markdown cut at its headings: [{url with anchor, title, text}]; the page's title (its h1) and
    what follows it until the next heading make the document without an anchor."""
    out, title, anchor, lines, seen = [], "", "", [], set()

    def flush():
        text = _plain("\n".join(lines))
        if title or text:
            out.append({"url": url + (f"#{anchor}" if anchor else ""), "title": _inline(title), "text": text})

    for line in _front_matter(markdown)[1].splitlines():
        match = HEADING.match(line)
        if not match:
            lines.append(line)
            continue
        flush()
        if match.group(1):
            title, level, anchor = match.group(2), len(match.group(1)), match.group(3)
        else:
            title, level, anchor = match.group(6), int(match.group(4)), match.group(5)
        lines = []
        anchor = "" if level == 1 else anchor or slugify(_inline(title), "-")
        base, n = anchor, 0
        while anchor and anchor in seen:          # as the table of contents makes a repeated heading's id
            n += 1
            anchor = f"{base}_{n}"
        seen.add(anchor)
    flush()
    return out


def _front_matter(source: str) -> tuple[dict, str]:
    if source.startswith("---"):
        head, _, body = source[3:].partition("\n---")
        import yaml
        return yaml.safe_load(head) or {}, body
    return {}, source


def _hand_written(fw: Framework, docs_dir: Path) -> list[dict]:
    docs = []
    counts = {"areas": len(fw.areas), "statements": len(fw.statements), "case_studies": len(fw.case_studies),
              "steps": len(fw.how_to_use.steps), "local_authorities": len(fw.oap.local_authorities)}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        source = path.read_text(encoding="utf-8")
        meta, body = _front_matter(source)
        lists = rel in LIST_PAGES
        src_up = "../" * rel.count("/")
        show = (lambda name, **o: "") if lists else (lambda name, **o: partial(fw, name, up="", src_up=src_up, **o))
        markdown = jinja2.Environment().from_string(body).render(
            show=show, count=counts.__getitem__, framework_title=fw.title, edition=fw.edition,
            join_path=posixpath.join)
        url = "" if rel == "index.md" else rel.removesuffix(".md").removesuffix("index") .rstrip("/") + "/"
        url = "" if url == "/" else url
        sections = _sections(markdown, url)[:1 if rel in TOOL_PAGES else None]
        if sections:
            sections[0]["text"] = " ".join(filter(None, [meta.get("description", ""), sections[0]["text"]]))
        docs += [dict(s, kind="page") for s in sections]
    return docs


def _names(entry: GlossaryEntry) -> list[str]:
    return [n for n in [entry.term, entry.expansion, *entry.aliases] if n]


def documents(fw: Framework, words: SearchWords, docs_dir: Path) -> list[dict]:
    """The documents. A statement or case study names its key terms by their place in the glossary ("terms")
    and its areas by number ("areas"): the browser reads their names from the term's and the area's own
    documents, so each name is sent once."""
    docs = []
    place = {id(e): n for n, e in enumerate(fw.glossary)}

    def terms(entries: list[GlossaryEntry]) -> list[int]:
        return [place[id(e)] for e in entries]

    for area in fw.areas:
        docs.append({"url": area.url, "kind": "page", "title": f"Area {area.number}: {area.name}",
                     "text": " ".join(t.summary or "" for t in area.tiers)})
        docs.append({"url": f"{area.url}#case-studies", "kind": "page",    # the list itself: its name only
                     "title": f"How to move to Sustaining Excellence: case studies for Area {area.number}: {area.name}",
                     "text": ""})
        for s in area.statements:
            descriptors = [d.text for _, ds in s.tier_descriptors for d in ds]
            keys = [w for i in [s.id, *s.renamed_from] for w in words.statements.get(i, [])]
            docs.append({"url": f"{area.url}#{s.id}", "kind": "statement", "label": f"{area.number}.{s.number}",
                         "title": s.text, "areas": [area.number],
                         "text": " ".join(descriptors), "terms": terms(for_statement(fw, area, s)), "keys": keys})
    for cs in fw.case_studies:
        docs.append({"url": cs.url, "kind": "case study", "title": cs.title,
                     "areas": [a.number for a in [*cs.featured_in, *cs.linked_from]],
                     "text": " ".join([cs.overview, *(a.name for a in cs.artefacts)]),
                     "terms": terms(for_case_study(fw, cs)), "keys": [t.name for t in cs.themes]})
    for entry in fw.glossary:
        docs.append({"url": f"glossary/#{entry.anchor}", "kind": "term",
                     "title": entry.term + (f" ({entry.expansion})" if entry.expansion else ""),
                     "text": entry.meaning, "keys": entry.aliases + words.glossary.get(entry.anchor[5:], []),
                     **({"aliases": len(entry.aliases)} if entry.aliases else {})})
    for page in fw.knowledge_pages:
        for s in _sections(knowledge_page(fw, page.id), page.url):
            if not s["url"].endswith("#areas"):     # the list of areas the page bears on: names only
                docs.append(dict(s, kind="page"))
    docs += _hand_written(fw, docs_dir)
    for doc in docs:                      # a page's own names (data/search.yaml pages:) on its first section
        page_id = doc["url"].rstrip("/") or "home"
        if doc["kind"] == "page" and page_id in words.pages:
            doc["keys"] = doc.get("keys", []) + words.pages[page_id]
    return docs


def _said(text: str) -> str:
    """A text's words between spaces, lower case, a plural as its singular: to tell whether a text uses a phrase."""
    return " " + " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w
                          for w in re.findall(r"[\w']+", text.lower())) + " "


def unused_words(words: SearchWords, docs: list[dict], words_path: Path) -> list[str]:
    """Words of data/search.yaml that find nothing, each as `file:line: problem`: a narrower: key no document uses,
    and a synonyms: group no document uses (nor any narrower word). The build goes on (an edition that retires a
    page leaves its words dormant, as it leaves a retired statement's); tests/test_search_words.py refuses them in
    the real file, so a slip in a new word is caught before it is published."""
    texts = [_said(" ".join([d.get("title", ""), d.get("text", ""), *d.get("keys", [])])) for d in docs]
    narrower = _said(" | ".join(w for ws in words.narrower.values() for w in ws))
    used = lambda phrase: any(_said(phrase) in t for t in texts)  # noqa: E731
    problems = [(("narrower", key), f"narrower › {key}: no page uses '{key}': name a word the framework or a page "
                 "uses") for key in words.narrower if not used(key)]
    problems += [(("synonyms", n), f"synonyms: no page uses any of '{', '.join(group)}': put one of them under "
                  "narrower:") for n, group in enumerate(words.synonyms)
                 if not any(used(w) or _said(w) in narrower for w in group)]
    tree = parse_yaml(words_path) if problems else None
    return [f"{shown_path(words_path)}:{line_of(tree, where)}: {problem}" for where, problem in problems]


def documents_json(fw: Framework, words: SearchWords, docs_dir: Path) -> str:
    return json.dumps({"synonyms": words.synonyms, "narrower": [[k, *v] for k, v in words.narrower.items()],
                       "docs": documents(fw, words, docs_dir)}, ensure_ascii=False, separators=(",", ":"))


def documents_file(fw: Framework, words_path: Path, docs_dir: Path) -> dict[str, str]:
    """{"search/documents.json": ...}: the search box's documents, with data/search.yaml read and checked."""
    return {"search/documents.json": documents_json(fw, load_search_words(words_path, fw, docs_dir), docs_dir)}
