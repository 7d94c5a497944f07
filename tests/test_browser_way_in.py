"""A new patient on a phone finds her own path at once: the start page's main action
starts "Mijn keuze" in one tap, and every option page and the comparison end with the
same invitation."""

import pytest

from tests.browser import axe_violations, screenshot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
BEGIN = {"nl": "Wat past bij mij? Begin", "en": "What suits me? Start"}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_start_pages_main_action_starts_her_path_in_one_tap(live_server, live_aids, browser, language):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()
    prefix = "" if language == "nl" else "/en"
    page.goto(f"{live_server.url}{prefix}/")
    screenshot(page, f"way-in-start-{language}")
    main_action = page.locator("main .btn-primary").first
    assert main_action.inner_text() == BEGIN[language]
    # The comparison is the second way, beside it.
    assert page.locator("main .invitation .btn-outline-secondary").get_attribute("href").endswith("/vergelijken/")
    main_action.click()
    assert page.url == f"{live_server.url}{prefix}/mijn-keuze/"
    context.close()


def test_every_option_page_and_the_comparison_end_with_the_invitation(live_server, live_aids, phone):
    for path in ["/opties/afwachten/", "/opties/medicijnen/", "/opties/curettage/", "/vergelijken/"]:
        phone.goto(f"{live_server.url}{path}")
        invitation = phone.locator("main > .invitation")
        assert invitation.count() == 1, path
        # It closes the page: nothing of the page's own content comes after it.
        assert phone.evaluate("document.querySelector('main').lastElementChild.className") == "invitation", path
        assert invitation.get_by_role("link", name=BEGIN["nl"]).get_attribute("href") == "/mijn-keuze/"
        assert axe_violations(phone) == [], path
    screenshot(phone, "way-in-comparison-end")


def test_the_way_in_is_on_her_first_phone_screen(live_server, live_aids, phone):
    phone.goto(f"{live_server.url}/")
    box = phone.get_by_role("link", name=BEGIN["nl"]).bounding_box()
    assert box["y"] + box["height"] <= phone.viewport_size["height"]
