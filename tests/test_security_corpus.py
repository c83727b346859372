"""A generated corpus of hostile YAML: every kind of text in data/framework.yaml × every payload of hostile.py,
then the path, id and file cases. Each case is either refused with `data/framework.yaml:LINE` (on the line of
the hostile text) or published inert: rendered as the site renders it (the page templates, the navigation, the
front matter, Python-Markdown with the site's extensions) and parsed, with no live markup found.

Most cases run in-process (load_framework and the render functions on a temporary copy of the YAML), because
building hundreds of sites would take an hour; tests/test_security_site.py builds a sample for real and loads
it in Chromium. The figures (cases, refused, inert) are printed with -s.
"""
from __future__ import annotations

import copy
import re

import markdown
import pytest
import yaml

from hostile import PAYLOADS, ROOT, OneChange, dump, live_markup, plain_tree, project, renamed, set_at, text_fields, with_payload
from rendering import pages
from macros.inputs import generated_files
from framework.load import FrameworkError, load_framework
from rendering.navigation import site_nav

LINE = re.compile(r"^data/framework\.yaml:(\d+): ")
TREE = plain_tree()
FIELDS = text_fields(TREE)
ONE_CHANGE = OneChange(TREE)      # the YAML text of TREE with one field changed, written faster than dump
EXTENSIONS = ["abbr", "attr_list", "md_in_html", "admonition", "tables", "toc"]
FIGURES = {"cases": 0, "refused with a line": 0, "published inert": 0}


def _line_of(text: str, marker: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), start=1) if marker in line)


def _render_all(fw) -> dict[str, str]:
    """Every page made from the model as HTML (front matter kept apart), and the navigation's titles."""
    out = {}
    md = markdown.Markdown(extensions=EXTENSIONS)
    abbr = pages.abbreviation_lines(fw)
    sources = {k: v for k, v in generated_files(fw).items() if k.endswith(".md")}
    for name in pages.partial_names():
        sources[f"partial:{name}"] = pages.partial(fw, name, up="../", src_up="../")
    for name, text in sources.items():
        front = {}
        if text.startswith("---\n"):
            head, text = text[4:].split("\n---\n", 1)
            front = yaml.safe_load(head)
        out[name] = md.reset().convert(text + "\n\n" + abbr)
        for key in ("title", "description"):     # Material writes these into <title> and an attribute as given
            if key in front:
                out[f"{name} front matter {key}"] = str(front[key])
    out["navigation"] = "\n".join(_titles(site_nav(fw)))
    return out


def _titles(nav) -> list[str]:
    titles = []
    for item in nav:
        if isinstance(item, dict):
            for title, value in item.items():
                titles.append(title)
                if isinstance(value, list):
                    titles += _titles(value)
    return titles


def _raw_in_attribute_or_title(name: str, text: str) -> list[str]:
    """Front matter and navigation titles reach the theme's HTML unescaped: they must hold no < > or "."""
    if ("front matter" in name or name == "navigation") and re.search(r"[<>\"]", text):
        return [f"{name}: raw markup {text[:80]!r}"]
    return []


def _try(tmp_path, tree, marker: str, text: str | None = None):
    path = project(tmp_path)
    text = dump(tree) if text is None else text
    path.write_text(text, encoding="utf-8")
    try:
        return load_framework(path, path.parent / "knowledge", require_published=True), text
    except FrameworkError as error:
        lines = str(error).split("\n")
        assert all(LINE.match(m) for m in lines), lines
        at = _line_of(text, marker)
        assert any(int(LINE.match(m).group(1)) == at for m in lines), (at, lines)
        return None, lines


@pytest.mark.parametrize("kind", list(PAYLOADS))
def test_every_text_field_refuses_the_payload_with_its_line_or_publishes_it_inert(tmp_path, kind):
    accepted = []
    for n, path in enumerate(FIELDS):
        marker = f"F{n}x"
        payload = PAYLOADS[kind].format(n=marker)
        FIGURES["cases"] += 1
        text = ONE_CHANGE.dump(path, payload)
        if n == 0:       # the fast writer is checked against yaml.dump itself, once per payload
            assert text == dump(with_payload(TREE, path, payload))
        fw, _ = _try(tmp_path, None, marker, text)
        if fw is None:
            FIGURES["refused with a line"] += 1
        else:
            accepted.append((path, payload))
    if not accepted:
        return
    # every accepted field at once (each payload tagged with its field), rendered and parsed
    tree = copy.deepcopy(TREE)
    for path, payload in accepted:
        set_at(tree, path, payload)
    fw, messages = _try(tmp_path, tree, accepted[0][1].split("\n")[0])
    assert fw is not None, messages
    problems = []
    for name, html in _render_all(fw).items():
        problems += [f"{name}: {p}" for p in live_markup(html)] + _raw_in_attribute_or_title(name, html)
    assert problems == [], problems[:10]
    FIGURES["published inert"] += len(accepted)


