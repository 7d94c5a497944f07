"""Two women of two hospitals on their phones (390 px), side by side: each arrives by
her hospital's address and reads its name and numbers on the way and in her summary.
The start page's hospital question passes axe, with and without an error."""

import pytest
from PIL import Image

from tests import factories
from tests.browser import ARTEFACTS, axe_violations, screenshot, scrolls_sideways
from tests.test_browser_path import walk_path

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
NOORD = {"name": "Ziekenhuis Noord", "phone_office_hours": "050 123 45 67", "phone_24h": "050 123 45 00"}
ZUID = {"name": "Ziekenhuis Zuid", "phone_office_hours": "043 765 43 21", "phone_24h": "043 765 43 00"}


@pytest.fixture
def hospitals(live_aids):
    factories.hospital("noord", **NOORD)
    factories.hospital("zuid", **ZUID)


def side_by_side(names, out):
    """The two phones' screenshots in one picture, for the note."""
    images = [Image.open(ARTEFACTS / f"{name}.png") for name in names]
    height = max(image.height for image in images)
    joined = Image.new("RGB", (sum(image.width for image in images) + 20, height), "white")
    x = 0
    for image in images:
        joined.paste(image, (x, 0))
        x += image.width + 20
    joined.save(ARTEFACTS / f"{out}.png")


def test_two_hospitals_side_by_side_to_the_summary(live_server, hospitals, browser):
    phones = {}
    for slug, own in [("noord", NOORD), ("zuid", ZUID)]:
        context = browser.new_context(viewport=PHONE, device_scale_factor=1)
        page = context.new_page()
        page.goto(f"{live_server.url}/ziekenhuis/{slug}/")
        assert page.url == f"{live_server.url}/"
        assert page.locator(".hospital-chosen").inner_text().startswith(f"Je ziekenhuis: {own['name']}")
        alarm = page.locator(".alarm-signs")
        assert alarm.get_by_role("link", name=own["phone_24h"]).get_attribute("href") == (
            f"tel:{own['phone_24h'].replace(' ', '')}"
        )
        page.screenshot(path=str(ARTEFACTS / f"hospitals-{slug}-start.png"))
        phones[slug] = (page, own)
    side_by_side(["hospitals-noord-start", "hospitals-zuid-start"], "hospitals-side-by-side-start")

    for slug, (page, own) in phones.items():
        walk_path(page, live_server.url, "nl", "js")
        page.locator("main a.btn-primary").first.click()
        assert page.url.endswith("/mijn-keuze/samenvatting/")
        screenshot(page, f"hospitals-{slug}-summary")
        assert not scrolls_sideways(page)
        assert axe_violations(page) == []
        other = ZUID if own is NOORD else NOORD
        text = page.locator("main").inner_text()
        for value in own.values():
            assert value in text
        for value in other.values():
            assert value not in text
        # The part to look at: her hospital in the box for the doctor and the numbers at the end.
        page.locator(".summary-contact").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTEFACTS / f"hospitals-{slug}-summary-contact.png"))
    contact = ["hospitals-noord-summary-contact", "hospitals-zuid-summary-contact"]
    side_by_side(contact, "hospitals-side-by-side-summary")
    for page, _own in phones.values():
        page.context.close()


@pytest.mark.parametrize("js", [True, False])
def test_the_hospital_question_passes_axe_with_and_without_an_error(live_server, hospitals, browser, js):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, java_script_enabled=js)
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    chooser = page.locator("form.hospital-choice")
    assert chooser.get_by_label("Van welk ziekenhuis kreeg je deze keuzehulp?").is_visible()
    chooser.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTEFACTS / f"hospitals-question-{'js' if js else 'nojs'}.png"))
    if js:
        assert axe_violations(page) == []
    # Sent without a choice: the error at the top and at the list.
    chooser.get_by_role("button", name="Dit is mijn ziekenhuis").click()
    assert page.url == f"{live_server.url}/ziekenhuis/"
    assert "Kies je ziekenhuis, of kies" in page.locator(".error-summary").inner_text()
    assert (
        page.locator("#id_hospital").get_attribute("aria-invalid") == "true"
        or page.locator("#id_hospital.is-invalid").count()
    )
    screenshot(page, f"hospitals-question-error-{'js' if js else 'nojs'}")
    if js:
        assert axe_violations(page) == []
    page.locator("#id_hospital").select_option(label="Ziekenhuis Zuid")
    page.get_by_role("button", name="Dit is mijn ziekenhuis").click()
    assert page.url == f"{live_server.url}/"
    assert page.locator(".alarm-signs").get_by_text("043 765 43 00").count() == 1
    context.close()
