"""On a 390 px phone: she writes down medication at her hospital; right after saving, her
plan is the main action on the screen; she opens it and downloads it as a calendar file,
which holds the same dates, and as a PDF of at most 2 pages (its pages drawn as pictures
to look at). The page passes axe and fits the screen; the screenshots are for the issue
note (test-artefacts/plan-*.png)."""

import datetime
import subprocess
from pathlib import Path

import icalendar
import pytest
from django.utils import timezone

from tests import factories
from tests.browser import ARTEFACTS, axe_violations, screenshot, scrolls_sideways
from tests.helpers import text_of_pdf

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
    today = timezone.localdate()
    page.locator("#id_on_date").fill(today.isoformat())
    page.get_by_role("button", name="Opslaan").click()

    # Two taps to her calendar: the plan, then the file. The first is in sight at once.
    to_plan = page.get_by_role("link", name="Bekijk je plan met data")
    assert to_plan.is_visible()
    box = to_plan.bounding_box()
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= PHONE_390["height"]
    assert "btn-primary" in to_plan.get_attribute("class")
    page.screenshot(path=str(ARTEFACTS / "plan-decision-saved.png"))  # what she sees: the viewport
    assert axe_violations(page) == []
    to_plan.click()
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

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download je plan als PDF").click()
    download = download_info.value
    assert download.suggested_filename == f"plan-miskraam-{today.isoformat()}-nl.pdf"
    ARTEFACTS.mkdir(exist_ok=True)
    kept = ARTEFACTS / "plan-browser.pdf"
    download.save_as(kept)
    text = text_of_pdf(kept.read_bytes())
    assert "Misoprostol inbrengen" in text
    assert "050 123 45 00" in text
    for old in ARTEFACTS.glob("plan-browser-page-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", kept, ARTEFACTS / "plan-browser-page"], check=True)
    assert 1 <= len(list(ARTEFACTS.glob("plan-browser-page-*.png"))) <= 2
    context.close()
