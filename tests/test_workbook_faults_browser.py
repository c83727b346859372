"""Nothing a school enters is ever lost: the workbook under the faults real school computers have.

Each test makes one fault happen in Chromium, against the built and served site: two tabs editing at once,
storage blocked, storage full on a save and on an import, damaged saved data (twice), hostile ids in files and
saved data on all four pages, and a new edition that renames a statement and retires a case study.
"""
from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import re
import threading
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from framework.load import load_framework

from conftest import ROOT, QuietHandler, build_site, copy_project
from page_checks import open_areas

FW = load_framework(ROOT / "data" / "framework.yaml")
EF, SP, SE = (t.name for t in FW.tiers)
STATEMENT = next(s for s in FW.statements if s.id == "statement-2-3")
OTHER = FW.statements[0]                                  # statement 1.1
KEY = "inclusion-audit-workbook"
FIXTURES = Path(__file__).parent / "fixtures"

OUR_SCRIPTS = ("self-evaluation.js", "workbook-files.js", "workbook-sheets.js", "workbook-report.js", "action-plan.js",
               "compare.js", "trust.js")

STORAGE_JS = """() => { const out = {};
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i); if (k.startsWith('inclusion-audit')) out[k] = localStorage.getItem(k); }
  return out; }"""

# localStorage that throws, as in a private window or a profile that blocks site data.
BLOCKED_JS = """Object.defineProperty(window, 'localStorage', { configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });"""

# localStorage with a size limit: window.__quotaLimit (characters, keys and values) once a test sets it.
QUOTA_JS = """(() => {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const limit = window.__quotaLimit;
    if (this === window.localStorage && typeof limit === 'number') {
      let used = 0;
      for (let i = 0; i < this.length; i++) { const k = this.key(i); if (k !== key) used += k.length + this.getItem(k).length; }
      if (used + key.length + String(value).length > limit)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return setItem.call(this, key, value);
  };
})();"""

LIMIT_TO_NOW_JS = """(extra) => { let used = 0;
  for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); used += k.length + localStorage.getItem(k).length; }
  window.__quotaLimit = used + extra; }"""


# --- helpers ----------------------------------------------------------------------------------------------------

def watch_errors(page) -> list[str]:
    """Uncaught errors thrown by our own scripts on this page (Material's own are not ours to judge)."""
    errors: list[str] = []

    def record(error):
        text = f"{error.name}: {error.message}\n{error.stack or ''}"
        if any(name in text for name in OUR_SCRIPTS) or "Workbook" in text:
            errors.append(text)
    page.on("pageerror", record)
    return errors


def open_workbook(page, base_url):
    page.goto(base_url + "self-evaluation/")
    expect(page.locator("#wb-summary table")).to_be_visible()     # self-evaluation.mjs has run
    open_areas(page, by_hand=False)
    return page


def switch_to(page):
    """Bring a tab to the front before working in it, as a reader clicks on it. In a tab behind the front one,
    Playwright's wait for the element to stand still before a click took about two seconds. (No focus or
    visibility event reaches the page: what a tab learns from another still comes from the storage event alone.)"""
    page.bring_to_front()
    return page


def radio(page, statement, tier_name):
    group = page.get_by_role("group", name=f"{statement.label} {statement.text}", exact=True)
    return group.get_by_role("radio", name=tier_name, exact=True)


def evidence(page, statement):
    return page.get_by_label(f"Evidence of current practice for statement {statement.label}")


def storage(page) -> dict:
    return page.evaluate(STORAGE_JS)


def saved(page) -> dict:
    return json.loads(storage(page)[KEY])


def export_file(tmp_path, name, statements, **extra) -> str:
    data = {"format": "inclusion-audit-self-evaluation", "version": 2, "school": "Elm", "date": "2026-01-01",
            "statements": statements, **extra}
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def download_text(page, click) -> str:
    with page.expect_download() as info:
        click()
    return Path(info.value.path()).read_text(encoding="utf-8")


# --- 1. tabs agree ----------------------------------------------------------------------------------------------

