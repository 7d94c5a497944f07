"""After the consultation she writes down what she and her doctor decided, with its date.
Changing her mind is one more entry: both are kept, the newest is shown as hers, the
earlier one briefly."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from answers.models import Decision
from tests.helpers import DECISION_URL, decide, pdf_of, text_of, text_of_pdf, walk

SUMMARY = "/mijn-keuze/samenvatting/"


@pytest.fixture
def patient(factory_aids):
    client = Client()
    walk(client)
    return client


def test_a_second_decision_is_added_and_the_first_kept(patient):
    today = timezone.localdate()
    decide(patient, "medicijnen", today)
    decide(patient, "curettage", today + datetime.timedelta(days=3))
    assert list(Decision.objects.values_list("option_key", flat=True)) == ["curettage", "medicijnen"]
    page = text_of(patient.get(DECISION_URL))
    assert "Je laatste keuze" in page
    assert page.index("Je laatste keuze Curettage, vanaf") < page.index("Wat je eerder opschreef Medicijnen, vanaf")


def test_her_summary_shows_the_latest_decision_and_the_earlier_briefly(patient):
    decide(patient, "afwachten")
    decide(patient, "medicijnen")
    page = text_of(patient.get(SUMMARY))
    assert "Na het gesprek Gekozen Medicijnen" in page
    assert "Eerder opgeschreven: Afwachten vanaf" in page
    pdf = text_of_pdf(pdf_of(patient))
    assert "Na het gesprek" in pdf
    assert "Eerder opgeschreven: Afwachten vanaf" in pdf
    assert "Je keuze bekijken of veranderen" not in pdf


def test_a_decision_keeps_her_answers_for_the_full_retention_time(patient):
    record = walk(patient, ["safety"])
    record.expires_at = record.expires_at - datetime.timedelta(days=20)
    record.save(update_fields=["expires_at"])
    decide(patient)
    record.refresh_from_db()
    assert record.expires_at > record.updated_at + datetime.timedelta(days=29)


def test_the_page_is_linked_once_she_has_answers(factory_aids, patient):
    assert DECISION_URL not in Client().get("/mijn-keuze/").content.decode()
    assert DECISION_URL in patient.get("/mijn-keuze/").content.decode()
    assert DECISION_URL in patient.get(SUMMARY).content.decode()


def test_without_answers_the_page_leads_to_the_start(factory_aids):
    client = Client()
    assert client.get(DECISION_URL)["Location"] == "/mijn-keuze/"
    assert client.post(DECISION_URL, {"option": "medicijnen", "on_date": "2026-01-01"}).status_code == 302
    assert not Decision.objects.exists()
