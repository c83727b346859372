"""Finish step: the site's stylesheets become one small stylesheet (fast first visit).

Material links three render-blocking stylesheets: its main.css (137 KB, 22.5 KB gzip'd), palette.css and our
site.css. On a slow phone connection each costs round trips before anything paints, and most of Material's rules
are for features this site does not use. So the theme's overrides (the `styles` block of overrides/main.html)
link one stylesheet instead, OUTPUT, named in mkdocs.yml (`extra.stylesheet`), and this step writes it:

1. the rules no page can ever use are dropped. A rule stays when, for one of its selectors, each class, id,
   element name and exact attribute value in it occurs as a word in what can put markup on a page: the pages'
   markup (tags, inline scripts; not their text), every script the pages load (Material's bundle builds
   search results, tooltips, dialogs and header states at run time), the search worker and the markup in the
   search index. A class that our scripts build by joining strings ("tier-bar__part--" + id) counts as
   present when such a prefix is in a script. Material's script names the classes of parts this site never
   shows (content tabs, code annotations, the version selector...): THEME_PARTS says what makes each part appear,
   and a part's names count only when that is on the site. Selector lists are shortened to the selectors that can match.
   Custom properties nothing kept reads (Material's icon images, 50 KB) go, as do unused @keyframes,
   comments and spaces. Right-to-left rules go: `dir` is only ever set by the templates, to "ltr";
2. what is left of SOURCES, in the order the theme would link them, is written as OUTPUT;
3. a stylesheet a page links in its body (the workbook pages' assets/workbook.css) is cut the same way and
   written back in its place, minified.

No page is changed: they already link OUTPUT. A site whose pages do not link it (`mkdocs serve`, which runs no
finish step, links the theme's own stylesheets; so does the Zensical build) is left alone. The original files
stay in the site, unlinked. tests/test_styles_browser.py checks that pages render exactly as with Material's
full CSS, tests/test_styles_html.py what the pages link.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2

from . import FinishError

OUTPUT = "assets/stylesheets/styles.min.css"      # mkdocs.yml's extra.stylesheet
# what OUTPUT is made of, in the order the theme links them: Material's two stylesheets (their names carry a hash
# of their text), then mkdocs.yml's extra_css
SOURCES = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css", "assets/site.css")
_HEAD = re.compile(r"<head>.*?</head>", re.S)
_STYLESHEET = re.compile(r'[ \t]*<link rel="stylesheet" href="([^"]+)">\n?')
_BODY = re.compile(r"<body\b.*", re.S)
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_SCRIPT = re.compile(r"""["']([^"'<>\s]+\.js)["']""")   # <script src="…">, and the list the after-paint loader gets
_MARKUP = re.compile(r"<(script|style)\b[^>]*>.*?</\1>|<[^>]+>", re.S)   # tags, and inline scripts and styles
_WORD = re.compile(r"-*[A-Za-z_][A-Za-z0-9_-]*")
# "tier-" + x, "a tier-" + x, `tier-${x}`: the last class name in a string that ends where a value is joined on
_PREFIX = re.compile(r"""["'`](?:[^"'`\n]*\s)?([A-Za-z_][A-Za-z0-9_-]*[-_])(?:["'`]|\$\{)""")
_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
_ALWAYS = {"html", "body", "*"}
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
THEME_SCRIPTS = "assets/javascripts"   # Material's bundle and workers; ours are directly in assets/
# Parts of Material's script that build their markup at run time, and what on the site makes the script build
# them. The script's text names every part's classes; a part's names count only when what makes it is there, so
# the rules for parts this site never shows are not sent (about 2.7 KiB gzip'd on every page).
THEME_PARTS = {
    "tabbed-": lambda markup, config: "tabbed-set" in markup,              # content tabs (pymdownx.tabbed)
    "md-annotation": lambda markup, config: "annotate" in markup,          # code annotations
    "md-version": lambda markup, config: bool(config.get("version")),      # the version selector (extra.version)
    "md-source": lambda markup, config: "md-source" in markup,             # repository facts (repo_url)
    "md-tag": lambda markup, config: "md-tags" in markup,                  # tags (the tags plugin)
    "md-code__": lambda markup, config: (                                  # code blocks' copy and select buttons
        bool({"content.code.copy", "content.code.select"} & set(config.get("features", ())))
        or any(w.startswith("__span-") for w in markup)),                  # (and their numbered lines)
}
_SELECTOR_LISTS = {"is", "where", "matches", "-webkit-any", "-moz-any", "has"}   # match if one alternative does
_TEMPLATE_ONLY = {"dir"}    # attributes only the templates set: their values count only from the pages' markup


# ---- what a selector needs ----

@dataclass(frozen=True)
class Needs:
    """What must be on the site for a complex selector to match: classes; ids, element names and exact
    attribute values (words); values of template-only attributes; and groups of which one alternative must
    be possible (:is(), :has())."""
    classes: frozenset = frozenset()
    words: frozenset = frozenset()
    markup_words: frozenset = frozenset()
    any_of: tuple = ()

    def met(self, site: "Words") -> bool:
        return (all(site.has_class(c) for c in self.classes) and self.words <= site.words
                and self.markup_words <= site.markup_words
                and all(any(n.met(site) for n in group) for group in self.any_of))


def _split_commas(tokens: list) -> list[list]:
    parts, current = [], []
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    return parts


def _needs(tokens: list) -> Needs:
    classes, words, markup_words, any_of = set(), set(), set(), []
    previous = None
    for token in tokens:
        after = previous.value if previous is not None and previous.type == "literal" else None
        if token.type == "ident" and after == ".":
            classes.add(token.value)
        elif token.type == "hash":
            words.add(token.value)
        elif token.type == "ident" and after not in (":", "|"):
            words.add(token.value.lower())          # an element name
        elif token.type == "function" and after == ":" and token.lower_name in _SELECTOR_LISTS:
            any_of.append(tuple(_needs(part) for part in _split_commas(token.arguments)))
        elif token.type == "[] block":
            name, values = _attribute(token.content)
            (markup_words if name in _TEMPLATE_ONLY else words).update(values)
        if token.type != "whitespace":
            previous = token
    return Needs(frozenset(classes), frozenset(words - _ALWAYS), frozenset(markup_words), tuple(any_of))


def _attribute(content: list) -> tuple[str, set[str]]:
    """An attribute selector's name, and the words its value needs: [name=value] and [name~=value] need the
    value's words; ^=, $=, *= and a bare [name] need nothing (attribute names are not looked for: the
    browser sets some itself, as `open` on <details>)."""
    parts = [t for t in content if t.type not in ("whitespace", "comment")]
    name = parts[0].lower_value if parts and parts[0].type == "ident" else ""
    for i, token in enumerate(parts):
        if token.type == "literal" and token.value in ("=", "~="):
            value = parts[i + 1] if i + 1 < len(parts) else None
            if value is not None and value.type in ("ident", "string"):
                return name, set(_WORD.findall(value.value))
            break
    return name, set()


def _vendor_pseudo(tokens: list) -> bool:
    """A browser drops a whole selector list in which it does not know a -moz- or -webkit- pseudo-class: such
    a list is kept or dropped whole, never shortened (which could bring a dead rule to life)."""
    return re.search(r":-(moz|ms|webkit|o)-", tinycss2.serialize(tokens)) is not None


# ---- the parsed stylesheet ----

@dataclass
class Rule:
    selectors: list[tuple[str, Needs]]        # each complex selector, minified, with what it needs
    whole: bool                               # keep or drop the selector list whole
    declarations: list[tuple[str, str, set]]  # (property, "property:value", custom properties it reads)


@dataclass
class Block:
    """An at-rule with rules inside (@media, @supports), or the stylesheet itself."""
    prelude: str
    items: list = field(default_factory=list)


@dataclass
class Verbatim:
    """An at-rule kept as written (@page; @keyframes only if a kept rule names it)."""
    text: str
    keyframes: str = ""


def _min(tokens) -> str:
    """CSS text with comments gone and each run of white space one space."""
    out = []
    for token in tokens:
        if token.type == "comment":
            continue
        if token.type == "whitespace":
            out.append(" ")
        elif token.type in ("() block", "[] block", "{} block"):
            text = token.serialize()
            out.append(text[0] + _min(token.content) + text[-1])
        elif token.type == "function":
            out.append(tinycss2.serialize([tinycss2.ast.IdentToken(0, 0, token.name)]) + "(" + _min(token.arguments) + ")")
        else:
            out.append(token.serialize())
    return re.sub(r" +", " ", "".join(out)).strip()


def _declarations(content: list) -> list[tuple[str, str, set]]:
    out = []
    for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if item.type != "declaration":
            raise ValueError(f"CSS line {item.source_line}: {getattr(item, 'message', 'nested rules are not handled')}")
        value = _min(item.value) + ("!important" if item.important else "")
        name = item.name if item.name.startswith("--") else item.lower_name
        out.append((name, f"{name}:{value}", set(_VAR.findall(value))))
    return out


def parse(css: str) -> Block:
    return _parse(tinycss2.parse_stylesheet(css))


def _parse(nodes, prelude: str = "") -> Block:
    block = Block(prelude)
    for node in nodes:
        if node.type in ("whitespace", "comment"):
            continue
        if node.type == "error":
            raise ValueError(f"CSS line {node.source_line}: {node.message}")
        if node.type == "qualified-rule":
            selectors = [(_min(s), _needs(s)) for s in _split_commas(node.prelude)]
            block.items.append(Rule(selectors, _vendor_pseudo(node.prelude), _declarations(node.content)))
        elif node.lower_at_keyword in ("media", "supports"):
            block.items.append(_parse(tinycss2.parse_rule_list(node.content), f"@{node.lower_at_keyword} {_min(node.prelude)}"))
        elif node.lower_at_keyword == "charset":
            continue                                   # only allowed first; the output is UTF-8 anyway
        else:
            keyframes = _min(node.prelude) if node.lower_at_keyword.endswith("keyframes") else ""
            inner = ";" if node.content is None else "{" + _min(node.content) + "}"
            block.items.append(Verbatim(f"@{node.at_keyword} {_min(node.prelude)}".strip() + inner, keyframes))
    return block


# ---- what the site can use ----

@dataclass
class Words:
    """The words that can be on the site's pages; those in the pages' own markup; and the class prefixes its
    scripts join strings to."""
    words: set
    markup_words: set
    prefixes: tuple = ()

    def has_class(self, name: str) -> bool:
        return name in self.words or name.startswith(self.prefixes)


def _kept(block: Block, site: Words) -> Block:
    """The block with only the rules (and selectors) the site can use; custom properties not yet pruned."""
    out = Block(block.prelude)
    for item in block.items:
        if isinstance(item, Block):
            inner = _kept(item, site)
            if inner.items:
                out.items.append(inner)
        elif isinstance(item, Rule):
            used = [(text, needs) for text, needs in item.selectors if needs.met(site)]
            if used:
                out.items.append(Rule(item.selectors if item.whole else used, item.whole, item.declarations))
        else:
            out.items.append(item)
    return out


def _rules(block: Block):
    for item in block.items:
        if isinstance(item, Block):
            yield from _rules(item)
        elif isinstance(item, Rule):
            yield item


def _custom_properties_read(block: Block, site: Words) -> set[str]:
    """Custom properties that a kept ordinary declaration reads, directly or through other custom properties,
    or that a page or script names (Material's scripts set and read a few; a style attribute may read one)."""
    declared: dict[str, set] = {}
    read = {w for w in site.words if w.startswith("--")}
    for rule in _rules(block):
        for name, _, reads in rule.declarations:
            if name.startswith("--"):
                declared.setdefault(name, set()).update(reads)
            else:
                read |= reads
    todo = list(read)
    while todo:
        for name in declared.get(todo.pop(), ()):
            if name not in read:
                read.add(name)
                todo.append(name)
    return read


def _serialize(block: Block, read: set, animations: str) -> str:
    parts = []
    for item in block.items:
        if isinstance(item, Block):
            inner = _serialize(item, read, animations)
            if inner:
                parts.append(f"{item.prelude}{{{inner}}}")
        elif isinstance(item, Rule):
            body = ";".join(text for name, text, _ in item.declarations if not name.startswith("--") or name in read)
            if body:
                parts.append(",".join(text for text, _ in item.selectors) + "{" + body + "}")
        elif not item.keyframes or re.search(rf"(?<![\w-]){re.escape(item.keyframes)}(?![\w-])", animations):
            parts.append(item.text)
    return "".join(parts)


def purge(sheet: Block, site: Words) -> str:
    """The stylesheet with only what the site can use, minified."""
    kept = _kept(sheet, site)
    read = _custom_properties_read(kept, site)
    animations = " ".join(text for rule in _rules(kept) for name, text, _ in rule.declarations
                          if name.startswith(("animation", "-webkit-animation")))
    return _serialize(kept, read, animations)


def _markup_words(text: str) -> set[str]:
    return set(_WORD.findall(" ".join(m.group(0) for m in _MARKUP.finditer(text))))


def _local(site: Path, page: Path, href: str) -> Path | None:
    """The file in the site that a page's href names (relative, or absolute from the site's root folder on its
    host as in 404.html), or None for another host or a file that is not there."""
    if "://" in href or href.startswith(("//", "data:")):
        return None
    if href.startswith("/"):
        # 404.html is served at any depth, so its links start with the site's path: try each ending of it
        parts = href.strip("/").split("/")
        for i in range(len(parts)):
            path = (site / "/".join(parts[i:])).resolve()
            if path.is_file() and site in path.parents:
                return path
        return None
    path = (page.parent / href).resolve()
    return path if path.is_file() and site in path.parents else None


def _names_output(site: Path, page: Path, href: str) -> bool:
    """Whether a page's stylesheet link names OUTPUT (not yet written: it is what this step makes)."""
    if "://" in href or href.startswith("//"):
        return False
    if href.startswith("/"):
        return href.endswith("/" + OUTPUT)      # 404.html: from the site's path on its host
    return (page.parent / href).resolve() == (site / OUTPUT).resolve()


def prune_styles(site: Path) -> None:
    """Write OUTPUT for the built site at `site`, as described above."""
    combine_styles(site.resolve())


def _sources(site: Path) -> list[Path]:
    files = []
    for pattern in SOURCES:
        found = sorted(site.glob(pattern))
        if len(found) != 1:
            raise FinishError(f"finish/styles.py: expected one {pattern} in the site, found {len(found)}")
        files.append(found[0].resolve())
    return files


def combine_styles(site: Path) -> str | None:
    """Write OUTPUT in the built site at `site` if its pages link it. Returns OUTPUT, or None if no page does."""
    pages, in_body, inline_prefixes, config = 0, set(), set(), {}
    # every script of ours (some load only on first use, named by no page) and Material's search worker
    markup, scripts = set(), {p.resolve() for folder in ("assets", "assets/javascripts/workers")
                              for p in (site / folder).glob("*.js")}
    target = (site / OUTPUT).resolve()
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        head = _HEAD.search(html)
        links = _STYLESHEET.findall(head.group(0)) if head else []
        if not any(_names_output(site, path, href) for href in links):
            continue    # no stylesheet (a redirect stub), or the theme's own
        pages += 1
        body = _BODY.search(html, head.end())
        in_body |= {f for f in (_local(site, path, href) for href in _STYLESHEET.findall(body.group(0) if body else ""))
                    if f}
        markup |= _markup_words(html)
        found = _CONFIG.search(html)
        if found and not config:
            config = json.loads(found.group(1))     # the theme's settings, the same on every page
        inline_prefixes |= {p for body in _INLINE_SCRIPT.findall(html) for p in _PREFIX.findall(body) if len(p) >= 3}
        scripts |= {p for p in (_local(site, path, src) for src in _SCRIPT.findall(html)) if p}
    if not pages:
        return None
    index = site / "search" / "search_index.json"
    markup_words = markup | (_markup_words(index.read_text(encoding="utf-8")) if index.is_file() else set())
    words, prefixes = set(markup_words), set(inline_prefixes)   # a page's inline script joins class names too
    absent = tuple(part for part, shown in THEME_PARTS.items() if not shown(markup_words, config))
    theme = (site / THEME_SCRIPTS).resolve()
    for script in sorted(scripts):
        text = script.read_text(encoding="utf-8")    # our scripts are minified by now: a word in a comment keeps no rule
        found, joined = set(_WORD.findall(text)), {p for p in _PREFIX.findall(text) if len(p) >= 3}
        if theme in script.parents:
            found = {w for w in found if not w.startswith(absent)}
            joined = {p for p in joined if not p.startswith(absent)}
        words |= found
        prefixes |= joined
    files = _sources(site)
    sheet = parse("\n".join(f.read_text(encoding="utf-8") for f in files))
    site_words = Words(words, markup_words, tuple(sorted(prefixes)))
    for extra in sorted(in_body - set(files) - {target}):
        extra.write_text(purge(parse(extra.read_text(encoding="utf-8")), site_words), encoding="utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(purge(sheet, site_words), encoding="utf-8")
    return OUTPUT
