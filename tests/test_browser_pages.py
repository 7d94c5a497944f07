"""The first pages in a real browser on a phone: readable, no sideways scrolling, no
WCAG 2.1 A/AA violation found by axe-core, nothing refused by the Content-Security-Policy."""

import pytest

from tests.browser import axe_violations, screenshot, scrolls_sideways, watch_csp

pytestmark = pytest.mark.browser

PAGES = [
    ("start", "/"),
    ("option-medicijnen", "/opties/medicijnen/"),
    ("comparison", "/vergelijken/"),
    ("background", "/over-een-miskraam/"),
    ("about", "/over-deze-keuzehulp/"),
]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(("name", "path"), PAGES)
def test_page_on_a_phone(live_server, live_aids, phone, name, path, language):
    prefix = "" if language == "nl" else "/en"
    refused = watch_csp(phone)
    response = phone.goto(f"{live_server.url}{prefix}{path}")
    assert response.status == 200
    screenshot(phone, f"{name}-{language}")
    assert phone.locator("h1").count() == 1
    assert not scrolls_sideways(phone)
    assert axe_violations(phone) == []
    assert refused == []


def test_the_pages_work_without_javascript_and_load_nothing_from_other_hosts(live_server, live_aids, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Vergelijk de mogelijkheden naast elkaar").click()
    assert page.url == f"{live_server.url}/vergelijken/"
    page.get_by_role("link", name="English").click()
    assert page.url == f"{live_server.url}/en/vergelijken/"
    assert page.locator("h1").inner_text() == "The options side by side"
    context.close()
    assert requested
    assert all(url.startswith(live_server.url) for url in requested)


def test_the_comparison_on_a_wide_screen_is_a_table(live_server, live_aids, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/vergelijken/")
    screenshot(page, "comparison-wide-nl")
    headers = page.locator("table.comparison thead th").all_inner_texts()
    assert headers == ["Afwachten", "Medicijnen", "Curettage"]
    assert axe_violations(page) == []
    context.close()
