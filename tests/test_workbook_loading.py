"""What the self-evaluation loads, and that nothing is lost by loading less, in Chromium.

The page's data island holds no framework text: the statements and descriptors are read from the page's own
HTML, once. Yet everything the workbook writes still carries the full text from data/framework.yaml: the next
step, the CSV export, the printed report. The spreadsheet reader, the report and the file module (exports,
imports, downloads, the migration message) are loaded only when someone needs them; if either cannot be loaded (offline), the page says so and the saved work is untouched. Our own
scripts are minified in the built site, the vendored one is copied as it is.
"""
from __future__ import annotations

import csv
import json
import re

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from framework.load import load_framework
from page_checks import open_areas

FW = load_framework(ROOT / "data" / "framework.yaml")
TIERS = [t.id for t in FW.tiers]
NAMES = [t.name for t in FW.tiers]
KEY = "inclusion-audit-workbook"
STORAGE_JS = f"() => localStorage.getItem('{KEY}')"
LAZY = ("workbook-sheets.js", "workbook-report.js", "workbook-files.js", "workbook-suggested.js")


def flat(text: str) -> str:
    return " ".join(text.split())


def saved(judged: dict) -> dict:
    """Saved work: statement -> tier index, each with a line of evidence."""
    return {"format": "inclusion-audit-self-evaluation", "version": 2, "edition": FW.edition.id,
            "school": "Oak Tree Primary", "date": "2026-03-14",
            "statements": {s.id: {"tier": TIERS[i], "evidence": f"Evidence for {s.label}"} for s, i in judged.items()}}