def test_two_tabs_editing_different_statements_keep_both(browser, base_url):
    context = browser.new_context()
    try:
        a = open_workbook(context.new_page(), base_url)
        b = open_workbook(context.new_page(), base_url)
        errors = watch_errors(a) + watch_errors(b)
        radio(switch_to(a), OTHER, SE).check()
        radio(switch_to(b), STATEMENT, EF).check()
        expect(radio(a, STATEMENT, EF)).to_be_checked()             # each tab shows the other's change
        expect(radio(b, OTHER, SE)).to_be_checked()
        evidence(a, OTHER).fill("Written in tab A after tab B's change")   # editing A again loses nothing of B's
        fresh = open_workbook(context.new_page(), base_url)
        expect(radio(fresh, OTHER, SE)).to_be_checked()
        expect(radio(fresh, STATEMENT, EF)).to_be_checked()
        expect(evidence(fresh, OTHER)).to_have_value("Written in tab A after tab B's change")
        assert errors == []
    finally:
        context.close()


def test_two_tabs_editing_the_same_statement_merge_per_field_and_newer_wins(browser, base_url):
    context = browser.new_context()
    try:
        a = open_workbook(context.new_page(), base_url)
        b = open_workbook(context.new_page(), base_url)
        radio(switch_to(a), STATEMENT, SP).check()                   # A: the tier
        evidence(switch_to(b), STATEMENT).fill("Evidence typed in tab B")   # B: the evidence of the same statement
        expect(evidence(a, STATEMENT)).to_have_value("Evidence typed in tab B")
        expect(radio(b, STATEMENT, SP)).to_be_checked()
        b.locator(f"#eval-{STATEMENT.id}").get_by_role("button", name="Change the tier").click()  # a judged statement shows its tier only
        radio(b, STATEMENT, SE).check()                              # the same field: the newer edit wins everywhere
        expect(radio(a, STATEMENT, SE)).to_be_checked()
        switch_to(a).get_by_label(f"Make statement {STATEMENT.label} a priority for development").check()
        fresh = open_workbook(context.new_page(), base_url)
        expect(radio(fresh, STATEMENT, SE)).to_be_checked()
        expect(evidence(fresh, STATEMENT)).to_have_value("Evidence typed in tab B")
        expect(fresh.get_by_label(f"Make statement {STATEMENT.label} a priority for development")).to_be_checked()
    finally:
        context.close()


# --- 2 and 3. saves verified; storage blocked said at load ---------------------------------------------------------

def test_storage_blocked_is_said_at_load_and_export_still_works(browser, base_url):
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(BLOCKED_JS)
    try:
        page = context.new_page()
        errors = watch_errors(page)
        open_workbook(page, base_url)
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text("not letting this site save anything")       # before anything is typed
        expect(alert).to_contain_text("export")
        expect(alert).to_contain_text("print")
        radio(page, STATEMENT, SP).check()
        evidence(page, STATEMENT).fill("Kept in the page")
        exported = json.loads(download_text(page, page.get_by_role("button", name="Export (JSON file)").click))
        assert exported["statements"][STATEMENT.id]["evidence"] == "Kept in the page"
        expect(page.locator("#wb-saved")).not_to_contain_text("Saved in this browser")
        page.goto(base_url + "action-plan/")
        expect(page.locator("#ap-plan")).to_contain_text("not letting this site read or save anything")
        assert errors == []
    finally:
        context.close()


