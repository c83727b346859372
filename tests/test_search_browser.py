"""The real search box on the served site, in Debian Chromium: it shows what the site's search code ranks
(tests/js/ measures the query sets with that same code under Node), costs nothing until someone searches, and
shows no word the person did not type."""
import gzip
import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parent.parent
SEARCH_FILES = ("/search/", "/search-worker.js", "/minisearch")
FIRST_SEARCH_KIB = 70       # everything the first search downloads, gzip'd as GitHub Pages sends it


def location(href: str, base_url: str) -> str:
    """http://host/areas/x/#statement-6-2 -> areas/x/#statement-6-2 (as search/documents.json writes it)."""
    url = urlsplit(href)
    path = url.path[len(urlsplit(base_url).path):]
    return path + (f"#{url.fragment}" if url.fragment else "")


def results(page, base_url: str, query: str) -> list[list[str]]:
    """The links the search box shows for a query, grouped by result (page)."""
    box = page.locator("#site-search-input")
    box.click()
    box.fill(query)
    page.wait_for_function(
        "q => document.querySelector('#site-search-input').value === q"
        " && /match/i.test(document.querySelector('.md-search-result__meta').textContent)", arg=query)
    page.wait_for_timeout(150)                 # an answer to an earlier keystroke is never drawn over a later one
    groups = page.eval_on_selector_all(
        "li.md-search-result__item", "items => items.map(li => [...li.querySelectorAll('a')].map(a => a.href))")
    return [[location(h, base_url) for h in group] for group in groups]


def ranked(site_dir, queries: list[str]) -> list[list[list[str]]]:
    """What the site's search code (docs/assets/modules/search.mjs, bundled into the worker) ranks for each query,
    run under Node."""
    script = ("import { siteSearch } from './tests/js/search-lib.mjs';"
              "const s = siteSearch(process.argv[1]);"
              "console.log(JSON.stringify(JSON.parse(process.argv[2]).map(q => "
              "s.search(q).slice(0, 20).map(g => g.docs.map(d => d.url)))));")
    out = subprocess.run(["node", "--input-type=module", "-e", script, str(site_dir), json.dumps(queries)],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.fixture
def search_page(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url)
    return page


# a fixed sample of two tuning sets (every 25th query), and queries with a misspelling, a definition question,
# an abbreviation, a number
SAMPLE = [q["query"] for name in ("search_queries_tuning2.yaml", "search_queries_tuning6.yaml")
          for q in yaml.safe_load((ROOT / "tests" / name).read_text(encoding="utf-8"))["queries"][::25]]
SAMPLE += ["scafolding", "what is APDR", "OAP", "2.3", "early reading progress SEND", "SEND vision and ethos"]


def test_the_box_shows_what_the_search_code_ranks(search_page, base_url, site_dir):
    expected = ranked(site_dir, SAMPLE)
    for query, want in zip(SAMPLE, expected):
        assert results(search_page, base_url, query) == want, query


def test_no_word_the_person_did_not_type_is_shown(search_page, base_url):
    """Results show titles and text with the typed words marked: never a struck or "missing" word, and every
    marked word starts with a word of the query."""
    for query in SAMPLE:
        results(search_page, base_url, query)
        listing = search_page.locator(".md-search-result")
        assert listing.locator("s, del").count() == 0, query
        assert "Missing" not in listing.inner_text(), query
        typed = [w.lower() for w in re.findall(r"\w{3,}", query)]
        typed += [w[:-1].lower() for w in re.findall(r"\b[A-Z]{2,5}s\b", query)]      # "TAs": TA
        for mark in listing.locator("mark").all_inner_texts():
            assert any(mark.lower().startswith(w) for w in typed), (query, mark)


@pytest.mark.parametrize("query, whole", [("TAs", "ta"), ("SEN support", "sen"), ("the hive", None), ("EHCPs", "ehcp")])
def test_an_abbreviation_marks_only_itself_and_small_words_mark_nothing(search_page, base_url, query, whole):
    """An abbreviation is searched as a whole word, so only it is marked ("TAs": TA, not "task"; "SEN": not
    "SEND" or "senior"); a small word ("the") is not searched, so it marks nothing."""
    results(search_page, base_url, query)
    marks = [m.lower() for m in search_page.locator(".md-search-result mark").all_inner_texts()]
    assert marks, query
    assert "the" not in marks and "and" not in marks, marks
    if whole:
        starting = [m for m in marks if m.startswith(whole)]
        assert starting and all(m in (whole, whole + "s", whole + "'s", whole + "’s") for m in starting), starting


def test_search_costs_nothing_until_used_and_little_then(page, base_url, site_dir):
    """A page load asks for none of the search files; focusing the box fetches them, and what was typed straight
    away is searched once they are in. All the first search downloads (the worker with its engine and ranking,
    and the documents) is at most FIRST_SEARCH_KIB, gzip'd: a phone on a slow school network waits for it."""
    requests, finished = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("requestfinished", lambda r: finished.append(r.url))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + "areas/leadership-of-send/")
    page.wait_for_load_state("networkidle")
    page.wait_for_selector("script[data-after-paint=done]", state="attached")
    assert [u for u in requests if any(f in u for f in SEARCH_FILES)] == []
    finished.clear()
    with page.expect_request(lambda r: "/search/documents.json" in r.url):
        page.locator("#site-search-input").click()
    page.keyboard.type("velcro TA")
    # the answer to the whole query (one to "velcro T" may be drawn first, if the search was ready by then)
    expect(page.locator("li.md-search-result__item").first.locator("a").first).to_have_attribute(
        "href", re.compile(r"statement-7-3$"))
    fetched = {urlsplit(u).path[len(urlsplit(base_url).path):] for u in finished}
    assert "search/documents.json" in fetched
    size = sum(len(gzip.compress((site_dir / path).read_bytes(), 6)) for path in fetched)
    assert size <= FIRST_SEARCH_KIB * 1024, f"the first search downloads {size / 1024:.1f} KiB: {sorted(fetched)}"


