""" "In het kort, voor de arts" gives clinical facts at a glance, the same on her summary
page, in the PDF and in the clinician's view; the note for the patient record carries
the same facts complete, with the date of her last change and the content version."""

import re

import pytest
import time_machine

from tests.helpers import PDF_URL, arrive, clinician_client, text_of, text_of_pdf, walk_shipped

LONG_QUESTION = "Kan ik " + "nog iets vragen over de nacontrole en de pijnstillers, " * 17 + "einde van mijn vraag?"
ANSWERS = {
    "safety": {},
    "situation": {
        "bloeden-begonnen": "ja",
        "weken-zwanger": "8-tot-10",
        "rhesus": "ja",
        "bloedingsrisico": "nee",
        "vervoer": "nee",
        "traumatische-ervaring": "nee",
        "eerdere-miskramen": "een",
        "leeftijd": "36-tot-40",
    },
    "values": {"thuis": "5"},
    "knowledge": {"medicijnen-werkt": "a", "afwachten-veilig": "c"},
    "leaning": {
        "leaning": "medicijnen",
        "sure_best_choice": "nee",
        "sure_knows_benefits_and_risks": "ja",
        "sure_clear_what_matters": "nee",
        "sure_enough_support": "ja",
    },
    "questions": {
        "question_1": LONG_QUESTION,
        "question_2": "Wie belt mij na 6 weken?",
        "question_3": "Mag ik daarna weer sporten?",
        "question_4": "Wanneer mag ik weer zwanger worden?",
    },
}
FACTS = [
    "Voorkeur Medicijnen",
    "SURE-score 2/4 — mogelijk keuzeconflict. Nee op: zeker van de beste keuze; "
    "weet welke voor- en nadelen voor haar het zwaarst wegen",
    "Bloedverlies begonnen ja",
    "Zwangerschapsduur 8 tot 10 weken",
    "Rhesus negatief",
    "Verhoogd bloedingsrisico nee",
    "Snel vervoer naar het ziekenhuis, ook 's nachts nee",
    "Eerdere traumatische zwangerschapservaring nee",
    "Eerdere miskramen 1",
    "Leeftijd 36 tot en met 40 jaar",
]


def box(text):
    # Up to the next section: "Situatie" for her, "Wat zij las over haar situatie" for the clinician.
    after = text.split("In het kort, voor de arts", 1)[1]
    return re.split("Situatie|Wat zij las over haar situatie", after, maxsplit=1)[0]


@pytest.fixture
def patient(client, shipped_aids):
    with time_machine.travel("2026-11-20 14:05 +0000", tick=False):
        walk_shipped(client, ANSWERS)
    return client


def clinician_page(patient):
    code = arrive(patient).post("/mijn-keuze/delen/", {"action": "create"}).context["share"]["code"]
    return clinician_client().post("/zorgverlener/", {"code": code}, follow=True)


def assert_facts_at_a_glance(text):
    glance = box(text)
    for fact in FACTS:
        assert fact in glance
    assert "Niet goed begrepen" in glance
    assert "Juist: Bij 85 van de 100 vrouwen" in glance
    assert LONG_QUESTION in glance  # her first questions in full
    assert "Wie belt mij na 6 weken?" in glance
    assert "Mag ik daarna weer sporten?" in glance
    assert "Wanneer mag ik weer zwanger worden?" not in glance
    assert "En nog 1 vraag, hieronder." in glance


def test_the_summary_page_gives_the_doctor_clinical_facts(patient):
    assert_facts_at_a_glance(text_of(patient.get("/mijn-keuze/samenvatting/")))


def test_the_pdf_gives_the_same_facts(patient):
    assert_facts_at_a_glance(text_of_pdf(patient.get(PDF_URL).content))


def test_the_clinicians_view_gives_the_same_facts(patient):
    assert_facts_at_a_glance(text_of(clinician_page(patient)))


def test_the_note_for_the_record_is_complete_and_dated(patient):
    note = clinician_page(patient).context["note"]
    assert "Antwoorden laatst gewijzigd: 20 november 2026, 15:05" in note  # Amsterdam time
    assert "Inhoud: versie 1 van " in note
    for fact in FACTS:
        label, _, value = fact.partition(" ")
        assert label in note
    assert "Rhesus: negatief" in note
    assert "Zwangerschapsduur: 8 tot 10 weken" in note
    assert "Eerdere miskramen: 1" in note
    assert "nee op: zeker van de beste keuze; weet welke voor- en nadelen voor haar het zwaarst wegen" in note
    for number, question in enumerate(ANSWERS["questions"].values(), start=1):
        assert f"{number}. {question}" in note  # every question, none cut off


def test_the_note_is_a_plain_selectable_block_with_a_copy_button_for_javascript(patient):
    page = clinician_page(patient).content.decode()
    assert '<textarea id="record-note"' in page
    assert "readonly" in page
    assert 'data-copy="record-note"' in page
    assert " hidden>" in page
    assert "/static/js/copy.js" in page
