"""A clinician opens the share code of a patient of her own hospital (one of hers) and of
no other: another hospital's patient, or one who chose no hospital, gets a clear message
that names no hospital and tells nothing about her, a 403, and counts against the same
limit as a wrong code. Platform staff are not clinicians: no superuser opens a code."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hospitals.models import Membership
from tests.helpers import EDITOR_GROUP, arrive, clinician_client, member, share_code_of, text_of, walk

# Her hospital's pages read the published content.
pytestmark = pytest.mark.usefixtures("factory_aids")

OPEN = "/zorgverlener/"
SUMMARY = "/zorgverlener/samenvatting/"
OTHER_HOSPITAL = "Deze code hoort bij een patiënt van een ander ziekenhuis."
NO_HOSPITAL = "De patiënt heeft in de keuzehulp geen ziekenhuis gekozen."


def code_of_patient(hospital=None):
    patient = Client()
    if hospital is not None:
        arrive(patient, hospital)
    walk(patient)
    return share_code_of(patient)


def open_with(clinician, code):
    return clinician.post(OPEN, {"code": code}, follow=True)


def test_a_clinician_opens_her_own_hospitals_patient(noord):
    response = open_with(clinician_client(hospitals=[noord]), code_of_patient(noord))
    assert response.redirect_chain == [(SUMMARY, 302)]
    assert "Patiënt van Ziekenhuis Noord" in text_of(response)
    assert "Patiënt van Ziekenhuis Noord" in response.context["note"].splitlines()


def test_another_hospitals_patient_is_refused_without_a_word_about_her(noord, zuid):
    response = open_with(clinician_client(hospitals=[noord]), code_of_patient(zuid))
    assert response.status_code == 403
    text = text_of(response)
    assert OTHER_HOSPITAL in text
    assert "Zuid" not in text
    assert "Mag ik daarna weer werken?" not in text


def test_a_patient_without_a_hospital_is_refused_with_what_she_can_do(noord):
    response = open_with(clinician_client(hospitals=[noord]), code_of_patient(None))
    assert response.status_code == 403
    assert NO_HOSPITAL in text_of(response)
    assert "afgedrukte samenvatting" in text_of(response)


def test_a_clinician_of_two_hospitals_opens_the_patients_of_both(noord, zuid):
    clinician = clinician_client(hospitals=[noord, zuid])
    for hospital in (noord, zuid):
        response = open_with(clinician, code_of_patient(hospital))
        assert response.redirect_chain == [(SUMMARY, 302)]
        assert f"Patiënt van {hospital.name}" in text_of(response)


def test_a_refused_code_counts_like_a_wrong_one(noord, zuid, settings):
    settings.SHARE_ATTEMPTS_PER_HOUR = 2
    clinician = clinician_client(hospitals=[noord])
    other = code_of_patient(zuid)
    assert [open_with(clinician, other).status_code for _ in range(2)] == [403, 403]
    assert open_with(clinician, code_of_patient(noord)).status_code == 429


def test_her_summary_closes_when_the_clinician_leaves_her_hospital(noord):
    clinician = clinician_client(hospitals=[noord])
    assert open_with(clinician, code_of_patient(noord)).redirect_chain == [(SUMMARY, 302)]
    Membership.objects.filter(hospital=noord).delete()
    assert clinician.get(SUMMARY).status_code == 403


def test_her_summary_closes_when_she_chooses_another_hospital(noord, zuid):
    patient = arrive(Client(), noord)
    walk(patient)
    clinician = clinician_client(hospitals=[noord])
    assert open_with(clinician, share_code_of(patient)).redirect_chain == [(SUMMARY, 302)]
    arrive(patient, zuid)
    assert clinician.get(SUMMARY)["Location"] == OPEN


def test_a_superuser_is_no_clinician(noord):
    code = code_of_patient(noord)
    platform = Client()
    platform.force_login(User.objects.create_superuser("beheer", password="een-lang-wachtwoord"))
    response = platform.post(OPEN, {"code": code})
    assert response.status_code == 403
    assert "Geen toegang" in text_of(response)


def test_a_hospitals_editor_opens_no_code(noord):
    code = code_of_patient(noord)
    editor = Client()
    editor.force_login(member("redacteur", [noord], EDITOR_GROUP))
    response = editor.post(OPEN, {"code": code})
    assert response.status_code == 403
    assert "Geen toegang" in text_of(response)


def test_the_refusal_and_her_hospital_read_in_english_too(noord, zuid):
    clinician = clinician_client(hospitals=[noord])
    refused = clinician.post("/en" + OPEN, {"code": code_of_patient(zuid)})
    assert "This code belongs to a patient of another hospital." in text_of(refused)
    open_with(clinician, code_of_patient(noord))
    assert "Patient of Ziekenhuis Noord" in text_of(clinician.get("/en" + SUMMARY))
