"""Knowledge-base pages: each exists, names its sources, and links both ways with its areas; a body
(data/knowledge/ID.md) holds only the site's safe Markdown."""
import re
import shutil

import markdown
import pytest

from framework.load import FrameworkError, load_framework
from hostile import PAYLOADS, live_markup, project

from conftest import ROOT

FW = load_framework(ROOT / "data" / "framework.yaml")


def test_the_five_pages_exist():
    assert {p.id for p in FW.knowledge_pages} == {
        "writing-a-case-study", "case-study-template", "sharing-expertise", "scaling-across-a-trust", "other-collections"}


@pytest.mark.parametrize("kp", FW.knowledge_pages, ids=lambda p: p.id)
def test_page_names_its_sources_and_links_to_its_areas(soup, kp):
    page = soup(f"knowledge/{kp.id}/index.html")
    assert " ".join(page.h1.get_text().split()) == kp.title
    sources = " ".join(page.find(id="sources").find_next("ul").get_text().split())
    for source in kp.sources:
        assert source.title in sources
    hrefs = {a["href"].split("#")[0] for a in page.select("article a[href]")}
    assert kp.areas
    for area in kp.areas:
        assert f"../../areas/{area.id}/" in hrefs


@pytest.mark.parametrize("kp", FW.knowledge_pages, ids=lambda p: p.id)
def test_page_lists_its_sources_once(soup, kp):
    """The Sources section is made from the page's `sources:`; a body with its own repeats it to the reader."""
    page = soup(f"knowledge/{kp.id}/index.html")
    headings = [h.get_text(" ", strip=True) for h in page.select("article h2")]
    assert [h for h in headings if h.rstrip("s") == "Source"] == ["Sources"], headings


@pytest.mark.parametrize("kp", FW.knowledge_pages, ids=lambda p: p.id)
def test_areas_link_back_under_further_reading(soup, kp):
    for area in kp.areas:
        page = soup(f"areas/{area.id}/index.html")
        heading = page.find(id="further-reading")
        assert heading is not None and heading.get_text(strip=True) == "Further reading"
        hrefs = {a["href"] for a in heading.find_next("ul").select("a[href]")}
        assert f"../../knowledge/{kp.id}/" in hrefs


def test_scaling_page_names_all_five_trusts(soup):
    text = soup("knowledge/scaling-across-a-trust/index.html").get_text(" ")
    for trust in ("E-ACT", "Our Community", "Ormiston", "Northampton Primary Academy Trust", "Northern Education Trust"):
        assert trust in text


def test_other_collections_lists_six_titles(soup):
    page = soup("knowledge/other-collections/index.html")
    heading = page.find(lambda tag: tag.name == "h2" and tag.get_text(strip=True) == "The six titles")
    assert heading is not None
    rows = heading.find_next("table").select("tbody tr")
    assert [r.td.get_text(strip=True) for r in rows] == ["1", "2", "3", "4", "5", "6"]


def test_template_page_links_the_download(soup):
    hrefs = {a["href"] for a in soup("knowledge/case-study-template/index.html").select("article a[href]")}
    assert "../../downloads/case-study-template.txt" in hrefs


# Payloads a body may hold as text: shown as typed, nothing runs or loads ("link to no page" is a page link,
# which MkDocs's strict build refuses when the page does not exist)
SHOWN_AS_TEXT = {"escaped markup", "formula", "line break after a URL", "link to no page"}


@pytest.mark.parametrize("kind", list(PAYLOADS))
def test_a_hostile_body_is_refused_with_its_file_and_line_or_published_inert(tmp_path, kind):
    path = project(tmp_path)
    shutil.copy(ROOT / "data" / "framework.yaml", path)
    body = path.parent / "knowledge" / "sharing-expertise.md"
    text = body.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    line = text.count("\n") + 1
    body.write_text(text + PAYLOADS[kind].format(n=1) + "\n", encoding="utf-8")
    if kind in SHOWN_AS_TEXT:
        fw = load_framework(path)
        page = next(k for k in fw.knowledge_pages if k.id == "sharing-expertise")
        html = markdown.markdown(page.body, extensions=["abbr", "attr_list", "md_in_html", "admonition", "tables"])
        assert live_markup(html) == []
    else:
        with pytest.raises(FrameworkError) as refused:
            load_framework(path)
        found = re.match(r"data/knowledge/sharing-expertise\.md:(\d+): ", str(refused.value))
        payload_lines = range(line, line + PAYLOADS[kind].count("\n") + 1)      # the line of the payload's part
        assert found and int(found.group(1)) in payload_lines, str(refused.value)


