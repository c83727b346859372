"""What a text of data/framework.yaml may contain, checked by rendering it as the site does.

Every text of the YAML reaches a page through a Markdown template, escaped by Jinja first (so `<b>` is shown as
typed, never run). Two kinds of text are declared in schema.py:

- plain text (names, titles, terms, statements): words and emphasis only;
- Markdown (paragraphs: introduction, overviews, sections, meanings...): also links to full https:// addresses.

Neither may hold raw HTML, attribute lists (`{: onclick=... }`, which Python-Markdown would turn into
attributes), images (a request to another host, or a site path that depends on the page), or links other than
https:// (a relative link works on one page and breaks on another, since a text appears on several pages).

The check renders the text with Python-Markdown and the site's extensions, exactly as the pages do, and walks
the HTML that comes out: only the elements and attributes below pass. Raw HTML in the text (which the site would
escape and show as typed) is found by the standard library's HTML tokenizer, which reads tags as a browser does,
and refused, so that it is never published as odd text.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown
import markupsafe

# A web address: https, a host with a dot, an optional port and path. The whole string must match (fullmatch),
# so no trailing line break, space, quote, bracket or parenthesis can ride along.
URL = re.compile(r"https://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
                 r"(?::\d{1,5})?(?:[/?#][A-Za-z0-9\-._~/?#%&=+:;,@!$*']*)?")

ALLOWED = {"p", "em", "strong", "code", "ul", "ol", "li", "br", "blockquote", "table", "thead", "tbody", "tr",
           "th", "td", "hr", "h3", "h4", "h5", "h6"}
# A knowledge page's body may also hold a note box ("!!! warning"), as Python-Markdown's admonition writes it.
BOX = {("div", "class"): re.compile(r"admonition(?: [a-z]+)?"), ("p", "class"): re.compile(r"admonition-title")}
# Characters no page can show (C0 and C1 controls but tab and line breaks): they come from a bad paste, and the
# Excel workbook cannot hold them at all.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

_md = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "admonition", "abbr"])


class _Tags(HTMLParser):
    """Finds whether a text holds a tag, a comment or a declaration, as a browser would read it."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = False

    def handle_starttag(self, tag, attrs):
        self.found = True

    def handle_endtag(self, tag):
        self.found = True

    def handle_comment(self, data):
        self.found = True

    handle_decl = handle_pi = handle_comment


def is_url(value: str) -> bool:
    return URL.fullmatch(value) is not None


# A link from a knowledge page to the site's own pages and files: a relative path from data/knowledge/ as if it were
# docs/knowledge/ (one "../" at most, so it stays in the site; no ".." further on), no scheme. MkDocs's strict build
# refuses a link to a page or an anchor that does not exist.
SITE_LINK = re.compile(r"(?:\.\./)?[A-Za-z0-9_\-]+(?:[./][A-Za-z0-9_\-]+)*/?(?:#[A-Za-z0-9_\-]+)?")
# Headings a knowledge page's template writes itself: a body that has one repeats it to the reader.
MADE_SECTIONS = re.compile(r"^#{1,6}\s*(sources?|framework areas this page bears on)\s*#*\s*$", re.IGNORECASE)


class _Walk(HTMLParser):
    def __init__(self, links: bool | str):
        super().__init__(convert_charrefs=True)
        self.links, self.problems = links, []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.problems.append("has an image: images are not published from the data; describe it in words")
            return
        if tag == "a":
            if not self.links:
                self.problems.append("has a link: this text is plain, so it cannot hold links; write the words only")
                return
            for name, value in attrs:
                if name != "href":
                    self.problems.append(f"has an attribute list ({name}=...): remove the {{ ... }} part")
                elif not is_url(html.unescape(value or "")) and not (
                        self.links == "site" and SITE_LINK.fullmatch(html.unescape(value or ""))):
                    self.problems.append(f"links to {value!r}: a link must be a full web address starting with "
                                         f"https:// (with no spaces or brackets)" +
                                         (", or a path to a page of this site" if self.links == "site" else ""))
            return
        if self.links == "site" and (tag == "h2" or tag in ("div", "p") and attrs and all(
                (tag, name) in BOX and BOX[tag, name].fullmatch(value or "") for name, value in attrs)):
            return
        if tag not in ALLOWED:
            self.problems.append(f"makes a <{tag}> element ({WHY.get(tag, 'not in the safe Markdown the site uses')})"
                                 f": write plain text")
        for name, _ in attrs:
            self.problems.append(f"has an attribute list ({name}=...): remove the {{ ... }} part")


