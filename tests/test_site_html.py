"""The built HTML carries the whole framework, with stable anchors and links both ways."""
import re

import pytest

from framework.load import load_framework

from conftest import ROOT

FW = load_framework(ROOT / "data" / "framework.yaml")


def text_of(node) -> str:
    """Visible text, with inline tags (abbr, a) not leaving stray spaces before punctuation."""
    return text_of_string(node.get_text(" "))


def norm(text: str) -> str:
    return text_of_string(text.replace("\u2019", "'"))


def text_of_string(text: str) -> str:
    text = re.sub(r"\s*([\u2013\u2014])\s*", r"\1", " ".join(text.split()))
    return re.sub(r"\s+([.,;:!?)'\u2019])", r"\1", re.sub(r"([(\u2018])\s+", r"\1", text))


def links(page) -> set[str]:
    return {a["href"] for a in page.select("article a[href]")}


@pytest.mark.parametrize("area", FW.areas, ids=lambda a: a.id)
def test_area_page_has_every_statement_and_descriptor(soup, area):
    page = soup(f"areas/{area.id}/index.html")
    assert text_of(page.h1) == f"Area {area.number}: {area.name}"
    assert len(page.find_all("h1")) == 1
    body = norm(text_of(page.select_one("article")))
    for s in area.statements:
        heading = page.find(id=s.id)
        assert heading is not None and heading.name == "h2", s.id
        assert norm(s.text) in body
        share = page.select_one(f'a[data-copy-link][href="#{s.id}"]')
        assert share is not None, f"no copy-link for {s.id}"
    for at in area.tiers:
        for d in at.descriptors:
            assert norm(d.text) in body, d.text[:60]
        if at.summary:
            assert norm(at.summary) in body


@pytest.mark.parametrize("area", FW.areas, ids=lambda a: a.id)
def test_area_page_links_to_its_case_studies(soup, area):
    page = soup(f"areas/{area.id}/index.html")
    hrefs = links(page)
    for cs in area.featured + area.also:
        assert f"../../case-studies/{cs.id}/" in hrefs, cs.id
    featured = page.find(id="case-studies")
    assert featured and "How to move to Sustaining Excellence" in text_of(featured)


@pytest.mark.parametrize("cs", FW.case_studies, ids=lambda c: c.id)
def test_case_study_page_links_back_to_every_area(soup, cs):
    page = soup(f"case-studies/{cs.id}/index.html")
    assert text_of(page.h1) == cs.title
    assert norm(cs.overview) in norm(text_of(page.select_one("article")))
    hrefs = {h.split("#")[0] for h in links(page)}
    for area in cs.areas:
        assert f"../../areas/{area.id}/" in hrefs, area.id
    for artefact in cs.artefacts:
        assert artefact.name in text_of(page.select_one("article"))


def test_case_study_index_lists_all_with_areas(soup):
    page = soup("case-studies/index.html")
    items = page.select("li.cs-item")
    assert len(items) == len(FW.case_studies)
    for cs in FW.case_studies:
        item = page.find(id=cs.id).find_parent("li")
        assert set(item["data-areas"].split()) == {a.id for a in cs.areas}


def test_areas_index_and_home_link_every_area(soup):
    for rel, prefix in (("areas/index.html", ""), ("index.html", "areas/")):
        hrefs = {a["href"] for a in soup(rel).select("article a[href]")}
        for area in FW.areas:
            assert f"{prefix}{area.id}/" in hrefs, (rel, area.id)


def test_ordinarily_available_provision_lists_every_authority(soup):
    page = soup("ordinarily-available-provision/index.html")
    rows = page.select("article table tbody tr")
    names = [text_of(r.find("td")) for r in rows]
    assert names == [la.name for la in FW.oap.local_authorities]
    assert page.select('time[datetime="2026-03-23"]') and page.select('time[datetime="2026-01-08"]')
    assert "not include those links" in text_of(page)


def test_about_page_has_steps_and_acknowledgements(soup):
    page = soup("about/index.html")
    steps = page.select("article ol li")
    assert len(steps) >= 10
    assert "Specialist Sector-Led Inclusion Expert Group" in text_of(page)
    assert "the link is not in the text export" in text_of(page)


def test_tiers_page(soup):
    page = soup("tiers/index.html")
    for tier in FW.tiers:
        assert page.find(id=tier.id) is not None
        for point in tier.points:
            assert norm(point) in norm(text_of(page))


def test_every_page_shows_the_edition_and_has_one_h1(html_pages, soup):
    edition = FW.edition.id
    for rel in html_pages:
        if rel == "404.html" or rel.startswith("downloads/"):
            continue
        page = soup(rel)
        if page.find("meta", attrs={"http-equiv": "refresh"}):
            continue   # a redirect stub
        assert len(page.find_all("h1")) == 1, rel
        footer = page.find("footer")
        assert footer and f"edition {edition}" in text_of(footer).lower(), rel


def test_statement_anchor_clears_the_sticky_header(site_dir, soup):
    """A CSS rule with a positive scroll-margin-top matches the statement headings themselves."""
    css = re.sub(r"/\*.*?\*/", "", (site_dir / "assets" / "site.css").read_text(), flags=re.S)
    selectors = [s.strip() for block, body in re.findall(r"([^{}]+)\{([^}]*)\}", css)
                 if re.search(r"scroll-margin-top:\s*[1-9]", body) for s in block.split(",")]
    page = soup("areas/leadership-of-send/index.html")
    heading = page.select_one("h2.statement-heading")
    assert heading is not None
    assert any(heading in page.select(s) for s in selectors if ":" not in s), selectors


def test_no_case_study_artefact_has_an_invented_url(soup):
    """The only outside links on a case-study page are the artefact addresses the YAML gives."""
    for cs in FW.case_studies:
        page = soup(f"case-studies/{cs.id}/index.html")
        external = {a["href"] for a in page.select("article a[href^='http']")}
        assert external <= {a.url for a in cs.artefacts if a.url}, (cs.id, external)
