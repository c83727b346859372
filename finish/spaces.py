"""Finish step: the pages' indentation out of the built HTML (about 0.8 KiB less on each first visit, gzip'd).

The theme's templates indent every line. Each run of spaces, tabs and line breaks in a page's text between tags
becomes one character (a line break if the run had one), which the browser draws exactly as it drew the run,
except where whitespace is kept as typed: <pre>, <textarea>, <code> (the site's CSS sets it to pre-wrap),
scripts and styles, which are left alone. A non-breaking space is not whitespace here and stays.

The page is read with Python's HTML tokenizer (html.parser), not patterns over the text: tags, attribute values,
comments, character references and the contents of scripts are written back exactly as they were (in a start tag
only the white space between attributes becomes one space), so only text nodes change, and a `<` inside a script
or an attribute cannot be mistaken for a tag.
tests/test_styles_browser.py compares the pages drawn with and without this step.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

KEEP = {"pre", "textarea", "code", "script", "style"}
RUN_WITH_BREAK = re.compile(r"[ \t\r]*\n[ \t\r\n]*")
RUN = re.compile(r"[ \t]{2,}")


def _collapse(text: str) -> str:
    return RUN.sub(" ", RUN_WITH_BREAK.sub("\n", text))


def _tidy_tag(tag: str) -> str:
    """A start tag as written, with each run of white space between its attributes one space (white space inside
    a quoted value is the value's own and stays)."""
    out, quote, space = [], "", False
    for char in tag:
        if quote:
            out.append(char)
            quote = "" if char == quote else quote
        elif char.isspace() and char != "\xa0":
            space = True
        else:
            if space:
                out.append(" ")
                space = False
            out.append(char)
            quote = char if char in "\"'" else ""
    return "".join(out)


class _Collapser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)    # character references are written back as they were
        self.out: list[str] = []
        self.kept = 0                               # how many elements that keep their spaces are open

    def handle_starttag(self, tag, attrs):
        self.out.append(_tidy_tag(self.get_starttag_text()))
        if tag in KEEP:
            self.kept += 1

    def handle_startendtag(self, tag, attrs):
        self.out.append(_tidy_tag(self.get_starttag_text()))

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag in KEEP and self.kept:
            self.kept -= 1

    def handle_data(self, data):
        self.out.append(data if self.kept else _collapse(data))

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


def collapse_spaces(html: str) -> str:
    parser = _Collapser()
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


def collapse_pages(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        collapsed = collapse_spaces(html)
        if collapsed != html:
            page.write_text(collapsed, encoding="utf-8")
