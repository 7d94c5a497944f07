"""The check-in opens 7 days after her latest decision's date: on day 6 the page says from
which day it opens and saves nothing; from day 7 her decision page and her plan offer it,
she can check in, and sees it in her summary. The clock is fixed, so the boundary is tested on both sides."""

import datetime

import pytest
import time_machine
from django.test import Client

from answers.models import CheckIn, Decision
from tests.helpers import CHECK_IN, CHECK_IN_URL, DECISION_URL, decide, text_of, walk

PLAN_URL = "/mijn-keuze/besluit/plan/"

DECIDED_ON = datetime.date(2026, 11, 10)


def on_day(days):
    """Noon, Amsterdam time, `days` after her decision's date."""
    day = DECIDED_ON + datetime.timedelta(days=days)
    return time_machine.travel(datetime.datetime(day.year, day.month, day.day, 11, tzinfo=datetime.UTC), tick=False)


@pytest.fixture
def patient(factory_aids):
    client = Client()
    with on_day(0):
        walk(client)
        decide(client, "medicijnen", DECIDED_ON)
    return client


def test_on_day_six_the_check_in_is_closed_and_says_when_it_opens(patient):
    with on_day(6):
        page = text_of(patient.get(CHECK_IN_URL))
        assert "Vanaf 17 november 2026 kun je hier terugblikken" in page
        for page in (DECISION_URL, PLAN_URL):
            assert "Vanaf 17 november 2026 kun je hier terugblikken" in text_of(patient.get(page))
            assert 'href="/mijn-keuze/besluit/terugblik/"' not in patient.get(page).content.decode()
        response = patient.post(CHECK_IN_URL, CHECK_IN)
    assert response.status_code == 400  # sent from a page opened before: refused, said why
    assert "Vanaf 17 november 2026 kun je hier terugblikken" in text_of(response)
    assert not CheckIn.objects.exists()


def test_from_day_seven_she_checks_in_and_sees_it_in_her_summary(patient):
    with on_day(7):
        for page in (DECISION_URL, PLAN_URL):
            assert 'href="/mijn-keuze/besluit/terugblik/"' in patient.get(page).content.decode()
        response = patient.post(CHECK_IN_URL, CHECK_IN)
        assert response["Location"] == "/mijn-keuze/besluit/terugblik/bewaard/"
        assert "Je terugblik is bewaard" in text_of(patient.get(response["Location"]))
        page = text_of(patient.get("/mijn-keuze/samenvatting/"))
    check_in = CheckIn.objects.get()
    assert check_in.decision == Decision.objects.get()
    assert check_in.regret == {"right_decision": 1, "regrets_choice": 5, "same_again": 1, "did_harm": 5, "wise": 1}
    assert "Terugblik van 17 november 2026" in page
    assert "0 van 100 (0 = geen spijt, 100 = veel spijt)" in page
    assert "Ging zoals verwacht Ja" in page
    assert "Hoe het nu gaat Het gaat wisselend" in page
    assert CHECK_IN["note"] in page


def test_a_new_decision_closes_the_check_in_until_its_own_date(patient):
    with on_day(8):
        decide(patient, "curettage", DECIDED_ON + datetime.timedelta(days=10))
        assert "Vanaf 27 november 2026" in text_of(patient.get(CHECK_IN_URL))


def test_a_second_check_in_is_added_and_the_latest_shown(patient):
    with on_day(7):
        patient.post(CHECK_IN_URL, CHECK_IN)
    with on_day(9):
        patient.post(CHECK_IN_URL, {**CHECK_IN, "regret_right_decision": "5", "note": ""})
        page = text_of(patient.get("/mijn-keuze/samenvatting/"))
    assert CheckIn.objects.count() == 2
    assert "Terugblik van 19 november 2026" in page
    assert "20 van 100" in page
    assert "Eerdere terugblikken: 17 november 2026 (0/100)" in page


def test_without_a_decision_the_check_in_leads_to_the_decision(factory_aids):
    client = Client()
    walk(client, ["safety"])
    assert client.get(CHECK_IN_URL)["Location"] == DECISION_URL
