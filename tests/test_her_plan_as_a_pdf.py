"""Her plan as a PDF, drawn like her summary from the one template of her plan page: the
dated moments, the rules of the first 2 weeks, when to call with her hospital's 24-hour
number (never an example hospital's made-up one as a number to call), and the
organisations for support; A4 in at most 2 pages, in her language."""

import io
import subprocess

import pytest
from django.test import Client
from pypdf import PdfReader

from answers import pdf
from tests import factories
from tests.browser import ARTEFACTS
from tests.helpers import DECISION_URL, arrive, decide, kept_pdf, pdf_of, text_of_pdf, url, walk_shipped

PLAN_PDF_URL = "/mijn-keuze/besluit/plan.pdf"


def patient(option, hospital=None, prefix=""):
    client = Client()
    if hospital is not None:
        arrive(client, hospital)
    walk_shipped(client, prefix=prefix)
    decide(client, option, prefix=prefix)
    return client


@pytest.fixture
def noord(shipped_aids):
    return factories.hospital("noord", name="Ziekenhuis Noord")


def test_medication_at_her_hospital_in_at_most_2_pages(noord, shipped_aids):
    response = patient("medicijnen", noord).get(PLAN_PDF_URL)
    assert response["Content-Type"] == "application/pdf"
    assert kept_pdf(response, "plan-miskraam", "plan-nl.pdf") <= 2
    text = text_of_pdf(response.content)
    aid = shipped_aids["nl"]
    for expected in [
        "Je plan met data",
        "Mifepriston slikken",
        "Is er 48 uur na de misoprostol nog niets gebeurd?",
        "Weer ongesteld",
        "Ziekenhuis Noord",
        "050 123 45 00",
        "heb geen seks",
        "De 2 weken tellen vanaf de dag van de miskraam.",
        "Landelijk Steunpunt Rouw",
        "www.freya.nl",
        "Vraag dan hulp aan je huisarts",
        f"Inhoud versie {aid.version}",
        "Folder Ommelander Ziekenhuis, gebaseerd op NVOG",
    ]:
        assert expected in text, expected
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", ARTEFACTS / "plan-nl.pdf", ARTEFACTS / "plan-nl-pdf"],
        check=True,
    )


def test_an_example_hospitals_number_is_not_one_to_call(shipped_aids):
    client = Client()
    client.get("/ziekenhuis/voorbeeld/")
    walk_shipped(client)
    decide(client, "curettage")
    content = pdf_of(client, PLAN_PDF_URL)
    text = text_of_pdf(content)
    assert "Let op: dit zijn voorbeeldnummers." in text
    assert b"tel:" not in content


def test_a_curettage_dates_the_first_2_weeks(noord):
    text = text_of_pdf(pdf_of(patient("curettage", noord), PLAN_PDF_URL))
    assert "Voor jou:" in text
    assert "of zolang je bloed verliest." in text


def test_her_plan_in_english(shipped_aids):
    client = patient("afwachten", prefix="/en")
    response = client.get(url("answers:plan_pdf", "en"))
    assert kept_pdf(response, "plan-miskraam", "plan-en.pdf", "en") <= 2
    text = text_of_pdf(response.content)
    assert "Your plan with dates" in text
    assert "do not have sex" in text
    assert "www.freya.nl" in text
    assert PdfReader(io.BytesIO(response.content)).trailer["/Root"]["/Lang"] == "en"


def test_without_a_decision_the_pdf_sends_her_to_the_decision_page(shipped_aids):
    client = Client()
    walk_shipped(client)
    response = client.get(PLAN_PDF_URL)
    assert response.status_code == 302
    assert response["Location"] == DECISION_URL


def test_with_every_slot_taken_she_waits_for_her_plan(noord, settings):
    settings.PDF_DRAWINGS_AT_ONCE = 1
    client = patient("medicijnen", noord)
    with pdf.drawing_slot():
        waiting = client.get(PLAN_PDF_URL)
    assert waiting.status_code == 202
    assert waiting["Refresh"] == "2"
    page = waiting.content.decode()
    assert f'href="{PLAN_PDF_URL}"' in page
    assert 'href="/mijn-keuze/besluit/plan/"' in page
    assert client.get(PLAN_PDF_URL)["Content-Type"] == "application/pdf"
