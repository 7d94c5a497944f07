"""Her hospital's staff read last month's figures in a real browser, on a phone (390 px)
and a desk computer (1280 px): a dozen patients of Noord (and three of Zuid) walked the
aid, decided and checked in last month, all alike; Noord's clinician logs in and sees
counts of 10 and more where they tell nothing of each woman, "< 10" for the rest, a
chart drawn as SVG beside each table, nothing of Zuid, and downloads the CSV, whose
values and "< 10" cells are those of the page. No WCAG 2.1 A/AA violation found by
axe-core, nothing refused by the CSP, no sideways scrolling."""

import csv
import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from tests import factories
from tests.browser import axe_violations, screenshot, scrolls_sideways, watch_csp
from tests.helpers import CHECK_IN, CHECK_IN_URL, CLINICIAN_PASSWORD, arrive, clinician, decide, walk_shipped

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 390, "height": 844}, "desk": {"width": 1280, "height": 900}}
NOORD_PATIENTS = 12
CHECKED_IN = 11


def last_month_day():
    first = timezone.localdate().replace(day=1)
    return (first - datetime.timedelta(days=1)).replace(day=15)


def patients_last_month(noord, zuid):
    day = last_month_day()
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC)):
        for number in range(NOORD_PATIENTS + 3):
            patient = arrive(Client(), noord if number < NOORD_PATIENTS else zuid)
            walk_shipped(patient)
            assert patient.get("/mijn-keuze/samenvatting/").status_code == 200
            decide(patient, "medicijnen", on_date=day - datetime.timedelta(days=7))
            if number < CHECKED_IN:
                assert patient.post(CHECK_IN_URL, CHECK_IN).status_code == 302
    return day


def total_of(page, key):
    return page.locator(f"#{key}-heading ~ .row table tfoot td").inner_text()


def table_values(page, key):
    rows = page.locator(f"#{key}-heading ~ .row table tbody tr").all()
    return {row.locator("th").inner_text(): row.locator("td").all_inner_texts() for row in rows}


@pytest.mark.parametrize("size", SIZES)
def test_her_hospitals_staff_read_last_months_figures(live_server, live_aids, browser, size, tmp_path):
    noord = factories.hospital("noord", name="Ziekenhuis Noord")
    zuid = factories.hospital("zuid", name="Ziekenhuis Zuid")
    day = patients_last_month(noord, zuid)
    clinician("dr.jansen", [noord])

    context = browser.new_context(viewport=SIZES[size], device_scale_factor=1, accept_downloads=True)
    page = context.new_page()
    refused = watch_csp(page)
    page.goto(f"{live_server.url}/zorgverlener/cijfers/")
    assert page.url.startswith(f"{live_server.url}/zorgverlener/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("dr.jansen")
    page.get_by_label("Wachtwoord").fill(CLINICIAN_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    assert page.url.startswith(f"{live_server.url}/zorgverlener/cijfers/")

    assert page.locator("h1").inner_text() == "Cijfers van de keuzehulp"
    assert "Ziekenhuis Noord" in page.locator("p.lead").inner_text()
    assert "Zuid" not in page.locator("main").inner_text()
    walks = table_values(page, "walks")
    assert walks == {"Gestart": ["12"], "Afgerond": ["12"]}
    # Every one of them leaned to medication, decided on it and had no regret: a "12" or
    # "11" beside its total would say so of each, so only the totals are shown.
    leaning = table_values(page, "leaning")
    assert leaning["Medicijnen"] == ["< 10", "verborgen", "< 10"]
    assert total_of(page, "leaning") == "12"
    regret = table_values(page, "regret")
    assert regret == {
        "geen spijt (0)": ["verborgen"],
        "lichte spijt (5–25)": ["< 10"],
        "matige tot sterke spijt (30–100)": ["< 10"],
    }
    assert total_of(page, "regret") == "11"
    assert table_values(page, "sure") == {"Vier keer ja": ["< 10"], "Minder of niet alles beantwoord": ["verborgen"]}
    assert "Aandeel met vier keer ja: niet getoond (te weinig vrouwen)" in page.locator("main").inner_text()

    charts = page.locator("svg.bar-chart[role=img]")
    assert charts.count() == 7
    for index in range(charts.count()):
        chart = charts.nth(index)
        assert chart.locator("title").count() == 1
        assert chart.get_attribute("aria-labelledby")
        assert chart.get_attribute("aria-describedby")
    # A hidden count is a dashed outline, never a bar of its length.
    assert page.locator("svg.bar-chart rect[stroke-dasharray]").count() > 0

    screenshot(page, f"hospital-figures-{size}")
    assert not scrolls_sideways(page)
    assert axe_violations(page) == []
    assert refused == []

    with page.expect_download() as download:
        page.get_by_role("link", name="Download deze cijfers als CSV").click()
    path = tmp_path / "cijfers.csv"
    download.value.save_as(path)
    with path.open(encoding="utf-8-sig", newline="") as file:  # with its byte order mark, for a spreadsheet
        rows = list(csv.reader(file, delimiter=";"))
    assert rows[0] == ["maand", "ziekenhuis", "cijfer", "onderdeel", "aantal"]
    values = {(row[2], row[3]): row[4] for row in rows[1:]}
    assert {row[0] for row in rows[1:]} == {f"{day:%Y-%m}"}
    assert {row[1] for row in rows[1:]} == {"Ziekenhuis Noord"}
    assert values[("Keuzehulp gestart en afgerond", "Gestart")] == "12"
    assert values[("Spijt bij de terugblik (Decision Regret Scale)", "geen spijt (0)")] == "verborgen"
    assert values[("Spijt bij de terugblik (Decision Regret Scale)", "Totaal")] == "11"
    assert values[("Spijt bij de terugblik (Decision Regret Scale)", "lichte spijt (5–25)")] == "< 10"
    assert values[("Zeker van de keuze aan het eind (SURE-test)", "Vier keer ja")] == "< 10"
    numbers = {value for value in values.values() if value.isdigit()}
    assert all(int(value) >= 10 for value in numbers)

    # Zuid's figures are, for her, figures that do not exist.
    response = page.goto(f"{live_server.url}/zorgverlener/cijfers/?ziekenhuis={zuid.pk}")
    assert response.status == 404
    context.close()
