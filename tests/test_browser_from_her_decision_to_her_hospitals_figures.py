"""Issue 13 from end to end, in Chromium at 390 px: she arrives through her hospital's
address, walks the aid to her summary, writes down medication decided a week ago, opens
her plan, puts it in her calendar (the .ics read back: the dates), checks in, and her
doctor reads the check-in by share code. She then erases her answers. The month after,
her hospital's staff page counts her with twenty other patients of the month: counts of
10 and more, "< 10" for the rest, nothing of hers (no text, no date) on the page or in
the CSV, and her erasing took nothing from the figures."""

import csv
import datetime
from pathlib import Path

import icalendar
import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from tests import factories
from tests.browser import axe_violations, screenshot, scrolls_sideways
from tests.helpers import CHECK_IN, CHECK_IN_URL, CLINICIAN_PASSWORD, arrive, clinician, decide, walk_shipped

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}
OTHER_PATIENTS = 20
HER_NOTE = "Na drie dagen was het bloeden minder."
# A check-in with a little regret: "eens" (2) instead of "helemaal eens" on the first
# statement scores 25 / 5 = 5 out of 100.
SOME_REGRET = {**CHECK_IN, "regret_right_decision": "2"}


def other_patients(hospital, decided_on):
    """Twenty women of the same hospital this month: half with no regret, half a little."""
    for number in range(OTHER_PATIENTS):
        patient = arrive(Client(), hospital)
        walk_shipped(patient)
        assert patient.get("/mijn-keuze/samenvatting/").status_code == 200
        decide(patient, "medicijnen", on_date=decided_on)
        answers = CHECK_IN if number % 2 else SOME_REGRET
        assert patient.post(CHECK_IN_URL, answers).status_code == 302


def log_in(page, url):
    page.goto(url)
    page.get_by_label("Gebruikersnaam").fill("dr.noord")
    page.get_by_label("Wachtwoord").fill(CLINICIAN_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def table_values(page, key):
    rows = page.locator(f"#{key}-heading ~ .row table tbody tr").all()
    return {row.locator("th").inner_text(): row.locator("td").all_inner_texts() for row in rows}


def looks_right(page, name):
    screenshot(page, name)
    assert axe_violations(page) == []
    assert not scrolls_sideways(page)


def test_from_her_decision_to_her_hospitals_figures(live_server, live_aids, browser, tmp_path):
    noord = factories.hospital("noord", name="Ziekenhuis Noord")
    clinician("dr.noord", [noord])
    today = timezone.localdate()
    decided_on = today - datetime.timedelta(days=7)
    other_patients(noord, decided_on)

    context = browser.new_context(viewport=PHONE_390, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/ziekenhuis/noord/")
    page.goto(f"{live_server.url}/mijn-keuze/veiligheid/")
    page.get_by_role("button", name="Opslaan en verder").click()
    for _step in ("situation", "values", "knowledge", "leaning", "questions"):
        page.get_by_role("button", name="Sla deze stap over").click()
    page.goto(f"{live_server.url}/mijn-keuze/samenvatting/")

    page.get_by_role("link", name="Wat hebben we besloten?").first.click()
    page.get_by_label("Medicijnen").check()
    page.locator("#id_on_date").fill(decided_on.isoformat())
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("link", name="Bekijk je plan met data").click()
    assert "Ziekenhuis Noord" in page.locator("main").inner_text()
    looks_right(page, "walk-13-plan")
    with page.expect_download() as download:
        page.get_by_role("link", name="Zet je plan in je agenda (.ics)").click()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    starts = {str(event["SUMMARY"]): event.decoded("dtstart") for event in calendar.walk("VEVENT")}
    assert starts["Mifepriston slikken"] == decided_on
    assert starts["Misoprostol inbrengen"] == decided_on + datetime.timedelta(days=1)
    assert starts["Niets gebeurd? Bel het ziekenhuis"] == decided_on + datetime.timedelta(days=3)

    # A week after its date, her plan offers the check-in.
    page.get_by_role("link", name="Terugblikken: hoe ging het?").click()
    page.locator("#id_went_as_expected_0").check()  # ja
    page.locator("#id_feeling_0").check()  # goed
    for item, answer in [("right_decision", 1), ("regrets_choice", 5), ("same_again", 1), ("did_harm", 5), ("wise", 1)]:
        page.locator(f"label[for=id_regret_{item}_{answer - 1}]").click()
    page.locator("#id_note").fill(HER_NOTE)
    page.get_by_role("button", name="Opslaan").click()
    assert "Gaat het niet goed met je?" not in page.locator("main").inner_text()  # she is doing well
    page.get_by_role("link", name="Bekijk je samenvatting").click()
    assert "0 van 100 (0 = geen spijt, 100 = veel spijt)" in page.locator("#after-consultation").inner_text()

    page.goto(f"{live_server.url}/mijn-keuze/delen/")
    page.get_by_role("button", name="Maak een deelcode").click()
    code = page.locator(".share-code .code").inner_text()
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    doctor = desk.new_page()
    log_in(doctor, f"{live_server.url}/zorgverlener/")
    doctor.get_by_label("Deelcode van de patiënt").fill(code)
    doctor.get_by_role("button", name="Open de samenvatting").click()
    seen = doctor.locator("main").inner_text()
    assert "Medicijnen" in seen
    assert HER_NOTE in seen
    assert "0 van 100" in seen
    desk.close()

    page.goto(f"{live_server.url}/mijn-keuze/wissen/")
    page.get_by_role("button", name="Ja, wis al mijn antwoorden").click()
    context.close()

    # The month after: the month has ended, its figures can be seen.
    next_month = (today.replace(day=28) + datetime.timedelta(days=4)).replace(day=2)
    with time_machine.travel(datetime.datetime.combine(next_month, datetime.time(10), tzinfo=datetime.UTC)):
        staff = browser.new_context(viewport=PHONE_390, accept_downloads=True)
        page = staff.new_page()
        log_in(page, f"{live_server.url}/zorgverlener/cijfers/")
        assert today.strftime("%Y-%m") in page.locator("#id_maand, select[name=maand]").first.input_value()
        assert table_values(page, "walks") == {"Gestart": ["21"], "Afgerond": ["21"]}
        # 11 without regret (she is one of them), 10 with a little, none with more: the
        # 0 alone hidden would let the 10 be read as "everyone else", so the 10 is hidden
        # too, and reads "verborgen" ("< 10" would not be true of it). "verborgen" (10 or
        # more) beside 11 and a total of 21 would still be 10, and the "< 10" 0: the 11
        # is hidden as well.
        regret = table_values(page, "regret")
        assert regret == {
            "geen spijt (0)": ["verborgen"],
            "lichte spijt (5–25)": ["verborgen"],
            "matige tot sterke spijt (30–100)": ["< 10"],
        }
        shown = page.locator("main").inner_text()
        assert HER_NOTE not in shown
        assert decided_on.isoformat() not in shown
        looks_right(page, "walk-13-figures")
        with page.expect_download() as download:
            page.get_by_role("link", name="Download deze cijfers als CSV").click()
        path = tmp_path / "cijfers.csv"
        download.value.save_as(path)
        text = path.read_text(encoding="utf-8-sig")
        assert HER_NOTE not in text
        assert decided_on.isoformat() not in text
        values = {(row[2], row[3]): row[4] for row in list(csv.reader(text.splitlines(), delimiter=";"))[1:]}
        assert values[("Keuzehulp gestart en afgerond", "Afgerond")] == "21"
        assert values[("Spijt bij de terugblik (Decision Regret Scale)", "geen spijt (0)")] == "verborgen"
        staff.close()
