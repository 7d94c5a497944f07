"""The clinician's pages speak to a clinician, formally ("u", or impersonal), on every page
and in every message; her pages keep "je". The clinician's summary is titled for him, with
the content version and when she last changed her answers, and leaves out what is for
her: the write-in lines, when to call the hospital, space for answers, her path. Her own
words are quoted as they are: they are hers."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from answers.models import Record, ShareCode
from tests.helpers import PDF_URL, arrive, clinician_client, share_code_of, text_of, text_of_pdf, walk

# "je" and its kin as whole words; "Je " and "je'" too.
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf|jullie)\b", re.IGNORECASE)
TITLE = "Samenvatting keuzehulp miskraam – voor de zorgverlener"
TITLE_EN = "Miscarriage decision aid summary – for the care provider"


def body_text(response):
    """What the page shows: its body, as read."""
    body = re.search(r"<body>.*</body>", response.content.decode(), re.DOTALL).group(0)
    return text_of(type("Page", (), {"content": body.encode()}))


@pytest.fixture
def patient(client, factory_aids):
    walk(arrive(client))
    return client


@pytest.fixture
def clinician(db):
    return clinician_client()


@pytest.fixture
def summary(patient, clinician):
    response = clinician.post("/zorgverlener/", {"code": share_code_of(patient)}, follow=True)
    assert response.redirect_chain == [("/zorgverlener/samenvatting/", 302)]
    return response


def every_clinician_page(patient, clinician, settings):
    anonymous = Client()
    no_staff = Client()
    no_staff.force_login(User.objects.create_user("iemand", password="een-lang-wachtwoord"))
    gone = share_code_of(patient)
    ShareCode.objects.update(expires_at=timezone.now())
    pages = {
        "login": anonymous.get("/zorgverlener/inloggen/"),
        "login, wrong": anonymous.post("/zorgverlener/inloggen/", {"username": "arts", "password": "fout"}),
        "login, empty": anonymous.post("/zorgverlener/inloggen/", {"username": "", "password": ""}),
        "login, no password": anonymous.post("/zorgverlener/inloggen/", {"username": "arts", "password": ""}),
        "open": clinician.get("/zorgverlener/"),
        "open, empty": clinician.post("/zorgverlener/", {"code": ""}),
        "open, format": clinician.post("/zorgverlener/", {"code": "ABC"}),
        "open, letters": clinician.post("/zorgverlener/", {"code": "ABCD-EFGH-JKM0"}),
        "open, unknown": clinician.post("/zorgverlener/", {"code": "AAAA-BBBB-CCCC"}),
        "open, gone": clinician.post("/zorgverlener/", {"code": gone}),
        "summary": clinician.post("/zorgverlener/", {"code": share_code_of(patient)}, follow=True),
        "not staff": no_staff.get("/zorgverlener/"),
        "figures": clinician.get("/zorgverlener/cijfers/"),
        "figures, no access": no_staff.get("/zorgverlener/cijfers/"),
    }
    settings.SHARE_ATTEMPTS_PER_HOUR = 1
    pages["too many codes"] = clinician.post("/zorgverlener/", {"code": "AAAA-BBBB-CCCD"})
    settings.LOGIN_ATTEMPTS_PER_HOUR = 1
    anonymous.post("/zorgverlener/inloggen/", {"username": "arts", "password": "fout"})
    pages["too many logins"] = anonymous.post("/zorgverlener/inloggen/", {"username": "arts", "password": "fout"})
    pages["logged out"] = clinician.post("/zorgverlener/uitloggen/", follow=True)
    return pages


def test_no_clinician_page_says_je(patient, clinician, settings):
    pages = every_clinician_page(patient, clinician, settings)
    statuses = {name: response.status_code for name, response in pages.items()}
    assert statuses == {
        "login": 200,
        "login, wrong": 400,
        "login, empty": 400,
        "login, no password": 400,
        "open": 200,
        "open, empty": 400,
        "open, format": 400,
        "open, letters": 400,
        "open, unknown": 400,
        "open, gone": 400,
        "summary": 200,
        "not staff": 403,
        "figures": 200,
        "figures, no access": 403,
        "too many codes": 429,
        "too many logins": 429,
        "logged out": 200,
    }
    # The factory content and her answers in these tests hold no "je": any would be ours.
    informal = {name: INFORMAL.findall(body_text(response)) for name, response in pages.items()}
    assert {name: words for name, words in informal.items() if words} == {}


def test_the_clinicians_pages_say_u(patient, clinician, settings):
    pages = every_clinician_page(patient, clinician, settings)
    assert "U ziet alleen de samenvatting van deze deelcode." in text_of(pages["summary"])
    assert "Vul uw gebruikersnaam en wachtwoord in." in text_of(pages["login, empty"])
    assert "Met uw account is te vaak een verkeerde code geprobeerd." in text_of(pages["too many codes"])
    assert "U bent ingelogd met een account zonder deze toegang." in text_of(pages["not staff"])
    assert "U bent uitgelogd." in text_of(pages["logged out"])


def test_her_pages_still_say_je(patient):
    assert "Samenvatting voor het gesprek met je arts" in text_of(patient.get("/mijn-keuze/samenvatting/"))


def test_the_summary_is_titled_for_the_clinician(summary):
    record = Record.objects.get()
    page = summary.content.decode()
    assert re.findall(r"<h1>(.*?)</h1>", page) == [TITLE]
    assert "<title>Samenvatting voor de zorgverlener – Keuzehulp miskraam</title>" in page
    changed = timezone.localtime(record.updated_at)
    text = text_of(summary)
    assert f"Antwoorden laatst gewijzigd op {changed:%-d} november {changed:%Y, %H:%M}." in text
    assert "Inhoud versie 1 van " in text
    assert "Samenvatting voor het gesprek met je arts" not in text


def test_the_summary_is_titled_for_the_clinician_in_english(summary, clinician):
    response = clinician.get("/en/zorgverlener/samenvatting/")
    page = response.content.decode()
    assert re.findall(r"<h1>(.*?)</h1>", page) == [TITLE_EN]
    assert "<title>Summary for the care provider – Miscarriage decision aid</title>" in page
    assert "Answers last changed on " in text_of(response)
    assert "Content version 1 of " in text_of(response)


def test_the_clinicians_summary_leaves_out_what_is_for_her(summary):
    page = summary.content.decode()
    text = text_of(summary)
    for hers in [
        "Wis al mijn antwoorden",
        "Later verder",
        "Download de PDF",
        "Delen met je arts",
        "Wanneer bel je meteen het ziekenhuis?",
        "Geboortedatum",
        "Antwoord:",
        "Samenvatting gemaakt op",
    ]:
        assert hers not in text, hers
    assert 'href="/mijn-keuze/' not in page
    assert 'class="summary-identity"' not in page
    assert 'class="alarm-signs"' not in page


def test_her_words_are_quoted_as_hers(summary):
    text = text_of(summary)
    assert "Ik wil niet alleen zijn." in text
    assert "1. Mag ik daarna weer werken?" in text
    assert "2. Wie belt mij na 6 weken?" in text
    assert "Wat zij las over haar situatie" in text


def test_her_summary_and_her_pdf_keep_what_is_for_her(patient):
    text = text_of(patient.get("/mijn-keuze/samenvatting/"))
    for hers in ["Samenvatting voor het gesprek met je arts", "Geboortedatum", "Antwoord:", "Samenvatting gemaakt op"]:
        assert hers in text, hers
    assert "voor de zorgverlener" not in text
    pdf = text_of_pdf(patient.get(PDF_URL).content)
    assert "Samenvatting voor het gesprek met je arts" in pdf
    assert "Wanneer bel je meteen het ziekenhuis?" in pdf
