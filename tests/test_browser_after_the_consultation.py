"""On a 390 px phone, with and without JavaScript: she writes down her decision (a date
far off is refused first), comes back a week after its date, checks in, and sees her
check-in in her summary. Every page passes axe and fits the screen (checked with
JavaScript on: axe runs in the page; the pages are the same without it, no script
changes them)."""

import datetime

import pytest
from django.utils import timezone

from answers.models import Decision
from tests.browser import axe_violations, screenshot, scrolls_sideways

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}


def looks_right(page, name, javascript):
    screenshot(page, name)
    if javascript:
        assert axe_violations(page) == []
        assert not scrolls_sideways(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_decide_then_check_in_a_week_later(live_server, live_aids, browser, javascript):
    context = browser.new_context(viewport=PHONE_390, java_script_enabled=javascript)
    page = context.new_page()
    suffix = "js" if javascript else "no-js"
    page.goto(f"{live_server.url}/mijn-keuze/veiligheid/")
    page.get_by_role("button", name="Opslaan en verder").click()

    page.goto(f"{live_server.url}/mijn-keuze/")
    page.get_by_role("link", name="Na het gesprek met je arts: wat hebben we besloten?").click()
    assert page.locator("h1").inner_text() == "Wat hebben we besloten?"
    page.get_by_label("Medicijnen").check()
    far = timezone.localdate() + datetime.timedelta(days=40)
    page.locator("#id_on_date").fill(far.isoformat())
    page.get_by_role("button", name="Opslaan").click()
    assert "Deze datum ligt meer dan 21 dagen vooruit" in page.locator(".error-summary").inner_text()
    assert page.locator("#id_on_date").input_value() == far.isoformat()
    assert page.get_by_label("Medicijnen").is_checked()
    looks_right(page, f"decision-refused-{suffix}", javascript)

    page.locator("#id_on_date").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Opslaan").click()
    opens = timezone.localdate() + datetime.timedelta(days=7)
    assert "Je laatste keuze" in page.locator("#latest-decision").inner_text()
    assert f"Vanaf {opens.day} " in page.locator("#latest-decision").inner_text()
    looks_right(page, f"decision-saved-{suffix}", javascript)

    # A week later: her decision's date moved back, as if the week had passed.
    Decision.objects.update(on_date=timezone.localdate() - datetime.timedelta(days=7))
    page.reload()
    page.get_by_role("link", name="Terugblikken: hoe ging het?").click()
    assert page.locator("h1").inner_text() == "Terugblikken"
    page.locator("#id_went_as_expected_2").check()  # deels
    page.locator("#id_feeling_1").check()  # wisselend
    for item, answer in [("right_decision", 2), ("regrets_choice", 4), ("same_again", 2), ("did_harm", 4), ("wise", 2)]:
        page.locator(f"label[for=id_regret_{item}_{answer - 1}]").click()
    page.locator("#id_note").fill("Het bloeden duurde langer dan ik dacht.")
    looks_right(page, f"check-in-{suffix}", javascript)
    page.get_by_role("button", name="Opslaan").click()

    assert page.url.endswith("/mijn-keuze/besluit/terugblik/bewaard/")
    # "Het gaat wisselend": what may help, and whom to call.
    assert "Gaat het niet goed met je?" in page.locator("main").inner_text()
    looks_right(page, f"check-in-saved-{suffix}", javascript)
    page.get_by_role("link", name="Bekijk je samenvatting").click()
    part = page.locator("#after-consultation").inner_text()
    assert "25 van 100 (0 = geen spijt, 100 = veel spijt)" in part
    assert "Het bloeden duurde langer dan ik dacht." in part
    page.locator("#after-consultation").scroll_into_view_if_needed()
    looks_right(page, f"summary-after-consultation-{suffix}", javascript)
    context.close()
