"""Render functions: the model in, Markdown (with some HTML) out. One template per page type.

The MkDocs hook and the macros only call these; they hold no content of their own.
"""
from __future__ import annotations

import contextlib
from pathlib import Path

import jinja2
import markupsafe

from framework.model import Framework

TEMPLATES = Path(__file__).parent / "templates"

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,             # YAML text may hold & < >: escape it everywhere
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def render(template: str, **context) -> str:
    return _env.get_template(template).render(**context)


def area_page(fw: Framework, area_id: str) -> str:
    return render("area.md.j2", fw=fw, area=fw.area(area_id))


def case_study_page(fw: Framework, cs_id: str) -> str:
    return render("case_study.md.j2", fw=fw, cs=fw.case_study(cs_id))


def knowledge_page(fw: Framework, page_id: str) -> str:
    page = next(p for p in fw.knowledge_pages if p.id == page_id)
    return render("knowledge.md.j2", fw=fw, page=page)


def partial(fw: Framework, name: str, **context) -> str:
    """A block of a hand-written page (home, about, indexes...), from templates/partials/."""
    return render(f"partials/{name}.md.j2", fw=fw, **context)


def partial_names() -> list[str]:
    return sorted(p.name.removesuffix(".md.j2") for p in (TEMPLATES / "partials").glob("*.md.j2"))


def _workbook_cases(fw: Framework, area) -> list:
    """An area's case studies as the framework lists them (featured, then also), then those this site relates to
    its statements that the framework does not list there (choosable, so an import keeps them)."""
    cases = [*area.featured, *area.also]
    for s in area.statements:
        cases += [p.case_study for p in fw.related.pairs_for_statement(s) if p.case_study not in cases]
    return cases


def workbook_json(fw: Framework, texts: bool = True) -> str:
    """What the browser workbook needs to know about the framework, as JSON for a <script> data island.

    texts=False leaves out the statements' texts and descriptors, for the self-evaluation page: its form holds
    them already, and core.mjs reads them from there ("texts": "page"), so the page carries them once."""
    import json

    def statement(a, s) -> dict:
        out = {"id": s.id, "label": s.label}
        if texts:
            # descriptors: {tier id: [paragraphs]}, so the action plan can show the next tier's text
            out.update(text=s.text, descriptors={at.tier.id: [d.text for d in ds] for at, ds in a.descriptors_for(s)})
        if texts:    # the self-evaluation loads them when it first draws a next step (workbook_suggested_js)
            out["suggested"] = _suggested(fw, s)
        return out

    def place(out: dict, url: str, folder: str) -> dict:
        # a page at its usual address ("areas/<id>/", "case-studies/<id>/") carries no path: core.mjs
        # gives it that one (about 0.5 KiB less on the self-evaluation)
        if url != f"{folder}/{out['id']}/":
            out["path"] = url
        return out

    number = {c.id: n for n, c in enumerate(fw.case_studies)}
    data = {
        "edition": fw.edition.id,
        "title": fw.title,    # the printed report names the framework
        "tiers": [{"id": t.id, "name": t.name} for t in fw.tiers],
        "areas": [place({
            "id": a.id, "number": a.number, "name": a.name,
            # the area's featured case studies, then any related to its statements from elsewhere, so the
            # workbook and action plan can name, link and accept every suggestion: as places in the list of
            # case studies below (numbers are shorter than ids; core.mjs puts the case studies in their place)
            "case_studies": [number[c.id] for c in _workbook_cases(fw, a)],
            "statements": [statement(a, s) for s in a.statements],
        }, a.url, "areas") for a in fw.areas],
        # each case study once (most are under every area): the areas above list their places here
        "case_studies": [place({"id": c.id, "title": c.title}, c.url, "case-studies") for c in fw.case_studies],
        # renamed and retired ids, so saved work and old exports follow them (see the workbook's migration)
        "migrations": fw.migrations,
        # the record's format, version and fields (data/workbook.yaml): the core's checks, limits and columns
        "record": fw.workbook.for_browser(),
    }
    if not texts:
        data["texts"] = "page"
        data["suggested"] = "later"
    # "<" escaped everywhere so no text can close the <script> or open a comment inside it
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _suggested(fw: Framework, statement) -> list[dict]:
    """The site's related case studies for a statement, each with why (one relation: framework/related.py)."""
    return [{"id": p.case_study.id, "why": p.reason} for p in fw.related.pairs_for_statement(statement)]


def workbook_suggested_js(fw: Framework) -> str:
    """assets/workbook-suggested.js: each statement's suggested case studies, for the self-evaluation. Its data
    island leaves them out (about 1.2 KiB of a first visit, when nothing is judged yet); self-evaluation.mjs loads this
    when it first draws a next step."""
    import json
    data = {s.id: _suggested(fw, s) for s in fw.statements}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # how many of each area's case studies (the island's list) are the framework's featured and also lists:
    # "Show all" counts those, never the site's own suggestions
    listed = json.dumps({a.id: len(a.featured) + len(a.also) for a in fw.areas}, separators=(",", ":"))
    return ("/* Made from data/framework.yaml by rendering/pages.py: each statement's suggested case studies, and how\n"
            "   many case studies each area lists (they come first in the area's list in the data island). */\n"
            f"window.WorkbookListed = {listed};\nwindow.WorkbookSuggested = {text};\n")


_env.globals["workbook_json"] = lambda fw, texts=True: markupsafe.Markup(workbook_json(fw, texts))


# the texts of the inline scripts written since recording() began (for the page's Content-Security-Policy)
_written: list[str] | None = None


@contextlib.contextmanager
def recording():
    """Collect the text of every inline script written inside the `with` block."""
    global _written
    outer, _written = _written, []
    try:
        yield _written
    finally:
        _written = outer


def inline_script(name: str) -> markupsafe.Markup:
    """templates/scripts/<name> as an inline <script>, minified (one line, so Markdown passes it through): for
    a script that must run as the page is read in, before it is first drawn."""
    from finish.scripts import minify     # esbuild, as for the site's other scripts
    text = minify((TEMPLATES / "scripts" / name).read_text(encoding="utf-8")).strip()
    if _written is not None:
        _written.append(text)
    return markupsafe.Markup("<script>" + text + "</script>")


_env.globals["inline_script"] = inline_script


def _yaml_string(value) -> str:
    """A front-matter value: JSON strings are valid YAML and survive quotes and colons."""
    import json
    return markupsafe.Markup(json.dumps(str(value), ensure_ascii=False))


_env.filters["yq"] = _yaml_string


def _label(value) -> str:
    """A text for an attribute inside a heading's { ... } (data-toc-label): without the characters Markdown
    would read there as emphasis, code or a link, which would end the attribute list and lose the anchor."""
    return "".join(c for c in str(value) if c not in "*_`[]\\{}#")


_env.filters["label"] = _label


def _uk_date(value) -> str:
    """2026-01-08 -> 8 January 2026."""
    import datetime
    day = datetime.date.fromisoformat(str(value))
    return f"{day.day} {day:%B %Y}"


_env.filters["ukdate"] = _uk_date


def abbreviation_lines(fw: Framework) -> str:
    """`*[TA]: Teaching assistant` lines for every glossary term that has a long form."""
    lines = []
    for entry in fw.glossary:
        if entry.expansion:
            for form in [entry.term, *entry.aliases]:
                if form.replace("-", "").isalnum() and form.upper() == form or form in ("nasen", "SENCo"):
                    lines.append(f"*[{form}]: {entry.expansion}")
    return "\n".join(lines) + "\n"
