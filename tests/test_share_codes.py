"""A share code lets a logged-in clinician read her one summary; it expires, can be
revoked, is rate-limited, and never appears in a URL or a log line."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client

from answers.models import ShareCode
from tests.helpers import PDF_URL, arrive, clinician_client, text_of, text_of_pdf, walk


@pytest.fixture
def patient(client, factory_aids):
    walk(arrive(client))
    return client


def share_code(patient):
    response = patient.post("/mijn-keuze/delen/", {"action": "create"})
    assert response.status_code == 200
    return response.context["share"]["code"]


@pytest.fixture
def clinician(db):
    return clinician_client()


def open_with(clinician, code):
    return clinician.post("/zorgverlener/", {"code": code}, follow=True)


def test_a_clinician_opens_her_summary_with_the_code(patient, clinician):
    code = share_code(patient)
    response = open_with(clinician, code.lower())
    assert response.redirect_chain == [("/zorgverlener/samenvatting/", 302)]
    text = text_of(response)
    assert "In het kort, voor de arts" in text
    assert "Mag ik daarna weer werken?" in text
    note = response.context["note"]
    assert "Voorkeur: Medicijnen" in note
    assert "SURE-score: 3/4 (mogelijk keuzeconflict; nee op:" in note
    assert "2. Wie belt mij na 6 weken?" in note


def test_the_clinician_sees_her_latest_answers(patient, clinician):
    code = share_code(patient)
    patient.post("/mijn-keuze/vragen/", {"question_1": "Een nieuwe vraag.", "action": "save"})
    assert "Een nieuwe vraag." in text_of(open_with(clinician, code))


def test_the_code_is_shown_once_and_kept_nowhere_readable(patient):
    code = share_code(patient)
    assert code not in str(dict(patient.session))
    assert code not in text_of(patient.get("/mijn-keuze/delen/"))
    assert code not in text_of_pdf(patient.get(PDF_URL).content)
    assert code not in str(ShareCode.objects.values_list())


def test_an_expired_code_is_refused(patient, clinician):
    code = share_code(patient)
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=15)):
        clinician.force_login(User.objects.get(username="arts"))
        response = open_with(clinician, code)
    assert response.status_code == 400
    assert "Deze code is verlopen, ingetrokken of gewist." in text_of(response)


def test_a_revoked_code_is_refused_and_closes_an_open_summary(patient, clinician):
    code = share_code(patient)
    assert open_with(clinician, code).status_code == 200
    patient.post("/mijn-keuze/delen/", {"action": "revoke"})
    assert clinician.get("/zorgverlener/samenvatting/")["Location"] == "/zorgverlener/"
    assert open_with(clinician, code).status_code == 400
    assert code not in text_of_pdf(patient.get(PDF_URL).content)


def test_wrong_codes_are_rate_limited(clinician, factory_aids, settings):
    settings.SHARE_ATTEMPTS_PER_HOUR = 3
    statuses = [open_with(clinician, f"AAAA-BBBB-CCC{n}").status_code for n in range(5)]
    assert statuses == [400, 400, 400, 429, 429]


def test_wrong_codes_count_per_clinician_not_per_hospital_address(clinician, patient, settings):
    # Every clinician of the hospital may come from the same (NAT) address.
    settings.SHARE_ATTEMPTS_PER_HOUR = 2
    for n in range(3):
        open_with(clinician, f"AAAA-BBBB-CCC{n}")
    colleague = clinician_client("collega")
    assert open_with(colleague, share_code(patient)).redirect_chain[-1][0] == "/zorgverlener/samenvatting/"


def test_someone_without_a_staff_account_is_refused(patient, db):
    code = share_code(patient)
    anonymous = Client()
    assert anonymous.get("/zorgverlener/")["Location"].startswith("/zorgverlener/inloggen/")
    assert anonymous.post("/zorgverlener/", {"code": code})["Location"].startswith("/zorgverlener/inloggen/")
    user = Client()
    user.force_login(User.objects.create_user("iemand", password="een-lang-wachtwoord"))
    response = user.post("/zorgverlener/", {"code": code})
    assert response.status_code == 403
    assert "Geen toegang" in text_of(response)


def test_clinician_logins_are_protected_against_guessing(db, settings):
    settings.LOGIN_ATTEMPTS_PER_HOUR = 3
    User.objects.create_user("arts", password="een-lang-wachtwoord", is_staff=True)
    client = Client()
    statuses = [
        client.post("/zorgverlener/inloggen/", {"username": "arts", "password": f"fout-{n}"}).status_code
        for n in range(4)
    ]
    assert statuses == [400, 400, 400, 429]
    response = client.post("/zorgverlener/inloggen/", {"username": "arts", "password": "een-lang-wachtwoord"})
    assert response.status_code == 429


def test_a_clinician_logs_in_with_a_password(db):
    User.objects.create_user("arts", password="een-lang-wachtwoord", is_staff=True)
    client = Client()
    response = client.post(
        "/zorgverlener/inloggen/?next=/zorgverlener/", {"username": "arts", "password": "een-lang-wachtwoord"}
    )
    assert response["Location"] == "/zorgverlener/"
