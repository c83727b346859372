"""The self-evaluation in a SENCO's hands, in Chromium: judged with the keyboard alone, its status beside the
count in the bar that stays in view, typing that is never slowed by a save per key, a page a phone can hold,
and honest about what it cannot do without JavaScript."""
from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from framework.load import load_framework

from conftest import ROOT

FW = load_framework(ROOT / "data" / "framework.yaml")
TIER_NAMES = [t.name for t in FW.tiers]
STORAGE_KEY = "inclusion-audit-workbook"
PHONE = {"width": 390, "height": 844}
SCREENS = 16

# Counts the page's writes of the saved work, as the browser receives them.
COUNT_SAVES_JS = """(() => {
  const setItem = Storage.prototype.setItem;
  window.__saves = 0;
  Storage.prototype.setItem = function (key, value) {
    if (key === 'inclusion-audit-workbook') window.__saves += 1;
    return setItem.call(this, key, value);
  };
})();"""

# localStorage that refuses every write of the saved work once window.__full is set: a full storage.
FULL_JS = """(() => {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (window.__full && key.startsWith('inclusion-audit'))
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return setItem.call(this, key, value);
  };
})();"""


def open_workbook(page, base_url):
    page.goto(base_url + "self-evaluation/")
    expect(page.locator("#wb-summary table")).to_be_visible()
    return page


def show_area(page, statement):
    """A tap on the statement's area, if the page shows areas closed."""
    closed = page.locator(f"details:not([open]):has(#eval-{statement.id}) > summary")
    if closed.count():
        closed.click()


def group(page, statement):
    return page.get_by_role("group", name=f"{statement.label} {statement.text}", exact=True)


def wait_saved(page, statement_id: str, field: str, value: str):
    """Until the saved work in this browser has the value (a save may come a moment after the change)."""
    page.wait_for_function("""([key, id, field, value]) => {
      const s = JSON.parse(localStorage.getItem(key) || '{}');
      return ((s.statements || {})[id] || {})[field] === value; }""", arg=[STORAGE_KEY, statement_id, field, value])


def saved(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}') || '{{}}'") or "{}")


def test_arrow_keys_choose_a_tier_without_folding_or_moving_anything(page, base_url):
    first, second = FW.statements[0], FW.statements[1]
    open_workbook(page, base_url)
    show_area(page, second)
    # keyboard only: from the control before the statement's tiers, Tab in and arrow through them
    page.get_by_label(f"Make statement {first.label} a priority for development").focus()
    page.keyboard.press("Tab")
    radios = group(page, second).get_by_role("radio")
    names = [r.get_attribute("aria-label") or r.evaluate("n => n.labels[0].textContent.trim()") for r in radios.all()]
    assert names[:len(TIER_NAMES)] == TIER_NAMES and names[-1] == "Not yet judged"   # the tiers, then "not yet"
    for n, name in enumerate(TIER_NAMES):
        page.keyboard.press("ArrowDown" if n == 0 else "ArrowRight")
        chosen = group(page, second).get_by_role("radio", name=name, exact=True)
        expect(chosen).to_be_checked()
        expect(chosen).to_be_focused()                  # focus stays where the key put it
        for other in TIER_NAMES + ["Not yet judged"]:   # nothing folded away: every choice still there to read
            expect(group(page, second).get_by_role("radio", name=other, exact=True)).to_be_visible()
    # the accessibility tree: one group, its four radios in order, the top tier checked
    tree = group(page, second).aria_snapshot()
    order = [tree.index(f'radio "{name}"') for name in TIER_NAMES + ["Not yet judged"]]
    assert order == sorted(order), tree
    assert f'radio "{TIER_NAMES[-1]}" [checked]' in tree, tree
    # the last choice is the one kept
    wait_saved(page, second.id, "tier", FW.tiers[-1].id)
    # folding is an explicit action: a button, and then only the chosen tier shows until "Change the tier"
    group(page, second).get_by_role("button", name=re.compile("Keep this tier")).click()
    expect(group(page, second).get_by_role("radio", name=TIER_NAMES[0], exact=True)).to_be_hidden()
    expect(group(page, second).get_by_role("button", name="Change the tier")).to_be_focused()


