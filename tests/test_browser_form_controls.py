"""Form controls she can see, on a phone (390 px) and a wide screen (1280 px): the values
step as one compact scale per statement that fits a phone."""

import re

import pytest
from django.core.cache import cache

from options.models import OrganisationProfile
from tests.browser import axe_violations, screenshot, scrolls_sideways, watch_csp
from tests.helpers import STEP_URLS

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}
VIEWPORTS = {"390": PHONE_390, "1280": WIDE}
VALUES = STEP_URLS["values"]
MAX_PHONE_HEIGHT = 2500
ENDS = {"nl": ["Niet belangrijk", "Heel erg belangrijk"], "en": ["Not important", "Extremely important"]}
MEANINGS = {
    "nl": ["niet belangrijk", "een beetje belangrijk", "belangrijk", "erg belangrijk", "heel erg belangrijk"],
    "en": ["not important", "a little important", "important", "very important", "extremely important"],
}


def skip_to_values(page, base, prefix=""):
    for step in ("safety", "situation"):
        page.goto(f"{base}{prefix}{STEP_URLS[step]}")
        page.locator("button[value=skip]").click()
    page.goto(f"{base}{prefix}{VALUES}")
    assert page.url.endswith(VALUES)


@pytest.fixture
def example_hospital(live_aids):
    """The shipped example profile, as every page shows it until the hospital enters its
    own (a migration adds it; the database is emptied between these tests): its numbers
    and warning make the page's footer longer."""
    if not OrganisationProfile.objects.exists():
        OrganisationProfile.objects.create(
            name="Voorbeeldziekenhuis (voorbeeldprofiel: vervang dit door je eigen ziekenhuis)",
            phone_office_hours="012 345 67 89",
            phone_out_of_hours="012 345 67 00",
            is_example=True,
        )
    cache.delete(OrganisationProfile.CACHE_KEY)


@pytest.fixture
def page_at(browser):
    contexts = []

    def open_page(viewport, js=True):
        context = browser.new_context(viewport=VIEWPORTS[viewport], device_scale_factor=1, java_script_enabled=js)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("viewport", ["390", "1280"])
def test_the_values_step_is_one_compact_scale_per_statement(
    live_server, live_aids, example_hospital, page_at, viewport, language
):
    page = page_at(viewport)
    refused = watch_csp(page)
    skip_to_values(page, live_server.url, "" if language == "nl" else "/en")
    screenshot(page, f"values-step-{viewport}-{language}")
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"values step at {viewport} px ({language}): {height} px high")
    assert page.locator(".example-warning").count()  # the footer as shipped, numbers and all
    if viewport == "390":
        assert height <= MAX_PHONE_HEIGHT, f"{height} px"
    assert not scrolls_sideways(page)
    scales = page.locator("main form fieldset:has(.rating-scale)")
    assert scales.count() == 10  # the shipped statements
    for scale in scales.all():
        boxes = [box.bounding_box() for box in scale.locator("label.rating-choice").all()]
        assert len(boxes) == 5
        assert len({round(box["y"]) for box in boxes}) == 1, "the five answers in one row"
        assert all(box["width"] >= 44 and box["height"] >= 44 for box in boxes), boxes
        # The two ends are shown; a screen reader hears every number's meaning in its name.
        assert scale.locator(".rating-ends").inner_text().split("\n") == ENDS[language]
    # (Chromium puts a space before the comma: the meaning is a separate, hidden element.)
    for number, meaning in enumerate(MEANINGS[language], start=1):
        name = re.compile(rf"^{number} ?, {meaning}$")
        assert page.get_by_role("radio", name=name).count() == 10, (number, meaning)
    assert axe_violations(page) == []
    assert refused == []
