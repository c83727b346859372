"""Reading on a phone: what the built HTML offers a reader (statements first, related case studies,
a compact case-study list, clear deep-link wording, the glossary A-Z, the maintainers' check table)."""
import re

import pytest

from framework import related
from framework.load import load_framework

from conftest import ROOT

FW = load_framework(ROOT / "data" / "framework.yaml")
RELATION = related.compute(FW)


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


@pytest.mark.parametrize("area", FW.areas, ids=lambda a: a.id)
def test_each_statement_shows_its_related_case_studies(soup, area):
    """The site's suggestions under each statement, as the relation made them; a statement no case study is
    about shows none rather than a weak one (the area's own list follows on the page)."""
    page = soup(f"areas/{area.id}/index.html")
    for s in area.statements:
        heading = page.find(id=s.id)
        line = heading.find_next("p", class_="related")
        mine = line is not None and line.find_previous("h2", class_="statement-heading") is heading
        related = RELATION.for_statement(s)
        if not related:
            assert not mine, f"statement {s.label} shows a related line with nothing related"
            continue
        assert mine, s.id
        assert text(line).startswith("Related case studies:"), "shown as related, not as the framework's list"
        assert [a["href"] for a in line.find_all("a")] == [f"../../case-studies/{c.id}/" for c in related]


@pytest.mark.parametrize("area", FW.areas, ids=lambda a: a.id)
def test_area_case_studies_are_a_compact_list(soup, area):
    page = soup(f"areas/{area.id}/index.html")
    article = text(page.select_one("article"))
    for cs in area.featured:
        item = page.find(id=f"case-study-{cs.id}")
        assert item is not None and item.name == "li", cs.id
        assert "Featured" in text(item.select_one(".badge"))
        assert item.select_one(f'a[href="../../case-studies/{cs.id}/"]')
        assert all(t.name in text(item) for t in cs.themes)
        assert " ".join(cs.overview.split()) not in article, "the full overview is on the case study's own page"
    for cs in area.also:
        item = page.find(id=f"also-{cs.id}")
        assert item is not None and "Also linked" in text(item.select_one(".badge")), cs.id
    assert page.find(id="case-studies").find_previous("h2", class_="statement-heading"), "statements come first"


def test_shared_descriptor_note_is_plain_to_a_reader_from_a_slide(soup):
    page = soup("areas/leadership-of-send/index.html")
    notes = [text(n) for n in page.select(".also-describes")]
    assert notes and all("This paragraph describes" not in n for n in notes)
    assert "(The framework describes statements 2.3 and 2.4 together in this one paragraph.)" in notes


def test_deep_link_targets_carry_a_label_for_the_message(soup):
    page = soup("areas/leadership-of-send/index.html")
    assert page.find(id="statement-2-3")["data-target-label"] == "statement 2.3"
    assert page.find(id="case-study-the-hive")["data-target-label"] == "case study The Hive"


@pytest.mark.parametrize("cs", FW.case_studies, ids=lambda c: c.id)
def test_case_study_page_lists_related_statements(soup, cs):
    page = soup(f"case-studies/{cs.id}/index.html")
    section = page.find(id="related-statements")
    assert section is not None, "every case study relates to at least one statement"
    hrefs = [a["href"] for a in section.find_next("ul").find_all("a")]
    assert hrefs == [f"../../areas/{s.area.id}/#{s.id}" for s in RELATION.for_case_study(cs)]
    assert "suggests" in text(section.find_next("p")), "said to be the site's suggestion"


def test_case_study_pages_link_to_their_exact_place_on_the_area_page(soup):
    page = soup("case-studies/the-hive/index.html")
    area_links = [a["href"] for a in page.find(id="areas").find_all_next("a") if "/areas/" in a["href"]]
    for area in FW.case_study("the-hive").linked_from:
        assert f"../../areas/{area.id}/#also-the-hive" in area_links


def test_progressive_curriculum_says_which_areas_word_it_differently(soup):
    note = soup("case-studies/progressive-sequenced-curriculum/index.html").select_one(".source-note")
    assert note is not None
    assert "areas 1, 3, 5, 6, 7 and 8" in text(note) and "Individual Learning Plans targets" in text(note)


def test_glossary_has_an_a_to_z_that_reaches_every_letter(soup):
    page = soup("glossary/index.html")
    nav = page.select_one("nav.az-list")
    assert nav is not None
    links = {a.get_text(): a["href"] for a in nav.find_all("a")}
    firsts = {}
    for g in sorted(FW.glossary, key=lambda g: g.term.lower()):
        key = g.term[0].upper() if g.term[0].isalpha() else "#"
        firsts.setdefault(key, g.anchor)
    assert links == {k: f"#{v}" for k, v in firsts.items()}
    for href in links.values():
        assert page.find(id=href[1:]) is not None


def test_case_study_index_results_do_not_repeat_the_area_list(soup):
    page = soup("case-studies/index.html")
    for cs in FW.case_studies:
        item = page.find(id=cs.id).find_parent("li")
        assert set(item["data-featured"].split()) == {a.id for a in cs.featured_in}
        area_links = [a for a in item.select(".cs-item__meta a") if "/areas/" in a["href"]]
        assert len(area_links) == len(cs.featured_in), "only the areas that feature it are named"


def test_maintainers_page_has_the_relation_table(soup):
    page = soup("maintainers/index.html")
    table = page.select_one("table.related-table")
    assert table is not None
    rows = table.select("tbody tr")
    assert len(rows) == len(FW.statements)
    first = rows[0]
    assert first.th.a["href"].endswith(f"#{FW.statements[0].id}")
    assert re.search(r"\(\d+\.\d\d\)", text(first)), "each pair shows its score"