def open_page(browser, base_url, state=None, block=None):
    """The self-evaluation in a new context; block: script names whose requests fail (as offline)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    if state:
        context.add_init_script(f"if (!localStorage.getItem('{KEY}')) localStorage.setItem('{KEY}', "
                                f"{json.dumps(json.dumps(state))})")
    page = context.new_page()
    page.fetched = []
    page.on("request", lambda r: page.fetched.append(r.url))
    for name in block or ():
        page.route(f"**/assets/{name}", lambda route: route.abort("internetdisconnected"))
    page.goto(base_url + "self-evaluation/")
    expect(page.locator("#wb-summary table")).to_be_visible()
    open_areas(page, by_hand=False)
    return context, page


def loaded(page, name) -> bool:
    return any(u.endswith("/assets/" + name) for u in page.fetched)


# --- one source for the framework's text -------------------------------------------------------------------

def test_the_data_island_repeats_no_statement_or_descriptor_text(soup):
    island = soup("self-evaluation/index.html").find(id="wb-framework").string
    data = json.loads(island)
    assert len(data["areas"]) == len(FW.areas) and data["migrations"] == FW.migrations
    for area in FW.areas:
        for s in area.statements:
            assert s.text not in island, f"the island repeats statement {s.label}"
            for _, descriptors in area.descriptors_for(s):
                for d in descriptors:
                    assert d.text[:60] not in island, f"the island repeats a descriptor of {s.label}"


def test_the_workbook_knows_every_statement_and_descriptor_word_for_word(browser, base_url):
    context, page = open_page(browser, base_url)
    try:
        fw = page.evaluate("Workbook.core.framework()")
        assert [t["name"] for t in fw["tiers"]] == NAMES
        for area, got in zip(FW.areas, fw["areas"], strict=True):
            assert got["name"] == area.name
            for s, g in zip(area.statements, got["statements"], strict=True):
                assert (g["id"], g["label"], g["text"]) == (s.id, s.label, s.text)
                expected = {at.tier.id: [d.text for d in ds] for at, ds in area.descriptors_for(s)}
                assert g["descriptors"] == expected, s.label
    finally:
        context.close()


def test_next_step_csv_export_and_printed_report_carry_the_full_texts(browser, base_url, tmp_path):
    from pdf_text import pages as pdf_pages, squashed
    s, t = FW.statements[4], FW.statements[20]
    context, page = open_page(browser, base_url, saved({s: 0, t: 1}))
    try:
        # the next step of a statement judged at the first tier: the second tier's descriptor, in full
        paragraphs = next(ds for at, ds in s.area.descriptors_for(s) if at.tier.id == TIERS[1])
        box = page.locator(f"[data-next-for='{s.id}']")
        expect(box).to_contain_text(f"what {NAMES[1]} looks like for statement {s.label}")
        shown = box.locator("p").all_text_contents()
        for d in paragraphs:
            assert d.text in shown, f"the next step of {s.label} lacks a paragraph"
        # the CSV export: every statement's text as the framework words it
        with page.expect_download() as info:
            page.get_by_role("button", name="Export for a spreadsheet (CSV)").click()
        path = tmp_path / "export.csv"
        info.value.save_as(path)
        rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
        assert [(r["statement_id"], r["text"]) for r in rows] == [(x.id, x.text) for x in FW.statements]
        assert {r["area"] for r in rows} == {a.name for a in FW.areas}
        # the printed report: each judged statement with its full text
        page.emulate_media(media="print")
        # the report is drawn once its script has loaded: wait for it, not for a race with the PDF
        expect(page.locator(".wb-report")).to_contain_text(t.text)
        printed = squashed("\n".join(pdf_pages(page.pdf(format="A4"))))
        for x in (s, t):
            assert squashed(f"{x.label} {x.text}") in printed, f"statement {x.label} is not printed in full"
    finally:
        context.close()


# --- loaded when needed -------------------------------------------------------------------------------------

def test_a_first_visit_loads_neither_the_spreadsheet_reader_nor_the_report_nor_the_suggestions(browser, base_url):
    context, page = open_page(browser, base_url)
    try:
        page.wait_for_load_state("networkidle")
        for name in LAZY:
            assert not loaded(page, name), f"{name} was loaded before anyone needed it"
    finally:
        context.close()


def csv_file(tmp_path, s, tier_name, name="from-a-spreadsheet.csv"):
    path = tmp_path / name
    path.write_text("\ufeffstatement_id,tier,evidence\r\n" f"{s.id},{tier_name},Typed in a spreadsheet\r\n",
                    encoding="utf-8")
    return path


def import_one_judgement(page, tmp_path, s, tier: int) -> None:
    """Import a spreadsheet holding one judgement (s at TIERS[tier]) in a fresh page and see it restored."""
    page.set_input_files("#wb-import", str(csv_file(tmp_path, s, NAMES[tier])))
    expect(page.locator("#wb-status")).to_contain_text("1 judgements restored")
    expect(page.locator(f"#eval-{s.id} input[value='{TIERS[tier]}']")).to_be_checked()


def test_choosing_a_spreadsheet_loads_its_reader_and_imports_it(browser, base_url, tmp_path):
    context, page = open_page(browser, base_url)
    try:
        import_one_judgement(page, tmp_path, FW.statements[3], 2)
        assert loaded(page, "workbook-sheets.js")
    finally:
        context.close()


def test_a_spreadsheet_reader_that_cannot_load_is_named_and_the_work_is_kept(browser, base_url, tmp_path):
    mine = FW.statements[0]
    context, page = open_page(browser, base_url, saved({mine: 2}), block=["workbook-sheets.js"])
    try:
        before = page.evaluate(STORAGE_JS)
        page.set_input_files("#wb-import", str(csv_file(tmp_path, FW.statements[3], NAMES[0])))
        alert = page.locator("#wb-error")
        expect(alert).to_contain_text("from-a-spreadsheet.csv")
        expect(alert).to_contain_text("could not be loaded")
        expect(alert).to_contain_text("Your saved work has not been changed")
        assert page.evaluate(STORAGE_JS) == before
        expect(page.locator(f"#eval-{mine.id} input[value='{TIERS[2]}']")).to_be_checked()
        # back online: the same file now imports
        page.unroute("**/assets/workbook-sheets.js")
        page.set_input_files("#wb-import", str(csv_file(tmp_path, FW.statements[3], NAMES[0])))
        expect(page.locator("#wb-status")).to_contain_text("Imported")
    finally:
        context.close()


PRINTS_JS = "() => { window.printed = 0; window.print = () => { window.printed += 1; }; }"


def test_the_print_button_loads_the_report_then_prints(browser, base_url):
    s = FW.statements[8]
    context, page = open_page(browser, base_url, saved({s: 1}))
    try:
        page.evaluate(PRINTS_JS)
        page.get_by_role("button", name="Print report").click()
        page.wait_for_function("() => window.printed === 1")
        assert loaded(page, "workbook-report.js")
        report = page.locator(".wb-report")
        expect(report.get_by_role("heading", name="Self-evaluation report: Oak Tree Primary",
                                          include_hidden=True)).to_have_count(1)
        expect(report).to_contain_text(f"{s.label} {s.text}")
        expect(report).to_contain_text(f"Evidence for {s.label}")
    finally:
        context.close()


def test_a_report_that_cannot_load_is_named_and_the_work_is_kept(browser, base_url):
    s = FW.statements[8]
    context, page = open_page(browser, base_url, saved({s: 1}), block=["workbook-report.js"])
    try:
        page.evaluate(PRINTS_JS)
        before = page.evaluate(STORAGE_JS)
        page.get_by_role("button", name="Print report").click()
        alert = page.locator("#wb-error")
        expect(alert).to_contain_text("report could not be loaded")
        assert page.evaluate("window.printed") == 0
        assert page.evaluate(STORAGE_JS) == before
        expect(page.locator(f"#eval-{s.id} input[value='{TIERS[1]}']")).to_be_checked()
    finally:
        context.close()


def test_printing_from_the_browser_prints_the_report_without_the_button(browser, base_url):
    """Ctrl+P or the browser's menu a moment after the page opened with saved work: no click first, and the
    report is there all the same (it loads once the page is idle, as there is work to report)."""
    s = FW.statements[30]
    context, page = open_page(browser, base_url, saved({s: 2}))
    try:
        from pdf_text import pages as pdf_pages, squashed
        page.wait_for_function("() => !!window.WorkbookReport")
        printed = squashed("\n".join(pdf_pages(page.pdf(format="A4"))))
        assert squashed("Self-evaluation report") in printed
        assert squashed(f"{s.label} {s.text}") in printed
        assert squashed(f"Evidence for {s.label}") in printed
    finally:
        context.close()


# --- minified at build time -------------------------------------------------------------------------------------

OURS = ["self-evaluation.js", "workbook-files.js", "workbook-sheets.js", "workbook-report.js", "site.js",
        "action-plan.js", "compare.js", "trust.js"]


def with_imports(path: Path, seen: set | None = None) -> str:
    """A script's source and the source of every module it imports (what the finish step bundles into it)."""
    seen = set() if seen is None else seen
    text = path.read_text(encoding="utf-8")
    for name in re.findall(r'^import .* from "(\./[^"]+\.mjs)";', text, re.M):
        module = (path.parent / name).resolve()
        if module not in seen:
            seen.add(module)
            text += with_imports(module, seen)
    return text


