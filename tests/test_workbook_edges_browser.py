"""The workbook at its edges, in Chromium: one meaning for an area's case studies on every page (the framework's
featured and also lists), the compare and trust pages on a phone and on paper, and files at the edges."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from framework.load import load_framework

from conftest import ROOT

FW = load_framework(ROOT / "data" / "framework.yaml")
PHONE = {"width": 390, "height": 844}


def area_list(area) -> set[str]:
    """The framework's own list of an area's case studies: featured and also."""
    return {c.id for c in [*area.featured, *area.also]}


def test_an_areas_case_studies_are_counted_the_same_everywhere(page, base_url):
    # the area whose lists differ most from the site's own suggestions makes the test sharpest
    area = max(FW.areas, key=lambda a: len(area_list(a)))
    want = area_list(area)
    assert 0 < len(want) < len(FW.case_studies)

    page.goto(base_url)
    card = page.locator(".card", has=page.locator(f"a[href$='{area.url}']")).first
    assert f"{len(want)} case studies" in card.inner_text(), card.inner_text()

    page.goto(base_url + f"case-studies/?area={area.id}")
    shown = set(page.eval_on_selector_all("li.cs-item:not([hidden]) h2", "hs => hs.map(h => h.id)"))
    assert shown == want
    assert f"Showing {len(want)} of" in page.locator("#cs-count").inner_text()

    statement = area.statements[0]
    page.goto(base_url + "self-evaluation/")
    expect(page.locator("#wb-summary table")).to_be_visible()
    closed = page.locator(f"details:not([open]):has(#eval-{statement.id}) > summary")
    if closed.count():
        closed.click()
    page.locator(f"#eval-{statement.id} input[type=radio]").first.check()
    cases = page.locator(f"#eval-{statement.id} .wb-cases")
    toggle = cases.get_by_role("button", name=re.compile(r"^Show all"))
    expect(toggle).to_be_visible()
    number = int(re.search(r"\d+", toggle.inner_text()).group())
    assert number == len(want), toggle.inner_text()
    toggle.click()
    values = "bs => bs.map(b => b.value)"
    listed = set(cases.locator(".wb-case-list--area input[type=checkbox]").evaluate_all(values))
    first = set(cases.locator(".wb-case-list--suggested input[type=checkbox]").evaluate_all(values))
    assert listed <= want and want <= listed | first     # all of the area's list, and nothing else, under "Show all"
    # the site's own suggestions say what they are
    suggested = cases.locator(".wb-case-list--suggested")
    if suggested.locator("li").count():
        assert "suggest" in cases.inner_text().lower()


def compare_two_exports(page, base_url):
    page.goto(base_url + "compare/")
    fixtures = ROOT / "tests" / "fixtures"
    page.locator("#cmp-earlier").set_input_files(str(fixtures / "oak-2025.json"))
    page.locator("#cmp-later").set_input_files(str(fixtures / "oak-2026.json"))
    page.get_by_role("button", name="Compare").click()
    expect(page.locator("#at-a-glance")).to_be_visible()


def test_compare_fits_a_phone_and_prints_as_a_document(browser, base_url):
    from pdf_text import pages as pdf_pages
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        compare_two_exports(page, base_url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{width} px wide"
        for bar in page.locator(".tier-bar").all():      # every bar inside the screen, not in a box to scroll
            box = bar.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= 16 * PHONE["height"], f"{height} px tall"
        # every count as text: each area's tier spread is written out, not only drawn
        for area in FW.areas:
            row = page.locator(".cmp-areas tbody tr", has=page.locator("th", has_text=area.name))
            expect(row.locator(".tier-bar__text")).to_have_count(2)          # earlier and later
            for text in row.locator(".tier-bar__text").all():
                expect(text).to_be_visible()
        page.emulate_media(media="print")
        printed = pdf_pages(page.pdf(format="A4"))
        text = " ".join(" ".join(printed).split())
        assert len(printed) <= 3, f"{len(printed)} pages"
        assert "Choose an earlier export" not in text and "Nothing leaves this browser" not in text
    finally:
        context.close()


def test_the_trust_overview_on_a_phone_is_one_school_per_block(browser, base_url):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(base_url + "trust-overview/")
        fixtures = ROOT / "tests" / "fixtures"
        page.locator("#trust-files").set_input_files([str(fixtures / n) for n in ("oak-2026.json", "birch-2026.json")])
        grid = page.get_by_role("region", name="Schools by area")
        expect(grid).to_be_visible()
        assert grid.evaluate("g => g.scrollWidth <= g.clientWidth + 1"), "the grid scrolls sideways"
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        blocks = grid.locator("tbody tr, tfoot tr").all()
        bottom = 0
        for block in blocks:                       # one under another, each within the screen
            box = block.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
            assert box["y"] >= bottom - 1, box
            bottom = box["y"] + box["height"]
            # each area's counts are named and written as text
            for area in FW.areas:
                cell = block.locator(f"td[data-label='Area {area.number}']")
                expect(cell.locator(".tier-bar__text")).to_be_visible()
                assert cell.evaluate("c => getComputedStyle(c, '::before').content").strip('"').startswith(f"Area {area.number}")
    finally:
        context.close()


def largest_export(page, base_url, char: str) -> bytes:
    """An export with every text field of every statement filled to the form's own limits with one character."""
    page.goto(base_url + "self-evaluation/")
    expect(page.locator("#wb-summary table")).to_be_visible()
    limits = page.evaluate("""() => ({
      school: document.getElementById('wb-school').maxLength,
      evidence: Math.max(...[...document.querySelectorAll('textarea[id^=evidence-]')].map(t => t.maxLength)),
      limits: window.Workbook.core.limits(window.Workbook.core.framework()) })""")
    # the form's limits are the ones the import limit is computed from
    assert limits["limits"]["school"] == limits["school"] and limits["limits"]["evidence"] == limits["evidence"]
    l = limits["limits"]
    import json
    tiers = [t.id for t in FW.tiers]
    return json.dumps({"format": "inclusion-audit-self-evaluation", "version": 2, "edition": FW.edition.id,
                       "school": char * l["school"], "date": "2026-11-23", "statements": {
                           s.id: {"tier": tiers[0], "evidence": char * l["evidence"], "priority": True,
                                  "action": char * l["action"], "lead": char * l["lead"], "due": "2027-03-31"}
                           for s in FW.statements}}, ensure_ascii=False, indent=1).encode()