def _refused(tmp_path, text: str, at: int | None = None, published: str | None = None) -> list[str]:
    path = project(tmp_path)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    if published is not None:
        (path.parent / "published-ids.yaml").write_text(published, encoding="utf-8")
    FIGURES["cases"] += 1
    with pytest.raises(FrameworkError) as caught:
        load_framework(path, path.parent / "knowledge", require_published=True)
    lines = str(caught.value).split("\n")
    assert all(re.match(r"^data/(framework|published-ids)\.yaml:\d+: ", m) for m in lines), lines
    if at is not None:
        assert any(m.split(":")[1] == str(at) for m in lines), (at, lines)
    FIGURES["refused with a line"] += 1
    return lines


def _edited(tree, path, value) -> str:
    return dump(with_payload(tree, path, value))


REDIRECTS = {
    "a source above the site": ({"../../../../../tmp/x.md": "about.md"}, "../../../../../tmp/x.md"),
    "an absolute source": ({"/tmp/y.md": "about.md"}, "/tmp/y.md"),
    "a script in the target": ({"old-page.md": "index.md#\"+alert(1)+\""}, "old-page.md"),
    "a target above the site": ({"old-page.md": "../../etc/passwd.md"}, "old-page.md"),
    "a section's index as the source": ({"areas/index.md": "about.md"}, "areas/index.md"),
    "a section's folder as the source": ({"knowledge.md": "about.md"}, "knowledge.md"),
}


@pytest.mark.parametrize("case", list(REDIRECTS))
def test_redirects_must_be_pages_inside_the_site(tmp_path, case):
    redirects, marker = REDIRECTS[case]
    tree = dict(TREE, redirects=redirects)
    text = dump(tree)
    _refused(tmp_path, text, _line_of(text, marker))


ID_CASES = {
    "a case study called index": ("case_studies", "index"),
    "an area called index": ("areas", "index"),
    "a knowledge page called index": ("knowledge_pages", "index"),
    "a 300-character case-study id": ("case_studies", "a" * 300),
}


@pytest.mark.parametrize("case", list(ID_CASES))
def test_ids_that_would_replace_a_page_or_cannot_be_a_file_are_refused(tmp_path, case):
    kind, new = ID_CASES[case]
    tree = renamed(TREE, kind, 0, new)
    path = project(tmp_path)
    if kind == "knowledge_pages":                    # its body file, so that only the id is wrong
        (path.parent / "knowledge" / f"{new}.md").write_text("A body.\n", encoding="utf-8")
    text = dump(tree)
    _refused(tmp_path, text, _line_of(text, f"id: {new}"))


OLD_ID_CASES = {
    "an area renamed from index": (("areas", 0, "renamed_from"), ["index"]),
    "a case study renamed from index": (("case_studies", 0, "renamed_from"), ["index"]),
    "a statement id that is an area page's anchor": (("areas", 0, "statements", 0, "renamed_from"), ["case-studies"]),
}


@pytest.mark.parametrize("case", list(OLD_ID_CASES))
def test_old_ids_that_would_turn_a_page_into_a_redirect_are_refused(tmp_path, case):
    path, value = OLD_ID_CASES[case]
    text = dump(with_payload(TREE, path, value))
    _refused(tmp_path, text, _line_of(text, f"- {value[0]}"))


def test_a_glossary_alias_that_is_another_terms_name_is_refused(tmp_path):
    i, entry = next((i, g) for i, g in enumerate(TREE["glossary"]) if g["term"] == "TA")
    other = next(g["term"] for g in TREE["glossary"] if g["term"] == "SEND")
    tree = with_payload(TREE, ("glossary", i, "aliases"), [*entry.get("aliases", []), other])
    text = dump(tree)
    start = _line_of(text, "term: TA")
    at = next(n for n, line in enumerate(text.split("\n"), start=1) if n > start and line.strip() == f"- {other}")
    _refused(tmp_path, text, at)


def test_emphasis_in_a_statements_first_words_keeps_its_anchor(tmp_path):
    area = TREE["areas"][0]
    statement = area["statements"][0]
    tree = with_payload(TREE, ("areas", 0, "statements", 0, "text"), "*Leaders* and _staff_ " + statement["text"])
    path = project(tmp_path)
    path.write_text(dump(tree), encoding="utf-8")
    fw = load_framework(path, path.parent / "knowledge", require_published=True)
    FIGURES["cases"] += 1
    html = markdown.Markdown(extensions=EXTENSIONS).convert(pages.area_page(fw, area["id"]).split("\n---\n", 1)[1])
    assert f'id="{statement["id"]}"' in html
    FIGURES["published inert"] += 1


