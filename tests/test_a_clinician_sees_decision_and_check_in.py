"""Her doctor opens her share code and reads her decision after the consultation (the
earlier one briefly) and her latest check-in: its date, the regret score out of 100, her
answers and her words."""

from django.test import Client

from tests.helpers import (
    CHECK_IN,
    CHECK_IN_URL,
    arrive,
    clinician_client,
    decide,
    decided_days_ago,
    share_code_of,
    text_of,
    walk,
)


def test_the_clinician_reads_decision_and_check_in_by_share_code(factory_aids):
    patient = Client()
    arrive(patient)
    walk(patient)
    decide(patient, "afwachten")
    decide(patient, "medicijnen")
    decided_days_ago(8)
    answers = {**CHECK_IN, "switched_to": "curettage", "feeling": "niet-goed"}
    assert patient.post(CHECK_IN_URL, answers).status_code == 302
    code = share_code_of(patient)
    clinician = clinician_client()
    response = clinician.post("/zorgverlener/", {"code": code}, follow=True)
    page = text_of(response)
    assert "Na het gesprek Gekozen Medicijnen" in page
    assert "Eerder opgeschreven: Afwachten vanaf" in page
    assert "0 van 100 (0 = geen spijt, 100 = veel spijt)" in page
    assert "Overgestapt naar Curettage" in page
    assert "Hoe het nu gaat Het gaat niet goed" in page
    assert "Het was de juiste beslissing. helemaal eens" in page
    assert CHECK_IN["note"] in page
    assert "onze eigen vertaling; die is niet gevalideerd" in page
    assert "Je keuze bekijken of veranderen" not in page  # her link, not his
    note = response.context["note"]
    assert "Besluit na het gesprek: Medicijnen vanaf" in note
    assert "; eerder: Afwachten vanaf" in note
    assert "Decision Regret Scale 0/100 (0 = geen spijt); zoals verwacht: Ja; overgestapt: Curettage" in note
    assert f"Bericht van de patiënt: {CHECK_IN['note']}" in note