def test_quota_exceeded_on_save_is_said_at_once_and_the_work_stays(browser, base_url):
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(QUOTA_JS)
    try:
        page = context.new_page()
        errors = watch_errors(page)
        open_workbook(page, base_url)
        radio(page, OTHER, SP).check()
        saved_note = page.locator("#wb-saved")
        expect(saved_note).to_contain_text("Saved in this browser")
        # the page asked the browser to keep the data, and says what it answered
        expect(saved_note).to_contain_text(re.compile("agreed to keep it|has not promised to keep it"))
        page.evaluate(LIMIT_TO_NOW_JS, 20)                          # the storage is now (almost) full
        evidence(page, STATEMENT).fill("A long paragraph of evidence that no longer fits in the browser's storage.")
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text("was not saved")
        expect(alert).to_contain_text("storage for this site is full")
        expect(saved_note).not_to_contain_text("Saved in this browser")          # no stale claim
        expect(evidence(page, STATEMENT)).to_have_value(
            "A long paragraph of evidence that no longer fits in the browser's storage.")
        assert STATEMENT.id not in saved(page)["statements"] or not saved(page)["statements"][STATEMENT.id].get("evidence")
        text = download_text(page, alert.get_by_role("button", name="Download a copy of your work now").click)
        assert json.loads(text)["statements"][STATEMENT.id]["evidence"].startswith("A long paragraph")
        assert errors == []
    finally:
        context.close()


def test_quota_exceeded_on_import_changes_nothing_and_claims_no_backup(browser, base_url, tmp_path):
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(QUOTA_JS)
    try:
        page = context.new_page()
        errors = watch_errors(page)
        open_workbook(page, base_url)
        radio(page, STATEMENT, SP).check()
        evidence(page, STATEMENT).fill("Work that must survive the import")
        expect(page.locator("#wb-saved")).to_contain_text("Saved in this browser")   # saved after a pause
        page.wait_for_function("() => (localStorage.getItem('inclusion-audit-workbook') || '').includes('must survive')")
        before = storage(page)
        page.evaluate(LIMIT_TO_NOW_JS, 50)                          # no room for a backup of that work
        page.set_input_files("#wb-import", export_file(tmp_path, "elm.json", {OTHER.id: {"tier": FW.tiers[0].id}}))
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text("“elm.json” was not imported")
        expect(alert).to_contain_text("could not be backed up first")
        expect(page.locator("#wb-status")).not_to_contain_text("backup")
        expect(page.get_by_role("button", name="Undo import")).to_have_count(0)
        assert storage(page) == before
        expect(radio(page, STATEMENT, SP)).to_be_checked()
        expect(evidence(page, STATEMENT)).to_have_value("Work that must survive the import")
        page.reload()
        expect(evidence(page, STATEMENT)).to_have_value("Work that must survive the import")
        assert errors == []
    finally:
        context.close()


def test_quota_exceeded_writing_the_import_changes_nothing(browser, base_url, tmp_path):
    context = browser.new_context()
    context.add_init_script(QUOTA_JS)
    try:
        page = context.new_page()
        open_workbook(page, base_url)
        radio(page, STATEMENT, SP).check()
        before = storage(page)
        # room for the backup of the current work, but not for the (much longer) imported work
        page.evaluate(LIMIT_TO_NOW_JS, len(before[KEY]) + len(KEY + "-before-import") + 100)
        page.set_input_files("#wb-import", export_file(tmp_path, "long.json", {
            OTHER.id: {"tier": FW.tiers[0].id, "evidence": "A long record of evidence. " * 200}}))
        expect(page.get_by_role("alert")).to_contain_text("“long.json” was not imported")
        expect(page.get_by_role("button", name="Undo import")).to_have_count(0)
        assert storage(page) == before                              # the backup made for it is gone again
        expect(radio(page, STATEMENT, SP)).to_be_checked()
        expect(radio(page, OTHER, "Not yet judged")).to_be_checked()
    finally:
        context.close()


# --- 4. unreadable saved data is kept and offered back ------------------------------------------------------------

def put_saved(page, text):
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, text])


