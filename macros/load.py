"""Load data/framework.yaml once, validate it, and build the typed model.

Every problem found becomes one line "FILE:LINE: problem"; they are raised together as a
FrameworkError so a maintainer sees all of them at once, and the build stops before any
page is written.
"""
from __future__ import annotations

import datetime
import re
from pathlib import Path

import yaml

from .model import (
    TIER_IDS, Area, AreaTier, Artefact, CaseStudy, Descriptor, Framework, GlossaryEntry,
    KnowledgePage, LocalAuthority, Source, Statement, Theme, Tier,
)

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CASE_STUDY_SECTIONS = (
    "context", "intent", "implementation", "impact", "why_it_matters", "professional_knowledge",
    "motivations_for_change", "ways_to_address_them", "developing_professional_support",
    "further_sources",
)


class FrameworkError(Exception):
    """The YAML is wrong. str(error) is the message for the maintainer."""


class Node(dict):
    """A YAML mapping that remembers the line it starts on and the line of each key."""
    line = 0
    key_lines: dict


class Seq(list):
    line = 0


class LineLoader(yaml.SafeLoader):
    pass


def _mapping(loader, node):
    loader.flatten_mapping(node)
    result = Node()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise FrameworkError(f"line {key_node.start_mark.line + 1}: the key '{key}' appears twice in one mapping")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader, node):
    result = Seq(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


class Checker:
    """Collects problems with the line each one is on."""

    def __init__(self, path: Path):
        self.path = path
        self.problems: list[str] = []

    def problem(self, where, message: str, key: str | None = None):
        line = getattr(where, "line", 0)
        if key is not None and isinstance(where, Node):
            line = where.key_lines.get(key, line)
        self.problems.append(f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}")

    def text(self, node, key: str, what: str, required: bool = True) -> str | None:
        """A non-empty string at node[key]."""
        if not isinstance(node, dict):
            return None
        value = node.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(node, f"{what} has no '{key}'")
            return None
        if isinstance(value, (datetime.date, int, float)):
            return str(value)
        if not isinstance(value, str):
            self.problem(node, f"{what}: '{key}' must be text", key)
            return None
        return " ".join(value.split())

    def texts(self, node, key: str, what: str) -> list[str]:
        value = node.get(key) if isinstance(node, dict) else None
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(node, f"{what}: '{key}' must be a list of texts", key)
            return []
        return [" ".join(v.split()) for v in value]

    def items(self, node, key: str, what: str, required: bool = True) -> list:
        value = node.get(key) if isinstance(node, dict) else None
        if value is None and not required:
            return []
        if not isinstance(value, list) or (required and not value):
            self.problem(node, f"{what}: '{key}' must be a non-empty list", key)
            return []
        return value

    def ident(self, node, what: str, seen: dict) -> str | None:
        value = self.text(node, "id", what)
        if value is None:
            return None
        if not ID_PATTERN.match(value):
            self.problem(node, f"{what}: id '{value}' must be lower-case letters, digits and hyphens", "id")
        if value in seen:
            self.problem(node, f"{what}: id '{value}' is used twice (first on line {seen[value]})", "id")
        seen[value] = node.get("id") and node.key_lines.get("id", node.line)
        return value


def parse_yaml(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FrameworkError(f"{path}: file not found")
    except UnicodeDecodeError as error:
        raise FrameworkError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})")
    if not text.strip():
        raise FrameworkError(f"{path}: the file is empty")
    try:
        data = yaml.load(text, Loader=LineLoader)
    except FrameworkError as error:
        raise FrameworkError(f"{path}:{error}".replace(":line ", ":", 1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        context = getattr(error, "context", None)
        detail = f"{problem} ({context})" if context else problem
        raise FrameworkError(f"{path}{line}: not valid YAML: {detail}")
    if not isinstance(data, dict):
        raise FrameworkError(f"{path}: the top level must be a mapping of keys (title:, areas:, ...)")
    return data


def load_framework(path: Path, knowledge_dir: Path | None = None) -> Framework:
    """Read, validate and link the whole model. Raises FrameworkError listing every problem."""
    path = Path(path)
    data = parse_yaml(path)
    shown = Path(path.parent.name) / path.name if path.parent.name else path
    check = Checker(shown)
    knowledge_dir = knowledge_dir or path.parent / "knowledge"

    for key in ("edition", "title", "introduction", "how_to_use", "tiers", "areas", "case_studies",
                "ordinarily_available_provision", "acknowledgements"):
        if key not in data:
            check.problem(data, f"the top-level key '{key}' is missing")
    if check.problems:
        raise FrameworkError("\n".join(check.problems))

    edition = data["edition"] if isinstance(data["edition"], dict) else {}
    edition_id = check.text(edition or data, "id", "edition") if edition else None
    if not edition:
        check.problem(data, "edition must be a mapping with id and date", "edition")
    edition_date = check.text(edition, "date", "edition") if edition else None

    # Tiers ---------------------------------------------------------------
    tiers = []
    for node in check.items(data, "tiers", "tiers"):
        tid = check.text(node, "id", "a tier")
        if tid not in TIER_IDS:
            check.problem(node, f"tier id '{tid}' is not one of {', '.join(TIER_IDS)}")
            continue
        tiers.append(Tier(tid, check.text(node, "name", f"tier '{tid}'") or tid,
                          check.text(node, "summary", f"tier '{tid}'") or "",
                          check.texts(node, "points", f"tier '{tid}'")))
    missing_tiers = [t for t in TIER_IDS if t not in {x.id for x in tiers}]
    if missing_tiers:
        check.problem(data.get("tiers") or data, f"tiers: missing tier(s) {', '.join(missing_tiers)}", "tiers")
    tiers.sort(key=lambda t: TIER_IDS.index(t.id))
    tier_by_id = {t.id: t for t in tiers}

    # Themes ----------------------------------------------------------------
    themes, theme_ids = [], {}
    for node in check.items(data, "themes", "themes", required=False):
        tid = check.ident(node, "a theme", theme_ids)
        if tid:
            themes.append(Theme(tid, check.text(node, "name", f"theme '{tid}'") or tid,
                                check.text(node, "description", f"theme '{tid}'", required=False) or ""))
    theme_by_id = {t.id: t for t in themes}

    # Case studies ------------------------------------------------------------
    case_studies, cs_ids = [], {}
    for node in check.items(data, "case_studies", "case_studies"):
        cid = check.ident(node, "a case study", cs_ids)
        if not cid:
            continue
        what = f"case study '{cid}'"
        artefacts = []
        for art in check.items(node, "artefacts", what, required=False):
            name = check.text(art, "name", f"an artefact of {what}")
            url = check.text(art, "url", f"an artefact of {what}", required=False)
            if url and not re.match(r"^https?://", url):
                check.problem(art, f"{what}: artefact '{name}' url must start with http:// or https://", "url")
            artefacts.append(Artefact(name or "", url))
        cs_themes = []
        for theme in node.get("themes") or []:
            if theme not in theme_by_id:
                check.problem(node, f"{what} has theme '{theme}', which is not defined under themes:", "themes")
            else:
                cs_themes.append(theme_by_id[theme])
        sections = {}
        raw_sections = node.get("sections") or {}
        if not isinstance(raw_sections, dict):
            check.problem(node, f"{what}: 'sections' must be a mapping", "sections")
            raw_sections = {}
        for key in raw_sections:
            if key not in CASE_STUDY_SECTIONS:
                check.problem(raw_sections, f"{what}: unknown section '{key}' (use one of {', '.join(CASE_STUDY_SECTIONS)})", key)
            else:
                value = check.text(raw_sections, key, what, required=False)
                if value:
                    sections[key] = raw_sections[key].strip()
        case_studies.append(CaseStudy(cid, check.text(node, "title", what) or cid,
                                      check.text(node, "overview", what) or "", artefacts, cs_themes,
                                      {k: sections[k] for k in CASE_STUDY_SECTIONS if k in sections}))
    cs_by_id = {c.id: c for c in case_studies}

    # Areas -----------------------------------------------------------------
    areas, area_ids, statement_ids = [], {}, {}
    for index, node in enumerate(check.items(data, "areas", "areas"), start=1):
        aid = check.ident(node, "an area", area_ids)
        if not aid:
            continue
        what = f"area '{aid}'"
        number = node.get("number")
        if number != index:
            check.problem(node, f"{what} has number {number}, expected {index} (areas are numbered 1, 2, 3... in order)", "number")
        area = Area(aid, index, check.text(node, "name", what) or aid, [], [], [], [])
        for s_index, s_node in enumerate(check.items(node, "statements", what), start=1):
            sid = check.ident(s_node, f"a statement of {what}", statement_ids)
            if s_node.get("number") != s_index:
                check.problem(s_node, f"{what}: statement '{sid}' has number {s_node.get('number')}, expected {s_index} (numbers must run 1, 2, 3... with no gap)", "number")
            area.statements.append(Statement(sid or "", s_index, check.text(s_node, "text", f"statement '{sid}'") or "", area))
        numbers = {s.number for s in area.statements}
        tier_nodes = node.get("tiers") if isinstance(node.get("tiers"), dict) else None
        if tier_nodes is None:
            check.problem(node, f"{what} has no 'tiers' mapping", "tiers")
            tier_nodes = Node()
        for tid in TIER_IDS:
            if tid not in tier_nodes:
                check.problem(tier_nodes if tier_nodes.line else node, f"{what} is missing the tier '{tid}'")
                continue
            t_node = tier_nodes[tid]
            descriptors = []
            for d_node in check.items(t_node, "descriptors", f"{what}, tier '{tid}'"):
                refs = d_node.get("statements") if isinstance(d_node, dict) else None
                if not isinstance(refs, list) or not refs:
                    check.problem(d_node, f"{what}, tier '{tid}': a descriptor needs 'statements: [numbers]'")
                    refs = []
                for ref in refs:
                    if ref not in numbers:
                        check.problem(d_node, f"{what}, tier '{tid}': a descriptor refers to statement {ref}, which the area does not have", "statements")
                descriptors.append(Descriptor([r for r in refs if r in numbers],
                                              check.text(d_node, "text", f"a descriptor of {what}") or ""))
            summary = check.text(t_node, "summary", f"{what}, tier '{tid}'", required=False)
            if tid in tier_by_id:
                area.tiers.append(AreaTier(tier_by_id[tid], descriptors, summary))
        for t_key in tier_nodes:
            if t_key not in TIER_IDS:
                check.problem(tier_nodes, f"{what}: unknown tier '{t_key}' (use {', '.join(TIER_IDS)})", t_key)
        for list_key, target in (("featured", area.featured), ("also", area.also)):
            refs = node.get(list_key) or []
            for ref in refs:
                if ref not in cs_by_id:
                    check.problem(node, f"{what} lists case study '{ref}' under {list_key}:, which is not defined", list_key)
                elif cs_by_id[ref] in target:
                    check.problem(node, f"{what} lists case study '{ref}' twice under {list_key}:", list_key)
                else:
                    target.append(cs_by_id[ref])
        areas.append(area)

    for area in areas:
        for cs in area.featured:
            cs.featured_in.append(area)
        for cs in area.also:
            cs.linked_from.append(area)
    for cs in case_studies:
        if not cs.featured_in and not cs.linked_from:
            check.problem(data["case_studies"][case_studies.index(cs)], f"case study '{cs.id}' is not listed by any area (add its id to an area's featured: or also:)")
    area_by_id = {a.id: a for a in areas}

    # Issue 16 (reading): two optional case-study keys (declare them in the schema when merging) -----------
    # source_note: our words on how this text differs between the framework's copies of it;
    # related_statements: statement ids a maintainer sets, which replace the computed "related" ones.
    for node in data.get("case_studies") or []:
        if not isinstance(node, dict) or node.get("id") not in cs_by_id:
            continue
        cs = cs_by_id[node["id"]]
        cs.source_note = check.text(node, "source_note", f"case study '{cs.id}'", required=False)
        refs = node.get("related_statements") or []
        for ref in refs if isinstance(refs, list) else [refs]:
            if ref not in statement_ids:
                check.problem(node, f"case study '{cs.id}' lists '{ref}' under related_statements:, which is not a statement id (e.g. statement-2-7)", "related_statements")
            else:
                cs.related_statements.append(ref)

    # Ordinarily available provision, acknowledgements -------------------------
    oap_node = data.get("ordinarily_available_provision") or {}
    authorities = []
    for la in check.items(oap_node, "local_authorities", "ordinarily_available_provision"):
        name = check.text(la, "name", "a local authority")
        accessed = la.get("accessed") if isinstance(la, dict) else None
        if isinstance(accessed, datetime.date):
            accessed = accessed.isoformat()
        if not (isinstance(accessed, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", accessed)):
            check.problem(la, f"local authority '{name}': 'accessed' must be a date like 2026-01-08", "accessed")
        url = check.text(la, "url", f"local authority '{name}'", required=False)
        authorities.append(LocalAuthority(name or "", accessed or "", url))
    oap = {"intro": check.text(oap_node, "intro", "ordinarily_available_provision"), "local_authorities": authorities}

    # Glossary ------------------------------------------------------------------
    glossary, terms = [], {}
    for node in check.items(data, "glossary", "glossary", required=False):
        term = check.text(node, "term", "a glossary entry")
        if term in terms:
            check.problem(node, f"glossary term '{term}' is defined twice")
        terms[term] = True
        entry = GlossaryEntry(term or "", check.text(node, "meaning", f"glossary term '{term}'") or "",
                              check.text(node, "expansion", f"glossary term '{term}'", required=False),
                              [str(a) for a in node.get("aliases") or []])
        for ref in node.get("areas") or []:
            if ref in area_by_id:
                entry.areas.append(area_by_id[ref])
            else:
                check.problem(node, f"glossary term '{term}' names area '{ref}', which is not defined", "areas")
        for ref in node.get("case_studies") or []:
            if ref in cs_by_id:
                entry.case_studies.append(cs_by_id[ref])
            else:
                check.problem(node, f"glossary term '{term}' names case study '{ref}', which is not defined", "case_studies")
        glossary.append(entry)

    # Knowledge-base pages --------------------------------------------------------
    knowledge, k_ids = [], {}
    for node in check.items(data, "knowledge_pages", "knowledge_pages", required=False):
        kid = check.ident(node, "a knowledge page", k_ids)
        if not kid:
            continue
        body_path = knowledge_dir / f"{kid}.md"
        if not body_path.is_file():
            check.problem(node, f"knowledge page '{kid}' has no body file {body_path}")
            body = ""
        else:
            body = body_path.read_text(encoding="utf-8")
        sources = [Source(check.text(s, "title", f"a source of '{kid}'") or "", check.text(s, "by", f"a source of '{kid}'") or "",
                          check.text(s, "date", f"a source of '{kid}'", required=False))
                   for s in check.items(node, "sources", f"knowledge page '{kid}'")]
        page = KnowledgePage(kid, check.text(node, "title", f"knowledge page '{kid}'") or kid,
                             check.text(node, "summary", f"knowledge page '{kid}'") or "", sources, [], body)
        for ref in node.get("areas") or []:
            if ref in area_by_id:
                page.areas.append(area_by_id[ref])
                area_by_id[ref].further_reading.append(page)
            else:
                check.problem(node, f"knowledge page '{kid}' names area '{ref}', which is not defined", "areas")
        knowledge.append(page)

    # Front matter: the shapes the About page and home page rely on ---------------
    check.texts(data, "introduction", "introduction")
    how = data.get("how_to_use")
    if not isinstance(how, dict):
        check.problem(data, "how_to_use must be a mapping with steps:", "how_to_use")
    else:
        check.texts(how, "steps", "how_to_use")
    development = data.get("development")
    if development is not None:
        sections = development.get("sections") if isinstance(development, dict) else None
        if not isinstance(sections, list) or not all(isinstance(x, dict) and x.get("paragraphs") for x in sections):
            check.problem(data, "development must have sections:, each with paragraphs:", "development")
    ack = data.get("acknowledgements")
    if not isinstance(ack, dict):
        check.problem(data, "acknowledgements must be a mapping", "acknowledgements")
    else:
        for key in ("expert_group", "call_for_evidence", "pilot_schools"):
            check.items(ack, key, "acknowledgements")

    # Redirects: old page path -> current page path -----------------------------
    redirects = data.get("redirects") or {}
    if not isinstance(redirects, dict):
        check.problem(data, "redirects must be a mapping of old page paths to new ones", "redirects")
        redirects = {}
    pages = ({f"areas/{a.id}.md" for a in areas} | {f"case-studies/{c.id}.md" for c in case_studies}
             | {f"knowledge/{k.id}.md" for k in knowledge})
    for old, new in redirects.items():
        if not (isinstance(old, str) and old.endswith(".md")):
            check.problem(redirects, f"redirects: '{old}' must be an old page path ending in .md, like areas/old-id.md", old)
        target = str(new).split("#")[0]
        if target in pages:
            if old in pages:
                check.problem(redirects, f"redirects: '{old}' is still a page, so it cannot redirect", old)
        elif target.split("/")[0] in ("areas", "case-studies", "knowledge") and target.count("/") == 1:
            check.problem(redirects, f"redirects: '{old}' points to '{new}', which is not a page (check the id)", old)

    if check.problems:
        raise FrameworkError("\n".join(check.problems))

    return Framework(
        edition={"id": edition_id, "date": edition_date, "notes": edition.get("notes", "")},
        title=data["title"], publisher=data.get("publisher", ""),
        introduction=check.texts(data, "introduction", "introduction"),
        development=data.get("development") or {}, how_to_use=data["how_to_use"],
        tiers=tiers, areas=areas, case_studies=case_studies, themes=themes, oap=oap,
        acknowledgements=data["acknowledgements"], glossary=glossary, knowledge_pages=knowledge,
        redirects=dict(redirects),
    )
