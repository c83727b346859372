"""Knowledge-base pages: each exists, names its sources, and links both ways with its areas."""
import pytest

from framework.load import load_framework

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