def test_damaged_saved_data_twice_keeps_both_copies_and_offers_them(page, base_url):
    errors = watch_errors(page)
    open_workbook(page, base_url)
    first = '{"format": "inclusion-audit-self-evaluation", "version": 2, "statements": {"statement-1-1": {"ti'
    second = '{"format": "inclusion-audit-self-evaluation", "version": 2, "statements": {"statement-1-2": {"tier": "nonsense"}}}'
    put_saved(page, first)
    page.reload()
    found = page.locator("#wb-found")
    expect(found).to_contain_text("could not be read")
    expect(found).to_contain_text("kept")
    buttons = page.locator("#wb-copies").get_by_role("button")
    expect(buttons).to_have_count(1)
    radio(page, OTHER, EF).check()                                  # work goes on; the copy stays
    put_saved(page, second)                                         # damaged again
    page.reload()
    expect(page.locator("#wb-found")).to_contain_text("could not be read")
    expect(buttons).to_have_count(2)
    assert download_text(page, buttons.nth(0).click) == first
    assert download_text(page, buttons.nth(1).click) == second
    assert errors == []


def test_partly_readable_saved_data_restores_what_it_can_and_keeps_the_copy(page, base_url):
    open_workbook(page, base_url)
    text = json.dumps({"format": "inclusion-audit-self-evaluation", "version": 2, "school": "Oak", "statements": {
        OTHER.id: {"tier": FW.tiers[2].id, "evidence": "Still here"}, "statement-1-2": {"tier": "nonsense"}}})
    put_saved(page, text)
    page.reload()
    expect(page.locator("#wb-found")).to_contain_text("Everything that could be read is restored")
    expect(radio(page, OTHER, SE)).to_be_checked()
    expect(evidence(page, OTHER)).to_have_value("Still here")
    assert download_text(page, page.locator("#wb-copies").get_by_role("button").first.click) == text


def test_unreadable_copies_are_a_bounded_history_newest_kept(page, base_url):
    open_workbook(page, base_url)
    for n in range(7):
        put_saved(page, f"damaged copy {n}")
        page.reload()
        expect(page.locator("#wb-found")).to_be_visible()
    copies = json.loads(storage(page)[KEY + "-unreadable"])
    assert [c["text"] for c in copies] == [f"damaged copy {n}" for n in range(2, 7)]


# --- 5. hostile ids on all four pages ------------------------------------------------------------------------------

# every hostile id is refused by the core's validation (tests/js/workbook.test.mjs); here, each page with one of them
HOSTILE = ["__proto__"]


def hostile_statements(bad_id):
    return {OTHER.id: {"tier": FW.tiers[1].id, "priority": True},
            bad_id: {"tier": FW.tiers[0].id, "priority": True, "case_studies": ["the-hive"]}}


@pytest.mark.parametrize("bad_id", HOSTILE)
def test_hostile_id_in_an_import_is_refused_on_the_workbook(page, base_url, tmp_path, bad_id):
    errors = watch_errors(page)
    open_workbook(page, base_url)
    radio(page, STATEMENT, SP).check()
    before = storage(page)
    page.set_input_files("#wb-import", export_file(tmp_path, "hostile.json", hostile_statements(bad_id)))
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(f"Unknown statement id \"{bad_id}\"")
    expect(alert).to_contain_text("Your saved work has not been changed.")
    assert storage(page) == before
    expect(radio(page, STATEMENT, SP)).to_be_checked()
    assert errors == []