def test_status_and_count_live_in_the_bar_that_stays_in_view(browser, base_url):
    context = browser.new_context(accept_downloads=True, viewport=PHONE)
    context.add_init_script(FULL_JS)
    try:
        page = context.new_page()
        open_workbook(page, base_url)
        statement = FW.statements[-1]
        show_area(page, statement)
        bar = page.locator(".wb-progress")
        live = bar.locator("[aria-live=polite]")
        expect(live).to_have_count(1)
        group(page, statement).get_by_role("radio", name=TIER_NAMES[1], exact=True).check()
        expect(live).to_contain_text("1 of")
        expect(live).to_contain_text("Saved")
        page.evaluate("window.__full = true")
        box = page.get_by_label(f"Evidence of current practice for statement {statement.label}")
        box.fill("Written when the storage is full.")
        expect(live).to_contain_text("Not saved")
        expect(bar).to_be_in_viewport()
        button = bar.get_by_role("button", name=re.compile("Download your work"))
        expect(button).to_be_in_viewport()
        box.focus()                                     # the text box had focus: the first click still acts
        with page.expect_download() as info:
            button.click()
        text = open(info.value.path(), encoding="utf-8").read()
        assert json.loads(text)["statements"][statement.id]["evidence"] == "Written when the storage is full."
    finally:
        context.close()


def test_all_judged_is_said_in_the_bar_and_offers_no_next(browser, base_url):
    context = browser.new_context()
    state = {"format": "inclusion-audit-self-evaluation", "version": 2, "edition": FW.edition.id,
             "statements": {s.id: {"tier": FW.tiers[0].id} for s in FW.statements}}
    context.add_init_script(f"localStorage.setItem('{STORAGE_KEY}', {json.dumps(json.dumps(state))})")
    try:
        page = context.new_page()
        open_workbook(page, base_url)
        bar = page.locator(".wb-progress")
        expect(bar).to_contain_text(f"All {len(FW.statements)} judged")
        expect(bar.get_by_role("button", name=re.compile("Next not judged"))).to_have_count(0)
    finally:
        context.close()


def test_typing_saves_after_a_pause_not_on_every_key(browser, base_url):
    context = browser.new_context()
    context.add_init_script(COUNT_SAVES_JS)
    try:
        page = context.new_page()
        open_workbook(page, base_url)
        statement = FW.statements[0]
        show_area(page, statement)
        box = page.get_by_label(f"Evidence of current practice for statement {statement.label}")
        box.focus()
        page.evaluate("window.__saves = 0")
        words = "Provision map reviewed each term with the class teachers"
        page.keyboard.type(words, delay=20)
        assert page.evaluate("window.__saves") <= 2          # not one per key
        wait_saved(page, statement.id, "evidence", words)
        expect(page.locator(".wb-progress [aria-live=polite]")).to_contain_text("Saved")
        # a reload straight after typing keeps the last keys too
        page.keyboard.type(" and governors")
        page.reload()
        show_area(page, statement)
        expect(page.get_by_label(f"Evidence of current practice for statement {statement.label}")).to_have_value(
            words + " and governors")
    finally:
        context.close()


def test_without_javascript_the_form_says_nothing_is_saved(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "self-evaluation/")
        text = " ".join(page.locator("article").inner_text().split())
        assert "as you type" not in text and "saved as you go" not in text.lower()
        assert "nothing you choose or type on this page is saved" in text.lower()
        note = page.locator("noscript .note")
        expect(note.locator("a[href$='audit-form/']")).to_be_visible()
        expect(note.locator("a[href$='.xlsx']")).to_be_visible()
    finally:
        context.close()


def test_on_a_phone_the_page_fits_sixteen_screens_and_every_statement_is_two_taps_away(browser, base_url):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        open_workbook(page, base_url)
        assert page.evaluate("document.documentElement.scrollHeight") <= SCREENS * PHONE["height"]
        for area in FW.areas:
            last = area.statements[-1]
            summary = page.locator(f"details:has(#eval-{last.id}) > summary")
            summary.click()                                                    # one tap opens the area
            radio = group(page, last).get_by_role("radio", name=TIER_NAMES[-1], exact=True)
            radio.click()                                                      # the second judges
            expect(radio).to_be_checked()
            summary.click()                                                    # and it closes again
    finally:
        context.close()


def test_printing_the_form_opens_every_area(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "self-evaluation/")
        page.emulate_media(media="print")
        for area in FW.areas:
            expect(page.locator(f"#eval-{area.statements[-1].id} legend")).to_be_visible()
    finally:
        context.close()


def test_a_deep_link_and_next_not_judged_open_their_area(page, base_url):
    statement = FW.statements[-1]
    page.goto(base_url + f"self-evaluation/#eval-{statement.id}")
    expect(page.locator("#wb-summary table")).to_be_visible()
    expect(group(page, statement)).to_be_visible()
    page.goto(base_url + "self-evaluation/")
    expect(page.locator("#wb-summary table")).to_be_visible()
    page.locator(".wb-progress").get_by_role("button", name=re.compile("Next not judged")).click()
    expect(group(page, FW.statements[0]).get_by_role("radio").first).to_be_visible()
    expect(group(page, FW.statements[0]).get_by_role("radio", name="Not yet judged")).to_be_focused()