def test_the_largest_export_the_form_can_make_is_imported(page, base_url):
    export = largest_export(page, base_url, "汉")      # three bytes a character in UTF-8
    assert len(export) > 2 * 1024 * 1024
    page.goto(base_url + "compare/")
    page.locator("#cmp-earlier").set_input_files({"name": "largest.json", "mimeType": "application/json", "buffer": export})
    page.locator("#cmp-later").set_input_files(str(ROOT / "tests" / "fixtures" / "oak-2026.json"))
    page.get_by_role("button", name="Compare").click()
    expect(page.locator("#at-a-glance")).to_be_visible(timeout=20000)
    expect(page.locator("#cmp-error")).to_be_hidden()


def zip_bomb(site_dir, path) -> None:
    """The site's own Excel workbook with its Audit sheet swollen to 80 MB of empty rows: small as a file, huge unzipped."""
    import zipfile
    with zipfile.ZipFile(site_dir / "downloads" / "inclusion-audit-workbook.xlsx") as src, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for item in src.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                out.writestr(item, src.read(item))
                continue
            xml = src.read(item).decode()
            head, tail = xml.split("<sheetData>", 1) if "<sheetData>" in xml else xml.split("<sheetData/>", 1)
            with out.open("xl/worksheets/sheet1.xml", "w") as sheet:
                sheet.write((head + "<sheetData>").encode())
                chunk = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'.encode() * 1000
                for _ in range(80 * 1024 * 1024 // len(chunk)):
                    sheet.write(chunk)
                sheet.write(("</sheetData>" + tail.split("</sheetData>", 1)[-1]).encode())


def test_a_zip_bomb_spreadsheet_is_refused_without_freezing_the_page(page, base_url, site_dir, tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    zip_bomb(site_dir, bomb)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    page.goto(base_url + "compare/")
    expect(page.locator("#cmp-form")).to_be_visible()
    # the longest the page's thread is busy while the file is read: a timer that should tick every 20 ms
    page.evaluate("""() => { window.__gap = 0; let last = performance.now();
      setInterval(() => { const now = performance.now(); window.__gap = Math.max(window.__gap, now - last); last = now; }, 20); }""")
    page.locator("#cmp-earlier").set_input_files(str(bomb))
    page.locator("#cmp-later").set_input_files(str(ROOT / "tests" / "fixtures" / "oak-2026.json"))
    page.get_by_role("button", name="Compare").click()
    expect(page.locator("#cmp-error")).to_contain_text("bomb.xlsx", timeout=30000)
    assert "too large" in page.locator("#cmp-error").inner_text() or "too long" in page.locator("#cmp-error").inner_text()
    gap = page.evaluate("window.__gap")
    assert gap < 300, f"the page froze for {gap:.0f} ms"
