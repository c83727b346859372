"""The printable blank audit form: every statement, its three descriptors, a box to tick
for each tier and space to write; no form controls; printed, it is short and keeps every statement."""
from __future__ import annotations

from conftest import ROOT
from framework.load import load_framework
from pdf_text import pages as pdf_pages
from pdf_text import squashed

FW = load_framework(ROOT / "data" / "framework.yaml")
PAGE = "audit-form/index.html"


def test_the_form_has_every_statement_with_its_three_tiers_and_space_to_write(soup):
    page = soup(PAGE)
    blocks = page.select(".af-statement")
    assert [b.h3.get_text(" ", strip=True) for b in blocks] == [f"{s.label} {s.text}" for s in FW.statements]
    for block, s in zip(blocks, FW.statements):
        tiers = block.select(".af-tier")
        assert [t.select_one(".tier-name").get_text(strip=True) for t in tiers] == [t.name for t in FW.tiers]
        for at, descriptors in s.area.descriptors_for(s):
            shown = block.select_one(f".af-tier--{at.tier.id}").get_text(" ", strip=True)
            for d in descriptors:
                assert d.text in shown, f"{s.label}: descriptor missing at {at.tier.name}"
        assert block.select(".af-box") and block.select_one(".af-write"), f"{s.label}: nowhere to tick or write"
    assert not page.select("article input, article textarea, article select, article button")


def test_the_form_is_in_the_navigation_and_linked_from_the_workbook(soup):
    assert soup("self-evaluation/index.html").select_one("article a[href$='audit-form/']")
    assert soup("index.html").select_one("nav a[href$='audit-form/']")


def test_the_printed_form_keeps_every_statement_on_few_pages(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(base_url + "audit-form/")
        page.emulate_media(media="print")
        printed = pdf_pages(page.pdf(format="A4"))
        flat = squashed("\n".join(printed))
        missing = [s.label for s in FW.statements if squashed(s.text) not in flat]
        assert not missing, f"statements not printed: {missing}"
        # three descriptors of 43 statements and room to write: about half a page a statement at most
        assert len(printed) <= len(FW.statements) // 2 + 2, f"the blank form prints on {len(printed)} pages"
    finally:
        context.close()
