"""What she tells at her check-in stays hers to read and her doctor's: writing down a new
decision (often the switch the check-in told of) hides no check-in; "Nee, niet
overgestapt" is told apart from a skipped question; after saving she reads that it was
saved and, when it is not going well, what may help and whom to call; back on the page,
she reads that she looked back already; resuming elsewhere brings her to her decision."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from answers.models import CheckIn
from figures.models import MonthlyCount
from tests import factories
from tests.helpers import CHECK_IN, CHECK_IN_URL, DECISION_URL, arrive, decide, decided_days_ago, text_of, walk_shipped

SUMMARY_URL = "/mijn-keuze/samenvatting/"
SAVED_URL = "/mijn-keuze/besluit/terugblik/bewaard/"


@pytest.fixture
def patient(shipped_aids):
    client = Client()
    arrive(client, factories.hospital("noord", name="Ziekenhuis Noord"))
    walk_shipped(client)
    decide(client, "medicijnen", timezone.localdate())
    decided_days_ago(8)
    return client


def test_a_new_decision_hides_no_check_in(patient):
    patient.post(CHECK_IN_URL, {**CHECK_IN, "switched_to": "curettage", "note": "Het duurde te lang."})
    decide(patient, "curettage", timezone.localdate() + datetime.timedelta(days=1))
    page = text_of(patient.get(SUMMARY_URL))
    assert "Terugblik van" in page
    assert "Het duurde te lang." in page
    assert "Over een eerdere keuze: Medicijnen vanaf" in page
    assert "Overgestapt naar Curettage" in page


def test_the_newest_check_in_is_shown_whole_and_earlier_ones_briefly(patient):
    patient.post(CHECK_IN_URL, {**CHECK_IN, "note": "Eerste keer."})
    patient.post(CHECK_IN_URL, {**CHECK_IN, "note": "Tweede keer."})
    page = text_of(patient.get(SUMMARY_URL))
    assert "Tweede keer." in page
    assert "Eerste keer." not in page
    assert "Eerdere terugblikken:" in page


@pytest.mark.parametrize(
    ("switched_to", "shown", "stored"),
    [("nee", "Overgestapt naar Nee", "nee"), ("", "Overgestapt naar niet ingevuld", "")],
)
def test_no_switch_is_told_apart_from_a_skipped_question(patient, switched_to, shown, stored):
    patient.post(CHECK_IN_URL, {**CHECK_IN, "switched_to": switched_to})
    assert CheckIn.objects.get().switched_to == stored
    assert shown in text_of(patient.get(SUMMARY_URL))
    # Neither is a switch in her hospital's figures.
    assert not MonthlyCount.objects.filter(name__startswith="switched").exists()


def test_only_no_switch_is_an_answer(patient):
    """Only "Nee" is a check-in; nothing at all is not."""
    only_no = {"switched_to": "nee"}
    assert patient.post(CHECK_IN_URL, only_no).status_code == 302
    assert patient.post(CHECK_IN_URL, {"switched_to": ""}).status_code == 400


@pytest.mark.parametrize(
    ("feeling", "support_shown"), [("goed", False), ("wisselend", True), ("niet-goed", True), ("", False)]
)
def test_after_saving_she_reads_it_was_saved_and_where_to_find_help(patient, feeling, support_shown):
    response = patient.post(CHECK_IN_URL, {**CHECK_IN, "feeling": feeling})
    assert response["Location"] == SAVED_URL
    page = text_of(patient.get(SAVED_URL))
    assert "Je terugblik is bewaard" in page
    assert ("Gaat het niet goed met je?" in page) is support_shown
    assert ("Landelijk Steunpunt Rouw" in page) is support_shown
    assert "050 123 45 00" in page  # her hospital's 24-hour number, always


def test_the_saved_page_without_a_check_in_sends_her_to_it(patient):
    assert patient.get(SAVED_URL)["Location"] == CHECK_IN_URL


def test_back_on_the_check_in_she_reads_that_she_looked_back_already(patient):
    assert "al terug" not in text_of(patient.get(CHECK_IN_URL))
    patient.post(CHECK_IN_URL, CHECK_IN)
    assert "al terug. Sla je hier opnieuw op, dan komt er een terugblik bij." in text_of(patient.get(CHECK_IN_URL))


def test_resuming_after_the_consultation_brings_her_to_her_decision(patient):
    code = patient.post("/mijn-keuze/code/").context["code"]
    other_device = Client()
    response = other_device.post("/mijn-keuze/verder/", {"code": code})
    assert response["Location"] == DECISION_URL
