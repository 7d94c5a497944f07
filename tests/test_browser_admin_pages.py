"""The admin's editing pages in a real browser at 1280 px, on the shipped content: the
version's page and each option's page stay short (the version's page with every part on
it was some 43,000 px tall with its folds open), and a clinician changes an option's cons
with two clicks from the version's page: the option's link, and Opslaan.

Run with -s to see the heights (docs/benchmarks.md, "Admin editing pages")."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from options import actions
from options.models import Option
from tests.browser import screenshot

pytestmark = pytest.mark.browser

DESK = {"width": 1280, "height": 900}
# Bounds, in CSS pixels at 1280 px: the tallest page measured was about half of this.
TALLEST = {"version": 6000, "option": 6000}


def height(page):
    return page.evaluate("document.documentElement.scrollHeight")


@pytest.fixture
def editor_page(live_server, browser):
    User.objects.create_superuser("redacteur", password="een-lang-wachtwoord")
    context = browser.new_context(viewport=DESK, device_scale_factor=1)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill("redacteur")
    page.locator("#id_password").fill("een-lang-wachtwoord")
    page.locator("input[type=submit]").click()
    yield page
    context.close()


def test_the_editing_pages_are_short_and_the_cons_take_two_clicks(live_server, live_aids, editor_page):
    page = editor_page
    draft = actions.new_draft(live_aids["nl"])
    page.goto(f"{live_server.url}/admin/options/decisionaid/{draft.pk}/change/")
    screenshot(page, "admin-version-page-1280")
    print(f"\nversion page: {height(page)} px")
    assert height(page) < TALLEST["version"]

    for option in draft.options.all():
        page.goto(f"{live_server.url}/admin/options/option/{option.pk}/change/")
        screenshot(page, f"admin-option-{option.key}-1280")
        print(f"option page {option.key}: {height(page)} px")
        assert height(page) < TALLEST["option"]

    page.goto(f"{live_server.url}/admin/options/decisionaid/{draft.pk}/change/")
    page.locator(".version-contents").get_by_role("link", name="Medicijnen").click()  # click 1
    page.get_by_label("Nadelen").fill("Je kunt buikpijn krijgen.\nHet kan een paar dagen duren.")
    page.locator("input[name=_save]").click()  # click 2
    expect(page.locator(".messagelist")).to_contain_text("is met succes gewijzigd")
    assert Option.objects.get(aid=draft, key="medicijnen").cons == [
        "Je kunt buikpijn krijgen.",
        "Het kan een paar dagen duren.",
    ]
