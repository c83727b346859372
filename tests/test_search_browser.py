"""The real search box on the served site (Material's search worker in Debian Chromium) finds what staff type.

tests/test_search.py measures the whole query set against the index in Python; this checks a handful of those
queries end to end, as a user sees them: typed into the header's search box, results read from the page.
"""
from urllib.parse import urlsplit

import pytest

from test_search import load_queries

TOP = 5


def location(href: str, base_url: str) -> str:
    """http://host/areas/x/?h=apdr#statement-6-2 -> areas/x/#statement-6-2 (as the search index writes it)."""
    url = urlsplit(href)
    path = url.path[len(urlsplit(base_url).path):]
    return path + (f"#{url.fragment}" if url.fragment else "")


def results(page, base_url: str, query: str) -> list[list[str]]:
    """The result groups the search box shows: each is the page, then its best-matching sections (not the
    ones folded under "more")."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.type(query)
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__meta').textContent.match(/match|No matching/)"
        " && document.querySelector('input.md-search__input').value === q", arg=query)
    read = lambda: page.eval_on_selector_all(           # noqa: E731
        "li.md-search-result__item", "items => items.map(li => [...li.querySelectorAll(':scope > a')].map(a => a.href))")
    groups, previous = read(), None
    for _ in range(20):                 # the results of the last keystroke replace earlier ones: wait until stable
        if groups == previous:
            break
        page.wait_for_timeout(250)
        previous, groups = groups, read()
    return [[location(h, base_url) for h in group] for group in groups]


def landing(group: list[str]) -> str:
    """Where the result leads first: the best section shown under the page title, or the page itself."""
    return group[1] if len(group) > 1 else group[0]


@pytest.fixture
def search_page(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url)
    return page


CHECKS = {
    # query: what must be among the first five results (a "#" target must be where that result leads)
    "SENCo role": "glossary/#term-senco",
    "assess plan do review": "glossary/#term-apdr",
    "alternative provision": "glossary/#term-ap",
    "reasonable adjustments": "areas/quality-of-send-provision/#statement-8-2",
    "local offer": "areas/working-with-learners-parents-and-carers/#statement-4-1",
    "the hive": "case-studies/the-hive/",
    "iris": "case-studies/unlocking-barriers-the-iris-approach/",
    "coffee afternoons": "case-studies/stronger-together/",
    "sensory passports": "case-studies/sensory-support/",
    "transitions": "case-studies/warm-transitions/",
    "regulat": "case-studies/regulation-rooms/",
    "KS1": "case-studies/growing-futures-curriculum/",
}


def test_checks_come_from_the_query_set():
    accepted = {q["query"]: q["accept"] for q in load_queries()}
    for query, target in CHECKS.items():
        assert target in accepted[query], (query, target)


@pytest.mark.parametrize("query", list(CHECKS))
def test_search_box_finds_it(search_page, base_url, query):
    target = CHECKS[query]
    groups = results(search_page, base_url, query)[:TOP]
    assert groups, f"no results for {query!r}"
    if "#" in target:
        assert target in [landing(g) for g in groups], f"{query!r}: {groups}"
    else:
        assert target in [g[0] for g in groups], f"{query!r}: {groups}"


def test_a_statement_result_opens_the_area_page_at_the_statement(search_page, base_url):
    groups = results(search_page, base_url, "homework")
    link = search_page.locator("li.md-search-result__item > a[href*='/areas/'][href$='#statement-3-3']")
    assert link.count() == 1, groups
    link.click()
    search_page.wait_for_load_state()
    assert urlsplit(search_page.url).path.endswith("/areas/quality-of-teaching-and-learning/")
    assert urlsplit(search_page.url).fragment == "statement-3-3"
    box = search_page.locator("#statement-3-3").bounding_box()
    assert 0 <= box["y"] < 300, "the statement heading is at the top of the window"


def test_abbreviation_and_long_form_find_the_same_glossary_term(search_page, base_url):
    short = [landing(g) for g in results(search_page, base_url, "EHCP")[:TOP]]
    long = [landing(g) for g in results(search_page, base_url, "education health and care plan")[:TOP]]
    assert "glossary/#term-ehcp" in short and "glossary/#term-ehcp" in long, (short, long)