def test_a_byte_that_is_not_utf8_is_reported_with_its_line(tmp_path):
    text = (ROOT / "data" / "framework.yaml").read_bytes()
    lines = text.split(b"\n")
    lines[40] = lines[40] + b" caf\xe9"
    lines_out = _refused(tmp_path, b"\n".join(lines), 41)
    assert "byte" in lines_out[0] and "at byte" not in lines_out[0]


PUBLISHED = {
    "missing": None,
    "empty": "",
    "a misspelt kind": (ROOT / "data" / "published-ids.yaml").read_text(encoding="utf-8").replace("case_study:", "case_studies:"),
    "not YAML": "area: [unclosed\n",
}


@pytest.mark.parametrize("case", list(PUBLISHED))
def test_a_missing_or_damaged_published_ids_file_is_an_error_with_a_line(tmp_path, case):
    path = project(tmp_path)
    path.write_text(dump(TREE), encoding="utf-8")
    published = PUBLISHED[case]
    target = path.parent / "published-ids.yaml"
    if published is None:
        target.unlink()
    else:
        target.write_text(published, encoding="utf-8")
    FIGURES["cases"] += 1
    with pytest.raises(FrameworkError) as caught:
        load_framework(path, path.parent / "knowledge", require_published=True)
    assert re.match(r"^data/published-ids\.yaml:\d+: ", str(caught.value)), str(caught.value)
    FIGURES["refused with a line"] += 1


def test_figures():
    """Prints the corpus's figures (run with -s); fails if no case ran."""
    print("\nhostile YAML corpus:", ", ".join(f"{k}: {v}" for k, v in FIGURES.items()),
          f"({len(FIELDS)} text fields × {len(PAYLOADS)} payloads, then path, id and file cases)")
    assert FIGURES["cases"] == FIGURES["refused with a line"] + FIGURES["published inert"]


# Texts that must never reach a page as they are, in any field: each refused on its own line
NEVER = {
    "a control character": "An escape \x1b[31m {n}",
    "a NUL": "A nul \x00 {n}",
    "a top heading": "# Heading {n}",
    "too long": "{n} " + "word " * 2_000,
}
# Texts that may be accepted where a field runs its lines together (a title is a heading, with the text run
# together), but never make a heading or a code block of their own: (text, what its heading or block would hold)
NO_BLOCK = {
    "an underlined heading": ("Heading {n}\n=========", lambda el, n: el.get_text().strip().endswith(f"Heading {n}")),
    "a code block": ("Some words {n}\n\n    indented, so code", lambda el, n: el.get_text().strip() == "indented, so code"),
}


# The published file has no case study with write-up sections (multi-line text): one is added for these tests.
WITH_SECTIONS = copy.deepcopy(TREE)
WITH_SECTIONS["case_studies"][0]["sections"] = {"context": "The school's context."}
SECTION = ("case_studies", 0, "sections", "context")


def _each_field(payload: str):
    """(marker, path, YAML text) with the payload in one text field, for every kind of text field."""
    for n, path in enumerate(FIELDS):
        yield f"F{n}x", path, ONE_CHANGE.dump(path, payload.format(n=f"F{n}x"))
    yield "SECx", SECTION, _edited(WITH_SECTIONS, SECTION, payload.format(n="SECx"))


@pytest.mark.parametrize("kind", list(NEVER))
def test_every_text_field_refuses_what_no_page_can_show_with_its_line(tmp_path, kind):
    for marker, path, text in _each_field(NEVER[kind]):
        fw, _ = _try(tmp_path, None, marker, text)
        assert fw is None, f"{'.'.join(map(str, path))}: accepted {kind}"


@pytest.mark.parametrize("kind", list(NO_BLOCK))
def test_no_text_field_makes_a_heading_or_a_code_block(tmp_path, kind):
    payload, made_by = NO_BLOCK[kind]
    tree, markers = copy.deepcopy(WITH_SECTIONS), []
    for marker, path, text in _each_field(payload):
        fw, _ = _try(tmp_path, None, marker, text)
        if fw is not None:
            set_at(tree, path, payload.format(n=marker))
            markers.append(marker)
    if not markers:
        return
    fw, messages = _try(tmp_path, tree, markers[0])
    assert fw is not None, messages
    from bs4 import BeautifulSoup
    made = [f"{name}: <{el.name}> {el.get_text()[:40]!r}" for name, html in _render_all(fw).items()
            for el in BeautifulSoup(html, "html.parser").select("h1, h2, pre")
            if any(made_by(el, m) for m in markers)]
    assert made == [], made[:5]