@pytest.mark.parametrize("name", OURS)
def test_our_scripts_are_minified_in_the_built_site(site_dir, name):
    source = with_imports(ROOT / "docs" / "assets" / name)
    built = (site_dir / "assets" / name).read_text(encoding="utf-8")
    assert len(built) < 0.8 * len(source), f"{name} is not minified"
    assert "/* " not in built and "\n  " not in built


def test_vendored_scripts_are_copied_as_they_are(site_dir):
    vendor = ROOT / "docs" / "assets" / "vendor"
    files = [p for p in vendor.rglob("*") if p.is_file()]
    assert files
    for p in files:
        assert (site_dir / "assets" / "vendor" / p.relative_to(vendor)).read_bytes() == p.read_bytes(), p.name


def test_each_workbook_page_loads_one_script_of_its_own_with_the_core_inside(site_dir, soup):
    """The core and the page are ES modules (assets/modules/), bundled into the page's one script when built."""
    for rel, name in (("self-evaluation/index.html", "self-evaluation.js"), ("action-plan/index.html", "action-plan.js"),
                      ("compare/index.html", "compare.js"), ("trust-overview/index.html", "trust.js")):
        page = soup(rel)
        loader = page.find("script", attrs={"data-after-paint": True}).string     # started after the first paint
        sources = [s["src"] for s in page.find_all("script", src=True)] + re.findall(r'"([^"]+\.js)"', loader)
        ours = [s for s in sources if s.startswith("../assets/") and "/javascripts/" not in s]
        assert [s for s in ours if s not in ("../assets/site.js", "../assets/search-box.js")] == ["../assets/" + name], rel
        built = (site_dir / "assets" / name).read_text(encoding="utf-8")
        # the core (its storage key) is inside, and no import is left for the browser to resolve
        assert '"inclusion-audit-workbook"' in built and not re.search(r"^\s*import\b", built, re.M)
    assert not (site_dir / "assets" / "modules").exists()


