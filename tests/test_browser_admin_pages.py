"""The admin's editing pages in a real browser at 1280 px, on the shipped content: the
version's page and each option's page stay short (the version's page with every part on
it was some 43,000 px tall with its folds open), and a clinician changes an option's cons
with two clicks from the version's page: the option's link, and Opslaan.

Run with -s to see the heights and query counts (docs/benchmarks.md, "Admin editing pages")."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from playwright.sync_api import expect

from options import actions
from options.models import Option
from tests.browser import screenshot, scrolls_sideways
from tests.test_a_version_is_edited_part_by_part import PARTS, QUERIES, change_page, list_page, version_page

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


def test_every_editing_page_is_measured(live_server, live_aids, editor_page):
    """Each page of a draft: its height at 1280 px and its queries, printed as a table
    (the tallest item of each kind)."""
    draft = actions.new_draft(live_aids["nl"])
    client = Client()
    client.force_login(User.objects.get(username="redacteur"))
    pages = [("versie", version_page(draft), QUERIES["version"])]
    for model in PARTS:
        name = model._meta.verbose_name_plural
        pages.append((f"{name}: lijst", list_page(model, draft), QUERIES["list"]))
        bound = QUERIES["option" if model is Option else "item"]
        pages += [(f"{name}: {item}", change_page(item), bound) for item in model.objects.filter(aid=draft)]
    measured, shot = {}, set()
    for name, url, bound in pages:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) <= bound, (name, len(queries))
        editor_page.goto(live_server.url + url)
        measured[name] = (height(editor_page), len(queries))
        assert not scrolls_sideways(editor_page), name
        if url.endswith("/change/") and url != pages[0][1] and f"{url.split('/')[3]}" not in shot:
            shot.add(url.split("/")[3])
            screenshot(editor_page, f"admin-{url.split('/')[3]}-1280")
    kinds = {}
    for name, (pixels, count) in measured.items():
        kind = name.split(":")[0]
        if kinds.get(kind, (0, 0))[0] < pixels:
            kinds[kind] = (pixels, count)
    print("\n| page (tallest of its kind) | height at 1280 px | queries |\n|---|---:|---:|")
    for kind, (pixels, count) in kinds.items():
        print(f"| {kind} | {pixels} | {count} |")
    assert max(pixels for pixels, _count in measured.values()) < max(TALLEST.values())
