"""On a 390 px phone: she writes down medication at her hospital, opens her plan with
dates, and downloads it as a calendar file, which holds the same dates. The page passes
axe and fits the screen; the screenshot is for the issue note (test-artefacts/plan-*.png)."""

import datetime
from pathlib import Path

import icalendar
import pytest

from tests import factories
from tests.browser import axe_violations, screenshot, scrolls_sideways

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}


def test_her_plan_on_her_phone_and_in_her_calendar(live_server, live_aids, browser):
    factories.hospital("noord", name="Ziekenhuis Noord")
    context = browser.new_context(viewport=PHONE_390, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/ziekenhuis/noord/")
    page.goto(f"{live_server.url}/mijn-keuze/veiligheid/")
    page.get_by_role("button", name="Opslaan en verder").click()
    page.goto(f"{live_server.url}/mijn-keuze/besluit/")
    page.get_by_label("Medicijnen").check()
    today = datetime.date.today()
    page.locator("#id_on_date").fill(today.isoformat())
    page.get_by_role("button", name="Opslaan").click()

    page.get_by_role("link", name="Bekijk je plan met data").click()
    assert page.locator("h1").inner_text() == "Je plan met data"
    assert "Is er 48 uur na de misoprostol nog niets gebeurd?" in page.locator("#moment-niets-gebeurd").inner_text()
    screenshot(page, "plan-medication")
    assert axe_violations(page) == []
    assert not scrolls_sideways(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Zet je plan in je agenda (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == "plan-miskraam.ics"
    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    starts = {str(event["SUMMARY"]): event.decoded("dtstart") for event in calendar.walk("VEVENT")}
    assert starts["Mifepriston slikken"] == today
    assert starts["Misoprostol inbrengen"] == today + datetime.timedelta(days=1)
    assert starts["Niets gebeurd? Bel het ziekenhuis"] == today + datetime.timedelta(days=3)
    context.close()
