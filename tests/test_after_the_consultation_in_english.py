"""In English she reads the decision page, the check-in (the Decision Regret Scale in its
original wording) and her summary's part on it in English, with the options' English
names; her doctor still reads the Dutch summary by share code."""

from django.test import Client
from django.utils import timezone

from answers.models import CheckIn
from tests.helpers import CHECK_IN, decide, decided_days_ago, text_of, walk_shipped

PREFIX = "/en"


def test_decision_check_in_and_summary_in_english(shipped_aids):
    patient = Client()
    walk_shipped(patient, prefix=PREFIX)
    page = text_of(patient.get(PREFIX + "/mijn-keuze/besluit/"))
    assert "What did we decide?" in page
    assert "What did you and your doctor decide?" in page
    assert "Medicines: the day you take the first tablet." in page
    response = patient.post(PREFIX + "/mijn-keuze/besluit/", {"option": "medicijnen", "on_date": "1-1-1"})
    assert response.status_code == 400
    assert "Enter a date that exists" in text_of(response)
    decide(patient, "medicijnen", timezone.localdate(), prefix=PREFIX)
    assert "From " in text_of(patient.get(PREFIX + "/mijn-keuze/besluit/terugblik/"))
    decided_days_ago(7)
    page = text_of(patient.get(PREFIX + "/mijn-keuze/besluit/terugblik/"))
    for statement in (
        "It was the right decision.",
        "I regret the choice that was made.",
        "I would go for the same choice if I had to do it over again.",
        "The choice did me a lot of harm.",
        "The decision was a wise one.",
    ):
        assert statement in page
    assert "Strongly agree" in page
    assert "Strongly disagree" in page
    assert "onze eigen vertaling" not in page
    response = patient.post(PREFIX + "/mijn-keuze/besluit/terugblik/", CHECK_IN)
    assert CheckIn.objects.get().regret_score == 0
    saved = text_of(patient.get(response["Location"]))
    assert "Your check-in has been saved" in saved
    assert "Are you not doing well?" in saved  # "Het gaat wisselend"
    summary = text_of(patient.get(PREFIX + "/mijn-keuze/samenvatting/"))
    assert "After the consultation Chosen Medicines" in summary
    assert "0 out of 100 (0 = no regret, 100 = much regret)" in summary
    assert "Went as expected Yes" in summary