# What Markdown made an element the site does not allow, for the message
WHY = {"h1": "a line that starts with #, or one underlined with =, is a heading",
       "h2": "a line that starts with ##, or one underlined with -, is a heading",
       "pre": "a line indented by four spaces, or a tab, is a code block"}


def _balanced(text: str) -> bool:
    """( ) and [ ] open and close in order: then no link can start in one text and end in the next (two texts
    side by side on a page), which checking each text alone could not see."""
    stack = []
    for c in text:
        if c in "([":
            stack.append(c)
        elif c in ")]":
            if not stack or stack.pop() != "(["[")]".index(c)]:
                return False
    return not stack


def problems(text: str, links: bool | str) -> list[str]:
    """What is wrong with a text of the YAML, as messages ending with the fix; [] when it is fine.
    links: False (plain text), True (links to https:// addresses) or "site" (a knowledge page's body: also links to
    the site's own pages and files, and ## headings)."""
    found = []
    control = CONTROL.search(text)
    if control:
        found.append(f"has a control character (U+{ord(control.group()):04X}) that no page can show, likely from a "
                     f"paste: delete it")
    tags = _Tags()
    tags.feed(text)
    tags.close()
    if tags.found:
        found.append("has raw HTML (a <tag>): write plain text; the site does the formatting")
    if "{" in text or "}" in text:
        found.append("has curly braces { }: Markdown would read them as page attributes; use ( ) instead")
    if not _balanced(text):
        found.append("has a bracket ( or [ that is not closed, or closed without being opened: close each one")
    walker = _Walk(links)
    # a text of the YAML is escaped first, as the templates do; a knowledge body is inserted as it is
    walker.feed(_md.reset().convert(text if links == "site" else str(markupsafe.escape(text))))
    walker.close()
    if _md.references:
        found.append("has a link reference line ([name]: address): it would change links elsewhere on the page; "
                     "write the link as [words](https://...)")
    for problem in walker.problems:
        if problem not in found and not (problem.startswith("has an attribute list") and any("{" in f for f in found)):
            found.append(problem)
    return found


def body_problems(text: str) -> list[tuple[int, str]]:
    """What is wrong with a knowledge page's body (data/knowledge/ID.md), as (line, message): the same subset as a
    Markdown text of the YAML, checked block by block (blocks are apart by a blank line) so that each problem has
    a line, plus ## headings and links to the site's own pages. Its template writes the Sources and the areas."""
    found, start, block, box = [], 1, [], False

    def check():
        return [(start, message) for message in problems("\n".join(block).rstrip("\n"), links="site")]

    for number, line in enumerate(text.split("\n"), start=1):
        if MADE_SECTIONS.match(line.strip()):
            found.append((number, f"has its own '{line.strip().lstrip('#').strip()}' heading: the page makes that "
                                  f"section from data/framework.yaml (sources:, areas:); remove it here"))
        if not line.strip():
            if block and box:
                block.append(line)          # a note box ("!!! note") goes on while its lines are indented
            elif block:
                found += check()
                block = []
            continue
        if block and box and block[-1] == "" and not line.startswith(("    ", "\t")):
            found += check()
            block = []
        if not block:
            start, box = number, line.startswith(("!!! ", "??? "))
        block.append(line)
    if block:
        found += check()
    return found