@pytest.mark.parametrize("bad_id", HOSTILE)
def test_hostile_id_is_refused_on_the_compare_page(page, base_url, tmp_path, bad_id):
    errors = watch_errors(page)
    page.goto(base_url + "compare/")
    page.set_input_files("#cmp-earlier", export_file(tmp_path, "hostile.json", hostile_statements(bad_id)))
    page.set_input_files("#cmp-later", str(FIXTURES / "oak-2026.json"))
    page.get_by_role("button", name="Compare", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text(f"Unknown statement id \"{bad_id}\"")
    expect(page.locator("#cmp-result")).to_be_empty()
    assert errors == []


@pytest.mark.parametrize("bad_id", HOSTILE)
def test_hostile_id_is_refused_on_the_trust_overview(page, base_url, tmp_path, bad_id):
    errors = watch_errors(page)
    page.goto(base_url + "trust-overview/")
    page.set_input_files("#trust-files", [export_file(tmp_path, "hostile.json", hostile_statements(bad_id)),
                                          str(FIXTURES / "oak-2026.json")])
    expect(page.locator("#trust-status")).to_have_text(
        "1 school loaded. 1 file was not loaded: see “Files not loaded”.")
    expect(page.locator(".trust-errors li")).to_contain_text(f"Unknown statement id \"{bad_id}\"")
    assert errors == []


@pytest.mark.parametrize("bad_id", HOSTILE)
def test_hostile_id_in_saved_work_is_kept_aside_on_the_action_plan(page, base_url, bad_id):
    errors = watch_errors(page)
    page.goto(base_url + "action-plan/")
    put_saved(page, json.dumps({"format": "inclusion-audit-self-evaluation", "version": 2,
                                "statements": hostile_statements(bad_id)}))
    page.reload()
    plan = page.locator("#ap-plan")
    expect(plan).to_contain_text(f"Unknown statement id \"{bad_id}\"")
    expect(plan).to_contain_text("The whole saved copy is kept")
    expect(page.locator(".ap-item")).to_have_count(1)                # only the real priority, statement 1.1
    expect(page.locator(f"#plan-{OTHER.id}")).to_be_visible()
    assert errors == []


# --- 6. a new edition: a statement renamed, a case study retired ----------------------------------------------------

def without(value, gone: str):
    """value with the string `gone` dropped from every list in it (featured, also, glossary case_studies, ...)."""
    if isinstance(value, dict):
        return {k: without(v, gone) for k, v in value.items()}
    if isinstance(value, list):
        return [without(v, gone) for v in value if v != gone]
    return value


def make_next_edition(dest: Path, renamed: dict[str, str], retired_cases: list[str], edition: str,
                      retired_statements: tuple[str, ...] = ()) -> Path:
    """The next edition, built from a copy of the project whose data/framework.yaml declares what changed: each
    renamed statement gets its new id with `renamed_from: [old id]`, each retired case study or statement leaves
    the YAML (a statement with its own tier descriptors: it must be its area's last) and is listed under
    `retired:`. Returns the built site."""
    project = copy_project(dest)
    path = project / "data" / "framework.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["edition"]["id"] = edition
    for area in data["areas"]:
        for statement in area["statements"]:
            if statement["id"] in renamed:
                statement["renamed_from"] = [statement["id"]]
                statement["id"] = renamed[statement["id"]]
        gone = [s["number"] for s in area["statements"] if s["id"] in retired_statements]
        area["statements"] = [s for s in area["statements"] if s["id"] not in retired_statements]
        for tier in area["tiers"].values():
            tier["descriptors"] = [d for d in tier["descriptors"] if not set(d["statements"]) <= set(gone)]
    for statement_id in retired_statements:
        data = without(data, statement_id)
        data.setdefault("retired", []).append({"id": statement_id, "kind": "statement", "edition": edition,
                                               "note": "Retired in a test of the next edition."})
    for case_id in retired_cases:
        data["case_studies"] = [c for c in data["case_studies"] if c["id"] != case_id]
        data = without(data, case_id)
        data.setdefault("retired", []).append({"id": case_id, "kind": "case_study", "edition": edition,
                                               "note": "Retired in a test of the next edition."})
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = build_site(project, dest / "site")
    assert result.returncode == 0, f"the next edition failed to build:\n{result.stdout}\n{result.stderr}"
    return dest / "site"


NEW_ID = STATEMENT.id + "-renamed"
KEPT_CASE, RETIRED_CASE = (c.id for c in STATEMENT.area.featured[:2])
GONE = FW.areas[0].statements[-1]          # a statement the next edition retires (its area's last)


@pytest.fixture(scope="module")
def next_edition_url(tmp_path_factory):
    site = make_next_edition(tmp_path_factory.mktemp("next-edition"), {STATEMENT.id: NEW_ID}, [RETIRED_CASE], "2099.1",
                             retired_statements=(GONE.id,))
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def judge_with_cases(page):
    radio(page, STATEMENT, EF).check()
    evidence(page, STATEMENT).fill("Judged under the earlier edition")
    page.get_by_label(f"Make statement {STATEMENT.label} a priority for development").check()
    box = page.locator(f"[data-next-for='{STATEMENT.id}']")
    box.get_by_role("button", name=re.compile("^Show all")).click()     # featured ones past the suggested three
    box.locator(f"input[value='{KEPT_CASE}']").check()
    box.locator(f"input[value='{RETIRED_CASE}']").check()


def test_saved_work_moves_to_renamed_ids_and_keeps_a_retired_case_study(page, base_url, next_edition_url):
    errors = watch_errors(page)
    open_workbook(page, base_url)
    judge_with_cases(page)
    earlier = storage(page)[KEY]
    # the same browser, after the site is published with the next edition (a copy served elsewhere: carry it over)
    open_workbook(page, next_edition_url)
    put_saved(page, earlier)
    page.reload()
    moved = page.locator("#wb-moved")
    expect(moved).to_contain_text(f"was “{STATEMENT.id}”")
    expect(moved).to_contain_text(RETIRED_CASE)
    expect(page.locator("#wb-found")).to_have_count(0)              # nothing was unreadable
    expect(radio(page, STATEMENT, EF)).to_be_checked()
    expect(evidence(page, STATEMENT)).to_have_value("Judged under the earlier edition")
    box = page.locator(f"[data-next-for='{NEW_ID}']")
    expect(box.locator(f"input[value='{KEPT_CASE}']")).to_be_checked()
    expect(box.locator(".wb-kept")).to_contain_text(RETIRED_CASE)
    now = saved(page)
    assert now["edition"] == "2099.1"
    assert STATEMENT.id not in now["statements"] and now["statements"][NEW_ID]["tier"] == FW.tiers[0].id
    exported = json.loads(download_text(page, page.get_by_role("button", name="Export (JSON file)").click))
    assert exported["edition"] == "2099.1"
    assert exported["statements"][NEW_ID]["case_studies"] == [KEPT_CASE]
    assert exported["statements"][NEW_ID]["retired_case_studies"] == [RETIRED_CASE]
    assert errors == []


def test_renamed_ids_are_migrated_at_load_without_the_file_module(page, base_url, next_edition_url):
    """The migration itself is part of reading saved work (core.mjs); workbook-files.js, loaded on
    demand, only words the message. Offline, the work still moves to the new ids and is saved under them."""
    open_workbook(page, base_url)
    judge_with_cases(page)
    earlier = storage(page)[KEY]
    page.route("**/assets/workbook-files.js", lambda route: route.abort("internetdisconnected"))
    open_workbook(page, next_edition_url)
    put_saved(page, earlier)
    page.reload()
    expect(radio(page, STATEMENT, EF)).to_be_checked()
    expect(evidence(page, STATEMENT)).to_have_value("Judged under the earlier edition")
    now = saved(page)
    assert STATEMENT.id not in now["statements"] and now["statements"][NEW_ID]["tier"] == FW.tiers[0].id
    expect(page.locator("#wb-error")).to_contain_text("could not be loaded")     # the message's module, said
    page.unroute("**/assets/workbook-files.js")
    page.reload()                                                                # online: nothing left to move
    expect(radio(page, STATEMENT, EF)).to_be_checked()
    expect(page.locator("#wb-moved")).to_have_count(0)


def test_an_earlier_export_imports_into_the_next_edition(page, browser, base_url, next_edition_url, tmp_path):
    open_workbook(page, base_url)
    judge_with_cases(page)
    path = tmp_path / "earlier.json"
    path.write_text(download_text(page, page.get_by_role("button", name="Export (JSON file)").click), encoding="utf-8")
    assert json.loads(path.read_text())["edition"] == FW.edition.id
    context = browser.new_context(accept_downloads=True)
    try:
        fresh = open_workbook(context.new_page(), next_edition_url)
        errors = watch_errors(fresh)
        fresh.set_input_files("#wb-import", str(path))
        status = fresh.locator("#wb-status")
        expect(status).to_contain_text("Imported “earlier.json”: 1 judgements restored.")
        expect(status).to_contain_text(f"was “{STATEMENT.id}”")
        expect(status).to_contain_text(f"Kept, though no longer in the framework: case study “{RETIRED_CASE}”")
        expect(radio(fresh, STATEMENT, EF)).to_be_checked()
        exported = json.loads(download_text(fresh, fresh.get_by_role("button", name="Export (JSON file)").click))
        assert exported["statements"][NEW_ID]["retired_case_studies"] == [RETIRED_CASE]
        # and that export, with the case study kept aside, imports again into the same edition
        again = tmp_path / "again.json"
        again.write_text(json.dumps(exported), encoding="utf-8")
        fresh.set_input_files("#wb-import", str(again))
        expect(status).to_contain_text("Imported “again.json”")
        assert errors == []
    finally:
        context.close()


def test_a_retired_statement_survives_a_round_trip_through_the_csv(page, browser, base_url, next_edition_url,
                                                                  tmp_path):
    """Work on a statement the next edition retires is kept and shown; the CSV export carries it (and a case
    study kept aside), and that CSV imported into another browser gives back the same work: nothing is lost by
    choosing a spreadsheet over JSON."""
    open_workbook(page, base_url)
    judge_with_cases(page)
    radio(page, GONE, SP).check()
    evidence(page, GONE).fill("Careers fair, with \"quotes\", commas\nand a second line")
    case = GONE.area.featured[0].id
    box = page.locator(f"[data-next-for='{GONE.id}']")
    box.get_by_role("button", name=re.compile("^Show all")).click()
    box.locator(f"input[value='{case}']").check()
    earlier = storage(page)[KEY]
    open_workbook(page, next_edition_url)
    put_saved(page, earlier)
    page.reload()
    expect(page.locator("#wb-kept")).to_contain_text(GONE.id)
    expect(page.locator("#wb-kept")).to_contain_text("Careers fair")
    text = download_text(page, page.get_by_role("button", name="Export for a spreadsheet (CSV)").click)
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    kept = [r for r in rows if r["statement_id"] == GONE.id]
    assert len(kept) == 1 and kept[0]["area"] == "No longer in the framework", rows[-1]
    assert kept[0]["tier"] == SP and kept[0]["evidence"].startswith("Careers fair, with \"quotes\"")
    assert kept[0]["case_studies"] == case
    assert next(r for r in rows if r["statement_id"] == NEW_ID)["retired_case_studies"] == RETIRED_CASE
    path = tmp_path / "round-trip.csv"
    path.write_text(text, encoding="utf-8")
    context = browser.new_context(accept_downloads=True)
    try:
        fresh = open_workbook(context.new_page(), next_edition_url)
        errors = watch_errors(fresh)
        fresh.set_input_files("#wb-import", str(path))
        expect(fresh.locator("#wb-status")).to_contain_text("Imported “round-trip.csv”")
        expect(fresh.locator("#wb-kept")).to_contain_text(GONE.id)
        exported = json.loads(download_text(fresh, fresh.get_by_role("button", name="Export (JSON file)").click))
        assert exported["retired"][GONE.id]["tier"] == FW.tiers[1].id
        assert exported["retired"][GONE.id]["evidence"] == "Careers fair, with \"quotes\", commas\nand a second line"
        assert exported["retired"][GONE.id]["case_studies"] == [case]
        assert exported["statements"][NEW_ID]["retired_case_studies"] == [RETIRED_CASE]
        assert errors == []
    finally:
        context.close()


def test_a_retired_priority_stays_on_the_action_plan_and_in_its_csv(page, base_url, next_edition_url):
    """A statement a school made a priority, with an action, a lead and a date, is retired by the next edition: the
    action plan still shows it (at a glance and under "No longer in the framework", with what the school wrote),
    and the plan's CSV carries its row, rather than the plan silently losing a piece of work someone leads."""
    open_workbook(page, base_url)
    radio(page, GONE, EF).check()
    page.get_by_label(f"Make statement {GONE.label} a priority for development").check()
    page.get_by_label(f"Action for statement {GONE.label}").fill("Run a careers fair, with \"local\" employers")
    page.get_by_label(f"Who leads it (statement {GONE.label})").fill("Careers lead")
    page.get_by_label(f"By when (statement {GONE.label})").fill("2027-02-01")
    earlier = storage(page)[KEY]
    open_workbook(page, next_edition_url)
    put_saved(page, earlier)
    page.reload()
    errors = watch_errors(page)
    page.goto(next_edition_url + "action-plan/")
    expect(page.locator("#ap-plan")).to_contain_text("1 priority")
    glance = page.get_by_role("region", name="Priorities at a glance").get_by_role("table")
    expect(glance.get_by_role("row")).to_have_count(2)
    expect(glance.get_by_role("row").nth(1)).to_contain_text("Run a careers fair")
    expect(page.get_by_role("heading", level=2, name="No longer in the framework")).to_be_visible()
    item = page.locator(f"#plan-{GONE.id}")
    expect(item).to_contain_text("no longer in the framework")
    expect(item).to_contain_text("Careers lead")
    expect(item).to_contain_text("1 February 2027")
    expect(item.locator("dd").first).to_have_text(EF)
    text = download_text(page, page.get_by_role("button", name="Export the plan for a spreadsheet (CSV)").click)
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["statement_id"] for r in rows] == [GONE.id], rows
    assert rows[0]["area"] == "No longer in the framework" and rows[0]["current_tier"] == EF
    assert rows[0]["action"] == "Run a careers fair, with \"local\" employers" and rows[0]["lead"] == "Careers lead"
    assert rows[0]["due"] == "2027-02-01" and rows[0]["next_tier"] == ""
    assert errors == []