def test_a_page_that_has_the_spreadsheet_reader_does_not_load_it_again(browser, base_url, tmp_path):
    """Compare carries the spreadsheet reader in its own script: reading a CSV there fetches no other script."""
    import re
    s = FW.statements[2]
    context = browser.new_context()
    try:
        page = context.new_page()
        fetched = []
        page.on("request", lambda r: fetched.append(r.url))
        page.goto(base_url + "compare/")
        page.get_by_label(re.compile("^Earlier evaluation")).set_input_files(str(csv_file(tmp_path, s, NAMES[0], "a.csv")))
        page.get_by_label(re.compile("^Later evaluation")).set_input_files(str(csv_file(tmp_path, s, NAMES[1], "b.csv")))
        page.get_by_role("button", name="Compare", exact=True).click()
        expect(page.locator(f"tr[data-statement='{s.id}'] td").last).to_contain_text("Moved up")
        assert not [u for u in fetched if u.endswith(("/assets/workbook-sheets.js", "/assets/workbook-files.js"))]
    finally:
        context.close()


def test_about_to_press_print_loads_the_report_so_the_click_prints_at_once(browser, base_url):
    """Some browsers print only within the click itself: hovering or tabbing to the button fetches the report."""
    s = FW.statements[8]
    context, page = open_page(browser, base_url, saved({s: 1}))
    try:
        page.evaluate(PRINTS_JS)
        page.get_by_role("button", name="Print report").focus()
        page.wait_for_function("() => !!window.WorkbookReport")
        page.evaluate("""() => { const b = document.getElementById('wb-print');
            b.dispatchEvent(new MouseEvent('click', {bubbles: true})); window.printedAtOnce = window.printed; }""")
        assert page.evaluate("window.printedAtOnce") == 1
        expect(page.locator(".wb-report")).to_contain_text(f"{s.label} {s.text}")
    finally:
        context.close()


# --- exports and imports: workbook-files.js, loaded on first use ----------------------------------------------

def test_export_and_import_work_on_the_first_click_without_the_file_module_at_load(browser, base_url, tmp_path):
    s = FW.statements[5]
    context, page = open_page(browser, base_url, saved({s: 1}))
    try:
        assert not loaded(page, "workbook-files.js")
        with page.expect_download() as info:
            page.evaluate("document.getElementById('wb-export-json').click()")     # no hover first
        path = tmp_path / "first-click.json"
        info.value.save_as(path)
        exported = json.loads(path.read_text(encoding="utf-8"))
        assert exported["statements"][s.id]["tier"] == TIERS[1]
        assert loaded(page, "workbook-files.js")
        with page.expect_download() as info:
            page.get_by_role("button", name="Export for a spreadsheet (CSV)").click()
        assert info.value.suggested_filename.endswith(".csv")
    finally:
        context.close()
    context, page = open_page(browser, base_url)
    try:
        import_one_judgement(page, tmp_path, FW.statements[9], 1)
    finally:
        context.close()


def test_a_file_module_that_cannot_load_is_said_and_nothing_is_lost(browser, base_url, tmp_path):
    mine = FW.statements[0]
    context, page = open_page(browser, base_url, saved({mine: 2}), block=["workbook-files.js"])
    try:
        before = page.evaluate(STORAGE_JS)
        alert = page.locator("#wb-error")
        page.get_by_role("button", name="Export (JSON file)").click()
        expect(alert).to_contain_text("could not be loaded")
        expect(alert).to_contain_text("Nothing you entered is lost")
        page.set_input_files("#wb-import", str(csv_file(tmp_path, FW.statements[3], NAMES[0])))
        expect(alert).to_contain_text("could not be loaded")
        assert page.evaluate(STORAGE_JS) == before
        expect(page.locator(f"#eval-{mine.id} input[value='{TIERS[2]}']")).to_be_checked()
        expect(page.locator(f"#eval-{FW.statements[3].id} input[value='']")).to_be_checked()
        # back online: the same click exports
        page.unroute("**/assets/workbook-files.js")
        with page.expect_download() as info:
            page.get_by_role("button", name="Export (JSON file)").click()
        assert info.value.suggested_filename.endswith(".json")
    finally:
        context.close()