def test_a_body_with_its_own_sources_heading_is_refused(tmp_path):
    path = project(tmp_path)
    shutil.copy(ROOT / "data" / "framework.yaml", path)
    body = path.parent / "knowledge" / "scaling-across-a-trust.md"
    body.write_text(body.read_text(encoding="utf-8") + "\n## Source\n\n- Tes, 2023\n", encoding="utf-8")
    with pytest.raises(FrameworkError, match=r"data/knowledge/scaling-across-a-trust\.md:\d+: has its own 'Source' heading"):
        load_framework(path)


def test_a_body_that_is_not_utf8_is_refused_with_its_file(tmp_path):
    path = project(tmp_path)
    shutil.copy(ROOT / "data" / "framework.yaml", path)
    body = path.parent / "knowledge" / "other-collections.md"
    body.write_bytes(body.read_bytes() + "\nCaf\u00e9\n".encode("latin-1"))
    with pytest.raises(FrameworkError, match=r"^data/knowledge/other-collections\.md:1: is not UTF-8 text"):
        load_framework(path)


def test_a_body_link_to_no_page_or_no_anchor_stops_the_build(tmp_path):
    """A body's link to a page of the site that does not exist, or to an anchor a page lacks, is refused by the
    strict build (MkDocs checks both), and the site folder is left as it was."""
    from conftest import build_site, copy_project
    project = copy_project(tmp_path)
    body = project / "data" / "knowledge" / "sharing-expertise.md"
    out = tmp_path / "out"
    out.mkdir()
    (out / "kept.txt").write_text("the previous site", encoding="utf-8")
    base = body.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    for link, named in (("../areas/no-such-area.md", "no-such-area.md"),
                        ("../areas/leadership-of-send.md#no-such-anchor", "no-such-anchor"),
                        ("../areas/no-such-area/", "no-such-area/")):
        body.write_text(base + f"See [this page]({link}).\n", encoding="utf-8")
        result = build_site(project, out)
        assert result.returncode != 0, f"{link}: built"
        assert named in result.stdout + result.stderr
        assert [p.name for p in out.iterdir()] == ["kept.txt"], f"{link}: the site folder changed"


BODY_MISTAKES = {
    "a top heading": ("# A top heading", "is a heading"),
    "a heading underlined with =": ("A heading\n=========", "is a heading"),
    "a code block": ("    indented, so code", "is a code block"),
    "a control character": ("A bell \x07 rings.", "control character (U+0007)"),
    "a link above the site": ("See [this](../../areas/leadership-of-send/).", "links to '../../areas"),
    "a link that climbs back": ("See [this](downloads/../../../etc/passwd).", "links to 'downloads/.."),
}


@pytest.mark.parametrize("case", list(BODY_MISTAKES))
def test_a_body_mistake_is_refused_with_its_line(tmp_path, case):
    """What a body must not hold, each refused on its own line: a page has one top heading (its title), no code
    block, no character a page cannot show, and no link out of the site by a relative path."""
    text, expected = BODY_MISTAKES[case]
    path = project(tmp_path)
    shutil.copy(ROOT / "data" / "framework.yaml", path)
    body = path.parent / "knowledge" / "sharing-expertise.md"
    base = body.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    body.write_text(base + text + "\n", encoding="utf-8")
    with pytest.raises(FrameworkError) as refused:
        load_framework(path)
    line = base.count("\n") + 1
    assert str(refused.value).startswith(f"data/knowledge/sharing-expertise.md:{line}: "), str(refused.value)
    assert expected in str(refused.value)


def test_a_note_box_of_several_paragraphs_is_one_block(tmp_path):
    """A note box ("!!! note") goes on while its lines are indented, blank lines between them included: its
    paragraphs are not code blocks."""
    path = project(tmp_path)
    shutil.copy(ROOT / "data" / "framework.yaml", path)
    body = path.parent / "knowledge" / "sharing-expertise.md"
    body.write_text(body.read_text(encoding="utf-8").rstrip("\n") + '\n\n!!! note "A note"\n    One.\n\n    Two.\n\n'
                    "After the box.\n", encoding="utf-8")
    page = next(k for k in load_framework(path).knowledge_pages if k.id == "sharing-expertise")
    assert "    Two." in page.body