def test_compare_and_trust_say_what_moved_in_an_earlier_edition_file(page, base_url, next_edition_url, tmp_path):
    """An export from the earlier edition is read on the next edition's compare and trust pages as on the
    self-evaluation: its work moves to the new ids, and the page says so, rather than a statement silently
    changing its id between the two evaluations."""
    open_workbook(page, base_url)
    judge_with_cases(page)
    radio(page, GONE, SP).check()
    earlier = tmp_path / "elm-2026.json"
    earlier.write_text(download_text(page, page.get_by_role("button", name="Export (JSON file)").click), encoding="utf-8")
    errors = watch_errors(page)
    page.goto(next_edition_url + "compare/")
    page.set_input_files("#cmp-earlier", str(earlier))
    page.set_input_files("#cmp-later", str(earlier))
    page.get_by_role("button", name="Compare", exact=True).click()
    moved = page.locator("#cmp-moved")
    expect(moved).to_contain_text("“elm-2026.json”")
    expect(moved).to_contain_text(f"was “{STATEMENT.id}”")
    expect(moved).to_contain_text(f"statement “{GONE.id}”")
    expect(page.locator(".cmp-counts")).to_contain_text("Stayed the same: 1 statement")
    page.goto(next_edition_url + "trust-overview/")
    page.set_input_files("#trust-files", [str(earlier)])
    expect(page.locator("#trust-status")).to_contain_text("1 school loaded.")
    moved = page.locator("#trust-moved")
    expect(moved).to_contain_text("“elm-2026.json”")
    expect(moved).to_contain_text(f"was “{STATEMENT.id}”")
    assert errors == []


# --- the data island's shape (fw.migrations, from renamed_from:/retired: in the YAML) ---------------------------------

def test_data_island_always_carries_migrations_in_the_agreed_shape(soup):
    data = json.loads(soup("self-evaluation/index.html").find(id="wb-framework").string)
    assert data["edition"] == FW.edition.id
    assert set(data["migrations"]) == {"statement", "case_study", "area"}
    for kind in data["migrations"].values():
        assert set(kind) == {"renamed", "retired"}
        assert isinstance(kind["renamed"], dict) and isinstance(kind["retired"], list)


def test_model_migrations_pass_into_the_data_island_unchanged(soup):
    data = json.loads(soup("self-evaluation/index.html").find(id="wb-framework").string)
    assert data["migrations"] == FW.migrations
