"""Real browser behaviour of the framework pages (Debian Chromium via Playwright)."""
import pytest


def test_statement_link_on_a_phone_lands_below_the_sticky_header(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + "areas/leadership-of-send/#statement-2-3")
    page.wait_for_timeout(300)
    header = page.locator("header.md-header").bounding_box()
    heading = page.locator("#statement-2-3").bounding_box()
    assert heading["y"] >= header["y"] + header["height"] - 1, (heading, header)
    assert heading["y"] < 200, "the statement should be at the top of the screen"
    context.close()


@pytest.mark.parametrize("path, link, expected", [
    ("areas/leadership-of-send/", 'a[data-copy-link][href="#statement-2-3"]', "areas/leadership-of-send/#statement-2-3"),
    ("case-studies/the-hive/", "a[data-copy-link]", "case-studies/the-hive/"),
])
def test_copy_link_puts_the_full_address_on_the_clipboard(browser, base_url, path, link, expected):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    page.goto(base_url + path)
    page.locator(link).click()
    assert page.evaluate("navigator.clipboard.readText()") == base_url + expected
    assert "copied" in page.locator(link).inner_text().lower()
    context.close()