def test_a_pointer_passing_over_the_box_downloads_nothing_and_a_click_searches(page, base_url):
    """The documents download only for someone who starts to search (often on a filtered or metered network):
    a pointer that passes over the box on its way elsewhere fetches nothing; a click on it then searches."""
    page.set_viewport_size({"width": 1280, "height": 900})
    fetched = []
    page.on("request", lambda r: fetched.append(r.url) if "/search/" in r.url else None)
    page.goto(base_url + "areas/leadership-of-send/")
    page.wait_for_selector("script[data-after-paint=done]", state="attached")
    page.locator("#site-search-input").hover()
    page.mouse.move(5, 600)
    page.wait_for_timeout(500)
    assert fetched == [], f"passing over the search box downloaded {fetched}"
    page.locator("#site-search-input").click()
    page.keyboard.type("warm transitions")
    page.wait_for_selector("li.md-search-result__item a[href*='warm-transitions']")
    assert any("/search/documents.json" in url for url in fetched)


def test_the_search_key_opens_search_and_escape_closes_it(page, base_url):
    page.goto(base_url)
    page.wait_for_selector("script[data-after-paint=done]", state="attached")
    with page.expect_request(lambda r: "/search/documents.json" in r.url):
        page.keyboard.press("/")
    expect(page.locator("#site-search-input")).to_be_focused()
    page.keyboard.type("warm transitions")
    page.wait_for_selector("li.md-search-result__item a[href*='warm-transitions']")
    page.keyboard.press("Escape")
    assert page.locator("#__search").is_checked() is False


def test_focus_stays_where_the_reader_moves_it(page, base_url):
    """Tab into the search box, then straight on: the box must not take focus back a moment later."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + "areas/leadership-of-send/")
    page.wait_for_selector("script[data-after-paint=done]", state="attached")
    page.locator("#site-search-input").focus()
    page.evaluate("() => document.activeElement.blur()")
    page.wait_for_timeout(300)
    assert page.evaluate("() => document.activeElement.id") != "site-search-input"
    # On a phone, opening search with the icon (its label) still puts the cursor in the box.
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + "areas/leadership-of-send/")
    page.wait_for_selector("script[data-after-paint=done]", state="attached")
    page.locator("label[for='__search']:visible").first.click()
    expect(page.locator("#site-search-input")).to_be_focused()


def test_a_statement_number_is_a_link_to_the_statement_with_its_area(search_page, base_url):
    groups = results(search_page, base_url, "2.3")
    assert groups[0][0] == "areas/leadership-of-send/#statement-2-3"
    first = search_page.locator("li.md-search-result__item").first
    assert "Statement 2.3" in first.inner_text() and "Area 2: Leadership of SEND" in first.inner_text()
    first.locator("a").first.click()
    search_page.wait_for_load_state()
    assert urlsplit(search_page.url).fragment == "statement-2-3"


def test_a_glossary_answer_is_the_term_asked_for(search_page, base_url):
    groups = results(search_page, base_url, "what is APDR")
    assert groups[0] == ["glossary/#term-apdr"]
    assert all(len(g) == 1 for g in groups if g[0].startswith("glossary/"))


def test_enter_opens_the_first_result(search_page, base_url):
    results(search_page, base_url, "the hive")
    search_page.keyboard.press("Enter")
    search_page.wait_for_url(re.compile(r"/case-studies/the-hive/"))


def test_the_search_box_speaks_of_pages_and_says_what_to_try_when_nothing_matches(search_page, base_url):
    search_page.locator("#site-search-input").click()
    meta = search_page.locator(".md-search-result__meta")
    expect(meta).to_contain_text("Type a topic, a statement number")
    assert results(search_page, base_url, "xqzvw") == []
    expect(meta).to_have_text(re.compile(r"^No page matches\..*glossary.*case-study index", re.S))
    results(search_page, base_url, "Warm Transitions")
    expect(meta).to_have_text(re.compile(r"^\d+ matching pages?$"))


def test_a_result_found_through_a_kind_of_its_subject_says_what_it_comes_under(search_page, base_url, site_dir):
    """A word staff use for a kind of a subject ("fidget toys", under "sensory") finds the pages that use the
    subject's word; their snippets lack the typed word, so the result says which word of the page it comes under.
    The word is taken from the site's data: one no page uses of its own."""
    data = json.loads((site_dir / "search" / "documents.json").read_text(encoding="utf-8"))
    own = " ".join(" ".join([d["title"], d.get("text", ""), *d.get("keys", [])]) for d in data["docs"]).lower()
    word, under = next((w, entry[0]) for entry in data["narrower"] for w in entry[1:]
                       if not any(part in own for part in re.findall(r"\w{3,}", w.lower())))
    results(search_page, base_url, word)
    first = search_page.locator("li.md-search-result__item").first
    expect(first).to_contain_text(f"“{word}” comes under “")
    assert "Missing" not in search_page.locator(".md-search-result").inner_text()
    # a word the page has of its own shows no such line
    results(search_page, base_url, under)
    expect(search_page.locator("li.md-search-result__item").first).not_to_contain_text("comes under")