# --- suggested case studies: loaded when the first next step is drawn ----------------------------------------

def suggested_titles(s) -> list[str]:
    titles = {c.id: c.title for c in FW.case_studies}
    return [titles[p.case_study.id] for p in FW.related.pairs_for_statement(s)]


def test_choosing_a_tier_loads_the_suggestions_and_shows_them_with_why(browser, base_url):
    s = next(x for x in FW.statements if FW.related.pairs_for_statement(x))
    context, page = open_page(browser, base_url)
    try:
        page.wait_for_load_state("networkidle")
        assert not loaded(page, "workbook-suggested.js")
        page.locator(f"#eval-{s.id} input[value='{TIERS[0]}']").check()
        box = page.locator(f"#eval-{s.id} .wb-next")
        first = page.locator(f"#eval-{s.id} .wb-case-list").first
        expect(first.locator(".wb-case")).to_have_count(len(suggested_titles(s)))
        for title in suggested_titles(s):
            expect(first).to_contain_text(title)
        expect(first.locator(".wb-case__why").first).not_to_be_empty()
        expect(box).not_to_contain_text("Finding the case studies")
        assert loaded(page, "workbook-suggested.js")
    finally:
        context.close()


def test_saved_judgements_show_their_suggestions_after_a_reload(browser, base_url):
    s = next(x for x in FW.statements if FW.related.pairs_for_statement(x))
    context, page = open_page(browser, base_url, saved({s: 1}))
    try:
        first = page.locator(f"#eval-{s.id} .wb-case-list").first
        expect(first).to_contain_text(suggested_titles(s)[0])
    finally:
        context.close()


def test_suggestions_that_cannot_load_leave_every_case_study_on_offer_and_the_work_kept(browser, base_url):
    s = next(x for x in FW.statements if FW.related.pairs_for_statement(x))
    area = next(a for a in FW.areas if s in a.statements)
    context, page = open_page(browser, base_url, saved({FW.statements[-1]: 2}), block=["workbook-suggested.js"])
    try:
        page.locator(f"#eval-{s.id} input[value='{TIERS[0]}']").check()
        box = page.locator(f"#eval-{s.id} .wb-next")
        expect(box).to_contain_text("could not be loaded")
        expect(box).to_contain_text("Next step")                     # the next tier is still described
        box.get_by_role("button", name=re.compile("Show all")).click()
        # every case study the area lists (featured and also), and those the site relates to its statements
        listed = {*area.featured, *area.also}
        expect(box.locator(".wb-case")).to_have_count(len(listed | {
            p.case_study for st in area.statements for p in FW.related.pairs_for_statement(st)}))
        # nothing lost: both judgements are saved
        stored = json.loads(page.evaluate(STORAGE_JS))["statements"]
        assert stored[s.id]["tier"] == TIERS[0] and stored[FW.statements[-1].id]["tier"] == TIERS[2]
    finally:
        context.close()


def test_each_tier_radio_is_named_by_its_tier_and_described_by_its_descriptor(browser, base_url):
    s = FW.statements[5]
    area = next(a for a in FW.areas if s in a.statements)
    context, page = open_page(browser, base_url)
    try:
        for (at, descriptors), name in zip(area.descriptors_for(s), NAMES):
            radio = page.locator(f"#eval-{s.id}").get_by_role("radio", name=name, exact=True)
            described = radio.evaluate("r => document.getElementById(r.getAttribute('aria-describedby')).textContent")
            assert flat(described) == flat(" ".join(d.text for d in descriptors)) or not descriptors
    finally:
        context.close()


def test_without_javascript_each_tier_radio_is_named_by_its_tier_and_descriptor(browser, base_url):
    s = FW.statements[5]
    area = next(a for a in FW.areas if s in a.statements)
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "self-evaluation/")
        page.locator(f"details:has(#eval-{s.id}) > summary").click()        # its area, opened without a script
        for (at, descriptors), name in zip(area.descriptors_for(s), NAMES):
            if not descriptors:
                continue
            radio = page.locator(f"#eval-{s.id} input[value='{at.tier.id}']")
            expect(radio).to_have_accessible_name(re.compile("^" + re.escape(name) + r"\s+" + re.escape(descriptors[0].text[:40])))
    finally:
        context.close()
